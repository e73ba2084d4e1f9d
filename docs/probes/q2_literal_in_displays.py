# Q2: refcounts of literal elements inside displays
import sys, dis
R = sys.getrefcount
l2 = [1000, 'x y']                 # BUILD_LIST 2 from two LOAD_CONSTs
l3 = [2000, 'p q', 3000]           # BUILD_LIST 0 + LOAD_CONST (tuple) + LIST_EXTEND
print("2-elem list display:", R(l2[0]), R(l2[1]))
print("3-elem list display:", R(l3[0]), R(l3[1]))
d = {'k k': 4000}
print("dict display value:", R(d['k k']))
t = (5000, 'r s')
print("tuple literal element:", R(t[0]))
dis.dis(compile("l2 = [1000, 'x y']\nl3 = [2000, 'p q', 3000]", "<s>", "exec"))
