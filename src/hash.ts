/**
 * The one hash of declass: sha256, written as 64 lower-case hex digits. Inputs, profiles,
 * overrides, output files, audit records and the manifest chain are all identified by it.
 */
import { createHash } from 'node:crypto';

/** sha256 of `data` (a string is hashed as its UTF-8 bytes), as lower-case hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
