/* ring-sim report: the inspect page's rebalance view. The page's tables are written by the CLI; this script adds
 * the what-if controls on the running cluster's exact identities (R.data.rebalance, from src/report/inspect-html.ts),
 * computed by ring-sim's own ring code (window.ringSim) with the what-if rules inspect --json uses. */
(function (R) {
  'use strict';
  var data = R.data;
  if (!data.inspect || !data.rebalance) return;
  var d3 = R.d3;
  function start() {
    R.root = d3.select('#rebalance-slot');
    R.rebalanceSection(
      R.inspectPage(data.rebalance),
      window.ringSim,
      "What if you change the ring? (this cluster's identities, computed in this page by ring-sim's own ring code)",
    );
    R.root = d3.select('main');
    document.body.setAttribute('data-rendered', 'true');
  }
  if (window.ringSim) start();
  else document.addEventListener('ring-sim:core', start, { once: true });
})(window.ringSimReport);
