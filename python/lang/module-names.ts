// Which names of each supported module pymemlab models. A program that uses another name of such
// a module (`weakref.finalize`, `from sys import intern`) is refused before it runs, naming the
// module attribute and its line, rather than stopping halfway with an AttributeError CPython would
// not raise. test/python/interp/modules.test.ts checks this list against the module tables.

import type { Pos } from './ast';
import type { PExpr, PModule, PStmt } from './parser';
import { exprBlocks, exprChildren, stmtParts } from './walk';

/** Each supported module and the names of it that pymemlab models, in the order of its table. */
export const MODULE_NAMES: Readonly<Record<string, readonly string[]>> = {
  gc: [
    'collect',
    'get_count',
    'get_threshold',
    'set_threshold',
    'enable',
    'disable',
    'isenabled',
    'is_tracked',
    'is_finalized',
    'get_objects',
    'get_referents',
    'get_referrers',
    'get_stats',
    'freeze',
    'unfreeze',
    'get_freeze_count',
    'set_debug',
    'get_debug',
    'garbage',
    'callbacks',
    'DEBUG_STATS',
    'DEBUG_COLLECTABLE',
    'DEBUG_UNCOLLECTABLE',
    'DEBUG_SAVEALL',
    'DEBUG_LEAK',
  ],
  sys: ['getrefcount', 'getrecursionlimit', 'getsizeof', '_debugmallocstats', 'exit', 'argv'],
  weakref: ['getweakrefcount', 'getweakrefs', 'proxy', 'ref', 'WeakValueDictionary', 'finalize'],
  ctypes: ['cast', 'c_long', 'c_ssize_t', 'py_object', 'Structure'],
  pprint: ['pprint', 'pformat'],
  copy: ['copy', 'deepcopy'],
  tracemalloc: [
    'start',
    'stop',
    'is_tracing',
    'clear_traces',
    'get_traced_memory',
    'reset_peak',
    'get_traceback_limit',
    'take_snapshot',
    'Traceback',
    'Statistic',
    'StatisticDiff',
    '_Traces',
    'Snapshot',
  ],
  atexit: ['register', 'unregister', '_run_exitfuncs', '_clear', '_ncallbacks'],
};

/**
 * The names CPython 3.11's modules define (dir() without dunder names; docs/probes/q8_module_names.py):
 * of these, the ones not in MODULE_NAMES are refused; any other name fails as it does in CPython.
 */
