/**
 * Running a submission's bundle in a child process, and running many submissions at once.
 *
 * One child per submission (per exercise bundle). Each request has a time limit (the child's CPU
 * time, cpu-time.ts, so that a loaded machine does not time out a correct submission): past it the
 * child is SIGKILLed and the next request starts a fresh one. The child's output is piped and
 * capped; its replies are validated (plain JSON data, bounded size) before anything judges them.
 */
import { fork, type ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import path from 'path';
import { childScript } from './child-script';
import type { FromChild, ToChild } from './protocol';
import { ObservationText } from '../../core/checks/check';
import { observationText, parseObservation } from './validate';
import { SandboxError } from './errors';
import { acquireUid, releaseUid } from './uids';
import { watchMemory } from './memory-watch';
import { cpuMillis } from './cpu-time';

export interface SandboxLimits {
  /** Limit per observe request (and for loading the bundle): CPU time of the child, wall clock at most 10 times it. */
  readonly timeoutMs: number;
  /** V8 old-space limit of the child; its resident memory may reach twice this plus RSS_ALLOWANCE_MB. */
  readonly memoryMb: number;
  /**
   * Largest observation accepted, in characters of JSON. The kit's heap checks return a snapshot
   * per step: 60 steps of long-lived chains come to about 4 million characters.
   */
  readonly maxObservationChars: number;
  /** Bytes the child may print (stdout+stderr); past them it is stopped with status output-limit. */
  readonly maxOutputBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  timeoutMs: 60_000,
  memoryMb: 1024,
  maxObservationChars: 64_000_000,
  maxOutputBytes: 256 * 1024,
};

/** How often a request's time is checked, and how much longer than its CPU limit it may wait on the wall clock. */
const TIME_POLL_MS = 100;
const WALL_FACTOR = 10;

/** Resident memory a child needs besides its heap: Node itself, code, the young generation. */
const RSS_ALLOWANCE_MB = 128;

/** The user the child runs as when the grader is root: a uid of its own (uids.ts). */
function childUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = acquireUid();
  return { uid, gid: uid };
}

/** Every child alive, so that a grader stopped by a signal can take them down with it. */
const live = new Set<ChildProcess>();

/** How many sandbox children are running or not yet reaped (the benchmark waits for none, to count their CPU time). */
export function sandboxesAlive(): number {
  return live.size;
}

