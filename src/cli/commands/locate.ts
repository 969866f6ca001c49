import type { Command } from 'commander';
import { RingSimError } from '../../core/errors.js';
import { ALGORITHM_NAMES, createPlacement } from '../../ring/registry.js';
import { choiceOption, integerOption, positiveNumberOption } from '../options.js';
import { parseWorkers } from '../workers-file.js';
import { MAX_KEYS_FILE_BYTES, MAX_WORKERS_FILE_BYTES, readTextFile } from '../input-file.js';
import { keyLines } from '../keys-file.js';
import { addMembershipOptions, hasMembershipSource, loadMembership, type MembershipFlags } from '../etcd-options.js';
import { RING_MODES, requireRingWorkers, type RingMode } from '../../membership/membership.js';
import type { Worker } from '../../ring/worker.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../../ring/alluxio/consistent.js';
import { RING_DEFAULT_VNODES } from '../../ring/ring.js';
import type { Io } from '../io.js';
import { JSON_OPTION, checkJsonPath, jsonOnStdout, reportOutputs } from '../json-option.js';
import { writeOutputs } from '../output-file.js';
import type { Edition } from '../../capacity/pagestore-plan.js';
import { addClusterSettingsOptions, clusterSettings } from '../cluster-options.js';
import type { ClusterSettings } from '../../plan/cluster-settings.js';
import { PODS_OPTION, readPods } from '../pods-file.js';
import { podOfHost } from '../../membership/pods.js';
import { renderLocateJsonLines, renderLocateText, type LocatedKey } from '../../report/locate.js';

interface LocateFlags extends Partial<MembershipFlags> {
  ring?: RingMode;
  algorithm: string;
  workers?: string;
  vnodes?: number;
  replicas: number;
  keys?: string;
  json?: string | boolean;
  identity?: 'auto' | 'identity' | 'hostname';
  workerOrder?: 'given' | 'sorted';
  weighting?: 'libketama' | 'hashring';
  zonesFirst?: boolean;
  tableSize?: number;
  probes?: number;
  epsilon?: number;
  ketamaPoints?: number;
  manifest?: string;
  edition: Edition;
  pods?: string;
}

/**
 * The settings locate uses and the assumptions behind them: the virtual nodes for alluxio-consistent, the policy
 * and provider when --algorithm is not given, the ring and cluster with a membership.
 */
function locateSettings(flags: LocateFlags, command: Command): { settings: ClusterSettings; assumptions: string[] } {
  const settings = clusterSettings(flags, command);
  const algorithmGiven = command.getOptionValueSource('algorithm') === 'cli';
  if (!algorithmGiven && (settings.policy !== 'CONSISTENT' || settings.provider !== 'DEFAULT')) {
    throw new RingSimError(
      '--manifest',
      `${settings.policy}/${settings.provider}`,
      "the manifest's worker selection is not the CONSISTENT policy with the DEFAULT provider",
      "pass --algorithm (e.g. alluxio-capacity, ring-sim's model of CAPACITY, or alluxio-jump)",
    );
  }
  const used = new Set<string>();
  if (flags.algorithm === 'alluxio-consistent') used.add('vnodes');
  if (!algorithmGiven) used.add('provider');
  if (hasMembershipSource(flags as MembershipFlags)) {
    used.add('ring');
    used.add('cluster');
  }
  return { settings, assumptions: settings.assumptions.filter((a) => used.has(a.setting)).map((a) => a.text) };
}

/** The workers: from --workers, or the membership's dynamic or static ring. */
async function locateWorkers(flags: LocateFlags, settings: ClusterSettings): Promise<{ workers: Worker[]; hosts?: Map<string, string | null> }> {
  const m = flags as MembershipFlags;
  if (hasMembershipSource(m)) {
    if (flags.workers !== undefined) throw new RingSimError('--workers', flags.workers, '--workers and an etcd membership both given', 'use one of them');
    const membership = await loadMembership({ ...m, cluster: settings.cluster });
    const workers = requireRingWorkers(membership, settings.ring);
    // Hosts beside identities when any registration gives one (JSON WorkerServiceEntity values).
    const hosts = membership.members.some((w) => w.host !== undefined) ? new Map(membership.members.map((w) => [w.identity, w.host ?? null])) : undefined;
    return { workers, hosts };
  }
  if (flags.ring) throw new RingSimError('--ring', flags.ring, '--ring needs a membership', 'pass --etcd URL or --etcd-export FILE');
  if (flags.workers === undefined) throw new RingSimError('--workers', undefined, 'no workers given', 'pass --workers FILE, --etcd URL or --etcd-export FILE');
  return { workers: parseWorkers(readTextFile(flags.workers, '--workers', MAX_WORKERS_FILE_BYTES), flags.workers) };
}

