/**
 * A release folder on disk (its layout is src/release/folder.ts): refusing an output folder that
 * would mix with the inputs or leave the folder given, preparing one for a batch, and telling
 * whether a folder is a release folder at all.
 */
import { lstat, opendir, readdir, readFile, realpath, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, OutputError } from '../errors.js';
import { isOutputSubfolderName, isReleaseOutputPath, MANIFEST_PATH, PENDING_DIR, RELEASE_DIR, REVIEW_DIR, SUBFOLDERS } from '../release/folder.js';
import { describeFsError } from './errors.js';
import { makeFolders, TEMP_PREFIX } from './write.js';

/**
 * The real path of `p`, or of its nearest folder that exists with the rest of `p` after it: an
 * output folder not made yet (`alias/out`, where `alias` links to the input folder) was compared
 * as written and let the outputs be written inside the input folder.
 */
async function realOrResolved(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let head = abs; ; head = path.dirname(head)) {
    try {
      return path.join(await realpath(head), ...rest);
    } catch {
      if (path.dirname(head) === head) return abs;
      rest.unshift(path.basename(head));
    }
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses an output folder that is, or lies inside, an input folder, or that contains an input file
 * (outputs must never mix with or overwrite inputs), and one whose release/ or review/ is a
 * symbolic link or a file.
 */
export async function checkOutputFolder(outDir: string, inputs: readonly string[]): Promise<void> {
  // A release/ or review/ that is a link would carry the outputs out of the folder given.
  for (const sub of SUBFOLDERS) {
    const info = await lstat(path.join(outDir, sub)).catch(() => null);
    if (info && !info.isDirectory()) {
      throw new OutputError(`${path.join(outDir, sub)} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; declass writes only into real folders under --out`);
    }
  }
  const out = await realOrResolved(outDir);
  for (const input of inputs) {
    const real = await realOrResolved(input);
    const info = await stat(real).catch(() => null);
    if (info?.isDirectory() && isInside(out, real)) {
      throw new OutputError(`output folder ${outDir} is, or is inside, the input folder ${input}; choose another --out`);
    }
    if (info?.isFile() && isInside(real, out)) {
      throw new OutputError(`input ${input} lies inside the output folder ${outDir}; choose another --out`);
    }
  }
}

/**
 * Creates `out/release` and `out/review` and proves they can be written (a probe file written and
 * removed), so an unusable output folder is one error before the batch, not one per document.
 * Returns the folders it created, outermost first (for {@link removeEmptyFolders}).
 */
export async function prepareOutputFolder(out: string): Promise<string[]> {
  const created: string[] = [];
  // pending/ is made when a document pending review is written: most releases have none.
  for (const sub of [RELEASE_DIR, REVIEW_DIR]) {
    const dir = path.join(out, sub);
    const probe = path.join(dir, `${TEMP_PREFIX}${process.pid}-probe.tmp`);
    try {
      // mkdir names the outermost folder it had to create; those from there down to `dir` are new.
      const first = await makeFolders(dir);
      if (first !== undefined) created.push(...foldersFromTo(path.resolve(first), path.resolve(dir)));
      await writeFile(probe, '');
      await rm(probe, { force: true });
    } catch (error) {
      throw new OutputError(`cannot write into ${dir}: ${describeFsError(error)}`, { cause: error });
    }
  }
  return created;
}

/** `from` and the folders below it down to `to`, which lies inside it: outermost first. */
function foldersFromTo(from: string, to: string): string[] {
  const chain: string[] = [];
  for (let d = to; isInside(d, from); d = path.dirname(d)) {
    chain.unshift(d);
    if (d === from) break;
  }
  return chain;
}

/**
 * Removes the folders `created` names (as {@link prepareOutputFolder} returned them), innermost
 * first, each only when empty: a run that wrote nothing leaves nothing behind, and a folder that
 * something else wrote into meanwhile stays.
 */
export async function removeEmptyFolders(created: readonly string[]): Promise<void> {
  for (const dir of [...created].reverse()) await rmdir(dir).catch(() => undefined);
}

/**
 * True when `out` holds no documents' outputs yet: release/, pending/ and review/ are missing or
 * hold nothing but temporaries. Reads at most one name of each (a resumed folder may be large).
 */
export async function holdsNoOutputs(out: string): Promise<boolean> {
  for (const sub of SUBFOLDERS) {
    let dir;
    try {
      dir = await opendir(path.join(out, sub));
    } catch {
      continue;
    }
    try {
      for await (const entry of dir) if (!entry.name.startsWith(TEMP_PREFIX)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Throws InputError when `dir` is not a folder holding release/ or review/. */
export async function assertReleaseFolder(dir: string): Promise<void> {
  const info = await lstat(dir).catch((error: unknown) => {
    throw new InputError(`${dir}: ${describeFsError(error)}`);
  });
  if (!info.isDirectory()) throw new InputError(`${dir}: not a folder`);
  const hasSub = async (s: string) => (await lstat(path.join(dir, s)).catch(() => null))?.isDirectory() ?? false;
  let found = false;
  for (const sub of SUBFOLDERS) found = found || (await hasSub(sub));
  if (!found) throw new InputError(`${dir}: not a release folder (no release/ or review/ in it)`);
}

/**
 * The sub-folders of the release folder `dir` (release/, review/, pending/) that are there but
 * not folders: a symbolic link to a folder elsewhere is read through by a listing, and what is
 * handed out (the folder) may then not be what was audited.
 */
export async function subfoldersNotFolders(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of SUBFOLDERS) {
    const info = await lstat(path.join(dir, sub)).catch(() => null);
    if (info && !info.isDirectory()) out.push(sub);
  }
  return out;
}

/** What is at `file`, without following a link: nothing, a regular file, or something else (a folder, link, FIFO or device). */
export async function pathKind(file: string): Promise<'missing' | 'file' | 'other'> {
  const info = await lstat(file).catch(() => null);
  return info === null ? 'missing' : info.isFile() ? 'file' : 'other';
}

/** The JSON of `file`, or null when it cannot be read or parsed. */
async function readJsonOrNull(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The `path` (or `record`) strings of the objects of `list`, when it is an array. */
function listedPaths(list: unknown, key: 'path' | 'record'): string[] {
  return Array.isArray(list) ? list.map((e) => (e as Record<string, unknown> | null)?.[key]).filter((p): p is string => typeof p === 'string') : [];
}

/**
 * The files of `out` that the release in it lists: the manifest, the records and index files it
 * names, every audit record declass wrote (its `format`), and the outputs each record names. A file
 * whose name merely looks like an output (`release/cover-letter.pdf`) is not among them.
 */
async function listedOutputs(out: string): Promise<Set<string>> {
  const listed = new Set<string>([MANIFEST_PATH]);
  const manifest = (await readJsonOrNull(path.join(out, MANIFEST_PATH))) as Record<string, unknown> | null;
  for (const p of [...listedPaths(manifest?.['entries'], 'record'), ...listedPaths(manifest?.['index'], 'path')]) listed.add(p);
  for (const name of await readdir(path.join(out, REVIEW_DIR)).catch(() => [] as string[])) {
    if (!name.endsWith('.audit.json')) continue;
    const record = (await readJsonOrNull(path.join(out, REVIEW_DIR, name))) as Record<string, unknown> | null;
    if (typeof record?.['format'] !== 'string' || !record['format'].startsWith('declass-audit/')) continue;
    listed.add(`${REVIEW_DIR}/${name}`);
    for (const p of listedPaths(record['outputs'], 'path')) listed.add(p);
  }
  return listed;
}

/**
 * The files of `out`'s sub-folders (`subfolders`, or all three) that its release lists (or
 * temporaries), refusing with one line (exit 73) anything else: a sub-folder, a link, a file no
 * record lists, unless `expected` says this run writes and records it.
 */
async function releaseFilesOf(out: string, how: { what: string; done: string; subfolders: readonly string[] | null; expected: (rel: string) => boolean }): Promise<string[]> {
  const listed = await listedOutputs(out);
  const files: string[] = [];
  for (const sub of await readdir(out).catch(() => [] as string[])) {
    if (!isOutputSubfolderName(sub) || (how.subfolders !== null && !how.subfolders.includes(sub))) continue;
    const dir = path.join(out, sub);
    const info = await lstat(dir);
    if (!info.isDirectory()) throw new OutputError(`${how.what}: ${dir} is not a folder; declass did not make it (${how.done})`);
    for (const name of (await readdir(dir)).sort()) {
      const file = path.join(dir, name);
      const entry = await lstat(file);
      const rel = `${sub}/${name}`;
      const ours = entry.isFile() && (name.startsWith(TEMP_PREFIX) || (isReleaseOutputPath(rel) && (listed.has(rel) || how.expected(rel))));
      if (!ours) throw new OutputError(`${how.what}: ${file} is not a file declass writes${isReleaseOutputPath(rel) ? ' (no audit record or manifest lists it)' : ''}; move it out of ${dir} first (${how.done})`);
      files.push(file);
    }
  }
  return files;
}

/**
 * Refuses (exit 73, before anything is written) a `release/` or `pending/` holding a file no
 * record or manifest lists (`release/cover.txt`): declass wrote beside it without a word, and the
 * folder then failed its own audit (`unrecorded`; probe 67c F5). `expected` says which names this
 * run writes (a document an interrupted run wrote and did not record yet is resumed, not refused).
 */
export async function assertNoForeignFiles(out: string, expected: (rel: string) => boolean): Promise<void> {
  await releaseFilesOf(out, { what: 'release', done: 'nothing was written; declass audit fails a folder holding it', subfolders: [RELEASE_DIR, PENDING_DIR], expected });
}

/**
 * `release --replace`: removes the release in `out` (every file of `release/`, `review/` and
 * `pending/` that its manifest or an audit record lists, and temporaries of earlier runs) so a
 * release with other settings can be written there. Anything else in those folders (a sub-folder,
 * a link, a file no record lists, even one named like an output: `release/cover-letter.pdf`) is
 * refused before anything is removed: it may be someone's work, and it would sit among the new
 * release's files.
 *
 * @returns How many files were removed.
 */
export async function discardRelease(out: string): Promise<number> {
  const doomed = await releaseFilesOf(out, { what: '--replace', done: 'nothing was removed', subfolders: null, expected: () => false });
  for (const file of doomed) {
    try {
      await rm(file, { force: true });
    } catch (error) {
      throw new OutputError(`--replace: cannot remove ${file}: ${describeFsError(error)}`, { cause: error });
    }
  }
  return doomed.length;
}
