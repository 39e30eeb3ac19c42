/**
 * Probe 62a F3 and F6 (fix62d), through the CLI.
 * - F3: cable paragraph labels `2.A.`, `PARA n.` and roman numerals directly under a (U)
 *   paragraph: an unmarked one is a portion of its own (it was released as the (U) paragraph's
 *   text); `2.A. (U)` is one (U) portion, not paragraph 2 whose text is `A.` withheld under B1.
 *   Release text and PDF (read back by pdfjs) hold no `ZQ…` word and every `UQ…` word released.
 * - F6: an e-mail that forwards a cable: the cable's E.O. line is found below the e-mail's body and
 *   weighed with the e-mail's Declassify On (it was said to have no E.O. line); a memo's own
 *   authority block, not a quoted one above it, gives the reasons.
 * - probe 62c F1, F2 (mend62h): an e-mail whose own header has no E.O. line and whose only
 *   instructions are forwarded or quoted ones (two forwarded cables, an E.O. line quoted under the
 *   cable, a forwarded or `>`-quoted memo's Declassify On) is `decl-forwarded-only` review
 *   whatever their number: it was declassified whole by the quoted dates (f6c487e).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { releaseOneText } from '../helpers/released-texts.js';
import { probeCable } from '../helpers/probe-cable.js';

const cable = (body: string): string => probeCable('(C)', body);
const LONG = 'text that is long enough to fill the line of the cable';

const release = (text: string): Promise<Map<string, string>> => releaseOneText(text);

async function explain(text: string, command = 'explain'): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'declass-p62d-ex-'));
  const file = path.join(dir, 'doc.txt');
  writeFileSync(file, text);
  const run = await runCli(command === 'lint' ? ['lint', file] : [command, file, '--profile', 'public', '--as-of', '2026-12-01']);
  return run.stdout + run.stderr;
}

const words = (text: string, prefix: string): string[] => [...new Set(text.match(new RegExp(`\\b${prefix}[A-Z0-9]+\\b`, 'g')) ?? [])];

const CASES: [name: string, input: string, released: string[]][] = [
  // F3: leaked on 1412cb4.
  ['2.B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\n2.B. ZQB unmarked next label.`), ['UQA']],
  ['PARA 3. under PARA 2. (U)', cable(`PARA 2. (U) UQA ${LONG}.\nPARA 3. ZQB unmarked next label.`), ['UQA']],
  ['PARA 3 under PARA 2 (U), no stops', cable(`PARA 2 (U) UQA ${LONG}.\nPARA 3 ZQB unmarked next label.`), ['UQA']],
  ['III. under II. (U)', cable(`II. (U) UQA ${LONG}.\nIII. ZQB unmarked next label.`), ['UQA']],
  ['iii) under ii) (U)', cable(`ii) (U) UQA ${LONG}.\niii) ZQB unmarked next label.`), ['UQA']],
  ['2.B. under 2.A. (U) inside paragraph 2', cable(`2. (U) UQP2 points follow.\n2.A. (U) UQA ${LONG}.\n2.B. ZQB unmarked next label.`), ['UQP2', 'UQA']],
  ['II. under I. (U)', cable(`I. (U) UQA ${LONG}.\nII. ZQB unmarked next label.`), ['UQA']],
  // Probe 62c F4: leaked at f6c487e (the next letter written short under a paragraph numbered 2.A).
  ['B. under 2.A. (U)', cable(`2.A. (U) UQA ${LONG}.\nB. ZQB unmarked next letter alone.`), ['UQA']],
  // Controls: held on 1412cb4 and still hold; (U) text still released.
  ['2.A. (U) wrapped to a second line', cable(`2.A. (U) UQA ${LONG}\nUQWRAP and ends here.`), ['UQA', 'UQWRAP']],
  ['PARA 2. (U) wrapped to a second line', cable(`PARA 2. (U) UQA ${LONG}\nUQWRAP and ends here.`), ['UQA', 'UQWRAP']],
  ['2.B. (U) under 2.A. (C)', cable(`2.A. (C) ZQA ${LONG}.\n2.B. (U) UQB public next label.`), ['UQB']],
  ['3. under 2. (U)', cable(`2. (U) UQA ${LONG}.\n3. ZQB unmarked next label.`), ['UQA']],
  ['¶3. under ¶2. (U)', cable(`¶2. (U) UQA ${LONG}.\n¶3. ZQB unmarked next label.`), ['UQA']],
  ['3) under 2) (U)', cable(`2) (U) UQA ${LONG}.\n3) ZQB unmarked next label.`), ['UQA']],
  ['B. under A. (U)', cable(`A. (U) UQA ${LONG}.\nB. ZQB unmarked next label.`), ['UQA']],
  ['(C) under 2. (U)', cable(`2. (U) UQA ${LONG}.\n(C) ZQB confidential next block.`), ['UQA']],
  ['2.B. after a blank line', cable(`2.A. (U) UQA ${LONG}.\n\n2.B. ZQB unmarked next label.`), ['UQA']],
  ['III. after a blank line', cable(`2. (U) UQA ${LONG}.\n\nIII. ZQB unmarked next label.`), ['UQA']],
  ['PARA 3. after a blank line', cable(`PARA 2. (U) UQA ${LONG}.\n\nPARA 3. ZQB unmarked next label.`), ['UQA']],
  ['a reference to PARA 3 mid-sentence', cable(`2. (U) UQA ${LONG} as in\nPARA 3 UQREF above and more.`), ['UQA', 'UQREF']],
];

describe('probe 62a F3: cable paragraph labels, released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released) => {
    const files = await release(input);
    expect(files.size).toBeGreaterThanOrEqual(2);
    for (const [file, text] of files) {
      for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
      if (!file.startsWith('release/')) continue;
      for (const w of released) expect(text, `${file}: ${w}`).toContain(w);
      for (const w of words(input, 'UQ').filter((x) => !released.includes(x))) expect(text, `${file}: ${w}`).not.toContain(w);
    }
  });

  it('2.A. (U) is one (U) portion: the label A. is no unmarked paragraph withheld under B1', async () => {
    const out = await explain(cable(`2.A. (U) UQA ${LONG}.\n2.B. ZQB unmarked next label.`));
    expect(out).toMatch(/^13:1 +p2A +\(U\) +RELEASED/m);
    expect(out).toMatch(/^14:1 +p2B +\(unmarked\) +WITHHELD B1/m);
    expect(out).not.toMatch(/^13:1 +p2 +\(unmarked\)/m);
  });

  it('PARA 2. (U) is paragraph 2, not a mark inside paragraph 1', async () => {
    const out = await explain(cable(`PARA 2. (U) UQA ${LONG}.\nPARA 3. ZQB unmarked next label.`));
    expect(out).toMatch(/^13:1 +p2 +\(U\) +RELEASED/m);
    expect(out).toMatch(/^14:1 +p3 +\(unmarked\) +WITHHELD B1/m);
  });
});

const FORWARD = (ownDecl: string, cableDecl = '03/15/2036'): string => `SECRET//NOFORN

From: Analyst One
To: Desk Officer
Subject: (U) RE: UQSUBJ follow-up

(U) UQBODY Thanks, see the cable forwarded below.

-----Forwarded Message-----
From: Cable Desk

C O N F I D E N T I A L ROME 000123

E.O. 12958: DECL: ${cableDecl}
TAGS: PREL, IT
SUBJECT: ZQCABSUBJ MEETING

Classified By: ZQCLASSBY Political Counselor
Reason: 1.4(b) and (d)

1. (C) ZQCAB1 the minister said no.

2. (U) UQCAB2 the minister smiled.

SPOGLI
${ownDecl}
SECRET//NOFORN
`;

const OWN_BLOCK = '\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20360315\n';

describe('probe 62a F6: an e-mail that forwards a cable', () => {
  it('reads the forwarded E.O. line: no "no E.O. line" claim, classified until 2036, released in part', async () => {
    const out = await explain(FORWARD(OWN_BLOCK));
    expect(out).toContain('DECL 03/15/2036 (line 14): classified as of 2026-12-01');
    expect(out).not.toMatch(/no E\.O\. line|decl-missing/);
    const files = await release(FORWARD(OWN_BLOCK));
    const txt = files.get('release/doc.txt')!;
    for (const w of ['UQSUBJ', 'UQBODY', 'UQCAB2']) expect(txt).toContain(w);
    for (const [file, text] of files) for (const w of words(FORWARD(OWN_BLOCK), 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
  });

  it('lint says where the E.O. line was found (eo-forwarded)', async () => {
    expect(await explain(FORWARD(OWN_BLOCK), 'lint')).toMatch(/^ *14:1 +warning .*heading a cable it forwards.*eo-forwarded$/m);
  });

  it('two instructions that disagree: the most protective, with a warning', async () => {
    const out = await explain(FORWARD(OWN_BLOCK, '03/15/2021'));
    expect(out).toMatch(/disagree: "03\/15\/2021" \(the E\.O\. line of a forwarded cable, line 14\), "20360315" \(a Declassify On line of a forwarded or quoted message, line \d+\); the most protective, "20360315"/);
    expect(out).toContain('classified as of 2026-12-01');
  });

  it('a forwarded cable\'s passed date alone does not declassify the e-mail: review', async () => {
    const out = await explain(FORWARD('', '03/15/2021'));
    expect(out).toMatch(/review as of 2026-12-01\. Its only declassification instructions are those of a cable or message it forwards or quotes/);
    expect(out).not.toMatch(/no E\.O\. line|decl-missing/);
  });
});

describe('probe 62a F6: a quoted authority block in a memo', () => {
  const memo = `SECRET//NOFORN

From: Analyst One
To: Desk Officer
Subject: (U) UQSUBJ follow-up

(U) UQBODY Thanks.
Classified By: ZQCB Political Counselor
Reason: 1.4(b) and (d)


(S//NF) ZQA secret para.

Classified By: J. Smith
Reason: 1.4(c)
Declassify On: 20360315

SECRET//NOFORN
`;
  it('the document\'s own block (with its Declassify On) gives the reasons', async () => {
    const out = await explain(memo);
    expect(out).toContain('RELEASE IN PART B1, 1.4(C)');
    expect(out).not.toContain('1.4(B)');
  });
});

const MAIL_HEAD = `SECRET//NOFORN

From: Analyst One
To: Desk Officer
Subject: (U) RE: UQSUBJ follow-up

(S//NF) ZQBODY the analyst's own secret comment.

(U) UQBODY Thanks, see the cable forwarded below.
`;

const ROME = (n: string, mark: string, decl: string, extra = ''): string => `
-----Forwarded Message-----
From: Cable Desk

${mark} ROME 000${n}

E.O. 12958: DECL: ${decl}
TAGS: PREL, IT
SUBJECT: ZQSUBJ${n} MEETING
${extra}
1. (C) ZQCAB${n} the minister said no.

2. (U) UQCAB${n} the minister smiled.

SPOGLI
`;

const CLASSIFIED_BY = '\nClassified By: ZQCLASSBY Political Counselor\nReason: 1.4(b) and (d)\n';
const FORWARDED_MEMO = (quote: string): string => `
-----Forwarded Message-----
From: Other Office

(C) ZQFWD the forwarded memo's confidential text.

${quote}Classified By: ZQCLASSBY Someone
${quote}Reason: 1.4(b)
${quote}Declassify On: 20210315
`;

/** Probe 62a F6's input (/tmp/p62a/findings/F5-email-forwarded-cable.txt). */
const PROBE_62A_F6 = `SECRET//NOFORN

From: Analyst One
Sent: Tuesday, March 15, 2011 10:02 AM
To: Desk Officer
Subject: (U) RE: UQE2SUBJ follow-up

(U) UQE2BODY Thanks, see the cable forwarded below.

-----Forwarded Message-----
From: Cable Desk
To: Analyst One

C O N F I D E N T I A L ROME 000123

E.O. 12958: DECL: 03/15/2036
TAGS: PREL, IT
SUBJECT: ZQE2CABSUBJ MEETING

REF: ZQE2REF STATE 12345

Classified By: ZQE2CLASSBY Political Counselor
Reason: 1.4(b) and (d)

1. (C) ZQE2CAB1 the minister said no.

2. (U) UQE2CAB2 the minister smiled.

SPOGLI

Classified By: J. Smith
Reason: 1.4(c)
Declassify On: 20360315

SECRET//NOFORN
`;

