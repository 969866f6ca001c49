/**
 * `ring-sim/node`: the Node-only adapters a library user needs beside the browser-safe core (`ring-sim`):
 * opening trace files (gzip and xz included) and loading the HTML report's assets.
 *
 * @example
 * import { cacheSim } from 'ring-sim';
 * import { fileTraceSource } from 'ring-sim/node';
 * await cacheSim({ trace: fileTraceSource('trace.oracleGeneral.bin'), format: 'oracleGeneral', policies: ['lru'], sizes: [0.1] });
 */
export { fileTraceSource, byteChunks, detectCompression, type Compression } from './cli/trace-file.js';
export { htmlAssets } from './cli/html-assets.js';
export { etcdSource, type EtcdClientOptions } from './cli/etcd-client.js';
