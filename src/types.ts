/**
 * Shared data types of declass, in one file (as jsdiff's src/types.ts).
 *
 * Conventions used everywhere:
 * - A {@link Span} is a half-open range `[start, end)` of UTF-16 code-unit offsets into the
 *   verbatim source text. Line/column are derived only for display (see src/source/line-index.ts).
 * - Dates are ISO calendar dates `YYYY-MM-DD` (no time, no zone).
 * - Every structure here is plain JSON-serialisable data, so it can cross worker threads and be
 *   written into audit records.
 */

/** Half-open range `[start, end)` of UTF-16 offsets into `Document.source`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Display position: `line` and `column` are 1-based, `offset` is 0-based. */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** US classification levels, lowest first. */
export type Level = 'U' | 'C' | 'S' | 'TS';

/**
 * One classification marking (a portion mark such as `(S//NF)` or a banner such as
 * `SECRET//NOFORN`), normalised.
 */
export interface Marking {
  /** Exactly as written in the source (portion marks include their parentheses). */
  readonly raw: string;
  /** Where `raw` is in the source; absent for markings that were computed (roll-ups). */
  readonly span?: Span;
  readonly level: Level;
  /** SCI control systems in register order, e.g. `['SI', 'TK']`. */
  readonly sci: readonly string[];
  /**
   * Dissemination and handling controls in register order, normalised to their banner
   * abbreviations: `FOUO`, `ORCON`, `NOFORN`, `PROPIN`, `RELIDO`, `LIMDIS`, `EXDIS`, `NODIS`,
   * `SBU`, `LOU`, `LES`; plus `NATO` for NATO-level markings (NC, NS, CTS) and `FGI`.
   */
  readonly controls: readonly string[];
  /** `REL TO` list, `USA` first, then trigraphs, then tetragraphs, each alphabetical. Empty if none. */
  readonly relTo: readonly string[];
  /** FGI source countries when given (`FGI DEU`); empty for bare FGI or none. */
  readonly fgi: readonly string[];
  /** Human-readable notes for every normalisation applied (legacy or sloppy forms). Empty when canonical. */
  readonly normalisations: readonly string[];
  /**
   * Banners only: the declassification instruction the banner ends with (`SECRET//NOFORN//X1`,
   * `…//20320108`, `…//MR`), as written; an instruction of the document beside its Declassify On
   * or E.O. line. Absent when there is none.
   */
  readonly declassifyOn?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A diagnostic is data (shaped after VFileMessage). Tests assert `code`, never prose.
 * Codes are kebab-case and stable, e.g. `unmarked-portion`, `unknown-marking`, `decl-unrecognised`.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  /** One sentence: what was found, and what was expected. */
  readonly message: string;
  readonly span?: Span;
}

/** A date-time group and what it means. */
export interface DateTimeGroup {
  /** As written, e.g. `131627Z FEB 08`. */
  readonly raw: string;
  readonly span: Span;
  /** ISO date the cable originated, e.g. `2008-02-13`. */
  readonly date: string;
}

/** A header field kept as raw text with its position, e.g. the TAGS or SUBJECT line. */
export interface Field {
  readonly raw: string;
  readonly span: Span;
}

/** The routing header (`O 131627Z FEB 08`, `FM`, `TO`, `INFO`). */
export interface RoutingHeader {
  /** Precedence prosign(s) as written, e.g. `O`, `R`, `P`, `OO`. */
  readonly precedence: string | null;
  readonly dtg: DateTimeGroup | null;
  readonly from: Field | null;
  readonly to: readonly Field[];
  readonly info: readonly Field[];
}

/** A leaked database record at the top of some corpus files (`id:`, `date:`, `refid:` …). */
export interface DatabaseRecord {
  readonly span: Span;
  /** Field name (lower case) → value as written. */
  readonly fields: Readonly<Record<string, string>>;
}

