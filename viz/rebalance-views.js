/* ring-sim report: the rebalance section's pictures: the hash-space strip (before, moved, after; zoomable), the
 * shares against the fair share, the from → to matrix, and the legend. */
(function (R) {
  'use strict';
  var d3 = R.d3;
  var E = R.Explorer.prototype;

  /** What happened to an identity, in words: '', ' [removed]', ' [new]', ' [old identity, OFFLINE]'. */
  function stateLabel(w, r) {
    if (w.state === 'kept') return '';
    if (r.change.kind === 'restart' && w.id === r.restarted) return w.state === 'offline' ? ' [old identity, OFFLINE]' : ' [old identity, gone]';
    if (r.change.kind === 'stop' && w.state === 'removed') return ' [stopped: OFFLINE, off the ring]';
    return ' [' + w.state + ']';
  }

  /** Below this width (px) the pictures take their narrow form: shorter labels, fewer matrix columns. */
  var NARROW = 600;
  /** About how many characters of 11 px text fit in `px` pixels. */
  function charsIn(px) {
    return Math.max(4, Math.floor(px / 6.2));
  }
  /** `text` cut to `chars` characters, ending in "…" when cut (the full text stays in the picture's hover title). */
  function fit(text, chars) {
    return text.length > chars ? text.slice(0, Math.max(1, chars - 1)) + '…' : text;
  }
  /** A worker's label: its short name, cut so that the state ("[new]", …) always shows. */
  function fitLabel(name, state, chars) {
    return fit(name, Math.max(4, chars - state.length)) + state;
  }

  /** The width the pictures have now (px): the strip's box spans the section. */
  E.available = function () {
    return Math.max(240, Math.floor(this.stripState.wrap.node().getBoundingClientRect().width));
  };

  // ---- the ring as a linear hash-space strip ------------------------------------------------------------------
  var ROW = 30,
    GAP = 16,
    LEFT = 64;
  E.strip = function (box) {
    var self = this;
    var wrap = box.append('div').attr('class', 'strip');
    var bar = wrap.append('div').attr('class', 'strip-bar');
    bar.append('span').attr('class', 'muted').text('Scroll or drag on the strip to zoom and pan; ');
    bar.append('button').attr('type', 'button').attr('data-control', 'zoom-in').text('zoom in');
    bar.append('button').attr('type', 'button').attr('data-control', 'zoom-out').text('zoom out');
    bar.append('button').attr('type', 'button').attr('data-control', 'zoom-reset').text('whole ring');
    bar.append('button').attr('type', 'button').attr('data-control', 'zoom-readable').text('readable scale');
    bar.append('span').attr('class', 'muted').attr('data-metric', 'zoom');
    var height = 3 * ROW + 2 * GAP;
    var canvas = wrap.append('canvas').attr('id', 'ring');
    var axis = wrap.append('svg').attr('height', 40);
    this.stripState = { wrap: wrap, canvas: canvas, axis: axis, height: height };
    var zoom = d3
      .zoom()
      .scaleExtent([1, 1e6])
      .on('zoom', function (ev) {
        self.stripState.x = ev.transform.rescaleX(self.stripState.x0);
        self.drawStrip();
      });
    this.stripState.zoom = zoom;
    canvas.call(zoom);
    this.sizeStrip();
    bar.select('[data-control="zoom-in"]').on('click', function () {
      canvas.call(zoom.scaleBy, 4);
    });
    bar.select('[data-control="zoom-out"]').on('click', function () {
      canvas.call(zoom.scaleBy, 0.25);
    });
    bar.select('[data-control="zoom-reset"]').on('click', function () {
      canvas.call(zoom.transform, d3.zoomIdentity);
    });
    bar.select('[data-control="zoom-readable"]').on('click', function () {
      self.readableZoom();
    });
  };

  /** Sizes the strip to its box (on building it, and when the window's width changes); keeps the part of the ring shown. */
  E.sizeStrip = function () {
    var s = this.stripState;
    if (!s.wrap.node().getBoundingClientRect().width) return false; // hidden (a refused value): sized when shown again
    var width = this.available();
    if (width === s.width) return false;
    var shown = s.x ? s.x.domain() : [0, 1];
    var dpr = window.devicePixelRatio || 1;
    s.canvas.attr('width', width * dpr).attr('height', s.height * dpr);
    s.canvas.node().style.width = width + 'px';
    s.canvas.node().style.height = s.height + 'px';
    s.axis.attr('width', width);
    s.x0 = d3
      .scaleLinear()
      .domain([0, 1])
      .range([LEFT, width - 8]);
    s.x = s.x0;
    s.width = width;
    s.dpr = dpr;
    s.zoom
      .translateExtent([
        [LEFT, 0],
        [width - 8, s.height],
      ])
      .extent([
        [LEFT, 0],
        [width - 8, s.height],
      ]);
    var k = 1 / Math.max(1e-6, shown[1] - shown[0]);
    s.canvas.call(s.zoom.transform, d3.zoomIdentity.translate(LEFT - k * s.x0(shown[0]), 0).scale(k));
    return true;
  };

  /** The window's width changed: the pictures take the new width. */
  E.resize = function () {
    if (!this.sizeStrip() || !this.result) return;
    this.drawShares();
    this.drawMatrix();
  };

  E.drawStrip = function () {
    var s = this.stripState;
    var r = this.result;
    if (!s || !r) return;
    var ctx = s.canvas.node().getContext('2d');
    ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
    ctx.clearRect(0, 0, s.width, s.height);
    var lo = Math.max(0, s.x.domain()[0]);
    var hi = Math.min(1, s.x.domain()[1]);
    var px = s.x.range()[1] - s.x.range()[0];
    this.drawRing(ctx, r.before, lo, hi, px, 0, r.offlineBefore);
    this.drawRing(ctx, r.after, lo, hi, px, 2 * (ROW + GAP), r.offlineAfter);
    this.drawMoved(ctx, lo, hi, ROW);
    ctx.fillStyle = '#111827';
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText('before', 4, ROW / 2 + 4);
    ctx.fillText('moved', 4, ROW + GAP + ROW / 2 + 4);
    ctx.fillText('after', 4, 2 * (ROW + GAP) + ROW / 2 + 4);
    s.axis.selectAll('*').remove();
    var ticks = Math.max(2, Math.min(8, Math.floor(px / (hi - lo < 0.001 ? 110 : 70))));
    var ax = s.axis
      .append('g')
      .attr('transform', 'translate(0,1)')
      .call(
        d3
          .axisBottom(s.x)
          .ticks(ticks)
          .tickFormat(function (v) {
            return (v * 100).toPrecision(hi - lo < 0.001 ? 6 : 3) + ' %';
          }),
      );
    ax.selectAll('text').attr('class', 'tick-label');
    R.axisLabel(
      s.axis,
      px >= NARROW
        ? 'position in the key hash space (% of the 2^32 hash values; keys go to the next point clockwise)'
        : 'key hash space (% of 2^32; keys go clockwise)',
      s.x0.range()[0] + px / 2,
      36,
    );
    d3.select('[data-metric="zoom"]').text(' showing ' + (lo * 100).toPrecision(4) + ' % – ' + (hi * 100).toPrecision(4) + ' % of the hash space');
  };

  E.drawRing = function (ctx, placement, lo, hi, px, y, offline) {
    var s = this.stripState;
    var arcs = this.core.ringArcs(placement, lo, hi, Math.ceil(px));
    var ws = placement.workers;
    for (var i = 0; i < arcs.length; i += 3) {
      var w = ws[arcs[i + 2]];
      ctx.fillStyle = offline[w.id] ? R.OFFLINE : this.colorOf[w.id];
      var a = s.x(arcs[i]);
      var b = s.x(arcs[i + 1]);
      ctx.fillRect(Math.floor(a), y, Math.max(1, Math.ceil(b) - Math.floor(a)), ROW);
    }
  };

  E.drawMoved = function (ctx, lo, hi, y) {
    var s = this.stripState;
    var ranges = this.result.ranges;
    ctx.fillStyle = '#f3f4f6';
    ctx.fillRect(s.x0.range()[0], y + GAP / 2, s.x0.range()[1] - s.x0.range()[0], ROW);
    if (!ranges) {
      ctx.fillStyle = R.MOVED;
      ctx.font = '12px system-ui, sans-serif';
      var wide = s.x0.range()[1] - s.x0.range()[0] >= NARROW;
      ctx.fillText(
        wide ? 'the key hash changes: every range is redrawn (moved share measured on sample keys)' : 'new key hash: every range redrawn',
        s.x0.range()[0] + 8,
        y + GAP / 2 + ROW / 2 + 4,
      );
      return;
    }
    // Each pixel is shaded by the part of it that moves, so a spread-out 12 % looks like 12 %, not like everything.
    var left = s.x0.range()[0];
    var cover = new Float32Array(Math.ceil(s.x0.range()[1] - left) + 1);
    for (var i = 0; i < ranges.length; i += 2) {
      if (ranges[i + 1] < lo || ranges[i] > hi) continue;
      var a = s.x(Math.max(lo, ranges[i])) - left;
      var b = s.x(Math.min(hi, ranges[i + 1])) - left;
      for (var p = Math.floor(a); p < b && p < cover.length; p++) cover[p] += Math.min(b, p + 1) - Math.max(a, p);
    }
    ctx.fillStyle = R.MOVED;
    for (var q = 0; q < cover.length; q++) {
      if (!cover[q]) continue;
      ctx.globalAlpha = Math.min(1, 0.15 + cover[q]);
      ctx.fillRect(left + q, y + GAP / 2, 1, ROW);
    }
    ctx.globalAlpha = 1;
  };

  /** Zooms the strip so that about 150 ring points show: a readable scale; "whole ring" zooms out. */
  E.readableZoom = function () {
    var s = this.stripState;
    if (!this.result) return;
    var view = this.result.before.ringView();
    var k = Math.max(1, (view ? view.ring.length : 1) / 150);
    s.canvas.call(s.zoom.transform, d3.zoomIdentity.translate(LEFT * (1 - k), 0).scale(k));
  };

  // ---- shares against the fair share --------------------------------------------------------------------------
  /** The most identities the shares picture draws. */
  var SHARES_MAX = 60;
  E.shares = function (box) {
    this.sharesBox = box.append('div').attr('class', 'shares');
  };

  E.drawShares = function () {
    var r = this.result;
    var self = this;
    // Beyond SHARES_MAX identities: the SHARES_MAX whose share changes most, in their order.
    var rows = r.workers;
    if (rows.length > SHARES_MAX) {
      var keep = rows
        .map(function (w, i) {
          return [Math.abs(w.after - w.before), i];
        })
        .sort(function (a, b) {
          return b[0] - a[0] || a[1] - b[1];
        })
        .slice(0, SHARES_MAX)
        .map(function (x) {
          return x[1];
        })
        .sort(function (a, b) {
          return a - b;
        });
      rows = keep.map(function (i) {
        return r.workers[i];
      });
    }
    var names = R.shortNames(
      r.workers.map(function (w) {
        return w.name;
      }),
    );
    var bw = Math.min(800, this.available()),
      rh = 22,
      top = 8,
      bh = rh * rows.length + top + 44;
    // Room for the names on the left and "before → after" on the right; narrow, the names are cut to fit.
    var labelW = bw >= NARROW ? 190 : Math.round(bw * 0.3),
      valueW = bw >= NARROW ? 140 : 116;
    this.sharesBox.selectAll('*').remove();
    var svg = this.sharesBox.append('svg').attr('id', 'shares').attr('width', bw).attr('height', bh);
    var max = d3.max(rows, function (w) {
      return Math.max(w.before, w.after, w.fair * (1 + 2 / Math.sqrt(self.pointsOf(w, r))));
    });
    var x = d3
      .scaleLinear()
      .domain([0, max * 1.08])
      .range([labelW, bw - valueW]);
    var y = d3
      .scaleBand()
      .domain(
        rows.map(function (w) {
          return w.id;
        }),
      )
      .range([top, top + rh * rows.length])
      .padding(0.15);
    var g = svg
      .selectAll('g.share')
      .data(rows)
      .join('g')
      .attr('class', 'share')
      .attr('data-worker', function (w) {
        return w.name;
      });
    g.append('rect')
      .attr('class', 'band')
      .attr('x', function (w) {
        return x(w.fair * Math.max(0, 1 - self.spread(w, r)));
      })
      .attr('width', function (w) {
        return w.fair ? Math.max(1, x(w.fair * (1 + self.spread(w, r))) - x(w.fair * Math.max(0, 1 - self.spread(w, r)))) : 0;
      })
      .attr('y', function (w) {
        return y(w.id);
      })
      .attr('height', y.bandwidth());
    g.append('rect')
      .attr('class', 'before')
      .attr('x', x(0))
      .attr('y', function (w) {
        return y(w.id) + 2;
      })
      .attr('height', y.bandwidth() * 0.3)
      .attr('width', function (w) {
        return x(w.before) - x(0);
      });
    g.append('rect')
      .attr('x', x(0))
      .attr('y', function (w) {
        return y(w.id) + y.bandwidth() * 0.42;
      })
      .attr('height', y.bandwidth() * 0.5)
      .attr('width', function (w) {
        return x(w.after) - x(0);
      })
      .attr('fill', function (w) {
        return w.state === 'offline' ? R.OFFLINE : self.colorOf[w.id];
      });
    g.append('line')
      .attr('class', 'fair')
      .attr('x1', function (w) {
        return x(w.fair);
      })
      .attr('x2', function (w) {
        return x(w.fair);
      })
      .attr('y1', function (w) {
        return y(w.id);
      })
      .attr('y2', function (w) {
        return y(w.id) + y.bandwidth();
      })
      .attr('visibility', function (w) {
        return w.fair ? null : 'hidden';
      });
    g.append('text')
      .attr('x', labelW - 6)
      .attr('text-anchor', 'end')
      .attr('y', function (w) {
        return y(w.id) + y.bandwidth() * 0.7;
      })
      .text(function (w) {
        return fitLabel(names[w.name], stateLabel(w, r), charsIn(labelW - 8));
      });
    g.append('title').text(function (w) {
      return w.name + ' (' + w.id + ', ' + w.state + '): before ' + R.pct(w.before) + ', after ' + R.pct(w.after) + ' of keys; fair share ' + R.pct(w.fair);
    });
    g.append('text')
      .attr('class', 'value')
      .attr('x', x.range()[1] + 8)
      .attr('y', function (w) {
        return y(w.id) + y.bandwidth() * 0.75;
      })
      .text(function (w) {
        return R.pct(w.before) + ' → ' + R.pct(w.after);
      });
    var axisY = top + rh * rows.length + 4;
    svg
      .append('g')
      .attr('transform', 'translate(0,' + axisY + ')')
      .call(
        d3
          .axisBottom(x)
          .ticks(bw >= NARROW ? 6 : 3)
          .tickFormat(function (v) {
            return (v * 100).toFixed(1) + ' %';
          }),
      );
    R.axisLabel(svg, 'share of keys (%)', (x.range()[0] + x.range()[1]) / 2, axisY + 36);
    if (r.workers.length > rows.length)
      svg
        .append('text')
        .attr('x', 0)
        .attr('y', bh - 4)
        .text(fit('the ' + rows.length + ' identities whose share changes most, of ' + r.workers.length, charsIn(bw)));
  };

  /** Ring points of worker `w` after the change (for the expected band). */
  E.pointsOf = function (w, r) {
    if (!r.weightedAfter) return r.pointsPerWorker;
    var mean = 0,
      n = 0,
      self = this;
    r.workers.forEach(function (v) {
      if (v.state !== 'removed') {
        mean += self.capacityOf[v.id];
        n++;
      }
    });
    return Math.max(1, (r.pointsPerWorker * this.capacityOf[w.id]) / (mean / n));
  };
  E.spread = function (w, r) {
    return 2 / Math.sqrt(this.pointsOf(w, r));
  };

  // ---- from → to matrix ---------------------------------------------------------------------------------------
  E.matrix = function (box) {
    this.matrixBox = box.append('div').attr('class', 'matrix');
  };

  E.drawMatrix = function () {
    var r = this.result;
    var nameOf = this.nameOf(r);
    var flows = r.flows.map(function (f) {
      return { from: nameOf(f.from), to: nameOf(f.to), fraction: f.fraction };
    });
    var avail = Math.min(1000, this.available());
    var narrow = avail < NARROW;
    var cw = narrow ? 56 : 84,
      ch = 30,
      left = narrow ? Math.round(avail * 0.26) : 170,
      top = 112;
    // As many columns as fit (at most 8): the smaller flows are summed into "other".
    var m = this.core.flowMatrix(flows, Math.max(2, Math.min(8, Math.floor((avail - left - 20) / cw))));
    var box = this.matrixBox;
    box.selectAll('*').remove();
    if (!flows.length) {
      box.append('p').text('Nothing moves between workers.');
      return;
    }
    // Shortened like everywhere else on the page (from all identities' names); "other" stays as it is.
    var names = R.shortNames(
      r.workers.map(function (w) {
        return w.name;
      }),
    );
    var short = function (n) {
      return names[n] || n;
    };
    var svg = box
      .append('svg')
      .attr('id', 'flows')
      .attr('width', Math.max(Math.min(440, avail), left + cw * m.to.length + 20))
      .attr('height', top + ch * m.from.length + 4);
    var max = d3.max(m.cells, function (row) {
      return d3.max(row);
    });
    var color = d3.scaleSequential(d3.interpolateBlues).domain([0, max * 1.15]);
    svg.append('text').attr('x', left).attr('y', 12).attr('class', 'axis-label').text('to (after the change) →');
    svg
      .append('text')
      .attr('x', 4)
      .attr('y', top - 8)
      .attr('class', 'axis-label')
      .text('from (before) ↓');
    m.to.forEach(function (t, c) {
      svg
        .append('text')
        .attr('transform', 'translate(' + (left + c * cw + cw / 2) + ',' + (top - 8) + ') rotate(-35)')
        .text(fit(short(t), 18))
        .append('title')
        .text(t);
    });
    m.from.forEach(function (f, rI) {
      svg
        .append('text')
        .attr('x', left - 8)
        .attr('y', top + rI * ch + ch / 2 + 4)
        .attr('text-anchor', 'end')
        .text(fit(short(f), charsIn(left - 10)))
        .append('title')
        .text(f);
      m.to.forEach(function (t, c) {
        var v = m.cells[rI][c];
        var g = svg.append('g').attr('class', 'cell');
        g.append('rect')
          .attr('x', left + c * cw)
          .attr('y', top + rI * ch)
          .attr('width', cw - 2)
          .attr('height', ch - 2)
          .attr('fill', v ? color(v) : '#f9fafb');
        if (v)
          g.append('text')
            .attr('x', left + c * cw + cw / 2)
            .attr('y', top + rI * ch + ch / 2 + 4)
            .attr('text-anchor', 'middle')
            .attr('class', v > max * 0.55 ? 'on-dark' : null)
            .text(R.pct(v));
        g.append('title').text(f + ' → ' + t + ': ' + R.pct(v, 3) + ' of all keys');
      });
    });
    box
      .append('div')
      .attr('class', 'legend')
      .text("Each cell: share of all keys moving from the row's worker to the column's; one colour scale for all cells (darkest " + R.pct(max) + ').');
    box
      .append('div')
      .attr('class', 'legend')
      .text(
        r.flows.length +
          ' worker pairs' +
          (m.from.indexOf('other') >= 0 || m.to.indexOf('other') >= 0 ? '; the smaller ones are summed into "other"' : '') +
          '.',
      );
  };

  // ---- legend -------------------------------------------------------------------------------------------------
  E.legend = function (box) {
    this.legendBox = box.append('div').attr('class', 'legend-box');
  };

  /** The most identities the legend names; beyond, it names the changed ones first and sums up the rest. */
  var LEGEND_MAX = 16;

  /** Indexes of the identities the legend names, in their order: removed and offline ones first, then kept, then new. */
  function legendWorkers(workers) {
    if (workers.length <= LEGEND_MAX)
      return workers.map(function (_w, i) {
        return i;
      });
    var rank = { removed: 0, offline: 0, kept: 1, new: 2 };
    return workers
      .map(function (_w, i) {
        return i;
      })
      .sort(function (a, b) {
        return rank[workers[a].state] - rank[workers[b].state] || a - b;
      })
      .slice(0, LEGEND_MAX)
      .sort(function (a, b) {
        return a - b;
      });
  }

  /** "+492 more: 490 new, 2 kept", with a swatch of their colours side by side; `all` identities in all. */
  function moreItem(rest, colorOf, all) {
    var states = {};
    rest.forEach(function (w) {
      states[w.state] = (states[w.state] || 0) + 1;
    });
    var counts = Object.keys(states).map(function (k) {
      return states[k].toLocaleString('en-US') + ' ' + k;
    });
    var colours = rest.slice(0, 12).map(function (w) {
      return colorOf(w);
    });
    return {
      color: colours.length > 1 ? 'linear-gradient(90deg, ' + colours.join(', ') + ')' : colours[0],
      text: '+' + rest.length.toLocaleString('en-US') + ' more identities (' + counts.join(', ') + ')',
      title: "each one's name is on hover of its bar in the shares (" + sharesShown(all) + ')',
      more: true,
    };
  }

  /** What the shares picture shows of `all` identities, in words (drawShares keeps at most SHARES_MAX). */
  function sharesShown(all) {
    return all > SHARES_MAX
      ? 'which show the ' + SHARES_MAX + ' identities whose share changes most, of ' + all.toLocaleString('en-US')
      : 'which show all ' + all.toLocaleString('en-US') + ' identities';
  }
  R.sharesShown = sharesShown;

  E.drawLegend = function () {
    var r = this.result;
    var self = this;
    var names = R.shortNames(
      r.workers.map(function (w) {
        return w.name;
      }),
    );
    var box = this.legendBox;
    box.selectAll('*').remove();
    var colorOf = function (w) {
      return w.state === 'offline' ? R.OFFLINE : self.colorOf[w.id];
    };
    var shown = legendWorkers(r.workers);
    var items = shown.map(function (i) {
      var w = r.workers[i];
      return { color: colorOf(w), text: names[w.name] + stateLabel(w, r), title: w.name + ' — identity ' + w.id };
    });
    if (shown.length < r.workers.length) {
      var named = {};
      shown.forEach(function (i) {
        named[i] = true;
      });
      items.push(
        moreItem(
          r.workers.filter(function (_w, i) {
            return !named[i];
          }),
          colorOf,
          r.workers.length,
        ),
      );
    }
    items.push({ color: R.MOVED, text: 'key range that moves', title: 'hash-space ranges whose worker changes' });
    if (r.offlineIds.length)
      items.push({ color: R.OFFLINE, text: 'offline identity (reads go to the under-storage)', title: "a static ring keeps an OFFLINE identity's ranges" });
    var it = box
      .selectAll('span.item')
      .data(items)
      .join('span')
      .attr('class', function (d) {
        return d.more ? 'item more' : 'item';
      })
      .attr('title', function (d) {
        return d.title;
      });
    it.append('span')
      .attr('class', 'swatch')
      .each(function (d) {
        this.style.background = d.color;
      });
    it.append('span').text(function (d) {
      return d.text;
    });
    box
      .append('div')
      .attr('class', 'legend')
      .text(
        'Shares: thin grey bar = before, coloured bar = after, black line = fair share (' +
          (this.page.capacityKnown === false ? 'equal: the page stores are unknown without --manifest' : 'by page-store size') +
          '), grey band = fair share ± 2/√(virtual nodes), what a random ring gives.',
      );
  };

  // ---- the section ----------------------------------------------------------------------------------------------
  /**
   * The rebalance section for `source` (a plan, or the inspect page's model, R.inspectPage): the controls, the
   * figures and the pictures, appended to R.root under `title`. Returns the Explorer.
   */
  R.rebalanceSection = function (source, core, title) {
    var ex = new R.Explorer(source, core);
    var s = R.section(title, 'rebalance');
    var read = ex.controls(s, update, nothing);
    ex.metrics(s);
    // The pictures: hidden while a refused value leaves nothing to draw.
    var pictures = s.append('div').attr('class', 'pictures');
    pictures.append('h3').text('The ring: which worker owns each part of the key hash space');
    ex.strip(pictures);
    var row = pictures.append('div').attr('class', 'row');
    var left = row.append('div').attr('class', 'picture-shares');
    left.append('h3').text('Shares of keys against the fair share');
    ex.shares(left);
    var right = row.append('div').attr('class', 'picture-flows');
    right.append('h3').text('Where the moved keys go (from → to)');
    ex.matrix(right);
    pictures.append('h3').text('Legend');
    ex.legend(pictures);
    /** No figure and no picture beside the message: nothing stale, nothing computed from a refused value. */
    function nothing(message) {
      ex.result = null;
      s.attr('data-invalid', 'true');
      s.selectAll('.metric .value').text('-');
      s.selectAll('.metric .note').text('');
      s.select('[data-metric="moved"]').attr('data-value', null);
      s.select('[data-metric="bytes-moved"]').attr('data-value', null);
      s.select('[data-metric="summary"]').text('');
      s.select('[data-metric="error"]').text(message + ' Nothing is computed until then.');
      document.body.removeAttribute('data-change');
    }
    function update(change) {
      try {
        ex.result = ex.compute(change);
      } catch (e) {
        nothing(String(e && e.message ? e.message : e));
        return;
      }
      s.attr('data-invalid', null);
      ex.sizeStrip(); // the window may have changed while the pictures were hidden
      ex.showMetrics(s, ex.result);
      if (!ex.zoomed) {
        ex.zoomed = true;
        ex.readableZoom();
      }
      ex.drawStrip();
      ex.drawShares();
      ex.drawMatrix();
      ex.drawLegend();
      document.body.setAttribute('data-change', JSON.stringify(change));
    }
    read();
    var pending = null;
    window.addEventListener('resize', function () {
      if (pending === null)
        pending = window.requestAnimationFrame(function () {
          pending = null;
          ex.resize();
        });
    });
    return ex;
  };
})(window.ringSimReport);
