/**
 * Which executive order governed a document's classification, by its origination date. The order
 * named on the E.O. line is not used: State cables kept citing E.O. 12958 until 2010, after E.O.
 * 13526 had replaced it, and some cite typos (`12598`, `19528`).
 */

/** One classification order and the origination dates it governs (inclusive, ISO). */
export interface ClassificationOrder {
  /** Display label, e.g. `E.O. 12958, as amended`. */
  readonly label: string;
  /** First origination date governed (the order's effective date). */
  readonly from: string;
  /** Last origination date governed, or null for the order in force. */
  readonly to: string | null;
}

/**
 * The orders, oldest first. Effective dates (signing date + the delay each order set):
 * - E.O. 10501: signed 5 Nov 1953, effective 15 Dec 1953;
 * - E.O. 11652: signed 8 Mar 1972, effective 1 Jun 1972 (GDS / XGDS schedules);
 * - E.O. 12065: signed 28 Jun 1978, effective 1 Dec 1978 (1978 STATE 296107);
 * - E.O. 12356: signed 2 Apr 1982, effective 1 Aug 1982 (OADR);
 * - E.O. 12958: signed 17 Apr 1995, effective 14 Oct 1995 (180 days; CAPCO v1.2: OADR sources
 *   "cannot be dated after 14 Oct 1995");
 * - E.O. 13292 amended E.O. 12958 on signing, 25 Mar 2003 (reasons renumbered 1.5 → 1.4);
 * - E.O. 13526: signed 29 Dec 2009, effective 27 Jun 2010 (180 days; 32 CFR 2001 took effect
 *   25 Jun 2010).
 */
export const CLASSIFICATION_ORDERS: readonly ClassificationOrder[] = [
  { label: 'E.O. 10501', from: '1953-12-15', to: '1972-05-31' },
  { label: 'E.O. 11652', from: '1972-06-01', to: '1978-11-30' },
  { label: 'E.O. 12065', from: '1978-12-01', to: '1982-07-31' },
  { label: 'E.O. 12356', from: '1982-08-01', to: '1995-10-13' },
  { label: 'E.O. 12958', from: '1995-10-14', to: '2003-03-24' },
  { label: 'E.O. 12958, as amended', from: '2003-03-25', to: '2010-06-26' },
  { label: 'E.O. 13526', from: '2010-06-27', to: null },
];

/** The day E.O. 13292 amended E.O. 12958 and renumbered the classification categories from §1.5 to §1.4. */
export const CATEGORIES_RENUMBERED = CLASSIFICATION_ORDERS.find((o) => o.label === 'E.O. 12958, as amended')!.from;

/** The order governing a document that originated on `originated` (ISO), or null when unknown or before 1953-12-15. */
export function governingOrder(originated: string | null): string | null {
  if (!originated) return null;
  for (const order of CLASSIFICATION_ORDERS) {
    if (originated >= order.from && (order.to === null || originated <= order.to)) return order.label;
  }
  return null;
}
