// citegraph explorer: a canvas drawing of the page's networks with pan,
// zoom, search, filters, hover details and a record panel. No library, no
// network: everything comes from the JSON in the page.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var works = data.works;
  var canvas = document.getElementById('canvas');
  var ctx = canvas.getContext('2d');
  var tip = document.getElementById('tip');
  var details = document.getElementById('details');
  var search = document.getElementById('search');
  var results = document.getElementById('results');
  var fromInput = document.getElementById('from');
  var toInput = document.getElementById('to');
  var clusterSel = document.getElementById('cluster');
  var statusEl = document.getElementById('status');
  // a cluster's colour comes with the network (the map SVG's colour)
  var colors = {}, colorsOf = null; // cluster id -> colour, for the network colorsOf
  function clusterColor(id) {
    if (colorsOf !== net) {
      colors = {};
      colorsOf = net;
      (net && net.clusters || []).forEach(function (c) { if (c.color) colors[c.id] = c.color; });
    }
    return colors[id] || '#999999';
  }
  var CORPUS = '#0072B2', CITED = '#E69F00', OWN = '#009E73';
  var METRICS = ['citations here', 'references here', 'PageRank', 'betweenness', 'hub', 'authority'];

  var net = null;            // the network shown
  var n = 0;                 // its nodes
  var outs = [], ins = [];   // neighbours by node
  var shown = null;          // Uint8Array: passes the filters
  var view = { s: 1, tx: 0, ty: 0 };
  var W = 0, H = 0, dpr = 1;
  var selected = -1, hovered = -1;
  var grid = null;           // spatial hash of nodes, world coordinates
  var dirty = false;
  var api = window.citegraphExplorer = { ready: false, drawn: 0, frames: 0, frameMs: 0 };

  function fold(s) {
    return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function fmt(x) {
    if (x === Math.round(x)) return String(x);
    return x < 0.001 ? x.toExponential(2) : x.toPrecision(3);
  }
  function workOf(i) { var w = net.work[i]; return w >= 0 ? works[w] : null; }
  function labelOf(i) { var w = workOf(i); return w ? w.l : net.label[i]; }
  function yearOf(i) { var w = workOf(i); return w && w.y ? w.y : 0; }
  function colorOf(i) {
    if (net.cluster && net.cluster.length && net.clusters && net.clusters.length) {
      var c = net.cluster[i];
      return c > 0 ? clusterColor(c) : '#999999';
    }
    var w = workOf(i);
    if (!w) return OWN;
    return w.c ? CORPUS : CITED;
  }

  // --- networks -----------------------------------------------------------

  function setNetwork(k) {
    net = data.networks[k];
    n = net.work.length;
    outs = []; ins = [];
    for (var i = 0; i < n; i++) { outs.push([]); ins.push([]); }
    for (var e = 0; e < net.edges.length; e += 2) {
      outs[net.edges[e]].push(net.edges[e + 1]);
      ins[net.edges[e + 1]].push(net.edges[e]);
    }
    selected = hovered = -1;
    nearFor = -2;
    var tabs = document.querySelectorAll('#tabs button');
    for (var t = 0; t < tabs.length; t++) tabs[t].className = t === k ? 'on' : '';
    var lo = Infinity, hi = -Infinity;
    for (i = 0; i < n; i++) {
      var y = yearOf(i);
      if (y) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
    }
    fromInput.value = lo === Infinity ? '' : lo;
    toInput.value = hi === -Infinity ? '' : hi;
    fromInput.min = toInput.min = lo; fromInput.max = toInput.max = hi;
    var cf = document.getElementById('clusterfilter');
    clusterSel.innerHTML = '';
    if (net.clusters && net.clusters.length) {
      cf.hidden = false;
      clusterSel.appendChild(new Option('all', '0'));
      net.clusters.forEach(function (c) {
        clusterSel.appendChild(new Option(c.id + (c.label ? ': ' + c.label : ''), String(c.id)));
      });
    } else {
      cf.hidden = true;
    }
    legend();
    buildGrid();
    applyFilters();
    fit();
    api.network = net.name;
    api.nodes = n;
    api.edges = net.edges.length / 2;
  }

  function legend() {
    var el = document.getElementById('legend');
    if (net.clusters && net.clusters.length) {
      el.innerHTML = net.clusters.slice(0, 8).map(function (c) {
        return '<span class="dot" style="background:' + clusterColor(c.id) + '"></span>' + esc(c.label || 'cluster ' + c.id);
      }).join('');
    } else if (net.kind === 'historiograph') {
      el.innerHTML = '<span class="dot" style="background:' + CORPUS + '"></span>paper of the corpus' +
        '<span class="dot" style="background:' + CITED + '"></span>known from reference lists; arrows point to the cited work';
    } else {
      el.innerHTML = '';
    }
  }

  function buildGrid() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var k = 0; k < n; k++) {
      x0 = Math.min(x0, net.x[k]); x1 = Math.max(x1, net.x[k]);
      y0 = Math.min(y0, net.y[k]); y1 = Math.max(y1, net.y[k]);
    }
    var span = Math.max(x1 - x0, y1 - y0);
    var cell = net.kind === 'historiograph' || !(span > 0) ? 2 : span / 64, map = new Map();
    for (var i = 0; i < n; i++) {
      var key = Math.floor(net.x[i] / cell) + ',' + Math.floor(net.y[i] / cell);
      var b = map.get(key);
      if (!b) map.set(key, b = []);
      b.push(i);
    }
    grid = { cell: cell, map: map };
  }

  // nodeAt returns the node under the screen point, or -1.
  function nodeAt(sx, sy) {
    var wx = (sx - view.tx) / view.s, wy = (sy - view.ty) / view.s;
    var best = -1, bestD = Infinity, c = grid.cell;
    var reach = Math.max(1, Math.ceil((6 / view.s) / c));
    var gx = Math.floor(wx / c), gy = Math.floor(wy / c);
    for (var dx = -reach; dx <= reach; dx++) {
      for (var dy = -reach; dy <= reach; dy++) {
        var b = grid.map.get((gx + dx) + ',' + (gy + dy));
        if (!b) continue;
        for (var k = 0; k < b.length; k++) {
          var i = b[k];
          if (!shown[i]) continue;
          var r = Math.max(radius(i), 4 / view.s);
          var d = Math.hypot(net.x[i] - wx, net.y[i] - wy);
          if (d <= r && d < bestD) { best = i; bestD = d; }
        }
      }
    }
    return best;
  }

  function radius(i) { return net.size[i]; }

  // --- filters ------------------------------------------------------------

  function applyFilters() {
    shown = new Uint8Array(n);
    var lo = parseInt(fromInput.value, 10), hi = parseInt(toInput.value, 10);
    var cl = parseInt(clusterSel.value || '0', 10);
    var count = 0;
    for (var i = 0; i < n; i++) {
      var y = yearOf(i), ok = true;
      if (y && !isNaN(lo) && y < lo) ok = false;
      if (y && !isNaN(hi) && y > hi) ok = false;
      if (cl > 0 && net.cluster && net.cluster[i] !== cl) ok = false;
      shown[i] = ok ? 1 : 0;
      if (ok) count++;
    }
    if (selected >= 0 && !shown[selected]) select(-1);
    var links = 0;
    for (var e = 0; e < net.edges.length; e += 2) if (shown[net.edges[e]] && shown[net.edges[e + 1]]) links++;
    var what = net.kind === 'historiograph' ? ' works, ' : ' nodes, ';
    var lk = net.kind === 'historiograph' ? ' citations shown' : ' links shown';
    statusEl.textContent = count + ' of ' + n + what + links + lk;
    api.shown = count;
    redraw();
  }

  // --- view ---------------------------------------------------------------

  function resize() {
    dpr = window.devicePixelRatio || 1;
    var r = canvas.getBoundingClientRect();
    W = r.width; H = r.height;
    canvas.width = Math.max(1, Math.round(W * dpr));
    canvas.height = Math.max(1, Math.round(H * dpr));
    redraw();
  }

  function fit() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var i = 0; i < n; i++) {
      if (!shown[i]) continue;
      x0 = Math.min(x0, net.x[i]); x1 = Math.max(x1, net.x[i]);
      y0 = Math.min(y0, net.y[i]); y1 = Math.max(y1, net.y[i]);
    }
    if (x0 === Infinity) { x0 = y0 = -1; x1 = y1 = 1; }
    var hist = net.kind === 'historiograph';
    var left = hist ? 60 : 20;
    // a historiograph's unit is a row; a map has its own units: pad by a
    // share of its extent, so that it fills the view whatever its scale
    var ext = Math.max(x1 - x0, y1 - y0);
    if (!(ext > 1e-6)) ext = 1;
    var pad = hist ? 1 : 0.06 * ext;
    var right = hist ? 20 : 160; // a map's labels go right of its nodes
    var s = Math.min((W - left - right) / (x1 - x0 + 2 * pad), (H - 40) / (y1 - y0 + 2 * pad));
    if (!isFinite(s) || s <= 0) s = 1;
    view.s = hist ? Math.min(s, 60) : s;
    view.tx = left + (W - left - right) / 2 - view.s * (x0 + x1) / 2;
    view.ty = H / 2 - view.s * (y0 + y1) / 2;
    redraw();
  }

  function center(i) {
    if (view.s < 14) view.s = 14;
    view.tx = W / 2 - view.s * net.x[i];
    view.ty = H / 2 - view.s * net.y[i];
    redraw();
  }

  function redraw() {
    if (!dirty) {
      dirty = true;
      requestAnimationFrame(draw);
    }
  }

  // --- drawing ------------------------------------------------------------

  function draw() {
    dirty = false;
    var t0 = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var s = view.s, tx = view.tx, ty = view.ty;
    if (net.axis) {
      ctx.fillStyle = '#666';
      ctx.strokeStyle = '#eee';
      ctx.lineWidth = 1;
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      var lastY = -Infinity;
      net.axis.forEach(function (a) {
        var y = a.y * s + ty;
        if (y < -20 || y > H + 20) return;
        ctx.beginPath(); ctx.moveTo(52, y); ctx.lineTo(W, y); ctx.stroke();
        if (y - lastY >= 12) { ctx.fillText(a.label, 6, y); lastY = y; }
      });
    }
    // edges: all, then those of the selected node on top
    var ex = net.edges, arrows = net.directed && s > 12;
    ctx.lineWidth = 1;
    ctx.strokeStyle = selected >= 0 ? 'rgba(120,120,120,0.12)' : 'rgba(90,90,90,0.28)';
    ctx.beginPath();
    for (var e = 0; e < ex.length; e += 2) {
      var a = ex[e], b = ex[e + 1];
      if (!shown[a] || !shown[b]) continue;
      var ax = net.x[a] * s + tx, ay = net.y[a] * s + ty, bx = net.x[b] * s + tx, by = net.y[b] * s + ty;
      if ((ax < 0 && bx < 0) || (ax > W && bx > W) || (ay < 0 && by < 0) || (ay > H && by > H)) continue;
      ctx.moveTo(ax, ay); ctx.lineTo(bx, by);
      if (arrows) arrowHead(ax, ay, bx, by, radius(b) * s);
    }
    ctx.stroke();
    if (selected >= 0) {
      ctx.lineWidth = 1.6;
      [[outs[selected], '#0050a0', true], [ins[selected], '#c05000', false]].forEach(function (set) {
        ctx.strokeStyle = set[1];
        ctx.beginPath();
        set[0].forEach(function (j) {
          if (!shown[j]) return;
          var f = set[2] ? selected : j, t = set[2] ? j : selected;
          var ax = net.x[f] * s + tx, ay = net.y[f] * s + ty, bx = net.x[t] * s + tx, by = net.y[t] * s + ty;
          ctx.moveTo(ax, ay); ctx.lineTo(bx, by);
          if (net.directed) arrowHead(ax, ay, bx, by, radius(t) * s);
        });
        ctx.stroke();
      });
    }
    // nodes, one path per colour
    var byColor = new Map(), drawn = 0;
    for (var i = 0; i < n; i++) {
      if (!shown[i]) continue;
      var x = net.x[i] * s + tx, y = net.y[i] * s + ty, r = Math.max(1.5, radius(i) * s);
      if (x < -r || x > W + r || y < -r || y > H + r) continue;
      var col = colorOf(i), p = byColor.get(col);
      if (!p) byColor.set(col, p = []);
      p.push(x, y, r);
      drawn++;
    }
    byColor.forEach(function (p, col) {
      ctx.fillStyle = col;
      ctx.beginPath();
      for (var k = 0; k < p.length; k += 3) {
        ctx.moveTo(p[k] + p[k + 2], p[k + 1]);
        ctx.arc(p[k], p[k + 1], p[k + 2], 0, 2 * Math.PI);
      }
      ctx.fill();
    });
    [[hovered, '#333', 1.5], [selected, '#d00', 2.5]].forEach(function (h) {
      var i = h[0];
      if (i < 0 || !shown[i]) return;
      ctx.strokeStyle = h[1]; ctx.lineWidth = h[2];
      ctx.beginPath();
      ctx.arc(net.x[i] * s + tx, net.y[i] * s + ty, Math.max(1.5, radius(i) * s) + 3, 0, 2 * Math.PI);
      ctx.stroke();
    });
    labels(s, tx, ty);
    api.drawn = drawn;
    api.frames++;
    api.frameMs = performance.now() - t0;
  }

  function arrowHead(ax, ay, bx, by, rb) {
    var dx = bx - ax, dy = by - ay, d = Math.hypot(dx, dy);
    if (d < rb + 8) return;
    var ux = dx / d, uy = dy / d, px = bx - ux * rb, py = by - uy * rb;
    ctx.moveTo(px, py); ctx.lineTo(px - ux * 6 - uy * 3, py - uy * 6 + ux * 3);
    ctx.moveTo(px, py); ctx.lineTo(px - ux * 6 + uy * 3, py - uy * 6 - ux * 3);
  }

  // labels are drawn where they cover neither another label nor a node:
  // the selected node's always, then its neighbours', then the biggest
  // nodes'. Occupied places are kept in a grid of 40-pixel cells.
  function labels(s, tx, ty) {
    if (s < 10 && selected < 0) return;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    var cells = new Map(), CELL = 40;
    function each(b, f) {
      for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++)
        for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++)
          if (f(gx * 65536 + gy)) return true;
      return false;
    }
    function free(b) {
      return !each(b, function (k) {
        var l = cells.get(k);
        return l && l.some(function (o) { return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]; });
      });
    }
    function take(b) {
      each(b, function (k) { var l = cells.get(k); if (!l) cells.set(k, l = []); l.push(b); });
    }
    var near = neighbourMark();
    var cand = [];
    for (var i = 0; i < n; i++) {
      if (!shown[i] || (s < 10 && !near[i])) continue;
      var x = net.x[i] * s + tx, y = net.y[i] * s + ty;
      if (x < 0 || x > W || y < 0 || y > H) continue;
      var r = Math.max(1.5, radius(i) * s);
      if (s >= 10) take([x - r, y - r, x + r, y + r]);
      cand.push([i === selected ? 2e9 : near[i] ? 1e9 + net.size[i] : net.size[i], i, x, y, r]);
    }
    cand.sort(function (a, b) { return b[0] - a[0]; });
    var drawn = 0;
    for (var k = 0; k < cand.length && drawn < 400; k++) {
      var c = cand[k], text = labelOf(c[1]);
      if (text.length > 40) text = text.slice(0, 39) + '…';
      var w = ctx.measureText(text).width;
      var box = [c[2] + c[4] + 2, c[3] - 7, c[2] + c[4] + 5 + w, c[3] + 7];
      if (c[0] < 2e9 && !free(box)) continue;
      take(box);
      drawn++;
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(box[0], box[1], w + 4, 14);
      ctx.fillStyle = '#222';
      ctx.fillText(text, box[0] + 2, c[3]);
    }
  }

  // neighbourMark marks the selected node and its neighbours, once per
  // selection.
  var nearFor = -2, nearMark = null;
  function neighbourMark() {
    if (nearFor === selected && nearMark && nearMark.length === n) return nearMark;
    nearMark = new Uint8Array(n);
    if (selected >= 0) {
      nearMark[selected] = 1;
      outs[selected].forEach(function (j) { nearMark[j] = 1; });
      ins[selected].forEach(function (j) { nearMark[j] = 1; });
    }
    nearFor = selected;
    return nearMark;
  }

  // --- details ------------------------------------------------------------

  function select(i) {
    selected = i;
    api.selected = i >= 0 ? (workOf(i) ? workOf(i).id : net.label[i]) : '';
    if (i < 0) {
      details.innerHTML = '<p class="help">Click a work to see its record, its mentions and its neighbours.</p>';
    } else {
      details.innerHTML = workOf(i) ? workHTML(i) : itemHTML(i);
    }
    redraw();
  }

  function neighbourList(title, list) {
    if (!list.length) return '';
    var items = list.slice().sort(function (a, b) { return net.size[b] - net.size[a]; }).slice(0, 100).map(function (j) {
      return '<li><a class="work" data-node="' + j + '">' + esc(labelOf(j)) + '</a>' + (yearOf(j) ? ' <span class="src">' + yearOf(j) + '</span>' : '') + '</li>';
    });
    var more = list.length > 100 ? '<li>… and ' + (list.length - 100) + ' more</li>' : '';
    return '<h3>' + esc(title) + ' (' + list.length + ')</h3><ul>' + items.join('') + more + '</ul>';
  }

  function workHTML(i) {
    var w = workOf(i), h = '<h2>' + esc(w.l) + '</h2><table>';
    function row(k, v) { if (v !== undefined && v !== null && v !== '') h += '<tr><td>' + esc(k) + '</td><td>' + v + '</td></tr>'; }
    row('title', esc(w.t));
    row('authors', esc(w.a));
    row('year', w.y ? String(w.y) : '');
    row('venue', esc(w.v));
    if (w.d) row('DOI', '<a href="https://doi.org/' + encodeURI(w.d) + '" target="_blank" rel="noopener noreferrer">' + esc(w.d) + '</a>');
    if (w.x) Object.keys(w.x).sort().forEach(function (k) { row(k, esc(w.x[k])); });
    row('id', esc(w.id));
    row('is', w.c ? 'a paper of the corpus (' + esc((w.s || []).join(', ')) + ')' : 'known only from reference lists');
    if (w.g != null) row('cited (source)', String(w.g));
    w.m.forEach(function (v, k) { row(METRICS[k], fmt(v)); });
    h += '</table>';
    h += neighbourList(net.directed ? 'Cites, in this view' : 'Linked, in this view', outs[i].concat(net.directed ? [] : ins[i]));
    if (net.directed) h += neighbourList('Cited by, in this view', ins[i]);
    var ms = w.n || [];
    h += '<h3>Mentions (' + (ms.length + (w.nm || 0)) + '): how each record or reference became this work</h3><ul>';
    ms.forEach(function (m) {
      h += '<li class="mention"><span class="how">' + esc(m[2]) + (m[3] ? ' (' + esc(m[3]) + ')' : '') + '</span> <span class="src">' + esc(m[0]) + '</span><br>' + esc(m[1]) + '</li>';
    });
    if (w.nm) h += '<li>… and ' + w.nm + ' more: <code>citegraph explain ' + esc(w.id) + '</code></li>';
    return h + '</ul>';
  }

  function itemHTML(i) {
    var h = '<h2>' + esc(net.label[i]) + '</h2>';
    if (net.info && net.info[i]) h += '<pre>' + esc(net.info[i]) + '</pre>';
    if (net.cluster && net.cluster[i]) h += '<p>cluster ' + net.cluster[i] + '</p>';
    return h + neighbourList('Linked, in this view', outs[i].concat(ins[i]));
  }

  details.addEventListener('click', function (ev) {
    var a = ev.target.closest('a.work');
    if (!a) return;
    ev.preventDefault();
    var j = parseInt(a.getAttribute('data-node'), 10);
    select(j);
    center(j);
  });

  // --- search -------------------------------------------------------------

  var hits = [];
  function runSearch() {
    var q = fold(search.value.trim());
    results.innerHTML = '';
    hits = [];
    if (q.length < 2) { results.hidden = true; return; }
    for (var i = 0; i < n && hits.length < 50; i++) {
      var w = workOf(i), text;
      if (w) text = fold([w.l, w.t, w.a, w.d, w.id, w.v].join(' | '));
      else text = fold(net.label[i]);
      if (text.indexOf(q) >= 0) hits.push(i);
    }
    hits.sort(function (a, b) { return net.size[b] - net.size[a]; });
    hits = hits.slice(0, 20);
    hits.forEach(function (i, k) {
      var li = document.createElement('li'), w = workOf(i);
      li.innerHTML = esc(labelOf(i)) + '<small>' + esc(w ? [w.a, w.y, w.d].filter(Boolean).join(' · ') : '') + (shown[i] ? '' : ' (filtered out)') + '</small>';
      li.setAttribute('data-node', i);
      if (k === 0) li.className = 'on';
      results.appendChild(li);
    });
    if (!hits.length) {
      var li = document.createElement('li');
      li.textContent = 'no work matches';
      results.appendChild(li);
    }
    results.hidden = false;
    api.hits = hits.map(function (i) { return labelOf(i); });
  }
  function choose(i) {
    results.hidden = true;
    if (!shown[i]) { fromInput.value = ''; toInput.value = ''; clusterSel.value = '0'; applyFilters(); }
    select(i);
    center(i);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && hits.length) choose(hits[0]);
    if (ev.key === 'Escape') results.hidden = true;
  });
  results.addEventListener('click', function (ev) {
    var li = ev.target.closest('li[data-node]');
    if (li) choose(parseInt(li.getAttribute('data-node'), 10));
  });

  // --- pointer ------------------------------------------------------------

  var drag = null;
  canvas.addEventListener('mousedown', function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, tx: view.tx, ty: view.ty, moved: false };
    canvas.classList.add('drag');
  });
  window.addEventListener('mousemove', function (ev) {
    var r = canvas.getBoundingClientRect(), sx = ev.clientX - r.left, sy = ev.clientY - r.top;
    if (drag) {
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.tx = drag.tx + dx; view.ty = drag.ty + dy;
      redraw();
      return;
    }
    if (ev.target !== canvas) return;
    var i = nodeAt(sx, sy);
    if (i !== hovered) { hovered = i; redraw(); }
    if (i >= 0) {
      var w = workOf(i);
      tip.innerHTML = '<b>' + esc(labelOf(i)) + '</b>' + (w ? '<br>' + esc([w.t, w.a, w.y].filter(Boolean).join(' · ')) +
        '<br>' + w.m[0] + ' citations here' + (w.c ? ', a paper of the corpus' : '') : '');
      tip.hidden = false;
      tip.style.left = Math.min(sx + 14, W - 300) + 'px';
      tip.style.top = (sy + 14) + 'px';
    } else {
      tip.hidden = true;
    }
  });
  window.addEventListener('mouseup', function (ev) {
    if (!drag) return;
    var moved = drag.moved;
    drag = null;
    canvas.classList.remove('drag');
    if (moved || ev.target !== canvas) return;
    var r = canvas.getBoundingClientRect();
    select(nodeAt(ev.clientX - r.left, ev.clientY - r.top));
  });
  canvas.addEventListener('mouseleave', function () { tip.hidden = true; if (hovered >= 0) { hovered = -1; redraw(); } });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect(), sx = ev.clientX - r.left, sy = ev.clientY - r.top;
    var f = Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015));
    var s = Math.min(400, Math.max(0.02, view.s * f));
    view.tx = sx - (sx - view.tx) * s / view.s;
    view.ty = sy - (sy - view.ty) * s / view.s;
    view.s = s;
    redraw();
  }, { passive: false });
  canvas.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') select(-1);
  });
  [fromInput, toInput, clusterSel].forEach(function (el) { el.addEventListener('change', applyFilters); });
  document.getElementById('fit').addEventListener('click', fit);
  window.addEventListener('resize', resize);

  // --- start --------------------------------------------------------------

  document.getElementById('summary').textContent = data.summary;
  var tabs = document.getElementById('tabs');
  data.networks.forEach(function (nw, k) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = nw.title;
    b.title = nw.note || '';
    b.addEventListener('click', function () { setNetwork(k); });
    tabs.appendChild(b);
  });
  if (data.networks.length < 2) tabs.hidden = true;
  resize();
  // a link may name the network to show: explore.html#map-cocitation-works
  var start = 0;
  data.networks.forEach(function (nw, k) { if (location.hash === '#' + nw.name) start = k; });
  setNetwork(start);
  // screenPosition gives a node's place on screen, for tests and links.
  api.screenPosition = function (id) {
    for (var i = 0; i < n; i++) {
      var w = workOf(i);
      if ((w && w.id === id) || (!w && net.label[i] === id)) {
        var r = canvas.getBoundingClientRect();
        return { x: r.left + net.x[i] * view.s + view.tx, y: r.top + net.y[i] * view.s + view.ty, node: i };
      }
    }
    return null;
  };
  api.center = function (id) { var p = api.screenPosition(id); if (p) center(p.node); return !!p; };
  api.ready = true;
}());
