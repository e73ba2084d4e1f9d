# Source: https://www.tech-reader.blog/2026/05/the-secret-life-of-python-reusing.html
# Licence: not stated
# Topic: string interning, id
x = "Hello World"
y = "Hello World"

print(id(x))
print(id(y))
print(x is y)
