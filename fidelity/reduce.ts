/**
 * Statement-level reductions of a generated program, for the second shrinking phase.
 *
 * fast-check shrinks a generated program well at first, but once it has shrunk inside an
 * optional part (a class, a function, a setup binding) it no longer offers to drop that part
 * (fc.option / fc.oneof only fall back to their first alternative on the first shrink). So after
 * fast-check's greedy shrinking, `runFidelity` tries these smaller programs as well: one statement
 * removed anywhere (also inside loops, ifs, functions and classes), a loop replaced by its body,
 * an `else` dropped. They keep the generator's guarantees: the guards that keep gc callbacks and
 * low thresholds apart at exit stay while the program still sets a threshold or registers a
 * callback (programs.ts, isGuard and guardNeeded), a `while` loop keeps the counter
 * increment that ends it, a function keeps its final `return` (so it still returns an object),
 * `gc.get_count()` keeps the `gc.collect()` before it (probesIntact), and `if` statements are
 * never unwrapped (their tests guard things like `a = w()`).
 */
import type { Stmt } from '../python/lang';
import { guardNeeded, isGuard, probesIntact } from './programs';

/** Every program one reduction away from `body`, roughly biggest reductions first. */
export function reductions(body: readonly Stmt[]): Stmt[][] {
  return allReductions(body).filter(probesIntact);
}

function allReductions(body: readonly Stmt[]): Stmt[][] {
  const out: Stmt[][] = [];
  // drop whole top-level statements first (largest steps), then work inside them
  for (let i = 0; i < body.length; i++) {
    if (!protectedAt(body, i, null, body)) out.push(without(body, i));
  }
  for (let i = 0; i < body.length; i++) {
    for (const replacement of innerReductions(body[i], body)) out.push(replacedBy(body, i, replacement));
  }
  return out;
}

/** Smaller versions of one statement of `program` (each a list: a loop may become its body). */
function innerReductions(s: Stmt, program: readonly Stmt[]): Stmt[][] {
  const out: Stmt[][] = [];
  switch (s.kind) {
    case 'For':
      if (!hasOwnJump(s.body)) out.push(s.body);
      for (const b of bodyReductions(s.body, s, program)) out.push([{ ...s, body: b }]);
      break;
    case 'While':
      // the body without the counter increment, which is its first statement
      if (!hasOwnJump(s.body)) out.push(isCounterIncrement(s, s.body[0]) ? s.body.slice(1) : s.body);
      for (const b of bodyReductions(s.body, s, program)) out.push([{ ...s, body: b }]);
      break;
    case 'If':
      if (s.orelse.length > 0) out.push([{ ...s, orelse: [] }]);
      for (const b of bodyReductions(s.body, s, program)) out.push([{ ...s, body: b }]);
      for (const b of bodyReductions(s.orelse, s, program)) out.push([{ ...s, orelse: b }]);
      break;
    case 'FunctionDef':
    case 'ClassDef':
      for (const b of bodyReductions(s.body, s, program)) out.push([{ ...s, body: b }]);
      break;
    default:
      break;
  }
  return out;
}

function bodyReductions(body: readonly Stmt[], owner: Stmt, program: readonly Stmt[]): Stmt[][] {
  const out: Stmt[][] = [];
  for (let i = 0; i < body.length; i++) if (!protectedAt(body, i, owner, program)) out.push(without(body, i));
  for (let i = 0; i < body.length; i++) {
    for (const replacement of innerReductions(body[i], program)) out.push(replacedBy(body, i, replacement));
  }
  return out;
}

function protectedAt(body: readonly Stmt[], i: number, owner: Stmt | null, program: readonly Stmt[]): boolean {
  const s = body[i];
  if (isGuard(s) && guardNeeded(s, program)) return true;
  if (owner?.kind === 'While' && i === 0 && isCounterIncrement(owner, s)) return true;
  if (owner?.kind === 'FunctionDef' && i === body.length - 1 && s.kind === 'Return') return true;
  return false;
}

/** `cK += 1` where `while cK < N` is the loop. */
function isCounterIncrement(loop: Stmt, s: Stmt | undefined): boolean {
  if (loop.kind !== 'While' || !s || s.kind !== 'AugAssign' || s.target.kind !== 'Name') return false;
  return loop.test.kind === 'Compare' && loop.test.left.kind === 'Name' && loop.test.left.id === s.target.id;
}

/** A `break` or `continue` that belongs to the loop owning `body` (so the body cannot leave it). */
function hasOwnJump(body: readonly Stmt[]): boolean {
  return body.some(
    (s) =>
      s.kind === 'Break' || s.kind === 'Continue' || (s.kind === 'If' && (hasOwnJump(s.body) || hasOwnJump(s.orelse))),
  );
}

const without = (body: readonly Stmt[], i: number): Stmt[] => [...body.slice(0, i), ...body.slice(i + 1)];
const replacedBy = (body: readonly Stmt[], i: number, replacement: Stmt[]): Stmt[] => [
  ...body.slice(0, i),
  ...replacement,
  ...body.slice(i + 1),
];
