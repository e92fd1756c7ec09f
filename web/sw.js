// Service worker: after the first visit the app opens with no network. scripts/pack.mjs writes
// the build id and file list below; a new build changes this file, so the browser installs the
// new worker, which fetches the whole new set before it takes over (never half old, half new).
const BUILD = '__ZUOFENG_BUILD__';
const FILES = __ZUOFENG_FILES__;
const CACHE = `zuofeng-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('zuofeng-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The app's pages are all one page: any navigation gets index.html.
      const key = request.mode === 'navigate' ? './' : request;
      const hit = await cache.match(key, { ignoreSearch: true });
      return hit ?? fetch(request);
    }),
  );
});
