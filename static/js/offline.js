// Offline reading, as an extra: without JavaScript or a service worker nothing here runs and the
// site works as before. Registers /sw.js after the page has loaded, drives the "save the path"
// button and fills the offline page's list of kept pages.
(() => {
  // A kept plan: plan.js draws it on the home page.
  const mine = document.querySelector("[data-my-plan]");
  try {
    if (mine && localStorage.getItem("fg-plan")) document.head.appendChild(document.createElement("script")).src = mine.dataset.script;
  } catch (e) {}
  const sw = navigator.serviceWorker;
  if (!sw) return;
  addEventListener("load", () => {
    // The page that installed the worker was fetched before it ran: ask it to keep this one too.
    const first = !sw.controller;
    sw.register("/sw.js").catch(() => null);
    if (first) sw.ready.then((r) => r.active.postMessage({ keep: [location.pathname + location.search] }));
  });

  const button = document.querySelector("[data-save-path]");
  if (button) {
    const status = document.getElementById(button.dataset.status);
    button.hidden = false;
    button.addEventListener("click", async () => {
      const saveData = navigator.connection && navigator.connection.saveData;
      // Data saver on, or more than 1 MB: ask first (the question gives the size).
      if ((saveData || Number(button.dataset.bytes) > 1e6) && !confirm(button.dataset.ask)) return;
      button.disabled = true;
      status.textContent = button.dataset.saving;
      const registration = await sw.ready;
      registration.active.postMessage({ save: JSON.parse(button.dataset.urls) });
    });
    sw.addEventListener("message", (e) => {
      if (!e.data || e.data.saved === undefined) return;
      button.disabled = false;
      status.textContent = e.data.saved === e.data.of ? button.dataset.saved : button.dataset.failed;
    });
  }

  const list = document.querySelector("[data-offline-list]");
  if (list && window.caches) listKept(list);

  // The pages kept in this language, by their titles, read from the kept copies themselves.
  async function listKept(list) {
    const prefix = `/${document.documentElement.lang}/`;
    for (const name of await caches.keys()) {
      if (!name.startsWith("fg-pages-")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (!url.pathname.startsWith(prefix)) continue;
        const html = await (await cache.match(request)).text();
        const title = new DOMParser().parseFromString(html, "text/html").title.split(" · ")[0];
        const item = document.createElement("li");
        const link = item.appendChild(document.createElement("a"));
        link.href = url.pathname;
        link.textContent = title || url.pathname;
        list.appendChild(item);
      }
    }
    if (list.children.length) list.closest("[hidden]")?.removeAttribute("hidden");
  }
})();
