// Drafts test/golden/expect/<name>.expect.json from the current engine, for a reviewer to check by hand
// before committing (the golden test compares the engine against these files, so a wrong golden
// accepted with `vitest -u` is still caught). Usage: node scripts/draft-expectations.mjs [--write]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseCable } from '../dist/parse/index.js';
import { evaluate } from '../dist/engine/evaluate.js';
import { loadProfile } from '../dist/rules/load.js';

const AS_OF = '2010-12-01';
const PROFILES = ['public', 'nato', 'us-secret', 'public-pii'];
const profiles = Object.fromEntries(PROFILES.map((p) => [p, loadProfile(readFileSync(`rules/${p}.yaml`, 'utf8'), `rules/${p}.yaml`)]));
for (const file of readdirSync('samples').filter((f) => f.endsWith('.txt')).sort()) {
  const doc = parseCable(readFileSync(`samples/${file}`, 'utf8'));
  const expect = { asOf: AS_OF };
  for (const p of PROFILES) {
    const plan = evaluate(doc, profiles[p], { asOf: AS_OF });
    expect[p] = Object.fromEntries(plan.decisions.map((d) => [d.portionId, `${d.action}${d.declassified ? ' declassified' : ''} ${d.ruleId.split('/').pop()}`]));
  }
  const out = `test/golden/expect/${file.replace(/\.txt$/, '.expect.json')}`;
  if (process.argv.includes('--write')) writeFileSync(out, `${JSON.stringify(expect, null, 2)}\n`);
  else console.log(out, JSON.stringify(expect.public));
}