/** The banner: the overall classification line(s) near the top of the body. */
export interface Banner {
  /** The classification words as written, e.g. `C O N F I D E N T I A L`, `UNCLAS`, `SECRET//NOFORN`. */
  readonly raw: string;
  readonly span: Span;
  /** Parsed banner marking; `null` when the banner words were not understood (fail closed). */
  readonly marking: Marking | null;
  /** Caveat lines that belong to the banner (`NOFORN`, `SENSITIVE`, `SIPDIS` excluded), with their spans. */
  readonly caveats: readonly Field[];
  /** `SECTION 01 OF 03` when present. */
  readonly section: Field | null;
  /**
   * The banner's words and caveat lines where the cable is printed again (an extract followed by
   * the full record): a release shows the release banner there too. Absent when there are none.
   */
  readonly repeats?: readonly { readonly span: Span; readonly caveats: readonly Span[] }[];
}

/** The `E.O. 12958: DECL: 02/13/2018` line, kept as written. */
export interface ExecutiveOrderLine {
  /** The whole line as written. */
  readonly raw: string;
  readonly span: Span;
  /** The order's number as written (`12958`, `12598` typo, `13526`) or null if unreadable. */
  readonly order: string | null;
  /** The declassification instruction exactly as written after `DECL:` (or after the colon), or null. */
  readonly decl: string | null;
  readonly declSpan: Span | null;
}

/** `Classified By: … REASONS: 1.4 (B) AND (D)`. */
export interface ClassifiedBy {
  readonly raw: string;
  readonly span: Span;
  /** Normalised reasons, lower-case letters: `['1.4(b)', '1.4(d)']`; `1.5(d)` for pre-2003 cables. */
  readonly reasons: readonly string[];
}

/**
 * What a portion is. `subject` is the SUBJECT line; `paragraph` a numbered (or lettered top-level)
 * paragraph in a cable, any body paragraph in a document; `subparagraph` a lettered or numbered
 * item inside one; `text` unnumbered body text (e.g. under `CONFIDENTIAL - ENTIRE TEXT`, or a
 * cable with no numbered paragraphs); `signature` the signer line(s) at the end.
 *
 * Documents read by the document reader (`format: 'document'`) also have: `title` (the document's
 * title: a Markdown `# ` heading, or the first line above the header block); `heading` (a Markdown
 * heading, or a line marked at its end such as `Other Support (U)`); `bullet` (an item of a
 * bulleted list); `item` (a numbered or lettered item); `table-row` (a row of a Markdown table);
 * `header` (the `FROM:` / `MEMORANDUM FOR:` / `TO:` lines of a memo or newsletter header).
 */
export type PortionKind =
  | 'subject'
  | 'paragraph'
  | 'subparagraph'
  | 'text'
  | 'signature'
  | 'title'
  | 'heading'
  | 'bullet'
  | 'item'
  | 'table-row'
  | 'header';

/** Which reader made a {@link Document}: the cable parser, or the reader of modern marked documents. */
export type DocumentFormat = 'cable' | 'document';

/**
 * A banner line of a modern document: at the top or bottom of a page (pages are separated by form
 * feeds `\f`, as pdftotext writes them), or on a line of its own inside the text.
 */
export interface PageBanner {
  /** The classification words as written, e.g. `TOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL`. */
  readonly raw: string;
  readonly span: Span;
  /** Every line of the banner, first to last content character (a DYNAMIC PAGE banner takes two). */
  readonly lines: readonly Span[];
  /** Parsed marking; `null` when the words were not understood (fail closed). */
  readonly marking: Marking | null;
  /** 1-based page number. */
  readonly page: number;
  /** `top` when no text comes before it on its page, `bottom` when none comes after, else `inline`. */
  readonly position: 'top' | 'bottom' | 'inline';
  /**
   * True for `DYNAMIC PAGE -- HIGHEST POSSIBLE CLASSIFICATION IS …`: the most the page could hold,
   * not the document's own classification. Such a banner is never the document's `banner`.
   */
  readonly highestPossible: boolean;
}

/** One line (field) of a classification authority block: the label and value as written. */
export interface AuthorityField {
  /** Label and value as written, e.g. `DECLASSIFY ON: 20320108`. */
  readonly raw: string;
  readonly span: Span;
  /** The value alone, e.g. `20320108` (trailing commas dropped). */
  readonly value: string;
  readonly valueSpan: Span;
  /**
   * A Declassify On field's own block's reasons, when two blocks each carry a Declassify On: its
   * run's `Reason`, or a Reason in a run without a Declassify On, else none (a derivative block).
   * B1 cites the reasons of the block whose instruction applies, not another's (probe 64c F4).
   */
  readonly blockReasons?: readonly string[];
}

