# Source: https://github.com/sinclam2/online-course-notes (Python 3 Deep Dive notes, "What is interning?")
# Licence: not stated
# Topic: interning, id. Notebook cells made a script: each expression cell is printed.
a = 10
b = 10
print(id(a), id(b))

a = 500
b = 500
print(id(a), id(b))

i = -5

while True:
    str_code_a = f"a = {i}"
    str_code_b = f"b = {i}"
    exec(str_code_a)
    exec(str_code_b)
    if a is not b:
        break
    i += 1
print(i)
