# Source: https://runebook.dev/en/docs/python/library/weakref/weakref.ProxyTypes
# Licence: not stated
# Topic: weakref.proxy
import weakref

class Data:
    def __init__(self, value):
        self.value = value
    def get_value(self):
        return self.value

# 1. Create the object and the proxy
original_data = Data(100)
data_proxy = weakref.proxy(original_data)

# 2. Use the proxy (works fine)
print(f"Proxy value (alive): {data_proxy.get_value()}") 

# 3. Destroy the original object
del original_data

# 4. Try to use the proxy (!!! DANGER !!!)
try:
    print(data_proxy.get_value())
except ReferenceError:
    print("Proxy is dead: the original object was garbage collected")
