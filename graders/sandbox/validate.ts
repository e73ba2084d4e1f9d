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

/**
 * The path to the first refused key in `value`, or null. Paths are spelled out only for the one
 * that is refused: building one per node would cost more than parsing (observations reach
 * millions of characters).
 */
function refusedKeyPath(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = refusedKeyPath(value[i]);
      if (below !== null) return `[${i}]${below}`;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (REFUSED_KEYS.has(key)) return `.${key}`;
    const below = refusedKeyPath((value as Record<string, unknown>)[key]);
    if (below !== null) return `.${key}${below}`;
  }
  return null;
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
  const refused = refusedKeyPath(value);
  if (refused !== null) {
    const key = refused.slice(refused.lastIndexOf('.') + 1);
    throw new SandboxError(
      'invalid',
      `observation holds the key "${key}" at observation${refused.slice(0, -key.length - 1)}`,
    );
  }
  return value;
}
