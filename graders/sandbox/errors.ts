/**
 * Why a sandbox request got no valid observation. timeout and died end the check (the process is
 * gone); threw (the submission raised) and invalid (a malformed reply) are failures to judge.
 */
export type SandboxErrorKind = 'timeout' | 'died' | 'threw' | 'invalid';

export class SandboxError extends Error {
  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
  ) {
    super(message);
  }
}
