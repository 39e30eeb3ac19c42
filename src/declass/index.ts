/**
 * Declassification instructions → status as of a date (issue "declass check").
 *
 * - {@link parseDecl}: the text of an E.O. / `Declassify On:` line → {@link DeclValue};
 * - {@link assessDeclassification}: a value, origination date, level and as-of date → {@link DeclAssessment};
 * - {@link assessDocument}: the same for a parsed cable.
 *
 * Pure: no clock and no I/O; the as-of date is always an input.
 */
export { parseDecl } from './parse-decl.js';
export { parseDateText, type DateReading } from './parse-date.js';
export {
  assessDeclassification,
  assessDocument,
  assessAuthorityBlock,
  automaticDate,
  documentLevel,
  DECL_RULES,
  type AssessInput,
  type DeclRule,
} from './assess.js';
export { governingOrder, CLASSIFICATION_ORDERS, type ClassificationOrder } from './orders.js';
export { DECL_YEAR_PIVOT, isIsoDate } from '../dates.js';
export type { DeclAssessment, DeclKind, DeclStatus, DeclValue } from '../types.js';
