(function () {
  "use strict";
  var doc = document;
  var byId = function (id) { return doc.getElementById(id); };
  var filtered = Array.prototype.slice.call(doc.querySelectorAll(".f"));
  var cards = Array.prototype.slice.call(doc.querySelectorAll("article.card"));
  var box = byId("cards");
  var DAY = 86400000;
  var defaults = { q: "", min: 0, region: "", law: "", days: 0, ok: false, sort: "score" };
  var state = Object.assign({}, defaults);
  var text = Object.create(null);
  var order = cards.slice();
  var currentSort = "score";

  function norm(value) { return String(value || "").toLowerCase().replace(/ё/g, "е"); }
  cards.forEach(function (card) { text[card.dataset.k] = norm(card.textContent); });

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var next = Object.assign({}, defaults);
    if (params.has("q")) next.q = params.get("q");
    if (params.has("min")) next.min = Math.max(0, Math.min(100, parseInt(params.get("min"), 10) || 0));
    if (params.has("region")) next.region = params.get("region");
    if (params.has("law")) next.law = params.get("law");
    if (params.has("days")) next.days = parseInt(params.get("days"), 10) || 0;
    next.ok = params.get("ok") === "1";
    if (["score", "deadline", "nmck", "margin"].indexOf(params.get("sort")) >= 0) next.sort = params.get("sort");
    return next;
  }

  function writeHash() {
    var params = new URLSearchParams();
    Object.keys(defaults).forEach(function (key) {
      var value = state[key];
      if (value === defaults[key]) return;
      params.set(key, key === "ok" ? "1" : String(value));
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
    byId("ok").checked = state.ok;
    byId("sort").value = state.sort;
    Array.prototype.forEach.call(doc.querySelectorAll(".minb"), function (button) {
      button.classList.toggle("on", Number(button.dataset.min) === state.min);
    });
  }

  function sortValue(card, key) {
    var raw = card.dataset[key === "deadline" ? "dl" : key];
    if (raw === "" || raw === undefined) return null;
    return Number(raw);
  }

  function applySort() {
    if (state.sort === currentSort || !box) return;
    var key = state.sort;
    var sorted = order.slice();
    if (key !== "score") {
      sorted.sort(function (a, b) {
        var va = sortValue(a, key), vb = sortValue(b, key);
        if (va === null && vb === null) return 0;
        if (va === null) return 1;
        if (vb === null) return -1;
        return key === "deadline" ? va - vb : vb - va;
      });
    }
    var fragment = doc.createDocumentFragment();
    sorted.forEach(function (card) { fragment.appendChild(card); });
    box.appendChild(fragment);
    currentSort = key;
  }

  function apply() {
    var started = performance.now();
    var now = Date.now();
    var words = norm(state.q).split(/\s+/).filter(Boolean);
    var visibleByKey = Object.create(null);
    var shown = 0;
    cards.forEach(function (card) {
      var data = card.dataset;
      var visible = Number(data.score) >= state.min
        && (!state.region || data.region === state.region)
        && (!state.law || data.law === state.law)
        && (!state.ok || data.ok === "1");
      if (visible && state.days > 0) {
        var deadline = data.dl ? Number(data.dl) : NaN;
        visible = !isNaN(deadline) && deadline > now && deadline - now <= state.days * DAY;
      }
      if (visible && words.length) {
        var haystack = text[data.k];
        for (var i = 0; i < words.length && visible; i++) visible = haystack.indexOf(words[i]) >= 0;
      }
      visibleByKey[data.k] = visible;
      if (visible) shown++;
    });
    filtered.forEach(function (element) {
      var hide = !visibleByKey[element.dataset.k];
      if (element.hidden !== hide) element.hidden = hide;
    });
    Array.prototype.forEach.call(doc.querySelectorAll(".cnt"), function (counter) {
      var section = byId(counter.dataset.for);
      if (!section) return;
      var all = section.querySelectorAll(".f").length;
      var visible = all - section.querySelectorAll(".f[hidden]").length;
      counter.textContent = visible === all ? String(all) : visible + " из " + all;
    });
    applySort();
    byId("shown").textContent = "Показано " + shown + " из " + cards.length;
    byId("nothing").hidden = shown > 0 || cards.length === 0;
    syncControls();
    writeHash();
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
    var soon = (Number(doc.body.dataset.closing) || 3) * DAY;
    Array.prototype.forEach.call(doc.querySelectorAll(".cd"), function (element) {
      if (!element.dataset.dl) return;
      var left = Number(element.dataset.dl) - now;
      element.textContent = countdown(left);
      element.classList.toggle("gone", left <= 0);
      element.classList.toggle("far", left > soon);
    });
  }

  function on(id, event, handler) { byId(id).addEventListener(event, handler); }
  on("q", "input", function (event) { state.q = event.target.value; apply(); });
  on("min", "input", function (event) {
    state.min = Math.max(0, Math.min(100, parseInt(event.target.value, 10) || 0));
    apply();
  });
  ["region", "law", "sort"].forEach(function (id) {
    on(id, "change", function (event) { state[id] = event.target.value; apply(); });
  });
  on("days", "change", function (event) { state.days = parseInt(event.target.value, 10) || 0; apply(); });
  on("ok", "change", function (event) { state.ok = event.target.checked; apply(); });
  on("reset", "click", function () { state = Object.assign({}, defaults); apply(); });
  Array.prototype.forEach.call(doc.querySelectorAll(".minb"), function (button) {
    button.addEventListener("click", function () { state.min = Number(button.dataset.min); apply(); });
  });
  window.addEventListener("hashchange", function () {
    var next = readHash();
    if (JSON.stringify(next) !== JSON.stringify(state)) { state = next; apply(); }
  });

  state = readHash();
  apply();
  tick();
  setInterval(tick, 60000);
})();
