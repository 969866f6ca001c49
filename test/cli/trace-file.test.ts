import { describe, expect, it } from 'vitest';
import { all } from '../sim/trace/read-all.js';

describe('fileTraceSource', () => {
  it('a missing file is a clear error', async () => {
    await expect(all('/nonexistent/trace.bin', 'oracleGeneral')).rejects.toThrow(/cannot read the trace file \(ENOENT\)/);
  });
});
