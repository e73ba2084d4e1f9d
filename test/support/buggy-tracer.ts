import { TracedAllocator } from '../../core/pymalloc/traced-allocator';

/**
 * Runs `body` with an injected tracemalloc bug: each small request is traced as the pymalloc
 * block it gets (rounded up to a 16-byte size class) rather than the bytes requested, as
 * _tracemalloc.c traces them. Tests expect output that depends on traced sizes to change.
 */
export function withSizeClassTracer<T>(body: () => T): T {
  const malloc = TracedAllocator.prototype.malloc;
  const spy = jest.spyOn(TracedAllocator.prototype, 'malloc').mockImplementation(function (
    this: TracedAllocator,
    nbytes: number,
  ) {
    return malloc.call(this, nbytes <= 512 ? Math.ceil(nbytes / 16) * 16 : nbytes);
  });
  try {
    return body();
  } finally {
    spy.mockRestore();
  }
}
