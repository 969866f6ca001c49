/* ring-sim report: renders the report model embedded in #report-data with d3, and recomputes rebalance
 * what-ifs with ring-sim's own placement core (window.ringSim, the bundle of src/report/rebalance.ts). No network. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var d3 = window.d3;
  var root = d3.select('main');

  // ---- formatting -------------------------------------------------------------------------------------------
  function bytes(n) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    var i = 0;
    var v = Math.abs(n);
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return (n < 0 ? '-' : '') + (i === 0 ? String(Math.round(v)) : v.toFixed(2)) + ' ' + units[i];
  }
  function pct(x, d) {
    return (x * 100).toFixed(d === undefined ? 2 : d) + ' %';
  }
  function count(n) {
    return Math.round(n).toLocaleString('en-US');
  }
  function duration(seconds) {
    if (!isFinite(seconds)) return '-';
    if (seconds < 1) return (seconds * 1000).toFixed(0) + ' ms';
    if (seconds < 120) return seconds.toFixed(1) + ' s';
    var m = Math.round(seconds / 60);
    if (m < 120) return m + ' min';
    var h = Math.floor(m / 60);
    return h + ' h ' + (m % 60) + ' min';
  }
  /** The text report's seconds (src/report/ufs-text.ts): 3 significant digits below a minute, else "1 min 40 s", "2 h 05 min 10 s". */
  function seconds(x) {
    var a = Math.abs(x),
      sign = x < 0 ? '-' : '';
    if (a < 60) return sign + Number(a.toPrecision(3)) + ' s';
    var t = Math.round(a),
      h = Math.floor(t / 3600),
      m = Math.floor((t % 3600) / 60),
      s = t % 60;
    var two = function (n) {
      return String(n).padStart(2, '0');
    };
    return sign + (h > 0 ? h + ' h ' + two(m) + ' min ' + two(s) + ' s' : m + ' min ' + two(s) + ' s');
  }
  /** The text report's dollars: 4 significant digits below 1 USD, else cents with thousands separators. */
  function usd(x) {
    return Math.abs(x) < 1
      ? (x === 0 ? '0' : String(Number(x.toPrecision(4)))) + ' USD'
      : x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' USD';
  }
  /** A byte axis unit for values up to `max`: [divisor, name]. */
  function byteUnit(max) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    var i = 0;
    while (max >= 1024 && i < units.length - 1) {
      max /= 1024;
      i++;
    }
    return [Math.pow(1024, i), units[i]];
  }

  // ---- names and colours ------------------------------------------------------------------------------------
  /** Short labels for long names: the suffix all names share is elided ("…"), and long middles too. */
  function shortNames(names) {
    var suffix =
      names.length > 1
        ? names.reduce(function (s, n) {
            var k = 0;
            while (k < s.length && k < n.length && s[s.length - 1 - k] === n[n.length - 1 - k]) k++;
            return s.slice(s.length - k);
          })
        : '';
    var cut = suffix.search(/[.\-_]/); // elide only from a separator on, so "worker-1" and "worker-11" stay whole
    suffix = cut >= 0 ? suffix.slice(cut) : '';
    if (suffix.length < 4) suffix = '';
    var out = {};
    names.forEach(function (n) {
      var s = suffix && n.length > suffix.length ? n.slice(0, n.length - suffix.length) + '…' : n;
      if (s.length > 26) s = s.slice(0, 12) + '…' + s.slice(-12);
      out[n] = s;
    });
    return out;
  }
  function palette(n) {
    return function (i) {
      if (n <= 10) return d3.schemeTableau10[i % 10];
      return d3.interpolateRainbow((i * 0.618033988749895) % 1);
    };
  }

  // ---- page building blocks -----------------------------------------------------------------------------------
  function section(title, id) {
    var s = window.ringSimReport.root.append('section');
    if (id) s.attr('id', id);
    s.append('h2').text(title);
    return s;
  }
  /** A table; in a narrow window (report.css) each row stacks into a card, every cell headed by its column (`data-label`). */
  function tableOf(sel, headers, rows, numeric) {
    var t = sel.append('table').attr('class', 'stack');
    t.append('thead')
      .append('tr')
      .selectAll('th')
      .data(headers)
      .join('th')
      .attr('class', function (_d, i) {
        return numeric && numeric[i] ? 'num' : null;
      })
      .text(function (d) {
        return d;
      });
    t.append('tbody')
      .selectAll('tr')
      .data(rows)
      .join('tr')
      .selectAll('td')
      .data(function (r) {
        return r;
      })
      .join('td')
      .attr('class', function (_d, i) {
        return numeric && numeric[i] ? 'num' : null;
      })
      .attr('data-label', function (_d, i) {
        return headers[i];
      })
      .text(function (d) {
        return d;
      });
    return t;
  }
  function axisLabel(svg, text, x, y, rotate) {
    svg
      .append('text')
      .attr('class', 'axis-label')
      .attr('text-anchor', 'middle')
      .attr('transform', 'translate(' + x + ',' + y + ')' + (rotate ? ' rotate(-90)' : ''))
      .text(text);
  }

  window.ringSimReport = {
    bytes: bytes,
    pct: pct,
    count: count,
    duration: duration,
    seconds: seconds,
    usd: usd,
    byteUnit: byteUnit,
    shortNames: shortNames,
    palette: palette,
    section: section,
    tableOf: tableOf,
    axisLabel: axisLabel,
    d3: d3,
    root: root,
    data: data,
  };
})();
