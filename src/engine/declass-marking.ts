/**
 * The declassification marking of a release (32 CFR 2001.25: the word "Declassified", the
 * authority, the date), printed on the line under the release stamp. Without it a released cable
 * showed `(DECLASSIFIED, formerly C)` paragraphs and no word of when or by what (probe 68c F7).
 *
 * The tool declassifies nothing itself: it applies the document's own instruction (its DECL date
 * has passed, 32 CFR 2001.12(b)), reports a declassification the document already records, or a
 * reviewer's decision. The line says which, quoting the instruction as read, and the date the
 * release was reviewed as of; it never names the tool, nor anyone, as the declassifying authority.
 */
import type { Decision, Plan } from '../types.js';

/**
 * The marking line, or '' when no portion is released as declassified, or when the document is
 * pending review (nothing of it is handed out yet).
 */
export function declassificationMarking(plan: Pick<Plan, 'declassification' | 'decisions' | 'disposition' | 'asOf'>): string {
  if (plan.disposition.kind === 'pending-review') return '';
  const released = plan.decisions.filter((d) => d.action === 'release' && d.declassified);
  if (released.length === 0) return '';
  const parts: string[] = [];
  const byRule = released.filter((d) => !d.override);
  if (byRule.length > 0) parts.push(byInstruction(plan.declassification, byRule));
  parts.push(...byReviewers(released.filter((d) => d.override)));
  return `${parts.join('; ')}; REVIEWED AS OF ${plan.asOf}`;
}

/** What the document's own instruction (or marking) says, or the rules that released, when it says nothing. */
function byInstruction(a: Plan['declassification'], decisions: readonly Decision[]): string {
  const date = a.declassifyOn ?? a.decl.date;
  const on = date ? ` ON ${date}` : '';
  const written = a.decl.raw === null ? '' : a.decl.raw.replace(/\s+/g, ' ').trim();
  if (a.status === 'declassified' && a.rule === '32cfr2001.25' && written !== '') return `DECLASSIFIED${on} AS ITS DECLASSIFICATION MARKING RECORDS (${written})`;
  if (a.status === 'declassified' && a.rule === '32cfr2001.12b' && written !== '') {
    // `Declassify On: 20120101` is quoted as written; a cable's bare value gets its `DECL:` back.
    // (The order is not quoted: the record's is the one governing by date, `E.O. 12958, as
    // amended`, which is not what the cable wrote.)
    const instruction = /^(?:DECL\b|Declassify\s+On\b)/i.test(written) ? written : `DECL: ${written}`;
    return `DECLASSIFIED${on} BY ITS DECLASSIFICATION INSTRUCTION (${instruction})`;
  }
  // A profile rule released a classified portion as declassified without the document's
  // instruction saying so (the engine warns `released-while-classified`): the line names the rule.
  const rules = [...new Set(decisions.map((d) => d.ruleId))].join(', ');
  return `RELEASED AS DECLASSIFIED UNDER RULE ${rules}; DECLASSIFICATION STATUS ${a.status.toUpperCase()}`;
}

/** One clause per reviewer decision (reviewer and date), naming its portions. */
function byReviewers(decisions: readonly Decision[]): string[] {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    const key = `${d.override!.reviewer}\u0000${d.override!.date}`;
    groups.set(key, [...(groups.get(key) ?? []), d.portionId]);
  }
  return [...groups].map(([key, ids]) => {
    const [reviewer, date] = key.split('\u0000');
    return `${ids.join(', ')} DECLASSIFIED BY DECISION OF REVIEWER ${reviewer} ON ${date}`;
  });
}
