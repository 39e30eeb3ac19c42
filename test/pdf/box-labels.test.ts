/**
 * The labels of a PDF input's boxes: the boxes of two regions on one line may overlap, and their
 * labels printed over each other were legible as neither (a SIDtoday line with an SBU portion and
 * two words pending declassification review). The first label drawn there stands, and the
 * other run's label goes on its next line; labels apart all print; a box too small for a legible
 * label has none.
 */
import { describe, expect, it } from 'vitest';
import { boxesContent, placeLabels, type RedactionBox } from '../../src/pdf/redact/boxes.js';

const labelsOf = (content: string): string[] => [...content.matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]!);

describe('boxesContent', () => {
  it('prints each label once where boxes overlap, every label where they do not', () => {
    const boxes: RedactionBox[] = [
      { rect: [38, 530, 296, 538], label: 'SBU - PENDING FOIA REVIEW' },
      { rect: [362, 530, 545, 538], label: 'PENDING DECLASSIFICATION REVIEW' },
      { rect: [430, 530, 545, 538], label: 'PENDING DECLASSIFICATION REVIEW' },
      { rect: [38, 506, 300, 514], label: 'PENDING DECLASSIFICATION REVIEW' },
      { rect: [38, 494, 300, 502] },
    ];
    const content = boxesContent(boxes, 'F1');
    expect(labelsOf(content)).toEqual(['SBU - PENDING FOIA REVIEW', 'PENDING DECLASSIFICATION REVIEW', 'PENDING DECLASSIFICATION REVIEW']);
    // Every box is painted, labelled or not.
    expect(content.match(/ re\n/g)).toHaveLength(5);
  });

  it('a run whose label an overlapping box hides prints it on its next line, once (audit: every withholding states its authority)', () => {
    // 2006-02-14 SIDtoday, foia-intel: an unmarked portion pending declassification review began
    // with a word at the end of a FOUO line, its box too small for a label; its later lines had
    // none, so the label was printed nowhere.
    const fouo = 'FOUO - PENDING FOIA REVIEW';
    const pdr = 'PENDING DECLASSIFICATION REVIEW';
    const boxes: RedactionBox[] = [
      { rect: [38, 455, 540, 463], label: fouo, carried: { label: fouo, run: 0 } },
      { rect: [534.7, 455, 545.6, 463], label: pdr, carried: { label: pdr, run: 1 } },
      { rect: [38, 442, 543, 450], carried: { label: pdr, run: 1 } },
      { rect: [38, 430, 529, 438], carried: { label: pdr, run: 1 } },
      { rect: [38, 406, 300, 414], label: fouo, carried: { label: fouo, run: 2 } },
      { rect: [38, 394, 300, 402], carried: { label: fouo, run: 2 } },
    ];
    const content = boxesContent(boxes, 'F1');
    expect(labelsOf(content)).toEqual([fouo, pdr, fouo]);
    // On the run's next line, not further down.
    expect(content).toMatch(/1 0 0 1 40 44\d(?:\.\d+)? Tm \(PENDING DECLASSIFICATION REVIEW\) Tj/);
  });

  it('pageBoxes marks the later lines of a run as carrying its label, the first line as labelled', async () => {
    const { pageBoxes } = await import('../../src/pdf/redact/boxes.js');
    const boxes = pageBoxes(
      [
        { rect: [38, 455, 540, 463], label: 'B1' },
        { rect: [38, 447, 540, 455], label: 'B1' },
      ],
      [],
      new Set(),
    );
    expect(boxes.map((b) => [b.label ?? null, b.carried?.run ?? null])).toEqual([['B1', 0], [null, 0]]);
  });

  it('placeLabels names the runs none of whose boxes could hold their label, once each', () => {
    const pdr = 'PENDING DECLASSIFICATION REVIEW';
    const boxes: RedactionBox[] = [
      { rect: [38, 530, 296, 538], label: 'B1', carried: { label: 'B1', run: 0 } },
      { rect: [497, 530, 517, 538], label: pdr, carried: { label: pdr, run: 1 } },
      { rect: [497, 400, 512, 408], label: pdr, carried: { label: pdr, run: 2 } },
      // Too small on its first line, room on its second: printed there, not named.
      { rect: [530, 300, 545, 308], label: 'SBU', carried: { label: 'SBU', run: 3 } },
      { rect: [38, 288, 300, 296], carried: { label: 'SBU', run: 3 } },
    ];
    const { draws, unprinted } = placeLabels(boxes);
    expect(draws.map((d) => d.text)).toEqual(['B1', 'SBU']);
    expect(unprinted).toEqual([pdr]);
  });

  it('a box too small for a legible label has none', () => {
    expect(labelsOf(boxesContent([{ rect: [10, 10, 14, 18], label: 'B1' }], 'F1'))).toEqual([]);
  });
});
