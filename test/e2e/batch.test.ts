/**
 * `declass release` as a batch: --from-list, resume (skip-if-unchanged), --force, interruption,
 * progress bar, JSON summary, a batch mixing good and broken files, the input size limit, and
 * the worker-thread pool (through the built CLI) giving the same bytes as one thread. A worker
 * killed by its heap limit and Ctrl-C on a real batch are in batch.slow.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/node/profiles.js';
import type { Profile } from '../../src/rules/load.js';
import { runCli } from '../helpers/memory-io.js';
import { documentFiles, expectNoLeaksInFolder, releasedFile, releasedFiles, temporariesIn } from '../helpers/release-folder.js';

import { AS_OF, BIN, SAMPLES, tmp } from './batch-fixtures.js';

// Cables (.txt) and modern documents (.txt, .md): a folder is walked for both. An output stem drops
// `.txt` only (safeStem), so `x.md` is released as `x.md.txt` and `x.md.pdf`.
const sampleFiles = () => readdirSync(SAMPLES).filter((n) => /\.(?:txt|md)$/.test(n)).sort();
const originalsOf = (dir: string) => new Map(readdirSync(dir).filter((n) => /\.(?:txt|md)$/.test(n)).map((n) => [n.replace(/\.txt$/, ''), path.join(dir, n)]));

/** Every file under `dir` with its bytes, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

let profile: Profile;
beforeAll(async () => {
  profile = await resolveProfile('public');
});

describe('resume: re-running into the same folder', () => {
  it('skips documents already released with the same input, profile, date and version; --force and a new date release again', async () => {
    const out = tmp('resume');
    const args = ['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text,diff'];
    const first = await runCli([...args, '--json']);
    expect(first.code).toBe(0);
    const s1 = JSON.parse(first.stdout);
    expect(s1.documents).toBe(sampleFiles().length);
    expect(s1.skipped).toBe(0);
    const before = snapshot(out);

    const second = await runCli([...args, '--json']);
    const s2 = JSON.parse(second.stdout);
    expect(second.code).toBe(0);
    expect(s2.skipped).toBe(sampleFiles().length);
    expect(s2.outputFiles).toBe(0);
    // The counts come from the audit records and match the first run.
    const untimed = (s: { index: object | null }) => ({ ...s, seconds: 0, outputFiles: 0, outputBytes: 0, index: s.index && { ...s.index, seconds: 0 } });
    expect(untimed({ ...s2, skipped: 0 })).toEqual(untimed(s1));
    expect(snapshot(out)).toEqual(before);

    const forced = JSON.parse((await runCli([...args, '--json', '--force'])).stdout);
    expect(forced.skipped).toBe(0);
    expect(snapshot(out)).toEqual(before); // deterministic: the same bytes again

    // Another date is another release: refused in this folder, released again with --replace.
    const laterArgs = ['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', '2030-01-01', '--formats', 'text,diff', '--json'];
    const refused = await runCli(laterArgs);
    expect(refused.code).toBe(73);
    expect(snapshot(out)).toEqual(before);
    const later = JSON.parse((await runCli([...laterArgs, '--replace'])).stdout);
    expect(later.skipped).toBe(0);
    expect(later.documents).toBe(sampleFiles().length);
  });

  it('releases again a document whose outputs were changed or removed, and only that one', async () => {
    const out = tmp('resume-damaged');
    const args = ['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text,pdf', '--json'];
    expect((await runCli(args)).code).toBe(0);
    const [a, b, c] = sampleFiles().map((f) => f.replace(/\.txt$/, ''));
    rmSync(path.join(out, 'review', `${a}.audit.json`)); // as if interrupted before its record
    const bText = releasedFile(out, `${b}.txt`);
    const cPdf = releasedFile(out, `${c}.pdf`);
    writeFileSync(bText, 'tampered\n');
    rmSync(cPdf);
    const again = JSON.parse((await runCli(args)).stdout);
    expect(again.skipped).toBe(sampleFiles().length - 3);
    expect(again.documents).toBe(sampleFiles().length);
    expect(readFileSync(bText, 'utf8')).not.toBe('tampered\n');
    expect(existsSync(cPdf)).toBe(true);
    expect(await expectNoLeaksInFolder(out, originalsOf(SAMPLES), profile, AS_OF)).toBe(2 * sampleFiles().length);
  });

  it('removes outputs of formats no longer asked for, so the folder still audits clean', async () => {
    const out = tmp('resume-formats');
    const base = ['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--json'];
    expect((await runCli([...base, '--formats', 'text,pdf,review,diff'])).code).toBe(0);
    const fewer = JSON.parse((await runCli([...base, '--formats', 'text'])).stdout);
    expect(fewer.skipped).toBe(0);
    expect(documentFiles(path.join(out, 'release')).every((n) => n.endsWith('.txt'))).toBe(true);
    expect(readdirSync(path.join(out, 'review')).filter((n) => n.endsWith('.pdf') || n.endsWith('.diff'))).toEqual([]);
    const audit = await runCli(['audit', out, '--json']);
    expect(JSON.parse(audit.stdout).failures).toEqual([]);
    expect(audit.code).toBe(0);
  });

  it('does not skip when another profile is asked for (with --replace; without, the folder is refused)', async () => {
    const out = tmp('resume-profile');
    const base = ['release', SAMPLES, '--out', out, '--as-of', AS_OF, '--formats', 'text', '--json'];
    await runCli([...base, '--profile', 'public']);
    expect((await runCli([...base, '--profile', 'nato'])).code).toBe(73);
    const nato = JSON.parse((await runCli([...base, '--profile', 'nato', '--replace'])).stdout);
    expect(nato.skipped).toBe(0);
  });
});

describe('--from-list', () => {
  it('reads paths from a file, skipping blank lines and comments, together with paths on the command line', async () => {
    const out = tmp('list');
    const [a, b, c] = sampleFiles();
    const list = path.join(tmp('list-file'), 'cables.lst');
    writeFileSync(list, `# three cables\n${path.join(SAMPLES, a!)}\n\n${path.join(SAMPLES, b!)}\r\n`);
    const run = await runCli(['release', path.join(SAMPLES, c!), '--from-list', list, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).documents).toBe(3);
    expect(releasedFiles(out)).toEqual([a, b, c].sort());
  });

  it('reads paths from standard input with -', async () => {
    const out = tmp('list-stdin');
    const [a, b] = sampleFiles();
    const run = await runCli(['release', '--from-list', '-', '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text', '--json'], {
      stdin: `${path.join(SAMPLES, a!)}\n${path.join(SAMPLES, b!)}\n`,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).documents).toBe(2);
  });

  it('refuses a missing list, and no paths at all, in one line', async () => {
    const out = tmp('list-missing');
    const missing = await runCli(['release', '--from-list', '/nonexistent/list.txt', '--profile', 'public', '--out', out]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe('declass: --from-list /nonexistent/list.txt: no such file or folder\n');
    const none = await runCli(['release', '--profile', 'public', '--out', out]);
    expect(none.code).toBe(64);
    expect(none.stderr).toBe('declass: give cable files or folders, or --from-list FILE\n');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('a batch mixing good and broken files', () => {
  let inDir: string;
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  const good = () => sampleFiles().slice(0, 3);
  beforeAll(async () => {
    inDir = tmp('mixed-in');
    out = path.join(tmp('mixed-out'), 'out');
    for (const f of good()) copyFileSync(path.join(SAMPLES, f), path.join(inDir, f));
    const seed = readFileSync(path.join(SAMPLES, '08BERLIN173.txt'), 'utf8');
    writeFileSync(path.join(inDir, 'empty.txt'), '');
    writeFileSync(path.join(inDir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
    writeFileSync(path.join(inDir, 'nul.txt'), `${seed.slice(0, 400)}\u0000\u0000${seed.slice(400)}`);
    writeFileSync(path.join(inDir, 'latin1.txt'), Buffer.from(seed.replace('Berlin', 'Berlín'), 'latin1'));
    writeFileSync(path.join(inDir, 'crlf.txt'), seed.replace(/\n/g, '\r\n'));
    writeFileSync(path.join(inDir, 'longline.txt'), `${seed}\n${'A'.repeat(2 * 1024 * 1024)}\n`);
    writeFileSync(path.join(inDir, 'huge.txt'), Buffer.alloc(3 * 1024 * 1024, 'B'));
    run = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--max-input-mb', '2', '--formats', 'text,pdf']);
  }, 120_000);

  it('exits 1 and reports each broken file on one line, without a stack trace', () => {
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^declass: \S+\.txt: [^\n]+$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const reported = lines.map((l) => path.basename(l.split(': ')[1]!));
    expect(reported).toContain('empty.txt');
    expect(reported).toContain('binary.txt');
    expect(reported).toContain('huge.txt');
    expect(reported).toContain('longline.txt'); // 2 MB of line plus the cable: over --max-input-mb 2
    expect(run.stderr).toMatch(/huge\.txt: too large: 3 MB, over the 2 MB input limit \(raise it with --max-input-mb\)/);
    expect(reported).not.toContain(good()[0]);
  });

  it('releases the good ones (including the Latin-1 and CRLF copies) and leaks nothing', async () => {
    const released = releasedFiles(out);
    for (const f of good()) expect(released).toContain(f);
    expect(released).toContain('latin1.txt');
    expect(released).toContain('crlf.txt');
    const originals = originalsOf(inDir);
    expect(await expectNoLeaksInFolder(out, originals, profile, AS_OF)).toBe(released.length);
  });

  it('leaves no partial or temporary file, and nothing for a failed document', () => {
    expect(temporariesIn(out)).toEqual([]);
    const stems = new Set(documentFiles(path.join(out, 'release')).map((n) => n.replace(/\.(txt|pdf)$/, '')));
    for (const broken of ['empty', 'binary', 'huge', 'longline']) expect(stems.has(broken)).toBe(false);
    // Every released document has its audit record: nothing half-written.
    for (const stem of stems) expect(existsSync(path.join(out, 'review', `${stem}.audit.json`))).toBe(true);
  });
});

describe('interruption (Ctrl-C)', () => {
  it('finishes the documents in progress, writes the manifest, exits 130; the same command then resumes', async () => {
    const out = tmp('interrupt');
    const args = ['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text,pdf'];
    let interrupt: (() => void) | undefined;
    const run = await runCli(args, {
      onInterruptInstalled: (fire) => (interrupt = fire),
      // One Ctrl-C after the first document (a second one would stop the process at once).
      onStdout: () => {
        interrupt?.();
        interrupt = undefined;
      },
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted; finishing the documents in progress/);
    expect(run.stdout).toMatch(/interrupted: \d+ document\(s\) not started; run the same command again to resume/);
    expect(temporariesIn(out)).toEqual([]);
    const done = readdirSync(path.join(out, 'review')).filter((n) => n.endsWith('.audit.json'));
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(sampleFiles().length);
    expect(existsSync(path.join(out, 'review', 'manifest.json'))).toBe(true);

    const resumed = await runCli([...args, '--json']);
    const s = JSON.parse(resumed.stdout);
    expect(resumed.code).toBe(0);
    expect(s.skipped).toBe(done.length);
    expect(s.documents).toBe(sampleFiles().length);
    expect(await expectNoLeaksInFolder(out, originalsOf(SAMPLES), profile, AS_OF)).toBe(2 * sampleFiles().length);
  });
});

describe('progress and summary', () => {
  it('draws a progress bar on a terminal and prints no per-document lines there', async () => {
    const out = tmp('tty');
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text'], { tty: true });
    expect(run.code).toBe(0);
    expect(run.terminal).toMatch(new RegExp(`release \\|.*\\| \\d+/${sampleFiles().length} documents \\| [\\d.]+/s \\| ETA`));
    expect(run.stdout).not.toMatch(/^08BERLIN173: /m);
    expect(run.stdout).toMatch(/document\(s\) processed with profile public/);
  });

  it('draws nothing with --quiet or --json, or when standard error is not a terminal', async () => {
    for (const extra of [['--quiet'], ['--json']]) {
      const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', tmp('quiet'), '--as-of', AS_OF, '--formats', 'text', ...extra], { tty: true });
      expect(run.terminal).toBe('');
    }
    const plain = await runCli(['release', SAMPLES, '--profile', 'public', '--out', tmp('plain'), '--as-of', AS_OF, '--formats', 'text']);
    expect(plain.terminal).toBe('');
    expect(plain.stdout).toMatch(/^08BERLIN173: \d+ released, \d+ withheld/m);
  });

  it('gives documents, portions by authority, failures and elapsed time in the JSON summary', async () => {
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', tmp('json'), '--as-of', AS_OF, '--formats', 'text', '--json']);
    const s = JSON.parse(run.stdout);
    expect(s).toMatchObject({ profile: 'public', asOf: AS_OF, total: sampleFiles().length, documents: sampleFiles().length, failed: 0, skipped: 0, interrupted: false });
    expect(s.seconds).toBeGreaterThan(0);
    expect(s.withheld).toBe(Object.values(s.withheldByAuthority as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(Object.keys(s.withheldByAuthority).some((k) => k.startsWith('B1'))).toBe(true);
    expect(s.crossDocument.checked).toBe(true);
  });

  it('skips the cross-document check above --cross-check-limit and says so', async () => {
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', tmp('cross'), '--as-of', AS_OF, '--formats', 'text', '--cross-check-limit', '3']);
    expect(run.stdout).toMatch(/cross-document leak check skipped: more than 3 documents \(--cross-check-limit\)/);
  });

  it('refuses a bad --jobs in one line', async () => {
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', tmp('jobs'), '--jobs', '0']);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/^declass: option '-j, --jobs <n>' argument '0' is invalid\. expected a whole number from 1 to 256, got "0"\n$/);
  });
});

/** The built CLI (npm ci runs the build): worker threads exist only there. */
describe.skipIf(!existsSync(BIN))('worker-thread pool (built CLI)', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

  it('gives byte-identical outputs with 1 and 2 threads', () => {
    const one = tmp('pool-1');
    const two = tmp('pool-2');
    const base = ['release', SAMPLES, '--profile', 'public', '--as-of', AS_OF, '--quiet'];
    const r1 = cli([...base, '--out', one, '--jobs', '1']);
    const r2 = cli([...base, '--out', two, '--jobs', '2']);
    expect(r1.status).toBe(0);
    expect(r2.status).toBe(0);
    expect(r2.stdout).toMatch(/on 2 thread\(s\)/);
    const a = snapshot(one);
    const b = snapshot(two);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [k, v] of a) expect(b.get(k)?.equals(v), k).toBe(true);
  }, 120_000);
});

