#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Call load over UDP on 127.0.0.1 against a release build of Switchboard: one sipp caller
# (bench/sipp/uac-call-auth.xml, extension 1001, every INVITE challenged and re-sent with
# digest credentials) and CALLEES sipp callees (bench/sipp/uas-answer.xml), each registered
# as its own extension 1002, 1003, ... and dialled in turn.
#
#   bench/sipp/call-load.sh rates [RATE...]   calls/s steps (default 100 200 400 700 1000),
#                                             each DURATION s, calls held HOLD_MS ms
#   bench/sipp/call-load.sh hold [N...]       N calls held at once (default 2000 5000):
#                                             memory per established call
#   bench/sipp/call-load.sh relay [N...]      N answered calls (default 100) whose both phones
#                                             send G.711 RTP every 20 ms (bench/sipp/rtp-pump.py):
#                                             the relay's CPU, loss and added delay
#   bench/sipp/call-load.sh moh [N...]        N calls put on hold at once (default 1000): the
#                                             server's CPU while it plays music to N callees,
#                                             and the pace of the music (bench/sipp/rtp-sink.py)
#
# Environment: DURATION (s per rate, default 15), HOLD_MS (default 1000), CALLEES (default 1),
# HOLD_RATE (calls/s while filling up a hold run, default 250), SKIP_BUILD=1 to use the
# existing .build/release/switchboard, SWITCHBOARD_BIN to test another binary, KEEP=1 to keep
# the work folder (sipp logs, server output).
set -euo pipefail
cd "$(dirname "$0")/../.."
# free_udp_port, rss_kib, cpu_ticks, stat_column and $switchboard; the start_server and
# stop_server below replace lib.sh's (this script keeps one server in $work).
source bench/sipp/lib.sh

mode=${1:-rates}
shift || true
duration=${DURATION:-15}
hold_ms=${HOLD_MS:-1000}
callees=${CALLEES:-1}
hold_rate=${HOLD_RATE:-250}
password=bench-call-secret
scenarios=bench/sipp
register_scenario=Tests/InteropTests/sipp/register.xml
caller_scenario=uac-call-auth
# The port the callees' SDP names; below the relay's range (the caller checks the relay's port).
callee_rtp_port=6200

# Every call holds 4 relay sockets in the server: raise the descriptor limit as far as allowed.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)"

[[ -n ${SKIP_BUILD:-}${SWITCHBOARD_BIN:-} ]] || swift build -c release --product switchboard >/dev/null
work=$(mktemp -d)
uas_pids=()
server=

