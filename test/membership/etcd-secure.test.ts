/**
 * The live client against a real etcd with auth enabled (etcdctl user add / auth enable) and with TLS and
 * client certificates (a CA, server and client certificates made with openssl here).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from './built-cli.js';

/** The answer lines: locate's text starts with its "# assumed: …" lines (the settings no flag gave). */
const answers = (stdout: string): string => stdout.split('\n').filter((l) => !l.startsWith('# assumed: ')).join('\n');
import { etcdMissing, etcdRequired, gateway, grantLease, registerWorkers, startEtcd, which, type EtcdServer, type Tls } from './etcd-server.js';

/** The TLS tests need openssl to make certificates (CI installs it); without it they skip unless etcd is required. */
const opensslMissing = !which('openssl') && !etcdRequired;
if (opensslMissing && !etcdMissing) console.warn('etcd TLS test skipped: openssl not on PATH');

const ID = 'worker-0a8b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';

function makeCerts(dir: string): { server: Tls; client: Tls } {
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=ring-sim test CA');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n');
  for (const name of ['server', 'client']) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', 'ext.cnf');
  }
  const files = (name: string): Tls => ({ ca: join(dir, 'ca.pem'), cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) });
  return { server: files('server'), client: files('client') };
}

describe.skipIf(etcdMissing && !etcdRequired)('locate --etcd with auth and with TLS', () => {
  let auth: EtcdServer;
  let tls: EtcdServer;
  let client: Tls;

  beforeAll(async () => {
    const certs = opensslMissing ? undefined : makeCerts(mkdtempSync(join(tmpdir(), 'ring-sim-tls-')));
    if (certs) client = certs.client;
    [auth, tls] = await Promise.all([startEtcd(), certs ? startEtcd(certs.server) : Promise.resolve(undefined as unknown as EtcdServer)]);
    for (const server of certs ? [auth, tls] : [auth]) await registerWorkers(server, 'c', [{ identity: ID, host: 'h' }], new Set([ID]), await grantLease(server, 600));
    await auth.ctl(['user', 'add', 'root:rootpw']);
    await auth.ctl(['user', 'add', 'reader:readerpw']);
    await auth.ctl(['role', 'add', 'membership-reader']);
    for (const prefix of ['/DHT/', '/ServiceDiscovery/']) await auth.ctl(['role', 'grant-permission', 'membership-reader', 'read', prefix, '--prefix=true']);
    await auth.ctl(['user', 'grant-role', 'reader', 'membership-reader']);
    await auth.ctl(['auth', 'enable']);
  });

  afterAll(async () => {
    await auth?.stop();
    await tls?.stop();
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
    const r = await builtCli(['locate', '--etcd', tls.url, '--cluster', 'c', '--etcd-cacert', client.ca, '--etcd-cert', client.cert, '--etcd-key', client.key, 's3://a']);
    expect(r.stderr).toBe('');
    expect(answers(r.stdout)).toBe(`s3://a\t${ID} (h)\n`);
    const untrusted = await builtCli(['locate', '--etcd', tls.url, '--cluster', 'c', 's3://a']);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toContain(`${tls.url}: TLS:`);
    expect(untrusted.stderr.trim().split('\n')).toHaveLength(1);
    const noKey = await builtCli(['locate', '--etcd', tls.url, '--cluster', 'c', '--etcd-cert', client.cert, 's3://a']);
    expect(noKey.stderr).toMatch(/--etcd-key: a client certificate needs its key/);
  });

  it.skipIf(opensslMissing)('the gateway helper used by the tests answers over TLS (setup sanity)', async () => {
    expect(await gateway(tls, '/v3/kv/range', { key: Buffer.from('/').toString('base64') })).toHaveProperty('header');
  });
});
