import { describe, expect, it } from 'vitest';
import { parsePods, podOfHost } from '../../src/membership/pods.js';

const pod = (name: string, status: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  kind: 'Pod',
  metadata: { name },
  spec: { nodeName: `node-of-${name}`, ...spec },
  status: { phase: 'Running', ...status },
});

describe('pods beside identities (kubectl get pods -o json)', () => {
  const index = parsePods(
    {
      kind: 'List',
      items: [
        pod('alluxio-cluster-worker-85fd45db46-c7n9p', { podIP: '10.244.1.5', hostIP: '10.0.0.1', podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }] }),
        pod('alluxio-cluster-worker-85fd45db46-x2k4q', { podIP: '10.0.0.2', hostIP: '10.0.0.2' }, { hostNetwork: true }),
        pod('alluxio-cluster-fuse-abcde', { podIP: '10.0.0.2', hostIP: '10.0.0.2' }, { hostNetwork: true }),
        pod('old-worker', { phase: 'Succeeded', podIP: '10.244.1.9' }),
        pod('new-worker', { podIP: '10.244.1.9' }),
        pod('alluxio-worker-3', { podIP: '10.244.2.3' }),
      ],
    },
    'pods.json',
  );

  it('maps a pod IP (status.podIP or podIPs) to its pod and node', () => {
    expect(podOfHost('10.244.1.5', index)).toEqual({ pod: 'alluxio-cluster-worker-85fd45db46-c7n9p', node: 'node-of-alluxio-cluster-worker-85fd45db46-c7n9p' });
    expect(podOfHost('fd00::5', index).pod).toBe('alluxio-cluster-worker-85fd45db46-c7n9p');
  });

  it('matches status.hostIP only for host-network pods, preferring the worker among them', () => {
    expect(podOfHost('10.0.0.2', index).pod).toBe('alluxio-cluster-worker-85fd45db46-x2k4q');
    // 10.0.0.1 is the node of a pod-network pod: no pod registers with it.
    expect(podOfHost('10.0.0.1', index)).toEqual({ pod: null, node: null, why: 'no pod with IP 10.0.0.1 in pods.json' });
  });

  it('prefers the running pod of a reused IP; a registered name matches by its first DNS label', () => {
    expect(podOfHost('10.244.1.9', index).pod).toBe('new-worker');
    expect(podOfHost('alluxio-worker-3.alluxio-worker.alluxio.svc.cluster.local', index).pod).toBe('alluxio-worker-3');
    expect(podOfHost('alluxio-worker-9.alluxio-worker.alluxio.svc.cluster.local', index)).toMatchObject({
      pod: null,
      why: 'no pod named alluxio-worker-9 in pods.json',
    });
    expect(podOfHost(undefined, index).pod).toBeNull();
  });

  it('an IP two running non-worker pods share is undecided and says which', () => {
    const two = parsePods(
      {
        items: [
          pod('a', { podIP: '10.1.1.1', hostIP: '10.1.1.1' }, { hostNetwork: true }),
          pod('b', { podIP: '10.1.1.1', hostIP: '10.1.1.1' }, { hostNetwork: true }),
        ],
      },
      'p.json',
    );
    expect(podOfHost('10.1.1.1', two)).toMatchObject({ pod: null, why: 'several pods in p.json have IP 10.1.1.1: a, b' });
  });

  it('refuses what is not a pod list, naming the field', () => {
    expect(() => parsePods({ kind: 'Deployment' }, 'd.json')).toThrow(/--pods: not the JSON of kubectl get pods/);
    expect(() => parsePods({ items: [{}] }, 'd.json')).toThrow(/items\[0\] has no metadata.name/);
  });
});
