// Test data for the front end: program sources and what CPython 3.11 makes of them.
// The syntax-error expectations were recorded from CPython 3.11.7 running each source as a
// file; cpython-oracle.test.ts re-checks them (and everything else here) against python3.

import type { SyntaxErrorKind } from '../../../python/lang';
import { MODULE_NAMES } from '../../../python/lang/module-names';

/** How a refused import names the modules pymemlab supports (every module the tables define). */
const OTHER_MODULES = `(modules other than ${Object.keys(MODULE_NAMES).join(', ')})`;

export interface SyntaxErrorCase {
  name: string;
  source: string;
  kind: SyntaxErrorKind;
  msg: string;
  lineno: number;
  offset: number;
}

export const SYNTAX_ERROR_CASES: SyntaxErrorCase[] = [
  { name: 'invalid syntax', source: 'x = = 1\n', kind: 'SyntaxError', msg: 'invalid syntax', lineno: 1, offset: 5 },
  {
    name: 'invalid syntax at a name',
    source: 'a b\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 3,
  },
  {
    name: 'invalid syntax after an operator',
    source: 'x = 1 +\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 8,
  },
  {
    name: 'invalid syntax mid-file',
    source: 'x = 1\ny = 2 +* 3\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 2,
    offset: 8,
  },
  {
    name: "expected ':' after if",
    source: 'if x\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 1,
    offset: 5,
  },
  {
    name: "expected ':' after while",
    source: 'while x\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 1,
    offset: 8,
  },
  {
    name: "expected ':' after for",
    source: 'for x in y\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 1,
    offset: 11,
  },
  {
    name: "expected ':' after def",
    source: 'def f()\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 1,
    offset: 8,
  },
  {
    name: "expected ':' after class",
    source: 'class A\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 1,
    offset: 8,
  },
  {
    name: "expected ':' after else",
    source: 'if x:\n    pass\nelse\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected ':'",
    lineno: 3,
    offset: 5,
  },
  {
    name: 'unexpected indent',
    source: 'x = 1\n    y = 2\n',
    kind: 'IndentationError',
    msg: 'unexpected indent',
    lineno: 2,
    offset: 4,
  },
  {
    name: 'unexpected indent on line 1',
    source: '  x = 1\n',
    kind: 'IndentationError',
    msg: 'unexpected indent',
    lineno: 1,
    offset: 2,
  },
  {
    name: 'indented block after if',
    source: 'if x:\npass\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'if' statement on line 1",
    lineno: 2,
    offset: 1,
  },
  {
    name: 'indented block after if at EOF',
    source: 'if x:\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'if' statement on line 1",
    lineno: 1,
    offset: 0,
  },
  {
    name: 'indented block after elif',
    source: 'if x:\n    pass\nelif y:\npass\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'elif' statement on line 3",
    lineno: 4,
    offset: 1,
  },
  {
    name: 'indented block after else',
    source: 'if x:\n    pass\nelse:\npass\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'else' statement on line 3",
    lineno: 4,
    offset: 1,
  },
  {
    name: 'indented block after while',
    source: 'while x:\npass\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'while' statement on line 1",
    lineno: 2,
    offset: 1,
  },
  {
    name: 'indented block after for',
    source: 'for x in y:\npass\n',
    kind: 'IndentationError',
    msg: "expected an indented block after 'for' statement on line 1",
    lineno: 2,
    offset: 1,
  },
  {
    name: 'indented block after def',
    source: 'def f():\npass\n',
    kind: 'IndentationError',
    msg: 'expected an indented block after function definition on line 1',
    lineno: 2,
    offset: 1,
  },
  {
    name: 'indented block after class',
    source: 'class A:\npass\n',
    kind: 'IndentationError',
    msg: 'expected an indented block after class definition on line 1',
    lineno: 2,
    offset: 1,
  },
  {
    name: 'unindent does not match',
    source: 'if x:\n        a = 1\n    b = 2\n',
    kind: 'IndentationError',
    msg: 'unindent does not match any outer indentation level',
    lineno: 3,
    offset: 10,
  },
  {
    name: 'unindent does not match, last line',
    source: 'def f():\n    if x:\n        pass\n  y = 1',
    kind: 'IndentationError',
    msg: 'unindent does not match any outer indentation level',
    lineno: 4,
    offset: 8,
  },
  {
    name: 'tab error',
    source: 'if x:\n\ta = 1\n        b = 2\n',
    kind: 'TabError',
    msg: 'inconsistent use of tabs and spaces in indentation',
    lineno: 3,
    offset: 1,
  },
  {
    name: 'tab error, spaces then tab',
    source: 'if x:\n        a = 1\n\tb = 2\n',
    kind: 'TabError',
    msg: 'inconsistent use of tabs and spaces in indentation',
    lineno: 3,
    offset: 1,
  },
  {
    name: "'(' was never closed",
    source: 'x = (1,\n2\n',
    kind: 'SyntaxError',
    msg: "'(' was never closed",
    lineno: 1,
    offset: 5,
  },
  {
    name: "'[' was never closed",
    source: 'x = [1, 2\n',
    kind: 'SyntaxError',
    msg: "'[' was never closed",
    lineno: 1,
    offset: 5,
  },
  {
    name: "'(' was never closed, reported over a later error",
    source: 'foo(a, b\nx = 3\n',
    kind: 'SyntaxError',
    msg: "'(' was never closed",
    lineno: 1,
    offset: 4,
  },
  { name: "unmatched ')'", source: 'x = 1)\n', kind: 'SyntaxError', msg: "unmatched ')'", lineno: 1, offset: 6 },
  { name: "unmatched ']' alone", source: ']\n', kind: 'SyntaxError', msg: "unmatched ']'", lineno: 1, offset: 1 },
  {
    name: 'mismatched closing parenthesis',
    source: 'f(a]\n',
    kind: 'SyntaxError',
    msg: "closing parenthesis ']' does not match opening parenthesis '('",
    lineno: 1,
    offset: 4,
  },
  {
    name: 'mismatched closing parenthesis on a later line',
    source: 'f(a,\n]\n',
    kind: 'SyntaxError',
    msg: "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
    lineno: 2,
    offset: 1,
  },
  {
    name: 'unterminated string literal',
    source: "x = 'abc\n",
    kind: 'SyntaxError',
    msg: 'unterminated string literal (detected at line 1)',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'unterminated string literal, double quotes',
    source: 'print("hello)\n',
    kind: 'SyntaxError',
    msg: 'unterminated string literal (detected at line 1)',
    lineno: 1,
    offset: 7,
  },
  {
    name: 'unterminated triple-quoted string literal',
    source: "x = '''abc\n\ny\n",
    kind: 'SyntaxError',
    msg: 'unterminated triple-quoted string literal (detected at line 3)',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'a tokenizer error after a parser error wins',
    source: "x = = 1\ny = 'abc\n",
    kind: 'SyntaxError',
    msg: 'unterminated string literal (detected at line 2)',
    lineno: 2,
    offset: 5,
  },
  {
    name: 'cannot assign to literal',
    source: '1 = x\n',
    kind: 'SyntaxError',
    msg: "cannot assign to literal here. Maybe you meant '==' instead of '='?",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'cannot assign to literal in a tuple',
    source: 'a, 1 = x\n',
    kind: 'SyntaxError',
    msg: "cannot assign to literal here. Maybe you meant '==' instead of '='?",
    lineno: 1,
    offset: 4,
  },
  {
    name: 'cannot assign to function call',
    source: 'f() = 1\n',
    kind: 'SyntaxError',
    msg: "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'cannot assign to expression',
    source: 'x + 1 = 2\n',
    kind: 'SyntaxError',
    msg: "cannot assign to expression here. Maybe you meant '==' instead of '='?",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'cannot assign to comparison',
    source: 'a < b = 2\n',
    kind: 'SyntaxError',
    msg: 'cannot assign to comparison',
    lineno: 1,
    offset: 1,
  },
  {
    name: 'cannot assign to True',
    source: 'True = 1\n',
    kind: 'SyntaxError',
    msg: 'cannot assign to True',
    lineno: 1,
    offset: 1,
  },
  {
    name: 'cannot assign to literal in for',
    source: 'for 1 in x:\n    pass\n',
    kind: 'SyntaxError',
    msg: 'cannot assign to literal',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'cannot delete function call',
    source: 'del f()\n',
    kind: 'SyntaxError',
    msg: 'cannot delete function call',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'cannot delete literal',
    source: 'del 1\n',
    kind: 'SyntaxError',
    msg: 'cannot delete literal',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'illegal augmented assignment',
    source: '[a, b] += 1\n',
    kind: 'SyntaxError',
    msg: "'list' is an illegal expression for augmented assignment",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'augmented assignment to a call',
    source: 'f() += 1\n',
    kind: 'SyntaxError',
    msg: "'function call' is an illegal expression for augmented assignment",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'forgot a comma in a call',
    source: 'print(1 2)\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax. Perhaps you forgot a comma?',
    lineno: 1,
    offset: 7,
  },
  {
    name: 'forgot a comma in a list',
    source: 'x = [1, 2 3]\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax. Perhaps you forgot a comma?',
    lineno: 1,
    offset: 9,
  },
  {
    name: 'forgot a comma in parentheses',
    source: '(a b)\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax. Perhaps you forgot a comma?',
    lineno: 1,
    offset: 2,
  },
  {
    name: 'missing parentheses in print',
    source: 'print "a"\n',
    kind: 'SyntaxError',
    msg: "Missing parentheses in call to 'print'. Did you mean print(...)?",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'return outside function',
    source: 'def f():\n    return 1\nreturn 2\n',
    kind: 'SyntaxError',
    msg: "'return' outside function",
    lineno: 3,
    offset: 1,
  },
  {
    name: 'return in a class body',
    source: 'class A:\n    return 1\n',
    kind: 'SyntaxError',
    msg: "'return' outside function",
    lineno: 2,
    offset: 5,
  },
  {
    name: 'break outside loop',
    source: 'break\n',
    kind: 'SyntaxError',
    msg: "'break' outside loop",
    lineno: 1,
    offset: 1,
  },
  {
    name: "break in a loop's else",
    source: 'while x:\n    pass\nelse:\n    break\n',
    kind: 'SyntaxError',
    msg: "'break' outside loop",
    lineno: 4,
    offset: 5,
  },
  {
    name: 'break in a function inside a loop',
    source: 'while True:\n    def f():\n        break\n',
    kind: 'SyntaxError',
    msg: "'break' outside loop",
    lineno: 3,
    offset: 9,
  },
  {
    name: 'continue not in loop',
    source: 'continue\n',
    kind: 'SyntaxError',
    msg: "'continue' not properly in loop",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'continue in a class in a loop',
    source: 'for x in y:\n    class A:\n        continue\n',
    kind: 'SyntaxError',
    msg: "'continue' not properly in loop",
    lineno: 3,
    offset: 9,
  },
  {
    name: 'invalid decimal literal',
    source: 'x = 12abc\n',
    kind: 'SyntaxError',
    msg: 'invalid decimal literal',
    lineno: 1,
    offset: 6,
  },
  {
    name: 'invalid decimal literal, trailing underscore',
    source: 'x = 1_\n',
    kind: 'SyntaxError',
    msg: 'invalid decimal literal',
    lineno: 1,
    offset: 6,
  },
  {
    name: 'invalid hexadecimal literal',
    source: 'x = 0xg\n',
    kind: 'SyntaxError',
    msg: 'invalid hexadecimal literal',
    lineno: 1,
    offset: 6,
  },
  {
    name: 'invalid digit in octal literal',
    source: 'x = 0o8\n',
    kind: 'SyntaxError',
    msg: "invalid digit '8' in octal literal",
    lineno: 1,
    offset: 7,
  },
  {
    name: 'leading zeros',
    source: 'x = 0777\n',
    kind: 'SyntaxError',
    msg: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
    lineno: 1,
    offset: 5,
  },
  {
    name: 'invalid character',
    source: 'x = 5 \u00d7 3\n',
    kind: 'SyntaxError',
    msg: "invalid character '\u00d7' (U+00D7)",
    lineno: 1,
    offset: 7,
  },
  {
    name: 'invalid non-printable character',
    source: 'x = 1\u00a0+ 2\n',
    kind: 'SyntaxError',
    msg: 'invalid non-printable character U+00A0',
    lineno: 1,
    offset: 6,
  },
  {
    name: 'unexpected character after line continuation',
    source: 'x = 1 \\ y\n',
    kind: 'SyntaxError',
    msg: 'unexpected character after line continuation character',
    lineno: 1,
    offset: 8,
  },
  {
    name: 'unexpected EOF after line continuation',
    source: 'x = 1 + \\\n',
    kind: 'SyntaxError',
    msg: 'unexpected EOF while parsing',
    lineno: 1,
    offset: 10,
  },
  {
    name: 'non-default argument follows default',
    source: 'def f(a=1, b):\n    pass\n',
    kind: 'SyntaxError',
    msg: 'non-default argument follows default argument',
    lineno: 1,
    offset: 12,
  },
  {
    name: 'positional argument follows keyword argument',
    source: 'f(x=1, y)\n',
    kind: 'SyntaxError',
    msg: 'positional argument follows keyword argument',
    lineno: 1,
    offset: 9,
  },
  {
    name: 'expression cannot contain assignment',
    source: 'f(a + 1=2)\n',
    kind: 'SyntaxError',
    msg: 'expression cannot contain assignment, perhaps you meant "=="?',
    lineno: 1,
    offset: 3,
  },
  {
    name: 'keyword argument repeated',
    source: 'f(a=1, b=2, a=3)\n',
    kind: 'SyntaxError',
    msg: 'keyword argument repeated: a',
    lineno: 1,
    offset: 13,
  },
  {
    name: 'duplicate argument',
    source: 'def f(a, b, a):\n    pass\n',
    kind: 'SyntaxError',
    msg: "duplicate argument 'a' in function definition",
    lineno: 1,
    offset: 13,
  },
  {
    name: 'global after assignment',
    source: 'def f():\n    x = 1\n    global x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is assigned to before global declaration",
    lineno: 3,
    offset: 5,
  },
  {
    name: 'nonlocal at module level',
    source: 'print(1)\nnonlocal x\n',
    kind: 'SyntaxError',
    msg: 'nonlocal declaration not allowed at module level',
    lineno: 2,
    offset: 1,
  },
  {
    name: 'nonlocal without a binding',
    source: 'x = 1\ndef f():\n    def g():\n        nonlocal x, y\n',
    kind: 'SyntaxError',
    msg: "no binding for nonlocal 'x' found",
    lineno: 4,
    offset: 9,
  },
  {
    name: 'nonlocal in a class body at module level',
    source: 'class C:\n    nonlocal x\n',
    kind: 'SyntaxError',
    msg: "no binding for nonlocal 'x' found",
    lineno: 2,
    offset: 5,
  },
  {
    name: 'nonlocal of a parameter',
    source: 'def f(x):\n    def g(x):\n        nonlocal x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is parameter and nonlocal",
    lineno: 3,
    offset: 9,
  },
  {
    name: 'nonlocal after assignment',
    source: 'def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is assigned to before nonlocal declaration",
    lineno: 5,
    offset: 9,
  },
  {
    name: 'nonlocal after use',
    source: 'def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is used prior to nonlocal declaration",
    lineno: 5,
    offset: 9,
  },
  {
    name: 'annotated nonlocal',
    source: 'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n',
    kind: 'SyntaxError',
    msg: "annotated name 'x' can't be nonlocal",
    lineno: 5,
    offset: 9,
  },
  {
    name: 'nonlocal and global',
    source: 'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is nonlocal and global",
    lineno: 4,
    offset: 9,
  },
  {
    name: 'nonlocal binding found through a class body',
    source: 'def f():\n    x = 1\n    class C:\n        def g():\n            nonlocal y\n',
    kind: 'SyntaxError',
    msg: "no binding for nonlocal 'y' found",
    lineno: 5,
    offset: 13,
  },
  {
    name: 'global after use',
    source: 'def f():\n    print(x)\n    global x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is used prior to global declaration",
    lineno: 3,
    offset: 5,
  },
  {
    name: 'annotated global',
    source: 'def f():\n    global x\n    x: int = 1\n',
    kind: 'SyntaxError',
    msg: "annotated name 'x' can't be global",
    lineno: 3,
    offset: 5,
  },
  {
    name: 'global after annotation',
    source: 'x: int\nglobal x\n',
    kind: 'SyntaxError',
    msg: "annotated name 'x' can't be global",
    lineno: 2,
    offset: 1,
  },
  {
    name: 'parameter and global',
    source: 'def f(x):\n    global x\n',
    kind: 'SyntaxError',
    msg: "name 'x' is parameter and global",
    lineno: 2,
    offset: 5,
  },
  {
    name: "expected 'else' after 'if' expression",
    source: 'x = a if b\n',
    kind: 'SyntaxError',
    msg: "expected 'else' after 'if' expression",
    lineno: 1,
    offset: 5,
  },
  {
    name: "':' expected after dictionary key",
    source: 'x = {1: 2, 3 4}\n',
    kind: 'SyntaxError',
    msg: "':' expected after dictionary key",
    lineno: 1,
    offset: 12,
  },
  {
    name: 'truncated \\x escape',
    source: "x = 'ab\\x4'\n",
    kind: 'SyntaxError',
    msg: "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape",
    lineno: 1,
    offset: 12,
  },
  {
    name: 'cannot mix bytes and nonbytes',
    source: "x = 'a' b'c'\n",
    kind: 'SyntaxError',
    msg: 'cannot mix bytes and nonbytes literals',
    lineno: 1,
    offset: 13,
  },
  {
    name: 'generator expression must be parenthesized',
    source: 'f(x for x in y, 1)\n',
    kind: 'SyntaxError',
    msg: 'Generator expression must be parenthesized',
    lineno: 1,
    offset: 3,
  },
  {
    name: 'starred expression alone',
    source: 'x = *a\n',
    kind: 'SyntaxError',
    msg: "can't use starred expression here",
    lineno: 1,
    offset: 5,
  },
  {
    name: 'yield outside function',
    source: 'yield 1\n',
    kind: 'SyntaxError',
    msg: "'yield' outside function",
    lineno: 1,
    offset: 1,
  },
  {
    name: 'syntax error inside an unsupported construct',
    source: 'f = lambda x: = 1\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 15,
  },
  {
    name: 'syntax error wins over an earlier unsupported construct',
    source: 'f = lambda: 0\nx = = 1\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 2,
    offset: 5,
  },
  {
    name: 'a later compile error wins over an unsupported construct',
    source: 'try:\n    pass\nfinally:\n    pass\nbreak\n',
    kind: 'SyntaxError',
    msg: "'break' outside loop",
    lineno: 5,
    offset: 1,
  },
  {
    name: 'CRLF line endings',
    source: 'x = 1\r\ny = = 2\r\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 2,
    offset: 5,
  },
  {
    name: 'no final newline',
    source: 'if x:\n    y = = 1',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 2,
    offset: 9,
  },
  {
    name: 'non-ASCII text before the error',
    source: 'x = "\u00e9" + = 1\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 12,
  },
  { name: 'BOM', source: '\ufeffx = = 1\n', kind: 'SyntaxError', msg: 'invalid syntax', lineno: 1, offset: 3 },
  {
    name: 'unexpected indent after a comment line',
    source: '# c\n  x = 1\n',
    kind: 'IndentationError',
    msg: 'unexpected indent',
    lineno: 2,
    offset: 2,
  },
  {
    name: 'else without if',
    source: 'else:\n    pass\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 1,
  },
  {
    name: 'elif after else',
    source: 'if x:\n    pass\nelse:\n    pass\nelif y:\n    pass\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 5,
    offset: 1,
  },
  {
    name: 'def without parentheses',
    source: 'def f:\n    pass\n',
    kind: 'SyntaxError',
    msg: "expected '('",
    lineno: 1,
    offset: 6,
  },
  {
    name: 'import without a name',
    source: 'import\n',
    kind: 'SyntaxError',
    msg: 'invalid syntax',
    lineno: 1,
    offset: 7,
  },
  {
    name: 'class body not indented after docstring',
    source: "class A:\n    '''doc'''\n  x = 1\n",
    kind: 'IndentationError',
    msg: 'unindent does not match any outer indentation level',
    lineno: 3,
    offset: 8,
  },
];

