/**
 * PDFs of a plain-text document made by other producers, for the PDF-input tests: pdf-lib (an
 * embedded TrueType font, Type0/Identity-H, from npm), groff's gropdf (Type1, custom encoding),
 * Ghostscript's ps2pdf (groff PostScript → subset Type1C, WinAnsi), headless Chromium printing
 * HTML (Skia: subset CID TrueType, Identity-H, glyph runs) and LibreOffice Writer exporting the
 * text (subset TrueType, WinAnsi, kerned TJ arrays). The first three keep the lines of the text
 * as they are, one text line per line, a new page at a form feed or every 56 lines; Chromium
 * keeps the lines too but breaks pages where its page is full; LibreOffice wraps lines longer
 * than its page is wide, as a word processor does.
 * A producer whose tool is missing is reported as such (the test says it skipped it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { liberationSans } from '../pdf/helpers/make.js';

/** A producer: its name, and a maker, or the reason it cannot run here. */
export interface Producer {
  readonly name: string;
  readonly missing: string | null;
  make(text: string): Promise<Uint8Array>;
}

const LINES_PER_PAGE = 56;

function pagesOf(text: string): string[][] {
  const out: string[][] = [];
  for (const page of text.split('\f')) {
    const lines = page.replace(/\n$/, '').split('\n');
    for (let i = 0; i < lines.length; i += LINES_PER_PAGE) out.push(lines.slice(i, i + LINES_PER_PAGE));
  }
  return out;
}

function has(tool: string, args: readonly string[]): boolean {
  return spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
}

/** Text as groff input in no-fill mode: 10 pt on 12 pt, control characters at line starts and backslashes escaped. */
function groffSource(text: string): string {
  const body = pagesOf(text)
    .map((lines) => lines.map((l) => (l === '' ? '' : `\\&${l.replace(/\\/g, '\\e')}`)).join('\n'))
    .join('\n.bp\n');
  return `.nf\n.ps 10\n.vs 12\n${body}\n`;
}

async function pdfLib(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(liberationSans(), { subset: false });
  for (const lines of pagesOf(text)) {
    const page = doc.addPage([612, 792]);
    lines.forEach((l, i) => {
      if (l.trim() !== '') page.drawText(l, { x: 54, y: 740 - 12.5 * i, size: 9.5, font });
    });
  }
  return doc.save({ useObjectStreams: false });
}

/** Runs `make(dir)` in a fresh temporary folder (each call its own, so tests in parallel do not share a profile), removed after. */
function inTempDir<T>(make: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'declass-producer-'));
  try {
    return make(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text as HTML: each page a `<pre>` in a serif face, 10 pt on 12 pt, a page break between them. */
function html(text: string): string {
  const pages = pagesOf(text).map((lines) => `<pre>${escapeHtml(lines.join('\n'))}</pre>`);
  const style = "@page{size:letter;margin:0.6in}body{margin:0}pre{font:10pt/12pt 'Liberation Serif',serif;margin:0;break-after:page}pre:last-child{break-after:auto}";
  return `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body>${pages.join('')}</body></html>`;
}

function chromium(text: string): Uint8Array {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'doc.html'), html(text));
    const out = path.join(dir, 'doc.pdf');
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${out}`, `file://${path.join(dir, 'doc.html')}`];
    execFileSync(CHROMIUM!, args, { stdio: 'ignore', timeout: 60_000 });
    return new Uint8Array(readFileSync(out));
  });
}

function libreOffice(text: string): Uint8Array {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'doc.txt'), text.replace(/\f/g, '\n'));
    const args = [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'doc.txt')];
    execFileSync('soffice', args, { stdio: 'ignore', timeout: 120_000 });
    return new Uint8Array(readFileSync(path.join(dir, 'doc.pdf')));
  });
}

const escapeXml = (t: string) => escapeHtml(t).replace(/"/g, '&quot;');

/**
 * Paragraphs as LibreOffice Writer lays out a justified document (flat ODT, Liberation Serif
 * 12 pt, US Letter): a `\n` inside a paragraph is a manual line break, before which Writer
 * stretches the line to the margin, as Word does unless told not to.
 */
export function libreOfficeJustified(paragraphs: readonly string[]): Uint8Array {
  const body = paragraphs.map((p) => `<text:p text:style-name="J">${p.split('\n').map(escapeXml).join('<text:line-break/>')}</text:p>`).join('');
  const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="J" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.1in"/><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:style>
<style:page-layout style:name="L"><style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" fo:margin-top="0.75in" fo:margin-bottom="0.75in" fo:margin-left="1in" fo:margin-right="1in"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="L"/></office:master-styles>
<office:body><office:text>${body}</office:text></office:body></office:document>`;
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 'doc.fodt'), fodt);
    const args = [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'doc.fodt')];
    execFileSync('soffice', args, { stdio: 'ignore', timeout: 120_000 });
    return new Uint8Array(readFileSync(path.join(dir, 'doc.pdf')));
  });
}

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => has(c, ['--version'])) ?? null;
const SOFFICE = has('soffice', ['--version']);
export const LIBREOFFICE_MISSING_REASON = SOFFICE ? null : 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui)';
const GROFF = has('groff', ['-v']);
// groff's PDF device is the package groff; groff-base (often there alone) has groff but no gropdf.
const GROPDF = GROFF && has('gropdf', ['-v']);
const PS2PDF = GROFF && has('gs', ['--version']);

/** The producers the tests run. */
export const PRODUCERS: readonly Producer[] = [
  { name: 'pdf-lib (Type0 Identity-H TrueType)', missing: null, make: pdfLib },
  {
    name: 'groff gropdf (Type1, custom encoding)',
    missing: GROPDF ? null : 'gropdf is not installed (apt-get install groff)',
    make: async (text) => execFileSync('groff', ['-Tpdf', '-k'], { input: groffSource(text), maxBuffer: 64 << 20 }),
  },
  {
    name: 'Ghostscript ps2pdf (Type1C subset, WinAnsi)',
    missing: PS2PDF ? null : 'groff or Ghostscript is not installed (apt-get install groff ghostscript)',
    make: async (text) => {
      const ps = execFileSync('groff', ['-Tps', '-k'], { input: groffSource(text), maxBuffer: 64 << 20 });
      return execFileSync('ps2pdf', ['-dDeterministicIDs=true', '-', '-'], { input: ps, maxBuffer: 64 << 20 });
    },
  },
  {
    name: 'Chromium print to PDF (Skia, CID TrueType subset, Identity-H)',
    missing: CHROMIUM ? null : 'Chromium is not installed (apt-get install chromium)',
    make: async (text) => chromium(text),
  },
  {
    name: 'LibreOffice Writer (TrueType subset, WinAnsi, kerned TJ)',
    missing: LIBREOFFICE_MISSING_REASON,
    make: async (text) => libreOffice(text),
  },
];
