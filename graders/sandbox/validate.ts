/**
 * The shape and size check on everything a child sends back. Observations come from untrusted
 * code: only plain JSON data (null, booleans, finite numbers, strings, arrays, plain objects) of a
 * bounded size and depth is passed on to the judges; anything else is the submission's error.
 */
import { SandboxError } from './errors';

const MAX_DEPTH = 64;

/**
 * A plain object of any realm: its prototype is null or an Object.prototype (whose own prototype
 * is null), and its tag is Object, so Dates, Maps and class instances are not.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (
    (proto === null || Object.getPrototypeOf(proto) === null) &&
    Object.prototype.toString.call(value) === '[object Object]'
  );
}

/** Walk the value; throw SandboxError('invalid') naming the first thing that is not plain data. */
function checkPlain(value: unknown, where: string, depth: number): void {
  if (depth > MAX_DEPTH) throw new SandboxError('invalid', `observation nested deeper than ${MAX_DEPTH} at ${where}`);
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SandboxError('invalid', `observation holds ${String(value)} at ${where}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkPlain(item, `${where}[${i}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) checkPlain(item, `${where}.${key}`, depth + 1);
    return;
  }
  const what = typeof value === 'object' ? (value!.constructor?.name ?? 'object') : typeof value;
  throw new SandboxError('invalid', `observation holds a ${what} at ${where}: only plain JSON data is accepted`);
}

/** The observation, if it is plain data of at most `maxChars` characters of JSON. */
export function validateObservation(value: unknown, maxChars: number): unknown {
  checkPlain(value, 'observation', 0);
  const size = JSON.stringify(value).length;
  if (size > maxChars)
    throw new SandboxError('invalid', `observation of ${size} characters exceeds the limit of ${maxChars}`);
  return value;
}