/** [name, e-mail, expected: review (pending/, rule decl-forwarded-only) or classified (release/, in part)]. */
const FORWARDED_ONLY: [name: string, input: string, expected: 'review' | 'classified'][] = [
  // Declassified whole on f6c487e (probe 62c e19, e9, e21, e22).
  ['an E.O. line quoted under the forwarded cable (e19)', `${MAIL_HEAD}${ROME('123', 'C O N F I D E N T I A L', '03/15/2021', CLASSIFIED_BY)}\n(U) UQTAIL the old cable header read:\n\nE.O. 12958: DECL: 03/15/2022\n\nSECRET//NOFORN\n`, 'review'],
  ['two forwarded cables (e9)', `${MAIL_HEAD}${ROME('123', 'C O N F I D E N T I A L', '03/15/2021', CLASSIFIED_BY)}\n${ROME('124', 'S E C R E T', '03/15/2022')}SECRET//NOFORN\n`, 'review'],
  ['a forwarded memo\'s Declassify On (e21)', `${MAIL_HEAD}${FORWARDED_MEMO('')}\nSECRET//NOFORN\n`, 'review'],
  ['a >-quoted memo\'s Declassify On (e22)', `${MAIL_HEAD}${FORWARDED_MEMO('> ')}\nSECRET//NOFORN\n`, 'review'],
  // Controls.
  ['the forwarded cable repeating its own E.O. line (e24)', `${MAIL_HEAD}${ROME('123', 'C O N F I D E N T I A L', '03/15/2021', CLASSIFIED_BY)}\nE.O. 12958: DECL: 03/15/2021\n\nSECRET//NOFORN\n`, 'review'],
  ['two forwarded cables, one not yet passed', `${MAIL_HEAD}${ROME('123', 'C O N F I D E N T I A L', '03/15/2021', CLASSIFIED_BY)}\n${ROME('124', 'S E C R E T', '03/15/2036')}SECRET//NOFORN\n`, 'classified'],
  ['the e-mail\'s own later Declassify On, above the forwarded cable', `${MAIL_HEAD}\nClassified By: J. Smith\nReason: 1.4(c)\nDeclassify On: 20360315\n${ROME('123', 'C O N F I D E N T I A L', '03/15/2021', CLASSIFIED_BY)}\nSECRET//NOFORN\n`, 'classified'],
];

