# Q3: __main__ whose dict is NOT in a cycle (no def/class compiled in __main__;
# the class comes from exec() in a separate namespace).  At shutdown
# finalize_remove_modules() sets sys.modules['__main__'] = None -> module_dealloc
# -> Py_XDECREF(md_dict) -> dict_dealloc decrefs entries in insertion order.
ns = {}
exec("class A:\n"
     "    def __init__(self, n): self.n = n\n"
     "    def __del__(self): print('del', self.n)\n", ns)
A = ns['A']
_first = A('_first (underscore)')
b = A('b')
a = A('a')
lst = [A('lst[0]'), A('lst[1]'), A('lst[2]')]
t = (A('t[0]'), A('t[1]'))
d = {'k1': A('d[k1]'), 'k2': A('d[k2]')}
a = A('a rebound')                 # old a dies now
b2 = b                             # b has 2 refs: dies at 'b2'
print('end of script')
