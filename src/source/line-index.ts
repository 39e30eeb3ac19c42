import type { Point } from '../types.js';

/**
 * Maps offsets to 1-based line/column for display (ESLint's SourceCode#getLocFromIndex).
 * Build once per source; lookups are a binary search.
 */
export class LineIndex {
  /** Offsets at which each line starts; `lineStarts[0] === 0`. */
  private readonly lineStarts: number[];

  constructor(readonly source: string) {
    this.lineStarts = [0];
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** Number of lines (a trailing newline starts an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of a 0-based offset (clamped to the source). */
  pointAt(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1, offset: o };
  }

  /** 0-based offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.source.length;
  }
}
