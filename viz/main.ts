/*
 * ring-sim report: builds the page from the report model, once ring-sim's placement core (a module) is loaded.
 * The entry of the renderer: npm run build bundles it (with the library code it imports) into dist/viz/report.js,
 * a classic script the page inlines after d3 and before the views still written as classic scripts
 * (viz/rebalance.js, viz/rebalance-views.js), which find what they use in `window.ringSimReport`.
 */
import type { PlanReport } from '../src/plan/model.js';
import type { RebalanceChange } from '../src/report/rebalance.js';
import type { RingSimCore } from './core-entry.js';
import { planBottom, planClusters, planTop } from './plan.js';
import { d3, exposeKit, page, section, type ReportKit } from './report.js';
import { simulation } from './simulation.js';

function rebalanceSection(kit: ReportKit, plan: PlanReport, core: RingSimCore): void {
  if (!kit.Explorer) throw new Error("the rebalance view's script (viz/rebalance.js) did not load");
  const ex = new kit.Explorer(plan, core);
  const s = section("Rebalance: what if you change the ring? (computed in this page by ring-sim's own ring code)", 'rebalance');
  /** No figure and no picture beside the message: nothing stale, nothing computed from a refused value. */
  const nothing = (message: string): void => {
    ex.result = null;
    s.attr('data-invalid', 'true');
    s.selectAll('.metric .value').text('-');
    s.selectAll('.metric .note').text('');
    s.select('[data-metric="moved"]').attr('data-value', null);
    s.select('[data-metric="summary"]').text('');
    s.select('[data-metric="error"]').text(`${message} Nothing is computed until then.`);
    document.body.removeAttribute('data-change');
  };
  const update = (change: RebalanceChange): void => {
    try {
      ex.result = ex.compute(change);
    } catch (e) {
      nothing(e instanceof Error ? e.message : String(e));
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
  };
  const read = ex.controls(s, update, nothing);
  ex.metrics(s);
  // The pictures: hidden while a refused value leaves nothing to draw.
  const pictures = s.append<HTMLElement>('div').attr('class', 'pictures');
  pictures.append('h3').text('The ring: which worker owns each part of the key hash space');
  ex.strip(pictures);
  const row = pictures.append<HTMLElement>('div').attr('class', 'row');
  const left = row.append<HTMLElement>('div').attr('class', 'picture-shares');
  left.append('h3').text('Shares of keys against the fair share');
  ex.shares(left);
  const right = row.append<HTMLElement>('div').attr('class', 'picture-flows');
  right.append('h3').text('Where the moved keys go (from → to)');
  ex.matrix(right);
  pictures.append('h3').text('Legend');
  ex.legend(pictures);
  read();
  let pending: number | null = null;
  window.addEventListener('resize', () => {
    if (pending === null)
      pending = window.requestAnimationFrame(() => {
        pending = null;
        ex.resize();
      });
  });
}

function done(): void {
  document.body.setAttribute('data-rendered', 'true');
}

function start(kit: ReportKit): void {
  const { plan, plans, simulation: sim } = page.data;
  if (plans) {
    planClusters(plans);
    done();
  } else if (plan) {
    planTop(plan);
    const slot = page.root.append<HTMLElement>('div').attr('id', 'rebalance-slot');
    const withCore = (core: RingSimCore): void => {
      page.root = slot;
      rebalanceSection(kit, plan, core);
      page.root = d3.select<HTMLElement, unknown>('main');
      planBottom(plan);
      if (sim) simulation(sim, false);
      done();
    };
    if (window.ringSim) withCore(window.ringSim);
    else document.addEventListener('ring-sim:core', () => withCore(window.ringSim!), { once: true });
  } else if (sim) {
    simulation(sim, true);
    done();
  }
}

const kit = exposeKit();
// Once the rest of this script (the views after the bundle) has run.
queueMicrotask(() => start(kit));
