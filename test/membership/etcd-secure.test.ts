/**
 * The live client against a real etcd with auth enabled (etcdctl user add / auth enable) and with TLS and
 * client certificates (a CA, server and client certificates made with openssl here).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { which } from '../shared.js';
import { builtCli } from './built-cli.js';

/** The answer lines: locate's text starts with its "# assumed: …" lines (the settings no flag gave). */
const answers = (stdout: string): string =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('# assumed: '))
    .join('\n');
import {
  enableReaderAuth,
  etcdMissing,
  etcdRequired,
  gateway,
  grantLease,
  makeCerts,
  registerWorkers,
  startEtcd,
  type EtcdServer,
  type Tls,
} from './etcd-server.js';

/** The TLS tests need openssl to make certificates (CI installs it); without it they skip unless etcd is required. */
const opensslMissing = !which('openssl') && !etcdRequired;
if (opensslMissing && !etcdMissing) console.warn('etcd TLS test skipped: openssl not on PATH');

const ID = 'worker-0a8b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';

describe.skipIf(etcdMissing && !etcdRequired)('locate --etcd with auth and with TLS', () => {
  let auth: EtcdServer;
  let tls: EtcdServer;
  let tlsAuth: EtcdServer;
  let client: Tls;
  let anonymous: Tls;

  beforeAll(async () => {
    const certs = opensslMissing ? undefined : makeCerts(mkdtempSync(join(tmpdir(), 'ring-sim-tls-')));
    if (certs) [client, anonymous] = [certs.client, certs.anonymous];
    const none = Promise.resolve(undefined as unknown as EtcdServer);
    [auth, tls, tlsAuth] = await Promise.all([startEtcd(), certs ? startEtcd(certs.server) : none, certs ? startEtcd(certs.server) : none]);
    const servers = certs ? [auth, tls, tlsAuth] : [auth];
    for (const server of servers) await registerWorkers(server, 'c', [{ identity: ID, host: 'h' }], new Set([ID]), await grantLease(server, 600));
    for (const server of certs ? [auth, tlsAuth] : [auth]) await enableReaderAuth(server, 'readerpw');
  });

  afterAll(async () => {
    await auth?.stop();
    await tls?.stop();
    await tlsAuth?.stop();
  });

  it('auth: a reader user with its password (from RING_SIM_ETCD_PASSWORD) reads the ring', async () => {
    const r = await builtCli(['locate', '--etcd', auth.url, '--cluster', 'c', '--etcd-user', 'reader', 's3://a'], { RING_SIM_ETCD_PASSWORD: 'readerpw' });
    expect(r.stderr).toBe('');
    expect(answers(r.stdout)).toBe(`s3://a\t${ID} (h)\n`);
  });

  it('auth failures: a wrong password, or no user at all, are one line and exit 2', async () => {
    const wrong = await builtCli(['locate', '--etcd', auth.url, '--cluster', 'c', '--etcd-user', 'reader', '--etcd-password', 'nope', 's3://a']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^ring-sim: error: --etcd-user: etcd at http:\/\/127\.0\.0\.1:\d+ refused the login: .*authentication failed/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    const none = await builtCli(['locate', '--etcd', auth.url, '--cluster', 'c', 's3://a']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/etcd refused to read \/DHT\/c\/AUTHORIZED\/: .*user name is empty.*pass --etcd-user/);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(opensslMissing)('TLS: the CA and a client certificate read the ring; without the CA, one line names the endpoint', async () => {
    const r = await builtCli([
      'locate',
      '--etcd',
      tls.url,
      '--cluster',
      'c',
      '--etcd-cacert',
      client.ca,
      '--etcd-cert',
      client.cert,
      '--etcd-key',
      client.key,
      's3://a',
    ]);
    expect(r.stderr).toBe('');
    expect(answers(r.stdout)).toBe(`s3://a\t${ID} (h)\n`);
    const untrusted = await builtCli(['locate', '--etcd', tls.url, '--cluster', 'c', 's3://a']);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toContain(`${tls.url}: TLS:`);
    expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
    const noKey = await builtCli(['locate', '--etcd', tls.url, '--cluster', 'c', '--etcd-cert', client.cert, 's3://a']);
    expect(noKey.stderr).toMatch(/--etcd-key: a client certificate needs its key/);
  });

  it.skipIf(opensslMissing)('TLS with auth: a client certificate without a CommonName logs in; one with a CN is one line naming --etcd-cert', async () => {
    const args = (tls: Tls): string[] => [
      'locate',
      '--etcd',
      tlsAuth.url,
      '--cluster',
      'c',
      '--etcd-cacert',
      tls.ca,
      '--etcd-cert',
      tls.cert,
      '--etcd-key',
      tls.key,
      '--etcd-user',
      'reader',
      's3://a',
    ];
    const ok = await builtCli(args(anonymous), { RING_SIM_ETCD_PASSWORD: 'readerpw' });
    expect(ok.stderr).toBe('');
    expect(answers(ok.stdout)).toBe(`s3://a\t${ID} (h)\n`);
    const cn = await builtCli(args(client), { RING_SIM_ETCD_PASSWORD: 'readerpw' });
    expect(cn.code).toBe(2);
    expect(cn.stderr).toMatch(/^ring-sim: error: --etcd-cert: .*refuses a client certificate with a CommonName .*\(etcd PR #10392\).*no CN/);
    expect(cn.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(opensslMissing)('the gateway helper used by the tests answers over TLS (setup sanity)', async () => {
    expect(await gateway(tls, '/v3/kv/range', { key: Buffer.from('/').toString('base64') })).toHaveProperty('header');
  });
});
