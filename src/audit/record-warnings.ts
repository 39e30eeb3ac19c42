/**
 * Warnings an audit passes on from the records themselves: a profile that calls itself by a
 * bundled profile's id but is not that file (a `public.yaml` edited to release more passed
 * silently), and the error-level diagnostics the release gave (a portion released while
 * classified, an unmarked portion, a declassification instruction in conflict): the markings of
 * the original were not consistent, and whoever reads the audit should know. With the originals
 * they are read from the re-run, not trusted from the record.
 */
import { bundledProfileSha256 } from '../node/profiles.js';
import type { AuditRecord, ReleaseSettings } from '../release/folder.js';
import { warning, type Finding } from './findings.js';

/**
 * Warning-level codes passed on with the error-level ones: a portion released while its document
 * is classified, and dates that contradict each other.
 */
const SURFACED_WARNINGS: ReadonlySet<string> = new Set(['released-while-classified', 'decl-conflict', 'decl-before-origin', 'as-of-before-origin']);

/** How many documents a diagnostic's warning names before `…`. */
const NAMED = 3;

/**
 * Error-level diagnostics (and {@link SURFACED_WARNINGS}) by code and by where they were read:
 * from the original read again in the re-run (with `--originals`: a record that lost its
 * diagnostics hides nothing, and the re-run check fails it), or from the record when there is no
 * re-run (no originals, or the re-run could not be made).
 */
export class RecordDiagnostics {
  private readonly byCode = new Map<string, string[]>();

  /**
   * Notes the error-level diagnostics of one document.
   *
   * @param rerun Whether `record` is the re-run's (the original read again) or the stored one.
   */
  add(stem: string, record: Pick<AuditRecord, 'diagnostics'>, rerun = false): void {
    const codes = new Set(record.diagnostics.filter((d) => d.severity === 'error' || SURFACED_WARNINGS.has(d.code)).map((d) => `${d.severity} ${d.code} ${rerun ? 'rerun' : 'record'}`));
    for (const code of codes) this.byCode.set(code, [...(this.byCode.get(code) ?? []), stem]);
  }

  /** One warning per code (and source): how many documents carry it, the first few by name. */
  findings(): Finding[] {
    return [...this.byCode]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, stems]) => {
        const named = [...stems].sort().slice(0, NAMED).join(', ') + (stems.length > NAMED ? ', …' : '');
        const [severity, name, source] = code.split(' ');
        return source === 'rerun'
          ? warning('.', 'record', `${stems.length} original(s) give the ${severity}-level diagnostic ${name} (${named}), read again with --originals: the release reported it (see declass explain)`)
          : warning('.', 'record', `${stems.length} record(s) carry the ${severity}-level diagnostic ${name} (${named}): the release reported it (see declass explain)`);
      });
  }
}

/** A warning per profile of the folder whose id is a bundled profile's but whose sha256 is not the bundled file's. */
export async function profilesPosingAsBundled(settings: readonly ReleaseSettings[]): Promise<Finding[]> {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const { profile } of settings) {
    const key = `${profile.id}\u0000${profile.sha256}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bundled = await bundledProfileSha256(profile.id);
    if (bundled === null || bundled === profile.sha256) continue;
    out.push(warning('.', 'consistency', `profile ${profile.id} (${profile.file}, sha256 ${profile.sha256.slice(0, 12)}…) is not the bundled ${profile.id} profile (sha256 ${bundled.slice(0, 12)}…): the release was made with another profile of that name`));
  }
  return out;
}
