/**
 * Authority codes in words, as a Vaughn index spells them out: FOIA exemptions (5 U.S.C. 552(b))
 * and the classification categories of E.O. 13526 §1.4 (and E.O. 12958 §1.5 as first issued,
 * which older cables cite). Pure.
 */
import { classificationReason } from '../rules/authority-items.js';

/** E.O. 13526 §1.4 (a)–(h). */
const SECTION_1_4: Readonly<Record<string, string>> = {
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities (including covert action), intelligence sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological, or economic matters relating to the national security',
  f: 'United States Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, infrastructures, projects, plans, or protection services relating to the national security',
  h: 'the development, production, or use of weapons of mass destruction',
};

/** E.O. 12958 §1.5 (a)–(g), as issued in 1995 (before E.O. 13292 renumbered them §1.4). */
const SECTION_1_5: Readonly<Record<string, string>> = {
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities (including special activities), intelligence sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological, or economic matters relating to the national security',
  f: 'United States Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, projects or plans relating to the national security',
};

/** FOIA exemptions, 5 U.S.C. 552(b)(1)–(9). */
const EXEMPTIONS: Readonly<Record<string, string>> = {
  '1': 'classified national security information',
  '2': 'internal personnel rules and practices',
  '3': 'information exempted from disclosure by statute',
  '4': 'trade secrets and confidential commercial or financial information',
  '5': 'privileged inter-agency or intra-agency communications',
  '6': 'personal privacy',
  '7': 'records compiled for law enforcement purposes',
  '8': 'reports of regulated financial institutions',
  '9': 'geological and geophysical information concerning wells',
};

/** One code in words: `1.4(B)` → `1.4(b) foreign government information`; `B6` → `(b)(6) personal privacy`. */
export function describeCode(code: string): string {
  // A reviewer's `Sec. 1.4(c)` or `§1.4(c)` is the category 1.4(c) (kept as written on the stamp).
  const category = /^1\.([45])\(([A-H])\)$/.exec(classificationReason(code) ?? '');
  if (category) {
    const letter = category[2]!.toLowerCase();
    const words = (category[1] === '4' ? SECTION_1_4 : SECTION_1_5)[letter];
    return words ? `1.${category[1]}(${letter}) ${words}` : code;
  }
  const exemption = /^B(\d)(?:\(([A-Fa-f])\))?$/.exec(code);
  if (exemption) {
    const words = EXEMPTIONS[exemption[1]!];
    const sub = exemption[2] ? `(${exemption[2].toUpperCase()})` : '';
    return words ? `(b)(${exemption[1]})${sub} ${words}` : code;
  }
  return code;
}

/** The codes of a withholding in words, `; `-separated, in the order given. */
export function describeAuthority(codes: readonly string[]): string {
  // Documents repeat a few combinations of codes, one per row of the index: each is put in words once.
  const key = JSON.stringify(codes);
  let words = DESCRIBED.get(key);
  if (words === undefined) {
    words = codes.map(describeCode).join('; ');
    if (DESCRIBED.size >= 4096) DESCRIBED.clear();
    DESCRIBED.set(key, words);
  }
  return words;
}

/** {@link describeAuthority}'s words by the codes (as JSON: one key per list). */
const DESCRIBED = new Map<string, string>();

/** The category codes (`1.4(b)`, `1.5(d)`) among a withholding's codes, in lower case. */
export function categoriesOf(codes: readonly string[]): string[] {
  return codes.flatMap((c) => {
    const reason = classificationReason(c);
    return reason ? [reason.replace(/\(([A-H])\)/, (_, l: string) => `(${l.toLowerCase()})`)] : [];
  });
}

/** The words of a category code (`1.4(b)` → `foreign government information`), or the code. */
export function categoryWords(code: string): string {
  return describeCode(code).replace(/^1\.[45]\([a-h]\) /, '');
}
