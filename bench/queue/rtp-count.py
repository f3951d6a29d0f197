#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Counts RTP packets arriving at 127.0.0.1:PORT, once a second: packets, and how many
different source ports sent them (each waiting caller's music comes from its own relay port).
Prints one line per second, `SECOND PACKETS SOURCES`, until killed, then a total line."""
import signal
import socket
import sys
import time

port = int(sys.argv[1])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024 * 1024)
sock.bind(("127.0.0.1", port))
sock.settimeout(0.2)
total = 0
second_start = time.monotonic()
packets, sources, elapsed = 0, set(), 0
running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)
while running:
    try:
        _, (_, source_port) = sock.recvfrom(2048)
        packets += 1
        sources.add(source_port)
    except socket.timeout:
        pass
    except InterruptedError:
        continue
    now = time.monotonic()
    if now - second_start >= 1:
        elapsed += 1
        print(f"{elapsed} {packets} {len(sources)}", flush=True)
        total += packets
        packets, sources, second_start = 0, set(), now
print(f"total {total + packets}", flush=True)
