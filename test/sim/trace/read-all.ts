import { fileTraceSource } from '../../../src/cli/trace-file.js';
import { traceBatches, type TraceFormat, type TraceOptions } from '../../../src/sim/trace/index.js';
import { SHARED } from '../../shared.js';

export const CLOUD = `${SHARED}traces/cloudPhysicsIO.oracleGeneral.bin`;

/** Every request of a trace file as plain records. */
export async function all(path: string, format: TraceFormat, options: TraceOptions = {}) {
  const out: Array<{ time: number; hi: number; lo: number; size: number; key?: string }> = [];
  for await (const b of traceBatches(fileTraceSource(path), format, options)) {
    for (let i = 0; i < b.length; i++) out.push({ time: b.time[i], hi: b.idHi[i], lo: b.idLo[i], size: b.size[i], key: b.keys?.[i] });
  }
  return out;
}
