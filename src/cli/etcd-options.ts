/**
 * The membership flags `locate` and `inspect` share: a live etcd (`--etcd URL[,URL...]` with TLS, auth and a
 * timeout) or an export file (`--etcd-export FILE`), and the Alluxio cluster name.
 */
import type { Command } from 'commander';
import { RingSimError } from '../core/errors.js';
import { DEFAULT_CLUSTER, readMembership } from '../membership/etcd-membership.js';
import { parseEtcdJson } from '../membership/etcd-json.js';
import { exportSource } from '../membership/etcd-source.js';
import type { Membership } from '../membership/membership.js';
import { etcdSource } from './etcd-client.js';
import { positiveNumberOption } from './options.js';
import { MAX_WORKERS_FILE_BYTES, readTextFile } from './input-file.js';

export interface MembershipFlags {
  etcd?: string;
  etcdExport?: string;
  cluster: string;
  etcdUser?: string;
  etcdPassword?: string;
  etcdCacert?: string;
  etcdCert?: string;
  etcdKey?: string;
  etcdTimeout: number;
}

export function addMembershipOptions(command: Command): Command {
  return command
    .option('--etcd <urls>', 'read the membership from a live etcd: client URLs, comma-separated (each tried in turn)')
    .option('--etcd-export <file>', 'or from the JSON of: etcdctl --endpoints URL get --prefix "" -w json > FILE')
    .option('--cluster <name>', 'alluxio.cluster.name of the cluster to read', DEFAULT_CLUSTER)
    .option('--etcd-user <name>', 'etcd user (auth enabled); the password from --etcd-password or RING_SIM_ETCD_PASSWORD')
    .option('--etcd-password <password>', 'password of --etcd-user (prefer the RING_SIM_ETCD_PASSWORD environment variable)')
    .option('--etcd-cacert <file>', 'PEM CA bundle to verify the etcd server with (https)')
    .option('--etcd-cert <file>', 'PEM client certificate (etcd --client-cert-auth)')
    .option('--etcd-key <file>', 'PEM key of --etcd-cert')
    .option('--etcd-timeout <seconds>', 'seconds each endpoint gets to answer', positiveNumberOption('--etcd-timeout'), 5);
}

export function hasMembershipSource(flags: MembershipFlags): boolean {
  return flags.etcd !== undefined || flags.etcdExport !== undefined;
}

/** The cluster's membership from the flags' source; a RingSimError when none or both are given. */
export async function loadMembership(flags: MembershipFlags): Promise<Membership> {
  if (flags.etcd !== undefined && flags.etcdExport !== undefined) {
    throw new RingSimError('--etcd-export', flags.etcdExport, '--etcd and --etcd-export both given', 'read from one of them');
  }
  if (flags.etcdExport !== undefined) {
    const source = exportSource(flags.etcdExport, parseEtcdJson(readTextFile(flags.etcdExport, '--etcd-export', MAX_WORKERS_FILE_BYTES), flags.etcdExport));
    return readMembership(source, flags.cluster);
  }
  if (flags.etcd === undefined) throw new RingSimError('--etcd', undefined, 'no membership source given', 'pass --etcd URL[,URL...] or --etcd-export FILE');
  const source = await etcdSource({
    endpoints: flags.etcd
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    timeoutSeconds: flags.etcdTimeout,
    user: flags.etcdUser,
    password: flags.etcdPassword ?? process.env.RING_SIM_ETCD_PASSWORD,
    cacert: flags.etcdCacert,
    cert: flags.etcdCert,
    key: flags.etcdKey,
  });
  return readMembership(source, flags.cluster);
}
