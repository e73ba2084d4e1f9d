// Prints subset ASTs back as Python source (4-space indents, parentheses only where precedence
// needs them), so that parsing the output gives the same tree up to positions.

import type { BinOperator, CmpOperator, Comprehension, Expr, FormattedValue, JoinedStr, Module, Stmt } from './ast';
import { isPrintable } from './strings';
import { floatRepr } from '../../core/objects/floatobject';

/** Binding strength, loosest first, as in Python's grammar (and ast.unparse). */
enum Prec {
  Tuple,
  Test,
  Or,
  And,
  Not,
  Cmp,
  BitOr,
  BitXor,
  BitAnd,
  Shift,
  Arith,
  Term,
  Factor,
  Power,
  Atom,
}

const BIN_OPS: Record<BinOperator, [string, Prec]> = {
  Add: ['+', Prec.Arith],
  Sub: ['-', Prec.Arith],
  Mult: ['*', Prec.Term],
  Div: ['/', Prec.Term],
  FloorDiv: ['//', Prec.Term],
  Mod: ['%', Prec.Term],
  Pow: ['**', Prec.Power],
  LShift: ['<<', Prec.Shift],
  RShift: ['>>', Prec.Shift],
  BitOr: ['|', Prec.BitOr],
  BitXor: ['^', Prec.BitXor],
  BitAnd: ['&', Prec.BitAnd],
};

const CMP_OPS: Record<CmpOperator, string> = {
  Eq: '==',
  NotEq: '!=',
  Lt: '<',
  LtE: '<=',
  Gt: '>',
  GtE: '>=',
  Is: 'is',
  IsNot: 'is not',
  In: 'in',
  NotIn: 'not in',
};

const AUG_OPS = Object.fromEntries(Object.entries(BIN_OPS).map(([op, [symbol]]) => [op, `${symbol}=`])) as Record<
  BinOperator,
  string
>;

export function unparse(node: Module | Stmt | Expr): string {
  if (node.kind === 'Module') return node.body.map((s) => stmtLines(s, '')).join('');
  if (isStmt(node)) return stmtLines(node, '');
  return expr(node, Prec.Tuple);
}

const STMT_KINDS = new Set([
  'FunctionDef',
  'ClassDef',
  'Return',
  'Delete',
  'Assign',
  'AugAssign',
  'AnnAssign',
  'For',
  'While',
  'If',
  'Expr',
  'Pass',
  'Break',
  'Continue',
  'Global',
  'Nonlocal',
  'Import',
  'Try',
  'Raise',
  'Assert',
  'ImportFrom',
]);

function isStmt(node: Stmt | Expr): node is Stmt {
  return STMT_KINDS.has(node.kind);
}

/** `name` or `name as asname`, as an import statement writes it. */
function aliased(name: string, asname: string | null): string {
  return asname === null ? name : `${name} as ${asname}`;
}

function block(body: Stmt[], indent: string): string {
  const inner = `${indent}    `;
  return body.length === 0 ? `${inner}pass\n` : body.map((s) => stmtLines(s, inner)).join('');
}

/** One `@expr` line per decorator, in source order. */
function decoratorLines(decorators: Expr[] | undefined, indent: string): string {
  return (decorators ?? []).map((d) => `${indent}@${expr(d, Prec.Test)}\n`).join('');
}

