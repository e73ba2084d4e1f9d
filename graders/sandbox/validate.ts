/**
 * The shape and size check on everything a child sends back. Observations come from untrusted
 * code: only plain JSON data (null, booleans, finite numbers, strings, arrays, plain objects) of a
 * bounded size and depth is passed on to the judges; anything else is the submission's error.
 */
import { SandboxError } from './errors';

const MAX_DEPTH = 64;

/** Keys no observer writes and that would reach prototypes if a judge ever merged an observation into an object. */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A plain object of any realm: the IPC channel builds replies in Node's main realm, which is not
 * the realm of a Jest test or of a vm context, so `=== Object.prototype` would refuse them all.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]')
    return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
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
    for (const [key, item] of Object.entries(value)) {
      if (REFUSED_KEYS.has(key)) throw new SandboxError('invalid', `observation holds the key "${key}" at ${where}`);
      checkPlain(item, `${where}.${key}`, depth + 1);
    }
    return;
  }
  const what = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
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
