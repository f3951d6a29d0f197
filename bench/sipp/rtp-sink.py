#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Receives RTP on one UDP port for a while and reports what arrived, per stream (SSRC).

    rtp-sink.py PORT SECONDS [READY_FILE]

Prints one line of key=value figures: packets, streams, packets/s, and for the streams seen
from start to end the mean interval between packets, the standard deviation of one interval, and
sequence numbers lost or out of order. Writes
READY_FILE once the port is bound, so a script knows when to start the calls.
"""
import socket
import struct
import sys
import time

port, seconds = int(sys.argv[1]), float(sys.argv[2])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16 * 1024 * 1024)
sock.bind(("127.0.0.1", port))
sock.settimeout(0.2)
if len(sys.argv) > 3:
    open(sys.argv[3], "w").close()

streams = {}  # ssrc -> [first_time, last_time, count, last_seq, lost_or_reordered, sum_interval, sum_sq_interval]
packets = 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        data = sock.recv(2048)
    except socket.timeout:
        continue
    now = time.monotonic()
    if len(data) < 12 or data[0] >> 6 != 2:
        continue
    packets += 1
    seq, _, ssrc = struct.unpack_from("!HII", data, 2)
    stream = streams.get(ssrc)
    if stream is None:
        streams[ssrc] = [now, now, 1, seq, 0, 0.0, 0.0]
        continue
    interval = now - stream[1]
    if seq != (stream[3] + 1) & 0xFFFF:
        stream[4] += 1
    stream[1], stream[3] = now, seq
    stream[2] += 1
    stream[5] += interval
    stream[6] += interval * interval

# Mean and spread of the intervals, over streams with enough packets to judge their pace.
judged = [s for s in streams.values() if s[2] >= 50]
intervals = sum(s[2] - 1 for s in judged)
mean_ms = 1000 * sum(s[5] for s in judged) / intervals if intervals else 0
# Standard deviation of one packet's interval, pooled over the streams.
variance = sum(s[6] for s in judged) / intervals - (mean_ms / 1000) ** 2 if intervals else 0
print(
    f"packets={packets} streams={len(streams)} judged={len(judged)} pps={packets / seconds:.0f} "
    f"mean_interval_ms={mean_ms:.2f} interval_sd_ms={1000 * max(variance, 0) ** 0.5:.2f} "
    f"seq_gaps={sum(s[4] for s in streams.values())}"
)
