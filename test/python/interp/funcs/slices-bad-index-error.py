x = 'abc'
print(x[0:2])
print(x[0:'b'])