/** What `python3 f.py` prints for some of the cases above. */
export const RENDERED_ERRORS: { source: string; stderr: string }[] = [
  { source: 'x = = 1\n', stderr: '  File "f.py", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n' },
  {
    source: 'f() = 1\n',
    stderr:
      "  File \"f.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n",
  },
  { source: '  x = 1\n', stderr: '  File "f.py", line 1\n    x = 1\nIndentationError: unexpected indent\n' },
  {
    source: 'if x:\n',
    stderr:
      '  File "f.py", line 1\n    if x:\nIndentationError: expected an indented block after \'if\' statement on line 1\n',
  },
  {
    source: 'print(1 2)\n',
    stderr:
      '  File "f.py", line 1\n    print(1 2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n',
  },
  {
    source: 'if x:\n        a = 1\n    b = 2\n',
    stderr:
      '  File "f.py", line 3\n    b = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n',
  },
  {
    source: 'x = (1,\n2\n',
    stderr: '  File "f.py", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n',
  },
  {
    source: 'def f():\n    return 1\nreturn 2\n',
    stderr: '  File "f.py", line 3\n    return 2\n    ^^^^^^^^\nSyntaxError: \'return\' outside function\n',
  },
];

/** Valid Python outside the subset: the construct named and the line reported. */
export const UNSUPPORTED_CASES: { source: string; construct: string; lineno: number }[] = [
  {
    source: 'x = 1\nys = [i.a for i.a in range(3)]\n',
    construct: 'comprehension targets other than a name or a tuple of names',
    lineno: 2,
  },
  { source: 'async def f():\n    return [i async for i in x]\n', construct: 'async functions', lineno: 1 },
  { source: 'def f():\n    print((yield 1))\n', construct: 'yield expressions inside other expressions', lineno: 2 },
  { source: 'with open(p) as f:\n    pass\n', construct: "'with' statements", lineno: 1 },
  { source: 'async def f():\n    pass\n', construct: 'async functions', lineno: 1 },
  { source: '@staticmethod\nasync def f():\n    pass\n', construct: 'async functions', lineno: 1 },
  { source: 'a, *b = xs\n', construct: "starred ('*') expressions", lineno: 1 },
  {
    source: 'def f(*args: int):\n    pass\n',
    construct: "annotations of '*args', '**kwargs' and keyword-only parameters",
    lineno: 1,
  },
  { source: 'f = lambda: (yield)\n', construct: 'yield expressions inside other expressions', lineno: 1 },
  { source: 'x = 2j\n', construct: 'complex number literals', lineno: 1 },
  { source: "x = b'abc'\n", construct: 'bytes literals', lineno: 1 },
  { source: 'if (n := 10) > 5:\n    pass\n', construct: "assignment expressions (':=')", lineno: 1 },
  { source: 'match x:\n    case 1:\n        pass\n', construct: "'match' statements", lineno: 1 },
  { source: 'from gc import *\n', construct: "'from ... import *' statements", lineno: 1 },
  { source: 'from . import gc\n', construct: "relative 'from . import' statements", lineno: 1 },
  { source: 'from .. import gc\n', construct: "relative 'from . import' statements", lineno: 1 },
  { source: 'from .m import (a, b)\n', construct: "relative 'from . import' statements", lineno: 1 },
  {
    source: 'import os as o\n',
    construct: `imports of 'os' ${OTHER_MODULES}`,
    lineno: 1,
  },
  {
    source: 'from os.path import join as j\n',
    construct: `imports of 'os.path' ${OTHER_MODULES}`,
    lineno: 1,
  },
  {
    source: 'import os\n',
    construct: `imports of 'os' ${OTHER_MODULES}`,
    lineno: 1,
  },
  {
    source: 'import gc, os\n',
    construct: `imports of 'os' ${OTHER_MODULES}`,
    lineno: 1,
  },
  {
    source: 'import re, gc, os.path\n',
    construct: `imports of 're', 'os.path' ${OTHER_MODULES}`,
    lineno: 1,
  },
  {
    source: 'try:\n    pass\nexcept* ValueError:\n    pass\n',
    construct: "'except*' clauses",
    lineno: 1,
  },
  {
    source: 'for x.a in y:\n    pass\n',
    construct: 'for-loop targets other than a name or a tuple of names',
    lineno: 1,
  },
  { source: 'x = a @ b\n', construct: "matrix multiplication operators ('@')", lineno: 1 },
  { source: 'x @= m\n', construct: "'@=' augmented assignments", lineno: 1 },
  { source: 'x = ...\n', construct: "ellipsis ('...') literals", lineno: 1 },
  { source: 'class A(B, C):\n    pass\n', construct: 'classes with more than one base', lineno: 1 },
  { source: 'class A(metaclass=M):\n    pass\n', construct: 'class keyword arguments', lineno: 1 },
  {
    source: 'class A:\n    print(1)\n',
    construct: 'class-body statements other than assignments, defs, pass and docstrings',
    lineno: 2,
  },
  {
    // a special method the interpreter would never call: refused, not silently ignored
    source: 'class A:\n    def __init__(self):\n        pass\n\n    def __eq__(self, other):\n        return True\n',
    construct:
      "'__eq__' methods (special methods other than __init__, __del__, __repr__, __str__, __format__, __getitem__, __int__, __index__, __float__)",
    lineno: 5,
  },
  {
    source: 'class D:\n    @staticmethod\n    def __new__(cls):\n        pass\n',
    construct:
      "'__new__' methods (special methods other than __init__, __del__, __repr__, __str__, __format__, __getitem__, __int__, __index__, __float__)",
    lineno: 3,
  },
  { source: 'del (a, b)\n', construct: 'tuple or list targets in del statements', lineno: 1 },
  { source: "x = {**a, 'b': 1}\n", construct: "'**' entries in dict displays", lineno: 1 },
  {
    source: 'x = 1\ny = 2\nf = lambda *a: 0\nz = [i for i in y]\na, *b = z\n',
    construct: "starred ('*') expressions",
    lineno: 5,
  },
];

