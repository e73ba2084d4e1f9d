/**
 * Progress while a class grades: a cli-progress bar with ETA on a terminal, plain lines in CI
 * (or whenever stderr is not a TTY), so logs stay readable. Always on stderr: stdout is the summary.
 */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  /** One submission graded. */
  tick(name: string, score: number, maxScore: number): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar(
      { stream, format: 'grading [{bar}] {value}/{total} · ETA {eta_formatted} · {name}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total, 0, { name: '' });
    return { tick: (name) => bar.increment(1, { name }), stop: () => bar.stop() };
  }
  let done = 0;
  return {
    tick: (name, score, maxScore) => stream.write(`graded ${++done}/${total}: ${name} ${score}/${maxScore}\n`),
    stop: () => {},
  };
}
