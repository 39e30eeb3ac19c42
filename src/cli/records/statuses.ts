import type { DeclStatus } from '../../types.js';

/** Every status, in the order counts are printed (apart from records/check.ts, so that `check --help` loads no assessment code). */
export const STATUSES: readonly DeclStatus[] = ['unclassified', 'classified', 'declassified', 'review', 'invalid'];
