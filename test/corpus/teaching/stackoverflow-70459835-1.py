# Source: https://stackoverflow.com/questions/70459835 (mirrored at isolution.pro) "What are count0, count1 and count2 returned by gc.get_count()?"
# Licence: CC BY-SA 4.0
# Topic: gc counts, generations
import gc
if __name__=="__main__":
    print("making some data")
    for k in range(10):
        root = [range(i,1000) for i in range(1,1000)]
    print("len(gc.get_objects):",len(gc.get_objects()))
    print("gc.get_stats:",gc.get_stats())
    print("gc.get_count:",gc.get_count())
