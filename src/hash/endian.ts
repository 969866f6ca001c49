/** Whether this platform stores the low byte of a word first (typed-array views over one buffer depend on it). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
