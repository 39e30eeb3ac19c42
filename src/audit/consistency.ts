/**
 * The `consistency` check: a folder is one release. Every audit record, and the manifest's `run`,
 * must name the same profile (by sha256: its audience and rules), as-of date and overrides file
 * (by sha256). A folder mixing them would hand one audience's release to another. Pure.
 */
import { describeSettings, MANIFEST_PATH, recordPath, settingsDifferences, settingsKey, type Manifest, type ReleaseSettings } from '../release/folder.js';
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
