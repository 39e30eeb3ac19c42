/**
 * Checks of one audit record against the files of a release folder: the record's shape, the
 * outputs it lists, the authorities its withheld regions state, and a re-run's result. Pure: the
 * caller reads the files and passes their bytes or hashes in.
 */
import { computeDisposition, pdfStampLine } from '../engine/disposition.js';
import { parseDeniedMarker } from '../render/text/denied.js';
import { dispositionOf, FORMATS, outputPath, RECORD_FORMAT, recordedReader, recordPath, type AuditRecord, type Format, type OutputRecord } from '../release/folder.js';
import { failure, warning, type Finding } from './findings.js';
import { differenceLines, recordDifferences } from './record-diff.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Parses and checks the shape of `review/<stem>.audit.json`: JSON, format `declass-audit/1`,
 * a profile, an as-of date, decisions, and outputs whose paths are the ones `release` writes for
 * that stem (so a record can never point outside the folder or claim another document's file).
 */
export function parseRecord(stem: string, bytes: Uint8Array): { ok: true; record: AuditRecord } | { ok: false; finding: Finding } {
  const file = recordPath(stem);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, finding: failure(file, 'record', 'not valid JSON') };
  }
  const r = data as Partial<AuditRecord> | null;
  const bad = (what: string) => ({ ok: false as const, finding: failure(file, 'record', what) });
  if (!r || typeof r !== 'object' || r.format !== RECORD_FORMAT) return bad('not a declass audit record (expected format "declass-audit/1")');
  if (!r.profile || typeof r.profile.id !== 'string' || typeof r.profile.sha256 !== 'string') return bad('no profile id and sha256');
  if (typeof r.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) return bad('no as-of date');
  if (!r.input || typeof r.input.sha256 !== 'string') return bad('no input sha256');
  if (!Array.isArray(r.decisions) || !Array.isArray(r.redactions)) return bad('no decisions or redactions list');
  if (!Array.isArray(r.outputs)) return bad('no outputs list');
  const seen = new Set<string>();
  for (const o of r.outputs as Partial<OutputRecord>[]) {
    if (!o || !(FORMATS as readonly string[]).includes(o.kind as string) || typeof o.path !== 'string' || typeof o.sha256 !== 'string' || !SHA256.test(o.sha256)) {
      return bad('an output entry is malformed (expected kind, path and a sha256)');
    }
    // The release text and PDF sit in release/ or, pending review, in pending/ (checkPending says which).
    const expected = outputPath(stem, o.kind as Format);
    if (o.path !== expected && o.path !== outputPath(stem, o.kind as Format, true)) return bad(`output ${JSON.stringify(o.path)} is not the file release writes for ${stem} (expected ${expected})`);
    if (seen.has(o.path)) return bad(`output ${o.path} is listed twice`);
    seen.add(o.path);
  }
  return { ok: true, record: r as AuditRecord };
}

/**
 * Check 1 for one record: each output it lists exists and has the recorded sha256.
 *
 * @param actual sha256 of each file present in the folder, by relative path.
 */
export function checkOutputs(stem: string, record: AuditRecord, actual: ReadonlyMap<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const o of record.outputs) {
    const sha = actual.get(o.path);
    if (sha === undefined) out.push(failure(o.path, 'missing', `recorded in ${recordPath(stem)} but not found`));
    else if (sha !== o.sha256) out.push(failure(o.path, 'hash', `sha256 differs from ${recordPath(stem)}`));
  }
  return out;
}

/**
 * The withheld regions a record describes, in document order, with the authority each must
 * state in the release: withheld portions and redacted spans.
 */
export function recordedRegions(record: AuditRecord): { kind: 'WITHHELD' | 'REDACTED'; id: string; start: number; authority: string }[] {
  const regions = [
    ...record.decisions
      .filter((d) => d.action === 'withhold')
      .map((d) => ({ kind: 'WITHHELD' as const, id: d.portionId, start: d.span.start, authority: d.authority.join(', ') })),
    ...record.redactions.map((r) => ({ kind: 'REDACTED' as const, id: r.portionId, start: r.span.start, authority: r.authority.join(', ') })),
  ];
  return regions.sort((a, b) => a.start - b.start);
}

