# Source: https://notebook.community/mayankjohri/LetsExplorePython/Section%202%20-%20Advance%20Python/Chapter%20S2.14%20-%20Memory%20Management/01.%20Garbage%20Collection%20-%20Introduction
# Licence: not stated
# Topic: cycles (self-referencing list)
def cyclic_reference():
    if "arry" not in locals():
        print("create new")
        arry = [ ]
    arry.append(arry)
    print(arry)

cyclic_reference()
cyclic_reference()
cyclic_reference()