export function registerLocate(program: Command, io: Io): void {
  const command = program
    .command('locate')
    .description('print the workers that hold each key, in preference order')
    .argument('[keys...]', 'keys (file paths / URLs) to locate')
    .option('-a, --algorithm <name>', `placement algorithm: ${ALGORITHM_NAMES.join(', ')}`, choiceOption('--algorithm', ALGORITHM_NAMES), 'alluxio-consistent')
    .option('-w, --workers <file>', 'workers: one a line "id [weight] [zone]", or a JSON array')
    .option(
      '--vnodes <n>',
      `virtual nodes per worker (alluxio-consistent; default --manifest's, else ${ALLUXIO_ENTERPRISE_VNODES} Enterprise, ${ALLUXIO_OSS_VNODES} open source) or per unit of weight (ring, default ${RING_DEFAULT_VNODES})`,
      integerOption('--vnodes', 1, 16_777_216),
    )
    .option('-r, --replicas <n>', 'distinct workers per key', integerOption('--replicas', 1, 1_000_000), 1)
    .option('--keys <file>', 'read keys from a file, one a line')
    .option(
      JSON_OPTION[0],
      'one JSON object a line, {"key": ..., "workers": [...]}: on stdout instead of the text (--json, --json -), or written to FILE.json with the text on stdout (--json=PATH for any name)',
    )
    .option(
      '--identity <mode>',
      'alluxio: read worker ids as identities, hostnames, or auto',
      choiceOption('--identity', ['auto', 'identity', 'hostname'] as const),
    )
    .option(
      '--worker-order <order>',
      'alluxio: ring build order (decides equal points): given or sorted',
      choiceOption('--worker-order', ['given', 'sorted'] as const),
    )
    .option(
      '--weighting <mode>',
      'ketama: libketama (float32) or hashring (float64) point counts',
      choiceOption('--weighting', ['libketama', 'hashring'] as const),
    )
    .option('--zones-first', 'spread the replicas over distinct zones (the third field of a worker line) before any zone gets a second')
    .option('--table-size <n>', 'maglev, alluxio-maglev: lookup table size (a prime; default 65537)', integerOption('--table-size', 2, 5_000_011))
    .option('--probes <n>', 'multi-probe, alluxio-multi-probe: probes a key (default 21)', integerOption('--probes', 1, 10_000))
    .option('--epsilon <x>', 'bounded-load: load bound 1 + epsilon times the mean (default 0.25)', positiveNumberOption('--epsilon'))
    .option(
      '--ring <mode>',
      "with --etcd/--etcd-export: dynamic (ONLINE workers, Alluxio's default) or static (all registered)",
      choiceOption('--ring', RING_MODES),
    )
    .option(...PODS_OPTION)
    .option(
      '--ketama-points <n>',
      'alluxio-ketama: points a worker (alluxio.user.ketama.hash.replicas, default 200)',
      integerOption('--ketama-points', 1, 65_536),
    )
    .addHelpText(
      'after',
      `
alluxio-capacity is ring-sim's MODEL of Alluxio Enterprise's CAPACITY provider (not public), not a copy.
Example:
  ring-sim locate --algorithm alluxio-consistent --workers examples/workers.txt --replicas 2 s3://bucket/a.parquet
  ring-sim locate --etcd http://etcd-0:2379 --cluster alluxio --replicas 2 s3://bucket/a.parquet`,
    );
  addClusterSettingsOptions(addMembershipOptions(command)).action(async (keyArgs: string[], flags: LocateFlags, cmd: Command) => {
    checkJsonPath(flags.json);
    const { settings, assumptions } = locateSettings(flags, cmd);
    const { workers, hosts } = await locateWorkers(flags, settings);
    const pods = readPods(flags.pods);
    if (pods && !hosts)
      throw new RingSimError(
        '--pods',
        flags.pods,
        'pods are matched to the hosts the workers registered in etcd, and there are none here',
        'pass --etcd URL or --etcd-export FILE (JSON registrations)',
      );
    const keys = [...keyArgs];
    if (flags.keys !== undefined) {
      for (const line of keyLines(readTextFile(flags.keys, '--keys', MAX_KEYS_FILE_BYTES), '--keys', flags.keys)) keys.push(line);
    }
    if (keys.length === 0) throw new RingSimError('keys', '', 'no keys given', 'pass keys as arguments or --keys FILE');
    const placement = createPlacement(flags.algorithm, workers, {
      vnodes: flags.algorithm === 'alluxio-consistent' ? settings.vnodes : flags.vnodes,
      identity: flags.identity ?? (hasMembershipSource(flags as MembershipFlags) ? 'identity' : undefined),
      workerOrder: flags.workerOrder,
      weighting: flags.weighting,
      tableSize: flags.tableSize,
      probes: flags.probes,
      epsilon: flags.epsilon,
      ketamaPoints: flags.ketamaPoints,
    });
    const located: LocatedKey[] = keys.map((key) => {
      const owners = placement.locate(key, flags.replicas, { zonesFirst: flags.zonesFirst });
      if (!hosts) return { key, workers: owners };
      const ownerHosts = owners.map((w) => hosts.get(w) ?? null);
      return pods
        ? { key, workers: owners, hosts: ownerHosts, pods: ownerHosts.map((h) => podOfHost(h ?? undefined, pods)) }
        : { key, workers: owners, hosts: ownerHosts };
    });
    // JSON lines keep every stdout line one object: the assumptions go to stderr there.
    if (jsonOnStdout(flags.json)) for (const a of assumptions) io.err(`ring-sim: assumed: ${a}\n`);
    writeOutputs(
      reportOutputs(
        flags.json,
        () => renderLocateJsonLines(located),
        () => assumptions.map((a) => `# assumed: ${a}\n`).join('') + renderLocateText(located),
      ),
      io,
    );
  });
}
