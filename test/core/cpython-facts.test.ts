/**
 * Facts of CPython 3.11 the reference core must reproduce, each measured with python3 3.11.7 (the
 * Python program behind each test is in its comment; several mirror Lib/test/test_gc.py).
 */
import { Runtime } from '../../core/runtime';
import { GcModule } from '../../core/gc/gcmodule';
import { type PyObject } from '../../core/objects/pyobject';
import { newList, listAppend, listClear } from '../../core/objects/list';
import { newTuple } from '../../core/objects/tuple';
import { newDict, dictSetItem, dictDelItem } from '../../core/objects/dict';
import { newClass, newInstance, instanceSetAttr, classType, materializeDict } from '../../core/objects/classobject';
import { newWeakref } from '../../core/objects/weakrefobject';
import { DEBUG_SAVEALL } from '../../core/gc/state';
import { newCode, newFunction } from '../../core/objects/funcobject';
import { gcListMembers } from '../../core/gc/gclist';

function setup() {
  const rt = new Runtime();
  const gc = new GcModule(rt);
  gc.disable();
  gc.collect();
  const log: string[] = [];
  const cls = (name: string, finalize?: (self: PyObject) => void) => {
    const c = newClass(rt, { name, base: null, namespace: [], slots: null, bases: null });
    rt.hold(c);
    rt.decref(c);
    if (finalize) classType(c).finalize = finalize;
    return c;
  };
  const str = (s: string) => rt.str(s);
  return { rt, gc, log, cls, str };
}

/** A self-referencing instance (x.me = x), with our reference given up. */
function selfCycle(rt: Runtime, cls: PyObject): PyObject {
  const x = newInstance(rt, cls);
  instanceSetAttr(rt, x, 'me', x);
  return x;
}

test('test_list / test_dict / test_tuple: cycles of 1, 1 and 2 objects', () => {
  const { rt, gc } = setup();
  const l = newList(rt, []);
  listAppend(rt, l, l);
  rt.decref(l);
  expect(gc.collect()).toBe(1);
  const d = newDict(rt);
  const one = rt.int(1);
  dictSetItem(rt, d, one, d);
  rt.decref(d);
  expect(gc.collect()).toBe(1);
  const inner = newList(rt, []);
  const t = newTuple(rt, [inner]);
  listAppend(rt, inner, t);
  rt.decref(t);
  rt.decref(inner);
  expect(gc.collect()).toBe(2);
});

test('an instance self-cycle counts 1, or 2 once its __dict__ was materialised', () => {
  const { rt, gc, cls } = setup();
  const N = cls('N');
  rt.decref(selfCycle(rt, N));
  expect(gc.collect()).toBe(1);
  const y = selfCycle(rt, N);
  materializeDict(rt, y);
  rt.decref(y);
  expect(gc.collect()).toBe(2);
});

test('an unreferenced class is collected with its dict, mro, bases and two getset descriptors (6)', () => {
  const { rt, gc } = setup();
  const A = newClass(rt, { name: 'A', base: null, namespace: [], slots: null, bases: null });
  rt.decref(A);
  expect(gc.collect()).toBe(6);
});

test('weakref callbacks run only for reachable weakrefs; collect returns 4 (handle_weakrefs)', () => {
  // x cycle with an external weakref+callback; y cycle holding its own weakref with callback
  const { rt, gc, cls, log } = setup();
  const N = cls('N');
  const cb = (name: string) => rt.builtin(name, () => (log.push(name), rt.none()));
  const ext = cb('ext');
  const x = selfCycle(rt, N);
  const wrExt = newWeakref(rt, x, ext);
  const y = selfCycle(rt, N);
  // trash_cb is a Python function (a GC object), so it is part of the trash and counted.
  const globals = newDict(rt);
  rt.hold(globals);
  const trash = newFunction(rt, newCode(rt, 'trash_cb', []), globals, null);
  const wrY = newWeakref(rt, y, trash);
  instanceSetAttr(rt, y, 'wr', wrY);
  for (const o of [wrY, trash, x, y]) rt.decref(o);
  expect(gc.collect()).toBe(4);
  expect(log).toEqual(['ext']);
  expect(wrExt.wrObject).toBeNull();
});

