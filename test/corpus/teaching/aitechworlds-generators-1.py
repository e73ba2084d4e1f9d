# Source: https://www.aitechworlds.com/courses/python-complete-course-2026/python-generators
# Licence: not stated
# Topic: generator functions
def countdown(n):
    print(f"Starting countdown from {n}")
    while n > 0:
        yield n # Pause here, return n to caller
        n -= 1 # Resume here on next() call
    print("Liftoff!")

gen = countdown(3) # Function body doesn't run yet
print(type(gen)) # <class 'generator'>
print(next(gen)) # "Starting countdown from 3", returns 3
print(next(gen)) # Returns 2
print(next(gen)) # Returns 1
# next(gen) again would raise StopIteration + print "Liftoff!"
# Using in a for loop (handles StopIteration automatically)
for n in countdown(3):
    print(n)
# Starting countdown from 3, 3, 2, 1, Liftoff!
