/**
 * Running a submission's bundle in a child process, and running many submissions at once.
 *
 * One child per submission (per exercise bundle). Each request has a wall-clock limit: past it the
 * child is SIGKILLed and the next request starts a fresh one. The child's output is piped and
 * capped; its replies are validated (plain JSON data, bounded size) before anything judges them.
 */
import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import { childScript } from './child-script';
import type { FromChild, ToChild } from './protocol';
import { parseObservation } from './validate';
import { SandboxError } from './errors';

export interface SandboxLimits {
  /** Wall-clock limit per observe request (and for loading the bundle). */
  readonly timeoutMs: number;
  /** V8 old-space limit of the child. */
  readonly memoryMb: number;
  /** Largest observation accepted, in characters of JSON. */
  readonly maxObservationChars: number;
  /** Bytes of the child's stdout+stderr kept (the rest is dropped). */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeoutMs: 60_000,
  memoryMb: 1024,
  maxObservationChars: 4_000_000,
  maxOutputBytes: 64 * 1024,
};

/** The user the child runs as when the grader is root: nobody/nogroup. */
const NOBODY = 65534;

/** The flags that make the child a seat belt: heap limit, permission model, reads of its own folder only. */
function childExecArgv(script: string, memoryMb: number): string[] {
  return [
    `--max-old-space-size=${memoryMb}`,
    '--experimental-permission',
    `--allow-fs-read=${path.dirname(script)}`,
    '--no-warnings',
  ];
}

export class Sandbox {
  private child: ChildProcess | null = null;
  /** The child has evaluated the bundle and answers observe requests. */
  private loaded = false;
  private output = '';
  private nextId = 1;
  /** The request in flight (one at a time: fast-check awaits each run). */
  private pending: { id: number | null; resolve: (m: FromChild) => void; reject: (e: SandboxError) => void } | null =
    null;

  constructor(
    private readonly code: string,
    private readonly limits: SandboxLimits = DEFAULT_LIMITS,
  ) {}

  /** What the child printed (capped): shown to the instructor, never parsed. */
  get printed(): string {
    return this.output;
  }

  /**
   * Run `operations` through the exercise's observer for `check`; resolves to a validated
   * observation. When the child is ready the request is sent before this returns, so the grader
   * can compute the reference's side while the child works.
   */
  observe(check: string, operations: unknown): Promise<unknown> {
    const ask = () => {
      const id = this.nextId++;
      return this.request({ type: 'observe', id, check, operations }, id).then((reply) => {
        if (reply.type === 'error') throw new SandboxError('threw', reply.message);
        if (reply.type !== 'observation' || reply.id !== id) throw new SandboxError('invalid', 'reply out of order');
        return parseObservation(reply.json, this.limits.maxObservationChars);
      });
    };
    return this.loaded ? ask() : this.ensureLoaded().then(ask);
  }

  /** Kill the child, if any. */
  close(): void {
    const child = this.child;
    this.child = null;
    this.loaded = false;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private async ensureLoaded(): Promise<void> {
    if (this.child) return;
    this.child = this.spawn();
    const reply = await this.request({ type: 'load', code: this.code }, null);
    if (reply.type === 'error') {
      this.close();
      throw new SandboxError('died', reply.message);
    }
    this.loaded = true;
  }

  /** Fork the child with the limits; unprivileged when we are root. */
  private spawn(): ChildProcess {
    const script = childScript();
    const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const child = fork(script, [], {
      execArgv: childExecArgv(script, this.limits.memoryMb),
      env: {},
      cwd: path.dirname(script),
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      ...asNobody,
    });
    const keep = (chunk: Buffer) => {
      if (this.output.length < this.limits.maxOutputBytes)
        this.output += chunk.toString('utf8').slice(0, this.limits.maxOutputBytes - this.output.length);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('message', (message: FromChild) => {
      const pending = this.pending;
      if (!pending || typeof message !== 'object' || message === null) return;
      this.pending = null;
      pending.resolve(message);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return; // killed by us: its request was already answered
      this.child = null;
      this.loaded = false;
      const pending = this.pending;
      this.pending = null;
      const why = signal ? `killed by ${signal}` : `exited with status ${code}`;
      const heap = /heap out of memory|Allocation failed/i.test(this.output) ? ' (out of memory)' : '';
      pending?.reject(new SandboxError('died', `the submission's process ${why}${heap}`));
    });
    child.on('error', () => {}); // a failed send shows up as an exit
    return child;
  }

  /** Send one message and wait for its reply, SIGKILLing the child past the time limit. */
  private request(message: ToChild, id: number | null): Promise<FromChild> {
    const child = this.child!;
    return new Promise<FromChild>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.close();
        reject(new SandboxError('timeout', `no answer within ${this.limits.timeoutMs} ms (process killed)`));
      }, this.limits.timeoutMs);
      this.pending = {
        id,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      child.send(message);
    });
  }
}

/** Run `work` on every item with at most `jobs` at a time; results in input order. */
export async function runPool<T, R>(
  items: readonly T[],
  jobs: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return results;
}
