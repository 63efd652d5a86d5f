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

  // the index: rows from the JSON data block, drawn with textContent; filters
  // (search, type, institution, publication date range) over rows and sections
  var dataEl = document.getElementById("index-data");
  var rows = dataEl ? JSON.parse(dataEl.textContent) : [];
  var LIMIT = 300;
  var matched = rows, drawn = 0;
  var tbody = document.querySelector("#index tbody");
  var more = document.getElementById("f-more");

  function val(id) { var e = document.getElementById(id); return e ? e.value.trim().toLowerCase() : ""; }
  function pad(d, end) {
    if (d.length === 4) { return d + (end ? "-12-31" : "-01-01"); }
    if (d.length === 7) { return d + (end ? "-31" : "-01"); }
    return d.slice(0, 10);
  }
  function matches(r, f) {
    if (f.q && r.q.indexOf(f.q) < 0) { return false; }
    if (f.type && (" " + r.types + " ").indexOf(" " + f.type + " ") < 0) { return false; }
    if (f.inst && r.instq.indexOf(f.inst) < 0) { return false; }
    if (f.from || f.to) {
      if (!r.pub) { return false; }
      if (f.from && pad(r.pub, true) < f.from) { return false; }
      if (f.to && pad(r.pub, false) > f.to) { return false; }
    }
    return true;
  }
  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }
  function drawMore() {
    if (!tbody) { return; }
    var end = Math.min(matched.length, drawn + LIMIT);
    var frag = document.createDocumentFragment();
    for (var i = drawn; i < end; i++) {
      var r = matched[i], tr = document.createElement("tr");
      tr.setAttribute("data-row", String(r.n));
      tr.setAttribute("data-types", r.types);
      tr.setAttribute("data-pub", r.pub);
      tr.setAttribute("data-inst", r.inst.join("\n"));
      cell(tr, String(r.n + 1), "n");
      var td = cell(tr, "", "");
      td.lang = "zh-CN";
      var link;
      if (r.href) {
        link = document.createElement("a");
        link.setAttribute("href", r.href + "#doc-" + r.n);
      } else {
        link = document.createElement("button");
        link.type = "button";
        link.className = "goto";
        link.setAttribute("data-goto", "doc" + r.n);
      }
      link.textContent = r.title;
      td.appendChild(link);
      var origin = document.createElement("div");
      origin.className = "src";
      origin.textContent = r.source;
      td.appendChild(origin);
      cell(tr, r.pub, "");
      cell(tr, r.outlet, "").lang = "zh-CN";
      r.c.concat([r.dl, r.pr]).forEach(function (x) { cell(tr, String(x), "n"); });
      cell(tr, r.inst.slice(0, 6).join("、") + (r.inst.length > 6 ? "…" : ""), "inst").lang = "zh-CN";
      frag.appendChild(tr);
    }
    tbody.appendChild(frag);
    drawn = end;
    if (more) {
      more.hidden = drawn >= matched.length;
      more.textContent = "show " + Math.min(LIMIT, matched.length - drawn) + " more of " + (matched.length - drawn);
    }
  }
  function filter() {
    var f = {q: val("f-q"), type: val("f-type"), inst: val("f-inst"), from: val("f-from"), to: val("f-to")};
    matched = rows.filter(function (r) { return matches(r, f); });
    if (tbody) { tbody.textContent = ""; }
    drawn = 0;
    drawMore();
    all("section.doc[data-search]").forEach(function (s) {
      s.hidden = !matches({q: s.getAttribute("data-search"), types: s.getAttribute("data-types"),
                           instq: s.getAttribute("data-inst"), pub: s.getAttribute("data-pub")}, f);
    });
    var out = document.getElementById("f-shown");
    if (out) { out.textContent = matched.length + " of " + rows.length + " shown"; }
  }
  rows.forEach(function (r) {   // what search and the institution filter read (search_text in index.py)
    r.instq = r.inst.join("\n").toLowerCase();
    r.q = [r.title, r.source, r.outlet].concat(r.by, r.inst).join(" ").toLowerCase();
  });
  if (more) { more.addEventListener("click", drawMore); }
  drawMore();

  var timer = null;
  document.addEventListener("input", function (ev) {
    if (ev.target.closest && ev.target.closest("#filters")) {
      clearTimeout(timer);
      timer = setTimeout(filter, 120);
    }
  });
}());