/** SIGKILL every sandbox child still running (the grader is being interrupted). */
export function killAllSandboxes(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

const PRLIMIT = '/usr/bin/prlimit';

/**
 * A CPU-time limit on the child, set by prlimit(1) before it becomes node: the backstop for a
 * grader killed with SIGKILL, whose children would otherwise spin on as orphans. Generous (the
 * wall-clock limit of every request of a long check), so it never ends a child the grader still
 * watches. Without prlimit (not Linux) there is none.
 */
function cpuLimit(limits: SandboxLimits): { execPath: string; prefix: string[] } | null {
  if (!existsSync(PRLIMIT)) return null;
  const seconds = Math.max(60, Math.ceil(limits.timeoutMs / 1000) * 30);
  return { execPath: PRLIMIT, prefix: [`--cpu=${seconds}`, process.execPath] };
}

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
  private outputBytes = 0;
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

  /** Run `operations` through the exercise's observer for `check`; resolves to a validated observation. */
  observe(check: string, operations: unknown): Promise<unknown> {
    return this.observeText(check, operations).then((text) => text.parse());
  }

  /**
   * The same, resolving to the observation's JSON text (of bounded length), validated and parsed
   * only when the judge needs it. When the child is ready the request is sent before this
   * returns, so the grader can compute the reference's side while the child works.
   */
  observeText(check: string, operations: unknown): Promise<ObservationText> {
    const max = this.limits.maxObservationChars;
    const ask = () => {
      const id = this.nextId++;
      return this.request({ type: 'observe', id, check, operations }, id).then((reply) => {
        if (reply.type === 'error') throw new SandboxError('threw', reply.message);
        if (reply.type !== 'observation' || reply.id !== id) throw new SandboxError('invalid', 'reply out of order');
        return new ObservationText(observationText(reply.json, max), (json) => parseObservation(json, max));
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

  /** Stop `child` for a limit it broke: the request in flight fails with `error`. */
  private stop(child: ChildProcess, error: SandboxError): void {
    if (this.child !== child) return;
    this.close();
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  /** Keep what the child prints up to the limit; past it, stop the child. */
  private keep(child: ChildProcess, chunk: Buffer): void {
    const room = this.limits.maxOutputBytes - this.outputBytes;
    this.outputBytes += chunk.length;
    if (room > 0) this.output += chunk.subarray(0, room).toString('utf8');
    if (this.outputBytes > this.limits.maxOutputBytes)
      this.stop(
        child,
        new SandboxError(
          'output-limit',
          `the submission printed more than ${this.limits.maxOutputBytes} bytes (process stopped): remove or reduce its console output`,
        ),
      );
  }

  /** Fork the child with the limits, as a uid of its own when we are root. */
  private spawn(): ChildProcess {
    const script = childScript();
    const user = childUser();
    const cpu = cpuLimit(this.limits);
    const child = fork(script, [], {
      ...(cpu ? { execPath: cpu.execPath } : {}),
      execArgv: [...(cpu?.prefix ?? []), ...childExecArgv(script, this.limits.memoryMb)],
      env: {},
      cwd: path.dirname(script),
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      ...user,
    });
    live.add(child);
    const rssLimitMb = 2 * this.limits.memoryMb + RSS_ALLOWANCE_MB;
    const unwatch = watchMemory(child.pid!, rssLimitMb * 1024 * 1024, () =>
      this.stop(
        child,
        new SandboxError(
          'memory',
          `the submission's process used more than ${rssLimitMb} MiB of memory (process stopped)`,
        ),
      ),
    );
    child.stdout!.on('data', (chunk: Buffer) => this.keep(child, chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.keep(child, chunk));
    child.on('message', (message: FromChild) => {
      const pending = this.pending;
      if (this.child !== child || !pending || typeof message !== 'object' || message === null) return;
      this.pending = null;
      pending.resolve(message);
    });
    child.on('exit', (code, signal) => {
      unwatch();
      live.delete(child);
      if (user) releaseUid(user.uid);
      const why = signal ? `killed by ${signal}` : `exited with status ${code}`;
      const outOfMemory = signal === 'SIGABRT' || /heap out of memory|Allocation failed/i.test(this.output);
      this.stop(
        child,
        outOfMemory
          ? new SandboxError('memory', `the submission ran out of its ${this.limits.memoryMb} MB heap (${why})`)
          : new SandboxError('died', `the submission's process ${why}`),
      );
    });
    child.on('error', () => {}); // a failed send shows up as an exit
    return child;
  }

  /**
   * Send one message and wait for its reply. Past `timeoutMs` of the child's CPU time (or, where
   * CPU time cannot be read, of wall-clock time), or past WALL_FACTOR times that on the wall clock
   * (a child that waits without computing), the child is SIGKILLed.
   */
  private request(message: ToChild, id: number | null): Promise<FromChild> {
    const child = this.child!;
    const { timeoutMs } = this.limits;
    const started = Date.now();
    const cpuAtStart = cpuMillis(child.pid!);
    return new Promise<FromChild>((resolve, reject) => {
      const check = () => {
        const wall = Date.now() - started;
        const cpuNow = cpuAtStart === null ? null : cpuMillis(child.pid!);
        const used = cpuNow === null ? wall : cpuNow - cpuAtStart!;
        // One message for both, so that a report does not depend on the machine's load.
        if (used >= timeoutMs || wall >= WALL_FACTOR * timeoutMs)
          this.stop(
            child,
            new SandboxError(
              'timeout',
              `no answer within the time limit (${timeoutMs} ms of computing; process killed)`,
            ),
          );
      };
      const timer = setInterval(check, Math.min(timeoutMs, TIME_POLL_MS));
      this.pending = {
        id,
        resolve: (m) => {
          clearInterval(timer);
          resolve(m);
        },
        reject: (e) => {
          clearInterval(timer);
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