describe('probe 62c F1, F2: forwarded or quoted instructions alone never declassify the e-mail', () => {
  it.each(FORWARDED_ONLY)('%s', async (_name, input, expected) => {
    const files = await release(input);
    for (const [file, text] of files) if (file.startsWith('release/')) for (const w of words(input, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
    const out = await explain(input);
    if (expected === 'review') {
      expect(files.has('pending/doc.txt')).toBe(true);
      expect(files.has('release/doc.txt')).toBe(false);
      expect(out).toMatch(/review as of 2026-12-01\. Its only declassification instructions are those of a cable or message it forwards or quotes/);
    } else {
      expect(files.get('release/doc.txt')).toContain('UQBODY');
      expect(out).toMatch(/classified as of 2026-12-01/);
      expect(out).toContain('RELEASE IN PART');
    }
  });

  it('probe 62a F6 as found (its own Declassify On under the forwarded cable): still classified until 2036, released in part', async () => {
    const out = await explain(PROBE_62A_F6);
    expect(out).toMatch(/^DECL 03\/15\/2036 \(line \d+\): classified as of 2026-12-01/m);
    expect(out).toContain('RELEASE IN PART');
    const files = await release(PROBE_62A_F6);
    expect(files.get('release/doc.txt')).toContain('UQE2BODY');
    for (const [file, text] of files) for (const w of words(PROBE_62A_F6, 'ZQ')) expect(text, `${file}: ${w}`).not.toContain(w);
  });
});
