/*
 * ring-sim report: builds the page from the report model, once ring-sim's placement core (a module) is loaded.
 * The entry of the renderer: npm run build bundles it (with the library code it imports) into dist/viz/report.js,
 * a classic script the page inlines after d3 and before the views still written as classic scripts
 * (viz/rebalance.js, viz/rebalance-views.js), which find what they use in `window.ringSimReport`.
 */
import type { PlanReport } from '../src/plan/model.js';
import type { RingSimCore } from './core-entry.js';
import { planBottom, planClusters, planTop } from './plan.js';
import { d3, exposeKit, page, type ReportKit } from './report.js';
import { simulation } from './simulation.js';

/** The plan's rebalance view: viz/rebalance-views.js draws it (`rebalanceSection`, shared with the inspect page). */
function rebalanceSection(kit: ReportKit, plan: PlanReport, core: RingSimCore): void {
  if (!kit.rebalanceSection) throw new Error("the rebalance view's script (viz/rebalance-views.js) did not load");
  kit.rebalanceSection(plan, core, "Rebalance: what if you change the ring? (computed in this page by ring-sim's own ring code)");
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
