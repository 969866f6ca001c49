/** What every check family reads: the manifest, the options, the ring settings and the planned workers. */
import type { Edition } from '../capacity/pagestore-plan.js';
import type { AlluxioClusterManifest } from './manifest.js';
import type { PlanOptions, PlanWorker } from './model.js';
import type { RingSettings } from './settings.js';
import type { PlannedWorker } from './workers.js';

export interface PlanContext {
  manifest: AlluxioClusterManifest;
  options: PlanOptions;
  edition: Edition;
  settings: RingSettings;
  planned: readonly PlannedWorker[];
  workers: readonly PlanWorker[];
  /** `--platform`, or gke with `--provider gcp` (or GKE node pools), eks with `--provider aws`. */
  platform: PlanOptions['platform'] | undefined;
}
