/**
 * A memo's letterhead: the issuing office and its address in capitals at the top of the first page
 * (`DEPARTMENT OF DEFENSE` / `OFFICE OF THE UNDER SECRETARY OF DEFENSE` / `WASHINGTON, DC 20301`),
 * above the memo's date, `MEMORANDUM FOR …` or `FROM:` line. It is not a portion (32 CFR 2001.21(c)
 * lists the portions a mark goes before: subjects, titles, paragraphs, classified signature
 * blocks…), carries no mark and holds nothing to withhold; read as an unmarked paragraph of a
 * classified memo it was withheld under B1, a claim no reviewer could defend.
 *
 * Only a block that is certainly a letterhead is taken: capitals (or title case) only, no mark or
 * parenthesis, short lines that name the issuer (ISSUER_WORD) or its street, the last one an address (place, state and ZIP code, `WASHINGTON`, an APO), right above the
 * memo's date or header, or above its first portion when that starts with a mark. With no address,
 * only the known issuers' names (KNOWN_ISSUERS, a closed list) heading up to three lines in
 * capitals right above the memo's date, header or `MEMORANDUM` line. Anything else stays text of the document (fail closed: an unmarked title is withheld).
 */
import type { LineRole } from './header.js';
import type { DocLine } from './lines.js';

const MAX_LINES = 6;
const MAX_WIDTH = 70;
/**
 * An address line: a place, a comma, a state and a ZIP code (`WASHINGTON, DC 20301-1000`, `FORT
 * GEORGE G. MEADE, MARYLAND 20755-6000`, `Washington, D.C. 20520`), Washington's, or a military
 * post office's (`APO AE 09014-9351`, `FPO AP 96349`).
 */
