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

/** Where a refused key is: the key, and the path to the object that holds it. */
interface RefusedKey {
  readonly key: string;
  readonly at: string;
}

/**
 * The first refused key in `value`, or null. The path is spelled out only for that one: building
 * one per node would cost more than parsing (observations reach millions of characters).
 */
function refusedKey(value: unknown, at = 'observation'): RefusedKey | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = refusedKey(value[i], '');
      if (found !== null) return { key: found.key, at: `${at}[${i}]${found.at}` };
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (REFUSED_KEYS.has(key)) return { key, at };
    const found = refusedKey((value as Record<string, unknown>)[key], '');
    if (found !== null) return { key: found.key, at: `${at}.${key}${found.at}` };
  }
  return null;
}

/** `json`, if it is a string of at most `maxChars` characters (checked before anything waits on it). */
export function observationText(json: unknown, maxChars: number): string {
  if (typeof json !== 'string') throw new SandboxError('invalid', `the reply is a ${typeof json}, not JSON text`);
  if (json.length > maxChars)
    throw new SandboxError('invalid', `observation of ${json.length} characters exceeds the limit of ${maxChars}`);
  return json;
}

/** The observation, if `json` is JSON text of at most `maxChars` characters without refused keys. */
export function parseObservation(json: unknown, maxChars: number): unknown {
  observationText(json, maxChars);
  let value: unknown;
  try {
    value = JSON.parse(json as string) as unknown;
  } catch (error) {
    throw new SandboxError('invalid', `the reply is not valid JSON (${(error as Error).message})`);
  }
  const refused = refusedKey(value);
  if (refused !== null)
    throw new SandboxError('invalid', `observation holds the key "${refused.key}" at ${refused.at}`);
  return value;
}
