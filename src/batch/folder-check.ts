/**
 * Before a batch writes anything: the output folder must hold no release made with other settings
 * (one folder, one release: src/release/folder.ts), and every reviewer override must apply to a
 * document. Both are refusals of the whole run, so nothing is written when either fails.
 */
import path from 'node:path';
import { parseRecord } from '../audit/verify.js';
import { OutputError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import { readBytesOrNull, readInput, readInputData } from '../node/read.js';
import { listNames } from '../node/walk.js';
import type { InputFormat } from '../parse/read.js';
import {
  documentNames,
  MANIFEST_FORMAT,
  MANIFEST_PATH,
  REVIEW_DIR,
  settingsDifferences,
  settingsKey,
  settingsOfRecord,
  stemOfRecordPath,
  type Manifest,
  type ReleaseSettings,
} from '../release/folder.js';
import type { OverrideSet } from '../rules/overrides.js';

/** Settings found in a folder, and where (the manifest, or a record the manifest does not list). */
export interface FoundSettings {
  readonly settings: ReleaseSettings;
  /** `review/manifest.json` or `review/<stem>.audit.json`, relative to the folder. */
  readonly where: string;
}

/**
 * The distinct settings the release in `out` was made with: the manifest's `run`, and those of
 * records the manifest does not list (written by a run killed before its manifest). Records the
 * manifest lists were checked against its run by the release that wrote it, so they are not read
 * again: the check costs one file however large the folder. Empty for a new folder.
 */
export async function recordedSettings(out: string): Promise<FoundSettings[]> {
  const found = new Map<string, FoundSettings>();
  const listed = new Set<string>();
  const manifest = await readBytesOrNull(path.join(out, MANIFEST_PATH));
  if (manifest) {
    const m = parseManifest(manifest);
    if (m) {
      found.set(settingsKey(m.run), { settings: m.run, where: MANIFEST_PATH });
      for (const e of m.entries) listed.add(e.stem);
    }
  }
  for (const name of (await listNames(path.join(out, REVIEW_DIR))).sort()) {
    const stem = stemOfRecordPath(`${REVIEW_DIR}/${name}`);
    if (stem === null || name.startsWith('.') || listed.has(stem)) continue;
    const bytes = await readBytesOrNull(path.join(out, REVIEW_DIR, name));
    const parsed = bytes ? parseRecord(stem, bytes) : null;
    if (!parsed?.ok) continue; // the audit reports records it cannot read; they say nothing of settings.
    const settings = settingsOfRecord(parsed.record);
    if (!found.has(settingsKey(settings))) found.set(settingsKey(settings), { settings, where: `${REVIEW_DIR}/${name}` });
  }
  return [...found.values()];
}

function parseManifest(bytes: Uint8Array): Manifest | null {
  try {
    const m = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<Manifest> | null;
    const run = m?.run;
    if (!m || m.format !== MANIFEST_FORMAT || !Array.isArray(m.entries) || !run?.profile || typeof run.profile.sha256 !== 'string' || typeof run.asOf !== 'string') return null;
    return m as Manifest;
  } catch {
    return null;
  }
}

/**
 * Refuses (exit 73) to release into `out` with `run` when the folder holds a release made with
 * other settings, in one line saying what differs and what to do.
 *
 * @param label The folder as the user named it, for the message.
 */
export async function assertOneRelease(out: string, run: ReleaseSettings, label: string = out): Promise<void> {
  for (const found of await recordedSettings(out)) {
    const differences = settingsDifferences(found.settings, run);
    if (differences.length === 0) continue;
    throw new OutputError(
      `${label} holds a release made with other settings (${found.where}: ${differences.join('; ')}); a folder holds one release: choose a new --out, or add --replace to discard the release in it first`,
    );
  }
}

/** The inputs of a batch, as the overrides check reads them. */
export interface OverrideCheckInputs {
  readonly files: readonly string[];
  readonly stemOf: (file: string, index: number) => string;
  readonly maxInputBytes: number;
  readonly inputFormat: InputFormat;
  /** Bytes of the file named `-`. */
  readonly stdin?: Uint8Array;
  /** The output folder whose earlier records may hold the documents some overrides name (null: not consulted). */
  readonly out: string | null;
}

/**
 * Throws a ConfigurationError (exit 78, `FILE:LINE: override for REF PORTION matches no …`)
 * when a decision of `overrides` applies to no document of the batch (nor, when `out` is given,
 * to a document already released into it with the same settings). Reads and parses every input
 * once, keeping only which decisions matched. Files that cannot be read are left to the batch,
 * which reports them.
 */
export async function assertOverridesApply(overrides: OverrideSet, inputs: OverrideCheckInputs): Promise<void> {
  // Imported here: the module loads yaml and zod, which a batch without overrides does without.
  const { OverrideMatcher, ambiguousOverridesError, unmatchedOverridesError } = await import('../rules/overrides.js');
  const matcher = new OverrideMatcher(overrides);
  const stems = new Set<string>();
  for (const [i, file] of inputs.files.entries()) {
    const stem = inputs.stemOf(file, i);
    stems.add(stem);
    const read = file === '-' && inputs.stdin ? await readInputData(inputs.stdin, inputs.maxInputBytes, inputs.inputFormat) : await readInput(file, inputs.maxInputBytes, inputs.inputFormat);
    if (!read.ok) continue;
    const sha256 = sha256Hex(read.bytes);
    matcher.see({ ref: read.doc.ref, names: documentNames(file, [stem], sha256), portions: read.doc.portions.map((p) => ({ id: p.id, mark: p.mark?.raw ?? null })), sha256, label: file });
  }
  if (matcher.unmatched().length > 0 && inputs.out !== null) {
    // Documents released into the folder by earlier runs with the same overrides file.
    for (const name of await listNames(path.join(inputs.out, REVIEW_DIR))) {
      const stem = stemOfRecordPath(`${REVIEW_DIR}/${name}`);
      if (stem === null || stems.has(stem)) continue;
      const bytes = await readBytesOrNull(path.join(inputs.out, REVIEW_DIR, name));
      const parsed = bytes ? parseRecord(stem, bytes) : null;
      if (parsed?.ok) {
        const { record } = parsed;
        matcher.see({ ref: record.input.ref, names: documentNames(record.input.path, [stem], record.input.sha256), portions: record.decisions.map((d) => ({ id: d.portionId, mark: d.mark })), sha256: record.input.sha256, label: record.input.path });
      }
    }
  }
  const error = ambiguousOverridesError(overrides.file, matcher.ambiguous()) ?? unmatchedOverridesError(overrides.file, matcher.unmatched());
  if (error) throw error;
}
