"""Asks CPython what it makes of each program, the way `python3 FILE` would compile it.

Reads a JSON list of program sources on stdin; writes a JSON list of results on stdout:
  {"error": {kind, msg, lineno, offset, endLineno, endOffset, text, stderr}} for a compile error
  (stderr is what the interpreter prints for it), or {"ast": ...} with the module's AST.

Files are compiled in file mode (PyRun_FileExFlags through ctypes) because that is what running
a script does, and its error positions differ from compile() on a string in a few cases. Valid
programs would also run, so they execute with empty builtins (they fail at once, harmlessly);
their AST comes from ast.parse instead.
"""
import ast
import ctypes
import io
import json
import os
import sys
import tempfile

libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
libc.fclose.argtypes = [ctypes.c_void_p]
api = ctypes.pythonapi
api.PyRun_FileExFlags.restype = ctypes.py_object
api.PyRun_FileExFlags.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object,
                                  ctypes.py_object, ctypes.c_int, ctypes.c_void_p]
PY_FILE_INPUT = 257


def file_mode_error(path):
    fp = libc.fopen(path.encode(), b"rb")
    namespace = {"__builtins__": {}}
    try:
        api.PyRun_FileExFlags(fp, path.encode(), PY_FILE_INPUT, namespace, namespace, 0, None)
    except SyntaxError as e:
        return e
    except BaseException:
        return None
    finally:
        libc.fclose(fp)
    return None


def rendered(e):
    """What the interpreter's own excepthook prints for the error."""
    e.__traceback__ = None
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        sys.__excepthook__(type(e), e, None)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def node_json(node):
    if isinstance(node, ast.AST):
        out = {"_type": type(node).__name__}
        for field, value in ast.iter_fields(node):
            out[field] = node_json(value)
        for attr in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if hasattr(node, attr):
                out[attr] = getattr(node, attr)
        return out
    if isinstance(node, list):
        return [node_json(x) for x in node]
    if isinstance(node, int) and not isinstance(node, bool):
        return {"int": str(node)}
    if node is None or isinstance(node, (bool, str)):
        return node
    return {"repr": repr(node)}


def main():
    sources = json.load(sys.stdin)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.py")
        for source in sources:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(source)
            e = file_mode_error(path)
            if e is not None:
                results.append({"error": {
                    "kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                    "endLineno": e.end_lineno, "endOffset": e.end_offset, "text": e.text,
                    "stderr": rendered(e).replace(path, "f.py"),
                }})
            else:
                results.append({"ast": node_json(ast.parse(source.lstrip("\ufeff")))})
    json.dump(results, sys.stdout)


main()
