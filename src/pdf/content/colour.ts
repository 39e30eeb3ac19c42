/**
 * Whether a colour leaves ink a reader sees: white (or nearly) in the colour space it is set in,
 * or a colorant that never marks (`/None`). The interpreter asks it for `sc`/`scn` and for the
 * initial colour `cs` sets (content/interpret.ts); `g`, `rg` and `k` name their space. A probe's
 * `/DeviceRGB cs 1 1 1 sc`, a Separation at tint 0 and an Indexed entry that is white were read as
 * ordinary text, and a line of it under a (U) line was released with that paragraph (probe 61a, F1).
 */
import { PdfName, PdfStream, PdfString, resolve, type PdfObjects, type PdfValue } from '../objects/model.js';
import { decodeToBytes } from '../objects/filters.js';

/** At least this light (0 black, 1 white) a colour is the page's white: text of it is not seen. */
export const WHITE_MIN = 0.95;

/** Deeper than this an ICCBased or Indexed space's base is not followed (a loop of references). */
const MAX_SPACE_DEPTH = 4;

/** The family of a colour space value (`DeviceRGB`, `ICCBased`, `Separation` …), or '' when it is none. */
export function spaceFamily(objs: PdfObjects, space: PdfValue | undefined): string {
  const s = resolve(objs, space);
  if (s instanceof PdfName) return s.name;
  if (Array.isArray(s)) {
    const f = resolve(objs, s[0]);
    if (f instanceof PdfName) return f.name;
  }
  return '';
}

/** White (or nearly) in a device space of `n` components (1 gray, 3 RGB, 4 CMYK). */
export function deviceWhite(c: readonly number[], n: number): boolean {
  if (c.length !== n || c.some((v) => !Number.isFinite(v))) return false;
  if (n === 1) return c[0]! >= WHITE_MIN;
  if (n === 3) return Math.min(c[0]!, c[1]!, c[2]!) >= WHITE_MIN;
  if (n === 4) return (1 - c[3]!) * (1 - Math.max(c[0]!, c[1]!, c[2]!)) >= WHITE_MIN;
  return false;
}

/** The colour components a device space name stands for, or 0. */
function deviceComponents(name: string): number {
  if (name === 'DeviceGray' || name === 'G' || name === 'CalGray') return 1;
  if (name === 'DeviceRGB' || name === 'RGB' || name === 'CalRGB') return 3;
  if (name === 'DeviceCMYK' || name === 'CMYK') return 4;
  return 0;
}

/** How many components a colour of `space` has (0 when not known). */
function components(objs: PdfObjects, space: PdfValue | undefined): number {
  const family = spaceFamily(objs, space);
  const device = deviceComponents(family);
  if (device > 0) return device;
  const s = resolve(objs, space);
  if (!Array.isArray(s)) return 0;
  if (family === 'ICCBased') {
    const st = resolve(objs, s[1]);
    const n = st instanceof PdfStream ? resolve(objs, st.dict.get('N')) : undefined;
    return typeof n === 'number' ? n : 0;
  }
  if (family === 'Indexed' || family === 'Separation') return 1;
  if (family === 'Lab') return 3;
  if (family === 'DeviceN') {
    const names = resolve(objs, s[1]);
    return Array.isArray(names) ? names.length : 0;
  }
  return 0;
}

/** The colorant names of a Separation or DeviceN space. */
function colorants(objs: PdfObjects, s: readonly PdfValue[], family: string): string[] {
  const v = resolve(objs, s[1]);
  const list = family === 'Separation' ? [v] : Array.isArray(v) ? v : [];
  return list.map((x) => {
    const r = resolve(objs, x);
    return r instanceof PdfName ? r.name : '';
  });
}

/** The base-space components of entry `c[0]` of an Indexed space's lookup table, or null. */
function indexedEntry(objs: PdfObjects, s: readonly PdfValue[], c: readonly number[], n: number): number[] | null {
  const hival = resolve(objs, s[2]);
  const table = resolve(objs, s[3]);
  const bytes = table instanceof PdfString ? table.bytes : table instanceof PdfStream ? decodeToBytes(objs, table) : null;
  if (bytes === null || typeof hival !== 'number' || c.length !== 1 || !Number.isFinite(c[0]!) || n <= 0) return null;
  const i = Math.min(Math.max(Math.round(c[0]!), 0), hival);
  if ((i + 1) * n > bytes.length) return null;
  return Array.from(bytes.subarray(i * n, (i + 1) * n), (b) => b / 255);
}

/**
 * True when colour `c` of `space` (a name or a colour space array, as `cs` names it or the
 * resources give it) is white or nearly, or paints nothing (a Separation or DeviceN whose
 * colorants are all `/None`). A Separation or DeviceN at tint 0 applies no colorant: white. An
 * ICCBased space is read through its /Alternate, or as the device space of its /N components (its
 * profile is not evaluated: what is white there is plainly white). A pattern, or a space not
 * known, is not known to be white.
 */
export function colourWhite(objs: PdfObjects, space: PdfValue | undefined, c: readonly number[], depth = 0): boolean {
  if (depth > MAX_SPACE_DEPTH) return false;
  const family = spaceFamily(objs, space);
  const device = deviceComponents(family);
  if (device > 0) return deviceWhite(c, device);
  const s = resolve(objs, space);
  if (!Array.isArray(s)) return false;
  switch (family) {
    case 'ICCBased': {
      const st = resolve(objs, s[1]);
      const alt = st instanceof PdfStream ? st.dict.get('Alternate') : undefined;
      if (alt !== undefined) return colourWhite(objs, alt, c, depth + 1);
      return deviceWhite(c, c.length);
    }
    case 'Separation':
    case 'DeviceN': {
      if (colorants(objs, s, family).every((n) => n === 'None')) return true;
      return c.length > 0 && c.every((v) => Number.isFinite(v) && v <= 1 - WHITE_MIN);
    }
    case 'Indexed': {
      const entry = indexedEntry(objs, s, c, components(objs, s[1]));
      return entry !== null && colourWhite(objs, s[1], entry, depth + 1);
    }
    case 'Lab':
      return c.length === 3 && c[0]! >= 100 * WHITE_MIN && Math.abs(c[1]!) <= 5 && Math.abs(c[2]!) <= 5;
    default:
      return false;
  }
}

/** The initial colour `cs` sets in `space` (PDF 32000-1, 8.6): black in a device space, tint 1 in a Separation or DeviceN, entry 0 of an Indexed one, 0 in each component otherwise. */
export function initialColour(objs: PdfObjects, space: PdfValue | undefined): number[] {
  const family = spaceFamily(objs, space);
  if (family === 'DeviceCMYK' || family === 'CMYK') return [0, 0, 0, 1];
  const n = components(objs, space);
  const one = family === 'Separation' || family === 'DeviceN';
  return Array.from({ length: n }, () => (one ? 1 : 0));
}
