#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Digest-authenticated REGISTER over UDP at rising rates against a release build of Switchboard
# on 127.0.0.1. Provisions USERS extensions (2000, 2001, ...) sharing one password; sipp takes
# them in turn from an injection file, so each call is REGISTER, 401, REGISTER with
# Authorization, 200 (bench/sipp/register-users.xml).
#   bench/sipp/register-load.sh [RATES...]     (default: 200 500 1000 2000 3000)
# USERS (default 200), DURATION (seconds per rate, default 10), SKIP_BUILD=1 as in options-load.sh.
# With USERS=100000 and one rate with RATE * DURATION >= USERS, every extension registers once:
# the RSS after the transactions have ended (SETTLE seconds later, default 40) is what the
# server holds for that many registered contacts.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/sipp/lib.sh
if [[ $# -gt 0 ]]; then rates=("$@"); else rates=(200 500 1000 2000 3000); fi
duration=${DURATION:-10}
users=${USERS:-200}
password=bench-secret-1

[[ -n ${SKIP_BUILD:-}${SWITCHBOARD_BIN:-} ]] || swift build -c release --product switchboard >/dev/null
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT

echo SEQUENTIAL >"$work/users.csv"
for ((i = 0; i < users; i++)); do
    echo "$((2000 + i)),$password" >>"$work/extensions.csv"
    echo "$((2000 + i));[authentication username=$((2000 + i)) password=$password]" >>"$work/users.csv"
done
"$switchboard" ext import "$work/extensions.csv" --data "$work" >/dev/null
# A load run must not ban its own client, whatever happens; sipp does not answer the
# keep-alive OPTIONS, which would otherwise drop its bindings as dead.
start_server "$work" --auth-max-failures 0 --keepalive-interval 0
sleep 2
echo "server pid $server on udp 127.0.0.1:$port; $users extensions; idle RSS $(rss_kib "$server") KiB"

print_header
for rate in "${rates[@]}"; do
    run_rate "$work/stat.csv" "$rate" $((rate * duration)) -sf bench/sipp/register-users.xml \
        -inf "$work/users.csv" -key expires 3600
done
echo "RSS after load $(rss_kib "$server") KiB"
sleep "${SETTLE:-40}"
echo "RSS ${SETTLE:-40} s later $(rss_kib "$server") KiB; registered contacts: $("$switchboard" status --data "$work" | awk '/registrations/ {print $2}')"
