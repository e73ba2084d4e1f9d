# Source: https://github.com/Sunnyryu/rhs/blob/master/python/python_practice/xml011.py (Python for Everybody, "Object lifecycle" example)
# Licence: not stated (PY4E materials are CC BY 3.0)
# Topic: __del__, refcount
class PartyAnimal:
    x = 0

    def __init__(self):
        print('I am constructed')

    def party(self) :
        self.x = self.x + 1
        print('So far',self.x)

    def __del__(self):
        print('I am destructed', self.x)

an = PartyAnimal()
an.party()
an.party()
an = 42
print('an contains',an)

# I am constructed
# So far 1
# So far 2
# I am destructed 2
# an contains 42