cleanup() {
    for pid in "${uas_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    stop_server
    if [[ -n ${KEEP:-} ]]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

open_fds() { ls "/proc/$1/fd" | wc -l; }


# p50/p99 in ms of one response-time timer in a sipp -trace_rtt file (date_ms;time_ms;timer).
percentiles() {
    awk -F';' -v timer="$2" '$3 == timer { print $2 }' "$1" | sort -g |
        awk '{ v[NR] = $1 } END {
            if (NR == 0) { print "-"; exit }
            p50 = v[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
            printf "%.1f/%.1f", p50, p99 }'
}

start_server() {
    port=$(free_udp_port)
    "$switchboard" serve --data "$work" --listen "udp:127.0.0.1:$port" --log-level error \
        --keepalive-interval 0 --rtp-ports 10000-59999 --auth-max-failures 0 >"$work/serve.out" 2>&1 &
    server=$!
    for _ in $(seq 100); do grep -q '^listening' "$work/serve.out" && break; sleep 0.1; done
    grep -q '^listening' "$work/serve.out" || { cat "$work/serve.out" >&2; echo "server did not start" >&2; exit 1; }
}

stop_server() {
    [[ -n $server ]] || return 0
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
}

# Registers one sipp phone per callee extension and leaves it answering calls in the background.
start_callees() {
    uas_pids=()
    for ((i = 0; i < callees; i++)); do
        local number=$((1002 + i)) uas_port
        uas_port=$(free_udp_port)
        sipp "127.0.0.1:$port" -sf "$register_scenario" -i 127.0.0.1 -p "$uas_port" -t u1 -m 1 -nostdin \
            -s "$number" -au "$number" -ap "$password" -key expires 3600 -timeout 10s -timeout_error \
            >"$work/register-$number.out" 2>&1 || { echo "callee $number did not register" >&2; exit 1; }
        sipp -sf "$scenarios/uas-answer.xml" -i 127.0.0.1 -p "$uas_port" -t u1 -nostdin -s "$number" \
            -key callee_rtp_port "$callee_rtp_port" \
            -trace_err -error_file "$work/uas-$number-errors.log" >"$work/uas-$number.out" 2>&1 &
        uas_pids+=($!)
    done
    sleep 1
}

stop_callees() {
    for pid in "${uas_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    uas_pids=()
}

# The injection file: caller 1001 with its credentials, callees dialled round-robin.
write_injection_file() {
    echo SEQUENTIAL >"$work/calls.csv"
    for ((i = 0; i < callees; i++)); do
        echo "1001;[authentication username=1001 password=$password];$((1002 + i))" >>"$work/calls.csv"
    done
}

# A fresh server with the extensions provisioned and the callees registered.
prepare() {
    stop_callees
    stop_server
    rm -rf "$work" && mkdir -p "$work"
    "$switchboard" ext add 1001 --password "$password" --data "$work" >/dev/null
    for ((i = 0; i < callees; i++)); do
        "$switchboard" ext add $((1002 + i)) --password "$password" --data "$work" >/dev/null
    done
    write_injection_file
    start_server
    start_callees
}

# uac NAME RATE TOTAL LIMIT HOLD_MS [SIPP_ARGS...]: the caller, in the foreground.
uac() {
    local name=$1 rate=$2 total=$3 limit=$4 hold=$5; shift 5
    local uac_port auth_uri=()
    uac_port=$(free_udp_port)
    # RFC 2617 §3.2.2: the digest uri is the Request-URI, which names the callee.
    ((callees > 1)) || auth_uri=(-auth_uri "1002@127.0.0.1:$port")
    # sipp writes its -trace_rtt file into the working folder, named after the scenario and pid.
    (cd "$work" && exec sipp "127.0.0.1:$port" -sf "$OLDPWD/$scenarios/$caller_scenario.xml" -inf calls.csv \
        -i 127.0.0.1 -p "$uac_port" -t u1 -r "$rate" -rate_max "$rate" -m "$total" -l "$limit" -d "$hold" \
        "${auth_uri[@]}" -nostdin -timeout "$((total / rate + hold / 1000 + 60))s" \
        -trace_stat -stf "$name.stat.csv" -fd 1 -trace_rtt -rtt_freq 50 \
        -trace_err -error_file "$name.errors.log" "$@" >"$name.out" 2>&1) || true
    mv "$(ls -t "$work"/"$caller_scenario"_*_rtt.csv 2>/dev/null | head -1)" "$work/$name.rtt.csv" 2>/dev/null || true
}

# Waits (bounded) until the server holds no more relay sockets than when idle.
wait_drained() {
    local idle=$1
    for _ in $(seq 120); do (($(open_fds "$server") <= idle + 2)) && return 0; sleep 0.5; done
    echo "warning: server still holds $(($(open_fds "$server") - idle)) descriptors over idle" >&2
}

# Samples the server's RSS and descriptors every 0.5 s into FILE until killed.
sample() {
    while kill -0 "$server" 2>/dev/null; do
        echo "$(rss_kib "$server") $(open_fds "$server")" >>"$1"
        sleep 0.5
    done
}

run_rates() {
    local rates=("$@")
    ((${#rates[@]})) || rates=(100 200 400 700 1000)
    prepare
    local idle_fds
    uac warmup 50 200 200 200
    idle_fds=$(open_fds "$server")
    echo "server pid $server on udp 127.0.0.1:$port; $callees callee(s); idle RSS $(rss_kib "$server") KiB;" \
        "$idle_fds descriptors; ulimit -n $(ulimit -n); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%6s %7s %7s %6s %7s %7s %7s %13s %13s %11s %7s %8s %9s %6s\n' rate sent ok failed retrans \
        "wall-s" "ok/s" "setup-p50/99" "invite-p50/99" "bye-p50/99" "cpu-s" "cpu-%" "peak-RSS" "peak-c"
    for rate in "${rates[@]}"; do
        local name=rate-$rate total=$((rate * duration)) before after start end sampler
        rm -f "$work/$name.samples"
        sample "$work/$name.samples" &
        sampler=$!
        before=$(cpu_ticks "$server")
        start=$(date +%s.%N)
        uac "$name" "$rate" "$total" $((rate * (hold_ms / 1000 + 4))) "$hold_ms"
        end=$(date +%s.%N)
        after=$(cpu_ticks "$server")
        kill "$sampler" 2>/dev/null || true
        wait "$sampler" 2>/dev/null || true
        report_rate "$name" "$rate" "$total" "$start" "$end" "$before" "$after" "$idle_fds"
        wait_drained "$idle_fds"
    done
    echo "RSS after load $(rss_kib "$server") KiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# One table row. ok/s divides by the wall time less the hold of the last calls; peak-c is the
# most calls the server held at once, from its descriptors (4 relay sockets per call).
report_rate() {
    local name=$1 rate=$2 total=$3 start=$4 end=$5 before=$6 after=$7 idle=$8
    local stat=$work/$name.stat.csv rtt=$work/$name.rtt.csv ok failed retrans wall cpu peak_rss peak_calls
    ok=$(stat_column "$stat" 'SuccessfulCall(C)')
    failed=$(stat_column "$stat" 'FailedCall(C)')
    retrans=$(stat_column "$stat" 'Retransmissions(C)')
    wall=$(echo "$end - $start" | bc -l)
    cpu=$(echo "($after - $before) / $(getconf CLK_TCK)" | bc -l)
    peak_rss=$(awk 'max < $1 { max = $1 } END { print max }' "$work/$name.samples")
    peak_calls=$(awk -v idle="$idle" 'max < $2 { max = $2 } END { print int((max - idle) / 4) }' "$work/$name.samples")
    printf '%6s %7s %7s %6s %7s %7.1f %7.0f %13s %13s %11s %7.1f %8.0f %9s %6s\n' "$rate" "$total" "$ok" \
        "$failed" "$retrans" "$wall" "$(echo "$ok / ($wall - $hold_ms / 1000)" | bc -l)" \
        "$(percentiles "$rtt" setup)" "$(percentiles "$rtt" invite)" "$(percentiles "$rtt" bye)" \
        "$cpu" "$(echo "100 * $cpu / $wall" | bc -l)" "$peak_rss" "$peak_calls"
}

# hold N: fills the server with N calls at HOLD_RATE calls/s, holds them, measures RSS. held and
# media legs come from `switchboard calls` while the calls are up.
run_hold_one() {
    local calls=$1
    prepare
    uac warmup 100 200 200 200
    sleep 3
    local idle_fds idle_rss fill_s hold rss held_fds listing held legs caller
    idle_fds=$(open_fds "$server")
    idle_rss=$(rss_kib "$server")
    fill_s=$((calls / hold_rate + 1))
    hold=$(((fill_s + 20) * 1000))
    uac "hold-$calls" "$hold_rate" "$calls" "$calls" "$hold" &
    caller=$!
    for _ in $(seq $((fill_s * 4 + 40))); do
        (($(open_fds "$server") >= idle_fds + 4 * calls)) && break
        sleep 0.25
    done
    sleep 3
    rss=$(rss_kib "$server")
    held_fds=$(($(open_fds "$server") - idle_fds))
    listing=$("$switchboard" calls --data "$work" 2>&1 || true)
    held=$(grep -c ' answered ' <<<"$listing" || true)
    legs=$(grep -c ' rtp [0-9]' <<<"$listing" || true)
    wait "$caller" || true
    sleep 2
    local stat=$work/hold-$calls.stat.csv
    printf '%6s %7s %7s %6s %6s %6s %9s %9s %8s %9s\n' "$calls" "$(stat_column "$stat" 'SuccessfulCall(C)')" \
        "$(stat_column "$stat" 'FailedCall(C)')" "$held" "$legs" "$held_fds" \
        "$idle_rss" "$rss" "$(((rss - idle_rss) / (held > 0 ? held : 1)))" "$(rss_kib "$server")"
}

run_hold() {
    local counts=("$@")
    ((${#counts[@]})) || counts=(2000 5000)
    echo "ulimit -n $(ulimit -n); load average $(cut -d' ' -f1-3 /proc/loadavg); fill rate $hold_rate calls/s"
    printf '%6s %7s %7s %6s %6s %6s %9s %9s %8s %9s\n' calls ok failed held "legs" "fds+" "idle-KiB" \
        "held-KiB" "KiB/call" "after-KiB"
    for calls in "${counts[@]}"; do run_hold_one "$calls"; done
}

# fill_calls NAME N WINDOW SETTLE: a fresh server, then N calls at HOLD_RATE calls/s that stay
# up for WINDOW s and more; returns SETTLE s after the last call was placed, the caller's sipp
# running in the background as $caller.
fill_calls() {
    local name=$1 calls=$2 window=$3 settle=$4 fill_s
    prepare
    fill_s=$((calls / hold_rate + 1))
    uac "$name" "$hold_rate" "$calls" "$calls" $(((fill_s + window + 15) * 1000)) &
    caller=$!
    sleep $((fill_s + settle))
}

# moh N: N calls, each put on hold by its caller, so the server plays music to N callees whose
# SDP names one rtp-sink.py port. Measures the server's CPU over WINDOW s (default 20) with all
# of them held, and what the sink received in that window.
run_moh_one() {
    local calls=$1 window=${WINDOW:-20} caller before after sink_out=$work/sink-$calls.out
    fill_calls "moh-$calls" "$calls" "$window" 5
    python3 "$scenarios/rtp-sink.py" "$callee_rtp_port" "$window" >"$sink_out" &
    local sink=$!
    before=$(cpu_ticks "$server")
    sleep "$window"
    after=$(cpu_ticks "$server")
    wait "$sink" || true
    local listing held
    listing=$("$switchboard" calls --data "$work" 2>&1 || true)
    held=$(grep -c ' answered ' <<<"$listing" || true)
    wait "$caller" || true
    local stat=$work/moh-$calls.stat.csv
    printf '%6s %6s %6s %6s %8.1f  %s\n' "$calls" "$(stat_column "$stat" 'SuccessfulCall(C)')" \
        "$(stat_column "$stat" 'FailedCall(C)')" "$held" \
        "$(echo "100 * ($after - $before) / $(getconf CLK_TCK) / $window" | bc -l)" "$(cat "$sink_out")"
}

# relay N: N answered calls; rtp-pump.py plays both phones of each through the relay for
# WINDOW s (default 20) while the server's CPU is measured. The sipp phones send no RTP.
run_relay_one() {
    local calls=$1 window=${WINDOW:-20} caller before after pump_out=$work/pump-$calls.out
    fill_calls "relay-$calls" "$calls" "$window" 3
    "$switchboard" calls --json --data "$work" >"$work/calls.json"
    before=$(cpu_ticks "$server")
    python3 "$scenarios/rtp-pump.py" "$work/calls.json" "$window" >"$pump_out"
    after=$(cpu_ticks "$server")
    wait "$caller" || true
    printf '%6s %6s %8.1f  %s\n' "$calls" "$(stat_column "$work/relay-$calls.stat.csv" 'SuccessfulCall(C)')" \
        "$(echo "100 * ($after - $before) / $(getconf CLK_TCK) / $window" | bc -l)" "$(cat "$pump_out")"
}

run_relay() {
    local counts=("$@")
    ((${#counts[@]})) || counts=(100)
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg); fill rate $hold_rate calls/s"
    printf '%6s %6s %8s  %s\n' calls ok "cpu-%" "RTP through the relay (rtp-pump.py)"
    for calls in "${counts[@]}"; do run_relay_one "$calls"; done
}

run_moh() {
    local counts=("$@")
    ((${#counts[@]})) || counts=(1000)
    caller_scenario=uac-call-moh
    callee_rtp_port=$(python3 -c 'import socket
for port in range(6200, 9999):
    try:
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM).bind(("127.0.0.1", port)); print(port); break
    except OSError: pass')
    echo "ulimit -n $(ulimit -n); load average $(cut -d' ' -f1-3 /proc/loadavg); fill rate $hold_rate calls/s;" \
        "music to 127.0.0.1:$callee_rtp_port"
    printf '%6s %6s %6s %6s %8s  %s\n' calls ok failed held "cpu-%" "music received at the callees (rtp-sink.py)"
    for calls in "${counts[@]}"; do run_moh_one "$calls"; done
}

case $mode in
rates) run_rates "$@" ;;
hold) run_hold "$@" ;;
moh) run_moh "$@" ;;
relay) run_relay "$@" ;;
*) echo "usage: $0 rates [RATE...] | hold [CALLS...] | moh [CALLS...] | relay [CALLS...]" >&2; exit 2 ;;
esac
