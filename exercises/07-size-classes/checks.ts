/**
 * The checks of exercise 7: request sizes (biased to the edges of the classes) judged by the
 * allocator's own rules (alignment, size-class-fits, the small-request threshold) and against the
 * reference constants of core/pymalloc/constants.ts.
 */
import fc from 'fast-check';
import {
  ALIGNMENT,
  INDEX2SIZE,
  NB_SMALL_SIZE_CLASSES,
  NUMBLOCKS,
  isSmallRequest,
  sizeClassIndex,
} from '../../core/pymalloc/constants';
import { studentExport } from '../student-exports';
import { anyCheck, type ExerciseCheck, type Mismatch } from '../types';
import type { LoadedStudent as LoadedStudentFunctions } from '../sandbox';

/** What the student says about one request: its class, and that class's block size. */
interface RequestAnswer {
  readonly sizeClass: number | null;
  readonly blockSize: number | null;
}

const edgeSizeArb = fc.oneof(
  fc.integer({ min: 0, max: 600 }),
  fc.integer({ min: 1, max: 32 }).map((k) => k * ALIGNMENT),
  fc.integer({ min: 1, max: 32 }).map((k) => k * ALIGNMENT + 1),
  fc.integer({ min: 0, max: 1 << 20 }),
);

function fn(student: LoadedStudentFunctions, name: string): (n: number) => unknown {
  return studentExport<(n: number) => unknown>(student, name, 'function');
}

function answerFor(student: LoadedStudentFunctions, nbytes: number): RequestAnswer {
  const cls = fn(student, 'sizeClass')(nbytes);
  const sizeClass = typeof cls === 'number' ? cls : null;
  return { sizeClass, blockSize: sizeClass === null ? null : Number(fn(student, 'blockSize')(sizeClass)) };
}

/** The reference's answer: null for the raw allocator. */
function referenceAnswer(nbytes: number): RequestAnswer {
  if (!isSmallRequest(nbytes)) return { sizeClass: null, blockSize: null };
  const sizeClass = sizeClassIndex(nbytes);
  return { sizeClass, blockSize: INDEX2SIZE(sizeClass) };
}

const show = (a: RequestAnswer): string =>
  a.sizeClass === null ? 'raw allocator (null)' : `size class ${a.sizeClass}, ${a.blockSize}-byte blocks`;

/** What rule the answer breaks, if any, then whether it differs from the reference. */
function judgeRequest(nbytes: number, got: RequestAnswer, want: RequestAnswer): Mismatch | null {
  const mismatch = (message: string): Mismatch => ({ step: 1, message, expected: show(want), observed: show(got) });
  if (want.sizeClass === null && got.sizeClass !== null)
    return mismatch(`a request of ${nbytes} bytes must go to the raw allocator (0 bytes, or more than 512)`);
  if (want.sizeClass !== null && got.sizeClass === null)
    return mismatch(`a request of ${nbytes} bytes is small: pymalloc serves it, not the raw allocator`);
  if (got.sizeClass === null) return null;
  if (got.blockSize! % ALIGNMENT !== 0)
    return mismatch(`[alignment] a ${got.blockSize}-byte block is not 16-byte aligned`);
  if (got.blockSize! < nbytes)
    return mismatch(`[size-class-fits] a ${got.blockSize}-byte block cannot hold ${nbytes} bytes`);
  if (got.sizeClass !== want.sizeClass || got.blockSize !== want.blockSize)
    return mismatch(`${nbytes} bytes must go to the smallest size class whose block holds it`);
  return null;
}

function requestCheck(name: string, arbitrary: fc.Arbitrary<number[]>, numRuns: number): ExerciseCheck {
  return anyCheck<number[], RequestAnswer[], RequestAnswer[]>({
    name,
    arbitrary,
    numRuns,
    observe: (student, sizes) => sizes.map((n) => answerFor(student, n)),
    expect: (sizes) => sizes.map(referenceAnswer),
    judge: (sizes, got, want) => {
      for (let i = 0; i < sizes.length; i++) {
        const m = judgeRequest(sizes[i], got[i], want[i]);
        if (m !== null) return { ...m, step: i + 1 };
      }
      return null;
    },
    describe: (sizes) => sizes.map((n) => `PyObject_Malloc(${n})`),
  });
}

const CLASSES = Array.from({ length: NB_SMALL_SIZE_CLASSES }, (_, i) => i);

/** Block size and blocks per pool of every class. */
const blocksCheck = anyCheck<number[], [number, number][], [number, number][]>({
  name: 'size-class-to-blocks',
  arbitrary: fc.shuffledSubarray(CLASSES, { minLength: 1 }),
  numRuns: 20,
  observe: (student, classes) =>
    classes.map((c) => [Number(fn(student, 'blockSize')(c)), Number(fn(student, 'blocksPerPool')(c))]),
  expect: (classes) => classes.map((c) => [INDEX2SIZE(c), NUMBLOCKS(c)]),
  judge: (classes, got, want) => {
    const i = got.findIndex(([size, blocks], k) => size !== want[k][0] || blocks !== want[k][1]);
    if (i < 0) return null;
    return {
      step: i + 1,
      message: `size class ${classes[i]} has the wrong block size or number of blocks per pool`,
      expected: `${want[i][0]}-byte blocks, ${want[i][1]} per pool`,
      observed: `${got[i][0]}-byte blocks, ${got[i][1]} per pool`,
    };
  },
  describe: (classes) => classes.map((c) => `blockSize(${c}), blocksPerPool(${c})`),
});

export const CHECKS: readonly ExerciseCheck[] = [
  requestCheck('request-to-size-class', fc.array(edgeSizeArb, { minLength: 1, maxLength: 20 }), 200),
  blocksCheck,
  requestCheck('every-request-size', fc.constant(Array.from({ length: 4097 }, (_, n) => n)), 1),
];