/** Realistic teaching programs inside the subset (unparse round trips are checked on these). */
export const TEACHING_PROGRAMS: Record<string, string> = {
  refcounts: `import sys


class Node:
    """A plain object whose references we count."""

    def __init__(self, name):
        self.name = name


a = Node('a')
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
container = [a, a, a]
print(sys.getrefcount(a) - 1)
del container
del b
print(sys.getrefcount(a))
`,
  cycles: `import gc


class Link:
    def __init__(self, label):
        self.label = label
        self.other = None

    def __del__(self):
        print('collecting', self.label)


def make_cycle():
    x = Link('x')
    y = Link('y')
    x.other = y
    y.other = x


gc.disable()
make_cycle()
print('unreachable:', gc.collect())
gc.enable()
`,
  weakrefCallbacks: `import weakref, gc


class Resource:
    __slots__ = ('name', '__weakref__')

    def __init__(self, name):
        self.name = name


def on_gone(ref):
    print('gone:', ref() is None)


r = Resource('db')
w = weakref.ref(r, on_gone)
print(w() is r)
del r
print(w())
gc.collect()
`,
  gcThresholds: `import gc

old = gc.get_threshold()
print(old)
gc.set_threshold(5, 2, 2)
print(gc.get_threshold())
counts = []
i = 0
while i < 10:
    counts.append(gc.get_count())
    i += 1
for c in counts:
    print(c, end=' ')
print()
gc.set_threshold(old[0], old[1], old[2])
`,
  globalsAndOperators: `import sys
cache = {}
total = 0


def remember(key, value=None):
    global total
    if key in cache and cache[key] is not None:
        return cache[key]
    elif not key:
        return None
    cache[key] = value
    total += 1
    return value


for k, v in (('a', 1), ('b', 2), ('c', None)):
    remember(k, v)
print(total, len(cache), -total % 3, 10 // 3 - 2 * -1, (1 + 2) * 3, 1 - (2 - 3))
print(0 < total <= 3 < 10, 'x' not in cache, cache is not None, not total == 3)
x = y = [1, 2]
x += [3]
x -= []; y *= 1
print(x is y, x == y, y, (x,), (), {1, 2}, {'k': (1, 2)}, 0x1F, 1_000)
print('tab\\there', "it's", '\\u00e9', r'raw\\n' 'joined', sys.getrefcount(x) > 0 if x else None)
`,
  inheritanceAndResurrection: `class Base():
    pass


class Phoenix(Base):
    """Brings itself back once."""
    saved = []

    def __del__(self):
        if not Phoenix.saved:
            Phoenix.saved.append(self)
            print('resurrected')
        else:
            print('final')


p = Phoenix()
del p
print(len(Phoenix.saved))
Phoenix.saved.pop()
n = 3
while n:
    n -= 1
    if n == 1:
        continue
    elif n == 0:
        break
    print(n)
`,
};

