/** The routing header: precedence and date-time group, DE line, FM, TO and INFO with their address lines. */
import { findDtg, isRoutingLine, PRECEDENCE_LINE } from '../patterns.js';
import { BARE_DTG_LINE, HEADER_ENDS, opensPortion } from './classify.js';
import { readsAsSentence } from './pass-line.js';
import { field, type HeaderInput, type HeaderState, type RoutingDraft } from './types.js';

/**
 * Reads line `j` as a routing line into `target` (the document's routing header unless given):
 * returns true when it is one. Address lines after TO or INFO are added to that list until a
 * line that is not an address (tracked in `state.addressList`).
 */
export function readRouting(input: HeaderInput, state: HeaderState, j: number, target: RoutingDraft = state.routing): boolean {
  const routing = target;
  const l = input.lines[j]!;
  const t = l.text;
  // A routing line is codes and addresses; one that reads as a sentence (`FM AMEMBASSY BERLIN THE
  // MINISTER SAID … THAT THE PLAN IS SECRET`, `ZNY CCCCC ZZH THE MINISTER …`) is none: header
  // lines are released as written, so it stays content (fail closed).
  if (readsAsSentence(t)) return false;
  const pre = PRECEDENCE_LINE.exec(t) ?? BARE_DTG_LINE.exec(t);
  if (pre) {
    if (pre[1]) routing.precedence = pre[1];
    const d = findDtg(t);
    if (d && !routing.dtg) {
      const start = l.first + d.index;
      routing.dtg = { raw: d.raw, span: { start, end: start + d.raw.length }, date: d.date };
    }
    state.addressList = null;
    return true;
  }
  const de = /^DE\s+[A-Z]+\s+#(\d+)/.exec(t);
  if (de) {
    state.res.deNumber ??= de[1]!;
    state.addressList = null;
    return true;
  }
  const fm = /^FM\s+(.+)$/.exec(t);
  if (fm) {
    routing.from = field(input, l.first + 3 + (t.length - 3 - fm[1]!.length), l.last);
    state.addressList = null;
    return true;
  }
  const to = /^(TO|INFO|XMT|CC)\s+(.+)$/.exec(t);
  if (to) {
    const start = l.last - to[2]!.length;
    state.addressList = to[1] === 'TO' ? routing.to : to[1] === 'INFO' ? routing.info : null;
    state.addressList?.push(field(input, start, l.last));
    if (to[1] === 'XMT' || to[1] === 'CC') state.addressList = null;
    return true;
  }
  // An address is in capitals and no sentence (`Informant … confirmed the arrests` under TO was
  // released as written).
  if (state.addressList && !l.blank && !/^(?:VZCZC|ZN[YR]\s|BT$|NNNN$)/.test(t) && !opensPortion(input, l) && (HEADER_ENDS.test(t) || (!readsAsSentence(t) && !/\b[a-z]{3,}\b/.test(t)))) {
    state.addressList.push(field(input, l.first, l.last));
    return true;
  }
  return isRoutingLine(t);
}
