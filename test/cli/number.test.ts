import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/cli/format/number.js';

describe('groupThousands', () => {
  it.each([0, 7, 500, 999, 1000, 2000, 12345, 251287, 1048575, 1234567890])('%i as toLocaleString("en-US") gives it', (n) => {
    expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });
});
