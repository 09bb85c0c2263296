// The reader's plan, on the phone only (the server sends everyone the same page). localStorage:
//   fg-ticks  [step ids]: the ticked steps, by their stable ids (data-step; planner/plan.py Step.id)
//   fg-plan   {q, path, week, next, lang, done, total}: the kept plan (its answers, the query
//             string) and what the home page's "your plan" shows (data-my-plan)
// The link to take it elsewhere: the plan's own address, and #done= the ticked steps, four
// characters each (their ids hashed), in the fragment, which never reaches the server.
(() => {
  const bn = document.documentElement.lang === "bn";
  const digits = (n) => (bn ? String(n).replace(/\d/g, (d) => "০১২৩৪৫৬৭৮৯"[d]) : String(n));
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  };
  const write = (key, value) => {
    try {
      value === null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {}
  };
  const sw = navigator.serviceWorker;
  const tell = (message) => sw && sw.ready.then((r) => r.active.postMessage(message));

  // The home page: "Your plan: week 2, next step: ..." (space kept for it in the layout).
  const mine = document.querySelector("[data-my-plan]");
  const kept = read("fg-plan");
  if (mine && kept) {
    const link = mine.querySelector("a");
    const [before, after] = (kept.week ? mine.dataset.text : mine.dataset.done).split("{step}");
    const step = document.createElement("span");
    step.lang = kept.lang;
    step.textContent = kept.next || "";
    link.append(before.replace("{week}", digits(kept.week)), step, after || "");
    link.href = kept.path + kept.q;
    link.hidden = false;
  }

  const tools = document.querySelector("[data-plan-tools]");
  if (!tools) return;
  const text = tools.dataset;
  const boxes = [...document.querySelectorAll("[data-step]")];
  const keepButton = tools.querySelector("[data-keep-plan]");
  const status = document.getElementById("plan-status");
  const here = location.pathname + location.search;
  const ticks = new Set(read("fg-ticks") || []);
  const code = (id) => {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    return (h >>> 0).toString(36).padStart(4, "0").slice(-4);
  };
  const isKept = () => (read("fg-plan") || {}).q === location.search;

  // Count, mark the next step and its week, and refresh what the home page shows.
  function draw() {
    const next = boxes.find((box) => !box.checked);
    const week = next && next.closest("[data-week]");
    for (const badge of document.querySelectorAll("[data-next], [data-now]")) badge.hidden = true;
    if (next) {
      next.parentNode.querySelector("[data-next]").hidden = false;
      week.querySelector("[data-now]").hidden = false;
    }
    const done = boxes.filter((box) => box.checked).length;
    tools.querySelector("[data-plan-progress]").textContent = text.progress.replace("{n}", digits(done));
    keepButton.setAttribute("aria-pressed", isKept());
    keepButton.textContent = isKept() ? text.keptLabel : keepButton.dataset.label;
    if (isKept()) {
      const label = next && next.parentNode.querySelector("label");
      write("fg-plan", {
        q: location.search,
        path: location.pathname,
        week: week ? Number(week.dataset.week) : 0,
        next: label ? label.textContent : "",
        lang: label ? label.lang : document.documentElement.lang,
        done,
        total: boxes.length,
      });
    }
    return week;
  }

  function keep() {
    const before = read("fg-plan");
    write("fg-plan", { q: location.search, path: location.pathname });
    draw();
    // The worker keeps this page (with its answers) for offline; the old kept plan goes.
    if (before && before.path + before.q !== here) tell({ forget: [before.path + before.q] });
    tell({ keep: [here] });
  }

  // A link from another phone: its ticks join this phone's, and the plan is kept.
  const shared = /^#done=([0-9a-z]*)$/.exec(location.hash);
  if (shared) {
    const codes = shared[1].match(/.{4}/g) || [];
    for (const box of boxes) if (codes.includes(code(box.dataset.step))) ticks.add(box.dataset.step);
    write("fg-ticks", [...ticks]);
    history.replaceState(null, "", here);
  }
  keepButton.dataset.label = keepButton.textContent;
  for (const box of boxes) {
    box.disabled = false;
    box.checked = ticks.has(box.dataset.step);
    box.addEventListener("change", () => {
      box.checked ? ticks.add(box.dataset.step) : ticks.delete(box.dataset.step);
      write("fg-ticks", [...ticks]);
      draw();
    });
  }
  if (shared || (isKept() && read("fg-plan").path !== location.pathname)) keep();
  // The week to do now comes first (once, as the page opens: never under the reader's finger).
  const now = draw();
  if (now && now.previousElementSibling) now.parentNode.prepend(now);
  tools.querySelector("[data-plan-buttons]").hidden = false;

  keepButton.addEventListener("click", () => {
    keep();
    status.textContent = text.kept;
  });
  tools.querySelector("[data-print-plan]").addEventListener("click", () => print());
  tools.querySelector("[data-copy-plan]").addEventListener("click", () => {
    const done = boxes.filter((box) => box.checked).map((box) => code(box.dataset.step));
    const field = tools.querySelector("[data-plan-link]");
    field.value = location.origin + here + "#done=" + done.join("");
    field.closest("[hidden]")?.removeAttribute("hidden");
    field.select();
    const copied = navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject();
    copied.then(
      () => (status.textContent = text.copied),
      () => (status.textContent = text.copyByHand),
    );
  });
  tools.querySelector("[data-clear-plan]").addEventListener("click", () => {
    if (!confirm(text.ask)) return;
    const before = read("fg-plan");
    if (before) tell({ forget: [before.path + before.q] });
    write("fg-plan", null);
    write("fg-ticks", null);
    ticks.clear();
    for (const box of boxes) box.checked = false;
    draw();
    status.textContent = text.cleared;
  });
})();
