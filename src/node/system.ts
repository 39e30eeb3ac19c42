/** Small facts and chores of the machine for the tools around the library (bench, worker pool). */
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when something exists at `p` (a file, folder or link target). */
export function pathExists(p: string): boolean {
  return existsSync(p);
}

/** A new empty folder in `parent` (default: the system's temporary folder), named `<prefix>XXXXXX`. */
export async function makeTempFolder(prefix: string, parent: string = os.tmpdir()): Promise<string> {
  return mkdtemp(path.join(parent, prefix));
}

/** Removes a folder and everything in it; a folder that is not there is no error. */
export async function removeTree(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** True when the module at `moduleUrl` is the script node was started with (not imported). */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(realpathSync(script)).href === moduleUrl;
}
