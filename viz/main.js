/* ring-sim report: builds the page from the report model, once ring-sim's placement core (a module) is loaded. */
(function (R) {
  'use strict';
  var d3 = R.d3;
  var plan = R.data.plan;
  var sim = R.data.simulation;

  function rebalanceSection(core) {
    var ex = new R.Explorer(plan, core);
    var s = R.section("Rebalance: what if you change the ring? (computed in this page by ring-sim's own ring code)", 'rebalance');
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
  }

  function done() {
    document.body.setAttribute('data-rendered', 'true');
  }

  if (R.data.plans) {
    R.planClusters(R.data.plans);
    done();
  } else if (plan) {
    R.planTop(plan);
    var slot = R.root.append('div').attr('id', 'rebalance-slot');
    var start = function () {
      R.root = slot;
      rebalanceSection(window.ringSim);
      R.root = d3.select('main');
      R.planBottom(plan);
      if (sim) R.simulation(sim, false);
      done();
    };
    if (window.ringSim) start();
    else document.addEventListener('ring-sim:core', start, { once: true });
  } else if (sim) {
    R.simulation(sim, true);
    done();
  }
})(window.ringSimReport);
