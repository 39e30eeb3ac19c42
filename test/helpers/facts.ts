import type { PortionFacts } from '../../src/rules/types.js';
import type { DeclStatus, Document, Level, Marking, MarkingSource, Portion, PortionKind } from '../../src/types.js';

/** A marking for tests: `mk('S', { controls: ['NOFORN'] })`. */
export function mk(level: Level, extra: Partial<Marking> = {}): Marking {
  return { raw: `(${level})`, level, sci: [], controls: [], relTo: [], fgi: [], normalisations: [], ...extra };
}

/** An empty document with optional overrides, for condition and engine tests. */
export function doc(extra: Partial<Document> = {}): Document {
  return {
    source: '',
    ref: 'TEST1',
    originated: '2008-02-13',
    record: null,
    routing: { precedence: null, dtg: null, from: null, to: [], info: [] },
    banner: null,
    eo: null,
    tags: null,
    subject: null,
    refs: [],
    classifiedBy: null,
    entireText: null,
    portions: [],
    furniture: [],
    diagnostics: [],
    ...extra,
  };
}

/** A portion for tests. */
export function portion(extra: Partial<Portion> & { marking?: Marking | null; markingSource?: MarkingSource; kind?: PortionKind } = {}): Portion {
  return {
    id: 'p1',
    kind: 'paragraph',
    number: '1',
    parent: null,
    marking: null,
    markingSource: 'unmarked',
    mark: null,
    span: { start: 0, end: 0 },
    segments: [],
    ...extra,
  };
}

/** Facts for one portion, with sensible defaults. */
export function facts(extra: { marking?: Marking | null; markingSource?: MarkingSource; kind?: PortionKind; documentClassified?: boolean; declStatus?: DeclStatus; documentMarking?: Marking | null; originated?: string | null; bannerAbovePortions?: boolean; inUnclassifiedMessage?: true; underUnclassifiedBanner?: true; banner?: Document['banner']; format?: Document['format'] } = {}): PortionFacts {
  const marking = extra.marking ?? null;
  const p = portion({ marking, markingSource: extra.markingSource ?? (marking ? 'marked' : 'unmarked'), kind: extra.kind ?? 'paragraph', ...(extra.inUnclassifiedMessage ? { inUnclassifiedMessage: true } : {}), ...(extra.underUnclassifiedBanner ? { underUnclassifiedBanner: true } : {}) });
  return {
    portion: p,
    document: doc({ originated: extra.originated === undefined ? '2008-02-13' : extra.originated, ...(extra.banner ? { banner: extra.banner } : {}), ...(extra.format ? { format: extra.format } : {}) }),
    marking,
    documentMarking: extra.documentMarking ?? null,
    documentClassified: extra.documentClassified ?? true,
    bannerAbovePortions: extra.bannerAbovePortions ?? false,
    declStatus: extra.declStatus ?? 'classified',
  };
}
