# A free variable read before the enclosing function assigned it: NameError, uncaught.
def outer():
    def inner():
        return accumulated_total
    print('calling inner early')
    inner()
    accumulated_total = 1


outer()
