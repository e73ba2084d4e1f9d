/**
 * Trusted: the student's allocator as the core's Allocator. The student gets only the operating
 * system's primitives (an arena mmap stand-in and the raw allocator), never the reference Pymalloc;
 * the adapter keeps the arena counters itself, from the mmap calls it served, and reads the
 * student's structure through view(), checked field by field and put in the snapshot's shape.
 */
import type { Allocator } from '../../core/pymalloc/allocator';
import { ArenaMap } from '../../core/pymalloc/arena-map';
import { ArenaMmap } from '../../core/pymalloc/arena-mmap';
import { RawMalloc } from '../../core/pymalloc/raw-malloc';
import type { ArenaSnapshot, PoolSnapshot, PymallocCounters, PymallocSnapshot } from '../../core/pymalloc/snapshot';
import type { LoadedStudent } from '../sandbox';
import { studentExport } from '../student-exports';
import type { CreateAllocator, OsApi } from './api';

/** A view() that does not have the shape api.ts describes. */
export class ViewShapeError extends Error {
  constructor(where: string, what: string, got: unknown) {
    super(`view(): ${where} must be ${what} (got ${JSON.stringify(got) ?? String(got)})`);
    this.name = 'ViewShapeError';
  }
}

/** The operating system's side: mmap and munmap of arenas and the raw allocator, counted here. */
class OperatingSystem {
  private readonly mmap = new ArenaMmap();
  private readonly arenaMap = new ArenaMap(this.mmap);
  private readonly raw = new RawMalloc();
  private readonly mapped = new Set<number>();
  private mappedTotal = 0;
  private highwater = 0;
  private rawBlocks = 0;

  /** mmap: the same deterministic addresses the reference gets (core/pymalloc/arena-mmap.ts). */
  mapArena(): number {
    const address = this.mmap.map();
    // The radix tree's nodes are counted by address alone; no arena object is looked up here.
    this.arenaMap.markUsed(address, 0);
    this.mapped.add(address);
    this.mappedTotal++;
    this.highwater = Math.max(this.highwater, this.mapped.size);
    return address;
  }

  unmapArena(address: number): void {
    if (!this.mapped.delete(address)) throw new Error(`unmapArena(${address}): not an arena mapped by mapArena`);
    this.arenaMap.markUnused(address);
    this.mmap.unmap(address);
  }

  rawMalloc(nbytes: number): number {
    if (!Number.isSafeInteger(nbytes) || nbytes < 0) throw new Error(`rawMalloc(${nbytes}): not a size`);
    this.rawBlocks++;
    return this.raw.malloc(nbytes);
  }

  rawFree(address: number): boolean {
    const freed = this.raw.free(address);
    if (freed) this.rawBlocks--;
    return freed;
  }

  /** obmalloc's counters, as the reference keeps them, from what was really mapped. */
  counters(): PymallocCounters {
    return {
      arenasAllocatedTotal: this.mappedTotal,
      arenasReclaimed: this.mappedTotal - this.mapped.size,
      arenasHighwater: this.highwater,
      arenasAllocatedCurrent: this.mapped.size,
      rawAllocatedBlocks: this.rawBlocks,
      arenaMapMidNodes: this.arenaMap.midNodes,
      arenaMapBotNodes: this.arenaMap.botNodes,
    };
  }
}

// ---- reading view() ------------------------------------------------------------------------------

type Fields = Record<string, unknown>;

function record(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ViewShapeError(where, 'an object', value);
  return value as Fields;
}

function whole(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value)) throw new ViewShapeError(where, 'a whole number', value);
  return value as number;
}

function list<T>(value: unknown, where: string, item: (v: unknown, where: string) => T): T[] {
  if (!Array.isArray(value)) throw new ViewShapeError(where, 'an array', value);
  return Array.from(value as unknown[], (v, i) => item(v, `${where}[${i}]`));
}

const wholeOrNull = (value: unknown, where: string): number | null => (value === null ? null : whole(value, where));

function pool(value: unknown, where: string): PoolSnapshot {
  const p = record(value, where);
  return {
    address: whole(p.address, `${where}.address`),
    arenaindex: whole(p.arenaindex, `${where}.arenaindex`),
    szidx: whole(p.szidx, `${where}.szidx`),
    count: whole(p.count, `${where}.count`),
    nextoffset: whole(p.nextoffset, `${where}.nextoffset`),
    maxnextoffset: whole(p.maxnextoffset, `${where}.maxnextoffset`),
    freeblock: list(p.freeblock, `${where}.freeblock`, whole),
  };
}

function arena(value: unknown, where: string): ArenaSnapshot {
  const a = record(value, where);
  return {
    arenaindex: whole(a.arenaindex, `${where}.arenaindex`),
    address: whole(a.address, `${where}.address`),
    poolAddress: whole(a.poolAddress, `${where}.poolAddress`),
    nfreepools: whole(a.nfreepools, `${where}.nfreepools`),
    ntotalpools: whole(a.ntotalpools, `${where}.ntotalpools`),
    pools: list(a.pools, `${where}.pools`, pool),
    freepools: list(a.freepools, `${where}.freepools`, whole),
  };
}

/** The student's view() as a snapshot (fields in the reference's order); live blocks are the judge's. */
function snapshotOf(view: unknown, os: OperatingSystem): PymallocSnapshot {
  const v = record(view, 'the result');
  return {
    maxarenas: whole(v.maxarenas, 'maxarenas'),
    arenas: list(v.arenas, 'arenas', arena),
    usableArenas: list(v.usableArenas, 'usableArenas', whole),
    usedpools: list(v.usedpools, 'usedpools', (l, where) => list(l, where, whole)),
    nfp2lasta: list(v.nfp2lasta, 'nfp2lasta', wholeOrNull),
    counters: os.counters(),
    liveBlocks: [],
  };
}

/** A fresh allocator of the student's, on a fresh operating system, as the core's Allocator. */
export function studentAllocator(student: LoadedStudent): Allocator {
  const create = studentExport<CreateAllocator>(student, 'createAllocator', 'function');
  const os = new OperatingSystem();
  const impl = create(
    student.realm.api<OsApi>({
      mapArena: () => os.mapArena(),
      unmapArena: (address: number) => os.unmapArena(address),
      rawMalloc: (nbytes: number) => os.rawMalloc(nbytes),
      rawFree: (address: number) => os.rawFree(address),
    }),
  );
  const address = (value: unknown, call: string): number => {
    if (!Number.isSafeInteger(value)) throw new Error(`${call} must return an address (got ${String(value)})`);
    return value as number;
  };
  return {
    malloc: (nbytes) => address(impl.malloc(nbytes), `malloc(${nbytes})`),
    free: (at) => void impl.free(at),
    realloc: (at, nbytes) => address(impl.realloc(at, nbytes), `realloc(${at}, ${nbytes})`),
    snapshot: () => snapshotOf(impl.view(), os),
  };
}
