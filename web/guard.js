// Runs first, in any browser, even IE: a classic script in ES5 on purpose. If the browser cannot
// run the app (IE or compatibility mode, no ES modules, no WebAssembly, or the start fails), the
// page says in plain Chinese what to do and which kernel it saw, never a raw error.
(function () {
  'use strict';
  var FLOOR = 86;

  function kernel() {
    var ua = navigator.userAgent || '';
    var ie = /(?:MSIE |Trident\/.*rv:)(\d+)/.exec(ua);
    if (ie) return { ie: true, text: 'IE ' + ie[1] + ' 内核（兼容模式）' };
    var chrome = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
    if (chrome) return { version: +chrome[1], text: 'Chromium ' + chrome[1] + ' 内核' };
    return { text: '未能识别的内核' };
  }

  function advice(k) {
    var first = k.ie
      ? '请点击地址栏右侧的闪电或“e”图标，切换到“极速模式”后刷新本页。'
      : k.version && k.version < FLOOR
        ? '这个浏览器的内核太旧（需要 Chromium ' + FLOOR + ' 或更新）。如果是 360、QQ 等双核浏览器，请先切换到“极速模式”；仍不行请升级浏览器。'
        : '请升级浏览器后再打开本页。';
    return first + '可用的浏览器：Chrome 86 及以上（Windows 7 可用 Chrome 109）、新版 Edge、360 安全浏览器 13 及以上或 QQ 浏览器的极速模式。';
  }

  var shown = false;
  function show() {
    if (shown || !document.body) return;
    shown = true;
    var k = kernel();
    var box = document.createElement('div');
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    var title = document.createElement('h1');
    title.appendChild(document.createTextNode('作风建设工作台无法在这个浏览器中运行'));
    var body = document.createElement('p');
    body.appendChild(document.createTextNode(advice(k)));
    var seen = document.createElement('p');
    seen.appendChild(document.createTextNode('检测到：' + k.text + '。'));
    box.appendChild(title);
    box.appendChild(body);
    box.appendChild(seen);
    document.body.appendChild(box);
  }

  function whenReady(fn) {
    if (document.body) fn();
    else if (document.addEventListener) document.addEventListener('DOMContentLoaded', fn);
    else window.attachEvent('onload', fn); // IE 8 document mode, which 360's 兼容模式 may use
  }

  // boot.js calls this when the app cannot start; the cause goes to the console for whoever helps.
  window.zuofengCannotStart = function (error) {
    if (window.console && console.error) console.error('作风建设工作台无法启动', error);
    whenReady(show);
  };

  var script = document.createElement('script');
  var modules = 'noModule' in script;
  if (!modules || typeof WebAssembly !== 'object' || !window.Promise) {
    whenReady(show);
    return;
  }
  // A script the browser cannot even parse never reaches boot.js's own error handling.
  window.addEventListener('error', function (event) {
    if (!window.zuofengStarted && event && /SyntaxError/.test(String(event.message))) {
      window.zuofengCannotStart(event.message);
    }
  });
})();
