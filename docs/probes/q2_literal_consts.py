# Q2: refcount of literal constants in the __main__ script.  The parser's AST
# arena stays alive while the main script runs (Python/pythonrun.c:1615-1635),
# and holds one reference per parsed literal occurrence.
import sys
R = sys.getrefcount
a = 'hello world!'                # one occurrence
print("1 occurrence str:", R(a))  # arena + co_consts + global a + arg = 4
b = 'two words'
c = 'two words'                   # second occurrence: a new parser object in the arena, merged by the compiler
print("2 occurrences str:", R(b)) # arena(1st obj) + co_consts + b + c + arg = 5
n = 123456
print("int literal:", R(n))       # 4
t = (1, 2)
print("folded tuple (1, 2):", R(t))  # ast_opt make_const adds the folded tuple to the arena: 4
def f():
    return 'in function only'
s = f()
print("literal from function co_consts:", R(s))  # arena + f.__code__.co_consts + s + arg = 4
m = 777777
def g():
    return 777777
print("same int in module and function:", R(m))  # arena x2 objects? -> see output
src = "q = 'hello again!'\nimport sys\nprint('exec() string literal:', sys.getrefcount(q))"
exec(src)                          # compile() frees its arena before exec: co_consts + q + arg = 3
x = 'hello' + ' world!'            # folded at compile time into one constant
print("constant-folded concat:", R(x))
y = ''.join(['ab', 'cd'])
print("runtime str:", R(y))        # 2
