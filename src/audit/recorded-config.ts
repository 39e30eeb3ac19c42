/**
 * The profiles and overrides files audit records name, found again (through src/node) and
 * checked against their recorded sha256; each is looked up once per audit.
 */
import { findRecordedOverrides, findRecordedProfile } from '../node/profiles.js';
import type { AuditRecord } from '../release/folder.js';
import type { Profile } from '../rules/load.js';
import type { OverrideSet } from '../rules/overrides.js';

/** Loads profiles and overrides as records name them, checking their sha256; cached. */
export class RecordedConfig {
  private readonly profiles = new Map<string, Profile | string>();
  private readonly overrideSets = new Map<string, OverrideSet | string>();

  /**
   * @param cwd Where recorded relative paths are resolved from.
   * @param profileFile A profile file to try first (`--profile`), when the recorded one moved.
   * @param overridesFile An overrides file to use instead of the recorded path (`--overrides`).
   */
  constructor(
    private readonly cwd: string,
    private readonly profileFile?: string,
    private readonly overridesFile?: string,
  ) {}

  /** The recorded profile, or why it cannot be had. */
  async profile(record: AuditRecord): Promise<Profile | string> {
    const key = `${record.profile.file}\u0000${record.profile.sha256}`;
    let got = this.profiles.get(key);
    if (got === undefined) this.profiles.set(key, (got = await findRecordedProfile(record.profile, { cwd: this.cwd, given: this.profileFile })));
    return got;
  }

  /** The recorded overrides (null when none), or why they cannot be had. */
  async overrides(record: AuditRecord): Promise<OverrideSet | null | string> {
    if (!record.overrides) return null;
    const key = `${record.overrides.file}\u0000${record.overrides.sha256}`;
    let got = this.overrideSets.get(key);
    if (got === undefined) this.overrideSets.set(key, (got = await findRecordedOverrides(record.overrides, { cwd: this.cwd, given: this.overridesFile })));
    return got;
  }
}
