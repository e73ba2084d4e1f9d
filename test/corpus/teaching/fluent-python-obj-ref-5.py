# Source: https://github.com/fluentpython/example-code-2e/blob/master/06-obj-ref/06-obj-ref.ipynb (Fluent Python 2nd ed., Example 6-2)
# Licence: MIT
# Topic: objects exist before names are bound; ends in TypeError as in the book
class Gizmo:
    def __init__(self):
        print(f'Gizmo id: {id(self)}')


x = Gizmo()

y = Gizmo() * 10
