import { describe, expect, it } from 'vitest';
import { parseBandwidth } from '../../src/core/bandwidth.js';
import { Random } from '../../src/core/random.js';
import type { Membership } from '../../src/membership/membership.js';
import { buildInspect } from '../../src/report/inspect.js';
import { renderInspectText } from '../../src/report/inspect-text.js';
import { formatBytes } from '../../src/core/units.js';
import { percent } from '../../src/report/format.js';

function cluster(n: number, offline: number[]): Membership {
  const r = new Random(3);
  const members = Array.from({ length: n }, (_, i) => ({
    identity: `worker-${r.uuid()}`,
    address: `w${i}:29999`,
    state: offline.includes(i) ? ('OFFLINE' as const) : ('ONLINE' as const),
  })).sort((a, b) => (a.identity < b.identity ? -1 : 1));
  return { cluster: 'c', members, source: 'dump.json', notes: ['a note'] };
}

describe('renderInspectText', () => {
  const m = cluster(14, [2, 5]);
  const r = buildInspect(m, { datasetBytes: 2 ** 40, ufsBandwidth: parseBandwidth('10Gbps') });
  const text = renderInspectText(r);
  const lines = text.split('\n');

  it('opens with the counts, lists every member with its state, and ends with the notes', () => {
    expect(lines[0]).toBe('Cluster c from dump.json: 14 registered, 12 ONLINE, 2 OFFLINE; 5 virtual nodes a worker.');
    for (const w of m.members) expect(lines.some((l) => l.includes(w.identity) && l.includes(w.state) && l.includes(w.address!))).toBe(true);
    expect(text.endsWith('Notes:\n  a note\n')).toBe(true);
  });

  it("gives both rings' balance, the ring bloat and the way to clear it", () => {
    expect(text).toMatch(/^ {2}dynamic ring: 12 workers, 60 points; busiest /m);
    expect(text).toMatch(/^ {2}static ring: 14 workers, 70 points; busiest /m);
    expect(text).toMatch(
      /^Ring bloat: 2 OFFLINE identities; in a static ring [\d.]+ % of the keys belong to an OFFLINE worker \(reads fall back to the UFS\)\. alluxio process remove-worker -n <identity> clears one\.$/m,
    );
  });

  it('shows at most 10 stop rows, the largest first, and says how many more --json has', () => {
    expect(text).toContain('(2 more stop rows in --json; the largest are shown)');
    const stops = r.whatIf.filter((w) => w.kind === 'stop').sort((a, b) => b.dynamic!.moved - a.dynamic!.moved);
    expect(stops).toHaveLength(12);
    const at = stops.map((w) => lines.findIndex((l) => l.startsWith(`${w.name} `)));
    expect(at.slice(0, 10).every((x, i) => x > 0 && (i === 0 || x > at[i - 1]))).toBe(true);
    expect(at.slice(10)).toEqual([-1, -1]);
    expect(text).toMatch(/^re-read: .*; data set 1,099,511,627,776 B \(1\.00 TiB, 1\.10 TB\), UFS 1\.25 GB\/s \(10\.00 Gbit\/s\)\.$/m);
  });

  it('asks for --dataset when it has no data set, and says when no worker is ONLINE', () => {
    const down = renderInspectText(buildInspect(cluster(3, [0, 1, 2])));
    expect(down).toContain('dynamic ring: no ONLINE worker');
    expect(down).toContain('re-read: pass --dataset SIZE (and --ufs-bandwidth RATE)');
    expect(down).not.toContain('Notes:\n  a note\n  a note');
  });
});

describe('renderInspectText: the "stay on pod" columns and the stop note (issue 23)', () => {
  const m = cluster(6, []);
  const table = (text: string, first: string): string[] => {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(first));
    return [lines[at - 2], lines[at]];
  };

  it('the restart-without-identity table has stay on pod (share, and with --dataset the bytes) for each ring, from the JSON figures', () => {
    const r = buildInspect(m, { vnodes: 200, datasetBytes: 2 ** 40 });
    const w = r.whatIf.find((x) => x.kind === 'restart-new-identity')!;
    const [head, row] = table(renderInspectText(r), 'restart ');
    expect(head.split(/ {2,}/)).toEqual([
      'what-if',
      'dynamic: moved',
      'stay on pod',
      'cached on pod',
      're-read',
      'time',
      'static: moved',
      'stay on pod',
      'cached on pod',
      'unreachable',
      're-read',
      'time',
    ]);
    const cells = row.split(/ {2,}/);
    expect(cells[2]).toBe(percent(w.dynamic!.samePod));
    expect(cells[3]).toBe(formatBytes(w.dynamic!.samePodBytes!));
    expect(cells[7]).toBe(percent(w.static.samePod));
    expect(cells[8]).toBe(formatBytes(w.static.samePodBytes!));
  });

  it('without --dataset only the share; the other tables have no such column; the stop rows carry their note', () => {
    const r = buildInspect(m, { vnodes: 200 });
    const text = renderInspectText(r);
    const [head] = table(text, 'restart ');
    expect(head.split(/ {2,}/).filter((h) => h === 'stay on pod')).toHaveLength(2);
    expect(head).not.toContain('cached on pod');
    expect(table(text, 'stop ')[0]).not.toContain('stay on pod');
    expect(table(text, 'add ')[0]).not.toContain('stay on pod');
    expect(text).toContain('\nnote: back with its identity, a stopped worker gets its keys back and its hostPath page store (assumed: no --manifest) survives');
    expect(renderInspectText(buildInspect(m, { vnodes: 200, pagestoreType: 'emptyDir' }))).toContain('page store (from --manifest) comes back empty');
  });
});
