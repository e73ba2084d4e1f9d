// printf-style formatting (`str % values`) against python3, byte for byte: programs that print
// gc counts, refcounts and __del__ output around it, and programs ending in its errors.
import { PERCENT_FAILING, PERCENT_PROGRAMS } from './percent-format-programs';
import { describeWithCPython } from '../../support/cpython311';
import { expectSameStdout, expectSameTraceback } from '../../support/run-cpython';

describeWithCPython('printf-style formatting compared with python3', () => {
  test.each(Object.entries(PERCENT_PROGRAMS))('%s: stdout identical to python3', (name, source) => {
    expectSameStdout(name, source);
  });

  test.each(Object.entries(PERCENT_FAILING))('%s: traceback identical to python3', (name, source) => {
    expectSameTraceback(name, source);
  });
});
