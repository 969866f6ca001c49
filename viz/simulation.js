/* ring-sim report: simulate --html. Hit ratio, under-storage reads and per-worker load over time with the events
 * drawn and labelled, and every figure of the text report (totals, events: before, after, lowest, recovery). */
(function (R) {
  'use strict';
  var d3 = R.d3;
  var W = 1100,
    M = { l: 150, r: 20, t: 46, b: 44 };
  /** The text report's units: seconds with 3 significant digits below a minute, dollars with 4 below 1 USD. */
  var secs = R.seconds,
    usd = R.usd;
  /** A window's under-storage time and cost, when the scenario has a ufs: block. */
  function ufsNote(w) {
    var u = w.ufs;
    var parts = [R.count(u.requests) + ' GETs'];
    if (u.seconds !== null) parts.push(secs(u.seconds));
    if (u.costUSD !== null) parts.push(usd(u.costUSD));
    return parts.join(', ');
  }

  function header(sim) {
    var h = d3.select('header');
    h.append('h1').text('ring-sim simulation: ' + sim.scenario.name);
    h.append('div')
      .attr('class', 'sub')
      .text(workersText(sim.scenario) + ' · ' + sim.scenario.algorithm + ' · ' + sim.scenario.ring + ' ring · seed ' + sim.scenario.seed);
  }

  function totals(sim) {
    var t = sim.totals;
    var s = R.section('Simulation: ' + sim.scenario.name);
    s.append('p').text(
      R.count(t.reads) +
        ' reads of ' +
        R.count(t.files) +
        ' files, ' +
        R.count(t.pageRequests) +
        ' page requests; windows of ' +
        R.count(sim.scenario.window) +
        ' reads.',
    );
    R.tableOf(
      s,
      ['figure', 'value'],
      [
        ['hit ratio (pages)', R.pct(t.hitRatio)],
        ['hit ratio (bytes)', R.pct(t.byteHitRatio)],
        ['bytes requested', R.bytes(t.bytesRequested)],
        ['bytes read from under-storage', R.bytes(t.ufsBytes)],
        ['  of which: preferred worker offline', R.bytes(t.unavailableBytes)],
        ['under-storage GET requests (one a missed page)', R.count(t.ufs.requests)],
        ['under-storage time (model)', t.ufs.seconds === null ? '- (no ufs: bandwidth or request cap)' : secs(t.ufs.seconds)],
        ['under-storage cost (model)', t.ufs.costUSD === null ? '- (no ufs: prices)' : usd(t.ufs.costUSD)],
        ['busiest worker / mean (pages)', t.workerRequestsMaxOverMean.toFixed(3) + '×'],
        ['cache occupancy at the end', R.bytes(t.occupiedBytes) + ' of ' + R.bytes(t.capacityBytes) + ' (' + R.pct(t.occupancy) + ')'],
        ['offline identities still registered (ring bloat; clear with remove-worker)', String(sim.offlineIdentities.length)],
      ],
      [false, true],
    ).attr('id', 'totals');
    return s;
  }

  /** An svg with the shared x axis (reads) and the events as dashed lines labelled above the plot. */
  function chart(s, id, height, sim, yLabel) {
    // The viewBox lets a narrow window shrink the chart whole (report.css) instead of cutting it.
    var svg = s
      .append('svg')
      .attr('id', id)
      .attr('width', W)
      .attr('height', height)
      .attr('viewBox', '0 0 ' + W + ' ' + height);
    var x = d3
      .scaleLinear()
      .domain([
        0,
        d3.max(sim.windows, function (w) {
          return w.end;
        }) || 1,
      ])
      .range([M.l, W - M.r]);
    svg
      .append('g')
      .attr('transform', 'translate(0,' + (height - M.b) + ')')
      .call(d3.axisBottom(x).ticks(10).tickFormat(d3.format('~s')));
    R.axisLabel(svg, 'reads replayed (requests)', (M.l + W - M.r) / 2, height - 8);
    R.axisLabel(svg, yLabel, 14, (M.t + height - M.b) / 2, true);
    var ev = svg.selectAll('g.event').data(sim.events).join('g').attr('class', 'event');
    ev.append('line')
      .attr('x1', function (e) {
        return x(e.at);
      })
      .attr('x2', function (e) {
        return x(e.at);
      })
      .attr('y1', M.t - 4)
      .attr('y2', height - M.b)
      .attr('stroke', '#dc2626')
      .attr('stroke-dasharray', '3,3');
    ev.append('text')
      .attr('x', function (e) {
        return x(e.at) + 3;
      })
      .attr('y', function (_e, i) {
        return 12 + (i % 3) * 12;
      })
      .attr('class', 'event-label')
      .text(function (e, i) {
        return i + 1 + ': ' + e.label;
      });
    ev.append('title').text(function (e) {
      return e.label + ' at read ' + R.count(e.at) + ': ' + e.detail;
    });
    return { svg: svg, x: x, y0: height - M.b, y1: M.t };
  }

  function hitRatio(s, sim) {
    s.append('h3').text('Hit ratio over time');
    var c = chart(s, 'timeline', 300, sim, 'hit ratio (%)');
    var y = d3.scaleLinear().domain([0, 1]).range([c.y0, c.y1]);
    c.svg
      .append('g')
      .attr('transform', 'translate(' + M.l + ',0)')
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickFormat(function (v) {
            return (v * 100).toFixed(0) + ' %';
          }),
      );
    var line = function (f) {
      return d3
        .line()
        .x(function (w) {
          return c.x(w.end);
        })
        .y(function (w) {
          return y(f(w));
        });
    };
    c.svg
      .append('path')
      .datum(sim.windows)
      .attr('fill', 'none')
      .attr('stroke', '#2563eb')
      .attr('stroke-width', 2)
      .attr(
        'd',
        line(function (w) {
          return w.hitRatio;
        }),
      );
    c.svg
      .append('path')
      .datum(sim.windows)
      .attr('fill', 'none')
      .attr('stroke', '#059669')
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '5,3')
      .attr(
        'd',
        line(function (w) {
          return w.byteHitRatio;
        }),
      );
    key(s, [
      ['#2563eb', 'hit ratio (pages), per window of ' + R.count(sim.scenario.window) + ' reads'],
      ['#059669', 'hit ratio (bytes)'],
      ['#dc2626', 'events (numbered as in the table below)'],
    ]);
  }

  function ufs(s, sim) {
    s.append('h3').text('Reads from the under-storage over time');
    var max =
      d3.max(sim.windows, function (w) {
        return w.ufsBytes;
      }) || 1;
    var unit = R.byteUnit(max);
    var c = chart(s, 'ufs', 260, sim, unit[1] + ' per window');
    var y = d3
      .scaleLinear()
      .domain([0, max / unit[0]])
      .nice()
      .range([c.y0, c.y1]);
    c.svg
      .append('g')
      .attr('transform', 'translate(' + M.l + ',0)')
      .call(
        d3
          .axisLeft(y)
          .ticks(5)
          .tickFormat(function (v) {
            return v + ' ' + unit[1];
          }),
      );
    var bar = c.svg.selectAll('g.window').data(sim.windows).join('g').attr('class', 'window');
    var wx = function (w) {
      return c.x(w.start);
    };
    var ww = function (w) {
      return Math.max(1, c.x(w.end) - c.x(w.start) - 1);
    };
    bar
      .append('rect')
      .attr('x', wx)
      .attr('width', ww)
      .attr('y', function (w) {
        return y(w.ufsBytes / unit[0]);
      })
      .attr('height', function (w) {
        return c.y0 - y((w.ufsBytes - w.unavailableBytes) / unit[0]);
      })
      .attr('fill', '#f59e0b');
    bar
      .append('rect')
      .attr('x', wx)
      .attr('width', ww)
      .attr('y', function (w) {
        return y(w.unavailableBytes / unit[0]);
      })
      .attr('height', function (w) {
        return c.y0 - y(w.unavailableBytes / unit[0]);
      })
      .attr('fill', '#7c3aed');
    bar.append('title').text(function (w) {
      return (
        'reads ' +
        R.count(w.start) +
        '–' +
        R.count(w.end) +
        ': ' +
        R.bytes(w.ufsBytes) +
        ' from the under-storage, of which ' +
        R.bytes(w.unavailableBytes) +
        ' because the preferred worker was offline; under-storage: ' +
        ufsNote(w)
      );
    });
    key(s, [
      ['#f59e0b', 'cache misses'],
      ['#7c3aed', 'preferred worker offline (read from the under-storage, not cached)'],
    ]);
  }

  /** Under-storage seconds per window (bars, left axis) and the dollars so far (line, right axis), with a ufs: block. */
  function ufsTime(s, sim) {
    if (!sim.windows.length || (sim.totals.ufs.seconds === null && sim.totals.ufs.costUSD === null)) return;
    s.append('h3').text('Under-storage time and cost over time (model)');
    var c = chart(s, 'ufs-time', 260, sim, sim.totals.ufs.seconds === null ? '' : 'seconds per window');
    c.svg.attr('width', W + 90).attr('viewBox', '0 0 ' + (W + 90) + ' 260'); // room for the dollar axis on the right
    var wx = function (w) {
      return c.x(w.start);
    };
    var ww = function (w) {
      return Math.max(1, c.x(w.end) - c.x(w.start) - 1);
    };
    var items = [];
    if (sim.totals.ufs.seconds !== null) {
      var y = d3
        .scaleLinear()
        .domain([
          0,
          d3.max(sim.windows, function (w) {
            return w.ufs.seconds;
          }) || 1,
        ])
        .nice()
        .range([c.y0, c.y1]);
      c.svg
        .append('g')
        .attr('transform', 'translate(' + M.l + ',0)')
        .call(
          d3
            .axisLeft(y)
            .ticks(5)
            .tickFormat(function (v) {
              return v + ' s';
            }),
        );
      c.svg
        .selectAll('rect.ufs-seconds')
        .data(sim.windows)
        .join('rect')
        .attr('class', 'ufs-seconds')
        .attr('x', wx)
        .attr('width', ww)
        .attr('y', function (w) {
          return y(w.ufs.seconds);
        })
        .attr('height', function (w) {
          return c.y0 - y(w.ufs.seconds);
        })
        .attr('fill', '#0ea5e9')
        .append('title')
        .text(function (w) {
          return 'reads ' + R.count(w.start) + '–' + R.count(w.end) + ': ' + ufsNote(w);
        });
      items.push(['#0ea5e9', 'under-storage seconds per window: max(bytes × 8 / bandwidth, GETs / request cap)']);
    }
    if (sim.totals.ufs.costUSD !== null) {
      var so = 0;
      var cum = sim.windows.map(function (w) {
        so += w.ufs.costUSD;
        return { end: w.end, usd: so };
      });
      var yc = d3
        .scaleLinear()
        .domain([0, so || 1])
        .nice()
        .range([c.y0, c.y1]);
      c.svg
        .append('g')
        .attr('transform', 'translate(' + (W - M.r) + ',0)')
        .call(
          d3
            .axisRight(yc)
            .ticks(5)
            .tickFormat(function (v) {
              return usd(v);
            }),
        );
      c.svg
        .append('path')
        .datum(cum)
        .attr('class', 'ufs-cost')
        .attr('fill', 'none')
        .attr('stroke', '#16a34a')
        .attr('stroke-width', 2)
        .attr(
          'd',
          d3
            .line()
            .x(function (p) {
              return c.x(p.end);
            })
            .y(function (p) {
              return yc(p.usd);
            }),
        );
      items.push(['#16a34a', 'under-storage dollars so far (right axis): ' + usd(sim.totals.ufs.costUSD) + ' in all']);
    }
    c.svg.selectAll('g.event').raise();
    key(s, items);
  }

  function workerLoad(s, sim) {
    s.append('h3').text('Load per worker over time');
    var names = sim.workers.map(function (w) {
      return w.name;
    });
    var short = R.shortNames(names);
    var rh = 18;
    var height = M.t + rh * names.length + M.b;
    var c = chart(s, 'worker-load', height, sim, '');
    var max =
      d3.max(sim.windows, function (w) {
        return d3.max(w.workerPageRequests || [0]);
      }) || 1;
    var color = d3.scaleSequential(d3.interpolateYlOrRd).domain([0, max]);
    names.forEach(function (n, i) {
      c.svg
        .append('text')
        .attr('x', M.l - 6)
        .attr('y', M.t + i * rh + rh * 0.7)
        .attr('text-anchor', 'end')
        .text(short[n])
        .append('title')
        .text(n + ' — identity at the end ' + sim.workers[i].identity + ', ' + sim.workers[i].state);
    });
    sim.windows.forEach(function (w) {
      var per = w.workerPageRequests || [];
      names.forEach(function (n, i) {
        var v = per[i] || 0;
        c.svg
          .append('rect')
          .attr('x', c.x(w.start))
          .attr('width', Math.max(1, c.x(w.end) - c.x(w.start)))
          .attr('y', M.t + i * rh)
          .attr('height', rh - 2)
          .attr('fill', v ? color(v) : '#f3f4f6')
          .append('title')
          .text(n + ', reads ' + R.count(w.start) + '–' + R.count(w.end) + ': ' + R.count(v) + ' page requests');
      });
    });
    c.svg.selectAll('g.event').raise();
    key(s, [
      [color(max), 'darkest: ' + R.count(max) + ' page requests in a window'],
      [color(max / 2), R.count(max / 2)],
      ['#f3f4f6', 'none (offline or not yet added)'],
    ]);
  }

  function key(s, items) {
    var k = s.append('div').attr('class', 'legend-box');
    items.forEach(function (it) {
      var span = k.append('span').attr('class', 'item');
      span
        .append('span')
        .attr('class', 'swatch')
        .each(function () {
          this.style.background = it[0];
        });
      span.append('span').text(it[1]);
    });
  }

  /** As the text report: "8 workers", "8 workers, +2 by events" (those the run starts with, those events add). */
  function workersText(sc) {
    var start = sc.workersAtStart === undefined ? sc.workers : sc.workersAtStart;
    var added = sc.workersAddedByEvents || 0;
    return R.count(start) + ' worker' + (start === 1 ? '' : 's') + (added ? ', +' + R.count(added) + ' by events' : '');
  }

  /** As the text report: "1,000 reads", "1,000 reads, 3.08 s" (under-storage seconds, model), "not recovered". */
  function recovery(e) {
    if (e.recoveryRequests === null) return 'not recovered';
    return R.count(e.recoveryRequests) + ' reads' + (e.recoverySeconds === null || e.recoverySeconds === undefined ? '' : ', ' + secs(e.recoverySeconds));
  }

  /** The groups of overlapping events, one row each (their events by number, as in the events table). */
  function eventGroups(s, sim) {
    var groups = sim.eventGroups || [];
    if (!groups.length) return;
    var number = {};
    sim.events.forEach(function (e, i) {
      number[e.index] = i + 1;
    });
    var na = function (v, f) {
      return v === null ? '-' : f(v);
    };
    s.append('p').text('Overlapping events (a later one happened before an earlier one had recovered), reported once a group:');
    R.tableOf(
      s,
      ['group', 'events', 'from read', 'last at read', 'cached bytes unreachable', 'hit ratio before', 'lowest', 'recovery'],
      groups.map(function (g, i) {
        return [
          String(i + 1),
          g.events
            .map(function (x) {
              return '#' + number[x];
            })
            .join(' '),
          R.count(g.at),
          R.count(g.lastAt),
          R.bytes(g.bytesUnreachable),
          na(g.hitRatioBefore, R.pct),
          na(g.lowestHitRatio, R.pct),
          recovery(g),
        ];
      }),
      [true, false, true, true, true, true, true, true],
    ).attr('id', 'event-groups');
  }

  function events(s, sim) {
    if (!sim.events.length) return;
    s.append('h3').text('Events');
    var na = function (v, f) {
      return v === null ? '-' : f(v);
    };
    R.tableOf(
      s,
      ['#', 'event', 'at read', 'files moved', 'bytes moved', 'cached bytes unreachable', 'hit ratio before', 'after', 'lowest', 'recovery'],
      sim.events.map(function (e, i) {
        var grouped = e.group !== null && e.group !== undefined;
        return [
          String(i + 1),
          e.label,
          R.count(e.at),
          R.pct(e.filesMoved),
          R.bytes(e.bytesMoved),
          R.bytes(e.bytesUnreachable),
          na(e.hitRatioBefore, R.pct),
          grouped ? '-' : na(e.hitRatioAfter, R.pct),
          grouped ? '-' : na(e.lowestHitRatio, R.pct),
          grouped ? 'in group ' + (e.group + 1) : recovery(e),
        ];
      }),
      [true, false, true, true, true, true, true, true, true, true],
    ).attr('id', 'events');
    eventGroups(s, sim);
    s.append('ul')
      .selectAll('li')
      .data(sim.events)
      .join('li')
      .text(function (e, i) {
        return i + 1 + '. ' + e.label + ': ' + e.detail;
      });
    var tolerance = Number(((sim.recoveryTolerance === undefined ? 0.01 : sim.recoveryTolerance) * 100).toPrecision(3));
    s.append('p')
      .attr('class', 'legend')
      .text(
        'before: the reads just before the event; after: hit ratio in the first window once clients see the change; lowest: until recovery; recovery: reads until the windowed hit ratio is back within ' +
          tolerance +
          ' percentage point' +
          (tolerance === 1 ? '' : 's') +
          " of the baseline's (the same reads without the events, replayed for this), with a ufs: block the under-storage seconds of those reads (model).",
      );
  }

  function workers(s, sim) {
    s.append('h3').text('Workers at the end');
    R.tableOf(
      s,
      ['worker', 'group', 'state', 'page store', 'occupied', 'page requests', 'bytes served', 'hit ratio'],
      sim.workers.map(function (w) {
        return [w.name, w.group, w.state, R.bytes(w.capacityBytes), R.bytes(w.occupiedBytes), R.count(w.pageRequests), R.bytes(w.bytes), R.pct(w.hitRatio)];
      }),
      [false, false, false, true, true, true, true, true],
    );
  }

  R.simulation = function (sim, standalone) {
    if (standalone) header(sim);
    var s = totals(sim);
    hitRatio(s, sim);
    ufs(s, sim);
    ufsTime(s, sim);
    workerLoad(s, sim);
    events(s, sim);
    workers(s, sim);
  };
})(window.ringSimReport);
