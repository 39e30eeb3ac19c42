/**
 * What a rewritten content stream keeps besides its drawing: nothing that can carry words and is
 * never shown. The edits of a redaction copy every byte they do not touch, and a content stream
 * can hold text no viewer draws and no reader of the text layer decides on: a `% comment` line, a
 * string in an inline property list (`/Note <</Text (…)>> DP`, `/P <</MCID 0 /T (…)>> BDC`), and
 * the operands of an operator PDF does not define (`BX (…) zz EX`: viewers skip it). A probe
 * wrote the withheld paragraph in each and found it in the release PDF's page stream.
 *
 * In every stream the redaction rewrites: comments (and any other bytes between operations) go,
 * inline property lists of BDC and DP keep only /MCID and an artifact's /Type and /Subtype (as
 * named ones do, properties.ts), a marked-content tag that is not PDF's own becomes /Span
 * (tags.ts: a name spells any words), and an operation whose operator is not PDF's goes with its
 * operands. What is
 * drawn does not change: viewers ignore all three. Streams not rewritten are copied as they are.
 *
 * One exception: the /ActualText and /E of a BDC no region touches stay (page.ts strips them
 * from those a region touches). The reader compared them with the glyphs they replace and
 * refused any that says other letters, so they say only what the page shows, and extraction of
 * the released text (ligatures, hyphenation) relies on them.
 */
import { PdfDict, PdfName, PdfString } from '../objects/model.js';
import { formatOperation, type ContentEdit } from '../content/edits.js';
import type { Operation } from '../syntax/parse.js';
import { plain } from './properties.js';
import { NEUTRAL_TAG, releasedTag } from './tags.js';

/** The operators of PDF 32000-1:2008, Table A.1 (BI … ID … EI is one operation to the parser). */
const OPERATORS: ReadonlySet<string> = new Set(
  ('b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y').split(' ').concat(["'", '"']),
);

/** Replacement texts of marked content, which an untouched BDC keeps (see the module comment). */
const REPLACEMENTS = ['ActualText', 'E'] as const;

/** The marked-content operators: a tag, then (BDC, DP) a property list or the name of one. */
const MARKS: ReadonlySet<string> = new Set(['BMC', 'BDC', 'MP', 'DP']);

/**
 * Marked-content operation `o` as released, or undefined when it stays as it is: its tag PDF's own
 * or /Span (tags.ts), an inline property list plain (but the replacement texts of a BDC).
 */
function markEdit(o: Operation): string | undefined {
  const [tag, props] = o.operands;
  const released = tag instanceof PdfName ? releasedTag(tag) : NEUTRAL_TAG;
  let list = props;
  if (props instanceof PdfDict) {
    const kept = plain(props).clone();
    if (o.op === 'BDC') for (const k of REPLACEMENTS) if (props.get(k) instanceof PdfString) kept.set(k, props.get(k)!);
    if (kept.map.size !== props.map.size) list = kept;
  }
  if (released === tag && list === props) return undefined;
  return formatOperation(o.op, list === undefined ? [released] : [released, list]);
}

/** Whether the bytes `[start, end)` are all PDF whitespace. */
function blank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c && c !== 0x00) return false;
  }
  return true;
}

/**
 * The edits that clean a stream being rewritten, leaving alone whatever `taken` (its redaction
 * edits, sorted or not) already replaces.
 *
 * @param bytes The stream's decoded content.
 * @param ops Its operations, in order, with their half-open byte spans.
 * @param taken The edits already made to it.
 */
export function hygieneEdits(bytes: Uint8Array, ops: readonly Operation[], taken: readonly ContentEdit[]): ContentEdit[] {
  const sorted = [...taken].sort((a, b) => a.start - b.start || a.end - b.end);
  let k = 0;
  // `taken` meets [start, end) when an edit overlaps it or inserts strictly inside it. Queries come in order.
  const free = (start: number, end: number): boolean => {
    while (k < sorted.length && Math.max(sorted[k]!.end, sorted[k]!.start + 1) <= start) k++;
    for (let j = k; j < sorted.length && sorted[j]!.start < end; j++) {
      const e = sorted[j]!;
      if (e.start < end && (e.end > start || (e.start === e.end && e.start > start))) return false;
    }
    return true;
  };
  const out: ContentEdit[] = [];
  let pos = 0;
  for (const o of ops) {
    if (o.start > pos && !blank(bytes, pos, o.start) && free(pos, o.start)) out.push({ start: pos, end: o.start, text: '\n' });
    pos = o.end;
    let text: string | undefined;
    if (!OPERATORS.has(o.op)) text = '';
    else if (MARKS.has(o.op)) text = markEdit(o);
    if (text !== undefined && free(o.start, o.end)) out.push({ start: o.start, end: o.end, text });
  }
  if (bytes.length > pos && !blank(bytes, pos, bytes.length) && free(pos, bytes.length)) out.push({ start: pos, end: bytes.length, text: '\n' });
  return out;
}