// The output folder may not lie inside an input folder even when the input comes from a list.
describe('output folder checks with --from-list', () => {
  it('refuses an --out inside a listed folder', async () => {
    const inDir = tmp('inside');
    mkdirSync(path.join(inDir, 'sub'));
    copyFileSync(path.join(SAMPLES, '08BERLIN173.txt'), path.join(inDir, '08BERLIN173.txt'));
    const list = path.join(tmp('inside-list'), 'l');
    writeFileSync(list, `${inDir}\n`);
    const run = await runCli(['release', '--from-list', list, '--profile', 'public', '--out', path.join(inDir, 'sub', 'out')]);
    expect(run.code).toBe(73);
    expect(run.stderr).toMatch(/^declass: output folder .* is, or is inside, the input folder .*; choose another --out\n$/);
  });

  it('refuses an --out not made yet under a link to the input folder (probe 10, F10)', async () => {
    const root = tmp('inside-link');
    const inDir = path.join(root, 'in');
    mkdirSync(inDir);
    copyFileSync(path.join(SAMPLES, '08BERLIN173.txt'), path.join(inDir, '08BERLIN173.txt'));
    symlinkSync(inDir, path.join(root, 'alias'));
    const run = await runCli(['release', inDir, '--profile', 'public', '--out', path.join(root, 'alias', 'out')]);
    expect(run.code).toBe(73);
    expect(run.stderr).toMatch(/is, or is inside, the input folder/);
    expect(existsSync(path.join(inDir, 'out'))).toBe(false);
  });
});

