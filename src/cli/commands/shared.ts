import { isoDateOf } from '../../dates.js';
import type { Profile } from '../../rules/load.js';
import type { CommandContext } from '../context.js';
import type { Io } from '../io.js';

/** Today's date (UTC) as YYYY-MM-DD, from the injected clock. */
export function today(io: Io): string {
  return isoDateOf(io.now());
}

/**
 * The date a command decides as of: `--as-of`, or today. A date after today is a projection
 * (a declassification date between today and then counts as passed), which a release must not be
 * handed out as before that date: said on standard error, never quietly (a mistyped year).
 */
export function asOfDate(io: Io, given: string | undefined, release = false): string {
  const now = today(io);
  if (given === undefined) return now;
  if (given > now) {
    const then = release ? `; do not hand it out before ${given}` : '';
    io.stderr(`declass: warning: --as-of ${given} is after today (${now}): decided as the documents will stand then, declassification dates before it counted as passed${then}\n`);
  }
  return given;
}

/**
 * The profile of `--profile NAME|FILE` (release, explain), with what `declass rules check` would
 * warn about it said on standard error, one line each in its words (a `rule-unreachable` rule of a
 * profile file was used without a word); bundled profiles have none. `-p public` beside a file
 * named `public` uses the bundled profile: said too, with how to use the file.
 */
export async function loadProfileOption(ctx: CommandContext, ref: string): Promise<Profile> {
  const [{ bundledProfileSha256, bundledShadowsFile, isProfileName, resolveProfile }, { lintProfile }] = await Promise.all([import('../../node/profiles.js'), import('../../rules/lint.js')]);
  const profile = await resolveProfile(ref);
  const warn = ctx.colors().err.yellow('warning');
  if (await bundledShadowsFile(ref, ctx.io.cwd())) {
    ctx.io.stderr(`declass: ${warn}: --profile ${ref} is the bundled profile ${ref}, not the file "${ref}" in this folder; to use the file, write --profile ./${ref}\n`);
  }
  // A profile file that takes a bundled profile's id: the summary, the records and the index
  // name it `public` like the bundled one (probe 59a: only audit said it was another file).
  if (!isProfileName(ref)) {
    const bundled = await bundledProfileSha256(profile.id);
    if (bundled !== null && bundled !== profile.source.sha256) {
      ctx.io.stderr(`declass: ${warn}: profile ${profile.source.file} has the id of the bundled profile ${profile.id} but is not that file (sha256 ${profile.source.sha256.slice(0, 12)}… against ${bundled.slice(0, 12)}…): the outputs name it ${profile.id}; give it an id of its own\n`);
    }
  }
  for (const w of lintProfile(profile)) ctx.io.stderr(`declass: ${profile.source.file}:${w.line}: ${warn}: ${w.message} [${w.code}]\n`);
  return profile;
}
