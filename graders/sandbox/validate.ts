/**
 * The shape and size check on what a child sends back. The child sends its observation as JSON
 * text; the grader checks that it is a string of bounded length and parses it itself, so what
 * the judges see is plain JSON data (null, booleans, finite numbers, strings, arrays, plain
 * objects) whatever the submission did to its own JSON, process.send or prototypes.
 */
import { SandboxError } from './errors';

/** The observation, if `json` is JSON text of at most `maxChars` characters. */
export function parseObservation(json: unknown, maxChars: number): unknown {
  if (typeof json !== 'string') throw new SandboxError('invalid', `the reply is a ${typeof json}, not JSON text`);
  if (json.length > maxChars)
    throw new SandboxError('invalid', `observation of ${json.length} characters exceeds the limit of ${maxChars}`);
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new SandboxError('invalid', `the reply is not valid JSON (${(error as Error).message})`);
  }
}
