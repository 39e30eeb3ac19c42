/**
 * One entry point for every reader: pick the cable parser or the document reader from the text
 * (or as told), and say which ran. Pure: no I/O.
 */
import type { Document, DocumentFormat } from '../types.js';
import { parseMarkedDocument } from './document/index.js';
import type { PageFlow } from './document/group.js';
import { parseCable } from './index.js';
import { controlWithClassifiedLevel } from './control-level.js';
import { foiaNoticeDiagnostics } from './notices.js';
import { CABLE_READER, DOCUMENT_READER, type InputFormat, type ReaderId } from './readers.js';

export { CABLE_READER, DOCUMENT_READER, INPUT_FORMATS, type InputFormat, type ReaderId } from './readers.js';

/** What {@link readDocument} gives back. */
export interface ReadResult {
  readonly doc: Document;
  readonly reader: ReaderId;
  /** True when the format was detected from the text rather than given. */
  readonly detected: boolean;
}

/**
 * Lines that only a cable has: a routing header (`VZCZC…`, a precedence line with a date-time
 * group `O 131627Z FEB 08`, `FM AMEMBASSY …`), a reference id on its own line, an `E.O. 12958:`
 * line, a `TAGS:` line, a leaked database record (`refid:`, `header ends`) or a cables.csv row.
 */
const ROUTING_SIGNS: readonly RegExp[] = [
  /^\s*VZCZC/m,
  /^\s*[OPRZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}\b/m,
  /^\s*FM\s+(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL|AMEMB|USINT|CDR|DIA|CIA)\b/m,
];
const EO_LINE = /^\s*(?:E\.?\s?[O0]\.?|EO)\s*\d{4,5}\b\s*[:.,;]?/im;
const TAGS_LINE = /^\s*TAGS?\s*:/m;
const CABLE_SIGNS: readonly RegExp[] = [
  ...ROUTING_SIGNS,
  EO_LINE,
  TAGS_LINE,
  /^\s*(?:refid|header)\s*:/m,
  /^\s*-+\s*header ends\s*-+/m,
  /^\s*\d{2}[A-Z]{3,}\d{1,6}\s*$/m,
  /^\d+,\d{1,2}\/\d{1,2}\/\d{4}/m,
];

/**
 * A cable's own head, which a Markdown memo does not quote whole: a routing header, or an E.O.
 * line, a TAGS line and a plain `SUBJECT:` line together.
 */
function cableHead(head: string): boolean {
  return ROUTING_SIGNS.some((re) => re.test(head)) || (EO_LINE.test(head) && TAGS_LINE.test(head) && /^[ \t]*SUBJ(?:ECT)?[ \t]*:/m.test(head));
}

/**
 * A Markdown document's first line: an ATX heading (`# SECRET//NOFORN`) or a line wholly in bold
 * (`**SECRET//NOFORN**`). No cable opens so (the 1,588 corpus cables open with a routing header, a
 * reference id, a precedence line or an extract's note); a Markdown memo that quotes a cable's
 * `E.O. 12958: DECL: …` line or has a `TAGS:` line was read by the cable parser, which reads no such
 * banner and merged its bold header lines (probe 63a F10).
 */
const MARKDOWN_FIRST_LINE = /^[ \t]{0,3}(?:#{1,6}[ \t]+\S|(\*\*|__)\S.*\1[ \t]*$)/;

/**
 * `cable` when the text has a cable's routing header, reference id, E.O. line or TAGS line (looked
 * for in its first 200 lines), `document` otherwise (see {@link chooseFormat}).
 */
export function detectFormat(text: string): DocumentFormat {
  return chooseFormat(text).format;
}

/**
 * The reader for `text` and, when its first line is Markdown's (see MARKDOWN_FIRST_LINE), why: a
 * text whose first line is Markdown's is a document (the document reader reads the cable lines a
 * memo quotes as its text), unless it has a cable's own head (see cableHead): a cable with a
 * pasted `# 08BERLIN173` or `**UNCLASSIFIED**` first line was read as a document, its banner,
 * E.O. line and paragraphs not read (probe 64d F7).
 */
export function chooseFormat(text: string): { format: DocumentFormat; why: string | null } {
  const firstLine = /^(?:[ \t]*\r?\n)*([^\r\n]*)/.exec(text.replace(/^\uFEFF/, ''))![1]!;
  let end = text.length;
  for (let n = 0, at = -1; n < 200; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) break;
    end = at;
  }
  const head = text.slice(0, end);
  const signs = CABLE_SIGNS.some((re) => re.test(head));
  if (!MARKDOWN_FIRST_LINE.test(firstLine)) return { format: signs ? 'cable' : 'document', why: null };
  if (cableHead(head)) {
    return { format: 'cable', why: 'The first line is Markdown (a heading or a line in bold), but the text has a cable\'s head (a routing header, or E.O., TAGS and SUBJECT lines): it was read as a cable; use --input-format document to read it as a document.' };
  }
  if (!signs) return { format: 'document', why: null };
  return { format: 'document', why: 'The first line is Markdown (a heading or a line in bold): the text was read as a document, and the cable lines it holds (an E.O., TAGS or reference line) as its text; use --input-format cable to read it as a cable.' };
}

/**
 * Reads decoded text (see `decodeInput`) with the reader `format` names, or the one
 * {@link detectFormat} picks (`auto`, the default). Never throws.
 */
export function readDocument(text: string, options: { format?: InputFormat; pageFlow?: PageFlow } = {}): ReadResult {
  const asked = options.format ?? 'auto';
  const chosen = asked === 'auto' ? chooseFormat(text) : { format: asked, why: null };
  const format = chosen.format;
  const read = format === 'cable' ? parseCable(text) : parseMarkedDocument(text, options.pageFlow);
  // FOIA notices are no marking: whichever reader ran, a warning each (./notices.ts). When the
  // first line decided the reader, an info says so (nothing silent).
  // Nor is a control for unclassified information with a classified level a valid mark (a warning).
  const notices = [
    ...(chosen.why ? [{ severity: 'info' as const, code: 'reader-chosen', message: chosen.why, span: { start: 0, end: 0 } }] : []),
    ...foiaNoticeDiagnostics(text),
    ...controlWithClassifiedLevel(read),
  ];
  const doc = notices.length > 0 ? { ...read, diagnostics: [...read.diagnostics, ...notices] } : read;
  return { doc, reader: format === 'cable' ? CABLE_READER : DOCUMENT_READER, detected: asked === 'auto' };
}

/**
 * True when the document carries any classification marking: a banner (also a page banner), a
 * portion mark (understood or not), an E.O. line, a Classified By line, an ENTIRE TEXT statement or
 * a classification authority block. A file with none of these (a README, a LICENSE) is not a
 * marked document: releasing it would stamp ordinary text as withheld under B1.
 */
export function hasMarkings(doc: Document): boolean {
  return (
    doc.banner !== null ||
    (doc.pageBanners?.length ?? 0) > 0 ||
    doc.eo !== null ||
    doc.classifiedBy !== null ||
    doc.entireText !== null ||
    (doc.authority ?? null) !== null ||
    doc.portions.some((p) => p.mark !== null)
  );
}

/** The one-line refusal of a file without any marking (see {@link hasMarkings}). */
export const NOT_MARKED_MESSAGE = 'not a marked document (no banner, portion mark, E.O. line or classification authority block)';
