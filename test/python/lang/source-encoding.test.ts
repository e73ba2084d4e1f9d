// Source bytes decoded as CPython 3.11 decodes them, each case compared with python3 itself: the
// same stderr line and exit status for a file it refuses, the same output for one it accepts.
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { decodeSource, SourceEncodingError } from '../../../python/lang/source-encoding';
import { cpython311, describeWithCPython } from '../../support/cpython311';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** Files CPython refuses: the line it prints. */
const REFUSED: Record<string, Buffer> = {
  'a latin-1 byte in a string, no coding line': bytes('x = 1\nprint("caf', [0xe9], '")\n'),
  'a stray continuation byte in a comment on line 4': bytes('\n\n\nprint("a")  # ', [0x80], '\n'),
  'a truncated sequence at the end of the file': bytes('print(1)\n# ', [0xe2, 0x82]),
  'a coding line on line 2 after a line of code is not one': bytes('print(1)\n# coding: latin-1\n# ', [0xff], '\n'),
  'an unknown encoding': bytes('# coding: no-such-codec\nprint(1)\n'),
};

/** Files CPython accepts: decoded to what it prints. */
const ACCEPTED: Record<string, [Buffer, string]> = {
  'UTF-8 with a byte order mark': [bytes([0xef, 0xbb, 0xbf], 'print("caf', [0xc3, 0xa9], '")\n'), 'print("café")\n'],
  'a PEP 263 latin-1 line': [
    bytes('# -*- coding: latin-1 -*-\nprint("caf', [0xe9], '")\n'),
    '# -*- coding: latin-1 -*-\nprint("café")\n',
  ],
  'a coding line on line 2 after a shebang': [
    bytes('#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\nprint("', [0xfc], '")\n'),
    '#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\nprint("ü")\n',
  ],
};

const dir = mkdtempSync(path.join(tmpdir(), 'pymemlab-encoding-'));
function onCPython(name: string, source: Buffer) {
  const file = path.join(dir, `${name.replace(/\W+/g, '_')}.py`);
  writeFileSync(file, source);
  const r = spawnSync(cpython311!.executable, [file], { encoding: 'utf8' });
  return { file, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function refusal(source: Buffer, file: string): string {
  try {
    decodeSource(source, file);
  } catch (error) {
    if (error instanceof SourceEncodingError) return error.message;
    throw error;
  }
  throw new Error('decoded a file CPython refuses');
}

test('the Non-UTF-8 message names the first bad byte, the file and the line', () => {
  expect(refusal(REFUSED['a latin-1 byte in a string, no coding line'], '/p/x.py')).toBe(
    "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file /p/x.py on line 2, but no encoding declared; " +
      'see https://peps.python.org/pep-0263/ for details',
  );
});

test('plain UTF-8 decodes unchanged', () => {
  expect(decodeSource(Buffer.from('print("é ✓")\n'), 'x.py')).toBe('print("é ✓")\n');
});

describeWithCPython('source decoding compared with python3', () => {
  test.each(Object.entries(REFUSED))('refused: %s (same stderr line, exit status 1)', (name, source) => {
    const real = onCPython(name, source);
    expect(real.status).toBe(1);
    expect(`${refusal(source, real.file)}\n`).toBe(real.stderr);
  });
  test.each(Object.entries(ACCEPTED))('accepted: %s', (name, [source, text]) => {
    const real = onCPython(name, source);
    expect(real.status).toBe(0);
    expect(decodeSource(source, real.file)).toBe(text);
  });
});