/** Snippets whose unparse must keep the tree (precedence, associativity, nesting, literals). */
export const ROUNDTRIP_SNIPPETS: string[] = [
  's = f\'{a!r:>{w}} {{b}} {c=} {d["k"]:,}\'\n',
  'try:\n    x = 1\nexcept ValueError as e:\n    pass\nexcept (KeyError, IndexError):\n    pass\nexcept:\n    raise\nelse:\n    y = 2\nfinally:\n    z = 3\n',
  'try:\n    pass\nfinally:\n    pass\n',
  'raise ValueError\n',
  'raise ValueError(1) from None\n',
  'assert x\n',
  "assert x == 1, 'message'\n",
  'while x:\n    pass\nelse:\n    y = 1\n',
  'for x in y:\n    pass\nelse:\n    z = 1\n',
  'import gc as g, sys\nfrom weakref import ref, getweakrefs as gw\n',
  '(a + b) * c - d // (e % f)\n',
  'a - (b - c) + -(-d) - +e\n',
  'x = not (a and b) or (c or d) and not e\n',
  'y = (a or b) or c\n',
  'z = a < b < c == (d < e) != (f is not g)\n',
  'w = (a if b else c) if (d if e else f) else g if h else i\n',
  'v = (not a) + 1 if b in c else [1, (2, 3), (), (4,), {}, {5}, {6: 7}]\n',
  'f(a, b, c=(d, e))(g)[h][i, j].k\n',
  "print('a', \"it's\", 'both \\' and \"', '\\x00\\x7f\\n\\t\\\\', '\\u00e9\\u200b\\U0001f600', end='')\n",
  'del a, b.c, d[e]\n',
  'for (a, b) in c:\n    if a:\n        continue\n    elif b:\n        break\n    else:\n        pass\n',
  'def f(a, b=-1, c=(1, 2)):\n    global g\n    return\n',
  'class A(B):\n    x = y = 0\n    x += 1\n',
  'x = (1).real, (-1).imag, -1 .__abs__()\n',
  'a, = b\n(c, d), e = f\n[g, (h, i)] = j\n',
  'x = a[b][c]\n',
  'x = a | b ^ c & d << e >> f | ~g\n(a | b) & (c ^ d)\n',
  'x = -a ** -b ** c / d, (-a) ** b, (a ** b) ** c, a ** (b / c)\n',
  'x = 1.5 + 0.1 * 1e+16 - 2.5e-07 / 1e+22, -0.0, 1.0 .real, 1e309\n',
  'x /= 2\nx **= 2\nx <<= 1\nx >>= 1\nx |= 1\nx ^= 1\nx &= 1\n',
  'def f(a: int, b: list[int] = [], c=1) -> dict:\n    x: int = 1\n    y: str\n',
  'x: int = 1\n(y): int\na.b: list = []\nc[0]: int\nglobal z\nz: int = 2\n',
  'x = a[1:2], a[:], a[::2], a[-1::-1], a[b:c:d], a[1:2, ::3]\ndel a[:]\na[i:] = b\n',
];

