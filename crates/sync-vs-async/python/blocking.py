# The notebook's "Synchonous code" example, unchanged but for this comment.
import time

def task1():
    time.sleep(3)   # Simulates a slow task
    print("Task 1 finished")

def task2():
    print("Task 2 finished")

task1()
task2()
