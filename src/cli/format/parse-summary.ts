/** The readable summary `declass parse` prints for one cable or document. */
import type { ParseRecord } from '../records/parse.js';
import { KEPT_AS_WRITTEN_CODES } from './explain.js';

/** The readable summary of one record. */
export function formatParseSummary(r: ParseRecord): string {
  const lines: string[] = [r.file];
  const banner = r.banner ? `${r.banner.raw}${r.banner.mark ? ` (${r.banner.mark})` : ' (not understood)'}` : r.pageBanners?.some((b) => b.highestPossible) ? '(none; its pages say highest possible, below)' : '(none)';
  lines.push(`  ref ${r.ref ?? '-'}  originated ${r.originated ?? '-'}  banner ${banner}`);
  if (r.format === 'document') {
    const a = r.authority;
    lines.push(`  authority ${a ? oneLine(a.raw, 100) : '(none)'}`);
    for (const b of r.pageBanners ?? []) lines.push(`  page ${b.page} ${b.position} banner${b.highestPossible ? ' (highest possible)' : ''}: ${oneLine(b.raw, 80)}`);
  } else {
    lines.push(
      `  E.O. ${r.eo?.order ?? '-'}  DECL ${r.decl ? JSON.stringify(r.decl.raw) : '(no E.O. line)'}  classified by ${r.classifiedBy ? (r.classifiedBy.reasons.join(', ') || '(no reasons)') : '-'}`,
    );
  }
  if (r.subject) lines.push(`  ${oneLine(r.subject, 100)}`);
  if (r.entireText) lines.push(`  entire text: ${oneLine(r.entireText, 60)}`);
  const counts = new Map<string, number>();
  for (const p of r.portions) counts.set(p.markingSource, (counts.get(p.markingSource) ?? 0) + 1);
  lines.push(`  ${r.portions.length} portion(s): ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}; ${r.furniture.length} page header(s)`);
  const idWidth = Math.max(4, ...r.portions.map((p) => p.id.length));
  for (const p of r.portions) {
    const level = p.marking ? [p.marking.level, ...(p.marking.sci?.length ? [p.marking.sci.join('/')] : []), ...p.marking.controls].join('//') + (p.marking.relTo.length ? `//REL TO ${p.marking.relTo.join(', ')}` : '') : '-';
    const where = `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;
    lines.push(`    ${p.id.padEnd(idWidth)}  ${where.padEnd(13)}  ${p.markingSource.padEnd(11)}  ${level.padEnd(10)}  ${p.mark ?? ''}`.trimEnd());
  }
  for (const d of r.diagnostics) {
    // Notes are many (a mark normalised…); text kept as written without being a portion is shown.
    if (d.severity === 'info' && !KEPT_AS_WRITTEN_CODES.has(d.code)) continue;
    lines.push(`  ${d.line ?? '-'}:${d.column ?? '-'}  ${d.severity}  ${d.message}  ${d.code}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
