/**
 * Checks of a Vaughn index written into a release folder, independent of src/vaughn and
 * src/audit: its rows against the audit records, every cell against the withheld text of its
 * document (8-word runs that the release is not also meant to show, test/helpers/leak.ts), and
 * the PDF index read back by pdftotext.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '../../src/engine/evaluate.js';
import { decodeInput } from '../../src/parse/decode.js';
import { readDocument } from '../../src/parse/read.js';
import { visibleText, withheldTexts } from '../../src/release/index.js';
import type { Profile } from '../../src/rules/load.js';
import { shingles } from './leak.js';
import { pdftotext } from './pdf-text.js';
import { originalOf } from './release-folder.js';

interface Row {
  no: number;
  stem: string;
  document: string;
  portion: string;
  kind: string;
  [k: string]: unknown;
}

/** What {@link inspectIndex} found. */
export interface IndexInspection {
  /** Withheld portions plus redacted spans over all audit records. */
  readonly withholdings: number;
  readonly rows: number;
  /** `stem portion kind` keys not in the index exactly once. */
  readonly notOnce: string[];
  /** Cells holding an 8-word run of their document's withheld text (`row N column`). */
  readonly leakingCells: string[];
  /** Row numbers pdftotext does not find at the start of a line with their document (null: no pdftotext). */
  readonly missingInPdf: number[] | null;
}

/** Every string in a value (the cells of a JSON row, nested ones included). */
function strings(value: unknown, at: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, at ? `${at}.${k}` : k, out);
}

/** Inspects `out/release/index.json` and `index.pdf`. `originals` maps a stem to its input file. */
export function inspectIndex(out: string, originals: ReadonlyMap<string, string>, profile: Profile, asOf: string): IndexInspection {
  const index = JSON.parse(readFileSync(path.join(out, 'release/index.json'), 'utf8')) as { rows: Row[] };
  const records = readdirSync(path.join(out, 'review')).filter((n) => n.endsWith('.audit.json'));
  const seen = new Map<string, number>();
  for (const r of index.rows) seen.set(`${r.stem} ${r.portion} ${r.kind}`, (seen.get(`${r.stem} ${r.portion} ${r.kind}`) ?? 0) + 1);
  let withholdings = 0;
  const notOnce: string[] = [];
  const leakingCells: string[] = [];
  for (const name of records) {
    const stem = name.replace(/\.audit\.json$/, '');
    const record = JSON.parse(readFileSync(path.join(out, 'review', name), 'utf8')) as {
      decisions: { portionId: string; action: string }[];
      redactions: { portionId: string }[];
      input: { path: string; reader?: { name: 'cable' | 'document' } };
    };
    const keys = [...record.decisions.filter((d) => d.action === 'withhold').map((d) => `${stem} ${d.portionId} withheld`), ...record.redactions.map((r) => `${stem} ${r.portionId} redacted`)];
    withholdings += keys.length;
    for (const k of keys) if (seen.get(k) !== 1) notOnce.push(k);
    const rows = index.rows.filter((r) => r.stem === stem);
    if (rows.length === 0) continue;
    const decoded = decodeInput(readFileSync(originalOf(originals, stem, record.input.path)));
    if (!decoded.ok) throw new Error(`${stem}: ${decoded.message}`);
    const plan = evaluate(readDocument(decoded.text, { format: record.input.reader?.name ?? 'cable' }).doc, profile, { asOf, overrides: null, fallbackRef: stem });
    // 8-word runs only (a withheld text shorter than that, a signer's name, is also in released
    // header lines), and not those the release is meant to show as well (a withheld paragraph that
    // repeats the released subject line): what the release checks count as a leak.
    const visible = new Set(shingles(visibleText(plan), 8));
    const withheld = new Set(withheldTexts(plan).flatMap((t) => shingles(t, 8).filter((s) => s.split(' ').length === 8 && !visible.has(s))));
    for (const row of rows) {
      const cells: [string, string][] = [];
      strings(row, '', cells);
      for (const [column, text] of cells) {
        const hit = shingles(text, 8).find((s) => withheld.has(s));
        if (hit) leakingCells.push(`row ${row.no} ${column}: ${hit}`);
      }
    }
  }
  return { withholdings, rows: index.rows.length, notOnce, leakingCells, missingInPdf: missingInPdf(out, index.rows) };
}

function missingInPdf(out: string, rows: readonly Row[]): number[] | null {
  const text = pdftotext(readFileSync(path.join(out, 'release/index.pdf')), ['-layout']);
  if (text === null) return null;
  // A row's first line starts with its number and its document (cut where the column wraps it).
  const starts = new Map<number, string[]>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+(\S+)/.exec(line);
    if (m) starts.set(Number(m[1]), [...(starts.get(Number(m[1])) ?? []), m[2]!]);
  }
  const found = (r: Row) => (starts.get(r.no) ?? []).some((t) => r.document.startsWith(t) && t.length >= Math.min(8, r.document.length));
  return rows.filter((r) => !found(r)).map((r) => r.no);
}
