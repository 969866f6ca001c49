/* ring-sim report: the plan's static parts (verdict, capacity, checks, the plan's own what-if table). */
(function (R) {
  'use strict';
  var d3 = R.d3;

  function header(plan) {
    var h = d3.select('header');
    h.append('h1').text('ring-sim plan: ' + plan.cluster.name);
    h.append('div')
      .attr('class', 'sub')
      .text(plan.source + (plan.cluster.namespace ? ' · namespace ' + plan.cluster.namespace : '') + ' · ' + plan.edition + ' edition');
  }

  function verdict(plan, id) {
    var v = R.section('Verdict');
    v.append('div')
      .attr('class', 'verdict ' + (plan.verdict.deployable ? 'ok' : 'bad'))
      .attr('id', id || 'verdict')
      .text((plan.verdict.deployable ? 'Deployable: ' : 'Will not deploy: ') + plan.verdict.summary);
  }

  function capacity(plan) {
    var cap = R.section('Capacity per worker');
    var groups = {};
    plan.workers.forEach(function (w) {
      var k =
        w.group +
        '|' +
        w.sizeBytes +
        '|' +
        w.reservedBytes +
        '|' +
        (w.dirs || [])
          .map(function (d) {
            return d.sizeBytes + '/' + d.hostPath;
          })
          .join(',');
      if (!groups[k]) groups[k] = { n: 0, w: w };
      groups[k].n++;
    });
    function figures(x, pageSizeBytes) {
      return [
        R.bytes(x.sizeBytes),
        R.bytes(x.reservedBytes),
        R.bytes(x.cacheBytes),
        R.count(x.pages) + ' × ' + R.bytes(pageSizeBytes),
        x.usableDiskBytes === null ? '-' : R.bytes(x.usableDiskBytes),
        x.headroomBytes === null ? '-' : R.bytes(x.headroomBytes),
      ];
    }
    // A worker of several page-store directories: its sums, then one row a directory (one disk each).
    var rows = [];
    Object.keys(groups).forEach(function (k) {
      var g = groups[k];
      var w = g.w;
      rows.push([w.group, String(g.n)].concat(figures(w, w.pageSizeBytes)));
      if (w.dirs && w.dirs.length > 1)
        w.dirs.forEach(function (d) {
          rows.push(['\u2003pagestore-' + d.index + (d.hostPath ? ' ' + d.hostPath : ''), ''].concat(figures(d, w.pageSizeBytes)));
        });
    });
    R.tableOf(cap, ['group', 'workers', 'size', 'reserved', 'page data', 'pages', 'usable disk', 'headroom'], rows, [
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  }

  function checks(plan) {
    var ch = R.section('Checks');
    ch.selectAll('div.check')
      .data(plan.checks)
      .join('div')
      .attr('class', function (c) {
        return 'check ' + c.severity;
      })
      .each(function (c) {
        var el = d3.select(this);
        var top = el.append('div');
        top.append('span').attr('class', 'sev').text(c.severity);
        top.append('span').attr('class', 'field').text(c.field);
        el.append('div').text(c.message);
        el.append('div')
          .attr('class', 'fix')
          .text('Fix: ' + c.fix);
      });
  }

  function ringSummary(plan) {
    var r = plan.ring;
    var s = R.section(
      'Ring: ' + r.algorithm + ', ' + r.vnodes.toLocaleString('en-US') + ' virtual nodes a worker, ' + r.mode + ' ring, provider ' + r.provider,
    );
    s.append('p').text(
      'Busiest worker ' +
        r.busiest.worker +
        ' gets ' +
        r.maxOverMean.toFixed(3) +
        '× its fair share, the least loaded ' +
        r.minOverMean.toFixed(3) +
        '×; stddev/mean ' +
        R.pct(r.relativeStddev) +
        ' (expected for ' +
        r.vnodes +
        ' virtual nodes: ' +
        R.pct(r.expectedRelativeStddev) +
        '). Busiest over ' +
        r.draws +
        ' identity draws: median ' +
        r.maxOverMeanAcrossDraws.median.toFixed(3) +
        '×, worst ' +
        r.maxOverMeanAcrossDraws.worst.toFixed(3) +
        '×. Identities: ' +
        r.identities +
        '.',
    );
    if (plan.dataset) {
      var d = plan.dataset;
      s.append('p').text(
        'Data set ' +
          R.bytes(d.bytes) +
          (d.files ? ' in ' + R.count(d.files) + ' files' : '') +
          '; cache ' +
          R.bytes(d.cacheBytes) +
          ' = ' +
          R.pct(d.coverage, 1) +
          ' of it. ' +
          (d.fits ? 'Every worker holds its share.' : d.overflowing.length + ' worker(s) get more than they hold.'),
      );
    }
  }

  function whatIfTable(plan, interactive) {
    var wi = R.section("What if (the plan's own table, as in plan --json)");
    // --ufs-bandwidth / --ufs-price with a data set: the re-read's time, GETs and dollars (plan-text's columns).
    var timed = !!(plan.ufs && plan.dataset && plan.ufs.bandwidth);
    var priced = !!(plan.ufs && plan.dataset && plan.ufs.pricePer1000Requests !== null);
    var dash = function (v, f) {
      return v === null || v === undefined ? '-' : f(v);
    };
    var head = ['change', 'keys moved', 'stays on the pod', 'optimal', 'unreachable', 'bytes moved'].concat(
      timed ? ['re-read time'] : [],
      priced ? ['GETs', 'cost'] : [],
      ['what happens'],
    );
    R.tableOf(
      wi,
      head,
      plan.whatIf.map(function (w) {
        var cost = (timed ? [dash(w.rereadSeconds, R.seconds)] : []).concat(priced ? [dash(w.rereadRequests, R.count), dash(w.rereadUSD, R.usd)] : []);
        return [
          w.name,
          R.pct(w.moved),
          R.pct(w.samePod || 0),
          R.pct(w.optimal),
          R.pct(w.unreachable),
          R.bytes(w.bytesMoved) + ' (' + w.bytesBasisText + ')',
        ].concat(cost, [w.description]);
      }),
      head.map(function (h, i) {
        return i > 0 && i < head.length - 1;
      }),
    );
    wi.append('p')
      .attr('class', 'legend')
      .text(
        'Keys moved: share of all keys (files) whose pod changes. Stays on the pod: share that a restart without a persisted identity hands ' +
          'from the old identity to the new one on the same pod; its surviving page store still holds it, so it is neither moved nor re-read. ' +
          'Optimal: the least any placement with the new shares moves. Unreachable: share whose worker is offline, read from the under-storage.' +
          (interactive === false
            ? ' The rebalance view is on the page of one cluster: ring-sim plan FILE --cluster NAME --html PAGE.'
            : ' Try other changes in the rebalance section above.'),
      );
  }

  function assumptions(plan) {
    if (!plan.assumptions.length) return;
    var as = R.section('Assumptions (model)');
    as.append('ul')
      .selectAll('li')
      .data(plan.assumptions)
      .join('li')
      .text(function (a) {
        return typeof a === 'string' ? a : a.text || JSON.stringify(a);
      });
  }

  R.planTop = function (plan) {
    header(plan);
    verdict(plan);
    capacity(plan);
    checks(plan);
    ringSummary(plan);
  };
  R.planBottom = function (plan) {
    whatIfTable(plan);
    assumptions(plan);
  };
  /** Several AlluxioClusters of one file: a section each (`section.cluster`), without the rebalance view. */
  R.planClusters = function (plans) {
    var h = d3.select('header');
    h.append('h1').text('ring-sim plan: ' + plans.length + ' AlluxioClusters');
    h.append('div')
      .attr('class', 'sub')
      .text(
        plans[0].source +
          ' · ' +
          plans.filter(function (p) {
            return p.verdict.deployable;
          }).length +
          ' deployable, ' +
          plans.filter(function (p) {
            return !p.verdict.deployable;
          }).length +
          ' will not deploy',
      );
    var main = R.root;
    plans.forEach(function (plan, i) {
      var name = plan.cluster.name + (plan.cluster.namespace ? ' (namespace ' + plan.cluster.namespace + ')' : '');
      var s = main
        .append('section')
        .attr('class', 'cluster')
        .attr('id', 'cluster-' + i)
        .attr('data-cluster', plan.cluster.name + (plan.cluster.namespace ? '/' + plan.cluster.namespace : ''));
      s.append('h2').text('AlluxioCluster ' + name + ': ' + (plan.verdict.deployable ? 'deployable' : 'will not deploy'));
      R.root = s;
      verdict(plan, 'verdict-' + i);
      capacity(plan);
      checks(plan);
      ringSummary(plan);
      whatIfTable(plan, false);
      assumptions(plan);
    });
    R.root = main;
  };
})(window.ringSimReport);
