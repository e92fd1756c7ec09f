// Starts the app. A file of its own (not an inline script) so the content security policy can
// forbid inline scripts. scripts/pack.mjs inlines the same steps into the single-file build.
import init from './zuofeng.js';

function failed(error) {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = '作风建设工作台无法启动：' + error + '。请使用新版 Chrome、Edge、360 或 QQ 浏览器打开。';
  document.body.appendChild(p);
}

init({ module_or_path: new URL('./zuofeng_bg.wasm', import.meta.url) }).catch(failed);

// Offline use after the first visit. Only the release build has sw.js; scripts/pack.mjs marks
// its index.html so that a development server does not ask for one.
const released = document.querySelector('meta[name="zuofeng-service-worker"]');
if (released && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
