/**
 * The `consistency` check: a folder is one release. Every audit record, and the manifest's `run`,
 * must name the same profile (by sha256: its audience and rules), as-of date and overrides file
 * (by sha256). A folder mixing them would hand one audience's release to another. Pure.
 */
import { assignDocNumbers, describeSettings, MANIFEST_PATH, recordPath, settingsDifferences, settingsKey, type Manifest, type ReleaseSettings } from '../release/folder.js';
import { failure, type Finding } from './findings.js';

/** Records grouped by the settings they were made with. */
export type SettingsGroups = ReadonlyMap<string, { readonly settings: ReleaseSettings; readonly stems: readonly string[] }>;

/**
 * The findings of the consistency check. The settings most records share are the folder's (on a
 * tie, those of the manifest, then the first in stem order); every record made otherwise is a
 * failure, and so is a manifest whose run differs from them.
 *
 * @param manifest The manifest's run, or null when there is no readable one (the chain check reports that).
 */
export function checkConsistency(groups: SettingsGroups, manifest: ReleaseSettings | null): Finding[] {
  if (groups.size === 0) return [];
  const ranked = [...groups.values()].sort(
    (a, b) => b.stems.length - a.stems.length || Number(isManifests(b.settings, manifest)) - Number(isManifests(a.settings, manifest)) || (a.stems[0]! < b.stems[0]! ? -1 : 1),
  );
  const main = ranked[0]!;
  const out: Finding[] = [];
  for (const other of ranked.slice(1)) {
    const differences = settingsDifferences(main.settings, other.settings, [`in ${main.stems.length} other record(s)`, 'in this one']).join('; ');
    for (const stem of other.stems) out.push(failure(recordPath(stem), 'consistency', `${differences}: a folder holds one release`));
  }
  if (manifest && settingsKey(manifest) !== settingsKey(main.settings)) {
    out.push(failure(MANIFEST_PATH, 'consistency', `its run names ${describeSettings(manifest)}, but the records were made with ${describeSettings(main.settings)}`));
  }
  return out;
}

function isManifests(s: ReleaseSettings, manifest: ReleaseSettings | null): boolean {
  return manifest !== null && settingsKey(s) === settingsKey(manifest);
}

/** The `run` of a manifest's text, or null when it has none that can be read. */
export function manifestRun(text: string): ReleaseSettings | null {
  try {
    const run = (JSON.parse(text) as Partial<Manifest> | null)?.run;
    if (!run?.profile || typeof run.profile.sha256 !== 'string' || typeof run.profile.id !== 'string' || typeof run.asOf !== 'string') return null;
    return run;
  } catch {
    return null;
  }
}

/** A record's place in a case, as the numbering check reads it. */
export interface CaseEntry {
  /** The record's stem. */
  readonly stem: string;
  /** The stem the document is numbered by (its input's for a renamed `doc-…` stem), and its reference. */
  readonly own: string;
  readonly ref: string | null;
  readonly case: string;
  readonly docNumber: string;
}

/**
 * The document numbers of each case in the folder: every record its own number, and the numbers in
 * the order `release --case` gives them (sorted by reference, the stem when there is none; rising,
 * not always by one: a file read but not released keeps its number unused). Two runs into one
 * folder gave two documents `C00000001`, and the audit passed. Each record out of place is a
 * failure. Pure.
 */
export function checkCaseNumbers(entries: readonly CaseEntry[]): Finding[] {
  const out: Finding[] = [];
  const byCase = new Map<string, CaseEntry[]>();
  for (const e of entries) byCase.set(e.case, [...(byCase.get(e.case) ?? []), e]);
  for (const [caseNumber, docs] of [...byCase].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const sorted = [...docs].sort((a, b) => (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
    const holder = new Map<string, string>();
    for (const d of sorted) {
      const first = holder.get(d.docNumber);
      if (first === undefined) holder.set(d.docNumber, d.stem);
      else out.push(failure(recordPath(d.stem), 'consistency', `case ${caseNumber}: Doc No. ${d.docNumber} is also ${first}'s; every document of a case has its own number (release the folder's documents again with --case ${caseNumber})`));
    }
    // In order, not necessarily consecutive: a file that was read but failed keeps its number unused.
    const ordered = assignDocNumbers(sorted.map((d) => ({ stem: d.own, ref: d.ref })), 1);
    const inOrder = [...sorted].sort((a, b) => compareNumbers(ordered.get(a.own), ordered.get(b.own)));
    for (let i = 1; i < inOrder.length; i++) {
      const [before, d] = [inOrder[i - 1]!, inOrder[i]!];
      if (d.docNumber > before.docNumber || d.docNumber === before.docNumber) continue; // a repeat is reported above
      out.push(failure(recordPath(d.stem), 'consistency', `case ${caseNumber}: Doc No. ${d.docNumber}, below ${before.stem}'s ${before.docNumber}, though it sorts after it by reference (release the folder's documents again with --case ${caseNumber})`));
    }
  }
  return out;
}

function compareNumbers(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}
