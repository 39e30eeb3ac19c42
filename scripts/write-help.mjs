// Writes dist/cli/help.txt: the text `declass --help` prints, as commander formats it (at its
// fixed width). bin.ts prints it without loading the command line, as it does the version; a
// test compares the two. Run by `npm run build` after tsc. Usage: node scripts/write-help.mjs
import { writeFileSync } from 'node:fs';

const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
let text = '';
const io = {
  stdout: (s) => (text += s),
  stderr: (s) => process.stderr.write(s),
  now: () => new Date(0),
  cwd: () => process.cwd(),
  isTTY: false,
};
const code = await main(['--help'], io);
if (code !== 0 || text === '') throw new Error(`declass --help gave exit code ${code} and ${text.length} characters`);
writeFileSync(new URL('../dist/cli/help.txt', import.meta.url), text);