function stmtLines(s: Stmt, indent: string): string {
  const line = (text: string): string => `${indent}${text}\n`;
  switch (s.kind) {
    case 'FunctionDef': {
      const returns = s.returns === null ? '' : ` -> ${expr(s.returns, Prec.Test)}`;
      return (
        decoratorLines(s.decorators, indent) +
        line(`def ${s.name}(${parameters(s)})${returns}:`) +
        block(s.body, indent)
      );
    }
    case 'ClassDef': {
      const bases = s.bases.length > 0 ? `(${s.bases.map((b) => expr(b, Prec.Test)).join(', ')})` : '';
      return decoratorLines(s.decorators, indent) + line(`class ${s.name}${bases}:`) + block(s.body, indent);
    }
    case 'Return':
      return line(s.value ? `return ${expr(s.value, Prec.Tuple)}` : 'return');
    case 'Delete':
      return line(`del ${s.targets.map((t) => expr(t, Prec.Test)).join(', ')}`);
    case 'Assign':
      return line([...s.targets, s.value].map((e) => expr(e, Prec.Tuple)).join(' = '));
    case 'AugAssign':
      return line(`${expr(s.target, Prec.Test)} ${AUG_OPS[s.op]} ${expr(s.value, Prec.Tuple)}`);
    case 'AnnAssign': {
      const target = s.simple ? expr(s.target, Prec.Test) : `(${expr(s.target, Prec.Test)})`;
      const value = s.value === null ? '' : ` = ${expr(s.value, Prec.Tuple)}`;
      return line(`${target}: ${expr(s.annotation, Prec.Test)}${value}`);
    }
    case 'For':
      return (
        line(`for ${expr(s.target, Prec.Tuple)} in ${expr(s.iter, Prec.Tuple)}:`) +
        block(s.body, indent) +
        clause('else', s.orelse ?? [], indent)
      );
    case 'While':
      return line(`while ${expr(s.test, Prec.Test)}:`) + block(s.body, indent) + clause('else', s.orelse ?? [], indent);
    case 'Try':
      return tryLines(s, indent);
    case 'Raise': {
      const exc = s.exc ? ` ${expr(s.exc, Prec.Test)}` : '';
      return line(`raise${exc}${s.cause ? ` from ${expr(s.cause, Prec.Test)}` : ''}`);
    }
    case 'Assert':
      return line(`assert ${expr(s.test, Prec.Test)}${s.msg ? `, ${expr(s.msg, Prec.Test)}` : ''}`);
    case 'If':
      return ifLines(s, indent, 'if');
    case 'Expr':
      return line(expr(s.value, Prec.Tuple));
    case 'Pass':
      return line('pass');
    case 'Break':
      return line('break');
    case 'Continue':
      return line('continue');
    case 'Global':
      return line(`global ${s.names.join(', ')}`);
    case 'Nonlocal':
      return line(`nonlocal ${s.names.join(', ')}`);
    case 'Import':
      return line(`import ${s.names.map((n, i) => aliased(n, s.asnames?.[i] ?? null)).join(', ')}`);
    case 'ImportFrom':
      return line(`from ${s.module} import ${s.names.map((a) => aliased(a.name, a.asname)).join(', ')}`);
  }
}

/** A def's or a lambda's parameters: annotations and defaults as written. */
function parameters(s: Extract<Stmt, { kind: 'FunctionDef' }>): string {
  const firstDefault = s.args.length - s.defaults.length;
  const positional = s.args.map((a, i) => {
    const annotation = s.argAnnotations[i];
    const param = annotation === null ? a.arg : `${a.arg}: ${expr(annotation, Prec.Test)}`;
    if (i < firstDefault) return param;
    return `${param}${annotation === null ? '=' : ' = '}${expr(s.defaults[i - firstDefault], Prec.Test)}`;
  });
  const posonly = s.posonlyargcount ?? 0;
  const kwonly = (s.kwonlyargs ?? []).map((a, i) => {
    const d = s.kwDefaults?.[i] ?? null;
    return d === null ? a.arg : `${a.arg}=${expr(d, Prec.Test)}`;
  });
  const star = s.vararg ? [`*${s.vararg.arg}`] : kwonly.length > 0 ? ['*'] : [];
  const params = [
    ...positional.slice(0, posonly),
    ...(posonly > 0 ? ['/'] : []),
    ...positional.slice(posonly),
    ...star,
    ...kwonly,
    ...(s.kwarg ? [`**${s.kwarg.arg}`] : []),
  ];
  return params.join(', ');
}

/** An optional clause of a compound statement (`else:`, `finally:`): nothing when its block is empty. */
function clause(keyword: string, body: Stmt[], indent: string): string {
  return body.length === 0 ? '' : `${indent}${keyword}:\n${block(body, indent)}`;
}

// `try` with its handlers, then its `else:` and `finally:` clauses.
function tryLines(s: Extract<Stmt, { kind: 'Try' }>, indent: string): string {
  let out = `${indent}try:\n${block(s.body, indent)}`;
  for (const h of s.handlers) {
    const type = h.type ? ` ${expr(h.type, Prec.Test)}${h.name !== null ? ` as ${h.name}` : ''}` : '';
    out += `${indent}except${type}:\n${block(h.body, indent)}`;
  }
  return out + clause('else', s.orelse, indent) + clause('finally', s.finalbody, indent);
}

