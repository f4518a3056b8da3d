#!/usr/bin/env bash
# Instructions per scheduling decision (IPVSServiceState.schedule), counted by callgrind, which
# does not depend on the machine's load: each case runs twice, with 4096 and 12288 decisions, and
# the difference of the totals is divided by 8192 (fixture building and warm-up cancel out).
#   Benchmarks/callgrind.sh [SCHEDULER,...] [SIZE,...]
# Builds the release benchmark into Benchmarks/.build first. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")"
schedulers=${1:-rr,wrr,lc,wlc,sed,nq,sh,dh,lblc,lblcr,fo,ovf,mh,twos}
sizes=${2:-10,100,1000}
swift build -c release --scratch-path .build >&2
bench=.build/release/ipvs-bench
count() {  # SCHEDULER SIZE OPERATIONS -> total instructions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" --filter "$1" --sizes "$2" \
        --operations "$3" 2>&1 >/dev/null | awk '/Collected/ {print $NF}'
}
echo "| scheduler | dests | instructions/decision | per destination |"
echo "|---|---:|---:|---:|"
for scheduler in ${schedulers//,/ }; do
    for size in ${sizes//,/ }; do
        low=$(count "$scheduler" "$size" 4096)
        high=$(count "$scheduler" "$size" 12288)
        awk -v s="$scheduler" -v n="$size" -v a="$low" -v b="$high" \
            'BEGIN { d = (b - a) / 8192; printf "| %s | %d | %.1f | %.2f |\n", s, n, d, d / n }'
    done
done
