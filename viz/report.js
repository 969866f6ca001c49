/* ring-sim report: renders the report model embedded in #report-data with d3 (inlined). No network. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var d3 = window.d3;
  var root = d3.select('main');
  var GiB = Math.pow(2, 30);
  function bytes(n) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    var i = 0;
    var v = Math.abs(n);
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (n < 0 ? '-' : '') + (i === 0 ? String(v) : v.toFixed(2)) + ' ' + units[i];
  }
  function pct(x, d) { return (x * 100).toFixed(d === undefined ? 2 : d) + ' %'; }
  function color(i, n) {
    if (n <= 10) return d3.schemeTableau10[i % 10];
    return d3.interpolateRainbow((i * 0.618033988749895) % 1);
  }
  function section(title) {
    var s = root.append('section');
    s.append('h2').text(title);
    return s;
  }
  function tableOf(sel, headers, rows, numeric) {
    var t = sel.append('table');
    t.append('thead').append('tr').selectAll('th').data(headers).join('th')
      .attr('class', function (_d, i) { return numeric && numeric[i] ? 'num' : null; }).text(function (d) { return d; });
    t.append('tbody').selectAll('tr').data(rows).join('tr').selectAll('td').data(function (r) { return r; }).join('td')
      .attr('class', function (_d, i) { return numeric && numeric[i] ? 'num' : null; }).text(function (d) { return d; });
    return t;
  }

  var plan = data.plan;
  var sim = data.simulation;
  var header = d3.select('header');
  if (plan) {
    header.append('h1').text('ring-sim plan: ' + plan.cluster.name);
    header.append('div').attr('class', 'sub').text(plan.source + (plan.cluster.namespace ? ' · namespace ' + plan.cluster.namespace : '') + ' · ' + plan.edition + ' edition');
    var v = section('Verdict');
    v.append('div').attr('class', 'verdict ' + (plan.verdict.deployable ? 'ok' : 'bad')).attr('id', 'verdict')
      .text((plan.verdict.deployable ? 'Deployable: ' : 'Will not deploy: ') + plan.verdict.summary);

    var cap = section('Capacity per worker');
    var groups = {};
    plan.workers.forEach(function (w) {
      var k = w.group + '|' + w.sizeBytes + '|' + w.reservedBytes;
      if (!groups[k]) groups[k] = { n: 0, w: w };
      groups[k].n++;
    });
    tableOf(cap, ['group', 'workers', 'size', 'reserved', 'page data', 'pages', 'usable disk', 'headroom'], Object.keys(groups).map(function (k) {
      var g = groups[k]; var w = g.w;
      return [w.group, String(g.n), bytes(w.sizeBytes), bytes(w.reservedBytes), bytes(w.cacheBytes), w.pages.toLocaleString('en-US') + ' × ' + bytes(w.pageSizeBytes),
        w.usableDiskBytes === null ? '-' : bytes(w.usableDiskBytes), w.headroomBytes === null ? '-' : bytes(w.headroomBytes)];
    }), [false, true, true, true, true, true, true, true]);

    var ch = section('Checks');
    ch.selectAll('div.check').data(plan.checks).join('div').attr('class', function (c) { return 'check ' + c.severity; }).each(function (c) {
      var el = d3.select(this);
      var top = el.append('div');
      top.append('span').attr('class', 'sev').text(c.severity);
      top.append('span').attr('class', 'field').text(c.field);
      el.append('div').text(c.message);
      el.append('div').attr('class', 'fix').text('Fix: ' + c.fix);
    });

    var ringSec = section('Ring: ' + plan.ring.algorithm + ', ' + plan.ring.vnodes + ' virtual nodes a worker, ' + plan.ring.mode + ' ring');
    ringSec.append('p').attr('class', 'muted').text('Busiest worker ' + plan.ring.busiest.worker + ' gets ' + plan.ring.maxOverMean.toFixed(3) +
      '× its fair share; stddev/mean ' + pct(plan.ring.relativeStddev) + ' (expected ' + pct(plan.ring.expectedRelativeStddev) + '). Identities: ' + plan.ring.identities + '.');
    var row = ringSec.append('div').attr('class', 'row');
    var n = plan.ring.shares.length;
    var size = 360, r = size / 2 - 10;
    var svg = row.append('svg').attr('id', 'ring').attr('width', size).attr('height', size).attr('viewBox', [-size / 2, -size / 2, size, size].join(' '));
    var arc = d3.arc().innerRadius(r * 0.62).outerRadius(r);
    var byWorker = d3.range(n).map(function () { return []; });
    plan.ring.arcs.forEach(function (a) { byWorker[a[2]].push(a); });
    svg.selectAll('g.worker-arcs').data(plan.ring.shares).join('g').attr('class', 'worker-arcs').attr('data-worker', function (s) { return s.worker; })
      .attr('fill', function (_s, i) { return color(i, n); }).each(function (_s, i) {
        d3.select(this).selectAll('path').data(byWorker[i]).join('path')
          .attr('d', function (a) { return arc({ startAngle: a[0] * 2 * Math.PI, endAngle: a[1] * 2 * Math.PI }); })
          .append('title').text(function () { return plan.ring.shares[i].worker + ': ' + pct(plan.ring.shares[i].share) + ' of keys'; });
      });
    svg.append('text').attr('text-anchor', 'middle').attr('dy', '-0.2em').style('font-size', '14px').text(n + ' workers');
    svg.append('text').attr('text-anchor', 'middle').attr('dy', '1.2em').text(plan.ring.vnodes + ' vnodes each');

    // Shares against capacity share with the expected band.
    var shares = plan.ring.shares.slice().sort(function (a, b) { return b.share / b.fairShare - a.share / a.fairShare; }).slice(0, 60);
    var bw = 640, bh = 14 * shares.length + 40;
    var bsvg = row.append('svg').attr('id', 'shares').attr('width', bw).attr('height', bh);
    var x = d3.scaleLinear().domain([0, d3.max(shares, function (s) { return Math.max(s.share, s.bandHigh); }) * 1.05]).range([150, bw - 20]);
    var y = d3.scaleBand().domain(shares.map(function (s) { return s.worker; })).range([20, bh - 20]).padding(0.2);
    var g = bsvg.selectAll('g.share').data(shares).join('g').attr('class', 'share');
    g.append('rect').attr('class', 'band').attr('x', function (s) { return x(s.bandLow); }).attr('width', function (s) { return Math.max(1, x(s.bandHigh) - x(s.bandLow)); })
      .attr('y', function (s) { return y(s.worker); }).attr('height', y.bandwidth());
    g.append('rect').attr('x', x(0)).attr('y', function (s) { return y(s.worker) + y.bandwidth() * 0.25; }).attr('height', y.bandwidth() * 0.5)
      .attr('width', function (s) { return x(s.share) - x(0); }).attr('fill', function (s) { return color(plan.ring.shares.indexOf(s), n); });
    g.append('line').attr('class', 'fair').attr('x1', function (s) { return x(s.fairShare); }).attr('x2', function (s) { return x(s.fairShare); })
      .attr('y1', function (s) { return y(s.worker); }).attr('y2', function (s) { return y(s.worker) + y.bandwidth(); });
    g.append('text').attr('x', 145).attr('text-anchor', 'end').attr('y', function (s) { return y(s.worker) + y.bandwidth() * 0.8; }).text(function (s) { return s.worker; });
    bsvg.append('g').attr('transform', 'translate(0,' + (bh - 20) + ')').call(d3.axisBottom(x).ticks(6).tickFormat(d3.format('.1%')));
    row.append('div').attr('class', 'legend').text('Bars: each worker\'s share of keys (exact, from the ring). Black line: its capacity share. Grey band: the share ± 2/sqrt(virtual nodes) a random ring gives. ' +
      (plan.ring.shares.length > shares.length ? 'The ' + shares.length + ' most loaded of ' + plan.ring.shares.length + ' workers.' : ''));

    if (plan.dataset) {
      var ds = section('Data set fit');
      ds.append('p').text('Data set ' + bytes(plan.dataset.bytes) + (plan.dataset.files ? ' in ' + plan.dataset.files.toLocaleString('en-US') + ' files' : '') + '; cache ' +
        bytes(plan.dataset.cacheBytes) + ' = ' + pct(plan.dataset.coverage, 1) + ' of it. ' + (plan.dataset.fits ? 'Every worker holds its share.' : plan.dataset.overflowing.length + ' worker(s) get more than they hold.'));
    }

    var wi = section('What if');
    tableOf(wi, ['change', 'keys moved', 'optimal', 'unreachable', 'bytes moved'], plan.whatIf.map(function (w) {
      return [w.name, pct(w.moved), pct(w.optimal), pct(w.unreachable), bytes(w.bytesMoved) + ' (of the ' + w.bytesBasis + ')'];
    }), [false, true, true, true, true]);
    var flows = wi.append('div').attr('class', 'row');
    plan.whatIf.forEach(function (w) {
      var box = flows.append('div').attr('class', 'flows whatif').attr('data-whatif', w.name);
      box.append('h3').style('font-size', '13px').text(w.name);
      box.append('div').attr('class', 'muted').text(w.description);
      if (!w.flows.length) { box.append('div').text('nothing moves between workers'); return; }
      var max = d3.max(w.flows, function (f) { return f.fraction; });
      var fsvg = box.append('svg').attr('width', 340).attr('height', 16 * w.flows.length + 8);
      var fg = fsvg.selectAll('g').data(w.flows).join('g').attr('transform', function (_f, i) { return 'translate(0,' + (4 + i * 16) + ')'; });
      fg.append('text').attr('y', 11).text(function (f) { return f.from + ' → ' + f.to; });
      fg.append('rect').attr('x', 220).attr('y', 2).attr('height', 10).attr('width', function (f) { return Math.max(1, 100 * f.fraction / max); }).attr('fill', '#2563eb');
      fg.append('title').text(function (f) { return pct(f.fraction, 3) + ' of keys'; });
    });
    if (plan.assumptions.length) {
      var as = section('Assumptions (model)');
      as.append('ul').selectAll('li').data(plan.assumptions).join('li').text(function (a) { return a; });
    }
  }

  if (sim) {
    if (!plan) {
      header.append('h1').text('ring-sim simulation: ' + sim.scenario.name);
      header.append('div').attr('class', 'sub').text(sim.scenario.workers + ' workers · ' + sim.scenario.algorithm + ' · ' + sim.scenario.ring + ' ring · seed ' + sim.scenario.seed);
    }
    var s = section('Simulation: hit ratio over time');
    s.append('p').text('Hit ratio ' + pct(sim.totals.hitRatio) + ' (pages), ' + pct(sim.totals.byteHitRatio) + ' (bytes); ' + bytes(sim.totals.ufsBytes) + ' read from the under-storage.');
    var W = 1000, H = 280, M = { l: 48, r: 16, t: 12, b: 28 };
    var tsvg = s.append('svg').attr('id', 'timeline').attr('width', W).attr('height', H);
    var xs = d3.scaleLinear().domain([0, d3.max(sim.windows, function (w) { return w.end; }) || 1]).range([M.l, W - M.r]);
    var ys = d3.scaleLinear().domain([0, 1]).range([H - M.b, M.t]);
    tsvg.append('g').attr('transform', 'translate(0,' + (H - M.b) + ')').call(d3.axisBottom(xs).ticks(8).tickFormat(d3.format('~s')));
    tsvg.append('g').attr('transform', 'translate(' + M.l + ',0)').call(d3.axisLeft(ys).ticks(5).tickFormat(d3.format('.0%')));
    tsvg.append('path').datum(sim.windows).attr('fill', 'none').attr('stroke', '#2563eb').attr('stroke-width', 1.5)
      .attr('d', d3.line().x(function (w) { return xs(w.end); }).y(function (w) { return ys(w.hitRatio); }));
    tsvg.append('path').datum(sim.windows).attr('fill', 'none').attr('stroke', '#d97706').attr('stroke-width', 1)
      .attr('d', d3.line().x(function (w) { return xs(w.end); }).y(function (w) { return ys(w.bytesRequested ? w.ufsBytes / w.bytesRequested : 0); }));
    var ev = tsvg.selectAll('g.event').data(sim.events).join('g').attr('class', 'event');
    ev.append('line').attr('x1', function (e) { return xs(e.at); }).attr('x2', function (e) { return xs(e.at); }).attr('y1', M.t).attr('y2', H - M.b).attr('stroke', '#dc2626').attr('stroke-dasharray', '3,3');
    ev.append('title').text(function (e) { return e.label + ': ' + e.detail; });
    s.append('div').attr('class', 'legend').text('Blue: windowed hit ratio (pages). Orange: share of bytes read from the under-storage. Red dashes: events.');
    tableOf(s, ['event', 'at read', 'files moved', 'cached bytes unreachable', 'hit ratio before', 'lowest', 'recovery'], sim.events.map(function (e) {
      return [e.label, e.at.toLocaleString('en-US'), pct(e.filesMoved), bytes(e.bytesUnreachable), e.hitRatioBefore === null ? '-' : pct(e.hitRatioBefore),
        e.lowestHitRatio === null ? '-' : pct(e.lowestHitRatio), e.recoveryRequests === null ? 'not recovered' : e.recoveryRequests.toLocaleString('en-US') + ' reads'];
    }), [false, true, true, true, true, true, true]);
  }
  document.body.setAttribute('data-rendered', 'true');
})();
