import type { Command } from 'commander';
import { DISK_PROVIDERS, FILE_SYSTEMS, type DiskProvider, type FileSystem } from '../../capacity/disk.js';
import { planPageStore, type Edition } from '../../capacity/pagestore-plan.js';
import { hasErrors } from '../../core/check.js';
import { RingSimError } from '../../core/errors.js';
import { capacityJSON, renderCapacityText } from '../../report/capacity.js';
import { jsonText } from '../../report/json.js';
import type { Io } from '../io.js';
import { JSON_OPTION, reportOutputs } from '../json-option.js';
import { writeOutputs } from '../output-file.js';
import { choiceOption } from '../options.js';

interface CapacityFlags {
  size?: string;
  reserved?: string;
  disk?: string;
  provider: DiskProvider;
  fs: FileSystem;
  pageSize?: string;
  edition: Edition;
  json?: string | boolean;
}

export function registerCapacity(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('capacity')
    .description("plan one worker's page store: usable bytes, pages, and the checks that decide whether it deploys")
    .option('--size <quantity>', 'page store size, a Kubernetes quantity (spec.worker.pagestore.size), e.g. 90Gi')
    .option('--reserved <quantity>', 'reservedSize, a Kubernetes quantity, e.g. 9Gi')
    .option('--disk <size>', 'the disk as sold: 100GB, 1TB, 100GiB, or a Kubernetes quantity (a PVC request)')
    .option('--provider <name>', `how the disk size is read: ${DISK_PROVIDERS.join(', ')}`, choiceOption('--provider', DISK_PROVIDERS), 'plain')
    .option('--fs <name>', `file system on the disk: ${FILE_SYSTEMS.join(', ')}`, choiceOption('--fs', FILE_SYSTEMS), 'ext4')
    .option('--page-size <size>', "Alluxio page size (alluxio.worker.page.store.page.size; binary units); default the edition's: 4MB enterprise, 1MB oss")
    .option(
      '--edition <edition>',
      'enterprise (size + reservedSize) or oss (size / 1.1 of page data)',
      choiceOption('--edition', ['enterprise', 'oss'] as const),
      'enterprise',
    )
    .option(...JSON_OPTION)
    .addHelpText(
      'after',
      `
Exit codes: 0 the page store fits; 1 a check found an error that would stop the worker; 2 bad input.
Example:
  ring-sim capacity --size 90Gi --reserved 9Gi --disk 100GB --provider aws --fs ext4`,
    )
    .action((flags: CapacityFlags) => {
      if (!flags.size) throw new RingSimError('--size', undefined, 'no page store size given', 'pass e.g. --size 90Gi');
      // Text that is no size in any system is bad input (exit 2). A number with a unit Kubernetes rejects, such
      // as 100GB, is a finding the checks explain with the right spelling (exit 1).
      checkSizeShape('--size', flags.size);
      if (flags.reserved !== undefined) checkSizeShape('--reserved', flags.reserved);
      const plan = planPageStore({
        size: flags.size,
        reservedSize: flags.reserved,
        disk: flags.disk,
        provider: flags.provider,
        fs: flags.fs,
        pageSize: flags.pageSize,
        edition: flags.edition,
      });
      writeOutputs(
        reportOutputs(
          flags.json,
          () => jsonText(capacityJSON(plan)),
          () => renderCapacityText(plan),
        ),
        io,
      );
      if (hasErrors(plan.checks)) setExitCode(1);
    });
}

/** A number, optionally with an exponent, then optional unit letters: the shape every size spelling shares. */
function checkSizeShape(flag: string, text: string): void {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*[A-Za-z]*\s*$/.test(text)) {
    throw new RingSimError(flag, text, 'not a size', 'write a Kubernetes quantity such as 90Gi');
  }
}
