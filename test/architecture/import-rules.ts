/**
 * The import rules of the architecture (README "Architecture"), as a pure function over the
 * import edges of the TypeScript sources, and a reader of those edges. Used by
 * imports.test.ts, which also runs the rules on planted violations to show that each one fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import: the importing file and what it imports (both relative to the repository, with `/`). */
export interface ImportEdge {
  /** `src/parse/index.ts`. */
  readonly from: string;
  /** `src/markings/index.ts` for a source file, or the bare specifier of a package or builtin (`node:fs`). */
  readonly to: string;
}

/** The pure core: no disk, no clock, nothing above it. */
export const CORE = ['parse', 'markings', 'declass', 'rules', 'engine', 'render', 'leak', 'lint'] as const;

/** Folders the core may never import. */
const ABOVE_CORE = ['release', 'vaughn', 'node', 'audit', 'batch', 'cli', 'bench', 'fuzz'];

/** The file-system modules: only src/node/ may import them. */
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

/** The one module of release/ that audit may import: the release folder contract. */
const RELEASE_CONTRACT = 'src/release/folder.ts';

/** `parse` for `src/parse/header/zone.ts`, `index.ts` for `src/index.ts`; null outside src/. */
function topOf(file: string): string | null {
  const m = /^src\/([^/]+)/.exec(file);
  return m ? m[1]! : null;
}

/**
 * Every violation of the rules, one line each (empty when the sources keep them):
 * 1. the core does not import the file system or any folder above it;
 * 2. only src/node/ imports the file system;
 * 3. audit imports nothing of release/ but its contract, release/folder.ts;
 * 4. no folders that are siblings (src/parse and src/engine; src/cli/format and src/cli/records)
 *    import each other, directly or around a longer cycle.
 */
export function importViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const top = topOf(from);
    if (top === null) continue;
    const toTop = topOf(to);
    if ((CORE as readonly string[]).includes(top)) {
      if (FS_MODULES.has(to)) out.push(`${from} imports ${to}: the core never touches the disk`);
      if (toTop !== null && ABOVE_CORE.includes(toTop)) out.push(`${from} imports ${to}: the core never imports ${toTop}/`);
    } else if (FS_MODULES.has(to) && top !== 'node') {
      out.push(`${from} imports ${to}: only src/node/ touches the disk`);
    }
    if (top === 'audit' && toTop === 'release' && to !== RELEASE_CONTRACT) out.push(`${from} imports ${to}: audit reads release folders through ${RELEASE_CONTRACT} only`);
  }
  out.push(...folderCycles(edges));
  return out;
}

/**
 * Cycles between sibling folders. An import from `a/b/x.ts` to `a/c/y.ts` is an edge `a/b → a/c`;
 * an import between a folder and its own parent's files is not a folder edge.
 */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!to.startsWith('src/')) continue;
    const a = from.split('/');
    const b = to.split('/');
    let i = 0;
    while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
    // Both must be folders below the common ancestor (not a file in it).
    if (i >= a.length - 1 || i >= b.length - 1) continue;
    const fromFolder = a.slice(0, i + 1).join('/');
    const toFolder = b.slice(0, i + 1).join('/');
    if (fromFolder === toFolder) continue;
    if (!graph.has(fromFolder)) graph.set(fromFolder, new Set());
    graph.get(fromFolder)!.add(toFolder);
  }
  return stronglyConnected(graph)
    .filter((c) => c.length > 1)
    .map((c) => `folders import each other: ${c.sort().join(' ↔ ')} (${describeCycle(graph, c)})`);
}

/** One import path around a cycle, for the message. */
function describeCycle(graph: ReadonlyMap<string, ReadonlySet<string>>, component: readonly string[]): string {
  const inside = new Set(component);
  const start = [...component].sort()[0]!;
  const pathTaken = [start];
  let at = start;
  for (let k = 0; k < component.length; k++) {
    const next = [...(graph.get(at) ?? [])].filter((n) => inside.has(n)).sort()[0];
    if (next === undefined) break;
    pathTaken.push(next);
    if (next === start) break;
    at = next;
  }
  return pathTaken.join(' → ');
}

/** Tarjan's strongly connected components. */
function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const v of [...nodes].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Every `.ts` file under `dir`, relative to `root`. */
function sourcesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourcesUnder(root, rel));
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/**
 * The import edges of every TypeScript file under `root/src`: static, type-only, re-exports and
 * dynamic `import()` with a literal specifier. Relative specifiers are resolved to the `.ts` file.
 */
export function readImportEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourcesUnder(root, 'src')) {
    const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      const to = spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
      edges.push({ from: file, to });
    }
  }
  return edges;
}
