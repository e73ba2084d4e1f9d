# Source: https://github.com/mailcourses/deep_python_autumn_2024 (lesson notebook on memory)
# Licence: not stated
# Topic: __del__, cycles
import sys

class Animal:
    def __init__(self, name, food):
        self.name = name
        self.food = food

    def __str__(self):
        return f"Animal({self.name}, {self.food}, {id(self)})"

    def __del__(self):
        print(f"del {str(self)=}")

tiger = Animal("tiger", "meat")
print(sys.getrefcount(tiger))

del tiger

tiger = Animal("tiger", "meat")
rat = Animal("rat", tiger)

tiger.food = rat

print(sys.getrefcount(tiger), sys.getrefcount(rat))

del tiger
del rat
