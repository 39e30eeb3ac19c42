/**
 * The manifest's own fields against the records (probe 67c F4): the chain binds only its entries,
 * and the consistency check compares only the run's sha256 values and date, so an edited profile
 * id (`public` → `us-secret`), profile or overrides file, tool version or an added key passed.
 * Every field is now known, and each that names something a record also names must name what some
 * record does. Pure.
 */
import { MANIFEST_PATH, type AuditRecord, type Hold } from '../release/folder.js';
import { failure, type Finding } from './findings.js';

/** What the records name that the manifest's run and tool also name. */
export class RecordedNames {
  readonly profileIds = new Set<string>();
  readonly profileFiles = new Set<string>();
  readonly overridesFiles = new Set<string>();
  readonly toolVersions = new Set<string>();
  /** The hold of each record held in pending/ (release --cross-leak hold), by stem: the manifest's entry must state it, and the cross check find it. */
  readonly holds = new Map<string, Hold>();

  noteHold(stem: string, record: Pick<AuditRecord, 'held'>): void {
    if (record.held) this.holds.set(stem, record.held);
  }

  note(record: Pick<AuditRecord, 'profile' | 'overrides' | 'tool'>): void {
    this.profileIds.add(record.profile.id);
    this.profileFiles.add(fileName(record.profile.file));
    if (record.overrides) this.overridesFiles.add(fileName(record.overrides.file));
    this.toolVersions.add(record.tool.version);
  }

  get empty(): boolean {
    return this.profileIds.size === 0;
  }
}

/** The keys declass writes, by where they are in the manifest. */
const KEYS: Record<string, readonly string[]> = {
  '': ['format', 'tool', 'run', 'entries', 'head', 'index'],
  tool: ['name', 'version'],
  run: ['profile', 'asOf', 'overrides', 'case'],
  'run.profile': ['id', 'file', 'sha256'],
  'run.overrides': ['file', 'sha256'],
  'entries[]': ['stem', 'record', 'sha256', 'chain', 'held'],
  'index[]': ['kind', 'path', 'sha256', 'bytes'],
};

/**
 * A file's name without its folders: a run names its profile and overrides files as given
 * (`ov.yaml`), its records as resolved (`/work/ov.yaml`); the sha256 binds the contents.
 */
function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Keys of `value` that declass does not write at `where`, as `where.key`. */
function unknownKeys(value: unknown, where: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const known = KEYS[where] ?? [];
  const at = where.replace(/\[\]$/, '');
  return Object.keys(value).filter((k) => !known.includes(k)).map((k) => (at ? `${at}.${k}` : k));
}

/**
 * One failing line per manifest field that is not declass's (`chain`) or names what no record
 * names (`consistency`). `text` is the manifest's text (null or unreadable: the chain check says so).
 */
export function checkManifestFields(text: string | null, names: RecordedNames): Finding[] {
  let m: Record<string, unknown>;
  try {
    m = text === null ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return [];
  }
  if (!m || typeof m !== 'object') return [];
  const run = (m['run'] ?? null) as { profile?: Record<string, unknown>; overrides?: Record<string, unknown> | null } | null;
  const unknown = [
    ...unknownKeys(m, ''),
    ...unknownKeys(m['tool'], 'tool'),
    ...unknownKeys(run, 'run'),
    ...unknownKeys(run?.profile, 'run.profile'),
    ...unknownKeys(run?.overrides, 'run.overrides'),
    ...(Array.isArray(m['entries']) ? m['entries'].flatMap((e: unknown) => unknownKeys(e, 'entries[]')) : []),
    ...(Array.isArray(m['index']) ? m['index'].flatMap((e: unknown) => unknownKeys(e, 'index[]')) : []),
  ];
  const out = [...new Set(unknown)].map((k) => failure(MANIFEST_PATH, 'chain', `${k} is no field of a declass manifest: a manifest holds only what declass writes`));
  if (Array.isArray(m['entries'])) out.push(...entryHolds(m['entries'], names.holds));
  if (names.empty) return out;
  const tool = (m['tool'] ?? {}) as Record<string, unknown>;
  const named = (field: string, value: unknown, recorded: ReadonlySet<string>, transform: (v: string) => string = (v) => v): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'string' && recorded.has(transform(value))) return;
    out.push(failure(MANIFEST_PATH, 'consistency', `${field} ${JSON.stringify(value)} is not what the records name (${[...recorded].sort().join(', ') || 'none'})`));
  };
  named('tool.name', tool['name'], new Set(['declass']));
  named('tool.version', tool['version'], names.toolVersions);
  named('run.profile.id', run?.profile?.['id'], names.profileIds);
  named('run.profile.file', run?.profile?.['file'], names.profileFiles, fileName);
  // Overrides named where the records name none: the consistency check's line says so already.
  if (names.overridesFiles.size > 0) named('run.overrides.file', run?.overrides?.['file'], names.overridesFiles, fileName);
  return out;
}

/**
 * Each manifest entry's `held` as its record states it (the chain binds the record, not the
 * entry): a hold dropped from the manifest, or one added, fails `consistency`.
 */
function entryHolds(entries: readonly unknown[], holds: ReadonlyMap<string, Hold>): Finding[] {
  const out: Finding[] = [];
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const { stem, held } = e as { stem?: unknown; held?: unknown };
    if (typeof stem !== 'string') continue;
    const recorded = holds.get(stem);
    if (JSON.stringify(held ?? null) !== JSON.stringify(recorded ?? null)) {
      out.push(failure(MANIFEST_PATH, 'consistency', `entry ${stem}: ${held === undefined ? 'states no hold' : 'states a hold'}, but its record ${recorded ? `says ${recorded.reason === 'cross-document' ? 'held: cross-document' : 'another hold'}` : 'holds nothing'}`));
    }
  }
  return out;
}
