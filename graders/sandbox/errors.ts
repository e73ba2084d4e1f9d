/**
 * Why a sandbox request got no valid observation. timeout, memory, output-limit and died end the
 * check (the process is gone); threw (the submission raised) and invalid (a malformed reply) end
 * it too, as a crash, since no observation came back to judge.
 */
export type SandboxErrorKind = 'timeout' | 'memory' | 'output-limit' | 'died' | 'threw' | 'invalid';

/** The kinds after which the child is gone: asking again would only wait for the same limit. */
const PROCESS_GONE: readonly SandboxErrorKind[] = ['timeout', 'memory', 'output-limit', 'died'];

/** Longest message kept from the submission's side: a thrown 20 MB string must not reach the reports whole. */
const MAX_MESSAGE_CHARS = 2000;

export class SandboxError extends Error {
  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
  ) {
    super(message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}… (message cut)` : message);
  }

  /** True when the child process is gone. */
  get processGone(): boolean {
    return PROCESS_GONE.includes(this.kind);
  }
}
