/**
 * Fixed-size binary records across chunk boundaries: yields runs of whole records in a DataView (`count` records
 * from byte `start`, back to back: record r at `start + r * recordSize`), and reports a truncated last record with
 * its byte offset. The view is valid until the next run is requested.
 */
import { RingSimError } from '../../core/errors.js';

export async function* fixedRecords(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  recordSize: number,
  what: string,
): AsyncGenerator<{ view: DataView; start: number; count: number; firstByte: number }> {
  const carry = new Uint8Array(recordSize);
  let carried = 0;
  let consumed = 0; // bytes of the stream before the current chunk
  for await (const chunk of chunks) {
    let pos = 0;
    if (carried > 0) {
      const take = Math.min(recordSize - carried, chunk.length);
      carry.set(chunk.subarray(0, take), carried);
      carried += take;
      pos = take;
      if (carried < recordSize) {
        consumed += chunk.length;
        continue;
      }
      yield { view: new DataView(carry.buffer), start: 0, count: 1, firstByte: consumed - (recordSize - take) };
      carried = 0;
    }
    const whole = Math.floor((chunk.length - pos) / recordSize);
    if (whole > 0) yield { view: new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength), start: pos, count: whole, firstByte: consumed + pos };
    pos += whole * recordSize;
    if (pos < chunk.length) {
      carry.set(chunk.subarray(pos), 0);
      carried = chunk.length - pos;
    }
    consumed += chunk.length;
  }
  if (carried > 0) {
    throw new RingSimError(
      path,
      undefined,
      `truncated ${what} record at byte offset ${consumed - carried}: ${carried} of ${recordSize} bytes`,
      `${what} files hold whole ${recordSize}-byte records; check the --format and that the file is complete`,
    );
  }
}
