(function () {
  "use strict";
  var body = document.body;
  var ATTR = {m: "data-m", g: "data-g", d: "data-t", p: "data-t", e: "data-t"};
  var detail = document.getElementById("detail");
  var flashed = [];
  var current = null;

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function targets(btn) {
    var id = btn.getAttribute("data-goto") || "";
    if (!/^[a-z][\w.-]*$/.test(id)) { return []; }
    if (id.slice(0, 3) === "doc") {
      var sec = document.getElementById("doc-" + id.slice(3));
      return sec ? [sec] : [];
    }
    var scope = btn.closest("[data-scope]") || document;
    var key = id.charAt(0), attr = ATTR[key] || "data-t";
    var value = (key === "m" || key === "g") ? id.slice(1) : id;
    return all("[" + attr + '="' + value + '"]', scope);
  }

  function show(el) {
    if (!detail) { return; }
    detail.textContent = el ? (el.getAttribute("title") || "") : "";
  }

  function jump(els) {
    if (!els.length) { return; }
    flashed.forEach(function (e) { e.classList.remove("flash"); });
    flashed = els;
    var first = els[0];
    if (first.tagName === "SECTION") { first.hidden = false; }
    first.scrollIntoView({block: "center", inline: "nearest"});
    els.forEach(function (e) { if (e.tagName !== "SECTION") { e.classList.add("flash"); } });
    if (first.tagName === "MARK") {
      first.focus({preventScroll: true});
      current = first;
      show(first);
    }
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest("[data-goto]");
    if (btn) { ev.preventDefault(); jump(targets(btn)); }
  });

  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.hasAttribute("data-toggle-type")) {
      body.classList.toggle("hide-" + t.getAttribute("data-toggle-type"), !t.checked);
    } else if (t.hasAttribute("data-toggle-kind")) {
      body.classList.toggle("hide-k-" + t.getAttribute("data-toggle-kind"), !t.checked);
    } else if (t.id === "show-labels") {
      body.classList.toggle("labels", t.checked);
    } else if (t.closest("#filters")) {
      filter();
    }
  });

  function over(ev) {
    var m = ev.target.closest && ev.target.closest("mark[title]");
    if (!m) { return; }
    show(m);
    var pair = m.getAttribute("data-pair");
    all("mark.partner").forEach(function (e) { e.classList.remove("partner", "flash"); });
    if (pair !== null) {
      var scope = m.closest("[data-scope]") || document;
      all('mark[data-pair="' + pair.replace(/[^\w-]/g, "") + '"]', scope).forEach(function (e) {
        if (e !== m) { e.classList.add("partner", "flash"); }
      });
    }
  }
  document.addEventListener("mouseover", over);
  document.addEventListener("focusin", over);

  function hidden(m) {
    return body.classList.contains("hide-" + m.getAttribute("data-type")) ||
      (m.hasAttribute("data-kind") && body.classList.contains("hide-k-" + m.getAttribute("data-kind"))) ||
      m.closest("[hidden]") !== null;
  }

  function step(dir) {
    var marks = all("mark.m[tabindex]").filter(function (m) { return !hidden(m); });
    if (!marks.length) { return; }
    var i = current ? marks.indexOf(current) : -1;
    i = i < 0 ? (dir > 0 ? 0 : marks.length - 1) : (i + dir + marks.length) % marks.length;
    jump([marks[i]]);
  }

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.altKey || ev.ctrlKey || ev.metaKey || (t && t.closest && t.closest("input,select,textarea"))) { return; }
    if (ev.key === "n" || ev.key === "j") { ev.preventDefault(); step(1); }
    else if (ev.key === "p" || ev.key === "k") { ev.preventDefault(); step(-1); }
    else if (ev.key === "Escape") { show(null); }
  });

  // index filters: search, type, institution, publication date range
  function val(id) { var e = document.getElementById(id); return e ? e.value.trim().toLowerCase() : ""; }
  function pad(d, end) {
    if (!d) { return ""; }
    if (d.length === 4) { return d + (end ? "-12-31" : "-01-01"); }
    if (d.length === 7) { return d + (end ? "-31" : "-01"); }
    return d.slice(0, 10);
  }
  function matches(el, f) {
    if (f.q && (el.getAttribute("data-search") || "").indexOf(f.q) < 0) { return false; }
    if (f.type && (" " + (el.getAttribute("data-types") || "") + " ").indexOf(" " + f.type + " ") < 0) { return false; }
    if (f.inst && (el.getAttribute("data-inst") || "").indexOf(f.inst) < 0) { return false; }
    if (f.from || f.to) {
      var pub = el.getAttribute("data-pub") || "";
      if (!pub) { return false; }
      if (f.from && pad(pub, true) < f.from) { return false; }
      if (f.to && pad(pub, false) > f.to) { return false; }
    }
    return true;
  }
  function filter() {
    var f = {q: val("f-q"), type: val("f-type"), inst: val("f-inst"), from: val("f-from"), to: val("f-to")};
    var shown = 0;
    all("tr[data-row]").forEach(function (r) { var ok = matches(r, f); r.hidden = !ok; shown += ok ? 1 : 0; });
    all("section.doc").forEach(function (s) { s.hidden = !matches(s, f); });
    var out = document.getElementById("f-shown");
    if (out) { out.textContent = shown + " shown"; }
  }
  var timer = null;
  document.addEventListener("input", function (ev) {
    if (ev.target.closest && ev.target.closest("#filters")) {
      clearTimeout(timer);
      timer = setTimeout(filter, 120);
    }
  });
}());
