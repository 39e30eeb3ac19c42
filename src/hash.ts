/**
 * The one hash of declass: sha256, written as 64 lower-case hex digits. Inputs, profiles,
 * overrides, output files, audit records and the manifest chain are all identified by it.
 */
import { createHash } from 'node:crypto';

/** sha256 of `data` (a string is hashed as its UTF-8 bytes), as lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of data given in pieces, and how many bytes it had (strings count as their UTF-8 bytes). */
export class Sha256Stream {
  private readonly hash = createHash('sha256');
  bytes = 0;
  update(chunk: Uint8Array | string): void {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(data);
    this.bytes += data.length;
  }
  /** The hex digest; the stream is done after this. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
