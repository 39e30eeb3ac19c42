/**
 * Where the bench writes its outputs, and when it deletes them: once, after the last section.
 *
 * Deleting a section's outputs before the next section runs made the next one slower for a reason
 * that is the bench's, not declass's: on an ext4 volume without a journal (this machine's root
 * file system) the inode allocator skips inodes deleted in the last 60 s (360 s while their inode
 * block is dirty) and looks each one up as it passes it (`recently_deleted` in fs/ext4/ialloc.c).
 * Measured with `perf` here: creating an empty file took 20-35 µs of kernel time in a folder of a
 * quiet volume and 450-790 µs just after 3,000 files had been deleted, most of it in
 * `recently_deleted` and `find_get_block_common`; a 600-cable batch's writer thread spent
 * 0.3 s of kernel time after a quiet minute and 1.8-2.5 s right after the previous batch's
 * outputs were deleted. A user's release into a new folder meets the first case.
 *
 * The orchestrating process makes one folder, {@link BENCH_OUTPUTS_ENV} tells the section
 * processes (and the PDF section) to write into it without deleting anything, and the
 * orchestrator deletes it at the end. A section run on its own (`--section X`) deletes its
 * folder when it is done, as before.
 */
import { makeTempFolder, removeTree } from '../node/system.js';

/** The environment variable naming the folder that holds every section's outputs until the bench ends. */
export const BENCH_OUTPUTS_ENV = 'DECLASS_BENCH_OUTPUTS';

/** A folder for one section's outputs, and what to do with it when the section is done. */
export interface Scratch {
  readonly dir: string;
  /** Deletes the folder, unless the orchestrator deletes every section's folder at the end. */
  done(): Promise<void>;
}

/** A new folder named `<prefix>XXXXXX`: in the bench's outputs folder when there is one, else in the system's temporary folder. */
export async function scratchFolder(prefix: string): Promise<Scratch> {
  const shared = process.env[BENCH_OUTPUTS_ENV];
  if (shared) return { dir: await makeTempFolder(prefix, shared), done: async () => undefined };
  const dir = await makeTempFolder(prefix);
  return { dir, done: () => removeTree(dir) };
}

/**
 * Runs `body` with one outputs folder for every section it starts (this process's and its
 * children's, through the environment), then deletes that folder.
 */
export async function withBenchOutputs<T>(body: () => Promise<T>): Promise<T> {
  if (process.env[BENCH_OUTPUTS_ENV]) return body();
  const root = await makeTempFolder('declass-bench-');
  process.env[BENCH_OUTPUTS_ENV] = root;
  try {
    return await body();
  } finally {
    delete process.env[BENCH_OUTPUTS_ENV];
    await removeTree(root);
  }
}
