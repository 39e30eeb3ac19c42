/** The classification words of a banner or classification line, read as a marking. */
import { parseMarking } from '../markings/index.js';
import type { MarkingParse } from '../markings/index.js';

/**
 * Banner words read as a marking; typed banners (`CC O N F I D E N T I A L`, `SE C R E T`,
 * `UUNCLAS`) repaired: the letters joined, a doubled first letter dropped, and what is left must
 * still be a banner the grammar knows.
 */
export function readBannerWords(raw: string): MarkingParse {
  const parsed = parseMarking(raw, 'banner');
  if (parsed.ok) return parsed;
  const head = /^[A-Z](?: ?[A-Z])+(?![A-Z])/.exec(raw)?.[0] ?? '';
  const word = head.replace(/ /g, '').replace(/^([CSU])\1/, '$1');
  if (!/^(?:CONFIDENTIAL|SECRET|UNCLASSIFIED|UNCLAS|TOPSECRET)$/.test(word)) return parsed;
  const repaired = parseMarking(`${word === 'TOPSECRET' ? 'TOP SECRET' : word}${raw.slice(head.length)}`, 'banner');
  if (!repaired.ok) return parsed;
  return { ok: true, marking: { ...repaired.marking, normalisations: [...repaired.marking.normalisations, `typed banner ${JSON.stringify(head)} read as ${word}`] } };
}
