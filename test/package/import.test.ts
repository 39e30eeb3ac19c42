/**
 * The package as a user gets it (issue 13, "the package imports"): `npm pack` of the built package,
 * unpacked into a temporary project's node_modules/declass beside its declared dependencies only,
 * then `import … from 'declass'` by name. The README's library example is run there as written and
 * type-checked against the packed declarations; files under dist/ are not importable (the
 * `exports` map); and `engines` admits no Node version a production dependency refuses.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tmp } from '../helpers/bin.js';

const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  exports: Record<string, unknown>;
};

/** The README's library example, between its markers. */
function readmeExample(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const m = /<!-- library-example -->\n```js\n([^]*?)```\n<!-- \/library-example -->/.exec(readme);
  if (!m) throw new Error('README.md has no library example between <!-- library-example --> markers');
  return m[1]!;
}

let project: string;
beforeAll(() => {
  project = tmp('package');
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string }[];
  const target = path.join(project, 'node_modules', pkg.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(project, packed[0]!.filename), '-C', target, '--strip-components', '1']);
  // Only the dependencies package.json declares are there (a missing one fails the import).
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(path.dirname(path.join(project, 'node_modules', dep)), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', dep), path.join(project, 'node_modules', dep), 'dir');
  }
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', type: 'module', private: true }));
  mkdirSync(path.join(project, 'samples'));
  copyFileSync(path.join(REPO, 'samples/08BERLIN173.txt'), path.join(project, 'samples/08BERLIN173.txt'));
}, 120_000);

const node = (file: string) => spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });

describe('import from the packed package by its name', () => {
  it("runs the README's library example: one cable released in memory", () => {
    writeFileSync(path.join(project, 'example.mjs'), readmeExample());
    const r = node('example.mjs');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toBe('DENIED IN FULL B1, 1.4(B), 1.4(D)');
    expect(out.slice(1, 4).map((l) => l.split(' ')[0])).toEqual(['release/08BERLIN173.txt', 'release/08BERLIN173.pdf', 'review/08BERLIN173.audit.json']);
    expect(out[4]).toBe('[]');
  });

  it('type-checks the example against the packed declarations (strict, NodeNext)', () => {
    writeFileSync(path.join(project, 'example.mts'), readmeExample());
    mkdirSync(path.join(project, 'node_modules', '@types'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules/@types/node'), path.join(project, 'node_modules/@types/node'), 'dir');
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['example.mts'] }),
    );
    const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exposes the library API (read, assess, profiles and overrides, evaluate, release, audit records, lint) and nothing under dist/', () => {
    writeFileSync(
      path.join(project, 'api.mjs'),
      `import * as declass from 'declass';
const names = ['readDocument', 'assessDocument', 'loadProfile', 'resolveProfile', 'loadOverrides', 'evaluate', 'releaseDocument',
  'renderReleasePdf', 'createAuditRecord', 'verifyAuditRecord', 'auditFolder', 'lintDocument', 'runReleaseBatch'];
console.log(names.filter((n) => typeof declass[n] !== 'function').join(',') || 'all there');
for (const inner of ['declass/dist/cli/main.js', 'declass/dist/index.js', 'declass/src/index.ts']) {
  try { await import(inner); console.log(inner, 'imported'); } catch (e) { console.log(inner, e.code); }
}
console.log((await import('declass/package.json', { with: { type: 'json' } })).default.name);
`,
    );
    const r = node('api.mjs');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'all there',
      'declass/dist/cli/main.js ERR_PACKAGE_PATH_NOT_EXPORTED',
      'declass/dist/index.js ERR_PACKAGE_PATH_NOT_EXPORTED',
      'declass/src/index.ts ERR_PACKAGE_PATH_NOT_EXPORTED',
      'declass',
    ]);
  });

  it('the packed CLI runs from the package (its bundled profiles travel with it)', () => {
    const r = spawnSync(process.execPath, [path.join(project, 'node_modules/declass/dist/cli/bin.js'), 'rules', 'list'], { cwd: project, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^public /m);
  });
});

/**
 * Whether every Node version from `min` on satisfies `range` (npm's syntax, the forms the
 * lockfile's engines fields use: `>=20.19.0 || >=22.13.0`, `>= 10`, `^14 || >=15.0.1`, `20.x`, `*`).
 * Checked at `min` itself and at the first release of each later major line, which is where an
 * engines range can first refuse a version.
 */
function admitsFrom(min: string, range: string): boolean {
  const v = (s: string) => s.split('.').map((x) => (x === 'x' || x === '' ? 0 : Number(x)));
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const satisfies = (version: number[], alternative: string): boolean =>
    alternative
      .trim()
      .replace(/([<>=^~])\s+/g, '$1')
      .split(/\s+/)
      .every((comparator) => {
        if (comparator.trim() === '*' || comparator.trim() === '') return true; // any version (exceljs's buffer-crc32, glob)
        const m = /^(>=|<=|>|<|=|\^|~)?\s*v?([\d.x]+)$/.exec(comparator.trim());
        if (!m) throw new Error(`engines range not understood: ${range}`);
        const [op, target] = [m[1] ?? '=', v(m[2]!)];
        const c = cmp(version, target);
        if (op === '>=') return c >= 0;
        if (op === '>') return c > 0;
        if (op === '<=') return c <= 0;
        if (op === '<') return c < 0;
        if (op === '^') return c >= 0 && version[0] === target[0];
        if (op === '~') return c >= 0 && version[0] === target[0] && version[1] === target[1];
        // A bare version or `20.x`: that line.
        return m[2]!.includes('x') || m[2]!.split('.').length < 3 ? version[0] === target[0] : c === 0;
      });
  const start = v(min);
  const probes = [start, ...Array.from({ length: 8 }, (_, i) => [start[0]! + 1 + i, 0, 0])];
  return probes.every((p) => range.split('||').some((alt) => satisfies(p, alt)));
}

describe('engines', () => {
  it('package.json engines admit no Node version that a production dependency (direct or not) refuses', () => {
    const min = /^>=\s*(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1];
    expect(min, `engines.node should be ">=X.Y.Z", is ${pkg.engines.node}`).toBeDefined();
    const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }> };
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (where === '' || entry.dev || !range) continue;
      if (!admitsFrom(min!, range)) refused.push(`${where.replace(/^.*node_modules\//, '')} (${range})`);
    }
    expect(refused).toEqual([]);
    // pdfjs-dist 5 is the strictest today: Node 20.19 or later.
    expect(admitsFrom('20.18.0', '>=20.19.0 || >=22.13.0 || >=24')).toBe(false);
    expect(admitsFrom(min!, '>=20.19.0 || >=22.13.0 || >=24')).toBe(true);
  });
});
