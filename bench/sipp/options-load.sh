#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# OPTIONS over UDP at rising rates against a release build of Switchboard on 127.0.0.1.
# Prints the idle RSS, then per rate: requests sent, 200s received, failures, wall time,
# answered requests per second and the server's CPU time (user + system).
#   bench/sipp/options-load.sh [RATES...]      (default: 2000 5000 10000 20000)
# DURATION (seconds per rate, default 10); SKIP_BUILD=1 uses the existing release binary;
# SWITCHBOARD_BIN=PATH runs another binary (no build).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/sipp/lib.sh
if [[ $# -gt 0 ]]; then rates=("$@"); else rates=(2000 5000 10000 20000); fi
duration=${DURATION:-10}

[[ -n ${SKIP_BUILD:-}${SWITCHBOARD_BIN:-} ]] || swift build -c release --product switchboard >/dev/null
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
start_server "$work"
sleep 2
echo "server pid $server on udp 127.0.0.1:$port; idle RSS $(rss_kib "$server") KiB"

print_header
for rate in "${rates[@]}"; do
    run_rate "$work/stat.csv" "$rate" $((rate * duration)) -sf Tests/InteropTests/sipp/options.xml
done
echo "RSS after load $(rss_kib "$server") KiB"
