// Bundles the command line (dist/cli/entry.js, with declass and its small dependencies) and the
// release pool's worker (dist/batch/worker.js) into dist/cli/bundle/, code-split at the dynamic
// imports so that what a command does not use is not loaded. Run by `npm run build` after tsc. Modules that find files next to themselves
// (`new URL('./worker.js', import.meta.url)`: worker threads, the bundled profiles) get the URL
// of their own file in dist/, so the unbundled worker files and data are found as before.
// Left out: packages that load their own files or native code (pdf.js, canvas, piscina, exceljs),
// and pdf-lib (see below).
import { build } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const OUT = 'dist/cli/bundle';

const ownUrls = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'js' };
      const rel = path.relative(path.resolve(OUT), args.path).split(path.sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// Chunks are named by their content: those of an earlier build would stay beside the new ones.
await rm(OUT, { recursive: true, force: true });
const result = await build({
  // The command line, and the release pool's worker (src/batch/executor.ts uses it when present).
  entryPoints: { entry: 'dist/cli/entry.js', worker: 'dist/batch/worker.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // pdf-lib: a CommonJS package whose named exports an import() of it must see as Node gives them.
  external: ['pdfjs-dist', 'pdfjs-dist/*', '@napi-rs/canvas', 'piscina', 'exceljs', 'pdf-lib', '@pdf-lib/*'],
  // CommonJS dependencies (commander) call require() for Node's modules: give the bundle one.
  banner: { js: "import { createRequire as __declassRequire } from 'node:module'; const require = __declassRequire(import.meta.url);" },
  plugins: [ownUrls],
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
});
// Which modules each file of the bundle holds (test/cli/startup.test.ts checks what a command loads by it).
const modules = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, o]) => [path.basename(file), Object.keys(o.inputs).sort()]));
await writeFile(path.join(OUT, 'modules.json'), `${JSON.stringify(modules, null, 1)}\n`);
