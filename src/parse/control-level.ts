/**
 * FOUO, SBU, LOU and CUI mark unclassified information only (CAPCO p134, p176; domain.md §1.3):
 * a mark or banner that pairs one with a classified level (`(C//FOUO)`, `SECRET//SBU`) is not a
 * valid marking. The level covers the control, so the decision reads the level as before; this
 * says so, for both readers (probe 64c F6: such a mark was accepted without a word). Pure.
 */
import { isClassified, parseMarking, UNCLASSIFIED_ONLY_CONTROLS } from '../markings/index.js';
import type { Diagnostic, Document, Marking, Span } from '../types.js';

/** A warning for each portion mark and banner of `doc` that pairs such a control with a classified level. */
export function controlWithClassifiedLevel(doc: Document): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<number>();
  const note = (raw: string, marking: Marking | null, span: Span): void => {
    const controls = marking && isClassified(marking.level) ? marking.controls.filter((c) => UNCLASSIFIED_ONLY_CONTROLS.has(c)) : [];
    if (controls.length === 0 || seen.has(span.start)) return;
    seen.add(span.start);
    out.push({
      severity: 'warning',
      code: 'control-with-classified-level',
      message: `The marking ${JSON.stringify(raw)} pairs ${controls.join(', ')}, a control for unclassified information only, with the classified level ${marking!.level}: not a valid marking; read as ${marking!.level}, which covers it.`,
      span,
    });
  };
  // A portion's mark as written: its marking may also hold what marks inside its text raised.
  for (const p of doc.portions) {
    const own = p.mark && p.markingSource === 'marked' ? parseMarking(p.mark.raw, 'portion') : null;
    if (own?.ok) note(p.mark!.raw, own.marking, p.mark!.span);
  }
  for (const b of [...(doc.banner ? [doc.banner] : []), ...(doc.pageBanners ?? [])]) note(b.raw, b.marking, b.span);
  return out;
}