test('count semantics: collect(0) -> (0,1,0), again (0,2,0), collect(1) -> (0,0,1), collect(2) -> (0,0,0)', () => {
  const { gc } = setup();
  const counts: number[][] = [];
  for (const g of [0, 0, 1, 2]) {
    gc.collect(g);
    counts.push(gc.get_count());
  }
  expect(counts).toEqual([
    [0, 1, 0],
    [0, 2, 0],
    [0, 0, 1],
    [0, 0, 0],
  ]);
});

test('resurrection: the finalizer runs once, collect returns 0, then 1 without a second __del__', () => {
  const { rt, gc, cls, log } = setup();
  const zs = newList(rt, []);
  rt.hold(zs);
  const Z = cls('Z', (self) => {
    log.push('del');
    listAppend(rt, zs, self);
  });
  rt.decref(selfCycle(rt, Z));
  expect(gc.collect()).toBe(0);
  expect(zs.items!.length).toBe(1);
  expect(gc.is_finalized(zs.items![0])).toBe(true);
  listClear(rt, zs);
  expect(gc.collect()).toBe(1);
  expect(log).toEqual(['del']);
});

test('DEBUG_SAVEALL keeps the cycle in gc.garbage', () => {
  const { rt, gc } = setup();
  gc.set_debug(DEBUG_SAVEALL);
  const l = newList(rt, []);
  listAppend(rt, l, l);
  rt.decref(l);
  expect(gc.collect()).toBe(1);
  expect(gc.garbage.items).toEqual([l]);
  gc.set_debug(0);
  listClear(rt, gc.garbage);
  expect(gc.collect()).toBe(1);
});

test('legacy finalizers: the tp_del object and what it reaches are uncollectable; only it goes to gc.garbage', () => {
  // a Node self-cycle plus a tp_del object l in a cycle with a Node l2: collect() == 3
  const { rt, gc, cls } = setup();
  const N = cls('N');
  const L = cls('Legacy');
  classType(L).legacyDel = () => {};
  rt.decref(selfCycle(rt, N));
  const l = newInstance(rt, L);
  const l2 = newInstance(rt, N);
  instanceSetAttr(rt, l, 'o', l2);
  instanceSetAttr(rt, l2, 'o', l);
  rt.decref(l);
  rt.decref(l2);
  const stops: number[][] = [];
  listAppend(
    rt,
    gc.callbacks,
    rt.builtin('cb', ([phase, info]) => {
      if (phase.value === 'stop') stops.push([...info.table!.map.values()].map((e) => Number(e.value!.value)));
      return rt.none();
    }),
  );
  expect(gc.collect()).toBe(3);
  expect(stops).toEqual([[2, 1, 2]]);
  expect(gc.garbage.items).toEqual([l]);
});

test('dicts: untracked at birth, tracked by a list value, untracked again only by a full collection', () => {
  const { rt, gc } = setup();
  const d = newDict(rt);
  expect(gc.is_tracked(d)).toBe(false);
  const k = rt.str('l');
  const l = newList(rt, []);
  dictSetItem(rt, d, k, l);
  rt.decref(l);
  expect(gc.is_tracked(d)).toBe(true);
  dictDelItem(rt, d, k);
  gc.collect(1);
  expect(gc.is_tracked(d)).toBe(true);
  gc.collect(2);
  expect(gc.is_tracked(d)).toBe(false);
});

test('a tuple of ints is untracked by the first collection that sees it', () => {
  const { rt, gc } = setup();
  const t = newTuple(rt, [rt.int(1), rt.int(2)]);
  expect(gc.is_tracked(t)).toBe(true);
  gc.collect(0);
  expect(gc.is_tracked(t)).toBe(false);
});

test('promotion: gen 0 -> 1 after collect(0), -> 2 after collect(1), stays in 2', () => {
  const { rt, gc } = setup();
  const o = newList(rt, []);
  const genOf = () => [0, 1, 2].find((g) => gcListMembers(rt.gc.generations[g].head).includes(o));
  expect(genOf()).toBe(0);
  gc.collect(0);
  expect(genOf()).toBe(1);
  gc.collect(1);
  expect(genOf()).toBe(2);
  gc.collect(0);
  expect(genOf()).toBe(2);
});

