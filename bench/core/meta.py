#!/usr/bin/env python3
"""Metadata workload over a mounted file system (the MooseFS reference side of bench/core).

    meta.py DIR N [PASSES]

In DIR (created, must not exist yet) creates N empty files (open O_CREAT|O_EXCL + close),
stats each (os.stat by path), lists the directory PASSES times (os.scandir, names only, no
stat), then unlinks every file, and prints one line per phase in the format bench/core/run
parses: `name value unit`. The same four phases, in the same order, are what CoreBench runs
through core-client on our side.
"""
import os
import sys
import time


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    top, n = sys.argv[1], int(sys.argv[2])
    passes = int(sys.argv[3]) if len(sys.argv) == 4 else 3
    os.mkdir(top)
    names = [os.path.join(top, "f%07d" % i) for i in range(n)]
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY

    t = time.perf_counter()
    for p in names:
        os.close(os.open(p, flags, 0o644))
    report("create", n, time.perf_counter() - t, "ops/s")

    t = time.perf_counter()
    for p in names:
        os.stat(p)
    report("stat", n, time.perf_counter() - t, "ops/s")

    seen = 0
    t = time.perf_counter()
    for _ in range(passes):
        with os.scandir(top) as it:
            for e in it:
                seen += 1 if e.name else 0
    report("readdir", seen, time.perf_counter() - t, "entries/s")
    if seen != n * passes:
        print("meta.py: readdir saw %d entries, expected %d" % (seen, n * passes), file=sys.stderr)
        return 1

    t = time.perf_counter()
    for p in names:
        os.unlink(p)
    report("unlink", n, time.perf_counter() - t, "ops/s")
    os.rmdir(top)
    return 0


def report(name: str, count: int, seconds: float, unit: str) -> None:
    print("%s %.1f %s" % (name, count / seconds if seconds > 0 else 0.0, unit), flush=True)


if __name__ == "__main__":
    sys.exit(main())
