/**
 * The architecture, checked: the import rules of the layers (see import-rules.ts and the README's
 * "Architecture" section) on the real sources, each rule shown to fail on a planted violation,
 * and no long functions in the folders that hold the parser, engine, renderers and audit.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { longFunctions } from './function-length.js';
import { importViolations, readImportEdges, type ImportEdge } from './import-rules.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('import rules', () => {
  it('hold for the sources', () => {
    const edges = readImportEdges(ROOT);
    expect(edges.length).toBeGreaterThan(300);
    expect(importViolations(edges)).toEqual([]);
  });

  it.each<[string, ImportEdge[], RegExp]>([
    ['the core reading the disk', [{ from: 'src/parse/x.ts', to: 'node:fs' }], /src\/parse\/x\.ts imports node:fs: the core never touches the disk/],
    ['the core importing the CLI', [{ from: 'src/render/x.ts', to: 'src/cli/inputs.ts' }], /the core never imports cli\//],
    ['the core importing batch', [{ from: 'src/engine/x.ts', to: 'src/batch/run.ts' }], /the core never imports batch\//],
    ['the core importing audit', [{ from: 'src/markings/x.ts', to: 'src/audit/cross.ts' }], /the core never imports audit\//],
    ['the core importing node/', [{ from: 'src/rules/x.ts', to: 'src/node/read.ts' }], /the core never imports node\//],
    ['the CLI reading the disk itself', [{ from: 'src/cli/commands/x.ts', to: 'node:fs/promises' }], /only src\/node\/ touches the disk/],
    ['audit importing release internals', [{ from: 'src/audit/x.ts', to: 'src/release/index.ts' }], /audit reads release folders through src\/release\/folder\.ts only/],
    [
      'two folders importing each other',
      [
        { from: 'src/batch/job.ts', to: 'src/audit/cross.ts' },
        { from: 'src/audit/x.ts', to: 'src/batch/run.ts' },
      ],
      /folders import each other: src\/audit ↔ src\/batch/,
    ],
    [
      'a longer cycle of folders',
      [
        { from: 'src/a/x.ts', to: 'src/b/y.ts' },
        { from: 'src/b/y.ts', to: 'src/c/z.ts' },
        { from: 'src/c/z.ts', to: 'src/a/x.ts' },
      ],
      /folders import each other: src\/a ↔ src\/b ↔ src\/c \(src\/a → src\/b → src\/c → src\/a\)/,
    ],
    [
      'sibling folders below the top',
      [
        { from: 'src/cli/format/x.ts', to: 'src/cli/records/y.ts' },
        { from: 'src/cli/records/y.ts', to: 'src/cli/format/z.ts' },
      ],
      /src\/cli\/format ↔ src\/cli\/records/,
    ],
  ])('fail on %s', (_what, edges, message) => {
    const found = importViolations(edges);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('allow a folder and its parent to use each other, and audit the release folder contract', () => {
    expect(
      importViolations([
        { from: 'src/parse/index.ts', to: 'src/parse/header/index.ts' },
        { from: 'src/parse/header/types.ts', to: 'src/parse/lines.ts' },
        { from: 'src/audit/x.ts', to: 'src/release/folder.ts' },
        { from: 'src/node/read.ts', to: 'node:fs/promises' },
      ]),
    ).toEqual([]);
  });
});

describe('function length', () => {
  it('no function in parse/, engine/, render/, audit/, vaughn/ is over 80 lines', () => {
    const long = longFunctions(ROOT, ['src/parse', 'src/engine', 'src/render', 'src/audit', 'src/vaughn'], 80);
    expect(long.map((f) => `${f.file}: ${f.name} (${f.lines} lines)`)).toEqual([]);
  });
});
