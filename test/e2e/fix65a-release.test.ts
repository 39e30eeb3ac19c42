/**
 * Stop 65's text-reader gaps (fix65a), released through the CLI (release text, and the release PDF
 * by pdf.js): no `ZQ…` word handed out or pending, every `UQ…` word the case releases there.
 * - Probe 64d F9 (cable-labels.ts): loose labels of a close later letter under `2.A. (U) … .` are
 *   labels (an unmarked portion, withheld), never the (U) paragraph's text; prose that looks like
 *   one stays text.
 */
import { describe, it } from 'vitest';
import { probeCable } from '../helpers/probe-cable.js';
import { expectReleasedOrPending } from '../helpers/released-texts.js';

const sub = (line: string): string =>
  probeCable('(C)', `2. (U) UQP2 points follow.\n2.A. (U) UQA text that is long enough to fill the line of the cable.\n${line}\n\n3. (U) UQTHREE end.`);

const LABELS = ['2.d- ZQX', '2 .C. ZQX', '2.C- ZQX', '2-C. ZQX', '2.C; ZQX', '2.C.1. ZQX', '2. C. ZQX', '2C. ZQX', '2.C.ZQX', '2.b- ZQX', '2 .B. ZQX', '2.B ZQX'];
const TEXTS = ['2.5 percent UQX', '2.B.C. UQX', '2.US UQX', '2.Id UQX', '2.am UQX', '2.OK UQX', '2.vs UQX', '2.i UQX', '2.x UQX release notes', '2.Q: UQX'];

const CASES: [name: string, input: string, released: string[], fileName?: string][] = [
  // Probe 64d F9: leaked at eed14e5 (but 2.B, held).
  ...LABELS.map((l): [string, string, string[]] => [`${JSON.stringify(l)} under 2.A. … . is a label`, sub(`${l} text.`), ['UQA', 'UQTHREE']]),
  // Probe 64d F8 and the held cases: (U) text.
  ...TEXTS.map((l): [string, string, string[]] => [`${JSON.stringify(l)} under 2.A. … . is text`, sub(`${l} text.`), ['UQA', 'UQX', 'UQTHREE']]),
];

describe('fix65a: released through the CLI', () => {
  it.each(CASES)('%s', async (_name, input, released, fileName) => expectReleasedOrPending(input, released, fileName));
});
