/**
 * The string form of Alluxio's `new AlluxioURI(path).toString()`, the text a worker hashes into a file id.
 * Rules re-derived from Alluxio's source (dora branch; cite, never copied):
 * - `dora/core/common/src/main/java/alluxio/uri/URI.java` (`URI.Factory.create(String)`): a Windows drive
 *   (`C:`) gets a leading `/`; the scheme is everything before the first `/` when a `:` comes before it (trailing
 *   `:`s dropped), else the text before the first `:`; `//` then starts an authority up to the next `/`; a `?`
 *   in the rest starts the query.
 * - `dora/core/common/src/main/java/alluxio/AlluxioURI.java` (`normalizePath`, `toString`, `hash`): `\` becomes
 *   `/`, repeated slashes collapse, trailing slashes are dropped (the root `/` and a drive root `/C:/` stay);
 *   `toString` is `scheme://` + authority + path (+ `?query`), `//authority` without a scheme, and the slash
 *   before a drive dropped when there is neither.
 * - `dora/core/common/src/main/java/alluxio/uri/StandardURI.java`: the path then goes through
 *   `java.net.URI.normalize()` (unless it is exactly `.`): `.` segments removed, `segment/..` pairs removed
 *   (a leading `..` stays), a segment that ended in `/` keeps it (`/a/b/..` is `/a/`), and `./` is put before a
 *   relative path whose first segment has a `:`. A scheme with a relative path is an error there, and here.
 * - `dora/core/common/src/main/java/alluxio/uri/Authority.java` (`fromString`): `host:port` is re-printed with
 *   the port as an int (`h:080` is `h:80`), `host:1;host:2` and `+` separators become `,`; any other authority
 *   is kept as written.
 * Not modelled (named assumptions): java.net.URI's validation of authorities (ring-sim keeps any authority as
 * written), and multi-part schemes (`a:b://…`), which are rejected here with a RingSimError rather than guessed.
 *
 * @example
 *   alluxioUriString('s3://bucket//data/x.parquet/'); // 's3://bucket/data/x.parquet'
 *   alluxioUriString('hdfs://nn:8020/a/./b/../c');    // 'hdfs://nn:8020/a/c'
 */
import { RingSimError } from '../core/errors.js';

