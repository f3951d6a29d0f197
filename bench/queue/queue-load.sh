#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Queue load over UDP on 127.0.0.1 against a release build: callers flow into one queue whose
# only member's phone rings and never answers, so every caller waits in line, hears the
# queue's music as early media and gets 182 Queued whenever its position changes; after
# MAX_WAIT seconds the queue sends it away (on_no_answer: 486) and everyone behind moves up.
# At RATE calls/s and MAX_WAIT s, RATE x MAX_WAIT callers wait at once (default 50 x 10 = 500).
#
#   bench/queue/queue-load.sh
#
# Environment: RATE (default 50), MAX_WAIT (default 10), TOTAL calls (default 1500), SKIP_BUILD=1
# to use the existing build, SWITCHBOARD_BIN to test another binary, KEEP=1 to keep the work
# folder (sipp logs, server output, per-second RTP counts).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/sipp/lib.sh

rate=${RATE:-50}
max_wait=${MAX_WAIT:-10}
total=${TOTAL:-1500}
password=bench-queue-secret
tests=Tests/InteropTests/sipp
# The port every caller announces in its SDP, where all the music arrives.
media_port=$(free_udp_port)

# Every waiting caller holds 4 relay sockets in the server.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[[ -n ${SKIP_BUILD:-}${SWITCHBOARD_BIN:-} ]] || swift build -c release --product switchboard >/dev/null

work=$(mktemp -d)
member= counter= sampler=
cleanup() {
    for pid in $member $counter $sampler; do kill "$pid" 2>/dev/null || true; done
    stop_server
    if [[ -n ${KEEP:-} ]]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

mkdir -p "$work/dialplans"
cat >"$work/dialplans/queue.yaml" <<YAML
music:
  default: moh/default
queues:
  bench:
    members: [1002]
    member_timeout: 3600
    max_wait: $max_wait
    music: default
contexts:
  internal:
    - match: '500'
      steps: [{queue: {name: bench, on_no_answer: [{hangup: 486}]}}]
YAML
for number in 1001 1002; do "$switchboard" ext add "$number" --password "$password" --data "$work" >/dev/null; done
start_server "$work" --dialplan "$work/dialplans" --sounds sounds --keepalive-interval 0 --rtp-ports 10000-59999 \
    --auth-max-failures 0

member_port=$(free_udp_port)
sipp "127.0.0.1:$port" -sf "$tests/register.xml" -i 127.0.0.1 -p "$member_port" -t u1 -m 1 -nostdin \
    -s 1002 -au 1002 -ap "$password" -key expires 3600 -timeout 10s -timeout_error >"$work/register.out" 2>&1
sipp -sf "$tests/callee-does-not-answer.xml" -i 127.0.0.1 -p "$member_port" -t u1 -nostdin -s 1002 \
    -mp "$(free_udp_port)" >"$work/member.out" 2>&1 &
member=$!

python3 bench/queue/rtp-count.py "$media_port" >"$work/rtp.txt" &
counter=$!
# Server CPU (ticks), RSS and descriptors once a second.
(while sleep 1; do echo "$(cpu_ticks "$server") $(rss_kib "$server") $(ls "/proc/$server/fd" | wc -l)"; done) \
    >"$work/server.txt" &
sampler=$!
sleep 1

# The test scenario, announcing the counter's port instead of its fixed 6300.
sed 's/m=audio 6300 /m=audio [music_port] /' "$tests/caller-waits-in-queue-until-busy.xml" >"$work/caller.xml"
caller_port=$(free_udp_port)
(cd "$work" && exec sipp "127.0.0.1:$port" -sf caller.xml -key music_port "$media_port" \
    -i 127.0.0.1 -p "$caller_port" -t u1 -r "$rate" -rate_max "$rate" -m "$total" -l $((rate * max_wait * 2)) \
    -s 500 -key caller 1001 -au 1001 -ap "$password" -auth_uri "500@127.0.0.1:$port" -mp "$(free_udp_port)" \
    -nostdin -timeout "$((total / rate + max_wait + 60))s" -trace_stat -stf caller.stat.csv -fd 1 \
    -trace_counts -trace_err >caller.out 2>&1) || true
kill "$counter" "$sampler"
wait "$counter" 2>/dev/null || true

ok=$(stat_column "$work/caller.stat.csv" 'SuccessfulCall(C)')
failed=$(stat_column "$work/caller.stat.csv" 'FailedCall(C)')
# The 182 line of the scenario in sipp's -trace_counts file: messages received there.
queued=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /182_Recv$/) column = i }
    END { print (column ? $column : "?") }' "$work"/*_counts.csv)
echo "calls: $total at $rate/s, max_wait ${max_wait}s: $ok ended by the queue's 486 as expected, $failed failed"
echo "182 Queued received by the callers: $queued ($(echo "scale=1; $queued / $total" | bc) per call)"
echo "RTP at the callers' port, per second (second, packets, distinct relay ports sending):"
cat "$work/rtp.txt"
echo "server per second (cpu ticks, RSS KiB, descriptors):"
awk -v hz="$(getconf CLK_TCK)" 'NR > 1 { printf "%d cpu %.0f%% rss %d fds %d\n", NR - 1, ($1 - prev) * 100 / hz, $2, $3 } { prev = $1 }' \
    "$work/server.txt"
