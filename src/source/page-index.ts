/** Pages of a source: split by form feeds, as the readers and pdftotext split them. Pure. */

/** Page number (1-based, pages split by form feeds) of an offset; linear set-up, log lookups. */
export function pageIndex(source: string): (offset: number) => number {
  const feeds: number[] = [];
  for (let i = source.indexOf('\f'); i >= 0; i = source.indexOf('\f', i + 1)) feeds.push(i);
  return (offset) => {
    let lo = 0;
    let hi = feeds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (feeds[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