/**
 * The classification authority block of a modern document (32 CFR 2001.21–2001.22), in any of its
 * forms: one field a line, two blocks side by side, or the single line
 * `DERIVED FROM: NSA/CSSM 1-52, DATED 08 JAN 2007 DECLASSIFY ON: 20320108`.
 */
export interface AuthorityBlock {
  /** The block's text as written, first to last content character. */
  readonly raw: string;
  readonly span: Span;
  /** Every line of the block. */
  readonly lines: readonly Span[];
  readonly classifiedBy: AuthorityField | null;
  readonly derivedFrom: AuthorityField | null;
  readonly reason: AuthorityField | null;
  /** Normalised reasons, e.g. `['1.4(c)']`. */
  readonly reasons: readonly string[];
  /** `Dated:` (or `, DATED …` inside Derived From): the date of the source, as written. */
  readonly dated: AuthorityField | null;
  /** The source date as an ISO date, when it could be read. */
  readonly sourceDate: string | null;
  /** Every `Declassify On:` field (two when two blocks stand side by side), in order. */
  readonly declassifyOn: readonly AuthorityField[];
}

/**
 * How the portion's marking was established.
 * - `marked`: its own mark was parsed.
 * - `unknown`: a mark is present but was not understood (`(C0)`, `(S//N F)`): fail closed.
 * - `unmarked`: no mark at all.
 * - `entire-text`: covered by a `CONFIDENTIAL - ENTIRE TEXT` statement.
 * - `inherited`: a subparagraph or continuation that takes its parent's marking.
 */
export type MarkingSource = 'marked' | 'unknown' | 'unmarked' | 'entire-text' | 'inherited';

export interface Portion {
  /** Stable id used in decisions and audits: `subject`, `p3`, `p3.a`, `text1`, `signature`. */
  readonly id: string;
  readonly kind: PortionKind;
  /** The paragraph number or letter as written, without dot or `¶` (`"3"`, `"A"`), or null. */
  readonly number: string | null;
  /** Id of the enclosing paragraph for subparagraphs, else null. */
  readonly parent: string | null;
  /** The effective marking (own mark, or the ENTIRE-TEXT / parent marking), or null. */
  readonly marking: Marking | null;
  readonly markingSource: MarkingSource;
  /** The mark as written, e.g. `(C)`, with its span, when one is present (also for `unknown`). */
  readonly mark: Field | null;
  /** The whole portion, from its number (or first character) to its last content character. */
  readonly span: Span;
  /**
   * The content of the portion split around page furniture: concatenating the source at these spans
   * gives the portion without the page headers that interrupt it. Usually one segment.
   */
  readonly segments: readonly Span[];
  /**
   * Documents only, on an unmarked portion: it is in a quoted message of an e-mail printout whose
   * own classification lines say UNCLASSIFIED (parse/document/messages.ts). Absent otherwise.
   */
  readonly inUnclassifiedMessage?: true;
  /**
   * Documents only, on an unmarked portion not in such a message: it is on a page (of several) or
   * in the newest message of a printout whose own banner lines all say UNCLASSIFIED, in a document
   * that may be classified (parse/document/own-banner.ts). Absent otherwise.
   */
  readonly underUnclassifiedBanner?: true;
  /**
   * Documents only, on a portion whose marking is `unknown`: its mark was read, but where it
   * applies was not (a mark that ends several sentences: which of them it marks is not known;
   * diagnostic `trailing-mark-unplaced`). Absent otherwise, and whenever the mark itself was not
   * understood. The decision's reason says so, not that the mark was not understood.
   */
  readonly markUnplaced?: true;
  /**
   * Documents only, on a table row whose marking is `unknown`: its mark was read, but it marks
   * the row's first cell only, and the other cells carry none (`| (U) Bob | the source |`): the
   * row's level is not known. The decision's reason says so. Absent otherwise.
   */
  readonly markFirstCellOnly?: true;
  /**
   * Documents only, on a table row whose marking is `unknown`: some of its cells carry a mark and
   * another holding text carries none (`| (U) CAN | active | (S//NF) … |`): the row's level is not
   * known, but it is at least `atLeast`, the most restrictive of its marked cells (null when one of
   * their marks was not understood). The decision's reason says so (not that only the first cell is
   * marked). Absent otherwise.
   */
  readonly rowCellsPartlyMarked?: { readonly atLeast: Level | null };
  /**
   * Documents only, on an unmarked bullet or list item set right under a marked lead-in (`(U) The
   * items below:` / `• …`): each item of a list is a portion and carries its own mark (CAPCO), so
   * it is unmarked text, not the lead-in's. The decision's reason and the lint say so. Absent otherwise.
   */
  readonly listItemUnderMark?: true;
  /**
   * On a portion whose level a mark inside its text raised above its own mark's (or, a
   * subparagraph, its paragraph's): that level and the inner mark as written (`(U) The officer
   * (S) said …`: U, `(S)`). Diagnostic `mark-raised-inside`. Absent otherwise.
   */
  readonly raisedFrom?: RaisedFrom;
}

