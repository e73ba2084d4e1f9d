// The class-size programs (funcs/classes-*.py, compared with python3 in funcs.test.ts) must catch a
// wrong model of 3.11's shared keys: two plausible mistakes, injected one at a time, each change
// what they print, and the output is python3's again once the mistake is taken out.
import { readFileSync } from 'fs';
import path from 'path';
import { SharedKeys } from '../../../core/objects/sharedkeys';
import { runProgram } from '../../../python/interp/run';
import { describeWithCPython } from '../../support/cpython311';
import { runOnCPython } from '../../support/run-cpython';

const NAME = 'classes-sizes.py';
const SOURCE = readFileSync(path.join(__dirname, 'funcs', NAME), 'utf8');

/** The program's stdout on the simulator with `inject` in force (restored after). */
function withMistake(file: string, inject: () => jest.SpyInstance): string {
  const spy = inject();
  try {
    return runProgram(SOURCE, file).stdout;
  } finally {
    spy.mockRestore();
  }
}

describeWithCPython('the class-size programs catch a wrong model of shared keys', () => {
  test.each([
    [
      'new instances do not shrink the keys’ usable size (every __dict__ the first one’s size)',
      () =>
        jest.spyOn(SharedKeys.prototype, 'reserveForInstance').mockImplementation(function (this: SharedKeys) {
          return this.usableSize;
        }),
    ],
    [
      'the cached keys counted at twice their size in the class',
      () => {
        const bytes = SharedKeys.prototype.bytes;
        return jest.spyOn(SharedKeys.prototype, 'bytes').mockImplementation(function (this: SharedKeys, profile) {
          return 2 * bytes.call(this, profile);
        });
      },
    ],
  ])('%s', (_mistake, inject) => {
    const real = runOnCPython(NAME, SOURCE);
    expect(withMistake(real.file, inject)).not.toBe(real.stdout);
    expect(runProgram(SOURCE, real.file).stdout).toBe(real.stdout);
  });
});
