/* ring-sim report: the rebalance section. Every figure here is recomputed in the page by ring-sim's own ring code
 * (window.ringSim: rebalance, movedRanges, ringArcs, flowMatrix from src/report/rebalance.ts), on the ring the plan
 * reports (plan.ring.model), so removing a worker here moves exactly its share in plan --json. */
(function (R) {
  'use strict';
  var d3 = R.d3;
  var OFFLINE = '#1f2937';
  var MOVED = '#dc2626';

  /** Everything a change's views need: the core's result, names, colours, capacities and the change itself. */
  function Explorer(plan, core) {
    var self = this;
    this.plan = plan;
    this.core = core;
    var names = plan.ring.shares.map(function (s) {
      return s.worker;
    });
    this.input = {
      model: plan.ring.model,
      names: names,
      mode: plan.ring.mode,
      capacityBytes: plan.workers.map(function (w) {
        return w.cacheBytes;
      }),
      datasetBytes: plan.dataset ? plan.dataset.bytes : null,
      pagestoreTypes: plan.workers.map(function (w) {
        return w.pagestoreType || 'hostPath';
      }),
    };
    this.capacityOf = {};
    plan.ring.model.workers.forEach(function (w, i) {
      self.capacityOf[w.id] = plan.workers[i].cacheBytes;
    });
    var base = palette(names.length);
    this.colorOf = {};
    plan.ring.model.workers.forEach(function (w, i) {
      self.colorOf[w.id] = base(i);
    });
    this.basisBytes = plan.dataset
      ? plan.dataset.bytes
      : plan.workers.reduce(function (s, w) {
          return s + w.cacheBytes;
        }, 0);
    this.basis = plan.dataset ? 'data set' : 'cache';
    this.bandwidth = null;
  }
  function palette(n) {
    var p = R.palette(n);
    return function (i) {
      return p(i);
    };
  }

  /** New identities: strong colours apart from Tableau 10's, so a new identity never looks like an old worker. */
  var NEW = ['#d946ef', '#0891b2', '#84cc16', '#4338ca', '#be123c', '#a16207'];
  Explorer.prototype.color = function (w, k) {
    if (!this.colorOf[w.id]) this.colorOf[w.id] = NEW[(k || 0) % NEW.length];
    return this.colorOf[w.id];
  };

  /** Runs `change` through the core; adds the names, the fair shares after, and the moved ranges. */
  Explorer.prototype.compute = function (change) {
    if (change.kind === 'remove' && this.input.names.length === 1) {
      throw new Error(this.input.names[0] + ' is the only worker: without it there is no ring, and every read goes to the under-storage. Add workers first.');
    }
    var r = this.core.rebalance(this.input, change);
    var self = this;
    var k = 0;
    var online = r.workers.filter(function (w) {
      return w.state === 'kept' || w.state === 'new';
    });
    var capTotal = 0;
    r.workers.forEach(function (w) {
      if (w.state === 'new') {
        var like = change.kind === 'restart' ? self.input.model.workers[change.worker].id : self.input.model.workers[0].id;
        self.capacityOf[w.id] = self.capacityOf[like];
        self.color(w, k++);
      }
    });
    online.forEach(function (w) {
      capTotal += self.capacityOf[w.id];
    });
    r.workers.forEach(function (w) {
      w.fair = w.state === 'kept' || w.state === 'new' ? self.capacityOf[w.id] / capTotal : 0;
    });
    r.ranges = r.method === 'exact' ? this.core.movedRanges(r.before, r.after, r.samePodPairs) : null;
    r.change = change;
    // r.bytesMoved, r.bytesUnreachable: the core's, capped by what each worker caches (the plan's what-if model).
    r.pointsPerWorker = change.kind === 'vnodes' ? change.vnodes : this.input.model.vnodes;
    r.weightedAfter = change.kind === 'provider' ? change.weighted : this.input.model.weighted;
    return r;
  };

  Explorer.prototype.nameOf = function (r) {
    var m = {};
    r.workers.forEach(function (w) {
      m[w.id] = w.name;
    });
    return function (id) {
      return m[id] || id;
    };
  };

  // ---- the sentence that answers the question ---------------------------------------------------------------
  Explorer.prototype.describe = function (r) {
    var c = r.change;
    var plan = this.plan;
    var names = this.input.names;
    var moved = R.pct(r.moved) + ' of the keys (' + R.bytes(r.bytesMoved) + ', ' + r.bytesBasisText + ')';
    if (c.kind === 'remove') {
      var x = names[c.worker];
      if (plan.ring.mode === 'static') {
        return (
          'Static ring: when ' +
          x +
          ' stops, its identity stays on the ring, OFFLINE, and its ' +
          R.pct(r.unreachable) +
          ' of the keys are read from the under-storage until "alluxio process remove-worker" removes it; then its range, ' +
          moved +
          ', moves to the others.'
        );
      }
      return 'Dynamic ring: ' + x + ' leaves and its range, ' + moved + ', moves to the others; ' + this.core.removeClause(r.moved, r.optimal) + '.';
    }
    if (c.kind === 'add') {
      return (
        'Adding ' +
        c.count +
        ' worker' +
        (c.count === 1 ? '' : 's') +
        ' like ' +
        names[0] +
        ' (new identities, seeded): the new workers take ' +
        moved +
        ' from the others (optimal ' +
        R.pct(r.optimal) +
        ').'
      );
    }
    if (c.kind === 'restart') {
      var y = names[c.worker];
      var emptyDir = this.input.pagestoreTypes[c.worker] === 'emptyDir';
      var id = this.input.model.workers[c.worker].id;
      var share =
        r.workers
          .filter(function (w) {
            return w.id === id;
          })
          .map(function (w) {
            return w.before;
          })[0] || 0;
      var pod = emptyDir
        ? ' Its emptyDir page store comes back empty, so the keys it keeps under the new identity are re-read too (counted as moved).'
        : ' ' +
          R.pct(r.samePod) +
          ' of the keys pass from the old identity to the new one on the same pod and stay on the pod: its page store still holds them, so they are not moved.';
      if (plan.ring.mode === 'static') {
        return (
          'Static ring: ' +
          y +
          ' comes back under a new identity that takes new ranges (' +
          moved +
          ' change pod); its old identity stays on the ring, OFFLINE, and the ' +
          R.pct(r.unreachable) +
          ' of the keys it still owns are read from the under-storage until remove-worker.' +
          pod
        );
      }
      return (
        'Dynamic ring: ' +
        y +
        ' comes back under a new identity; the old identity vanishes and the new identity takes new ranges: ' +
        moved +
        ' change pod although the cluster has the same workers.' +
        pod +
        ' ' +
        this.core.persistedRestartClause(emptyDir, share)
      );
    }
    if (c.kind === 'vnodes') {
      return (
        'Changing the virtual nodes from ' +
        this.input.model.vnodes.toLocaleString('en-US') +
        ' to ' +
        c.vnodes.toLocaleString('en-US') +
        " a worker redraws every worker's points: " +
        moved +
        ' change worker ' +
        this.core.shareChangeClause(
          r.optimal,
          r.workers
            .filter(function (w) {
              return w.state !== 'removed';
            })
            .map(function (w) {
              return w.after;
            }),
        ) +
        '.'
      );
    }
    return (
      'Switching the provider to ' +
      (c.weighted ? "CAPACITY (ring-sim's model: virtual nodes in proportion to page-store size)" : 'DEFAULT (equal virtual nodes)') +
      ' rebuilds the ring with another key hash: ' +
      moved +
      ' change worker (measured ' +
      this.core.movedMethodNote(r.method) +
      '). Decide it before the first deployment.'
    );
  };

  // ---- controls ---------------------------------------------------------------------------------------------
  /** A number input with its message beside it (`[data-message]`, empty while the value is accepted). */
  function numberInput(l, control, range) {
    var input = l
      .append('input')
      .attr('type', 'number')
      .attr('data-control', control)
      .attr('aria-describedby', 'message-' + control);
    limits(input, range);
    l.append('span')
      .attr('class', 'control-message')
      .attr('id', 'message-' + control)
      .attr('data-message', control)
      .attr('aria-live', 'polite');
    return input;
  }
  function limits(input, range) {
    input
      .attr('min', range.min)
      .attr('max', range.max)
      .attr('step', range.integer ? 1 : 'any');
  }

  /** Reads a numeric control (src/report/control-input.ts) and shows its message beside it, or clears it. */
  function readNumber(form, core, control, range) {
    var input = form.select('[data-control="' + control + '"]');
    var r = core.readControlNumber(input.property('value'), range, input.property('validity').badInput);
    form
      .select('[data-message="' + control + '"]')
      .text(r.ok ? '' : r.message)
      .attr('data-state', r.ok ? null : 'invalid');
    input.attr('aria-invalid', r.ok ? null : 'true');
    return r;
  }

  /** The bandwidth, in bytes a second, or null. It is optional: empty is a hint (no time is computed), not an error. */
  Explorer.prototype.readBandwidth = function (form) {
    var core = this.core;
    var unit = form.select('[data-control="ufs-bandwidth-unit"]').property('value');
    var range = core.bandwidthRange(unit);
    var input = form.select('[data-control="ufs-bandwidth"]');
    limits(input, range);
    var empty = input.property('value').trim() === '' && !input.property('validity').badInput;
    var r = readNumber(form, core, 'ufs-bandwidth', range);
    if (empty) {
      form
        .select('[data-message="ufs-bandwidth"]')
        .attr('data-state', 'hint')
        .text('Optional: give ' + core.describeRange(range) + ' to time the re-read.');
      input.attr('aria-invalid', null);
    }
    this.bandwidth = r.ok ? r.value * core.UFS_BANDWIDTH_UNITS[unit] : null;
    this.bandwidthText = r.ok ? r.value + ' ' + unit : null;
    this.bandwidthRefused = !r.ok && !empty;
  };

  /**
   * The controls. `onChange(change)` with a valid change; `onInvalid(message)` when the chosen change's numeric
   * control holds a value outside its range (the message, also shown beside that control, names the range).
   * Every numeric control shows its own message beside it and is never clamped or defaulted.
   */
  Explorer.prototype.controls = function (box, onChange, onInvalid) {
    var self = this;
    var core = this.core;
    var names = this.input.names;
    var short = R.shortNames(names);
    var model = this.input.model;
    var form = box.append('div').attr('class', 'controls');
    function row(kind, label) {
      var l = form.append('label').attr('class', 'control');
      // One worker: nothing to remove, so the page opens on adding workers.
      var first = names.length > 1 ? 'remove' : 'add';
      l.append('input')
        .attr('type', 'radio')
        .attr('name', 'change')
        .attr('value', kind)
        .property('checked', kind === first);
      l.append('span').text(label);
      return l;
    }
    function workerSelect(l, control) {
      var s = l.append('select').attr('data-control', control);
      s.selectAll('option')
        .data(names)
        .join('option')
        .attr('value', function (n) {
          return n;
        })
        .attr('title', function (n) {
          return n;
        })
        .text(function (n) {
          return short[n];
        });
      return s;
    }
    var ranges = {
      'add-workers': core.addWorkersRange(names.length, model.vnodes),
      vnodes: core.vnodesRange(names.length),
    };
    workerSelect(row('remove', 'Remove worker'), 'remove-worker').property('value', names[names.length - 1]);
    numberInput(row('add', 'Add workers'), 'add-workers', ranges['add-workers']).attr('value', 2);
    workerSelect(row('restart', 'Restart without its identity'), 'restart-worker');
    numberInput(row('vnodes', 'Virtual nodes a worker'), 'vnodes', ranges.vnodes).attr('value', model.vnodes === 1000 ? 2000 : 1000);
    var p = row('provider', 'Provider');
    var ps = p.append('select').attr('data-control', 'provider');
    ps.selectAll('option')
      .data(['DEFAULT', 'CAPACITY'])
      .join('option')
      .attr('value', function (v) {
        return v;
      })
      .text(function (v) {
        return v + (v === 'CAPACITY' ? ' (model)' : '');
      });
    ps.property('value', model.weighted ? 'DEFAULT' : 'CAPACITY');
    var bw = form.append('label').attr('class', 'control bandwidth');
    bw.append('span').text('Under-storage read bandwidth');
    var units = Object.keys(core.UFS_BANDWIDTH_UNITS);
    numberInput(bw, 'ufs-bandwidth', core.bandwidthRange(units[0])).attr('placeholder', 'e.g. 10');
    // The unit sits between the number and its message.
    bw.insert('select', '[data-message]')
      .attr('data-control', 'ufs-bandwidth-unit')
      .selectAll('option')
      .data(units)
      .join('option')
      .text(function (u) {
        return u;
      });
    function read() {
      var kind = form.select('input[name="change"]:checked').property('value');
      var v = function (sel) {
        return form.select(sel).property('value');
      };
      var add = readNumber(form, core, 'add-workers', ranges['add-workers']);
      var vnodes = readNumber(form, core, 'vnodes', ranges.vnodes);
      self.readBandwidth(form);
      var refused = kind === 'add' ? add : kind === 'vnodes' ? vnodes : null;
      if (refused && !refused.ok) {
        onInvalid(refused.message);
        return;
      }
      var change;
      if (kind === 'remove') change = { kind: 'remove', worker: names.indexOf(v('[data-control="remove-worker"]')) };
      else if (kind === 'restart') change = { kind: 'restart', worker: names.indexOf(v('[data-control="restart-worker"]')) };
      else if (kind === 'add') change = { kind: 'add', count: add.value };
      else if (kind === 'vnodes') change = { kind: 'vnodes', vnodes: vnodes.value };
      else change = { kind: 'provider', weighted: v('[data-control="provider"]') === 'CAPACITY' };
      onChange(change);
    }
    // Touching a control selects its change.
    form.selectAll('label.control').each(function () {
      var l = d3.select(this);
      var radio = l.select('input[type="radio"]');
      l.selectAll('select, input[type="number"]').on('input change', function () {
        if (!radio.empty()) radio.property('checked', true);
        read();
      });
      radio.on('change', read);
    });
    return read;
  };

  // ---- metrics ----------------------------------------------------------------------------------------------
  Explorer.prototype.metrics = function (box) {
    var m = box.append('div').attr('class', 'metrics');
    function card(key, label) {
      var c = m.append('div').attr('class', 'metric');
      c.append('div').attr('class', 'label').text(label);
      c.append('div').attr('class', 'value').attr('data-metric', key);
      c.append('div').attr('class', 'note').attr('data-note', key);
    }
    card('moved', 'keys moved');
    card('same-pod', 'stays on the pod');
    card('optimal', 'optimal (least possible)');
    card('bytes-moved', 'bytes moved');
    card('time', 'time to re-read them');
    card('unreachable', 'unreachable from cache');
    box.append('p').attr('class', 'summary').attr('data-metric', 'summary');
    box.append('p').attr('class', 'error').attr('data-metric', 'error');
  };

  Explorer.prototype.showMetrics = function (box, r) {
    var set = function (k, v, note) {
      box.select('[data-metric="' + k + '"]').text(v);
      box.select('[data-note="' + k + '"]').text(note || '');
    };
    box.select('[data-metric="moved"]').attr('data-value', String(r.moved));
    set('moved', R.pct(r.moved), this.core.movedMethodNote(r.method));
    set(
      'same-pod',
      R.pct(r.samePod),
      r.samePod > 0 ? 'old identity → new one on the same pod: still in its page store, not moved' : 'no key changes identity without changing pod',
    );
    set(
      'optimal',
      R.pct(r.optimal),
      r.change.kind === 'restart' ? this.core.restartOptimalNote(this.input.pagestoreTypes[r.change.worker] === 'emptyDir') : 'the sum of the share gains',
    );
    set(
      'bytes-moved',
      R.bytes(r.bytesMoved),
      r.bytesBasisText + ' (' + this.basis + ' ' + R.bytes(this.basisBytes) + '; model: each worker caches at most its page store)',
    );
    if (this.bandwidth) set('time', R.duration(r.bytesMoved / this.bandwidth), 'at ' + this.bandwidthText + ' from the under-storage');
    else if (this.bandwidthRefused) set('time', '-', 'not timed: the "Under-storage read bandwidth" value is refused (see the message beside it)');
    else set('time', '-', 'give the "Under-storage read bandwidth" control a value');
    set(
      'unreachable',
      R.pct(r.unreachable),
      r.unreachable > 0 ? R.bytes(r.bytesUnreachable) + ' read from the under-storage' : 'no offline identity owns keys',
    );
    box.select('[data-metric="summary"]').text(this.describe(r));
    box.select('[data-metric="error"]').text('');
  };

  R.Explorer = Explorer;
  R.MOVED = MOVED;
  R.OFFLINE = OFFLINE;
})(window.ringSimReport);
