/** Functions longer than a limit, found with the TypeScript parser (no type checking). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A function over the limit: where, its name (or `(anonymous)`) and its length in lines. */
export interface LongFunction {
  readonly file: string;
  readonly name: string;
  readonly lines: number;
}

function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...filesUnder(root, rel));
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** Every function, method or arrow function under `dirs` (relative to `root`) longer than `limit` lines. */
export function longFunctions(root: string, dirs: readonly string[], limit: number): LongFunction[] {
  const out: LongFunction[] = [];
  for (const file of dirs.flatMap((d) => filesUnder(root, d))) {
    const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
        if (last - first + 1 > limit) out.push({ file, name, lines: last - first + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
