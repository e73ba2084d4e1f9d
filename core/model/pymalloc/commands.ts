import type fc from 'fast-check';
import type { Allocator } from '../../pymalloc/allocator';

/**
 * Model-based testing of an allocator: the model is the client's list of live handles and
 * their sizes; the real system is a TraceRunner driving an allocator, which keeps the
 * addresses, a readable log, and runs a check after every step. Commands are tiny and only
 * pick handles and sizes.
 */
export interface LiveHandle {
  readonly id: number;
  readonly nbytes: number;
}

export interface TraceModel {
  live: LiveHandle[];
  nextId: number;
}

export const emptyModel = (): TraceModel => ({ live: [], nextId: 0 });

const hex = (address: number): string => `0x${address.toString(16)}`;

/** The real system: an allocator, the address of each live handle, a log, a per-step check. */
export class TraceRunner {
  /** Parallel to the model's live list. */
  readonly addresses: number[] = [];
  readonly log: string[] = [];

  constructor(
    readonly allocator: Allocator,
    private readonly afterStep: (runner: TraceRunner) => void,
  ) {}

  malloc(model: TraceModel, nbytes: number): void {
    const address = this.allocator.malloc(nbytes);
    const id = model.nextId++;
    model.live.push({ id, nbytes });
    this.addresses.push(address);
    this.log.push(`#${id} = malloc(${nbytes}) -> ${hex(address)}`);
  }

  free(model: TraceModel, index: number): void {
    this.allocator.free(this.addresses[index]);
    this.log.push(`free(#${model.live[index].id})`);
    model.live.splice(index, 1);
    this.addresses.splice(index, 1);
  }

  realloc(model: TraceModel, index: number, nbytes: number): void {
    const { id } = model.live[index];
    const address = this.allocator.realloc(this.addresses[index], nbytes);
    model.live[index] = { id, nbytes };
    this.addresses[index] = address;
    this.log.push(`#${id} = realloc(#${id}, ${nbytes}) -> ${hex(address)}`);
  }

  endStep(): void {
    this.afterStep(this);
  }
}

export type TraceCommand = fc.Command<TraceModel, TraceRunner>;

/** Resolve a generated handle number against the live set. */
const pick = (model: Readonly<TraceModel>, handle: number): number => handle % model.live.length;
const hasLive = (model: Readonly<TraceModel>): boolean => model.live.length > 0;

export class MallocCommand implements TraceCommand {
  constructor(readonly nbytes: number) {}
  check = (): boolean => true;
  run = (model: TraceModel, runner: TraceRunner): void => {
    runner.malloc(model, this.nbytes);
    runner.endStep();
  };
  toString = (): string => `malloc(${this.nbytes})`;
}

export class FreeCommand implements TraceCommand {
  constructor(readonly handle: number) {}
  check = hasLive;
  run = (model: TraceModel, runner: TraceRunner): void => {
    runner.free(model, pick(model, this.handle));
    runner.endStep();
  };
  toString = (): string => `free(live[${this.handle} % n])`;
}

export class ReallocCommand implements TraceCommand {
  constructor(
    readonly handle: number,
    readonly nbytes: number,
  ) {}
  check = hasLive;
  run = (model: TraceModel, runner: TraceRunner): void => {
    runner.realloc(model, pick(model, this.handle), this.nbytes);
    runner.endStep();
  };
  toString = (): string => `realloc(live[${this.handle} % n], ${this.nbytes})`;
}

/** A loop allocating `count` objects of one size, checked once at the end (like building a list). */
export class MallocManyCommand implements TraceCommand {
  constructor(
    readonly count: number,
    readonly nbytes: number,
  ) {}
  check = (): boolean => true;
  run = (model: TraceModel, runner: TraceRunner): void => {
    for (let i = 0; i < this.count; i++) runner.malloc(model, this.nbytes);
    runner.endStep();
  };
  toString = (): string => `mallocMany(${this.count}, ${this.nbytes})`;
}

/** Free up to `count` live handles from live[start % n], every `stride`-th: stride 1 empties whole pools, larger strides fragment them. */
export class FreeManyCommand implements TraceCommand {
  constructor(
    readonly start: number,
    readonly count: number,
    readonly stride: number,
  ) {}
  check = hasLive;
  run = (model: TraceModel, runner: TraceRunner): void => {
    const first = pick(model, this.start);
    const indices: number[] = [];
    for (let i = first; i < model.live.length && indices.length < this.count; i += this.stride) indices.push(i);
    for (const index of indices.reverse()) runner.free(model, index);
    runner.endStep();
  };
  toString = (): string => `freeMany(live[${this.start} % n], ${this.count}, stride ${this.stride})`;
}
