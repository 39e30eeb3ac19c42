/**
 * The marking grammar: parsing portion marks and banners, comparing and combining markings,
 * banner roll-up and canonical formatting. Pure functions, no I/O.
 *
 * Conventions: levels are `U < C < S < TS`; controls are normalised to their banner abbreviations
 * in register order (see `Marking` in types.ts); REL TO lists are GENC codes, `USA` first.
 */
export { parseMarking } from './parse-marking.js';
export type { MarkingContext, MarkingOptions, MarkingParse } from './parse-marking.js';
export { relToFormProblems, relToSubset, type RelToProblem } from './rel-to.js';
export { caveatWordsSetAside, HANDLING_REQUEST_WORDS, parseCaveat } from './caveat.js';
export { classifyParenthetical } from './classify.js';
export { foldFullWidth, foldForeignLetters, foldForeignLettersMapped, hasForeignLetters } from './full-width.js';
export { MARKING_TOKENS } from './vocabulary.js';
export type { ParentheticalKind } from './classify.js';
export { compareLevels, isClassified, LEVELS, LEVEL_BANNER } from './levels.js';
export { abovePlainU, dominates, mostRestrictive, raisedByMark } from './compare.js';
export { rollUp } from './roll-up.js';
export { natoOwnBanner, natoReleaseBanner } from './nato-banner.js';
export { foreignInformation } from './foreign.js';
export type { ForeignInformation } from './foreign.js';
export { formatBanner, formatPortion } from './format.js';
export { addControls } from './add-controls.js';
export { normalisedNote } from './marking.js';
export { CONTROL_ORDER, UNCLASSIFIED_ONLY_CONTROLS } from './controls.js';
