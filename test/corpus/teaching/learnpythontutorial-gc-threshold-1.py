# Source: https://learnpythontutorial.blogspot.com/2015/06/gcgetthreshold-python-tutorial.html
# Licence: not stated
# Topic: gc thresholds. REPL session made a script.
import gc
print(gc.get_threshold())
