# Source: https://dev.to/prashant_chouksey_28055f0/python-generators-deep-dive-part-1-lazy-evaluation-memory-optimization-4bk
# Licence: not stated
# Topic: generator functions. REPL lines made a script: each expression line is printed; the last next() ends it with StopIteration, as the article says.
def countdown(n):
    while n > 0:
        yield n # Pause here, return n, save state
        n -= 1

gen = countdown(3) # No execution yet
print(type(gen)) # <class 'generator'>
print(next(gen)) # 3 - Executes until first yield, then pauses
print(next(gen)) # 2 - Resumes, executes until next yield
print(next(gen)) # 1 - Resumes again
print(next(gen)) # StopIteration - No more yields