describe('output folder safety', () => {
  it('refuses an --out whose release/ is a symbolic link (outputs would land outside --out)', async () => {
    const out = tmp('link-out');
    const elsewhere = tmp('link-target');
    symlinkSync(elsewhere, path.join(out, 'release'));
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', out, '--as-of', AS_OF]);
    expect(run.code).toBe(73);
    expect(run.stderr).toBe(`declass: ${path.join(out, 'release')} is a symbolic link; declass writes only into real folders under --out\n`);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a 50 MB input by default with a message naming the limit, and writes nothing for it', async () => {
    const inDir = tmp('big-in');
    const seed = readFileSync(path.join(SAMPLES, '08BERLIN173.txt'), 'utf8');
    // A real cable followed by 50 MB of unmarked text: all of it must be withheld.
    const line = 'THE MINISTER SAID THAT THE TALKS WOULD CONTINUE NEXT WEEK IN THE CAPITAL.\n';
    const filler = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
    writeFileSync(path.join(inDir, 'BIG.txt'), `${seed}\n${filler}`);
    const out = tmp('big-out');
    const refused = await runCli(['release', inDir, '--profile', 'public', '--out', out, '--as-of', AS_OF, '--formats', 'text']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^declass: \S+BIG\.txt: too large: 50(\.\d)? MB, over the 10 MB input limit \(raise it with --max-input-mb\)\n$/);
    expect(existsSync(path.join(out, 'release', 'BIG.txt'))).toBe(false);
  }, 60_000);
});

describe('an unusable output folder', () => {
  it('is one error (exit 73) before the batch, not one per document', async () => {
    const file = path.join(tmp('not-a-folder'), 'plain-file');
    writeFileSync(file, 'x');
    const run = await runCli(['release', SAMPLES, '--profile', 'public', '--out', path.join(file, 'out'), '--as-of', AS_OF]);
    expect(run.code).toBe(73);
    expect(run.stderr).toBe(`declass: cannot write into ${path.join(file, 'out', 'release')}: not a folder\n`);
  });
});
