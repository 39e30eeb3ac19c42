import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));

/** A fresh copy of the module: its once-per-process state starts anew. */
async function freshJit() {
  vi.resetModules();
  return import('../../src/node/jit.js');
}

describe('tuneJit', () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it('limits inlining and optimises later in a small batch, once per process', async () => {
    const { tuneJit, INLINED_BYTECODE_LIMIT, INTERRUPT_BUDGET, SMALL_BATCH_DOCUMENTS } = await freshJit();
    tuneJit(SMALL_BATCH_DOCUMENTS - 1);
    tuneJit(1);
    expect(setFlagsFromString.mock.calls).toEqual([[`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_LIMIT}`], [`--interrupt-budget=${INTERRUPT_BUDGET}`]]);
  });

  it("leaves V8's default to a large batch, and a later small one does not change it", async () => {
    const { tuneJit, SMALL_BATCH_DOCUMENTS } = await freshJit();
    tuneJit(SMALL_BATCH_DOCUMENTS);
    tuneJit(10);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
