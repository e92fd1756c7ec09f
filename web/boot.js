// Starts the app. A file of its own (not an inline script) so the content security policy can
// forbid inline scripts.
import init from './zuofeng.js';

init({ module_or_path: new URL('./zuofeng_bg.wasm', import.meta.url) }).catch((error) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = '作风建设工作台无法启动：' + error + '。请使用新版 Chrome、Edge、360 或 QQ 浏览器打开。';
  document.body.appendChild(p);
});