// An `if` with its chain: an orelse holding just one If prints as `elif`.
function ifLines(s: Extract<Stmt, { kind: 'If' }>, indent: string, keyword: 'if' | 'elif'): string {
  let out = `${indent}${keyword} ${expr(s.test, Prec.Test)}:\n${block(s.body, indent)}`;
  if (s.orelse.length === 1 && s.orelse[0].kind === 'If') return out + ifLines(s.orelse[0], indent, 'elif');
  if (s.orelse.length > 0) out += `${indent}else:\n${block(s.orelse, indent)}`;
  return out;
}

const UNARY_SYMBOLS = { UAdd: '+', USub: '-', Invert: '~' };

/** A float constant as source: its repr, with inf and nan (made by folding) spelled as literals can. */
function floatLiteral(x: number, required: Prec): string {
  if (Number.isNaN(x)) return '(1e309 - 1e309)';
  const text = Number.isFinite(x) ? floatRepr(x) : x > 0 ? '1e309' : '-1e309';
  return text.startsWith('-') ? wrap(text, Prec.Factor, required) : text;
}

function wrap(text: string, own: Prec, required: Prec): string {
  return own < required ? `(${text})` : text;
}

function expr(e: Expr, required: Prec): string {
  switch (e.kind) {
    case 'BoolOp': {
      const own = e.op === 'Or' ? Prec.Or : Prec.And;
      const word = e.op === 'Or' ? ' or ' : ' and ';
      return wrap(e.values.map((v) => expr(v, own + 1)).join(word), own, required);
    }
    case 'BinOp': {
      const [symbol, own] = BIN_OPS[e.op];
      // ** binds to the right, and its right operand may be a unary expression (`2 ** -1`)
      if (e.op === 'Pow') return wrap(`${expr(e.left, Prec.Atom)} ** ${expr(e.right, Prec.Factor)}`, own, required);
      return wrap(`${expr(e.left, own)} ${symbol} ${expr(e.right, own + 1)}`, own, required);
    }
    case 'UnaryOp':
      if (e.op === 'Not') return wrap(`not ${expr(e.operand, Prec.Not)}`, Prec.Not, required);
      return wrap(`${UNARY_SYMBOLS[e.op]}${expr(e.operand, Prec.Factor)}`, Prec.Factor, required);
    case 'IfExp':
      return wrap(
        `${expr(e.body, Prec.Or)} if ${expr(e.test, Prec.Or)} else ${expr(e.orelse, Prec.Test)}`,
        Prec.Test,
        required,
      );
    case 'Compare': {
      const parts = e.ops.map((op, i) => `${CMP_OPS[op]} ${expr(e.comparators[i], Prec.Arith)}`);
      return wrap(`${expr(e.left, Prec.Arith)} ${parts.join(' ')}`, Prec.Cmp, required);
    }
    case 'Tuple': {
      if (e.elts.length === 0) return '()';
      const items = e.elts.map((x) => expr(x, Prec.Test)).join(', ') + (e.elts.length === 1 ? ',' : '');
      return required > Prec.Tuple ? `(${items})` : items;
    }
    case 'List':
      return `[${e.elts.map((x) => expr(x, Prec.Test)).join(', ')}]`;
    case 'Set':
      if (e.elts.length === 0) throw new Error('an empty Set has no display syntax');
      return `{${e.elts.map((x) => expr(x, Prec.Test)).join(', ')}}`;
    case 'Dict':
      return `{${e.keys.map((k, i) => `${expr(k, Prec.Test)}: ${expr(e.values[i], Prec.Test)}`).join(', ')}}`;
    case 'Call': {
      const args = [
        ...e.args.map((a) => expr(a, Prec.Test)),
        ...e.keywords.map((k) => `${k.arg === null ? '**' : `${k.arg}=`}${expr(k.value, Prec.Test)}`),
      ];
      return `${expr(e.func, Prec.Atom)}(${args.join(', ')})`;
    }
    case 'Starred':
      return `*${expr(e.value, Prec.BitOr)}`;
    case 'Attribute': {
      // `1.x` would read as a float literal
      const value =
        e.value.kind === 'Constant' && e.value.value.type === 'int'
          ? `(${expr(e.value, Prec.Tuple)})`
          : expr(e.value, Prec.Atom);
      return `${value}.${e.attr}`;
    }
    case 'Subscript':
      return `${expr(e.value, Prec.Atom)}[${expr(e.slice, Prec.Tuple)}]`;
    case 'Slice': {
      const part = (x: Expr | null): string => (x === null ? '' : expr(x, Prec.Test));
      return `${part(e.lower)}:${part(e.upper)}${e.step === null ? '' : `:${part(e.step)}`}`;
    }
    case 'ListComp':
      return `[${expr(e.elt, Prec.Test)}${clauses(e.generators)}]`;
    case 'SetComp':
      return `{${expr(e.elt, Prec.Test)}${clauses(e.generators)}}`;
    case 'DictComp':
      return `{${expr(e.key, Prec.Test)}: ${expr(e.value, Prec.Test)}${clauses(e.generators)}}`;
    case 'GeneratorExp':
      return `(${expr(e.elt, Prec.Test)}${clauses(e.generators)})`;
    case 'Yield':
      // parenthesized everywhere: valid in every position, and it parses back to the same node
      return e.value ? `(yield ${expr(e.value, Prec.Tuple)})` : '(yield)';
    case 'Name':
      return e.id;
    case 'Lambda': {
      const params = parameters(e.fn);
      const body = (e.fn.body[0] as Extract<Stmt, { kind: 'Return' }>).value!;
      return wrap(`lambda${params === '' ? '' : ` ${params}`}: ${expr(body, Prec.Test)}`, Prec.Test, required);
    }
    case 'JoinedStr':
    case 'FormattedValue':
      return fstring(e);
    case 'Constant':
      switch (e.value.type) {
        case 'int':
          return e.value.value < 0n ? wrap(e.value.value.toString(), Prec.Factor, required) : e.value.value.toString();
        case 'float':
          return floatLiteral(e.value.value, required);
        case 'str':
          return pyStrRepr(e.value.value);
        case 'bool':
          return e.value.value ? 'True' : 'False';
        case 'none':
          return 'None';
      }
  }
}

