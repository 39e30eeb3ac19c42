/**
 * An installation with a file of its bundle missing (a partial copy, a failed build) fails with
 * one line on standard error and exit 2, as every error does, not with Node's stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/bin.js';

const root = mkdtempSync(path.join(tmpdir(), 'declass-broken-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a broken installation', () => {
  it('a chunk the command line imports is missing: one line, exit 2', () => {
    cpSync(path.join(REPO, 'dist'), path.join(root, 'dist'), { recursive: true });
    for (const name of ['node_modules', 'package.json', 'rules']) symlinkSync(path.join(REPO, name), path.join(root, name));
    const entry = readFileSync(path.join(root, 'dist/cli/bundle/entry.js'), 'utf8');
    const chunk = /from "\.\/(chunk-[A-Z0-9]+\.js)"/.exec(entry)?.[1];
    expect(chunk).toBeDefined();
    rmSync(path.join(root, 'dist/cli/bundle', chunk!));
    const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/bin.js'), 'check', path.join(REPO, 'samples')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^declass: internal error: cannot load the command line \\(Cannot find module '[^']*${chunk!.replace('.', '\\.')}' [^\\n]*\\); reinstall declass, or run npm run build\\n$`));
  });
});
