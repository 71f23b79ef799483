# The benchmark's Python child for the requests table (`--bin bench` runs
# it; see src/bin/bench/main.rs). It imports a lesson program, so that its
# `asyncio.run(main(N))` does not run, then times `main(n)`:
#
#     python3 -I -B bench_requests.py ../spawn.py 1000000
#
# A third argument, `no-gc`, switches the cyclic garbage collector off
# (`gc.disable()`) before the run: the benchmark's `gc.disable()` row.
#
# Its last line is the report the benchmark reads, as `--bin scale` prints it.
import asyncio
import gc
import importlib.util
import resource
import sys
import time

spec = importlib.util.spec_from_file_location("program", sys.argv[1])
program = importlib.util.module_from_spec(spec)
spec.loader.exec_module(program)
n = int(sys.argv[2])
if sys.argv[3:] == ["no-gc"]:
    gc.disable()
started = time.perf_counter()
asyncio.run(program.main(n))
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"scale: wall_s={wall:.6f} peak_kib={peak} done={n}")
