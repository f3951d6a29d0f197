#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Digest-authenticated REGISTER over UDP at rising rates against a release build of Switchboard
# on 127.0.0.1. Provisions USERS extensions (2000, 2001, ...) sharing one password; sipp takes
# them in turn from an injection file, so each call is REGISTER, 401, REGISTER with
# Authorization, 200 (bench/sipp/register-users.xml).
#   bench/sipp/register-load.sh [RATES...]     (default: 100 200 500 1000)
# USERS (default 200), DURATION (seconds per rate, default 10), SKIP_BUILD=1 as in options-load.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/sipp/lib.sh
if [[ $# -gt 0 ]]; then rates=("$@"); else rates=(100 200 500 1000); fi
duration=${DURATION:-10}
users=${USERS:-200}
password=bench-secret-1

[[ -n ${SKIP_BUILD:-}${SWITCHBOARD_BIN:-} ]] || swift build -c release --product switchboard >/dev/null
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT

echo SEQUENTIAL >"$work/users.csv"
for ((i = 0; i < users; i++)); do
    "$switchboard" ext add $((2000 + i)) --password "$password" --data "$work" >/dev/null
    echo "$((2000 + i));[authentication username=$((2000 + i)) password=$password]" >>"$work/users.csv"
done
# A load run must not ban its own client, whatever happens.
start_server "$work" --auth-max-failures 0
sleep 2
echo "server pid $server on udp 127.0.0.1:$port; $users extensions; idle RSS $(rss_kib "$server") KiB"

print_header
for rate in "${rates[@]}"; do
    run_rate "$work/stat.csv" "$rate" $((rate * duration)) -sf bench/sipp/register-users.xml \
        -inf "$work/users.csv" -key expires 3600
done
echo "RSS after load $(rss_kib "$server") KiB"
