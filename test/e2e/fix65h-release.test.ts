/**
 * Probe 65e F1 (cable-labels.ts), released through the CLI: cable subparagraph labels the grammar
 * missed ran on as the (U) subparagraph's text and were released with it: a pilcrow before the
 * label (`¶2.A. (U) …` / `¶2.B. …`, the corpus's own paragraph style), a stop and a dash or a second
 * stop (`2.B.- `, `2.B.. `), a first item glued on (`2.B.a. `), a comma for the stop (`2,B. `), a
 * closing bracket (`2.B] `), a no-break space after the label. Each is a label now (an unmarked
 * portion, withheld); prose that looks like one stays text.
 */
import { describe, it } from 'vitest';
import { probeCable } from '../helpers/probe-cable.js';
import { expectReleasedOrPending } from '../helpers/released-texts.js';

const sub = (line: string, pilcrow = ''): string =>
  probeCable('(C)', `${pilcrow}2. (U) UQP2 points follow.\n${pilcrow}2.A. (U) UQA text that is long enough to fill the line of the cable.\n${line}\n\n3. (U) UQTHREE end.`);

const LABELS = ['2.B.- ZQX', '2.B.. ZQX', '2.B.a. ZQX', '2.B.i. ZQX', '2,B. ZQX', '2.B] ZQX', '2.B.\u00a0ZQX', '2.C.\u2003ZQX', '¶2.B. ZQX', '¶ 2.B ZQX', '¶2.B.1. ZQX'];
const TEXTS = ['2,B UQX', '2.B.C. UQX', '2.E.g. UQX', '2.B.x. UQX'];

describe('probe 65e F1: loose labels under 2.A. (U) … .', () => {
  it.each(LABELS)('%j is a label', async (l) => expectReleasedOrPending(sub(`${l} text.`), ['UQA', 'UQTHREE']));
  it.each(LABELS)('%j under ¶2.A. (U) is a label', async (l) => expectReleasedOrPending(sub(`${l} text.`, '¶'), ['UQA', 'UQTHREE']));
  it.each(TEXTS)('%j is text', async (l) => expectReleasedOrPending(sub(`${l} text.`), ['UQA', 'UQX', 'UQTHREE']));
});