/** The level a portion's own mark gives it, below the level a mark inside its text raised it to. */
export interface RaisedFrom {
  readonly level: Level;
  /** The first inner mark that raised it, as written. */
  readonly by: string;
}

/** A cable, as read. Keeps the source verbatim; everything else points into it. */
export interface Document {
  /** Verbatim input (after decoding to a string). Never modified. */
  readonly source: string;
  /** Reference id such as `08BERLIN173`, or null when not derivable. */
  readonly ref: string | null;
  /** ISO date of origin, or null when unknown. */
  readonly originated: string | null;
  readonly record: DatabaseRecord | null;
  readonly routing: RoutingHeader;
  readonly banner: Banner | null;
  readonly eo: ExecutiveOrderLine | null;
  /**
   * Cable parser only: E.O. lines with a declassification instruction in the text after the
   * header (a second instruction the header's does not settle); absent when there are none.
   */
  readonly eoInText?: readonly ExecutiveOrderLine[];
  /**
   * Cable parser only: `eo` is not in the document's own header but heads a cable it forwards or
   * quotes (an e-mail's body comes first, src/parse/forwarded-eo.ts); absent otherwise.
   */
  readonly eoForwarded?: true;
  /**
   * Cable parser only: State's declassification stamp under the banner (`Declassified/Released US
   * Department of State EO` / `Systematic Review 05 JUL 2006`), a declassification marking (32 CFR
   * 2001.25) as `DECLASSIFIED BY NARA …` on an E.O. line is; absent when there is none.
   */
  readonly declassifiedStamp?: Field;
  readonly tags: Field | null;
  readonly subject: Field | null;
  readonly refs: readonly Field[];
  readonly classifiedBy: ClassifiedBy | null;
  /** `CONFIDENTIAL - ENTIRE TEXT` style statement, when present. */
  readonly entireText: Field | null;
  readonly portions: readonly Portion[];
  /** Page furniture (repeated page headers), never content. */
  readonly furniture: readonly Span[];
  /**
   * Header and frame lines that are neither portions nor furniture (routing, database record,
   * banner and caveats, SIPDIS, E.O., TAGS, REF, Classified By, WikiLeaks notices, `NNNN`), one
   * span per line (or piece of a re-flowed line), first to last content character. Together with
   * `furniture` and the portions' spans they cover every non-blank character of `source` exactly
   * once. Optional for backward compatibility; the parser always sets it.
   */
  readonly boilerplate?: readonly Span[];
  /**
   * Document reader only: the quoted messages of an e-mail printout that are certainly
   * unclassified (parse/document/messages.ts), from the line after their separator to their last
   * classification line. Absent when there are none.
   */
  readonly unclassifiedMessages?: readonly Span[];
  /**
   * Document reader only: the quoted messages of an e-mail printout that carry classification lines
   * of their own, whatever they say (parse/document/messages.ts), each from the line after its
   * separator to its last such line. Those lines speak for their message, not the printout.
   */
  readonly quotedMessages?: readonly Span[];
  readonly diagnostics: readonly Diagnostic[];
  /** Which reader made this document; absent means the cable parser (documents before issue 16). */
  readonly format?: DocumentFormat;
  /** The classification authority block (document reader only; null when the document has none). */
  readonly authority?: AuthorityBlock | null;
  /**
   * Every banner line of a document, top and bottom of each page (document reader only). The first
   * that is not a DYNAMIC PAGE banner is also `banner`.
   */
  readonly pageBanners?: readonly PageBanner[];
  /**
   * What says a document whose banner is UNCLASSIFIED may be classified: another banner or
   * classification line above U (or not understood), a classification authority block, a
   * declassification instruction. Its unmarked text is then withheld pending review (fail
   * closed). Empty when the banner is not UNCLASSIFIED; absent in documents made before it.
   */
  readonly classifiedSigns?: readonly ClassifiedSign[];
  /**
   * The levels of a cable's classification lines in its text (a later section's `S E C R E T
   * SECTION 02 OF 02 …`, a page's bare `SECRET`), the first line of each: one above the banner
   * keeps a passed date from declassifying the cable (declass/assess.ts). Absent when there are none.
   */
  readonly classificationLines?: readonly { readonly level: Level; readonly span: Span; /** The instruction the line ends with (`//20400101`), as its marking read it. */ readonly declassifyOn?: string }[];
  /**
   * The classification lines in a document's text whose words read as a classification that was
   * not understood (`S3CRET`, `TOP SECRET//XYZZY`): the level of the text they head is not known, so
   * no declassification instruction covers it (declass/assess.ts). Absent when there are none.
   */
  readonly unreadClassificationLines?: readonly Span[];
}