/** `AlluxioURI.hasWindowsDrive(path, slashed)`: `C:` (or `/C:` when slashed) with an ASCII letter. */
function hasWindowsDrive(path: string, slashed: boolean): boolean {
  const start = slashed ? 1 : 0;
  if (path.length < start + 2 || (slashed && path[0] !== '/') || path[start + 1] !== ':') return false;
  const c = path.charCodeAt(start);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `AlluxioURI.normalizePath`: `\` to `/`, `//` collapsed, trailing slashes trimmed (a root stays). */
export function normalizeAlluxioPath(path: string): string {
  let p = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  const minLength = hasWindowsDrive(p, true) ? 4 : 1;
  let end = p.length;
  while (end > minLength && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  return p;
}

/** `java.net.URI.normalize()` of a path whose slashes are already collapsed (RFC 2396 §5.2 step 6, Java's way). */
export function removeDotSegments(path: string): string {
  const absolute = path.startsWith('/');
  const parts = (absolute ? path.slice(1) : path).split('/');
  if (!parts.some((s) => s === '.' || s === '..')) return path;
  const kept: { segment: string; slash: boolean }[] = [];
  parts.forEach((segment, i) => {
    const slash = i < parts.length - 1;
    if (segment === '.') return;
    if (segment === '..' && kept.length > 0 && kept[kept.length - 1].segment !== '..') kept.pop();
    else kept.push({ segment, slash });
  });
  if (!absolute && kept.length > 0 && kept[0].segment.includes(':')) kept.unshift({ segment: '.', slash: true });
  return (absolute ? '/' : '') + kept.map((k) => k.segment + (k.slash ? '/' : '')).join('');
}

/** `Authority.fromString(a).toString()`. */
function authorityString(authority: string): string {
  const single = /^([^:,;]+):(\d+)$/.exec(authority);
  if (single) {
    const port = Number(single[2]);
    if (port > 2147483647) throw new RingSimError('ufsPath', authority, "the authority's port is not a Java int", 'use a port up to 2147483647');
    return `${single[1]}:${port}`;
  }
  if (/^[^:,;+]+:\d+([,;+][^:,;+]+:\d+)+$/.test(authority)) return authority.replace(/[;+]/g, ',');
  return authority;
}

/**
 * A path every rule above leaves as written: `scheme://authority/seg/…/seg`, a scheme of two or more characters (one
 * letter would be a Windows drive), an authority without `:` `,` `;` `+` (so `Authority` keeps it), and one or more
 * segments that are not empty (no `//`, no trailing `/`), not `.` or `..` (`DOT_SEGMENT`), and hold none of `\ ? :`.
 * Most UFS paths of a replay are of this form; they skip the rules' splitting and regular expressions.
 */
const UNCHANGED_URI = /^[A-Za-z][A-Za-z0-9+.-]+:\/\/[^/\\?:,;+]+(?:\/[^/\\?:]+)+$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** The string `new AlluxioURI(ufsPath).toString()` gives (see the module's rules). */
export function alluxioUriString(ufsPath: string): string {
  if (typeof ufsPath !== 'string') throw new RingSimError('ufsPath', ufsPath, 'is not a string', "give the file's full UFS path, e.g. s3://bucket/key");
  if (UNCHANGED_URI.test(ufsPath) && !DOT_SEGMENT.test(ufsPath)) return ufsPath;
  return alluxioUriStringByRules(ufsPath);
}

/** `alluxioUriString` through every rule, without the shortcut for paths the rules leave as written (for tests). */
export function alluxioUriStringByRules(ufsPath: string): string {
  const text = hasWindowsDrive(ufsPath, false) ? `/${ufsPath}` : ufsPath;
  let scheme: string | null = null;
  let start = 0;
  const colon = text.indexOf(':');
  const slash = text.indexOf('/');
  if (colon !== -1 && (slash === -1 || colon < slash)) {
    if (slash !== -1) {
      start = slash;
      let end = slash;
      while (end > 0 && text[end - 1] === ':') end--;
      scheme = text.slice(0, end);
    } else {
      scheme = text.slice(0, colon);
      start = colon + 1;
    }
  }
  let authority = '';
  if (text.startsWith('//', start) && text.length - start > 2) {
    const next = text.indexOf('/', start + 2);
    const end = next > 0 ? next : text.length;
    authority = authorityString(text.slice(start + 2, end));
    start = end;
  }
  let path = text.slice(start);
  let query: string | null = null;
  const question = path.indexOf('?');
  if (question !== -1) {
    query = path.slice(question + 1);
    path = path.slice(0, question);
  }
  checkScheme(ufsPath, scheme, authority, path);
  const normalized = normalizeAlluxioPath(path);
  if (scheme !== null && normalized !== '' && !normalized.startsWith('/')) {
    throw new RingSimError('ufsPath', ufsPath, 'has a scheme but a relative path (Java: "Relative path in absolute URI")', 'write scheme://authority/path');
  }
  // StandardURI skips normalize() only when the path as given is exactly "." ("./" is normalized to "").
  return uriText(scheme, authority, path === '.' ? normalized : removeDotSegments(normalized), query);
}

/** java.net.URI's scheme syntax (RFC 2396 §3.1); a multi-part scheme (`a:b`) is not modelled; a bare `s3:` is Java's "Expected scheme-specific part". */
function checkScheme(ufsPath: string, scheme: string | null, authority: string, path: string): void {
  if (scheme === null) return;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) {
    throw new RingSimError(
      'ufsPath',
      ufsPath,
      `has a scheme "${scheme}" that is not a letter then letters, digits, + - or . (multi-part schemes are not modelled)`,
      'write scheme://authority/path, e.g. s3://bucket/key',
    );
  }
  if (authority === '' && path === '')
    throw new RingSimError('ufsPath', ufsPath, 'has a scheme and nothing after it', 'write scheme://authority/path, e.g. s3://bucket/key');
}

/** `AlluxioURI.toString()` from the parts. */
function uriText(scheme: string | null, authority: string, path: string, query: string | null): string {
  let out = scheme !== null ? `${scheme}://` : '';
  if (authority !== '') out += (scheme === null ? '//' : '') + authority;
  out += path.startsWith('/') && hasWindowsDrive(path, true) && scheme === null && authority === '' ? path.slice(1) : path;
  return query !== null ? `${out}?${query}` : out;
}
