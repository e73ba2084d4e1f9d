/**
 * str.format (Objects/stringlib/unicode_format.h, 3.11): literal text and `{field!conv:spec}`
 * replacement fields, fields numbered automatically or by hand, named by keyword, followed by
 * `.attr` and `[index]`; a spec may hold fields of its own. Exact str, int and float arguments are
 * rendered by their formatter directly (render_field), anything else goes through
 * PyObject_Format, with the bound `__format__` it makes.
 */
import type { Runtime } from '../../core/runtime';
import { Kind } from '../../core/objects/kinds';
import type { PyObject } from '../../core/objects/pyobject';
import { PyException } from '../../core/errors';
import { dictGetItem } from '../../core/objects/dict';
import { normaliseIndex } from '../../core/objects/list';
import { floatValue } from '../../core/objects/floatobject';
import { FormatSpecError, formatFloat, formatInt, formatStr } from './format-spec';
import { convertValue, objectFormat } from './format-value';

/** What a field name's `.attr` needs from the interpreter. */
export interface AttributeAccess {
  getAttr(obj: PyObject, attr: string): PyObject;
}

const valueError = (message: string) => new PyException('ValueError', message);

/** One pass over a format string: where the automatic field numbering stands. */
interface FormatState {
  readonly rt: Runtime;
  readonly access: AttributeAccess;
  readonly args: readonly PyObject[];
  readonly kwargs: ReadonlyMap<string, PyObject>;
  auto: 'unset' | 'auto' | 'manual';
  next: number;
}

/** `template.format(*args, **kwargs)` as text. */
export function strFormat(
  rt: Runtime,
  access: AttributeAccess,
  template: string,
  args: readonly PyObject[],
  kwargs: ReadonlyMap<string, PyObject>,
): string {
  return render({ rt, access, args, kwargs, auto: 'unset', next: 0 }, template, 2);
}

// MarkupIterator: literal text with '{{' and '}}' halved, and the fields between single braces.
function render(state: FormatState, template: string, depth: number): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  for (let i = 0; i < template.length;) {
    const ch = template[i];
    if ((ch === '{' || ch === '}') && template[i + 1] === ch) {
      out += ch;
      i += 2;
      continue;
    }
    if (ch === '}') throw valueError("Single '}' encountered in format string");
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    // the field runs to the matching '}' (braces nest inside a spec)
    let level = 1;
    let j = i + 1;
    for (; j < template.length && level > 0; j++) {
      if (template[j] === '{') level++;
      else if (template[j] === '}') level--;
    }
    if (level > 0)
      throw valueError(
        i + 1 === template.length ? "Single '{' encountered in format string" : "expected '}' before end of string",
      );
    out += field(state, template.slice(i + 1, j - 1), depth);
    i = j;
  }
  return out;
}

// parse_field + get_field_object + render_field for one `name!conv:spec`.
function field(state: FormatState, text: string, depth: number): string {
  const rt = state.rt;
  let end = 0;
  for (let bracket = false; end < text.length; end++) {
    const c = text[end];
    if (c === '[') bracket = true;
    else if (c === ']') bracket = false;
    else if (!bracket && (c === '!' || c === ':')) break;
  }
  const name = text.slice(0, end);
  let conversion: 's' | 'r' | 'a' | null = null;
  let rest = text.slice(end);
  if (rest.startsWith('!')) {
    if (rest.length < 2) throw valueError("unmatched '{' in format spec");
    if (rest.length > 2 && rest[2] !== ':') throw valueError("expected ':' after conversion specifier");
    const c = rest[1];
    if (c !== 's' && c !== 'r' && c !== 'a') throw valueError(`Unknown conversion specifier ${c}`);
    conversion = c;
    rest = rest.slice(2);
  }
  const specTemplate = rest.startsWith(':') ? rest.slice(1) : '';
  const spec = specTemplate.includes('{') ? render(state, specTemplate, depth - 1) : specTemplate;
  const obj = fieldObject(state, name);
  try {
    const value = conversion === null ? rt.newRef(obj) : convertValue(rt, obj, conversion);
    try {
      return renderValue(rt, value, spec);
    } finally {
      rt.decref(value);
    }
  } finally {
    rt.decref(obj);
  }
}

