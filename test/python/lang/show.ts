// A compact s-expression rendering of ASTs, so parse expectations read as one line each.
// Load context is implicit; Store and Del contexts are suffixed ':S' and ':D'.

import type { Comprehension, Ctx, Expr, Module, Stmt } from '../../../python/lang';

const ctx = (c: Ctx): string => (c === 'Load' ? '' : c === 'Store' ? ':S' : ':D');
const list = (xs: Expr[]): string => `[${xs.map(show).join(' ')}]`;
const block = (ss: Stmt[]): string => `[${ss.map(show).join(' ')}]`;

const comprehension = (gs: Comprehension[]): string =>
  gs.map((g) => `(for ${show(g.target)} ${show(g.iter)}${g.ifs.map((c) => ` (if ${show(c)})`).join('')})`).join(' ');

export function show(n: Module | Stmt | Expr): string {
  switch (n.kind) {
    case 'Module':
      return n.body.map(show).join('\n');
    case 'FunctionDef': {
      const first = n.args.length - n.defaults.length;
      const params = n.args.map((a, i) => {
        const annotation = n.argAnnotations[i];
        const param = annotation === null ? a.arg : `${a.arg}:${show(annotation)}`;
        return i < first ? param : `${param}=${show(n.defaults[i - first])}`;
      });
      const returns = n.returns === null ? '' : ` -> ${show(n.returns)}`;
      return `(def ${n.name} (${params.join(' ')})${returns} ${block(n.body)})`;
    }
    case 'ClassDef':
      return `(class ${n.name} ${list(n.bases)} ${block(n.body)})`;
    case 'Return':
      return n.value ? `(return ${show(n.value)})` : '(return)';
    case 'Delete':
      return `(del ${n.targets.map(show).join(' ')})`;
    case 'Assign':
      return `(= ${[...n.targets, n.value].map(show).join(' ')})`;
    case 'AugAssign':
      return `(${n.op}= ${show(n.target)} ${show(n.value)})`;
    case 'AnnAssign':
      return `(${n.simple ? '' : 'complex '}ann ${show(n.target)} ${show(n.annotation)}${n.value ? ` ${show(n.value)}` : ''})`;
    case 'For':
      return `(for ${show(n.target)} ${show(n.iter)} ${block(n.body)}${n.orelse ? ` ${block(n.orelse)}` : ''})`;
    case 'While':
      return `(while ${show(n.test)} ${block(n.body)}${n.orelse ? ` ${block(n.orelse)}` : ''})`;
    case 'Try': {
      const handlers = n.handlers.map(
        (h) => `(except ${h.type ? show(h.type) : '_'}${h.name !== null ? ` as ${h.name}` : ''} ${block(h.body)})`,
      );
      return `(try ${block(n.body)} ${handlers.join(' ')} ${block(n.orelse)} ${block(n.finalbody)})`;
    }
    case 'Raise':
      return `(raise${n.exc ? ` ${show(n.exc)}` : ''}${n.cause ? ` from ${show(n.cause)}` : ''})`;
    case 'Assert':
      return `(assert ${show(n.test)}${n.msg ? ` ${show(n.msg)}` : ''})`;
    case 'If':
      return `(if ${show(n.test)} ${block(n.body)} ${block(n.orelse)})`;
    case 'Expr':
      return show(n.value);
    case 'Pass':
      return 'pass';
    case 'Break':
      return 'break';
    case 'Continue':
      return 'continue';
    case 'Global':
      return `(global ${n.names.join(' ')})`;
    case 'Nonlocal':
      return `(nonlocal ${n.names.join(' ')})`;
    case 'Import':
      return `(import ${n.names.map((m, i) => (n.asnames?.[i] ? `${m}:${n.asnames[i]}` : m)).join(' ')})`;
    case 'ImportFrom':
      return `(from ${n.module} ${n.names.map((a) => (a.asname ? `${a.name}:${a.asname}` : a.name)).join(' ')})`;
    case 'BoolOp':
      return `(${n.op} ${n.values.map(show).join(' ')})`;
    case 'BinOp':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'UnaryOp':
      return `(${n.op} ${show(n.operand)})`;
    case 'IfExp':
      return `(ifexp ${show(n.test)} ${show(n.body)} ${show(n.orelse)})`;
    case 'Dict':
      return `(dict ${n.keys.map((k, i) => `${show(k)}:${show(n.values[i])}`).join(' ')})`;
    case 'Set':
      return `(set ${n.elts.map(show).join(' ')})`;
    case 'List':
      return `(list${ctx(n.ctx)} ${n.elts.map(show).join(' ')})`;
    case 'Tuple':
      return `(tuple${ctx(n.ctx)} ${n.elts.map(show).join(' ')})`;
    case 'Compare':
      return `(cmp ${show(n.left)} ${n.ops.map((op, i) => `${op} ${show(n.comparators[i])}`).join(' ')})`;
    case 'Call':
      return `(call ${[show(n.func), ...n.args.map(show), ...n.keywords.map((k) => (k.arg === null ? `**${show(k.value)}` : `${k.arg}=${show(k.value)}`))].join(' ')})`;
    case 'Attribute':
      return `(. ${show(n.value)} ${n.attr})${ctx(n.ctx)}`;
    case 'Subscript':
      return `([] ${show(n.value)} ${show(n.slice)})${ctx(n.ctx)}`;
    case 'Slice':
      return `(: ${[n.lower, n.upper, n.step].map((x) => (x === null ? '_' : show(x))).join(' ')})`;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      return `(${n.kind} ${show(n.elt)} ${comprehension(n.generators)})`;
    case 'DictComp':
      return `(${n.kind} ${show(n.key)}:${show(n.value)} ${comprehension(n.generators)})`;
    case 'Yield':
      return n.value ? `(yield ${show(n.value)})` : '(yield)';
    case 'Starred':
      return `(* ${show(n.value)})`;
    case 'Lambda':
      return `(lambda ${show(n.fn)})`;
    case 'Name':
      return `${n.id}${ctx(n.ctx)}`;
    case 'JoinedStr':
      return `(f ${n.values.map(show).join(' ')})`;
    case 'FormattedValue':
      return `(fv ${show(n.value)}${n.conversion ? ` !${n.conversion}` : ''}${n.formatSpec ? ` :${show(n.formatSpec)}` : ''})`;
    case 'Constant':
      switch (n.value.type) {
        case 'int':
          return `${n.value.value}`;
        case 'float':
          return `${n.value.value}f`;
        case 'str':
          return JSON.stringify(n.value.value);
        case 'bool':
          return n.value.value ? 'True' : 'False';
        case 'none':
          return 'None';
      }
  }
}
