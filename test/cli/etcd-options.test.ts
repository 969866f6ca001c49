import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addMembershipOptions, hasMembershipSource, loadMembership, type MembershipFlags } from '../../src/cli/etcd-options.js';

const flags = (o: Partial<MembershipFlags>): MembershipFlags => ({ cluster: 'alx-ns-alluxio-cluster', etcdTimeout: 5, ...o });

describe('the membership flags', () => {
  it('parse with their defaults', () => {
    const c = addMembershipOptions(new Command('inspect')).exitOverride();
    c.parse(['--etcd-export', 'x.json', '--etcd-timeout', '2.5'], { from: 'user' });
    expect(c.opts()).toEqual({ etcdExport: 'x.json', cluster: 'DefaultAlluxioCluster', etcdTimeout: 2.5 });
    expect(() =>
      addMembershipOptions(new Command('x'))
        .exitOverride()
        .configureOutput({ writeErr: () => {} })
        .parse(['--etcd-timeout', '0'], { from: 'user' }),
    ).toThrow(/--etcd-timeout must be a positive number/);
  });

  it('say whether a source is given', () => {
    expect(hasMembershipSource(flags({}))).toBe(false);
    expect(hasMembershipSource(flags({ etcd: 'http://e:2379' }))).toBe(true);
    expect(hasMembershipSource(flags({ etcdExport: 'x.json' }))).toBe(true);
  });

  it('read the membership from an export, and refuse none or both sources', async () => {
    const m = await loadMembership(flags({ etcdExport: 'examples/etcd-export.json' }));
    expect(m.members.length).toBeGreaterThan(0);
    expect(m.source).toBe('examples/etcd-export.json');
    await expect(loadMembership(flags({}))).rejects.toThrow('--etcd: no membership source given; pass --etcd URL[,URL...] or --etcd-export FILE');
    await expect(loadMembership(flags({ etcd: 'http://e:2379', etcdExport: 'x.json' }))).rejects.toThrow(/^--etcd-export: --etcd and --etcd-export both given/);
    await expect(loadMembership(flags({ etcdExport: 'examples/etcd-export.json', cluster: 'nope' }))).rejects.toThrow(
      /^--cluster: no workers under \/DHT\/nope\/AUTHORIZED\//,
    );
  });
});
