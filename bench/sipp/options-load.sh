#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# OPTIONS over UDP at rising rates against a release build of Switchboard on 127.0.0.1.
# Prints, per rate: requests sent, 200s received, failures, and the server's CPU time.
#   bench/sipp/options-load.sh [RATES...]      (default: 5000 10000 20000 30000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rates=("${@:-5000 10000 20000 30000}")
[[ $# -gt 0 ]] && rates=("$@") || rates=(5000 10000 20000 30000)
duration=${DURATION:-10}

swift build -c release --product switchboard >/dev/null
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
.build/release/switchboard serve --data "$work" --listen udp:127.0.0.1:0 --log-level error >"$work/out" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/out" && break; sleep 0.1; done
port=$(awk '/listening udp/ {split($3, a, ":"); print a[2]}' "$work/out")
echo "server pid $server on udp 127.0.0.1:$port; idle RSS $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"

printf '%8s %9s %9s %7s %12s\n' rate sent ok failed "server-cpu-s"
for rate in "${rates[@]}"; do
    total=$((rate * duration))
    before=$(awk '{print $14 + $15}' /proc/$server/stat)
    sipp -sf Tests/InteropTests/sipp/options.xml "127.0.0.1:$port" -i 127.0.0.1 -p 0 -t u1 \
        -r "$rate" -rate_max "$rate" -m "$total" -l "$rate" -nostdin -timeout $((duration + 20))s \
        -trace_stat -stf "$work/stat.csv" -fd 1 >/dev/null 2>&1 || true
    after=$(awk '{print $14 + $15}' /proc/$server/stat)
    last=$(tail -n 1 "$work/stat.csv")
    ok=$(echo "$last" | awk -F';' '{print $16}')
    failed=$(echo "$last" | awk -F';' '{print $18}')
    ticks=$(getconf CLK_TCK)
    printf '%8s %9s %9s %7s %12.2f\n' "$rate" "$total" "$ok" "$failed" "$(echo "($after - $before) / $ticks" | bc -l)"
    rm -f "$work/stat.csv"
done
echo "RSS after load $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