/**
 * What the boxes of a record's release PDF may say: the authority of each withholding, and the
 * release banner (a PDF input's banner lines are boxed with it); and the stamp line on a PDF
 * input's pages (pdfStampLine). The leak checks read a PDF's text between them
 * (src/leak/tool-words.ts).
 */
export function boxLabels(record: AuditRecord): string[] {
  const stampLine = pdfStampLine(record.banner.release, dispositionOf(record), record.stamp, record.declassMarking);
  return [...new Set([...recordedRegions(record).map((r) => r.authority), record.banner.release, stampLine])].filter((l) => l.trim() !== '');
}

const PLACEHOLDER = /\[(WITHHELD|REDACTED): ?([^\]\n]*)\]/g;

/**
 * Check 5 on a release text: every withheld region of the record has a placeholder that states
 * its authority, in order, and there are no others; the record gives every withheld region an
 * authority.
 */
export function checkTextAuthorities(file: string, text: string, stem: string, record: AuditRecord): Finding[] {
  // A PDF input's release is its own pages redacted, denied in full or not: its text has placeholders.
  if (dispositionOf(record) === 'denied-in-full' && recordedReader(record).name !== 'pdf') return checkDeniedText(file, text, stem, record);
  const out: Finding[] = [];
  const expected = recordedRegions(record);
  for (const e of expected) {
    if (e.authority.trim() === '') out.push(failure(recordPath(stem), 'authority', `${e.id} is ${e.kind === 'WITHHELD' ? 'withheld' : 'redacted'} without an authority`));
  }
  const found = [...text.matchAll(PLACEHOLDER)].map((m) => ({ kind: m[1] as 'WITHHELD' | 'REDACTED', authority: (m[2] ?? '').trim() }));
  found.forEach((f, i) => {
    if (f.authority === '') out.push(failure(file, 'authority', `placeholder ${i + 1} ([${f.kind}]) states no authority`));
  });
  if (found.length !== expected.length) {
    out.push(failure(file, 'authority', `${found.length} placeholder(s) found; ${recordPath(stem)} records ${expected.length} withheld region(s)`));
    return out;
  }
  found.forEach((f, i) => {
    const e = expected[i]!;
    if (f.kind !== e.kind || f.authority !== e.authority) {
      out.push(failure(file, 'authority', `placeholder ${i + 1} reads [${f.kind}: ${f.authority}]; ${recordPath(stem)} says ${e.id} is [${e.kind}: ${e.authority}]`));
    }
  });
  return out;
}

/**
 * Check 5 on the release text of a document denied in full: no placeholder, and one marker that
 * counts the portions the record withholds and states each of their authorities.
 */
function checkDeniedText(file: string, text: string, stem: string, record: AuditRecord): Finding[] {
  const withheld = record.decisions.filter((d) => d.action === 'withhold');
  const marker = parseDeniedMarker(text);
  if (!marker) return [failure(file, 'authority', `${recordPath(stem)} records the document as denied in full, but the release text has no [DENIED IN FULL: …] line`)];
  const out: Finding[] = [];
  if ([...text.matchAll(PLACEHOLDER)].length > 0) out.push(failure(file, 'authority', 'a denial holds [WITHHELD] or [REDACTED] placeholders'));
  if (marker.total !== withheld.length) out.push(failure(file, 'authority', `the denial counts ${marker.total} portion(s) withheld; ${recordPath(stem)} records ${withheld.length}`));
  for (const a of new Set(withheld.map((d) => d.authority.join(', ')))) {
    if (a.trim() === '') out.push(failure(recordPath(stem), 'authority', 'a portion is withheld without an authority'));
    else if (!marker.marker.includes(a)) out.push(failure(file, 'authority', `the denial does not state ${a}, which ${recordPath(stem)} records`));
  }
  return out;
}

/**
 * Check 5 on a release PDF's text: every authority the record's withheld regions state is
 * printed (in white in its box) at least once. Boxes carry no portion id, so this checks the
 * set of authorities, not each box.
 */
