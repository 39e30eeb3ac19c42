/**
 * Markdown that renders as a block apart from the line above it, beyond CommonMark's own (which
 * group.ts reads: quotes, HTML blocks, footnote and link definitions, setext headings, fences).
 * Each dialect's block is a portion of its own: read as the lazy continuation of a (U) line above
 * it, `(U) UQ1 Term` / `: ZQ1 definition` (a Pandoc or PHP Markdown Extra definition list) was
 * released as the (U) text (probe 66c F10). Unmarked, it is withheld in a classified document.
 */

/**
 * A line that opens a block in some Markdown dialect, never the wrap of a sentence: a definition
 * (`: …`, `~ …`), a fenced div (`:::`), a line opening with a pipe (a table's row or a GFM table's
 * head, in any dialect), a run of three of one sign (`^^^`, `+++`, `!!!`, `???`, `%%%`: fences,
 * admonitions, front matter, captions; not `...`, `***`, `___`, `---`, quotes), a math block
 * (`$$`), an attribute list (`{: .x}`, `{#id}`), an abbreviation's definition (`*[HTML]: …`), a table of
 * contents (`[TOC]`, `[[_TOC_]]`), a Pandoc title line (`% …`) and a Gemini link line (`=> …`).
 */
const DIALECT_BLOCK = /^(?:[:~][ \t]+\S|\||([!#$%&+:;<=>?@\\^`{|}~])\1\1|\$\$|\{[:.#]|\*\[[^\]]+\]:|\[\[?_?TOC_?\]\]?|%[ \t]|=>[ \t])/;

/** True when a line's text (blanks before it dropped) opens a block of its own in some Markdown dialect. */
export function opensDialectBlock(text: string): boolean {
  return DIALECT_BLOCK.test(text);
}

/** An HTML line break (`<br>`, `<br/>`, `<BR />`). */
const LINE_BREAK = /<br[ \t]*\/?>/gi;

/**
 * Where the text after each HTML line break inside a line starts, from `from` (the text after the
 * line's mark) to `last`: the break's offset, for each break with text after it. The text after
 * it renders on a line of its own, as a line under the (U) line would: it is not known to be the
 * (U) text (read so, `(U) UQ1 Lead line.<br>ZQ1 …` was released, probe 66c F10).
 */
export function lineBreaksInside(source: string, from: number, last: number): number[] {
  const out: number[] = [];
  if (from >= last) return out;
  const text = source.slice(from, last);
  if (!/<br/i.test(text)) return out;
  for (const m of text.matchAll(LINE_BREAK)) {
    const after = m.index + m[0].length;
    if (text.slice(after).trim() !== '') out.push(from + m.index);
  }
  return out;
}
