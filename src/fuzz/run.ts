/**
 * `npm run fuzz [-- --seconds N] [--seed S] [--out DIR] [--corpus DIR] [--iterations N]`:
 * mutates real cables, and makes synthetic memos and cables (generate.ts), for a bounded time and
 * checks the release invariants on each (see check.ts); without the shared corpus, synthetic
 * documents only. Prints a summary; exits 1 when any input broke an invariant, after writing each one
 * as a reproducer (`<iteration>.txt`, the exact bytes; `<iteration>.min.txt`, shrunk;
 * `<iteration>.json`, what broke and how to replay it) to `--out` (default: a new temporary folder).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeTempFolder, removeTree } from '../node/system.js';
import { makeFolder, writeFilePlain } from '../node/write.js';
import type { Profile } from '../rules/load.js';
import { checkInput } from './check.js';
import { runFuzz, type FuzzCase, type SeedCable } from './loop.js';
import { minimize } from './minimize.js';
import { loadBundledProfiles, loadSeeds, ROOT } from './seeds.js';

/** Read-only data shared with other projects: never a place for output. */
const SHARED = path.resolve(ROOT, '../shared');
const DEFAULT_CORPUS = path.join(SHARED, 'corpus/cables');

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(64);
}

async function writeCase(out: string, c: FuzzCase, profiles: readonly Profile[]): Promise<void> {
  const base = path.join(out, String(c.iteration).padStart(6, '0'));
  await writeFilePlain(`${base}.txt`, c.bytes);
  // Shrink against the first finding: same kind, same profile, same date.
  const target = c.findings[0]!;
  const only = profiles.filter((p) => p.id === target.profile);
  const stillFails = async (candidate: Uint8Array): Promise<boolean> => {
    const r = await checkInput(candidate, { profiles: only.length > 0 ? only : profiles, asOf: c.asOf });
    return r.findings.some((f) => f.kind === target.kind && f.stage === target.stage);
  };
  const small = await minimize(c.bytes, stillFails);
  await writeFilePlain(`${base}.min.txt`, small);
  const meta = { seed: c.seed, iteration: c.iteration, cable: c.cable, mutators: c.mutators, asOf: c.asOf, bytes: c.bytes.length, minimizedBytes: small.length, findings: c.findings };
  await writeFilePlain(`${base}.json`, `${JSON.stringify(meta, null, 2)}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '180' },
      seed: { type: 'string' },
      out: { type: 'string' },
      corpus: { type: 'string', default: DEFAULT_CORPUS },
      iterations: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: npm run fuzz -- [--seconds N (180)] [--seed S] [--out DIR] [--corpus DIR] [--iterations N]\n');
    return;
  }
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) fail(`--seconds: expected a positive number, got "${values.seconds}"`);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) fail(`--seed: expected a non-negative integer, got "${values.seed}"`);
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations <= 0)) fail(`--iterations: expected a positive integer`);
  const corpus = path.resolve(values.corpus);
  const out = values.out ? path.resolve(values.out) : await makeTempFolder('declass-fuzz-');
  if (isInside(out, SHARED) || isInside(out, corpus)) fail(`--out ${out}: refused, it is inside read-only input (${isInside(out, corpus) ? corpus : SHARED})`);
  await makeFolder(out);

  let seeds: SeedCable[] = [];
  try {
    seeds = await loadSeeds(corpus);
  } catch (error) {
    // Without the shared corpus (a clone on its own) the fuzzer still runs on synthetic documents.
    if (values.corpus !== DEFAULT_CORPUS) fail(`--corpus ${corpus}: ${(error as Error).message}`);
    process.stdout.write(`fuzz: no corpus at ${corpus}: synthetic documents only\n`);
  }
  if (seeds.length === 0 && values.corpus !== DEFAULT_CORPUS) fail(`--corpus ${corpus}: no *.txt cables`);
  const profiles = await loadBundledProfiles();

  const started = performance.now();
  const deadline = started + seconds * 1000;
  process.stdout.write(`fuzz: seed ${seed}, ${seeds.length} cables and synthetic memos and cables, profiles ${profiles.map((p) => p.id).join(', ')}, up to ${seconds} s; reproducers in ${out}\n`);
  const summary = await runFuzz({
    seeds,
    profiles,
    seed,
    ...(iterations !== undefined ? { iterations } : {}),
    shouldStop: () => performance.now() >= deadline,
    onCase: async (c) => {
      process.stdout.write(`  iteration ${c.iteration} (${c.cable}; ${c.mutators.join(', ')}; as of ${c.asOf}): ${c.findings.map((f) => `${f.kind}${f.profile ? ` [${f.profile}]` : ''}: ${f.message}`).join('; ')}\n`);
      await writeCase(out, c, profiles);
    },
  });
  const elapsed = (performance.now() - started) / 1000;
  const kinds = Object.entries(summary.findings).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const mutators = Object.entries(summary.mutators).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
  process.stdout.write(
    `fuzz: ${summary.iterations} inputs in ${elapsed.toFixed(1)} s (seed ${seed}): ${summary.refused} refused cleanly, ${summary.cases} broke an invariant; findings: ${kinds}\n` +
      `fuzz: mutators applied: ${mutators}\n` +
      (summary.cases > 0 ? `fuzz: reproducers in ${out}\n` : ''),
  );
  // A temporary folder made for this run and left empty is not worth keeping.
  if (summary.cases === 0 && values.out === undefined) await removeTree(out);
  process.exitCode = summary.cases > 0 ? 1 : 0;
}

await main();
