/** plan names the directory-choice assumption (docs/pagestore.md, Enterprise differences) only for workers with several page-store directories. */
import { describe, expect, it } from 'vitest';
import { DIRECTORY_CHOICE_ASSUMPTION } from '../../src/pagestore/enterprise-assumptions.js';
import { builtCli } from '../cli/helpers.js';

const example = (name: string): string => new URL(`../../examples/${name}`, import.meta.url).pathname;
const assumptions = (manifest: string): string[] => (JSON.parse(builtCli(['plan', manifest, '--json']).stdout) as { assumptions: string[] }).assumptions;

describe('plan: Enterprise differences as assumptions', () => {
  it('two page-store directories a worker: the directory choice is named; one directory: not', () => {
    expect(assumptions(example('alluxio-cluster-two-disks.yaml'))).toContain(DIRECTORY_CHOICE_ASSUMPTION);
    expect(assumptions(example('alluxio-cluster.yaml'))).not.toContain(DIRECTORY_CHOICE_ASSUMPTION);
  });
});
