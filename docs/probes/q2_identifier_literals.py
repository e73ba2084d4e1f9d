# Q2: literal strings that look like identifiers are interned and shared with
# names, attribute names and the parser arena (one arena ref per NAME token).
import sys
R = sys.getrefcount
s = 'zzq'
print("identifier-like literal, not used as a name:", R(s))
zzw = 1
t = 'zzw'
print("literal equal to a global name used once:", R(t))
zzw = 2; zzw = 3
print("same, after two more uses of the name in the source:", R(t))
u = 'name'
print("'name' (also used inside CPython):", R(u))
print("single-char 'q' (static latin-1 singleton):", R('q'))