/**
 * An f-string as Python 3.11 can read it back: its expressions may hold neither a backslash nor
 * the f-string's own quote, so the quote is one their text does not use.
 */
function fstring(e: JoinedStr | FormattedValue): string {
  const values = e.kind === 'JoinedStr' ? e.values : [e];
  // each character as a str literal writes it, the quote escaped and (outside a spec) braces doubled
  const literal = (text: string, quote: string, level: number): string =>
    Array.from(text, (ch) =>
      ch === quote ? `\\${ch}` : level === 0 && (ch === '{' || ch === '}') ? ch + ch : pyStrRepr(ch).slice(1, -1),
    ).join('');
  const fields: string[] = [];
  const parts = (vs: Expr[], quote: string, level: number): string =>
    vs
      .map((v) => {
        if (v.kind === 'Constant' && v.value.type === 'str') return literal(v.value.value, quote, level);
        if (v.kind !== 'FormattedValue') throw new Error(`a ${v.kind} cannot stand in an f-string`);
        const text = expr(v.value, Prec.Test);
        fields.push(text);
        const conversion = v.conversion === null ? '' : `!${v.conversion}`;
        const spec = v.formatSpec === null ? '' : `:${parts(v.formatSpec.values, quote, level + 1)}`;
        // a space keeps `{{` (a dict or set display first) from reading as an escaped brace
        return `{${text.startsWith('{') ? ' ' : ''}${text}${conversion}${spec}}`;
      })
      .join('');
  for (const quote of ["'", '"']) {
    fields.length = 0;
    const text = parts(values, quote, 0);
    if (!fields.some((f) => f.includes(quote) || f.includes('\\'))) return `f${quote}${text}${quote}`;
  }
  throw new Error('an f-string whose expressions use both quotes or a backslash cannot be written in Python 3.11');
}

/** ` for target in iter if cond ...` for each clause of a comprehension. */
function clauses(generators: Comprehension[]): string {
  return generators
    .map(
      (g) =>
        ` for ${expr(g.target, Prec.Tuple)} in ${expr(g.iter, Prec.Or)}` +
        g.ifs.map((c) => ` if ${expr(c, Prec.Or)}`).join(''),
    )
    .join('');
}

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === ' ' || (code >= 0x20 && code < 0x7f) || (code > 0x7f && isPrintable(ch))) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}
