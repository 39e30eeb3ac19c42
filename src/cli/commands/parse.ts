/**
 * `declass parse PATH... [--json]`: what the parser read in each cable. A readable summary by
 * default; with `--json`, JSON Lines (one object per file). The record is built first (plain
 * data), then serialised.
 */
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { LineIndex } from '../../source/line-index.js';
import type { Diagnostic, Document, Marking, Portion, Span } from '../../types.js';
import type { CommandContext } from '../context.js';
import { inputFormatOption, type InputFormat } from '../input-format.js';
import { expandInputs, readCable } from '../inputs.js';

/** A marking as printed: as written, level, controls and REL TO. */
export interface MarkingRecord {
  readonly raw: string;
  readonly level: string;
  readonly controls: readonly string[];
  readonly relTo: readonly string[];
  /** SCI control systems, when there are any. */
  readonly sci?: readonly string[];
}

/** A position for display: 1-based line and column. */
export interface PointRecord {
  readonly line: number;
  readonly column: number;
}

/** One portion as printed. */
export interface PortionRecord {
  readonly id: string;
  readonly kind: string;
  /** The number or letter as written, without the dot (`"3"`, `"A"`), or null. */
  readonly number: string | null;
  readonly parent: string | null;
  readonly markingSource: string;
  readonly mark: string | null;
  readonly marking: MarkingRecord | null;
  readonly start: PointRecord;
  /** Position of the portion's last character (inclusive). */
  readonly end: PointRecord;
  /** The portion's text with page furniture cut out. */
  readonly text: string;
}

/** A diagnostic as printed. */
export interface DiagnosticRecord {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
}

/** The JSON Lines record of one parsed file. */
export interface ParseRecord {
  readonly file: string;
  readonly ref: string | null;
  readonly originated: string | null;
  readonly banner: { raw: string; level: string | null; controls: readonly string[]; relTo: readonly string[]; caveats: readonly string[]; section: string | null } | null;
  readonly eo: { raw: string; order: string | null } | null;
  readonly decl: { raw: string | null } | null;
  readonly tags: string | null;
  readonly subject: string | null;
  readonly refs: readonly string[];
  readonly classifiedBy: { raw: string; reasons: readonly string[] } | null;
  readonly entireText: string | null;
  readonly portions: readonly PortionRecord[];
  readonly furniture: readonly PointRecord[];
  readonly diagnostics: readonly DiagnosticRecord[];
  /** Set for documents read by the document reader (absent for cables). */
  readonly format?: 'document';
  /** The classification authority block of a document, values as written (null: none). */
  readonly authority?: { raw: string; classifiedBy: string | null; derivedFrom: string | null; reason: string | null; dated: string | null; declassifyOn: readonly string[] } | null;
  /** Banner lines of a document: page, position, whether it states the highest possible level. */
  readonly pageBanners?: readonly { raw: string; page: number; position: string; highestPossible: boolean; level: string | null }[];
}

/** Builds the record for one parsed document. Pure. `extra` are diagnostics from decoding. */
export function toParseRecord(file: string, doc: Document, extra: readonly Diagnostic[] = []): ParseRecord {
  const index = new LineIndex(doc.source);
  const point = (offset: number): PointRecord => {
    const p = index.pointAt(offset);
    return { line: p.line, column: p.column };
  };
  const endPoint = (span: Span): PointRecord => point(Math.max(span.start, span.end - 1));
  const marking = (m: Marking | null, raw: string | null): MarkingRecord | null =>
    m ? { raw: raw ?? m.raw, level: m.level, controls: m.controls, relTo: m.relTo, ...(m.sci.length > 0 ? { sci: m.sci } : {}) } : null;
  const portion = (p: Portion): PortionRecord => ({
    id: p.id,
    kind: p.kind,
    number: p.number,
    parent: p.parent,
    markingSource: p.markingSource,
    mark: p.mark?.raw ?? null,
    marking: marking(p.marking, p.mark?.raw ?? null),
    start: point(p.span.start),
    end: endPoint(p.span),
    text: p.segments.map((s) => doc.source.slice(s.start, s.end)).join(''),
  });
  const diagnostics = [...extra, ...doc.diagnostics].map((d): DiagnosticRecord => {
    const at = d.span ? point(d.span.start) : null;
    return { severity: d.severity, code: d.code, message: d.message, line: at?.line ?? null, column: at?.column ?? null };
  });
  const b = doc.banner;
  return {
    file,
    ref: doc.ref,
    originated: doc.originated,
    banner: b
      ? {
          raw: b.raw,
          level: b.marking?.level ?? null,
          controls: b.marking?.controls ?? [],
          relTo: b.marking?.relTo ?? [],
          caveats: b.caveats.map((c) => c.raw),
          section: b.section?.raw ?? null,
        }
      : null,
    eo: doc.eo ? { raw: doc.eo.raw, order: doc.eo.order } : null,
    decl: doc.eo ? { raw: doc.eo.decl } : null,
    tags: doc.tags?.raw ?? null,
    subject: doc.subject?.raw ?? null,
    refs: doc.refs.map((r) => r.raw),
    classifiedBy: doc.classifiedBy ? { raw: doc.classifiedBy.raw, reasons: doc.classifiedBy.reasons } : null,
    entireText: doc.entireText?.raw ?? null,
    portions: doc.portions.map(portion),
    furniture: doc.furniture.map((s) => point(s.start)),
    diagnostics,
    ...(doc.format === 'document'
      ? {
          format: 'document' as const,
          authority: doc.authority
            ? {
                raw: doc.authority.raw,
                classifiedBy: doc.authority.classifiedBy?.value ?? null,
                derivedFrom: doc.authority.derivedFrom?.value ?? null,
                reason: doc.authority.reason?.value ?? null,
                dated: doc.authority.dated?.value ?? null,
                declassifyOn: doc.authority.declassifyOn.map((f) => f.value),
              }
            : null,
          pageBanners: (doc.pageBanners ?? []).map((b) => ({ raw: b.raw, page: b.page, position: b.position, highestPossible: b.highestPossible, level: b.marking?.level ?? null })),
        }
      : {}),
  };
}