/**
 * More rejected programs, checked only against a live python3 (no recorded expectations): a wide
 * net over the grammar's error rules, tokenizer errors and compile-stage checks.
 */
export const MORE_SYNTAX_ERRORS: string[] = [
  'x = f"{}"',
  'x = 1\nprint(f"a}b")',
  'f"{x!z}"',
  'f"{x"',
  'f"{x:{y:{z}}}"',
  'f\'{"\\\\n"}\'',
  'f"{#}"',
  'f"{x!r=}"',
  'f"{x:{y}"',
  'x = (',
  'x = [',
  'x = {',
  'x = (1,\n\n\n',
  'f(',
  'x = )',
  'x = }',
  'x = (]',
  'x = {)',
  '(\n]',
  "x = '''abc",
  'x = """abc\n\n\ndef',
  "x = 'abc\ny = 2",
  'x = 0x',
  'x = 0o',
  'x = 0b2',
  'x = 0b',
  'x = 1__0',
  'x = 1e',
  'x = 1e+',
  'x = 007',
  'x = 0_7',
  'x = 1.2.3',
  'x = 1abc',
  'x = 1_a',
  'x = 5j5',
  'x = 123_',
  'def f(a, a=1, b): pass',
  'def f(*): pass',
  'def f(*, **k): pass',
  'def f(**k, a): pass',
  'def f(**k=1): pass',
  'def f(*a=1): pass',
  'def f(/, a): pass',
  'def f(a, /, b, /): pass',
  'def f(*a, /): pass',
  'def f((a, b)): pass',
  'def f(a=): pass',
  'lambda (a): a',
  'lambda *: 1',
  'f(c, a for a in b)',
  'f(a=1 for a in b)',
  'f(**x, y)',
  'f(None=1)',
  'f(**k, *a)',
  '[*a for a in b]',
  '[a, b for a in c]',
  '[a, for a in c]',
  '{**a for a in b}',
  'x = {1: *a}',
  'x = {1:}',
  'x = {1 2}',
  '(*a)',
  '(**a)',
  'print x, y',
  'del a + b',
  'del (a, 1)',
  'del [f()]',
  'for f() in x: pass',
  'for a, 1 in x: pass',
  'with a as 1: pass',
  'x = yield = 1',
  'a + b += 1',
  '(a, b) += 1',
  'x: int, y: int = 1, 2',
  '[a]: int',
  '(a, b): int',
  '1 += 1',
  'None = 1',
  'x = None = 1',
  'a = 1 = 2',
  '(a := 1) = 2',
  'a if b else',
  'x = [i for i in]',
  'x = [i for in y]',
  'x = [i for 1 in y]',
  'import a.',
  'import a as',
  'from a import b,',
  'from a import (b,',
  'from import a',
  'from a import b, c,\n',
  'class A(:\n    pass',
  'class A(x for x in y): pass',
  'x = a..b',
  'x = a.1',
  'x = a[]',
  'x = a[1:2:3:4]',
  'x = not',
  'x = a not b',
  'x = a <> b',
  'x = a === b',
  'x = a ! b',
  'if x = 1:\n    pass',
  'f(x = 1 = 2)',
  'elif x:\n    pass',
  'except:\n    pass',
  'finally:\n    pass',
  'try:\n    pass\nx = 1',
  'try:\npass',
  'try:\n    pass\nexcept:\npass',
  'try:\n    pass\nfinally:\npass',
  'with a:\npass',
  'x = 1\n    y = 2\nz = 3',
  'def f():\n    return\n  x = 1',
  'return',
  'for x in y:\n    pass\nbreak',
  'def f():\n    yield\nyield',
  'class A:\n    yield 1',
  'x = 1\nglobal x',
  'def f():\n    for x in y:\n        pass\n    global x',
  'def f():\n    del x\n    global x',
  'def f():\n    x += 1\n    global x',
  '\\',
  'x = \\ 1',
  'if x:\n  # comment\npass',
  'if x:\n\n\n    pass\n  pass',
  "x = b'a' 'c'",
  "x = 'a\\",
  "x = '\\N{foo'",
  "x = '\\Nx'",
  "x = '\\N{}'",
  "x = '\\U00110000'",
  "x = '\\u12'",
  '*a = 1',
  '*a, *b = 1',
  'for *a in b: pass',
  'return *a',
  '[*a, *b] = c',
  'def f(*a, **a): pass',
  'def f(a, *a): pass',
  'x = 1 if 2',
  'match x:\ncase 1:\n    pass',
  'match x:\n    case 1:\n    pass',
  'match x:\n    case a as _:\n        pass',
  'match x:\n    case Point(x=1, 2):\n        pass',
  'if True:\n        x = 1\n      y = 2',
  '\ufeffx = = 1\n',
  '\ufeff  x = 1\n',
  '\ufeffx = (\n',
  '\ufeffx = 12abc\n',
  'x = "\u00e9" + = 1\n',
  'x = 1\u00e9\n',
  '\u201chello\u201d\n',
  'x = 1\r\n  y = 2\r\n',
  'if x:\r\n\ty = 1\r\n        z = 2\r\n',
  'x = 1' + ' + 1'.repeat(5) + ' +\n',
  '(c y)',
  '(m y)',
  '(_ y)',
  '(ca y)',
  '(cc y)',
  '(c o d)',
  'f(a, *, b)',
  'f(a=1, *)',
  'f(*a, **k, *b)',
  'f(a=1, a=2)',
  'x = 1\nif x:\n    y = 2\n  z = 3\n',
];

// Known differences from CPython, not checked: `f(x := 1 for x in y)` and `x = [(yield) for a in b]`
// are errors CPython's symbol table finds inside comprehensions; the parser accepts them.
