# Source: https://stackoverflow.com/questions/46705082/why-do-lists-with-the-same-data-have-different-sizes
# Licence: CC BY-SA 3.0
# Topic: sizes, list over-allocation (the question's two cases; the append calls were lost in the page's rendering and are restored)
my_list = []
print(my_list, '->', my_list.__sizeof__())
my_list = [1]
print(my_list, '->', my_list.__sizeof__())
my_list = [1, 1]
print(my_list, '->', my_list.__sizeof__())

my_list = []
print(my_list, '->', my_list.__sizeof__())
my_list.append(1)
print(my_list, '->', my_list.__sizeof__())
my_list.append(1)
print(my_list, '->', my_list.__sizeof__())
