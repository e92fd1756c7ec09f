// Starts the app: compile the WebAssembly, then tighten the content security policy, then run.
// A file of its own (not an inline script) so the policy can forbid inline scripts;
// scripts/pack.mjs puts the same code into the single-file build. web/guard.js (loaded first)
// shows a plain message if anything here fails.
import init from './zuofeng.js';

// Chromium before 97 compiles WebAssembly only under 'unsafe-eval', so the page's first policy
// allows eval for this one compile, while nothing but the app's own files can run. Once the
// module is compiled, the same policy without it is added; browsers enforce both from then on:
// no eval, no further WebAssembly, in every browser generation.
function lockDown() {
  const first = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!first) return;
  const strict = document.createElement('meta');
  strict.httpEquiv = 'Content-Security-Policy';
  strict.content = first.content.replace(/\s*'unsafe-eval'/g, '');
  document.head.appendChild(strict);
}

async function compile(source) {
  if (source instanceof Uint8Array) return WebAssembly.compile(source);
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(source));
    } catch (error) {
      // A server that does not send application/wasm: compile from the bytes instead.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  const response = await fetch(source);
  return WebAssembly.compile(await response.arrayBuffer());
}

async function start(source) {
  try {
    const module = await compile(source);
    lockDown();
    await init({ module_or_path: module });
    window.zuofengStarted = true;
  } catch (error) {
    if (window.zuofengCannotStart) window.zuofengCannotStart(error);
    else throw error;
  }
}

// Offline use after the first visit. Only the release build has sw.js; scripts/pack.mjs marks
// its index.html so that a development server does not ask for one. Registered two seconds after
// the app started, when the browser is idle: on a first visit the worker starts a thread and
// fetches and stores every file again, which would otherwise compete with the first screen (the
// page is often idle before it, waiting for the database to be created).
function registerWorker() {
  const released = document.querySelector('meta[name="zuofeng-service-worker"]');
  if (released && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch(() => {});
  }
}

start(new URL('./zuofeng_bg.wasm', import.meta.url)).then(() => {
  setTimeout(() => {
    if (window.requestIdleCallback) window.requestIdleCallback(registerWorker, { timeout: 3000 });
    else registerWorker();
  }, 2000);
});
