/**
 * Names of files no record accounts for (probe 59a F7): audit's `unrecorded:` line quoted such a
 * name in full, though it may be made of withheld words (`release/<a withheld sentence>.txt`),
 * and audit lines never quote withheld text. Each name is checked against every document's
 * withheld text by the test release names its outputs with (src/leak/name-check.ts: a withheld
 * word the release does not show, hidden in the name's letters or not, or a run of
 * withheld words), and one that repeats it is shown masked: its folder and the sha256 of the name.
 */
import type { WithheldPiece } from '../engine/withheld.js';
import { sha256Hex } from '../hash.js';
import { INDEX_FORMATS, indexPath, MANIFEST_PATH } from '../release/folder.js';
import { withheldNameCheck } from '../leak/name-check.js';
import { normalisedWords, SHINGLE_WORDS } from '../leak/words.js';

/** The withheld pieces of 8 words or more: what is looked for where short pieces are found by chance. */
export function longPieces(pieces: readonly WithheldPiece[]): WithheldPiece[] {
  return pieces.filter((p) => normalisedWords(p.text).length >= SHINGLE_WORDS);
}

/** The names of a folder's files that no record's stem names, and those found to repeat withheld text. */
export class StrayNames {
  private readonly candidates: readonly string[];
  private readonly masked = new Set<string>();

  /** `files`: every path of the folder (relative, with `/`); `stems`: the stems of its records. */
  constructor(files: readonly string[], stems: ReadonlySet<string>) {
    const known = new Set<string>([MANIFEST_PATH, ...INDEX_FORMATS.map(indexPath)]);
    this.candidates = files.filter((rel) => !known.has(rel) && !ofStem(rel, stems));
  }

  /** Checks every candidate name against one document's withheld text. */
  check(withheld: readonly WithheldPiece[], visible: string): void {
    const open = this.candidates.filter((c) => !this.masked.has(c));
    if (open.length === 0) return;
    const holds = withheldNameCheck({ withheld, visible });
    for (const c of open) if (holds(c.slice(c.indexOf('/') + 1))) this.masked.add(c);
  }

  /** How a finding names `rel`: as it is, or masked when the name repeats withheld text. */
  shown(rel: string): string {
    if (!this.masked.has(rel)) return rel;
    return `${rel.slice(0, rel.indexOf('/'))}/<a name that repeats withheld text, sha256 ${sha256Hex(new TextEncoder().encode(rel.slice(rel.indexOf('/') + 1))).slice(0, 12)}…>`;
  }
}

/** True when the file's name (in its folder, up to a dot) is a record's stem. */
function ofStem(rel: string, stems: ReadonlySet<string>): boolean {
  const base = rel.slice(rel.indexOf('/') + 1);
  if (base.includes('/')) return false;
  for (let at = base.indexOf('.'); at >= 0; at = base.indexOf('.', at + 1)) if (stems.has(base.slice(0, at))) return true;
  return stems.has(base);
}