const ADDRESS = /^(?:[A-Z][A-Za-z0-9 .'-]*,[ \t]*[A-Z][A-Za-z. ]*[ \t]\d{5}(?:-\d{4})?|WASHINGTON(?:,?\s+D\.?\s?C\.?)?|Washington(?:,?\s+D\.?\s?C\.?)?|[ADF]PO,?[ \t]+A[AEP][ \t]+\d{5}(?:-\d{4})?)$/;
/**
 * A line of a letterhead: words in capitals or title case with the punctuation of names and
 * addresses, the small words of a name in lower case (`United States Department of State`,
 * `OFFICE OF THE UNDER SECRETARY`, `R & D`); no parenthesis (a mark).
 */
const LETTERHEAD_LINE = /^[A-Z0-9][\w.,'&/-]*(?:[ \t]+(?:[A-Z0-9][\w.,'&/-]*|[.,'&/-]+|of|the|and|for|on|in|to|at))*$/;

/**
 * What names an issuer: an office, an agency, a department or post, a command, a title that heads
 * one (`DEPARTMENT OF DEFENSE`, `OFFICE OF THE UNDER SECRETARY OF DEFENSE`, `National Security
 * Agency`, `THE WHITE HOUSE`, `THE DIRECTOR OF CENTRAL INTELLIGENCE`, `United States Department of
 * State`). Every line of a letterhead but its address names one, or is a street or a box: a line in
 * capitals that names none (`ZULU AGENT MEETS HANDLER IN KABUL` between the office and the address)
 * was released as letterhead from a SECRET memo.
 */
const ISSUER_WORD =
  /\b(?:DEPARTMENT|DEPT|OFFICE|AGENCY|BUREAU|EMBASSY|CONSULATE|MISSION|COMMAND|CENT(?:ER|RE)|MINISTRY|SERVICES?|DIRECTORATE|DIVISION|HEADQUARTERS|HQ|COUNCIL|STAFF|BOARD|COMMISSION|COMMITTEE|INSTITUTE|FORCES?|ARMY|NAVY|CORPS|MARINES?|GUARD|GROUP|ADMINISTRATION|AUTHORITY|BRANCH|UNIT|SECTION|HOUSE|PENTAGON|SECRETARY|SECRETARIAT|DIRECTOR|CHIEF|COMMANDER|AMBASSADOR|GOVERNMENT|STATES|STATE|DEFEN[CS]E|INTELLIGENCE|JUSTICE|TREASURY|SECURITY|HOMELAND|REPUBLIC|KINGDOM|NATIONS|ORGANI[SZ]ATION|ALLIANCE|PROGRAMM?E?|OPERATIONS|LABORATORY|UNIVERSITY|COLLEGE|ACADEMY|SCHOOL|FOUNDATION|ASSOCIATION|CORPORATION|COMPANY|INC|LLC|LTD|AFFAIRS|RELATIONS|LIAISON|ATTACHE|WING|SQUADRON|FLEET|BRIGADE|BATTALION|REGIMENT|DISTRICT|REGION|ACTIVITY|FACILITY|STATION|POLICE|INVESTIGATION|COURT|CONGRESS|SENATE|PARLIAMENT|CABINET|PRESIDENT|PRIME MINISTER|MINISTER|INSPECTOR|ATTORNEY|COUNSEL|ADVISER|ADVISOR|ACQUISITION|LOGISTICS|RESEARCH|ENGINEERING|POLICY|READINESS|PERSONNEL|COMPTROLLER)\b/i;
/** A street, a suite or a box in an address: `1000 DEFENSE PENTAGON`, `2201 C Street NW`, `Room 3E880`, `P.O. Box 1200`. */
const STREET = /^(?:\d{1,6}[A-Z]?[ \t]+\S|(?:P\.?[ \t]?O\.?[ \t]+BOX|ROOM|RM\.?|SUITE|STE\.?|BUILDING|BLDG\.?|MAIL[ \t]+STOP)[ \t]+\S)/i;
/** Verbs a name or an address does not hold (a sentence in capitals set as a letterhead line). */
const LETTERHEAD_VERB =
  /\b(?:IS|ARE|WAS|WERE|BE|BEEN|BEING|WILL|WOULD|HAS|HAVE|HAD|SAID|SAYS|TOLD|MEETS?|MET|CAN|COULD|SHOULD|MUST|WHO|WHICH|BEGAN|BEGUN|PAID|SENT|RAN|SAW|SEEN|TOOK|TAKEN|GAVE|GIVEN|KNEW|KNOWN|LEFT|FLED|HID|HIDDEN|SOLD|BOUGHT|BROUGHT|WENT|GONE|CAME|GOT|FOUND|KEPT|HELD|STOLE|STOLEN|SPOKE|WROTE|WRITTEN|BROKE|CAUGHT|FOUGHT|SHOT|SPENT|LOST|TAUGHT|THOUGHT|LED|FELL|FLEW|DID|DONE|MADE|BECAME)\b/i;

/**
 * A verb in the past (`… ASSET RECRUITED IN IRAN DEFENSE MINISTRY`, probe 12 F5: two issuer words
 * and no verb of LETTERHEAD_VERB made it a letterhead line, released from a SECRET memo), other
 * than the participles that name offices and firms (`UNITED STATES`, `DEFENSE ADVANCED RESEARCH
 * PROJECTS AGENCY`, `ARMED FORCES`, `… LIMITED`).
 */
const PAST_VERB = /\b(?!(?:UNITED|ADVANCED|COMBINED|ARMED|APPLIED|ALLIED|INTEGRATED|ASSOCIATED|LIMITED|INCORPORATED|SPECIALIZED|SPECIALISED|AUTHORIZED|ACCREDITED|CERTIFIED|RESERVED|CENTRALIZED|UNIFIED|EXPEDITED|ASSISTED)\b)[A-Z]{2,}ED\b/i;

/** A line of the block above its address that names the issuer, or its street or box, and no verb. */
function issuerLine(text: string): boolean {
  return !LETTERHEAD_VERB.test(text) && !PAST_VERB.test(text) && (ISSUER_WORD.test(text) || STREET.test(text));
}

/**
 * The lines of the letterhead, or an empty list. `roles` are the lines' roles after banners,
 * authority and header lines were found: the block is the first text of the document (banners
 * and rule lines above it aside) and the first line after it is a date, header or subject line,
 * a memo's form words, or text that starts with a mark.
 */
export function letterheadLines(lines: readonly DocLine[], roles: readonly LineRole[]): number[] {
  let i = 0;
  while (i < lines.length && (roles[i] === 'blank' || roles[i] === 'banner' || roles[i] === 'furniture' || roles[i] === 'folio' || (roles[i] === 'rule' && !/\p{L}/u.test(lines[i]!.text)))) i++;
  const block: number[] = [];
  for (; i < lines.length && roles[i] === 'content'; i++) {
    const text = lines[i]!.text;
    if (block.length === MAX_LINES || text.length > MAX_WIDTH || !LETTERHEAD_LINE.test(text)) return [];
    block.push(i);
  }
  if (block.length === 0) return [];
  if (!ADDRESS.test(lines[block[block.length - 1]!]!.text)) return officeOnly(lines, roles, block, i);
  // The address line holds no verb either (`ASSET TO BE EXFILTRATED FROM TEHRAN, IRAN 12345`).
  const address = lines[block[block.length - 1]!]!.text;
  if (LETTERHEAD_VERB.test(address) || PAST_VERB.test(address)) return [];
  if (!block.slice(0, -1).every((k) => issuerLine(lines[k]!.text))) return [];
  while (i < lines.length && roles[i] === 'blank') i++;
  const next = roles[i];
  const headerNext = next === 'date' || next === 'header' || next === 'subject' || (next === 'rule' && /\p{L}/u.test(lines[i]!.text));
  // Or the first portion, by its mark (`(U) Intelligence Assessment: …`, an assessment's title).
  return headerNext || (next === 'content' && /^\((?:U|C|S|TS)\b/.test(lines[i]!.text)) ? block : [];
}

/**
 * The issuers whose name alone heads a letterhead with no address under it (`DEPARTMENT OF THE
 * NAVY` above a memo's date): a closed list of U.S. departments, agencies and headquarters, the
 * whole line written so (spaces aside). It is a list and not a pattern on purpose (probe 60d F3):
 * a pattern of office words (`… HEADQUARTERS`, `DIRECTORATE OF …`, `OFFICE OF …`) took any
 * capitalised phrase for a letterhead and released `DIRECTORATE OF ZQCOVERT ACTION` and
 * `DEPARTMENT OF ZQSOURCE KARIM IN TEHRAN` from SECRET memos. A name missing here stays text of
 * the document (withheld in a classified one): add real issuers' names, never a pattern.
 */
const DEPARTMENTS = ['THE NAVY', 'THE ARMY', 'THE AIR FORCE', 'DEFENSE', 'STATE', 'JUSTICE', 'ENERGY', 'HOMELAND SECURITY', 'THE TREASURY', 'COMMERCE'];
const AGENCIES = [
  'NATIONAL SECURITY AGENCY',
  'CENTRAL SECURITY SERVICE',
  'NATIONAL SECURITY AGENCY/CENTRAL SECURITY SERVICE',
  'CENTRAL INTELLIGENCE AGENCY',
  'DEFENSE INTELLIGENCE AGENCY',
  'FEDERAL BUREAU OF INVESTIGATION',
  'OFFICE OF THE DIRECTOR OF NATIONAL INTELLIGENCE',
  'NATIONAL RECONNAISSANCE OFFICE',
  'NATIONAL GEOSPATIAL-INTELLIGENCE AGENCY',
  'OFFICE OF THE SECRETARY OF DEFENSE',
  'OFFICE OF THE UNDER SECRETARY OF DEFENSE',
  'THE JOINT CHIEFS OF STAFF',
  'THE WHITE HOUSE',
];
const UNITED_STATES = [
  'ARMY',
  'NAVY',
  'AIR FORCE',
  'MARINE CORPS',
  'COAST GUARD',
  'ARMY EUROPE',
  ...['CENTRAL', 'EUROPEAN', 'PACIFIC', 'INDO-PACIFIC', 'SOUTHERN', 'NORTHERN', 'AFRICA', 'SPECIAL OPERATIONS', 'STRATEGIC', 'CYBER', 'TRANSPORTATION', 'SPACE'].map((c) => `${c} COMMAND`),
];
const KNOWN_ISSUERS: ReadonlySet<string> = new Set([
  ...DEPARTMENTS.flatMap((d) => [`DEPARTMENT OF ${d}`, `UNITED STATES DEPARTMENT OF ${d}`, `U.S. DEPARTMENT OF ${d}`]),
  ...AGENCIES,
  ...UNITED_STATES.flatMap((u) => [`UNITED STATES ${u}`, `U.S. ${u}`]),
  ...['DEPARTMENT OF THE ARMY', 'DEPARTMENT OF THE NAVY', 'DEPARTMENT OF THE AIR FORCE', 'UNITED STATES ARMY EUROPE', 'UNITED STATES MARINE CORPS'].map((h) => `HEADQUARTERS, ${h}`),
]);
const OFFICE_ONLY_LINES = 3;

/** Whether a line is a known issuer's name (KNOWN_ISSUERS). */
function knownIssuer(text: string): boolean {
  return KNOWN_ISSUERS.has(text.trim().replace(/\s+/g, ' '));
}

/**
 * The letterhead of a block with no address line (`DEPARTMENT OF THE NAVY` / `OFFICE OF NAVAL
 * PLANNING`, probe 60a F10): a block of up to three lines in capitals right above the memo's
 * date, header or `MEMORANDUM …` line, of which only the known issuers' names at its head
 * (KNOWN_ISSUERS) are taken; the lines after them stay text of the document (fail closed: an
 * unmarked line of a classified memo is withheld).
 */
function officeOnly(lines: readonly DocLine[], roles: readonly LineRole[], block: readonly number[], next: number): number[] {
  if (block.length > OFFICE_ONLY_LINES || block.some((k) => /\p{Ll}/u.test(lines[k]!.text))) return [];
  let i = next;
  while (i < lines.length && roles[i] === 'blank') i++;
  const above = roles[i] === 'date' || roles[i] === 'header' || (roles[i] === 'rule' && /^(?:MEMORANDUM|INFO(?:RMATION)? MEMO|ACTION MEMO)/.test(lines[i]!.text));
  if (!above) return [];
  const firstUnknown = block.findIndex((k) => !knownIssuer(lines[k]!.text));
  return firstUnknown < 0 ? [...block] : block.slice(0, firstUnknown);
}
