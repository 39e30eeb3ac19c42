/**
 * The labels of a PDF input's boxes: the boxes of two regions on one line may overlap, and their
 * labels printed over each other were legible as neither (a SIDtoday line with an SBU portion and
 * two words pending declassification review). The first label drawn there stands; labels apart
 * all print; a box too small for a legible label has none.
 */
import { describe, expect, it } from 'vitest';
import { boxesContent, type RedactionBox } from '../../src/pdf/redact/boxes.js';

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

  it('a box too small for a legible label has none', () => {
    expect(labelsOf(boxesContent([{ rect: [10, 10, 14, 18], label: 'B1' }], 'F1'))).toEqual([]);
  });
});
