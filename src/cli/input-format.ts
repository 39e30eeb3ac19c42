import { Option } from 'commander';
import { INPUT_FORMATS, type InputFormat } from '../parse/readers.js';

/**
 * `--input-format auto|cable|document`: which reader to use. `auto` (the default) picks the cable
 * parser for text with a routing header, reference id, E.O. or TAGS line, the document reader
 * otherwise (see parse/read.ts).
 */
export function inputFormatOption(): Option {
  return new Option('--input-format <format>', 'reader for the inputs: cable, document, or auto (picked from each file\'s content)')
    .choices(INPUT_FORMATS as string[])
    .default('auto');
}

/** The option's value as commander gives it. */
export type { InputFormat };
