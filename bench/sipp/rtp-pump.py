#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Plays both phones of live calls through Switchboard's relay: G.711-sized RTP every 20 ms
from a socket per leg to the relay's port of that leg, and counts what the relay forwards.

    rtp-pump.py CALLS_JSON SECONDS

CALLS_JSON is the output of `switchboard calls --json`. Each packet carries its send time, so
the relay's added delay is measured at the other leg's socket. Prints one line of key=value
figures: packets sent and received, loss, and the delay's median, p99 and maximum (ms).
"""
import json
import selectors
import socket
import struct
import sys
import time

calls = json.load(open(sys.argv[1]))["calls"]
seconds = float(sys.argv[2])
selector = selectors.DefaultSelector()
legs = []  # (socket, relay port)
for call in calls:
    ports = [leg.get("mediaPort") for leg in call["legs"] if leg.get("state") == "confirmed"]
    if len(ports) != 2 or None in ports:
        continue
    for port in ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
        legs.append((sock, port))

payload = bytes(160)
sent = received = 0
delays = []
sequence = 0
start = time.monotonic()
next_tick = start
while next_tick - start < seconds:
    # One 20 ms tick: every leg sends one packet (PCMU, 160 samples), timestamped.
    for index, (sock, port) in enumerate(legs):
        header = struct.pack("!BBHII", 0x80, 0, sequence & 0xFFFF, (sequence * 160) & 0xFFFFFFFF, index)
        sock.sendto(header + struct.pack("!d", time.monotonic()) + payload, ("127.0.0.1", port))
        sent += 1
    sequence += 1
    next_tick += 0.020
    while True:
        timeout = next_tick - time.monotonic()
        for key, _ in selector.select(max(timeout, 0)):
            try:
                while True:
                    data = key.fileobj.recv(2048)
                    received += 1
                    if len(data) >= 20:
                        delays.append(time.monotonic() - struct.unpack_from("!d", data, 12)[0])
            except BlockingIOError:
                pass
        if time.monotonic() >= next_tick:
            break

delays.sort()
def percentile(p):
    return 1000 * delays[min(len(delays) - 1, int(len(delays) * p))] if delays else 0
print(
    f"legs={len(legs)} sent={sent} received={received} loss={1 - received / sent if sent else 0:.4f} "
    f"pps_each_way={sent / seconds:.0f} delay_ms_p50={percentile(0.5):.2f} p99={percentile(0.99):.2f} "
    f"max={1000 * delays[-1] if delays else 0:.2f}"
)
