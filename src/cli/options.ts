import { InvalidArgumentError } from 'commander';

/** commander option parser for `YYYY-MM-DD` dates: a real calendar date, else a usage error. */
export function parseIsoDateOption(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.toISOString().slice(0, 10) === value) return value;
  }
  throw new InvalidArgumentError(`expected a date as YYYY-MM-DD, got "${value}"`);
}

/** commander option parser for a whole number of at least `min`, else a usage error. */
export function positiveInteger(min: number): (value: string) => number {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
    return Number(value);
  };
}
