/**
 * The teaching view of `pymemlab run --trace`: after each executed line, the objects the program
 * created that are alive, with refcount, generation and who refers to them (names and objects),
 * the gc counts, and what was freed, finalized or collected during the line.
 */
import type { Runtime, HeapEvent } from '../../core/runtime';
import { takeSnapshot } from '../../core/snapshot';
import { Kind } from '../../core/objects/kinds';
import { moduleDict } from '../../core/objects/moduleobject';
import type { PyObject } from '../../core/objects/pyobject';
import { pyRepr } from './repr';

export class Tracer {
  private events: string[] = [];
  /** Objects allocated (or taken from a free list) since the program started. */
  private readonly born = new Set<number>();
  private readonly listener = (event: HeapEvent): void => {
    if (event.kind === 'alloc') this.born.add(event.id);
    else if (event.kind === 'dealloc' && this.born.has(event.id) && event.type !== 'str')
      this.events.push(`freed #${event.id} ${event.type}`);
    else if (event.kind === 'finalize') this.events.push(`__del__ of #${event.id}`);
    else if (event.kind === 'collect')
      this.events.push(
        `collected generation ${event.generation}: ${event.collected} collected, ${event.uncollectable} uncollectable`,
      );
  };

  constructor(
    private readonly rt: Runtime,
    private readonly main: PyObject,
    private readonly source: readonly string[],
    private readonly print: (line: string) => void,
  ) {
    rt.listeners.push(this.listener);
  }

  /** Names bound to each object: module globals and the locals of every frame. */
  private names(): Map<number, string[]> {
    const out = new Map<number, string[]>();
    const add = (id: number, name: string) => out.set(id, [...(out.get(id) ?? []), name]);
    for (const entry of moduleDict(this.main).table!.map.values()) add(entry.value!.id, entry.key.value as string);
    for (const frame of this.rt.frames)
      frame.locals.forEach((v, i) => v !== null && add(v.id, `${frame.name}:${frame.localNames[i]}`));
    return out;
  }

  /** Called after each statement. */
  line(lineno: number): void {
    const snap = takeSnapshot(this.rt);
    const names = this.names();
    const gen = new Map<number, string>();
    snap.generations.forEach((g, i) => g.members.forEach((id) => gen.set(id, i === 3 ? 'permanent' : `gen${i}`)));
    const referrers = new Map<number, number[]>();
    for (const o of snap.objects) for (const r of o.referents) referrers.set(r, [...(referrers.get(r) ?? []), o.id]);
    const live = new Map<number, PyObject>();
    for (const op of this.rt.liveObjects()) live.set(op.id, op);
    this.print(`line ${lineno}: ${(this.source[lineno - 1] ?? '').trim()}`);
    for (const e of this.events) this.print(`    ${e}`);
    this.events = [];
    // The runtime's own objects (and what only they hold) are bookkeeping, not part of the lesson.
    const internal = new Set<number>();
    for (const op of this.rt.external.keys()) {
      if (op.type.kind === Kind.Module) continue;
      internal.add(op.id);
      if (op.items !== null) for (const item of op.items) internal.add(item.id);
    }
    const nameKeys = new Set([...moduleDict(this.main).table!.map.values()].map((e) => e.key.id));
    for (const o of snap.objects) {
      if (!this.born.has(o.id) || o.kind === 'code' || nameKeys.has(o.id)) continue;
      if (internal.has(o.id) && !names.has(o.id)) continue;
      const op = live.get(o.id)!;
      const where = o.tracked ? gen.get(o.id) : o.isGC ? 'untracked' : 'not GC';
      const from = [
        ...(names.get(o.id) ?? []),
        ...(referrers.get(o.id) ?? []).filter((id) => this.born.has(id)).map((id) => `#${id}`),
      ];
      const value = op.type.kind === Kind.Instance ? '' : ` ${truncate(pyRepr(this.rt, op, new Set(), true))}`;
      this.print(
        `    #${o.id} ${o.type}${value}  refcount=${o.refcnt}  ${where}${from.length ? `  <- ${from.join(', ')}` : ''}`,
      );
    }
    const counts = this.rt.gc.generations.map((g) => g.count).join(', ');
    this.print(`    gc counts (${counts})`);
  }

  detach(): void {
    const i = this.rt.listeners.indexOf(this.listener);
    if (i >= 0) this.rt.listeners.splice(i, 1);
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
