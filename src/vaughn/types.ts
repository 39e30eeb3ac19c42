/**
 * The Vaughn index (Vaughn v. Rosen, 484 F.2d 820 (D.C. Cir. 1973)) as data: one row per
 * withholding of a release folder, built from the audit records and the release texts only, so
 * it holds nothing the release does not (it may be handed out). Plain JSON-serialisable data.
 */
import type { DispositionKind } from '../types.js';

/** Format tag of the JSON index. */
export const INDEX_FORMAT = 'declass-vaughn-index/1';

/** Where a withholding is. Page and line are 1-based; null when unknown (no release PDF or text). */
export interface IndexLocation {
  /** Page of the release PDF. */
  readonly page: number | null;
  /** The portion as a reader finds it: `¶3`, `¶3.A`, `subject line`, `header`. */
  readonly paragraph: string;
  /** Line of the release text (of its placeholder, or of the denial's count line). */
  readonly line: number | null;
}

/** One withholding: a withheld portion or a span redacted inside a released one. */
export interface IndexRow {
  /** 1-based, in document order, documents in order of reference. */
  readonly no: number;
  /** The reference, or the file stem when there is none. */
  readonly document: string;
  /** The output stem (`release/<stem>.pdf`). */
  readonly stem: string;
  /** `C00000001`, or null when the release names no case. */
  readonly docNumber: string | null;
  /** Date of origin (ISO), or null. */
  readonly date: string | null;
  /** The subject as released, `[subject withheld]`, or null when the document has none (or no release text). */
  readonly subject: string | null;
  /** `FM …; TO …` as released, or null. */
  readonly fromTo: string | null;
  /** Pages of the release PDF, or null. */
  readonly pages: number | null;
  readonly disposition: DispositionKind;
  /** Portion id in the audit record (`p3`). */
  readonly portion: string;
  readonly kind: 'withheld' | 'redacted';
  readonly location: IndexLocation;
  /** The authority codes exactly as the record gives them (`B1`, `1.4(B)`, `1.4(D)`). */
  readonly authority: readonly string[];
  /** The exemptions in words: `(b)(1) classified national security information; 1.4(b) foreign government information; …`. */
  readonly exemptions: string;
  /** Full rule id, e.g. `public/classified`. */
  readonly rule: string;
  /** Why it applies, from the rule's reason and the classification facts; never the withheld text. */
  readonly justification: string;
  /** The segregability statement of the document (the same on each of its rows). */
  readonly segregability: string;
}

/** The whole index. */
export interface VaughnIndex {
  readonly format: typeof INDEX_FORMAT;
  /** The FOIA case number, or null. */
  readonly case: string | null;
  readonly asOf: string | null;
  readonly profile: string | null;
  /** Documents in the folder (those without a withholding have no row). */
  readonly documents: number;
  /**
   * The banner of the text the index quotes (the released subjects), when it is classified: an
   * index handed to a cleared reader (profile us-secret) quotes a SECRET subject and is SECRET,
   * top and bottom of each page. Absent when it quotes nothing classified (a public release).
   */
  readonly classification?: string;
  readonly rows: readonly IndexRow[];
}
