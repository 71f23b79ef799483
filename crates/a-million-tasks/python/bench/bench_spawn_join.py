# The benchmark's Python child for the spawn-and-join table (`--bin bench`
# runs it; see src/bin/bench.rs): spawns and awaits k trivial tasks, one
# after the other, and times them:
#
#     python3 -I -B bench_spawn_join.py 50000
#
# Its last line is the report the benchmark reads, as `--bin scale` prints it.
import asyncio
import resource
import sys
import time


async def nothing():
    pass


async def main(k):
    for _ in range(k):
        await asyncio.create_task(nothing())


k = int(sys.argv[1])
started = time.perf_counter()
asyncio.run(main(k))
wall = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"scale: wall_s={wall:.6f} peak_kib={peak} done={k}")
