/**
 * The object layouts the simulator knows, named after CPython's type objects.
 *
 * A kind decides three things, as a type's slots do in CPython: which references the object holds
 * (tp_traverse), the order in which it drops them when it dies (tp_dealloc) or is cleared by the
 * collector (tp_clear), and whether it is a GC type at all (Py_TPFLAGS_HAVE_GC).
 */
export const enum Kind {
  /** The head of a gc list (PyGC_Head of a generation or of a temporary list); never a real object. */
  Head = 0,
  None = 1,
  Bool = 2,
  Int = 3,
  Str = 4,
  List = 5,
  Tuple = 6,
  Dict = 7,
  Set = 8,
  /** An instance of a Python class (subtype_dealloc, subtype_traverse). */
  Instance = 9,
  /** A class made by a `class` statement: a heap type. */
  Type = 10,
  Function = 11,
  /** A bound method (PyMethodObject). */
  Method = 12,
  /** weakref.ref (PyWeakReference). */
  Weakref = 13,
  Module = 14,
  /** A built-in function or method (PyCFunctionObject): not a GC type in the model. */
  Builtin = 15,
  /** list_iterator, tuple_iterator, dict_keyiterator, ...: GC objects holding their sequence. */
  Iterator = 16,
  /** The code object behind a function: not a GC type; holds the function's constants. */
  Code = 17,
  /** A getset or member descriptor in a class's dict (`__dict__`, `__weakref__`, a slot). */
  Descriptor = 18,
  /** range objects: not GC types. */
  Range = 19,
  /** dict_keys / dict_values / dict_items views: GC objects holding their dict. */
  DictView = 20,
  /** A materialised frame object (as a traceback keeps one): owns the frame's locals. */
  Frame = 21,
  /** A traceback entry: holds the next entry and a frame object. */
  Traceback = 22,
  /** An exception instance (BaseException and subclasses). */
  Exception = 23,
  /** float (PyFloatObject): not a GC type; dead floats go to the float free list. */
  Float = 24,
  /** slice objects (PySliceObject): GC objects holding start, stop and step. */
  Slice = 25,
  /** A generator (PyGenObject): owns its suspended frame (locals, value stack, function). */
  Generator = 26,
  /** A cell (PyCellObject): a GC object holding one variable shared by a function and its closures. */
  Cell = 27,
}

export const KIND_NAMES: Readonly<Record<number, string>> = {
  [Kind.Head]: '<gc list head>',
  [Kind.None]: 'NoneType',
  [Kind.Bool]: 'bool',
  [Kind.Int]: 'int',
  [Kind.Str]: 'str',
  [Kind.List]: 'list',
  [Kind.Tuple]: 'tuple',
  [Kind.Dict]: 'dict',
  [Kind.Set]: 'set',
  [Kind.Instance]: 'object',
  [Kind.Type]: 'type',
  [Kind.Function]: 'function',
  [Kind.Method]: 'method',
  [Kind.Weakref]: 'weakref.ReferenceType',
  [Kind.Module]: 'module',
  [Kind.Builtin]: 'builtin_function_or_method',
  [Kind.Iterator]: 'iterator',
  [Kind.Code]: 'code',
  [Kind.Descriptor]: 'getset_descriptor',
  [Kind.Range]: 'range',
  [Kind.DictView]: 'dict_items',
  [Kind.Frame]: 'frame',
  [Kind.Traceback]: 'traceback',
  [Kind.Exception]: 'BaseException',
  [Kind.Float]: 'float',
  [Kind.Slice]: 'slice',
  [Kind.Generator]: 'generator',
  [Kind.Cell]: 'cell',
};
