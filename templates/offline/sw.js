{% autoescape off %}// Offline reading: see freelanceguide/offline.py for what is kept and why.
const V = "{{ version }}", STATIC = "fg-static-" + V, PAGES = "fg-pages-" + V;
const SHELL = {{ shell }}, OFFLINE = {{ offline }}, NEVER = {{ never }}, PLAN = {{ plan }}, LANGS = Object.keys(OFFLINE);

// A reader page: under a language prefix, no query string, not a kind that is never kept.
const keepable = (url) => {
  const parts = url.pathname.split("/");
  return url.origin === location.origin && !url.search && LANGS.includes(parts[1]) && !NEVER.includes(parts[2]);
};
// Or a plan the reader keeps (static/js/plan.js; storable() refuses other origins).
const asked = (url) => keepable(url) || PLAN.includes(url.pathname);
// Only what the page cache serves to everyone: HTML, no-cache (revalidated), nothing private.
const storable = (r) => {
  const cc = r.headers.get("Cache-Control") || "";
  return r.status === 200 && r.type === "basic" && /^text\/html/.test(r.headers.get("Content-Type") || "")
    && /no-cache/.test(cc) && !/private|no-store/.test(cc);
};
const saveData = () => !!(navigator.connection && navigator.connection.saveData);

async function keep(url) {
  const r = await fetch(url, { credentials: "same-origin" });
  if (!storable(r)) return false;
  await (await caches.open(PAGES)).put(url, r);
  return true;
}

self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(STATIC).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

// A new deployment: drop every older cache, then fetch the pages the reader had kept again.
self.addEventListener("activate", (e) => {
  e.waitUntil((async () => {
    const kept = [];
    for (const name of await caches.keys()) {
      if (name === STATIC || name === PAGES || !name.startsWith("fg-")) continue;
      if (name.startsWith("fg-pages-")) kept.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
      await caches.delete(name);
    }
    await self.clients.claim();
    if (!saveData()) for (const url of kept) await keep(url).catch(() => false);
  })());
});

self.addEventListener("fetch", (e) => {
  const req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.startsWith("{{ static_url }}")) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
  } else if (req.mode === "navigate") {
    e.respondWith(page(e, url));
  }
});

// A kept page opens at once and is refreshed in the background; any other page comes from the
// network, is kept if it may be, and offline becomes the offline page in the reader's language.
async function page(e, url) {
  const hit = asked(url) && (await caches.match(url.href, { cacheName: PAGES }));
  const fresh = fetch(e.request).then(async (r) => {
    if ((hit || keepable(url)) && storable(r)) await (await caches.open(PAGES)).put(url.href, r.clone());
    return r;
  });
  if (hit) {
    e.waitUntil(fresh.catch(() => null));
    return hit;
  }
  try {
    return await fresh;
  } catch (err) {
    const lang = LANGS.includes(url.pathname.split("/")[1]) ? url.pathname.split("/")[1] : LANGS[0];
    return (await caches.match(OFFLINE[lang], { cacheName: STATIC })) || Response.error();
  }
}

// "Save the path" (save: the reply says how many were kept), or the first page a reader opened
// before the worker ran (keep: no reply; usually a 304 from the browser's own cache), or a plan.
self.addEventListener("message", (e) => {
  const gone = e.data && e.data.forget;
  if (gone) e.waitUntil(caches.open(PAGES).then((c) => Promise.all(gone.map((u) => c.delete(u)))));
  const urls = e.data && (e.data.save || e.data.keep);
  if (!Array.isArray(urls)) return;
  e.waitUntil((async () => {
    let saved = 0;
    for (const u of urls) {
      const url = new URL(u, location.origin);
      if (asked(url) && (await keep(url.href).catch(() => false))) saved += 1;
    }
    if (e.data.save) e.source.postMessage({ saved, of: urls.length });
  })());
});
{% endautoescape %}
