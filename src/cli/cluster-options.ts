/**
 * `--manifest FILE` and `--edition` for the day-2 commands (`inspect`, `locate`): the ring settings are an
 * explicit flag's, else the manifest's (src/plan/cluster-settings.ts, read as `plan` reads them), else the
 * edition's default, each decided one printed as an assumption.
 */
import type { Command } from 'commander';
import type { Edition } from '../capacity/pagestore-plan.js';
import { parseManifest } from '../plan/manifest.js';
import { resolveClusterSettings, type ClusterSettings } from '../plan/cluster-settings.js';
import type { RingMode } from '../membership/membership.js';
import { choiceOption } from './options.js';
import { readTextFile } from './input-file.js';

export interface ClusterSettingsFlags {
  manifest?: string;
  edition: Edition;
  vnodes?: number;
  ring?: RingMode;
  cluster?: string;
}

export function addClusterSettingsOptions(command: Command): Command {
  return command
    .option(
      '--manifest <file>',
      'the deployed AlluxioCluster manifest: its virtual nodes, ring, hash provider, page size and alluxio.cluster.name (a flag overrides)',
    )
    .option(
      '--edition <edition>',
      'defaults where neither a flag nor --manifest says: enterprise (2000 virtual nodes) or oss (5)',
      choiceOption('--edition', ['enterprise', 'oss'] as const),
      'enterprise',
    );
}

/** The settings from the flags given on the command line, the manifest and the edition. */
export function clusterSettings(flags: ClusterSettingsFlags, command: Command): ClusterSettings {
  const manifest = flags.manifest !== undefined ? parseManifest(readTextFile(flags.manifest, '--manifest'), flags.manifest) : undefined;
  const explicit = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
  return resolveClusterSettings(manifest, flags.edition, {
    vnodes: explicit('vnodes') ? flags.vnodes : undefined,
    ring: explicit('ring') ? flags.ring : undefined,
    cluster: explicit('cluster') ? flags.cluster : undefined,
  });
}
