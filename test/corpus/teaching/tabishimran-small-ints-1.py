# Source: https://tabishimran.com/tags/python (Small integer caching in python)
# Licence: not stated
# Topic: small int cache. REPL session made a script.
a=10
b=10
print(a is b)
a=1000
b=1000
print(a is b)
a = 42
b = 42
print(a is b)
