import { Writable } from 'stream';
import { createProgress } from '../../graders/progress';

/** A stream that keeps what is written, posing as a terminal or not. */
function stream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const s = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  s.isTTY = isTTY;
  s.columns = 120;
  s.cursorTo = (() => true) as never;
  s.clearLine = (() => true) as never;
  s.moveCursor = (() => true) as never;
  return { stream: s, text: () => text };
}

const withoutCI = <T>(f: () => T): T => {
  const ci = process.env.CI;
  delete process.env.CI;
  try {
    return f();
  } finally {
    if (ci !== undefined) process.env.CI = ci;
  }
};

test('on a terminal, a bar with the count, the ETA and the submission graded last', () => {
  const out = stream(true);
  withoutCI(() => {
    const progress = createProgress(3, out.stream);
    progress.tick('alice', 10, 10);
    progress.tick('bob', 4, 10);
    progress.stop();
  });
  expect(out.text()).toMatch(/grading \[.*\] 2\/3 · ETA \S+ · bob/);
  expect(out.text()).not.toContain('graded 1/3');
});

test('in CI or when not on a terminal, one plain line per submission with its score', () => {
  for (const tty of [false, true]) {
    const out = stream(tty);
    const ci = process.env.CI;
    process.env.CI = 'true';
    try {
      const progress = createProgress(2, out.stream);
      progress.tick('alice', 10, 10);
      progress.tick('<b>bob</b>', 4, 10);
      progress.stop();
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
    expect(out.text()).toBe('graded 1/2: alice 10/10\ngraded 2/2: <b>bob</b> 4/10\n');
  }
});
