import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../dates.js';

/** commander option parser for `YYYY-MM-DD` dates: a real calendar date, else a usage error. */
export function parseIsoDateOption(value: string): string {
  if (isIsoDate(value)) return value;
  throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
}

/** commander option parser for a whole number of at least `min`, else a usage error. */
export function positiveInteger(min: number): (value: string) => number {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
    return Number(value);
  };
}
