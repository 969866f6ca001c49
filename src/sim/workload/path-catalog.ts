/**
 * A catalog of files known by path and size, numbered in the order they are added: what a page-store thread
 * knows of a trace's files, as the router ships them (`SharedReadQueue`'s new files) ahead of the reads of them.
 */
import { grown, grownCapacity } from '../../core/typed-arrays.js';
import type { NewFiles } from '../shared-read-queue.js';
import type { FileCatalog } from './workload.js';

export class PathCatalog implements FileCatalog {
  count = 0;
  private sizes = new Float64Array(1024);
  private readonly paths: string[] = [];

  size(file: number): number {
    return this.sizes[file];
  }

  path(file: number): string {
    return this.paths[file];
  }

  /** Adds `files` after the files known so far. */
  add(files: NewFiles): void {
    const n = this.count + files.paths.length;
    if (n > this.sizes.length) this.sizes = grown(this.sizes, grownCapacity(this.sizes.length, n));
    for (let k = 0; k < files.paths.length; k++) {
      this.sizes[this.count] = files.sizes[k];
      this.paths.push(files.paths[k]);
      this.count++;
    }
  }
}
