# SPDX-License-Identifier: Apache-2.0
# Shared by the load scripts in this folder: a release server on a free UDP port of 127.0.0.1,
# and one sipp run at a fixed rate reported as a table row. Source it from the repository root.

# The binary under test; SWITCHBOARD_BIN overrides the release build.
switchboard=${SWITCHBOARD_BIN:-.build/release/switchboard}

# A UDP port of 127.0.0.1 that is free right now (sipp has no "any port" value for -p).
free_udp_port() {
    python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server DATA_DIR [SERVE_OPTIONS...]: sets $server (pid) and $port.
start_server() {
    local data=$1; shift
    port=$(free_udp_port)
    "$switchboard" serve --data "$data" --listen "udp:127.0.0.1:$port" --log-level error "$@" \
        >"$data/serve.out" 2>&1 &
    server=$!
    for _ in $(seq 100); do grep -q '^listening' "$data/serve.out" && break; sleep 0.1; done
    grep -q '^listening' "$data/serve.out" || { cat "$data/serve.out" >&2; echo "server did not start" >&2; exit 1; }
}

stop_server() {
    [[ -n ${server:-} ]] || return 0
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# The value of a named column in the last line of a sipp -trace_stat file. Looked up by name in
# the header line, because the column positions differ between sipp versions.
stat_column() {
    awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) column = i }
        END { print (column ? $column : "?") }' "$1"
}

print_header() {
    printf '%8s %9s %9s %7s %10s %10s %12s\n' rate sent ok failed "elapsed-s" "ok/s" "server-cpu-s"
}

# run_rate STATFILE RATE TOTAL SIPP_ARGS...: runs sipp against the server and prints one row.
run_rate() {
    local stat=$1 rate=$2 total=$3; shift 3
    local before after start end
    rm -f "$stat"
    before=$(cpu_ticks "$server")
    start=$(date +%s.%N)
    sipp "127.0.0.1:$port" -i 127.0.0.1 -p "$(free_udp_port)" -t u1 \
        -r "$rate" -rate_max "$rate" -m "$total" -l "$rate" -nostdin -timeout "$((total / rate + 30))s" \
        -trace_stat -stf "$stat" -fd 1 "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    after=$(cpu_ticks "$server")
    local ok failed elapsed
    ok=$(stat_column "$stat" 'SuccessfulCall(C)')
    failed=$(stat_column "$stat" 'FailedCall(C)')
    elapsed=$(echo "$end - $start" | bc -l)
    printf '%8s %9s %9s %7s %10.1f %10.0f %12.2f\n' "$rate" "$total" "$ok" "$failed" "$elapsed" \
        "$(echo "$ok / $elapsed" | bc -l)" "$(echo "($after - $before) / $(getconf CLK_TCK)" | bc -l)"
}