/** The readable summary of one record. */
export function formatSummary(r: ParseRecord): string {
  const lines: string[] = [r.file];
  const banner = r.banner ? `${r.banner.raw}${r.banner.level ? ` (${[r.banner.level, ...r.banner.controls].join('//')})` : ' (not understood)'}` : '(none)';
  lines.push(`  ref ${r.ref ?? '-'}  originated ${r.originated ?? '-'}  banner ${banner}`);
  if (r.format === 'document') {
    const a = r.authority;
    lines.push(`  authority ${a ? oneLine(a.raw, 100) : '(none)'}`);
    for (const b of r.pageBanners ?? []) lines.push(`  page ${b.page} ${b.position} banner${b.highestPossible ? ' (highest possible)' : ''}: ${oneLine(b.raw, 80)}`);
  } else {
    lines.push(
      `  E.O. ${r.eo?.order ?? '-'}  DECL ${r.decl ? JSON.stringify(r.decl.raw) : '(no E.O. line)'}  classified by ${r.classifiedBy ? (r.classifiedBy.reasons.join(', ') || '(no reasons)') : '-'}`,
    );
  }
  if (r.subject) lines.push(`  ${oneLine(r.subject, 100)}`);
  if (r.entireText) lines.push(`  entire text: ${oneLine(r.entireText, 60)}`);
  const counts = new Map<string, number>();
  for (const p of r.portions) counts.set(p.markingSource, (counts.get(p.markingSource) ?? 0) + 1);
  lines.push(`  ${r.portions.length} portion(s): ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}; ${r.furniture.length} page header(s)`);
  const idWidth = Math.max(4, ...r.portions.map((p) => p.id.length));
  for (const p of r.portions) {
    const level = p.marking ? [p.marking.level, ...(p.marking.sci?.length ? [p.marking.sci.join('/')] : []), ...p.marking.controls].join('//') + (p.marking.relTo.length ? `//REL TO ${p.marking.relTo.join(', ')}` : '') : '-';
    const where = `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
    lines.push(`    ${p.id.padEnd(idWidth)}  ${where.padEnd(13)}  ${p.markingSource.padEnd(11)}  ${level.padEnd(10)}  ${p.mark ?? ''}`.trimEnd());
  }
  for (const d of r.diagnostics) {
    if (d.severity === 'info') continue;
    lines.push(`  ${d.line ?? '-'}:${d.column ?? '-'}  ${d.severity}  ${d.message}  ${d.code}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

interface ParseOptions {
  json?: boolean;
  inputFormat?: InputFormat;
}

/** Registers `declass parse`. */
export function registerParse(program: Command, ctx: CommandContext): void {
  program
    .command('parse')
    .description('show what was read in each cable: header, banner, E.O./DECL line, portions with their marks, diagnostics')
    .argument('<paths...>', 'cable files (.txt) or folders to walk')
    .option('--json', 'print JSON Lines, one object per file')
    .addOption(inputFormatOption())
    .addHelpText(
      'after',
      `
Exit codes: 0 every file was read; 1 a file could not be read (empty, binary, unreadable);
66 none of the paths exists. Diagnostics never change the exit code: use "declass lint".`,
    )
    .action(async (paths: string[], opts: ParseOptions) => {
      ctx.exit(await runParse(paths, opts, ctx));
    });
}

async function runParse(paths: string[], opts: ParseOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const inputs = await expandInputs(paths, io.stderr);
  if (inputs.exitCode !== undefined) return inputs.exitCode;
  const { files } = inputs;
  let failed = inputs.failed;
  let first = true;
  for (const file of files) {
    const read = await readCable(file, undefined, opts.inputFormat);
    if (!read.ok) {
      io.stderr(`declass: ${file}: ${read.message}\n`);
      failed++;
      continue;
    }
    const record = toParseRecord(file, read.doc, read.decodeDiagnostics);
    if (opts.json) io.stdout(`${JSON.stringify(record)}\n`);
    else {
      io.stdout(`${first ? '' : '\n'}${formatSummary(record)}`);
      first = false;
    }
  }
  return failed > 0 ? ExitCode.problems : ExitCode.ok;
}

