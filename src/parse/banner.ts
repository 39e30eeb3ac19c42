/** The banner: its classification words read as a marking, with the controls of its caveat lines. */
import { addControls, caveatWordsSetAside, normalisedNote, parseCaveat } from '../markings/index.js';
import { readBannerWords } from './banner-words.js';
import type { Banner, Diagnostic, Field, Marking } from '../types.js';
import type { HeaderResult } from './header/index.js';

/**
 * The banner the header pass found, read as a marking (typed banners such as `CC O N F I D E N
 * T I A L` repaired); `banner-unknown` when it is not understood, `marking-normalised` when it
 * was read with a repair.
 */
export function buildBanner(source: string, h: HeaderResult, diagnostics: Diagnostic[]): Banner | null {
  if (!h.banner) return null;
  const { line, match, caveats } = h.banner;
  const start = line.first + match.wordsStart;
  const end = line.first + match.wordsEnd;
  const raw = source.slice(start, end);
  const parsed = readBannerWords(raw);
  let marking: Marking | null = null;
  if (parsed.ok) {
    marking = parsed.marking;
    for (const c of caveats) {
      const controls = readCaveatLine(c, marking.level, diagnostics);
      if (controls.length > 0) {
        // SBU is an unclassified caveat: it does not apply to a classified banner.
        const apply = marking.level === 'U' ? controls : controls.filter((x) => x !== 'SBU' && x !== 'FOUO');
        if (apply.length > 0) marking = addControls(marking, apply, `caveat line ${JSON.stringify(c.raw)} added`);
      }
    }
    marking = { ...marking, raw, span: { start, end } };
    if (parsed.marking.normalisations.length > 0) {
      diagnostics.push({
        ...normalisedNote(parsed.marking.normalisations),
        message: `Banner ${JSON.stringify(raw)} read as ${marking.level}: ${parsed.marking.normalisations.join('; ')}.`,
        span: { start, end },
      });
    }
  } else {
    diagnostics.push({ severity: 'error', code: 'banner-unknown', message: parsed.message, span: { start, end } });
  }
  const section = match.section
    ? { raw: source.slice(line.first + match.section.start, line.first + match.section.end), span: { start: line.first + match.section.start, end: line.first + match.section.end } }
    : null;
  const repeats = h.repeatedBanners.map((b) => ({
    span: { start: b.line.first + b.match.wordsStart, end: b.line.first + b.match.wordsEnd },
    caveats: b.caveats.map((c) => c.span),
  }));
  return { raw, span: { start, end }, marking, caveats, section, ...(repeats.length > 0 ? { repeats } : {}) };
}

/**
 * The controls of caveat line `c`. A line the header reader took for a caveat line but whose words
 * are not understood (`SENSITVE`, `PROTECT`) was dropped from the release without a word, and an
 * UNCLAS cable's text released in full: it is reported, and under an unclassified banner read as
 * SBU (pending review, fail closed); a classified banner withholds by its level anyway.
 */
function readCaveatLine(c: Field, level: string, diagnostics: Diagnostic[]): string[] {
  const controls = parseCaveat(c.raw);
  if (controls !== null) {
    captionWordsNote(c, controls, diagnostics);
    return controls;
  }
  const sbu = level === 'U';
  diagnostics.push({
    severity: 'warning',
    code: 'caveat-unknown',
    message: `The caveat line ${JSON.stringify(c.raw)} under the banner was not understood${sbu ? ': read as SBU, pending review' : ''}.`,
    span: c.span,
  });
  return sbu ? ['SBU'] : [];
}

/**
 * A caption line read as its distribution caption with other words set aside (`EXDIS EYES ONLY`):
 * said in the record, a warning when those words are not an addressee (`NODIS XYZZY`), for a
 * reviewer to read the line; the caption covers the telegram either way (fail closed).
 */
function captionWordsNote(c: Field, controls: readonly string[], diagnostics: Diagnostic[]): void {
  const aside = caveatWordsSetAside(c.raw);
  if (!aside) return;
  const read = `The caption line ${JSON.stringify(c.raw)} was read as ${controls.join(', ')}, which covers the whole telegram`;
  diagnostics.push(
    aside.addressee
      ? { severity: 'info', code: 'caption-addressee', message: `${read}; ${JSON.stringify(aside.words)} names who reads it.`, span: c.span }
      : { severity: 'warning', code: 'caption-unknown', message: `${read}; ${JSON.stringify(aside.words)} was not understood: a reviewer should read the line.`, span: c.span },
  );
}