/** One thing in an UNCLASSIFIED-bannered document that says it may be classified. */
export interface ClassifiedSign {
  /** What it is, for the reviewer: `the banner on page 2 reads SECRET`, `a Classified By line`. */
  readonly what: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Declassification instructions (issue: declass check)

/** What kind of declassification instruction a DECL value is. */
export type DeclKind =
  | 'date' // an explicit date
  | 'duration' // `TEN YEARS`, resolved against the origination date
  | 'event' // an event in words
  | 'exemption' // X1–X8, 1.6X1, 25X#, 50X1-HUM, 50X2-WMD, 75X#
  | 'oadr' // OADR
  | 'manual-review' // MR
  | 'gds' // GDS / XGDS (E.O. 11652)
  | 'agency-only' // DCI Only, DNI Only
  | 'downgrade' // DNG: CO 03/06/2018 (a downgrade, not a declassification)
  | 'not-applicable' // N/A on unclassified documents
  | 'source-list' // `N/A to RD/FRD/TFNI portions. See source list for NSI portions.` (32 CFR 2001.24(h)(3)): no date in the document
  | 'none' // no E.O. line at all (raw null), or one that gives no usable instruction: empty, a placeholder such as `(##)`, or cut off (see `truncated`)
  | 'unrecognised';

export interface DeclValue {
  /** Exactly as written, or null when there is no E.O. line. */
  readonly raw: string | null;
  readonly kind: DeclKind;
  /** The explicit date (ISO), or the date a duration resolves to; null otherwise. */
  readonly date: string | null;
  /** Exemption or obsolete codes, normalised: `X1`, `25X1`, `50X1-HUM`, `OADR`, `GDS`. */
  readonly codes: readonly string[];
  /** For durations: the number of years. */
  readonly years?: number;
  /** For events: the event as written. */
  readonly event?: string;
  /**
   * True when the value was cut off in the source (`DE...`, `DECL: 08...` in partial extracts), so
   * the instruction the original carried cannot be read. Absent otherwise.
   */
  readonly truncated?: boolean;
  /**
   * The date of source of a derivative instruction (`Source marked OADR, Date of source: 19950101`):
   * a prior-order marking's 25-year date counts from it (CAPCO §E.6). Absent otherwise.
   */
  readonly sourceDate?: string;
  /**
   * Human-readable notes on every non-literal reading (typo `DECLl`, two-digit year expanded,
   * `25X1-HUMAN` replaced by `50X1-HUM`, downgrade target). Empty or absent when the value is canonical.
   */
  readonly notes?: readonly string[];
}

/** Status of a document's classification as of a date. */
export type DeclStatus = 'unclassified' | 'classified' | 'declassified' | 'review' | 'invalid';

export interface DeclAssessment {
  readonly decl: DeclValue;
  readonly status: DeclStatus;
  /** The governing order by origination date: `E.O. 12958`, `E.O. 13526`, … or null. */
  readonly order: string | null;
  /** When the classification lapses (explicit or resolved date), or null. */
  readonly declassifyOn: string | null;
  /** Automatic declassification date (31 Dec of the 25th year, or 50/75 with exemptions), or null. */
  readonly automaticOn: string | null;
  /** One sentence that says why, naming the rule. */
  readonly reason: string;
  /** Stable id of the rule that decided, e.g. `32cfr2001.12b`, `eo13526-3.3`. */
  readonly rule: string;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Where the instruction that decided is written (the DECL value, the Declassify On line, the
   * banner's last element); absent when there is none to point at.
   */
  readonly span?: Span;
}

// ---------------------------------------------------------------------------------------------
// Render models: what the text and PDF renderers lay out. Built by the engine from a Plan.

/** A run of text on a release line: plain text, or an inline redaction box. */
export type ReleaseRun =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'redacted';
      /** Authority printed in the box, e.g. `B6`. */
      readonly authority: string;
      /** Width of the removed text, in characters (so the box keeps its size; never the text). */
      readonly width: number;
    };

/** One block of the release, in order. */
export type ReleaseBlock =
  | { readonly kind: 'lines'; readonly lines: readonly (readonly ReleaseRun[])[] }
  | {
      readonly kind: 'withheld';
      /** Portion id, e.g. `p3`. */
      readonly portionId: string;
      /** Label kept in place of the portion, e.g. `¶3.` (may be empty). */
      readonly label: string;
      /** Authority printed in the box, e.g. `B1, 1.4(B), 1.4(D)`. */
      readonly authority: string;
      /** Number of lines the withheld text would have taken (at least 1). */
      readonly heightLines: number;
    };

/** Everything a release renderer (text or PDF) needs; contains no withheld text by construction. */
export interface ReleaseView {
  /** Release banner, e.g. `UNCLASSIFIED`. */
  readonly banner: string;
  /** Release stamp, e.g. `RELEASE IN PART B1, 1.4(B), 1.4(D)` or `RELEASE IN FULL`; may be empty. */
  readonly stamp: string;
  /** Reference id or file stem, shown in the header/footer. */
  readonly ref: string;
  /** Title for metadata: derived from released text only. */
  readonly title: string;
  readonly blocks: readonly ReleaseBlock[];
  /** The case footer of every page (`UNCLASSIFIED U.S. Department of State Case No. …`), when the release names a case. */
  readonly footer?: string;
}

/** The state of a stretch of original text in the review copy. */
export type ReviewState = 'released' | 'withheld' | 'redacted' | 'declassified' | 'furniture' | 'header';

/** A run of original text in the review copy, with its decision. */
export interface ReviewRun {
  readonly text: string;
  readonly state: ReviewState;
}

/** One line of the original text in the review copy. */
export interface ReviewLine {
  readonly runs: readonly ReviewRun[];
  /** Margin note on the first line of a decided portion: `p3 withheld public/classified B1, 1.4(B)`. */
  readonly note?: string;
  /** State of the portion this line belongs to (drives the line background / bar). */
  readonly state: ReviewState;
}

/** Everything the review ("diffed") PDF needs: the whole original, annotated. */
export interface ReviewView {
  /** Original classification to mark every page with, e.g. `CONFIDENTIAL`. */
  readonly classification: string;
  readonly ref: string;
  readonly title: string;
  /** Summary page: label/value pairs in order (Ref, Banner, DECL status, Profile, counts by authority…). */
  readonly summary: readonly (readonly [string, string])[];
  readonly lines: readonly ReviewLine[];
}

// ---------------------------------------------------------------------------------------------
// Release decisions (the engine's output; plain data, recorded in the audit record)

/** A reviewer's decision that took precedence over the profile, as recorded. */
export interface OverrideNote {
  readonly reviewer: string;
  readonly date: string;
  readonly note?: string;
}

/** The decision on one portion. Carries spans and reasons, never the portion's text. */
export interface Decision {
  readonly portionId: string;
  readonly kind: PortionKind;
  readonly number: string | null;
  readonly span: Span;
  /** The mark as written (`(C)`), or null when unmarked. */
  readonly mark: string | null;
  /** Effective level, or null when unmarked or not understood. */
  readonly level: Level | null;
  readonly markingSource: MarkingSource;
  /**
   * The level of the portion's own mark (or its paragraph's) when a mark inside its text raised
   * it to `level` (Portion.raisedFrom); absent otherwise. The inner mark is not recorded: it is
   * part of the portion's text.
   */
  readonly raisedFrom?: Level;
  readonly action: 'release' | 'withhold';
  /** A classified portion released because it was declassified; shown as such in the release. */
  readonly declassified: boolean;
  /** Full rule id, `<profile>/<rule>`, `<profile>/default-deny`, `<profile>/unknown-marking` or `override`. */
  readonly ruleId: string;
  /** Authority codes, expanded, e.g. `['B1', '1.4(B)', '1.4(D)']`; empty for plain releases. */
  readonly authority: readonly string[];
  /** One sentence saying why, naming the rule. */
  readonly reason: string;
  readonly override?: OverrideNote;
}

/** `RELEASE IN FULL`, `RELEASE IN PART`, `DENIED IN FULL`, or not final yet. */
export type DispositionKind = 'release-in-full' | 'release-in-part' | 'denied-in-full' | 'pending-review';

/** Why a portion is pending review, for summaries. */
export type PendingReason = 'unknown marking' | 'SBU/FOUO handling' | 'foreign government information' | 'classification by compilation' | 'declassification review' | 'foreign disclosure review' | 'level uncertain' | 'Atomic Energy Act review' | 'held for review by its rule' | 'held by a reviewer' | 'no rule decided';

/** A document's disposition: its kind, its stamp, the authorities it claims, and what is pending. */
export interface Disposition {
  readonly kind: DispositionKind;
  /** The stamp printed under the release banner (and on every PDF page). */
  readonly stamp: string;
  /** Authorities withheld or redacted under, in stamp order. */
  readonly authorities: readonly string[];
  /** Portions pending review, with why; empty for a final disposition. */
  readonly pending: readonly { readonly portionId: string; readonly reason: PendingReason }[];
}

/** A span removed from inside a released portion by a redact rule. */
/**
 * The portion id of a redaction in the text the release shows outside every portion (a cable's
 * routing lines, TAGS, REF, the banner line's other words; a PDF's unmarked lines): no portion has
 * it (portion ids are a kind, or `p` and a number: `p3`, `subject`, `header`, `signature2`).
 */
export const OUTSIDE_PORTIONS_ID = 'header-lines';

export interface Redaction {
  /** The portion the span is in, or OUTSIDE_PORTIONS_ID. */
  readonly portionId: string;
  readonly span: Span;
  readonly ruleId: string;
  readonly authority: readonly string[];
  readonly reason: string;
}

/** Everything decided about one document for one profile and date. Pure data; rendering comes after. */
export interface Plan {
  readonly document: Document;
  readonly profile: { readonly id: string; readonly description: string; readonly file: string; readonly sha256: string; readonly banner: 'foia' | 'rollup' };
  readonly overrides: { readonly file: string; readonly sha256: string } | null;
  readonly asOf: string;
  readonly declassification: DeclAssessment;
  /** One per portion, in document order. */
  readonly decisions: readonly Decision[];
  /** Sorted by span start, non-overlapping. */
  readonly redactions: readonly Redaction[];
  /** The recomputed banner of the release, e.g. `UNCLASSIFIED`. */
  readonly releaseBanner: string;
  /**
   * `RELEASE IN FULL`, `RELEASE IN PART B1, 1.4(B), 1.4(D)`, `DENIED IN FULL B1, 1.4(B)`, or
   * `PENDING REVIEW - NOT FOR RELEASE` while a portion awaits a reviewer (see `disposition`).
   */
  readonly stamp: string;
  /**
   * The declassification marking printed under the stamp (32 CFR 2001.25), e.g. `DECLASSIFIED ON
   * 2007-12-20 BY ITS DECLASSIFICATION INSTRUCTION (E.O. 12958: DECL: 12/20/07); REVIEWED AS OF
   * 2026-12-01`; '' when no portion is released as declassified (engine/declass-marking.ts).
   */
  readonly declassMarking: string;
  /** The final disposition (or pending review), with the authorities and the pending portions. */
  readonly disposition: Disposition;
  /** Diagnostics from the engine (the document's own are in `document.diagnostics`). */
  readonly diagnostics: readonly Diagnostic[];
}
