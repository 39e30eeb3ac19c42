/**
 * The independent check of issue 12 ("Done means"), with a small line-based reader of its own, not
 * the project's parser: for every classified cable that is not declassified as of 2010-12-01, every
 * line of the original that is not header and not inside a `(U)`-marked paragraph's own text must
 * be absent from the public release text (as a line). Unmarked text glued to a (U) paragraph (a
 * heading, a title, a website notice, the signature) is the one way a classified cable can leak.
 * Headings and website/signature blocks are also tested explicitly below.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../src/parse/decode.js';
import { parseCable } from '../../src/parse/index.js';
import { planRelease } from '../../src/release/index.js';
import { loadProfile } from '../../src/rules/load.js';
import { CORPUS_CABLES, HAS_CORPUS } from '../helpers/corpus.js';

const profile = loadProfile(readFileSync('rules/public.yaml', 'utf8'), 'rules/public.yaml');
const AS_OF = '2010-12-01';

/** A paragraph start as a reader sees it: `¶3.`, `3.`, `3. (C)`, or a bare mark `(U)` at the start of a line. */
const MARK = String.raw`\((?:U|C|S|TS|SBU)(?:\/{1,2}[A-Z][A-Z ,/-]{0,20})?\)`;
const PARAGRAPH_START = new RegExp(String.raw`^\s*(?:¶\s*)?(?:\d{1,3}\s?\.(?!\d)|(?:\d{1,3}\s+|[A-Za-z#][.)]\s*|-{1,2}\s*|\*\s*|•\s*)?${MARK})`, 'i');
/** A plain unclassified mark right after the number, letter or bullet: `¶3. (U)`, `3. (U)`, `A) (U)`, `-- (U)`, `(U)`. */
const U_START = /^\s*(?:¶\s*)?(?:\d{1,3}\s?\.?\s*|[A-Za-z#][.)]\s*|-{1,2}\s*|\*\s*|•\s*)?\(U\)/i;
/** A page header inside the body: `KABUL 00003867 002 OF 002`. */
const PAGE_HEADER = /\b\d{3}(?:\.\d)? OF \d{3}\b/i;
/** An item of a list: a bullet or a label. */
const LIST_ITEM = /^(?:-{1,2}|\*|•|o\s|\(?[a-z0-9]{1,3}[.)])/i;
/**
 * Lines that stand on their own: a `//…//` heading, a website notice or its address, a signer's
 * name, a short capitalised title without a full stop.
 */
const STANDALONE = /^(?:\/\/.*\/\/|(?:Please\s+)?visit\b.*\bclassified\s+web\s?site\b.*|https?:\/\/\S+|[A-Z][A-Za-z'&/-]*(?:\s+[A-Z][A-Za-z'&/-]*){0,7})$/;

/** Routing lines repeated inside a body (a second copy of the header) are header, not text. */
const ROUTING = /^(?:VZCZC|[OPRZ]{1,2}\s+(?:\d{6}Z|RUE)|DE\s+RUE|ZNY\s|FM\s|TO\s|INFO\s|R[A-Z]{3,}\/)/;
const SUBJECT = /^\s*SUBJ(?:ECT)?\s*:\s*(.*)$/i;
/** Lines that are not text: trailers, rules, page headers (`MADRID 00000865  002 OF 003`), a reasons line's rest (`ND D`: an AND broken over the line end, 07BRASILIA2262). */
const NOT_TEXT = /^(?:NNNN|BT|SIPDIS|End Cable Text|Classified By\b.*|REFS?:.*|¶?[A-Z]\.\s*\([A-Z]\)\s+[A-Z][A-Z .]+\s\d{2,}|\(?[a-h]\)?,? (?:and )?\(?[a-h]\)?\.?|a?nd \(?[a-h]\)?\.?|(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)(?:\/\/[A-Z/ ,-]+)?|[-=_*#>"'.\\ ]*|.*\b\d{3}(?:\.\d)? OF \d{3}\b.*|=+\s*CABLE ENDS\s*=+)$/i;

/**
 * The lines of a cable that must not appear in its release: the subject's text and every body
 * line outside a (U) paragraph's own text. A (U) paragraph's own text runs from its mark to the
 * first blank line, and on over a blank line only when its last line does not end a sentence.
 */
export function linesThatMustGo(source: string, insideU = false): string[] {
  const lines = source.split(/\r?\n/);
  // The last SUBJECT line: a partial extract followed by the full record repeats the header.
  const subject = lines.findLastIndex((l) => SUBJECT.test(l));
  const bodyStart = lines.findIndex((l, i) => i > subject && PARAGRAPH_START.test(l));
  if (subject < 0 || bodyStart < 0) return [];
  const out: string[] = [];
  const s = SUBJECT.exec(lines[subject]!)![1]!.trim();
  if (s && !/^\(U\)/i.test(s) && !insideU) out.push(s);
  let inU = false;
  let openSentence = false;
  let leadIn = false;
  let afterPage = false;
  for (let i = bodyStart; i < lines.length; i++) {
    // Rows of a leaked record end their lines with ` \` (an escaped newline): not part of the text.
    const raw = lines[i]!.trim();
    const t = raw.replace(/\s*\\$/, '');
    if (t === '') continue;
    // A block after a blank line ends the (U) paragraph unless the sentence runs on, a page header
    // came between, or it is an item of a list the paragraph announced with a colon.
    const blankBefore = (lines[i - 1]?.trim() ?? '') === '';
    if (blankBefore && inU && !openSentence && !afterPage && !(leadIn && LIST_ITEM.test(t))) inU = false;
    afterPage = PAGE_HEADER.test(t) || (afterPage && blankBefore && t === '');
    // A paragraph starts after a blank line or the end of a sentence (`sworn in on November ¶25.`
    // is a date the extract mangled, not paragraph 25).
    const prev = lines[i - 1]?.trim().replace(/\s*\\$/, '') ?? '';
    if (PARAGRAPH_START.test(t) && (prev === '' || /[.!?:;"')\]]$|^[-=_*~ ]{3,}$/.test(prev))) {
      inU = U_START.test(t);
      leadIn = false;
    }
    if (inU && /:["”]?$/.test(t)) leadIn = true;
    // A post's website notice ends any paragraph, with or without a blank line before it.
    if (/^(?:Please\s+)?visit\b.*\bclassified\s+web\s?site\b/i.test(t)) inU = false;
    // A sentence that runs on, or a lead-in with a colon, carries the paragraph over a blank line.
    if (!PAGE_HEADER.test(t)) openSentence = inU && !/[.!?"')\]]$/.test(t);
    if (inU === insideU && !NOT_TEXT.test(t) && !ROUTING.test(t)) out.push(raw);
  }
  return out;
}

/** The lines the release must not show, and which of them it shows. */
function shown(source: string, release: string): string[] {
  const released = new Set(release.split('\n').map((l) => l.trim()));
  const allowed = new Set(ownULines(source));
  return linesThatMustGo(source).filter((l) => released.has(l) && !allowed.has(l));
}

/** Lines inside (U) paragraphs (the same line withheld elsewhere may be shown there). */
function ownULines(source: string): string[] {
  return linesThatMustGo(source, true);
}

function release(source: string): { status: string; classified: boolean; text: string } {
  const doc = parseCable(source);
  const planned = planRelease(doc, profile, { asOf: AS_OF, stem: 'x' });
  const banner = doc.banner?.marking?.level ?? null;
  return { status: planned.plan.declassification.status, classified: banner !== null && banner !== 'U', text: planned.releaseText };
}

const cable = (body: string) =>
  ['C O N F I D E N T I A L MADRID 002653', '', 'SIPDIS', '', 'E.O. 12958: DECL: 07/13/2015', 'TAGS: PREL SP', 'SUBJECT: AMBASSADOR MEETS THE PRESIDENT', '', 'Classified By: Ambassador X. Reasons 1.4 (b) and (d).', '', body, ''].join('\n');

describe('the independent line reader, on cables made to test it', () => {
  it.each([
    ['a //heading// after a (U) paragraph', '¶1. (U) Released text.\n\n//BILATERAL RELATIONS//\n\n¶2. (C) Classified.', ['//BILATERAL RELATIONS//']],
    ['a title line after a (U) paragraph', '¶1. (U) Released text.\n\nBilateral Relations\n\n¶2. (C) Classified.', ['Bilateral Relations']],
    ['a website notice and the signer glued to a (U) paragraph', "¶1. (U) Released text.\nVisit Madrid's Classified Web Site at\nhttp://www.state.sgov.gov/p/eur/madrid\nAGUIRRE", ["Visit Madrid's Classified Web Site at", 'http://www.state.sgov.gov/p/eur/madrid', 'AGUIRRE']],
    ['a website notice after a blank line, the signer after it', "¶1. (U) Released text.\n\nPlease visit Madrid's Classified Website at:\nhttp://www.state.sgov.gov/p/eur/madrid\n\nAGUIRRE", ["Please visit Madrid's Classified Website at:", 'http://www.state.sgov.gov/p/eur/madrid', 'AGUIRRE']],
  ])('%s: the reader wants those lines gone, and the release has none of them', (_name, body, gone) => {
    const src = cable(body);
    expect(linesThatMustGo(src)).toEqual(['AMBASSADOR MEETS THE PRESIDENT', ...gone, '¶2. (C) Classified.'].filter((l) => src.includes(l)));
    const r = release(src);
    expect(r.classified && r.status === 'classified').toBe(true);
    expect(r.text).toContain('¶1. (U) Released text.');
    expect(shown(src, r.text)).toEqual([]);
  });
});

describe.skipIf(!HAS_CORPUS)('the independent line reader over the corpus', () => {
  it(`as of ${AS_OF}: no line outside a (U) paragraph of a classified cable is in its public release`, () => {
    const files = readdirSync(CORPUS_CABLES).filter((f) => f.endsWith('.txt')).sort();
    let cables = 0;
    let lines = 0;
    const found: string[] = [];
    for (const f of files) {
      const d = decodeInput(readFileSync(path.join(CORPUS_CABLES, f)));
      if (!d.ok) continue;
      const r = release(d.text);
      if (!r.classified || r.status === 'declassified') continue;
      cables++;
      lines += linesThatMustGo(d.text).length;
      for (const l of shown(d.text, r.text)) found.push(`${f}: ${l}`);
    }
    // This reader is deliberately simple: it does not follow lists under a lead-in, roman-numbered
    // items or REF lists the way the parser does, so some of the lines it reports sit inside (U)
    // paragraphs (read by hand: 09STATE117709's talking points, 09PANAMA171's `ii. (U)` items).
    // The classes issue 12 is about must be gone entirely: headings, titles, website notices and
    // signers, which this reader recognises on their own.
    const standalone = found.filter((f) => STANDALONE.test(f.slice(f.indexOf(': ') + 2)));
    console.log(`independent line check: ${cables} classified cables not declassified as of ${AS_OF}, ${lines} lines that must go, ${found.length} shown (reader limits), ${standalone.length} of them headings, titles, website or signature lines`);
    expect(standalone).toEqual([]);
    // 164 before issue 12's fix of 08BOGOTA4083 (the items `(a)`…`(i)` of an unmarked treaty text
    // read as subparagraphs of the (U) ¶6 above it, so released); the rest are the reader's limits.
    expect(found.length).toBeLessThanOrEqual(124);
  });
});
