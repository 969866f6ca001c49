/* ring-sim report: the rebalance section. Every figure here is recomputed in the page by ring-sim's own ring code
 * (window.ringSim: rebalance, movedRanges, ringArcs, flowMatrix from src/report/rebalance.ts), on the ring the plan
 * reports (plan.ring.model), so removing a worker here moves exactly its share in plan --json; on the inspect page,
 * on the running cluster's exact identities (R.inspectPage), so its figures are inspect --json's. */
(function (R) {
  'use strict';
  var d3 = R.d3;
  var OFFLINE = '#1f2937';
  var MOVED = '#dc2626';

  /**
   * Everything a change's views need: the core's result, names, colours, capacities and the change itself.
   * `source` is the plan (its ring model, workers and data set) or, on the inspect page, `inspectPage(data)`'s
   * page model: the running cluster's exact identities, their states and hosts.
   */
  function Explorer(source, core) {
    var self = this;
    var page = source.ring ? planPage(source) : source;
    this.page = page;
    this.core = core;
    this.input = page.input;
    var names = page.input.names;
    this.capacityOf = {};
    page.input.model.workers.forEach(function (w, i) {
      // Unknown page stores (inspect without --manifest): equal, so each fair share is 1 / workers.
      var c = page.input.capacityBytes[i];
      self.capacityOf[w.id] = c === null || c === undefined ? 1 : c;
    });
    var base = palette(names.length);
    this.colorOf = {};
    page.input.model.workers.forEach(function (w, i) {
      self.colorOf[w.id] = base(i);
    });
    this.basisBytes = page.basisBytes;
    this.basis = page.basis;
    this.bandwidth = null;
  }

  /** The plan's page model: its ring model, names and page stores; every worker ONLINE; bytes always modelled. */
  function planPage(plan) {
    var input = {
      model: plan.ring.model,
      names: plan.ring.shares.map(function (s) {
        return s.worker;
      }),
      mode: plan.ring.mode,
      capacityBytes: plan.workers.map(function (w) {
        return w.cacheBytes;
      }),
      datasetBytes: plan.dataset ? plan.dataset.bytes : null,
      pagestoreTypes: plan.workers.map(function (w) {
        return w.pagestoreType || 'hostPath';
      }),
    };
    return {
      kind: 'plan',
      input: input,
      labels: input.names,
      basisBytes: plan.dataset
        ? plan.dataset.bytes
        : plan.workers.reduce(function (s, w) {
            return s + w.cacheBytes;
          }, 0),
      basis: plan.dataset ? 'data set' : 'cache',
      bytesKnown: true,
    };
  }

  /**
   * The inspect page's model (src/report/inspect-html.ts embeds it as `rebalance`): the identities as read, each
   * OFFLINE one marked, the host beside each identity, the ring settings inspect used. Bytes need --dataset.
   */
  function inspectPage(data) {
    var input = data.input;
    var known = input.capacityBytes.every(function (c) {
      return c !== null;
    });
    return {
      kind: 'inspect',
      input: input,
      labels: data.labels,
      basisBytes: input.datasetBytes !== null ? input.datasetBytes : null,
      basis: 'data set',
      bytesKnown: input.datasetBytes !== null,
      capacityKnown: known,
    };
  }
  R.inspectPage = inspectPage;

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
        var like = change.kind === 'restart' ? self.input.model.workers[change.worker].id : self.input.model.workers[self.firstOnline()].id;
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
    r.restarted = change.kind === 'restart' ? this.input.model.workers[change.worker].id : null;
    // The identities drawn dark on the strip: OFFLINE on the ring before (inspect's static ring) and after.
    r.offlineBefore = {};
    if (this.input.mode === 'static')
      this.input.model.workers.forEach(function (w, i) {
        if (self.isOffline(i)) r.offlineBefore[w.id] = true;
      });
    r.offlineAfter = {};
    r.offlineIds.forEach(function (id) {
      r.offlineAfter[id] = true;
    });
    // r.bytesMoved, r.bytesUnreachable: the core's, capped by what each worker caches (the plan's what-if model).
    r.pointsPerWorker = change.kind === 'vnodes' ? change.vnodes : this.input.model.vnodes;
    r.weightedAfter = change.kind === 'provider' ? change.weighted : this.input.model.weighted;
    return r;
  };

  /** Index of the first ONLINE worker (new workers are like it): the first, unless the inspect page marks it OFFLINE. */
  Explorer.prototype.firstOnline = function () {
    var off = this.input.offline || [];
    for (var i = 0; i < this.input.names.length; i++) if (!off[i]) return i;
    return 0;
  };

  Explorer.prototype.isOffline = function (i) {
    return !!(this.input.offline && this.input.offline[i]);
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
    var mode = this.input.mode;
    var names = this.page.labels;
    var moved = R.pct(r.moved) + ' of the keys' + (this.page.bytesKnown ? ' (' + R.bytes(r.bytesMoved) + ', ' + r.bytesBasisText + ')' : '');
    if (this.page.kind === 'inspect' && (c.kind === 'remove' || c.kind === 'stop')) return this.describeDay2(r, moved);
    if (c.kind === 'remove') {
      var x = names[c.worker];
      if (mode === 'static') {
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
        names[this.firstOnline()] +
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
      if (mode === 'static') {
        return (
          'Static ring: ' +
          y +
          ' comes back under a new identity that takes new ranges (' +
          moved +
          ' change pod); its old identity stays on the ring, OFFLINE, and the ' +
          R.pct(r.unreachable - this.alreadyOfflineShare(r)) +
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

  /** The inspect page's remove-worker and stop, on the running cluster: an OFFLINE identity is registered but off the dynamic ring. */
  Explorer.prototype.describeDay2 = function (r, moved) {
    var c = r.change;
    var x = this.page.labels[c.worker];
    var wasOffline = this.isOffline(c.worker);
    var staticRing = this.input.mode === 'static';
    if (c.kind === 'stop') {
      if (wasOffline) return x + ' is already OFFLINE: stopping it changes nothing (' + moved + ' move).';
      if (staticRing)
        return (
          'Static ring: ' +
          x +
          "'s pod stops and its identity stays on the ring, OFFLINE: nothing moves, and its " +
          R.pct(r.unreachable - this.alreadyOfflineShare(r)) +
          ' of the keys are read from the under-storage until it comes back or "alluxio process remove-worker" removes it.'
        );
      return (
        'Dynamic ring: ' +
        x +
        "'s pod stops; its identity stays registered, OFFLINE, and leaves the ring: its range, " +
        moved +
        ', moves to the others; ' +
        this.core.removeClause(r.moved, r.optimal) +
        '.'
      );
    }
    if (wasOffline) {
      if (!staticRing)
        return x + ' is OFFLINE, so it is not on the dynamic ring: "alluxio process remove-worker" only clears its registration and moves ' + moved + '.';
      return (
        'Static ring: ' +
        x +
        ' is OFFLINE but still owns its range, read from the under-storage; "alluxio process remove-worker" takes it off the ring and that range, ' +
        moved +
        ', moves to the others, where it is cached again.'
      );
    }
    if (staticRing)
      return (
        'Static ring: when ' +
        x +
        ' stops, its identity stays on the ring, OFFLINE, and its range is read from the under-storage until "alluxio process remove-worker" removes it; then that range, ' +
        moved +
        ', moves to the others.'
      );
    return (
      'Dynamic ring: ' +
      x +
      ' stops and "alluxio process remove-worker" removes it: its range, ' +
      moved +
      ', moves to the others; ' +
      this.core.removeClause(r.moved, r.optimal) +
      '.'
    );
  };

  /** On the inspect page's static ring: the part of "unreachable" the identities already OFFLINE hold, in words. */
  Explorer.prototype.alreadyOfflineNote = function (r) {
    var before = this.alreadyOfflineShare(r);
    if (before <= 0) return '';
    var n = (this.input.offline || []).filter(Boolean).length;
    return '; ' + R.pct(before) + ' of it on the ' + n + ' identit' + (n === 1 ? 'y' : 'ies') + ' already OFFLINE';
  };

  /** The share the identities registered OFFLINE before the change hold after it (inspect's static ring; else 0). */
  Explorer.prototype.alreadyOfflineShare = function (r) {
    if (this.input.mode !== 'static' || !this.input.offline) return 0;
    var was = {};
    var self = this;
    this.input.model.workers.forEach(function (w, i) {
      if (self.isOffline(i)) was[w.id] = true;
    });
    return r.workers.reduce(function (s, w) {
      return s + (was[w.id] ? w.after : 0);
    }, 0);
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
    var labels = this.page.labels;
    var inspect = this.page.kind === 'inspect';
    /** A worker per option: its name as the value; on the inspect page the host beside the identity (`labels`). */
    function workerSelect(l, control, which) {
      var shown = names.filter(function (_n, i) {
        return !which || which(i);
      });
      var s = l.append('select').attr('data-control', control);
      s.selectAll('option')
        .data(shown)
        .join('option')
        .attr('value', function (n) {
          return n;
        })
        .attr('title', function (n) {
          return labels[names.indexOf(n)];
        })
        .text(function (n) {
          return inspect ? labels[names.indexOf(n)] : short[n];
        });
      return s;
    }
    var online = function (i) {
      return !self.isOffline(i);
    };
    var ranges = {
      'add-workers': core.addWorkersRange(names.length, model.vnodes),
      vnodes: core.vnodesRange(names.length),
    };
    if (inspect) {
      // The ring Alluxio builds: inspect reports both; the page opens on the cluster's (its --manifest's, else dynamic).
      var rl = form.append('label').attr('class', 'control ring');
      rl.append('span').text('Ring');
      rl.append('select')
        .attr('data-control', 'ring')
        .selectAll('option')
        .data(['dynamic', 'static'])
        .join('option')
        .attr('value', function (v) {
          return v;
        })
        .text(function (v) {
          return v + (v === 'dynamic' ? ' (ONLINE identities)' : ' (every registered identity)');
        });
      rl.select('select').property('value', this.input.mode);
    }
    workerSelect(row('remove', inspect ? 'Remove worker (remove-worker)' : 'Remove worker'), 'remove-worker').property('value', names[names.length - 1]);
    if (inspect) workerSelect(row('stop', 'Stop worker (its identity stays, OFFLINE)'), 'stop-worker', online);
    numberInput(row('add', 'Add workers'), 'add-workers', ranges['add-workers']).attr('value', 2);
    workerSelect(row('restart', 'Restart without its identity'), 'restart-worker', inspect ? online : null);
    numberInput(row('vnodes', 'Virtual nodes a worker'), 'vnodes', ranges.vnodes).attr('value', model.vnodes === 1000 ? 2000 : 1000);
    if (!inspect) this.providerControl(row('provider', 'Provider'), model);
    this.bandwidthControl(form);
    function read() {
      var kind = form.select('input[name="change"]:checked').property('value');
      var v = function (sel) {
        return form.select(sel).property('value');
      };
      if (inspect) self.input.mode = v('[data-control="ring"]');
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
      else if (kind === 'stop') change = { kind: 'stop', worker: names.indexOf(v('[data-control="stop-worker"]')) };
      else if (kind === 'restart') change = { kind: 'restart', worker: names.indexOf(v('[data-control="restart-worker"]')) };
      else if (kind === 'add') change = { kind: 'add', count: add.value };
      else if (kind === 'vnodes') change = { kind: 'vnodes', vnodes: vnodes.value };
      else change = { kind: 'provider', weighted: v('[data-control="provider"]') === 'CAPACITY' };
      onChange(change);
    }
    // Touching a control selects its change; the ring select (no radio) recomputes the chosen one.
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

  Explorer.prototype.providerControl = function (p, model) {
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
  };

  /** The under-storage bandwidth: a number and its unit, optional. */
  Explorer.prototype.bandwidthControl = function (form) {
    var core = this.core;
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

  /** The re-read's time at the bandwidth given, or why there is none. */
  Explorer.prototype.showTime = function (set, r) {
    if (this.bandwidth) set('time', R.duration(r.bytesMoved / this.bandwidth), 'at ' + this.bandwidthText + ' from the under-storage');
    else if (this.bandwidthRefused) set('time', '-', 'not timed: the "Under-storage read bandwidth" value is refused (see the message beside it)');
    else set('time', '-', 'give the "Under-storage read bandwidth" control a value');
  };

  Explorer.prototype.showMetrics = function (box, r) {
    var set = function (k, v, note) {
      box.select('[data-metric="' + k + '"]').text(v);
      box.select('[data-note="' + k + '"]').text(note || '');
    };
    box.select('[data-metric="moved"]').attr('data-value', String(r.moved));
    box.select('[data-metric="bytes-moved"]').attr('data-value', this.page.bytesKnown ? String(r.bytesMoved) : null);
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
    if (!this.page.bytesKnown) {
      // inspect without --dataset: etcd does not say how much is cached, so no bytes (as in inspect --json).
      set('bytes-moved', '-', 'run inspect with --dataset SIZE (and --manifest for the page stores) for the bytes');
      set('time', '-', 'needs the bytes: run inspect with --dataset SIZE');
    } else {
      set(
        'bytes-moved',
        R.bytes(r.bytesMoved),
        r.bytesBasisText + ' (' + this.basis + ' ' + R.bytes(this.basisBytes) + '; model: each worker caches at most its page store)',
      );
      this.showTime(set, r);
    }
    set(
      'unreachable',
      R.pct(r.unreachable),
      r.unreachable <= 0
        ? 'no offline identity owns keys'
        : (this.page.bytesKnown ? R.bytes(r.bytesUnreachable) + ' read from the under-storage' : 'read from the under-storage') + this.alreadyOfflineNote(r),
    );
    box.select('[data-metric="summary"]').text(this.describe(r));
    box.select('[data-metric="error"]').text('');
  };

  R.Explorer = Explorer;
  R.MOVED = MOVED;
  R.OFFLINE = OFFLINE;
})(window.ringSimReport);
