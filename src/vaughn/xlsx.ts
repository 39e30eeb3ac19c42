/**
 * The index as a spreadsheet (`.xlsx`, written by exceljs): one sheet, a frozen heading row,
 * wrapped text. Deterministic: the workbook's dates are the as-of date, and the zip entries'
 * timestamps (which JSZip, under exceljs, takes from the clock) are set to a fixed one.
 */
import { INDEX_COLUMNS } from './columns.js';
import type { VaughnIndex } from './types.js';

/** The bytes of the `.xlsx` of the index. */
export async function renderIndexXlsx(index: VaughnIndex): Promise<Uint8Array> {
  // exceljs is large: loaded when a spreadsheet is written, not with the library.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const date = new Date(`${index.asOf ?? '1980-01-01'}T00:00:00Z`);
  workbook.creator = 'declass';
  workbook.lastModifiedBy = 'declass';
  workbook.created = date;
  workbook.modified = date;
  const sheet = workbook.addWorksheet('Vaughn index', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INDEX_COLUMNS.map((c) => ({ header: c.heading, width: Math.max(8, Math.round(c.pdfWidth * 1.4)) }));
  for (const row of index.rows) sheet.addRow(INDEX_COLUMNS.map((c) => c.cell(row)));
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buffer as ArrayBuffer));
}

/** DOS date of 1980-01-01, 00:00: the earliest a zip can say, and the same on every run. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Sets the modification time and date of every entry of a zip, in its central directory and its
 * local headers, to 1980-01-01 00:00 (neither is covered by a CRC). Throws on a zip it cannot read.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('not a zip: bad central directory entry');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('not a zip: bad local header');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
