/**
 * Objects defined more than once in a file's body where the cross-reference table picks another
 * definition than the last. pdf-lib's parser reads front to back, so the last definition wins
 * (read.ts); viewers resolve objects through the cross-reference table. A file whose page content
 * was defined twice, the table pointing to the first, had declass read and release another page
 * than pdf.js, pdftotext and Ghostscript showed, and nothing said (probe 64b, F3). Only classic
 * tables (`xref` sections, followed back through /Prev) are read; a file whose newest section is
 * a cross-reference stream is not judged here.
 */

const DEFINITION = /(?:^|[\r\n])[ \t]*(\d+)[ \t\r\n]+(\d+)[ \t\r\n]+obj\b/g;
const ENTRY = /^(\d{10}) (\d{5}) ([nf])/;

/** The object numbers defined more than once, with the offset of each's last definition. */
function repeated(text: string): Map<number, number> {
  const offsets = new Map<number, number[]>();
  for (const m of text.matchAll(DEFINITION)) {
    const num = Number(m[1]);
    const at = m.index + m[0].indexOf(m[1]!);
    offsets.set(num, [...(offsets.get(num) ?? []), at]);
  }
  const out = new Map<number, number>();
  for (const [num, list] of offsets) if (list.length > 1) out.set(num, list[list.length - 1]!);
  return out;
}

/** The newest classic-table entry (byte offset) of each of `nums`; undefined when a section is not a classic table. */
function tableOffsets(text: string, nums: ReadonlySet<number>): Map<number, number> | undefined {
  const found = new Map<number, number>();
  const last = text.lastIndexOf('startxref');
  let at = last < 0 ? NaN : Number(/^startxref\s+(\d+)/.exec(text.slice(last))?.[1]);
  for (let hops = 0; Number.isFinite(at) && hops < 64; hops++) {
    const section = text.slice(at, at + 20 + 20 * 200_000);
    if (!section.startsWith('xref')) return undefined;
    const trailer = section.indexOf('trailer');
    const lines = section.slice(4, trailer < 0 ? undefined : trailer).split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
    for (let i = 0; i < lines.length; ) {
      const [first, count] = lines[i]!.split(/\s+/).map(Number);
      for (let k = 0; k < count!; k++) {
        const e = ENTRY.exec(lines[i + 1 + k] ?? '');
        const num = first! + k;
        if (e && e[3] === 'n' && nums.has(num) && !found.has(num)) found.set(num, Number(e[1]));
      }
      i += 1 + count!;
    }
    const prev = trailer < 0 ? undefined : /\/Prev\s+(\d+)/.exec(section.slice(trailer, trailer + 4096))?.[1];
    at = prev === undefined ? NaN : Number(prev);
  }
  return found;
}

/** The first object defined twice whose table entry is not its last definition, or undefined. */
export function misreadDefinition(bytes: Uint8Array): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const last = repeated(text);
  if (last.size === 0) return undefined;
  const table = tableOffsets(text, new Set(last.keys()));
  if (!table) return undefined;
  // An entry may point a few bytes before its object's number (at the end of line before it).
  for (const [num, at] of last) if (table.has(num) && table.get(num)! < at - 16) return num;
  return undefined;
}
