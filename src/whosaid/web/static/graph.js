// Graph page: a small force layout of the actor network in SVG; click or press Enter on an edge for its evidence.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  var statusEl = document.getElementById("graph-status");
  var evidenceEl = document.getElementById("edge-evidence");
  var hintEl = document.getElementById("edge-hint");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var W = 1000, H = 560, MAX_NODES = 150, LABELS = 45;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, text, parent, cls) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;  // never innerHTML: names and quotes are untrusted
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  function layoutComponent(nodes, edges, size) {
    // Fruchterman-Reingold in a size x size box with cooling; deterministic start on a circle.
    var n = nodes.length, k = size / Math.sqrt(Math.max(n, 1)) * 0.6, t = size / 4;
    nodes.forEach(function (d, i) {
      var a = (2 * Math.PI * i) / Math.max(n, 1);
      d.x = size / 2 + (size / 3) * Math.cos(a); d.y = size / 2 + (size / 3) * Math.sin(a);
    });
    if (n === 1) return;
    for (var it = 0; it < 250; it++) {
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
        var dist = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01), f = (k * k) / dist;
        a.dx += (dx / dist) * f; a.dy += (dy / dist) * f; b.dx -= (dx / dist) * f; b.dy -= (dy / dist) * f;
      }
      edges.forEach(function (e) {
        var dx = e.s.x - e.t.x, dy = e.s.y - e.t.y, dist = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        var f = (dist * dist) / k;
        e.s.dx -= (dx / dist) * f; e.s.dy -= (dy / dist) * f; e.t.dx += (dx / dist) * f; e.t.dy += (dy / dist) * f;
      });
      nodes.forEach(function (d) {
        d.dx += (size / 2 - d.x) * 0.06; d.dy += (size / 2 - d.y) * 0.06;  // gravity keeps it off the walls
        var len = Math.max(Math.sqrt(d.dx * d.dx + d.dy * d.dy), 0.01), step = Math.min(len, t);
        d.x = Math.min(size, Math.max(0, d.x + (d.dx / len) * step));
        d.y = Math.min(size, Math.max(0, d.y + (d.dy / len) * step));
      });
      t *= 0.98;
    }
  }

  function layout(nodes, edges) {
    // Lay out each connected component on its own, then pack them in rows, biggest first,
    // so that small pairs neither crowd the main cluster nor squeeze it when the view is fitted.
    var parent = {};
    function find(x) { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
    nodes.forEach(function (d) { parent[d.id] = d.id; });
    edges.forEach(function (e) { parent[find(e.source)] = find(e.target); });
    var comps = {};
    nodes.forEach(function (d) { (comps[find(d.id)] = comps[find(d.id)] || []).push(d); });
    var list = Object.keys(comps).map(function (key) { return comps[key]; })
      .sort(function (a, b) { return b.length - a.length; });
    var unit = 90, x = 0, y = 0, rowH = 0;
    function sizeOf(comp) { return Math.max(unit, Math.sqrt(comp.length) * unit * 1.4); }
    var area = list.reduce(function (acc, comp) { return acc + Math.pow(sizeOf(comp) + unit * 0.4, 2); }, 0);
    var maxRow = Math.max(sizeOf(list[0]), Math.sqrt(area * 2.0));  // rows as wide as the view's aspect
    list.forEach(function (comp) {
      var ids = {};
      comp.forEach(function (d) { ids[d.id] = true; });
      var size = sizeOf(comp);
      layoutComponent(comp, edges.filter(function (e) { return ids[e.source]; }), size);
      if (x > 0 && x + size > maxRow) { x = 0; y += rowH + unit * 0.4; rowH = 0; }
      comp.forEach(function (d) { d.x += x; d.y += y; });
      x += size + unit * 0.4; rowH = Math.max(rowH, size);
    });
    // fit into the view box
    var xs = nodes.map(function (d) { return d.x; }), ys = nodes.map(function (d) { return d.y; });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var pad = 50, sx = (W - 2 * pad - 120) / Math.max(maxX - minX, 1), sy = (H - 2 * pad) / Math.max(maxY - minY, 1), s = Math.min(sx, sy, 2);
    nodes.forEach(function (d) {
      d.x = pad + (d.x - minX) * s + (W - 2 * pad - 120 - (maxX - minX) * s) / 2;
      d.y = pad + (d.y - minY) * s + (H - 2 * pad - (maxY - minY) * s) / 2;
    });
  }

  function radius(d) { return 6 + Math.min(14, Math.sqrt(d.weight || 1) * 2.2); }

  function draw(data) {
    var nodes = data.nodes.slice().sort(function (a, b) { return (b.weight || 0) - (a.weight || 0); });
    var dropped = Math.max(0, nodes.length - MAX_NODES);
    nodes = nodes.slice(0, MAX_NODES);
    var byId = {};
    nodes.forEach(function (d) { byId[d.id] = d; });
    var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target] && e.source !== e.target; })
      .map(function (e) { return Object.assign({}, e, { s: byId[e.source], t: byId[e.target] }); });
    if (!nodes.length) { statusEl.textContent = "No actors in this period."; return; }
    layout(nodes, edges);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var defs = el("defs", {}, svg);
    ["cooperation", "conflict", "neutral"].forEach(function (q) {
      var m = el("marker", { id: "arrow-" + q, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      el("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-" + q, fill: q === "conflict" ? "#c0392b" : q === "cooperation" ? "#1e8449" : "#7f8c8d" }, m);
    });
    var maxW = Math.max.apply(null, edges.map(function (e) { return e.weight || 1; }).concat([1]));
    var pairCount = {};
    var gEdges = el("g", { class: "edges" }, svg);
    edges.forEach(function (e) {
      var pair = [e.source, e.target].sort().join("\u0000");
      var idx = pairCount[pair] = (pairCount[pair] || 0) + 1;
      var x1 = e.s.x, y1 = e.s.y, x2 = e.t.x, y2 = e.t.y, dx = x2 - x1, dy = y2 - y1, len = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      var bend = (idx - 1) * 18 * (idx % 2 ? 1 : -1) + (e.source < e.target ? 0 : 10);
      var cx = (x1 + x2) / 2 - (dy / len) * bend, cy = (y1 + y2) / 2 + (dx / len) * bend;
      var r = radius(e.t) + 3, ex = x2 - ((x2 - cx) / Math.max(Math.hypot(x2 - cx, y2 - cy), 1)) * r, ey = y2 - ((y2 - cy) / Math.max(Math.hypot(x2 - cx, y2 - cy), 1)) * r;
      var d = "M" + x1.toFixed(1) + "," + y1.toFixed(1) + " Q" + cx.toFixed(1) + "," + cy.toFixed(1) + " " + ex.toFixed(1) + "," + ey.toFixed(1);
      var quad = ["cooperation", "conflict", "neutral"].indexOf(e.quad) >= 0 ? e.quad : "neutral";
      var label = e.s.name + " → " + e.t.name + ": " + quad + ", " + (e.weight || 1) + " " + (e.kind === "event" ? "event" : "quote") + ((e.weight || 1) === 1 ? "" : "s");
      var g = el("g", { class: "edge-group " + quad + " kind-" + e.kind, tabindex: "0", role: "button", "aria-label": label,
                        "data-source": e.source, "data-target": e.target, "data-kind": e.kind, "data-quad": quad }, gEdges);
      el("title", {}, g).textContent = label;
      el("path", { d: d, class: "edge " + quad, "stroke-width": (1.2 + 3.5 * (e.weight || 1) / maxW).toFixed(2), "marker-end": "url(#arrow-" + quad + ")" }, g);
      el("path", { d: d, class: "edge-hit" }, g);
      function select() {
        gEdges.querySelectorAll(".selected").forEach(function (x) { x.classList.remove("selected"); });
        g.classList.add("selected");
        showEvidence(e, label);
      }
      g.addEventListener("click", select);
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(); } });
    });
    var gNodes = el("g", { class: "nodes" }, svg);
    nodes.forEach(function (d, rank) {
      var g = el("g", { class: "node " + (d.kind || ""), transform: "translate(" + d.x.toFixed(1) + "," + d.y.toFixed(1) + ")" }, gNodes);
      var a = el("a", { href: "/actors/" + encodeURIComponent(d.id), "aria-label": (d.name || d.id) + (d.country ? " (" + d.country + ")" : "") }, g);
      el("circle", { r: radius(d).toFixed(1) }, a);
      el("title", {}, a).textContent = (d.name || d.id) + (d.country ? " (" + d.country + ")" : "");
      if (rank < LABELS) {
        var t = el("text", { x: (radius(d) + 3).toFixed(1), y: "4" }, a);
        t.textContent = d.name || d.id;
      }
    });
    statusEl.textContent = nodes.length + " actors, " + edges.length + " edges" + (dropped ? " (" + dropped + " lighter actors hidden)" : "") + ".";
  }

  function showEvidence(e, label) {
    hintEl.hidden = true;
    evidenceEl.textContent = "";
    html("h3", label, evidenceEl);
    var params = new URLSearchParams(svg.getAttribute("data-api").split("?")[1] || "");
    params.delete("min_weight");
    params.set("source", e.source); params.set("target", e.target); params.set("kind", e.kind);
    (e.evidence || []).slice(0, 200).forEach(function (id) { params.append("ids", id); });
    var loading = html("p", "Loading…", evidenceEl, "meta");
    fetch("/api/graph/evidence?" + params.toString()).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (data) {
      loading.remove();
      if (!data.items.length) { html("p", "No evidence found.", evidenceEl, "empty"); return; }
      var ul = html("ul", null, evidenceEl, "evidence-items");
      data.items.forEach(function (it) {
        var li = html("li", null, ul);
        var mark = html("mark", it.text, li, it.kind === "event" ? "evidence" : "");
        if (it.kind === "event") { html("strong", " " + (it.type || ""), li); }
        var meta = html("div", null, li, "meta");
        if (it.speaker_name) meta.appendChild(document.createTextNode(it.speaker_name + " · "));
        if (it.article_id) {
          var link = html("a", it.article_title || "article", meta);
          link.href = "/articles/" + encodeURIComponent(it.article_id) + (it.anchor ? "#" + encodeURIComponent(it.anchor) : "");
        }
        if (it.published) meta.appendChild(document.createTextNode(" · " + it.published));
      });
      var first = ul.querySelector("a");
      if (first) first.setAttribute("data-first", "");
    }).catch(function (err) {
      loading.textContent = "Could not load the evidence (" + err.message + ").";
    });
  }

  fetch(svg.getAttribute("data-api")).then(function (r) {
    if (!r.ok) return r.json().then(function (b) { throw new Error(b.error ? b.error.message : "HTTP " + r.status); });
    return r.json();
  }).then(draw).catch(function (err) { statusEl.textContent = "Could not load the network: " + err.message; });
})();
