/**
 * The shape and size check on what a child sends back. The child sends its observation as JSON
 * text; the grader checks that it is a string of bounded length and parses it itself, so what
 * the judges see is plain JSON data (null, booleans, finite numbers, strings, arrays, plain
 * objects) whatever the submission did to its own JSON, process.send or prototypes. Keys that
 * name prototypes are refused too: no observer writes them, and a judge that ever merged an
 * observation into an object would otherwise let a submission reach Object.prototype.
 */
import { SandboxError } from './errors';

const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Throw SandboxError('invalid') at the first refused key in the parsed value. */
function checkKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) value.forEach((item, i) => checkKeys(item, `${where}[${i}]`));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      if (REFUSED_KEYS.has(key)) throw new SandboxError('invalid', `observation holds the key "${key}" at ${where}`);
      checkKeys(item, `${where}.${key}`);
    }
}

/** The observation, if `json` is JSON text of at most `maxChars` characters without refused keys. */
export function parseObservation(json: unknown, maxChars: number): unknown {
  if (typeof json !== 'string') throw new SandboxError('invalid', `the reply is a ${typeof json}, not JSON text`);
  if (json.length > maxChars)
    throw new SandboxError('invalid', `observation of ${json.length} characters exceeds the limit of ${maxChars}`);
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch (error) {
    throw new SandboxError('invalid', `the reply is not valid JSON (${(error as Error).message})`);
  }
  checkKeys(value, 'observation');
  return value;
}
