#!/usr/bin/env python3
"""Loopback TCP ceiling: one sender process, one receiver process, 1 MiB send/recv calls.

    tcp_loopback.py MIB [HOST]

Sends MIB mebibytes from a forked child to the parent over one TCP connection on HOST
(default 127.0.0.1) and prints `tcp_loopback VALUE MiB/s`, timed on the receiver from the
first byte to the last. A single stream is what one client-to-chunkserver connection gets, so it
is the ceiling for one sequential reader or writer; python's per-call overhead is negligible at
1 MiB per call.
"""
import os
import socket
import sys
import time

BUF = 1 << 20


def main() -> int:
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    total = mib * BUF
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind((host, 0))
    srv.listen(1)
    port = srv.getsockname()[1]
    pid = os.fork()
    if pid == 0:
        srv.close()
        try:
            out = socket.create_connection((host, port))
            out.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            data = os.urandom(BUF)
            for _ in range(mib):
                out.sendall(data)
            out.close()
        finally:
            os._exit(0)
    conn, _ = srv.accept()
    buf = bytearray(BUF)
    view = memoryview(buf)
    got = first = conn.recv_into(view)  # the clock starts once data flows
    t = time.perf_counter()
    while got < total:
        n = conn.recv_into(view)
        if n == 0:
            break
        got += n
    seconds = time.perf_counter() - t
    conn.close()
    srv.close()
    os.waitpid(pid, 0)
    if got != total:
        print("tcp_loopback.py: received %d of %d bytes" % (got, total), file=sys.stderr)
        return 1
    print("tcp_loopback %.1f MiB/s" % ((got - first) / BUF / seconds), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