export function checkPdfAuthorities(file: string, pdfText: string, stem: string, record: AuditRecord): Finding[] {
  const flat = pdfText.replace(/\s+/g, ' ');
  const out: Finding[] = [];
  const authorities = [...new Set(recordedRegions(record).map((r) => r.authority).filter((a) => a.trim() !== ''))].sort();
  for (const a of authorities) {
    if (!flat.includes(a)) out.push(failure(file, 'authority', `no box states ${a}, which ${recordPath(stem)} records for a withheld region`));
  }
  return out;
}

/**
 * Check 5 on a release PDF's pages: as many as the record places its boxes on. The authorities
 * alone let two release PDFs whose records give the same exemptions be swapped, their hashes
 * fixed (probe 59a: two SIDtoday releases under B5, one page against two, passed without the
 * originals). Records made before placement was recorded say nothing here.
 */
export function checkPdfPages(file: string, pages: number | undefined, stem: string, record: AuditRecord): Finding[] {
  const recorded = record.placement?.pages;
  if (typeof recorded !== 'number' || pages === undefined || pages === recorded) return [];
  return [failure(file, 'authority', `has ${pages} page(s); ${recordPath(stem)} records ${recorded}`)];
}

/**
 * Check 3: a re-run's record against the recorded one, every field (but those a re-run cannot give
 * again, see ./record-diff.ts): each field that differs is a failure naming it. An output the
 * re-run gives other bytes for is also named on its own file.
 */
export function compareRerun(stem: string, recorded: AuditRecord, rerun: AuditRecord): Finding[] {
  const file = recordPath(stem);
  const out: Finding[] = [];
  if (recorded.tool?.version !== rerun.tool.version) {
    out.push(warning(file, 'rerun', `recorded by ${recorded.tool?.name ?? '?'} ${recorded.tool?.version ?? '?'}, re-run with ${rerun.tool.name} ${rerun.tool.version}`));
  }
  for (const line of differenceLines(recordDifferences(recorded, rerun))) out.push(failure(file, 'rerun', line));
  const rerunOutputs = new Map(rerun.outputs.map((o) => [o.path, o.sha256]));
  for (const o of recorded.outputs) {
    const sha = rerunOutputs.get(o.path);
    if (sha === undefined) out.push(failure(o.path, 'rerun', 'the re-run does not write this file'));
    else if (sha !== o.sha256) out.push(failure(o.path, 'rerun', `a re-run gives different bytes than ${file} records`));
  }
  return out;
}

/**
 * The `pending` check for one record: the disposition its decisions give (computed again, not
 * trusted from the record) is the one it states, and a document pending review has no output in
 * release/ (nor a final one in pending/, unless held there for a cross-document leak: its record
 * says so, and the cross-document check verifies it): what sits in release/ may be handed out.
 */
export function checkPending(stem: string, record: AuditRecord): Finding[] {
  const out: Finding[] = [];
  const disposition = computeDisposition(record.decisions, record.redactions);
  const pending = disposition.kind === 'pending-review';
  if (record.stamp !== disposition.stamp || (record.disposition && record.disposition.kind !== disposition.kind)) {
    out.push(failure(recordPath(stem), 'pending', `states ${JSON.stringify(record.stamp)}, but its decisions give ${JSON.stringify(disposition.stamp)}`));
  }
  for (const o of record.outputs) {
    if (o.kind !== 'text' && o.kind !== 'pdf') continue;
    if (pending && o.path !== outputPath(stem, o.kind, true)) {
      const why = [...new Set(disposition.pending.map((p) => p.reason))].join(', ');
      out.push(failure(o.path, 'pending', `${stem} is pending review (${disposition.pending.length} portion(s): ${why}) but sits in release/; it belongs in pending/`));
    } else if (!pending && record.held && o.path !== outputPath(stem, o.kind, true)) {
      out.push(failure(o.path, 'pending', `${stem} is held (${record.held.reason}) but sits in release/; it belongs in pending/`));
    } else if (!pending && !record.held && o.path !== outputPath(stem, o.kind)) {
      out.push(failure(o.path, 'pending', `${stem} is final (${disposition.stamp}) but sits in pending/`));
    }
  }
  return out;
}
