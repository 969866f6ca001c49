import { afterEach, describe, expect, it, vi } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

describe('terminalProgress', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const written = (): string[] => {
    const out: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    return out;
  };

  it('draws a 30-column bar with the percentage and the count when the total is known', () => {
    const out = written();
    const p = terminalProgress('reads');
    p.update(1_500, 6_000);
    p.done();
    expect(out).toEqual([`\r[${'#'.repeat(8)}${'.'.repeat(22)}] 25 % 1,500 reads`, '\r\u001b[K']);
  });

  it('prints the count alone when there is no total', () => {
    const out = written();
    terminalProgress('requests').update(1_234_567);
    expect(out).toEqual(['\r1,234,567 requests']);
  });
});
