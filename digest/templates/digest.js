(function () {
  "use strict";
  var doc = document;
  var byId = function (id) { return doc.getElementById(id); };
  var each = function (selector, fn) { Array.prototype.forEach.call(doc.querySelectorAll(selector), fn); };
  var DAY = 86400000;
  var closingDays = Number(doc.body.dataset.closing) || 3;
  // Only the first `page` matching cards are displayed (then "show more"): style and layout stay bounded.
  var page = Number(doc.body.dataset.page) || 100;
  var limit = page;
  var defaults = { q: "", min: 0, region: "", law: "", days: 0, view: "", ok: false, sort: "score" };
  var SORTS = ["score", "deadline", "nmck", "margin"];
  var VIEWS = ["", "new", "amended", "closing", "possible"];
  var state = Object.assign({}, defaults);
  var box = byId("cards");
  var scoreButtons = Array.prototype.slice.call(doc.querySelectorAll(".minb"));
  var counters = Object.create(null);
  each(".cnt", function (counter) { counters[counter.dataset.for] = counter; });
  var hashTimer = null;
  var currentSort = "score";

  function norm(value) { return String(value || "").toLowerCase().replace(/ё/g, "е"); }
  function num(value) { return value === "" || value === undefined ? null : Number(value); }

  // Read every card once: filtering then touches plain objects, not the DOM.
  var cards = Array.prototype.map.call(doc.querySelectorAll("article.card"), function (element) {
    var data = element.dataset;
    return {
      element: element, key: data.k, score: Number(data.score), region: data.region, law: data.law,
      deadline: num(data.dl), ok: data.ok === "1", possible: data.possible === "1", isNew: data.new === "1", changed: data.chg === "1",
      nmck: num(data.nmck), margin: num(data.margin), text: norm(element.textContent), visible: true,
      displayed: !element.hidden
    };
  });
  var byKey = Object.create(null);
  cards.forEach(function (card) { byKey[card.key] = card; });
  var rows = Array.prototype.map.call(doc.querySelectorAll("tr.f"), function (element) {
    return { element: element, card: byKey[element.dataset.k] };
  });
  var sorted = cards.slice();

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var next = Object.assign({}, defaults);
    if (params.has("q")) next.q = params.get("q");
    if (params.has("min")) next.min = Math.max(0, Math.min(100, parseInt(params.get("min"), 10) || 0));
    if (params.has("region")) next.region = params.get("region");
    if (params.has("law")) next.law = params.get("law");
    if (params.has("days")) next.days = Math.max(0, parseInt(params.get("days"), 10) || 0);
    if (VIEWS.indexOf(params.get("view")) >= 0) next.view = params.get("view");
    next.ok = params.get("ok") === "1";
    if (SORTS.indexOf(params.get("sort")) >= 0) next.sort = params.get("sort");
    return next;
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(defaults).forEach(function (key) {
      if (state[key] !== defaults[key]) params.set(key, key === "ok" ? "1" : String(state[key]));
    });
    var hash = params.toString();
    var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url !== location.href) history.replaceState(null, "", url);
  }

  function syncControls() {
    byId("q").value = state.q;
    byId("min").value = String(state.min);
    byId("region").value = state.region;
    byId("law").value = state.law;
    byId("days").value = String(state.days);
    byId("view").value = state.view;
    byId("ok").checked = state.ok;
    byId("sort").value = state.sort;
    scoreButtons.forEach(function (button) { button.classList.toggle("on", Number(button.dataset.min) === state.min); });
  }

  function closingSoon(card, now) {
    return card.deadline !== null && card.deadline > now && card.deadline - now <= closingDays * DAY;
  }

  function matches(card, words, now) {
    if (card.score < state.min) return false;
    if (state.region && card.region !== state.region) return false;
    if (state.law && card.law !== state.law) return false;
    if (state.ok && !card.ok) return false;
    if (state.view === "new" && !card.isNew) return false;
    if (state.view === "amended" && !card.changed) return false;
    if (state.view === "closing" && !closingSoon(card, now)) return false;
    if (state.view === "possible" && !card.possible) return false;
    if (state.days > 0 && !(card.deadline !== null && card.deadline > now && card.deadline - now <= state.days * DAY)) {
      return false;
    }
    for (var i = 0; i < words.length; i++) if (card.text.indexOf(words[i]) < 0) return false;
    return true;
  }

  function applySort() {
    if (state.sort === currentSort) return;
    var key = state.sort;
    sorted = cards.slice();
    if (key !== "score") {
      sorted.sort(function (a, b) {
        var va = a[key], vb = b[key];
        if (va === null && vb === null) return 0;
        if (va === null) return 1;
        if (vb === null) return -1;
        return key === "deadline" ? va - vb : vb - va;
      });
    }
    currentSort = key;
  }

  // The page arrives in score order. Once another order is asked for, only the displayed cards (at most one
  // page) are moved, in order, to the end of the list: hidden cards may sit anywhere.
  var pristine = true;
  function placeDisplayed() {
    if (!box || (pristine && state.sort === "score")) return;
    pristine = false;
    var fragment = doc.createDocumentFragment();
    sorted.forEach(function (card) { if (card.displayed) fragment.appendChild(card.element); });
    box.appendChild(fragment);
  }

  function setCount(section, visible, total) {
    var counter = counters[section];
    if (counter) counter.textContent = visible === total ? String(total) : visible + " из " + total;
  }

  function apply(keepLimit) {
    var started = performance.now();
    if (keepLimit !== true) limit = page;
    applySort();
    var now = Date.now();
    var words = norm(state.q).split(/\s+/).filter(Boolean);
    var counts = { all: 0, closing: 0, "new": 0, amended: 0, possible: 0 };
    var totals = { all: cards.length, closing: 0, "new": 0, amended: 0, possible: 0 };
    sorted.forEach(function (card) {
      var visible = matches(card, words, now);
      var soon = closingSoon(card, now);
      totals.closing += soon ? 1 : 0;
      totals["new"] += card.isNew ? 1 : 0;
      totals.amended += card.changed ? 1 : 0;
      totals.possible += card.possible ? 1 : 0;
      var display = visible && counts.all < limit;
      if (visible) {
        counts.all++;
        counts.closing += soon ? 1 : 0;
        counts["new"] += card.isNew ? 1 : 0;
        counts.amended += card.changed ? 1 : 0;
        counts.possible += card.possible ? 1 : 0;
      }
      card.visible = visible;
      if (card.displayed !== display) { card.element.hidden = !display; card.displayed = display; }
    });
    rows.forEach(function (row) {
      var hide = !(row.card && row.card.visible);
      if (row.element.hidden !== hide) row.element.hidden = hide;
    });
    Object.keys(counts).forEach(function (section) { setCount(section, counts[section], totals[section]); });
    placeDisplayed();
    var more = byId("more");
    more.hidden = counts.all <= limit;
    more.textContent = "Показать ещё " + Math.min(page, counts.all - limit) + " (на странице " + Math.min(limit, counts.all) +
      " из " + counts.all + ")";
    byId("shown").textContent = "Найдено " + counts.all + " из " + cards.length;
    byId("nothing").hidden = counts.all > 0 || cards.length === 0;
    syncControls();
    // history.replaceState costs tens of milliseconds on a large page: keep it off the interaction path.
    clearTimeout(hashTimer);
    hashTimer = setTimeout(writeHash, 250);
    window.__digestFilterMs = performance.now() - started;
  }

  function plural(n, one, few, many) {
    var tail = n % 100, last = n % 10;
    if (tail >= 11 && tail <= 14) return many;
    if (last === 1) return one;
    if (last >= 2 && last <= 4) return few;
    return many;
  }

  function countdown(ms) {
    if (ms <= 0) return "срок истёк";
    var seconds = Math.floor(ms / 1000);
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days) return days + "\u00a0" + plural(days, "день", "дня", "дней") + " " + hours + "\u00a0ч";
    if (hours) return hours + "\u00a0ч " + minutes + "\u00a0мин";
    return minutes + "\u00a0мин";
  }

  function tick() {
    var now = Date.now();
    each(".cd", function (element) {
      if (!element.dataset.dl) return;
      var left = Number(element.dataset.dl) - now;
      element.textContent = countdown(left);
      element.classList.toggle("gone", left <= 0);
      element.classList.toggle("far", left > closingDays * DAY);
    });
  }

  function on(id, event, handler) { byId(id).addEventListener(event, handler); }
  on("q", "input", function (event) { state.q = event.target.value; apply(); });
  on("min", "input", function (event) {
    state.min = Math.max(0, Math.min(100, parseInt(event.target.value, 10) || 0));
    apply();
  });
  ["region", "law", "sort", "view"].forEach(function (id) {
    on(id, "change", function (event) { state[id] = event.target.value; apply(); });
  });
  on("days", "change", function (event) { state.days = parseInt(event.target.value, 10) || 0; apply(); });
  on("ok", "change", function (event) { state.ok = event.target.checked; apply(); });
  on("reset", "click", function () { state = Object.assign({}, defaults); apply(); });
  on("more", "click", function () { limit += page; apply(true); });
  scoreButtons.forEach(function (button) {
    button.addEventListener("click", function () { state.min = Number(button.dataset.min); apply(); });
  });
  each(".viewb", function (button) {
    button.addEventListener("click", function () {
      state.view = button.dataset.view;
      apply();
      byId("all").scrollIntoView();
    });
  });
  window.addEventListener("pagehide", function () { clearTimeout(hashTimer); writeHash(); });
  window.addEventListener("hashchange", function () {
    var next = readHash();
    if (JSON.stringify(next) !== JSON.stringify(state)) { state = next; apply(); }
  });

  state = readHash();
  apply();
  tick();
  setInterval(tick, 60000);
})();