// render_field: exact str, int and float skip the __format__ lookup; others go through PyObject_Format.
function renderValue(rt: Runtime, value: PyObject, spec: string): string {
  try {
    if (value.type.kind === Kind.Str) return formatStr(value.value as string, spec);
    if (value.type.kind === Kind.Int) return formatInt(value.value as bigint, spec);
    if (value.type.kind === Kind.Float) return formatFloat(floatValue(value), spec);
  } catch (error) {
    if (error instanceof FormatSpecError) throw new PyException(error.kind, error.message);
    throw error;
  }
  const specObj = rt.str(spec);
  try {
    const result = objectFormat(rt, value, specObj);
    const text = result.value as string;
    rt.decref(result);
    return text;
  } finally {
    rt.decref(specObj);
  }
}

// get_field_object: the first part picks an argument (by number, by name, or the next one),
// then each `.attr` or `[key]` reaches inside it. A new reference.
function fieldObject(state: FormatState, name: string): PyObject {
  const rt = state.rt;
  const first = /^[^.[]*/.exec(name)![0];
  let obj: PyObject;
  if (first === '' || /^\d+$/.test(first)) {
    const mode = first === '' ? 'auto' : 'manual';
    if (state.auto !== 'unset' && state.auto !== mode)
      throw valueError(
        mode === 'auto'
          ? 'cannot switch from manual field specification to automatic field numbering'
          : 'cannot switch from automatic field numbering to manual field specification',
      );
    state.auto = mode;
    const index = first === '' ? state.next++ : Number(first);
    if (index >= state.args.length)
      throw new PyException('IndexError', `Replacement index ${index} out of range for positional args tuple`);
    obj = rt.newRef(state.args[index]);
  } else {
    const found = state.kwargs.get(first);
    if (found === undefined) throw new PyException('KeyError', `'${first}'`);
    obj = rt.newRef(found);
  }
  for (const m of name.slice(first.length).matchAll(/\.([^.[]*)|\[([^\]]*)\]|(.)/g)) {
    if (m[3] !== undefined) throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    const next = m[1] !== undefined ? attribute(state, obj, m[1]) : item(rt, obj, m[2]);
    rt.decref(obj);
    obj = next;
  }
  return obj;
}

function attribute(state: FormatState, obj: PyObject, attr: string): PyObject {
  if (attr === '') throw valueError('Empty attribute in format string');
  return state.access.getAttr(obj, attr);
}

// `[key]`: digits index as an int, anything else as a str key.
function item(rt: Runtime, obj: PyObject, key: string): PyObject {
  if (key === '') throw valueError('Empty attribute in format string');
  const kind = obj.type.kind;
  const numeric = /^\d+$/.test(key);
  if (kind === Kind.List || kind === Kind.Tuple || kind === Kind.Str) {
    if (!numeric) throw new PyException('TypeError', `${obj.type.name} indices must be integers or slices, not str`);
    if (kind === Kind.Str) {
      const ch = Array.from(obj.value as string)[Number(key)];
      if (ch === undefined) throw new PyException('IndexError', 'string index out of range');
      return rt.str(ch);
    }
    return rt.newRef(obj.items![normaliseIndex(obj, Number(key), obj.type.name)]);
  }
  if (kind === Kind.Dict) {
    const k = numeric ? rt.int(BigInt(key)) : rt.str(key);
    try {
      const found = dictGetItem(obj, k);
      if (found === undefined) throw new PyException('KeyError', numeric ? key : `'${key}'`);
      return rt.newRef(found);
    } finally {
      rt.decref(k);
    }
  }
  throw new PyException('TypeError', `'${obj.type.name}' object is not subscriptable`);
}
