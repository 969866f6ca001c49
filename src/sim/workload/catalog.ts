/** Synthetic file catalogues: N files whose sizes follow a seeded distribution, computed per file on demand. */
import type { FileSizeSpec } from '../scenario.js';
import { hashUniform } from '../../core/random.js';
import type { FileCatalog } from './workload.js';

export function fileSizeOf(spec: FileSizeSpec, seed: number, file: number): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.bytes;
    case 'uniform':
      return spec.min + Math.floor(hashUniform(seed, file, 1) * (spec.max - spec.min + 1));
    case 'lognormal': {
      // Parameters of the underlying normal from the size's mean and standard deviation.
      const sigma2 = Math.log(1 + (spec.sd * spec.sd) / (spec.mean * spec.mean));
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const u1 = Math.max(hashUniform(seed, file, 2), 1e-12);
      const u2 = hashUniform(seed, file, 3);
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.min(spec.max, Math.max(spec.min, Math.round(Math.exp(mu + Math.sqrt(sigma2) * z))));
    }
  }
}

export function formatPath(template: string, file: number, key?: string): string {
  return template.replace(/\{index\}/g, String(file)).replace(/\{key\}/g, key ?? String(file));
}

export class SyntheticCatalog implements FileCatalog {
  constructor(
    readonly count: number,
    private readonly spec: FileSizeSpec,
    private readonly seed: number,
    private readonly template: string,
  ) {}

  size(file: number): number {
    return fileSizeOf(this.spec, this.seed, file);
  }

  path(file: number): string {
    return formatPath(this.template, file);
  }

  /** Bytes of all files (the data set). */
  totalBytes(): number {
    if (this.spec.kind === 'fixed') return this.spec.bytes * this.count;
    let total = 0;
    for (let f = 0; f < this.count; f++) total += this.size(f);
    return total;
  }
}
