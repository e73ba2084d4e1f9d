/**
 * locals() inside a function, as CPython 3.11 answers it (PyEval_GetLocals and
 * _PyFrame_FastToLocalsWithError): the frame's f_locals dict, made by the first call and kept on
 * the frame until the frame is cleared (after its locals), refreshed by every call: each bound
 * fast local (and the contents of each cell and free variable) is stored under its name, each
 * unbound one deleted. Writes to the dict never reach the fast locals; a later locals()
 * overwrites them.
 */
import type { Runtime } from '../../core/runtime';
import type { Frame } from '../../core/frame';
import type { PyObject } from '../../core/objects/pyobject';
import { dictDelItem, dictGetItem, dictSetItem, newDict } from '../../core/objects/dict';
import { cellGet } from '../../core/objects/cellobject';
import type { CodeInfo } from './compile';

/** The frame's f_locals dict, brought up to date with its fast locals (borrowed). */
export function fastToLocals(rt: Runtime, frame: Frame, code: CodeInfo, nameStr: (name: string) => PyObject): PyObject {
  if (frame.fLocals === null) frame.fLocals = newDict(rt);
  const dict = frame.fLocals;
  code.localsplus.forEach((name, i) => {
    const key = nameStr(name);
    const slot = frame.locals[i];
    const value = slot !== null && code.derefs?.get(name) === i ? cellGet(slot) : slot;
    if (value !== null) dictSetItem(rt, dict, key, value);
    else if (dictGetItem(dict, key) !== undefined) dictDelItem(rt, dict, key);
  });
  return dict;
}
