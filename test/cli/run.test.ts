import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/run.js';

const io = { out: () => {}, err: () => {} };

describe('buildProgram', () => {
  it('loads only the command a run names, with the same options and help as in the whole program', async () => {
    const all = await buildProgram(io);
    const names = all.commands.map((c) => c.name());
    expect(names).toEqual(['plan', 'locate', 'compare', 'cachesim', 'capacity', 'simulate', 'merge', 'job', 'inspect']);
    for (const name of names) {
      const alone = await buildProgram(io, () => {}, name);
      expect(alone.commands.map((c) => c.name())).toEqual([name]);
      expect(alone.commands[0].helpInformation()).toBe(all.commands.find((c) => c.name() === name)!.helpInformation());
    }
  });

  it('loads every command when the first argument names none (help, a typo, an option)', async () => {
    for (const first of [undefined, 'cachsim', '--version']) expect((await buildProgram(io, () => {}, first)).commands).toHaveLength(9);
  });
});
