/**
 * Probe 60b's findings that change a release, released through the CLI and read back (release
 * text, and the release PDF by pdfjs): no withheld word in release/, and the released words there.
 * - F2: a cable without an E.O. line whose header says `DECLASSIFY ON: 2030-05-30` went to pending/
 *   as having no instruction; it is released in part by that instruction.
 * - F5: `-- A. (C) …` / `-- B. (U) …`: A's portion ran over the line break and B's label, so the
 *   release read `-- A. [WITHHELD: …] (U) …` on one line; B's line now stays whole.
 */
import { describe, expect, it } from 'vitest';
import { releaseOneText } from '../helpers/released-texts.js';

const HEAD = `VZCZCXYZ0000
PP RUEHWEB

DE RUEHAK #9913 0011200
ZNY CCCCC ZZH
P 011200Z JUN 04
FM AMEMBASSY ANKARA
TO RUEHC/SECSTATE WASHDC PRIORITY 6115

C O N F I D E N T I A L ANKARA 009913

SIPDIS

`;

const NO_EO = `${HEAD}DECLASSIFY ON: 2030-05-30
TAGS: PREL PGOV TU
SUBJECT: (U) TEST

Classified By: Ambassador X; reasons 1.4 (b,d).

¶1. (C) ZQNOEOA the minister's views.

¶2. (U) UQNOEOB released in full.
`;

const LABELS = `${HEAD}E.O. 12958: DECL: 06/01/2031
TAGS: PREL PGOV TU
SUBJECT: (U) TEST

Classified By: Ambassador X; reasons 1.4 (b,d).

7. (U) UQLABELP parent paragraph with items:

-- A. (C) ZQLABELA the first item.
-- B. (U) UQLABELB the second item.
`;

const release = (text: string): Promise<Map<string, string>> => releaseOneText(text, { name: 'cable.txt' });

describe('probe 60b: released through the CLI', () => {
  it('F2: a Declassify On line without an E.O. line is the instruction: released in part, not pending', async () => {
    const files = await release(NO_EO);
    expect([...files.keys()].some((f) => f.startsWith('pending/'))).toBe(false);
    const txt = files.get('release/cable.txt')!;
    const pdf = files.get('release/cable.pdf')!;
    for (const t of [txt, pdf]) {
      expect(t).not.toContain('ZQNOEOA');
      expect(t).toContain('UQNOEOB');
    }
    expect(txt).toContain('RELEASE IN PART');
  });

  it('F5: B keeps its label and its own line; A is withheld', async () => {
    const files = await release(LABELS);
    const txt = files.get('release/cable.txt')!;
    const pdf = files.get('release/cable.pdf')!;
    for (const t of [txt, pdf]) {
      expect(t).not.toContain('ZQLABELA');
      expect(t).toMatch(/-- B\. \(U\) UQLABELB the second item\./);
    }
    expect(txt).toMatch(/\n-- A\. \[WITHHELD[^\n]*\]\n-- B\. \(U\) UQLABELB/);
  });
});
