/**
 * A check's verdict as a student reads it in a terminal: the check's name and meaning, the shrunk
 * counterexample as numbered steps, expected against observed, the heap at the failing step, and
 * the one command that replays exactly that case.
 */
import type { CheckReport } from './types';

/** Control characters of untrusted text (program output, messages) made visible, not obeyed. */
export function escapeTerminal(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((l) => by + l)
    .join('\n');

const MAX_STEPS_SHOWN = 30;

/**
 * Which step indices to print (null for an elision): all of a short counterexample; of a long one
 * (an exhaustive check), the first few and the few around the failing step.
 */
function shownSteps(count: number, failing: number | null): (number | null)[] {
  if (count <= MAX_STEPS_SHOWN) return Array.from({ length: count }, (_, i) => i);
  const keep = new Set<number>([0, 1, 2]);
  if (failing !== null) for (let i = failing - 3; i <= failing + 1; i++) if (i >= 0 && i < count) keep.add(i);
  const out: (number | null)[] = [];
  let last = -1;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (i !== last + 1) out.push(null);
    out.push(i);
    last = i;
  }
  if (last !== count - 1) out.push(null);
  return out;
}

/** The replay command of a failed check. */
export function replayCommand(report: CheckReport): string {
  return `pymemlab check ${report.exercise} --only ${report.check} --seed ${report.seed} --path ${report.failure?.path ?? ''}`;
}

export function reportText(report: CheckReport): string {
  const head = `${report.passed ? 'PASS' : 'FAIL'}  ${report.check}: ${report.meaning}`;
  if (report.passed || report.failure === undefined) return head;
  const { steps, mismatch } = report.failure;
  const width = String(steps.length).length;
  const lines = [
    head,
    '',
    `  counterexample (shrunk to ${steps.length} step${steps.length === 1 ? '' : 's'}):`,
    ...shownSteps(steps.length, mismatch.step).map((i) => {
      if (i === null) return `    ${' '.repeat(width)}  ...`;
      const mark = mismatch.step === i + 1 ? '  <-- fails here' : '';
      return `    ${String(i + 1).padStart(width)}. ${escapeTerminal(steps[i])}${mark}`;
    }),
    '',
    `  ${mismatch.step === null ? '' : `at step ${mismatch.step}: `}${escapeTerminal(mismatch.message)}`,
    `  expected:`,
    indent(escapeTerminal(mismatch.expected), '    '),
    `  observed:`,
    indent(escapeTerminal(mismatch.observed), '    '),
  ];
  if (mismatch.heap !== undefined)
    lines.push(
      '',
      `  heap${mismatch.step === null ? '' : ` after step ${mismatch.step}`}:`,
      indent(escapeTerminal(mismatch.heap), '  '),
    );
  lines.push('', `  replay: ${replayCommand(report)}`);
  return lines.join('\n');
}
