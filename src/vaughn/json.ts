/** The index as JSON (format `declass-vaughn-index/1`): pretty, with a final newline. */
import type { VaughnIndex } from './types.js';

/** The JSON text of the index. */
export function renderIndexJson(index: VaughnIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}
