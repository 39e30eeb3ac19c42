/**
 * What `declass parse` reports of one cable or document: a plain record built from the Document (positions
 * as 1-based lines and columns), which the formatters print as a summary or JSON Lines.
 */
import { formatPortion } from '../../markings/index.js';
import { LineIndex } from '../../source/line-index.js';
import type { Diagnostic, Document, Marking, Portion, Span } from '../../types.js';

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
  /** `mark`: the banner's marking written as a portion mark, without parentheses (`TS//SI//REL TO USA, FVEY`). */
  readonly banner: { raw: string; level: string | null; mark: string | null; controls: readonly string[]; relTo: readonly string[]; caveats: readonly string[]; section: string | null } | null;
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
          mark: b.marking ? formatPortion(b.marking).slice(1, -1) : null,
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
    ...(doc.format === 'document' ? documentFields(doc) : {}),
  };
}

/** What a record adds for a document read by the document reader: its authority block and banner lines. */
function documentFields(doc: Document): Pick<ParseRecord, 'format' | 'authority' | 'pageBanners'> {
  const a = doc.authority;
  return {
    format: 'document',
    authority: a
      ? {
          raw: a.raw,
          classifiedBy: a.classifiedBy?.value ?? null,
          derivedFrom: a.derivedFrom?.value ?? null,
          reason: a.reason?.value ?? null,
          dated: a.dated?.value ?? null,
          declassifyOn: a.declassifyOn.map((f) => f.value),
        }
      : null,
    pageBanners: (doc.pageBanners ?? []).map((b) => ({ raw: b.raw, page: b.page, position: b.position, highestPossible: b.highestPossible, level: b.marking?.level ?? null })),
  };
}