test('dealloc order: list items last to first, dict and instance attributes in insertion order, tuple last to first, cycles in creation order', () => {
  const { rt, gc, cls, log } = setup();
  const D = cls('D', (self) => log.push(String(self.refs === null ? nameOf.get(self) : '')));
  const nameOf = new Map<PyObject, string>();
  const d = (n: string) => {
    const o = newInstance(rt, D);
    nameOf.set(o, n);
    return o;
  };
  const steal = (items: PyObject[], make: (items: PyObject[]) => PyObject) => {
    const c = make(items);
    items.forEach((i) => rt.decref(i));
    return c;
  };
  rt.decref(steal([d('1'), d('2'), d('3')], (items) => newList(rt, items)));
  const dd = newDict(rt);
  for (const n of ['a', 'b']) {
    const v = d(n);
    dictSetItem(rt, dd, rt.str(n), v);
    rt.decref(v);
  }
  rt.decref(dd);
  const inst = newInstance(rt, cls('N'));
  for (const n of ['p', 'q']) {
    const v = d(n);
    instanceSetAttr(rt, inst, n, v);
    rt.decref(v);
  }
  rt.decref(inst);
  rt.decref(steal([d('t1'), d('t2')], (items) => newTuple(rt, items)));
  const a = d('A');
  const b = d('B');
  instanceSetAttr(rt, a, 'o', b);
  instanceSetAttr(rt, b, 'o', a);
  rt.decref(a);
  rt.decref(b);
  expect(gc.collect()).toBe(2);
  expect(log).toEqual(['3', '2', '1', 'a', 'b', 'p', 'q', 't2', 't1', 'A', 'B']);
});

test('automatic collection: the 701st net GC allocation after a collection triggers collect(0)', () => {
  const { rt, gc } = setup();
  gc.enable();
  const keep = newList(rt, []);
  const before = gc.get_stats()[0].collections;
  for (let i = 0; i < 699; i++) {
    const o = newDict(rt); // dicts are GC allocations even untracked
    listAppend(rt, keep, o);
    rt.decref(o);
  }
  expect(gc.get_count()[0]).toBe(700);
  expect(gc.get_stats()[0].collections).toBe(before);
  const o = newDict(rt);
  rt.decref(o);
  expect(gc.get_stats()[0].collections).toBe(before + 1);
});

test('free lists: a list freed and a new one made leave count0 unchanged; a full collection empties them', () => {
  const { rt, gc } = setup();
  const l = newList(rt, []);
  const afterAlloc = gc.get_count()[0];
  rt.decref(l);
  expect(gc.get_count()[0]).toBe(afterAlloc);
  rt.decref(newList(rt, []));
  expect(gc.get_count()[0]).toBe(afterAlloc);
  gc.collect();
  expect(rt.freelists.lists.length).toBe(0);
});

test('freeze moves everything to the permanent generation and zeroes counts; unfreeze returns it to gen 2', () => {
  const { rt, gc } = setup();
  newList(rt, []);
  gc.freeze();
  expect(gc.get_count()).toEqual([0, 0, 0]);
  const frozen = gc.get_freeze_count();
  expect(frozen).toBeGreaterThan(0);
  expect(gc.get_objects().length).toBe(0);
  gc.unfreeze();
  expect(gc.get_freeze_count()).toBe(0);
  expect(gc.get_objects(2).length).toBe(frozen);
});

test('a 1,000,000-deep nested list frees without recursion overflow (the trashcan)', () => {
  const { rt } = setup();
  const live = rt.liveCount;
  const top = newList(rt, []);
  let cur = top;
  for (let i = 0; i < 1_000_000; i++) {
    const next = newList(rt, []);
    listAppend(rt, cur, next);
    rt.decref(next);
    cur = next;
  }
  rt.decref(top);
  expect(rt.liveCount).toBe(live);
  expect(rt.trashDeleteNesting).toBe(0);
});
