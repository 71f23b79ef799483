# The notebook's "normal_function" example, unchanged but for this comment.
import time 

def normal_function():
    print("Normal function started")
    time.sleep(3)                          # While time.sleep(2) is running, everything else stops.
    print("Normal function finished")

normal_function()
