/**
 * The text of the XML parts of a zip file (an `.xlsx` Vaughn index), for the leak check: every
 * entry read through the central directory (stored or deflated), its tags dropped and its
 * entities decoded. A cell's rich-text runs are joined as one string; any other tag separates.
 * Fails closed: an entry of another method, or one that does not inflate, makes the file
 * unreadable rather than empty.
 */
import { inflateRawSync } from 'node:zlib';

/** The text of every entry, in central-directory order, or why the file cannot be read. */
export function zipTexts(bytes: Uint8Array): { ok: true; texts: string[] } | { ok: false; message: string } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: its signature within the last 64 KB and 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, message: 'not a zip file (no end of central directory)' };
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return { ok: false, message: 'a broken zip central directory' };
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const local = b.readUInt32LE(at + 42);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return { ok: false, message: 'a broken zip entry' };
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    if (method !== 0 && method !== 8) return { ok: false, message: `a zip entry compressed with method ${method}, which this reader does not decode` };
    try {
      texts.push(xmlText((method === 8 ? inflateRawSync(data) : data).toString('utf8')));
    } catch {
      return { ok: false, message: 'a zip entry that does not inflate' };
    }
  }
  return { ok: true, texts };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's character data: run-level tags (`<r>`, `<t>`, `<rPr>…`) joined, any other tag a line break, entities decoded. */
export function xmlText(xml: string): string {
  return xml
    .replace(/<rPr>[\s\S]*?<\/rPr>|<\/?(?:r|t)(?:\s[^>]*)?>/g, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e] ?? m;
    });
}
