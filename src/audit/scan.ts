/**
 * Reading a release folder for the audit, through src/node: every file under release/, pending/
 * and review/ listed (symbolic links not followed) and hashed, and the text of release files (`.txt`
 * as UTF-8, `.pdf` read back with ./pdf-text.ts, text and metadata together).
 */
import path from 'node:path';
import { fileSha256Streamed, readBytesOrNull } from '../node/read.js';
import { listTree } from '../node/walk.js';
import { isReleaseFilePath, MANIFEST_PATH, stemOfRecordPath, stemOfReleaseFile, SUBFOLDERS } from '../release/folder.js';
import { cutAtLabelLines, cutAtLabels } from '../leak/tool-words.js';
import { extractPdfStrings } from './pdf-text.js';

/** A file found under release/ or review/ (path relative to the folder, with `/`). */
export interface FolderFile {
  readonly rel: string;
  readonly regular: boolean;
  /** Null for what is not a regular file, or a file that cannot be read (see `unreadable`). */
  readonly sha256: string | null;
  /** Size in bytes of a regular file hashed. */
  readonly size?: number;
  /** Why a regular file could not be hashed (a file-system error). */
  readonly unreadable?: string;
  /** Bytes, kept (when asked for) for release/ files, audit records and the manifest only. */
  readonly bytes: Uint8Array | null;
}

/** True for the files whose bytes a folder read into memory keeps. */
function kept(rel: string): boolean {
  return isReleaseFilePath(rel) || stemOfRecordPath(rel) !== null || rel === MANIFEST_PATH;
}

/**
 * Every file of both sub-folders of `dir`, hashed, in listing order; with `keepBytes`, the bytes
 * of release files, audit records and the manifest are kept too. Files are hashed a megabyte at
 * a time (a file of gigabytes in flat memory); what is not a regular file (a FIFO, a device) is
 * listed, never opened for reading.
 */
export async function scanFolder(dir: string, keepBytes: boolean): Promise<FolderFile[]> {
  const out: FolderFile[] = [];
  for (const sub of SUBFOLDERS) {
    for (const entry of await listTree(dir, sub)) {
      if (!entry.regular) {
        out.push({ rel: entry.rel, regular: false, sha256: null, bytes: null });
        continue;
      }
      const file = path.join(dir, entry.rel);
      const hash = await fileSha256Streamed(file);
      if (!hash.ok) {
        out.push(hash.regular ? { rel: entry.rel, regular: true, sha256: null, unreadable: hash.message, bytes: null } : { rel: entry.rel, regular: false, sha256: null, bytes: null });
        continue;
      }
      out.push({ rel: entry.rel, regular: true, sha256: hash.sha256, size: hash.size, bytes: keepBytes && kept(entry.rel) ? await readBytesOrNull(file) : null });
    }
  }
  return out;
}

/** A release file's text: `.txt` as UTF-8, `.pdf` read back (text and metadata). */
export interface ReleasedText {
  readonly rel: string;
  readonly stem: string;
  /** Null when the file could not be read back (see `unreadable`). */
  readonly text: string | null;
  /**
   * The text as the leak checks read it: pieces read apart. A PDF's text is cut at its box labels
   * (src/leak/tool-words.ts) and its metadata is a piece of its own; a text file is one piece
   * (the checks cut it at its placeholders).
   */
  readonly pieces: readonly string[];
  /**
   * A PDF's objects read raw (./pdf-objects.ts): each decoded stream (attachments, scripts,
   * content, fonts) and the names of its objects. Searched for 8-word runs only: a short withheld
   * piece (a name, a number) is found in a font's or an image's bytes by chance. A PDF's strings
   * are among `pieces`.
   */
  readonly raw?: readonly string[];
  /** A PDF's page count as pdf.js reads it (absent for a text, or when pdf.js cannot read the file). */
  readonly pages?: number;
  readonly unreadable?: string;
}

/**
 * The text of a release file from its bytes. `labels` are the box labels its PDF may draw (the
 * authorities of the record's withholdings).
 */
export function releasedText(rel: string, bytes: Uint8Array, labels: readonly string[] = []): ReleasedText {
  const stem = stemOfReleaseFile(rel);
  if (rel.toLowerCase().endsWith('.pdf')) {
    const pdf = extractPdfStrings(bytes);
    return pdf.ok
      ? { rel, stem, text: `${pdf.text}\n\u0000\n${pdf.metadata}`, pieces: [...cutAtLabelLines(pdf.text, labels), pdf.metadata], raw: pdf.raw }
      : { rel, stem, text: null, pieces: [], unreadable: pdf.message };
  }
  const text = Buffer.from(bytes).toString('utf8');
  return { rel, stem, text, pieces: [text] };
}

/**
 * The text of the release file `rel` of the folder `dir`, or null when it cannot be read. A PDF
 * is also read with pdf.js (page text in any font encoding, metadata, annotations): a release
 * made from a PDF input keeps the original's fonts (two-byte CID codes), which the string reader
 * alone cannot decode. `labels` as for {@link releasedText}.
 */
export async function readReleasedText(dir: string, rel: string, labels: readonly string[] = []): Promise<ReleasedText | null> {
  const bytes = await readBytesOrNull(path.join(dir, rel));
  if (!bytes) return null;
  const own = releasedText(rel, bytes, labels);
  if (!rel.toLowerCase().endsWith('.pdf')) return own;
  try {
    // pdf.js is loaded when a PDF is scanned, not with the audit.
    const { readPdfText } = await import('../pdf/pdfjs.js');
    const pdf = await readPdfText(bytes);
    const text = [...pdf.pages.map((runs) => runs.map((r) => r.str).join(' ')), ...pdf.extra].join('\n');
    // Its items, a page's joined with a space and pages with a line break, as in `text`.
    const items = pdf.pages.flatMap((runs, page) => runs.map((r, i) => ({ str: r.str, first: i === 0 && page > 0 })));
    const pieces = [...cutAtLabels(items.map((t) => t.str), labels, (i) => (items[i]!.first ? '\n' : ' ')), pdf.extra.join('\n')];
    // The own reader read every object and stream (it fails on a filter it does not decode): its
    // raw texts are the file's; else pdf-lib reads the objects (a PDF input's release keeps its images).
    const pages = pdf.pages.length;
    if (own.text !== null) return { rel, stem: own.stem, text: `${own.text}\n\u0000\n${text}`, pieces: [...own.pieces, ...pieces], ...(own.raw ? { raw: own.raw } : {}), pages };
    return await withObjects({ rel, stem: own.stem, text, pieces, pages }, bytes);
  } catch (error) {
    return own.text === null ? own : { rel, stem: own.stem, text: null, pieces: [], unreadable: `pdf.js cannot read it: ${(error as Error).message}` };
  }
}

/**
 * A PDF's text with what its objects hold besides (./pdf-objects.ts): every string as a piece,
 * every stream and name as raw text. A file whose objects cannot be read is unreadable: what it
 * holds cannot be checked.
 */
async function withObjects(read: ReleasedText, bytes: Uint8Array): Promise<ReleasedText> {
  try {
    const { pdfObjectTexts } = await import('./pdf-objects.js');
    const objects = await pdfObjectTexts(bytes);
    return { ...read, pieces: [...read.pieces, objects.strings], raw: objects.streams };
  } catch (error) {
    return { rel: read.rel, stem: read.stem, text: null, pieces: [], unreadable: `its objects cannot be read: ${(error as Error).message}` };
  }
}
