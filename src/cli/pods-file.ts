/** `--pods FILE` (the JSON of `kubectl get pods -n NS -o json`) for `locate` and `inspect`. */
import { RingSimError } from '../core/errors.js';
import { parsePods, type PodIndex } from '../membership/pods.js';
import { readTextFile } from './input-file.js';

export const PODS_OPTION = [
  '--pods <file>',
  "the JSON of kubectl get pods -n NS -o json: shows each worker's pod and node beside its registered host (pod IP, or host IP with host networking)",
] as const;

export function readPods(path: string | undefined): PodIndex | undefined {
  if (path === undefined) return undefined;
  const text = readTextFile(path, '--pods');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new RingSimError('--pods', path, `not JSON (${(e as Error).message})`, 'write it with kubectl get pods -n <namespace> -o json > pods.json');
  }
  return parsePods(doc, path);
}