const CPYTHON_NAMES: Readonly<Record<string, string>> = {
  gc: `
    DEBUG_COLLECTABLE DEBUG_LEAK DEBUG_SAVEALL DEBUG_STATS DEBUG_UNCOLLECTABLE callbacks collect
    disable enable freeze garbage get_count get_debug get_freeze_count get_objects get_referents
    get_referrers get_stats get_threshold is_finalized is_tracked isenabled set_debug
    set_threshold unfreeze
  `,
  sys: `
    _base_executable _clear_type_cache _current_exceptions _current_frames _debugmallocstats
    _framework _getframe _getquickenedcount _git _home _stdlib_dir _xoptions abiflags
    addaudithook api_version argv audit base_exec_prefix base_prefix breakpointhook
    builtin_module_names byteorder call_tracing copyright displayhook dont_write_bytecode
    exc_info excepthook exception exec_prefix executable exit flags float_info float_repr_style
    get_asyncgen_hooks get_coroutine_origin_tracking_depth get_int_max_str_digits
    getallocatedblocks getdefaultencoding getdlopenflags getfilesystemencodeerrors
    getfilesystemencoding getprofile getrecursionlimit getrefcount getsizeof getswitchinterval
    gettrace hash_info hexversion implementation int_info intern is_finalizing maxsize
    maxunicode meta_path modules orig_argv path path_hooks path_importer_cache platform
    platlibdir prefix pycache_prefix set_asyncgen_hooks set_coroutine_origin_tracking_depth
    set_int_max_str_digits setdlopenflags setprofile setrecursionlimit setswitchinterval
    settrace stderr stdin stdlib_module_names stdout thread_info unraisablehook version
    version_info warnoptions
  `,
  weakref: `
    CallableProxyType KeyedRef ProxyType ProxyTypes ReferenceType WeakKeyDictionary WeakMethod
    WeakSet WeakValueDictionary _IterationGuard _collections_abc _remove_dead_weakref finalize
    getweakrefcount getweakrefs itertools proxy ref sys
  `,
  ctypes: `
    ARRAY ArgumentError Array BigEndianStructure BigEndianUnion CDLL CFUNCTYPE DEFAULT_MODE
    LibraryLoader LittleEndianStructure LittleEndianUnion POINTER PYFUNCTYPE PyDLL RTLD_GLOBAL
    RTLD_LOCAL SetPointerType Structure Union _CFuncPtr _FUNCFLAG_CDECL _FUNCFLAG_PYTHONAPI
    _FUNCFLAG_USE_ERRNO _FUNCFLAG_USE_LASTERROR _Pointer _SimpleCData _c_functype_cache
    _calcsize _cast _cast_addr _check_size _ctypes_version _dlopen _endian _memmove_addr
    _memset_addr _os _pointer_type_cache _reset_cache _string_at _string_at_addr _sys _types
    _wstring_at _wstring_at_addr addressof alignment byref c_bool c_buffer c_byte c_char
    c_char_p c_double c_float c_int c_int16 c_int32 c_int64 c_int8 c_long c_longdouble
    c_longlong c_short c_size_t c_ssize_t c_ubyte c_uint c_uint16 c_uint32 c_uint64 c_uint8
    c_ulong c_ulonglong c_ushort c_void_p c_voidp c_wchar c_wchar_p cast cdll
    create_string_buffer create_unicode_buffer get_errno memmove memset pointer py_object pydll
    pythonapi resize set_errno sizeof string_at wstring_at
  `,
  pprint: `
    PrettyPrinter _StringIO _builtin_scalars _collections _dataclasses _perfcheck _recursion
    _safe_key _safe_tuple _sys _types _wrap_bytes_repr isreadable isrecursive pformat pp pprint
    re saferepr
  `,
  atexit: `
    _clear _ncallbacks _run_exitfuncs register unregister
  `,
  copy: `
    Error _copy_dispatch _copy_immutable _deepcopy_atomic _deepcopy_dict _deepcopy_dispatch
    _deepcopy_list _deepcopy_method _deepcopy_tuple _keep_alive _reconstruct copy deepcopy
    dispatch_table error
  `,
  tracemalloc: `
    BaseFilter DomainFilter Filter Frame Iterable Sequence Snapshot Statistic StatisticDiff Trace
    Traceback _Traces _compare_grouped_stats _format_size _get_object_traceback _get_traces
    _normalize_filename clear_traces fnmatch get_object_traceback get_traceback_limit
    get_traced_memory get_tracemalloc_memory is_tracing linecache os pickle reset_peak start stop
    take_snapshot total_ordering
  `,
};

/** A use of a module name pymemlab does not model: the construct to name and where it is. */
export interface UnmodelledName {
  construct: string;
  at: Pos;
}

/** How an unmodelled name is refused: "uses of 'weakref.finalize' are not supported by pymemlab". */
function construct(module: string, name: string): string {
  return `uses of '${module}.${name}'`;
}

/**
 * Every use of a name CPython's module defines but pymemlab does not model: `m.name` where `m` is bound by
 * `import m` or `import m as alias` anywhere in the file, and `from m import name`.
 */
export function unmodelledNames(tree: PModule): UnmodelledName[] {
  const out: UnmodelledName[] = [];
  const aliases = new Map<string, string>();
  const cpython = new Map(Object.entries(CPYTHON_NAMES).map(([m, names]) => [m, new Set(names.trim().split(/\s+/))]));
  const modelled = (module: string, name: string) =>
    (MODULE_NAMES[module]?.includes(name) ?? true) || !(cpython.get(module)?.has(name) ?? false);
  const visitStmts = (body: PStmt[]) => {
    for (const s of body) {
      if (s.kind === 'Import') s.names.forEach((m, i) => aliases.set(s.asnames?.[i] ?? m, m));
      if (s.kind === 'ImportFrom')
        for (const a of s.names)
          if (!modelled(s.module, a.name)) out.push({ construct: construct(s.module, a.name), at: s });
      const parts = stmtParts(s);
      parts.exprs.forEach(visitExpr);
      for (const block of parts.blocks) visitStmts(block.body);
    }
  };
  const visitExpr = (e: PExpr) => {
    if (e.kind === 'Attribute' && e.value.kind === 'Name') {
      const module = aliases.get(e.value.id);
      if (module !== undefined && !modelled(module, e.attr)) out.push({ construct: construct(module, e.attr), at: e });
    }
    exprChildren(e).forEach(visitExpr);
    if (e.kind === 'Lambda') for (const block of exprBlocks(e)) visitStmts(block.body);
  };
  visitStmts(tree.body);
  return out;
}
