/**
 * The sandbox side of the kit's exercises: bundled into the child next to a student's files, it
 * runs a check's `observe` on the student's exports and returns the observation. Nothing here
 * judges. The student's code already runs in a process of its own, so the "realm" handed to the
 * exercise's adapters is a plain one: host primitives called with and returning plain data.
 */
import type { ExerciseCheck } from '../exercises/types';
import type { LoadedStudent, StudentRealm } from '../exercises/sandbox';

const isPrimitive = (value: unknown): boolean => value === null || typeof value !== 'object';

/**
 * Plain data in, plain data out: what StudentRealm guarantees across realms, inside one. Most
 * primitives take and return object ids or lists of them (a hundred thousand of them when a deep nest
 * is freed), so primitives pass as they are and lists of primitives are copied; only other objects
 * make the round trip through JSON.
 */
function plainCopy<T>(value: T): T {
  if (isPrimitive(value)) return value;
  if (Array.isArray(value) && value.every(isPrimitive)) return value.slice() as T;
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A host primitive as the student calls it: arguments and result copied as plain data. Written
 * out rather than with `args.map`: a deep nest's dealloc calls primitives hundreds of thousands of
 * times, and the arguments are nearly always a single id.
 */
function plainCall(f: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args) => {
    for (let i = 0; i < args.length; i++) if (!isPrimitive(args[i])) args[i] = plainCopy(args[i]);
    return plainCopy(f(...args));
  };
}

/** StudentRealm's two operations, for code that already runs in the sandboxed child. */
function processRealm(): StudentRealm {
  const realm = {
    api: <T extends object>(host: Record<string, (...args: unknown[]) => unknown>): T =>
      Object.freeze(Object.fromEntries(Object.entries(host).map(([name, f]) => [name, plainCall(f)]))) as T,
    data: plainCopy,
  };
  return realm as unknown as StudentRealm;
}

/** The `observe` of a sandbox entry: run the named check's observe half on the student's exports. */
export function kitObserve(checks: readonly ExerciseCheck[]) {
  return (exports: Record<string, unknown>, checkName: string, input: unknown): unknown => {
    const check = checks.find((c) => c.name === checkName);
    if (check === undefined) throw new Error(`no check named ${checkName}`);
    const student: LoadedStudent = { exports, realm: processRealm() };
    const observation = check.observe(student, input);
    return check.wire === undefined ? observation : check.wire.encode(observation);
  };
}
