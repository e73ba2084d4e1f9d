/** python/interp/traceback.ts: frame objects made on need, take_ownership, and the printed traceback. */
import { Runtime } from '../../../core/runtime';
import { newList } from '../../../core/objects/list';
import { formatTraceback, FrameObjects, newTraceback } from '../../../python/interp/traceback';

test('a frame object is made once per frame; it outlives its frame only while a traceback holds it', () => {
  const rt = new Runtime();
  const objects = new FrameObjects(rt);
  const frame = rt.pushFrame('f', ['x']);
  const fobj = objects.of(frame);
  expect(objects.of(frame)).toBe(fobj);
  expect(fobj.refcnt).toBe(1);
  expect(objects.outlives(frame)).toBe(false);
  const tb = newTraceback(rt, null, fobj, { lineno: 1, name: 'f' });
  expect(tb.refs).toHaveLength(2);
  expect(tb.refs![0]).toBeNull();
  expect(tb.refs![1]).toBe(fobj);
  expect(objects.outlives(frame)).toBe(true);
  rt.decref(tb);
  expect(objects.outlives(frame)).toBe(false);
  objects.drop(frame);
  expect(fobj.freed).toBe(true);
});

test("take_ownership: the held frame object takes the frame's locals, its function and the caller's frame object", () => {
  const rt = new Runtime();
  const objects = new FrameObjects(rt);
  const caller = rt.pushFrame('<module>', []);
  const frame = rt.pushFrame('f', ['a', 'b']);
  const local = newList(rt, []);
  frame.locals[0] = local;
  const fLocals = newList(rt, []); // stands for the f_locals dict a locals() call made
  frame.fLocals = fLocals;
  const func = newList(rt, []); // stands for the function: any object whose reference moves
  const fobj = objects.of(frame);
  const tb = newTraceback(rt, null, fobj, { lineno: 1, name: 'f' });
  objects.takeOwnership(frame, func, caller);
  const back = objects.of(caller);
  const [fFunc, fFLocals, fLocalA, fLocalB, fBack] = fobj.refs!;
  expect(fobj.refs).toHaveLength(5);
  expect(fFunc).toBe(func);
  expect(fFLocals).toBe(fLocals);
  expect(frame.fLocals).toBeNull();
  expect(fLocalA).toBe(local);
  expect(fLocalB).toBeNull();
  expect(fBack).toBe(back);
  expect(frame.locals).toHaveLength(0);
  expect(fobj.refcnt).toBe(1); // the traceback's reference only: the frame's went
  expect(back.refcnt).toBe(2); // the caller's frame and f_back
  expect(local.refcnt).toBe(1); // moved, not copied
  rt.decref(tb);
  expect(fobj.freed).toBe(true);
  expect(local.freed).toBe(true);
  expect(back.refcnt).toBe(1);
});

test("the module's frame object keeps the globals only when it outlives the frame", () => {
  const rt = new Runtime();
  const globals = newList(rt, []);
  const held = new FrameObjects(rt);
  const frame = rt.pushFrame('<module>', []);
  const tb = newTraceback(rt, null, held.of(frame), { lineno: 1, name: '<module>' });
  held.exitModule(frame, globals);
  expect(tb.refs![1]!.refs).toHaveLength(1);
  expect(tb.refs![1]!.refs![0]).toBe(globals);
  expect(globals.refcnt).toBe(2);
  const unheld = new FrameObjects(rt);
  const other = rt.pushFrame('<module>', []);
  const fobj = unheld.of(other);
  unheld.exitModule(other, globals);
  expect(fobj.freed).toBe(true);
  expect(globals.refcnt).toBe(2);
});

test('a traceback prints outermost first, each line with its stripped source, blank lines left out', () => {
  const source = 'def f():\n    return g()\n\nf()\n';
  const text = formatTraceback(
    [
      { lineno: 4, name: '<module>' },
      { lineno: 2, name: 'f' },
      { lineno: 3, name: 'g' },
    ],
    "NameError: name 'g' is not defined",
    '/tmp/p.py',
    source,
  );
  expect(text).toBe(
    'Traceback (most recent call last):\n' +
      '  File "/tmp/p.py", line 4, in <module>\n    f()\n' +
      '  File "/tmp/p.py", line 2, in f\n    return g()\n' +
      '  File "/tmp/p.py", line 3, in g\n' +
      "NameError: name 'g' is not defined\n",
  );
});
