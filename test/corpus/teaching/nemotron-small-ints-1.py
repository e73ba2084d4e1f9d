# Source: https://huggingface.co/datasets/nvidia/Nemotron-CC-Math-v1 (page "What happens behind the scenes when Python adds small ints?")
# Licence: CC BY 4.0 (dataset)
# Topic: small int cache, id. Snippets made a script: each expression is printed.
a, b, c, d, e = 1, 2, 3, 4, 5
f, g, h, i, j = 1, 2, 3, 4, 5
print([id(x) == id(y) for x, y in zip([a, b, c, d, e], [f, g, h, i, j])])

nines = [(x + y, 9) for x, y in enumerate(reversed(range(10)))]
print([id(x) == id(y) for x, y in nines])

a, b = 200 + 56, 256
print(id(a) == id(b))

a, b = 200 + 57, 257
print(id(a) == id(b))
