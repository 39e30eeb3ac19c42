/**
 * The characters an embedded TrueType or OpenType font program's own `cmap` table maps to each
 * glyph: what a glyph draws, told by the font program rather than by the PDF's ToUnicode map. Only
 * the Unicode subtables are read (platform 3 encodings 1 and 10, platform 0; formats 4 and 12);
 * a program without one (a symbol font's 3,0 table, a Mac 1,0 table alone), or one that cannot be
 * read, gives no answer.
 */

/** Characters of a subtable beyond this many are not read (a format 12 table may claim 1,114,112). */
const MAX_CHARACTERS = 200_000;

/** The glyph id → characters map of a font program's Unicode cmap, or undefined. */
export function programCharacters(bytes: Uint8Array): Map<number, string[]> | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const cmap = tableOffset(view, 'cmap');
    if (cmap === undefined) return undefined;
    const sub = unicodeSubtable(view, cmap);
    if (sub === undefined) return undefined;
    const out = new Map<number, string[]>();
    const add = (cp: number, gid: number): void => {
      if (gid === 0) return;
      const list = out.get(gid);
      const c = String.fromCodePoint(cp);
      if (list) list.push(c);
      else out.set(gid, [c]);
    };
    const format = view.getUint16(sub);
    if (format === 4) readFormat4(view, sub, add);
    else readFormat12(view, sub, add);
    return out;
  } catch {
    return undefined;
  }
}

/** The offset of table `tag` in an sfnt (TrueType `0x00010000`/`true`, OpenType `OTTO`). */
function tableOffset(view: DataView, tag: string): number | undefined {
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) return undefined;
  const n = view.getUint16(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    const t = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    if (t === tag) return view.getUint32(at + 8);
  }
  return undefined;
}

/** The offset of the best Unicode subtable of format 4 or 12 (full repertoire first). */
function unicodeSubtable(view: DataView, cmap: number): number | undefined {
  const n = view.getUint16(cmap + 2);
  let best: number | undefined;
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const at = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(at);
    if (format !== 4 && format !== 12) continue;
    const r = platform === 3 && encoding === 10 ? 4 : platform === 3 && encoding === 1 ? 3 : platform === 0 ? (format === 12 ? 2 : 1) : 0;
    if (r > rank) {
      rank = r;
      best = at;
    }
  }
  return best;
}

function readFormat4(view: DataView, at: number, add: (cp: number, gid: number) => void): void {
  const segs = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const offsets = deltas + 2 * segs;
  let count = 0;
  for (let s = 0; s < segs; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const ro = view.getUint16(offsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      if (++count > MAX_CHARACTERS) return;
      let gid: number;
      if (ro === 0) gid = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(offsets + 2 * s + ro + 2 * (c - start));
        gid = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      add(c, gid);
    }
  }
}

function readFormat12(view: DataView, at: number, add: (cp: number, gid: number) => void): void {
  const groups = view.getUint32(at + 12);
  let count = 0;
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + 12 * i;
    const start = view.getUint32(g);
    const end = Math.min(view.getUint32(g + 4), 0x10ffff);
    const gid = view.getUint32(g + 8);
    for (let c = start; c <= end; c++) {
      if (++count > MAX_CHARACTERS) return;
      if (c < 0xd800 || c > 0xdfff) add(c, gid + (c - start));
    }
  }
}

/**
 * Whether each glyph of a TrueType program draws nothing, read from `head`, `maxp`, `loca` and
 * `glyf`: its outline empty (two equal `loca` offsets, or no contours), or a composite whose every
 * component draws nothing. Skia's subsets (Chrome's "Save as PDF") make the no-break space a
 * composite of the empty space glyph: counted as ink, every page with `&nbsp;` was refused (probe
 * 68b, F2). Undefined for a program without those tables (a CFF program) or one that cannot be
 * read; a glyph id beyond the program's glyphs, or a composite that cannot be read, gives undefined.
 */
export function emptyGlyphs(bytes: Uint8Array): ((gid: number) => boolean | undefined) | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const head = tableOffset(view, 'head');
    const maxp = tableOffset(view, 'maxp');
    const loca = tableOffset(view, 'loca');
    const glyf = tableOffset(view, 'glyf');
    if (head === undefined || maxp === undefined || loca === undefined || glyf === undefined) return undefined;
    const long = view.getInt16(head + 50) === 1;
    const count = view.getUint16(maxp + 4);
    const at = (g: number): number => (long ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g));
    at(count); // the last offset must be readable, or the table is cut short
    return (gid) => {
      if (gid < 0 || gid >= count) return undefined;
      try {
        return glyphEmpty({ view, glyf, at, count }, gid, 0);
      } catch {
        return undefined; // a glyph entry cut short
      }
    };
  } catch {
    return undefined;
  }
}

/** Composite glyph flags (OpenType `glyf`): argument size, transform size, more components to come. */
const ARGS_ARE_WORDS = 0x0001, HAS_SCALE = 0x0008, MORE_COMPONENTS = 0x0020, HAS_XY_SCALE = 0x0040, HAS_TWO_BY_TWO = 0x0080;

/** The most composite levels followed (the format allows a few; a cycle must not loop). */
const MAX_COMPOSITE_DEPTH = 8;

/** Whether glyph `gid` draws nothing (see emptyGlyphs); undefined when it cannot be told. */
function glyphEmpty(t: { view: DataView; glyf: number; at: (g: number) => number; count: number }, gid: number, depth: number): boolean | undefined {
  const start = t.at(gid);
  if (start === t.at(gid + 1)) return true;
  const contours = t.view.getInt16(t.glyf + start);
  if (contours >= 0) return contours === 0;
  if (depth >= MAX_COMPOSITE_DEPTH) return undefined;
  // A composite: after the 10-byte header, components (flags, glyph id, arguments, transform).
  let p = t.glyf + start + 10;
  for (;;) {
    const flags = t.view.getUint16(p);
    const component = t.view.getUint16(p + 2);
    if (component >= t.count) return undefined;
    const empty = glyphEmpty(t, component, depth + 1);
    if (empty !== true) return empty;
    if (!(flags & MORE_COMPONENTS)) return true;
    p += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0);
  }
}
