import { observeAllocator } from '../../../core/pymalloc/live-block-ledger';
import { Pymalloc } from '../../../core/pymalloc/pymalloc';

/** The observer classifies raw blocks from the requests alone, by CPython's routing rules. */
describe('observeAllocator', () => {
  test('malloc: 0 and > 512 bytes are raw, 1..512 pooled', () => {
    const observed = observeAllocator(new Pymalloc());
    const sizes = [0, 1, 512, 513];
    const addresses = sizes.map((n) => observed.malloc(n));
    const byAddress = new Map(observed.ledger.blocks().map((b) => [b.address, b]));
    expect(addresses.map((a) => byAddress.get(a)?.raw)).toEqual([true, false, false, true]);
    expect(observed.snapshot().liveBlocks).toEqual(observed.inner.snapshot().liveBlocks);
  });

  test('realloc: a raw block stays raw; a pooled block turns raw only for a raw size', () => {
    const observed = observeAllocator(new Pymalloc());
    const raw = observed.realloc(observed.malloc(1000), 10);
    const pooled = observed.realloc(observed.malloc(10), 100);
    const moved = observed.realloc(observed.malloc(10), 0);
    const byAddress = new Map(observed.ledger.blocks().map((b) => [b.address, b]));
    expect(byAddress.get(raw)).toMatchObject({ nbytes: 10, raw: true });
    expect(byAddress.get(pooled)).toMatchObject({ nbytes: 100, raw: false });
    expect(byAddress.get(moved)).toMatchObject({ nbytes: 0, raw: true });
    expect(observed.snapshot().liveBlocks).toEqual(observed.inner.snapshot().liveBlocks);
  });

  test('a failed free leaves the ledger alone', () => {
    const observed = observeAllocator(new Pymalloc());
    const p = observed.malloc(8);
    observed.free(p);
    expect(() => observed.free(p)).toThrow();
    expect(observed.ledger.blocks()).toEqual([]);
  });
});
