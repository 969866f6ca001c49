/** Licenses: Enterprise pods need a cluster license property or a License document. */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';
import { prop } from '../settings.js';

export function licenseChecks(c: PlanContext): Check[] {
  const m = c.manifest;
  if (c.edition !== 'enterprise' || prop(m, 'alluxio.license') !== undefined || m.otherDocuments.some((d) => d.kind === 'License')) return [];
  return [{ severity: 'info', field: 'spec.properties.alluxio.license', message: 'no license property or License document', fix: 'add alluxio.license (Enterprise needs one to start)' }];
}
