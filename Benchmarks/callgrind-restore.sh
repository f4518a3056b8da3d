#!/usr/bin/env bash
# User-space instructions per line of `ipvsadm -R`, counted by callgrind (load-independent; the
# kernel's own work is not counted). Each count is taken for two rule files, SERVICES x 10 real
# servers and twice that, and the difference of the totals is divided by the difference of the
# lines, so start-up and one-off costs cancel out.
#   Benchmarks/callgrind-restore.sh parse [SERVICES]          on the host: ipvs-floor's parsing
#       of the file alone (it parses before it opens a socket; Benchmarks/.build-prof)
#   Benchmarks/callgrind-restore.sh restore BINARY [SERVICES] in the VM test bed (Scripts/ipvs-vm):
#       the whole `BINARY -R` (read, parse, build and send the messages, match the acks); the
#       table is cleared before each run
# SERVICES defaults to 500 (5,500 and 11,000 lines). Prints one line per count, then the figure;
# with PROFILE=1 also callgrind_annotate's top functions (inclusive, then self) of the larger run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=${1:?usage: $0 parse [SERVICES] | restore BINARY [SERVICES]}
export PATH=/opt/swift/usr/bin:$PATH

# rules SERVICES: Scripts/bench's 1000 x 10 layout (TCP services on the three documentation
# networks, ten masqueraded servers each), any number of services.
rules() {
    awk -v services="$1" 'BEGIN {
        split("192.0.2 198.51.100 203.0.113", net, " ")
        for (s = 0; s < services; s++) {
            vip = net[s % 3 + 1] "." (int(s / 3) % 250 + 1) ":" (80 + int(s / 750))
            printf "-A -t %s -s wlc\n", vip
            for (r = 0; r < 10; r++)
                printf "-a -t %s -r 198.51.100.%d:%d -m -w 1\n", vip, r + 1, 8000 + s % 50
        }
    }'
}
profile=/dev/null
# The program's own status is not the count's: on a host without IPVS ipvs-floor fails once it has
# parsed (on purpose), and a restore that did not apply is caught by comparing the table.
count() { { valgrind --tool=callgrind --callgrind-out-file="$profile" "$@" 2>&1 >/dev/null || true; } | awk '/Collected/ {print $NF}'; }
show_profile() {
    [ "${PROFILE:-}" = 1 ] || return 0
    # head closes the pipes early; that is not a failure.
    callgrind_annotate --inclusive=yes "$profile" | sed -n '/^Ir/,$p' | head -n 45 | cut -c1-200 || true
    callgrind_annotate "$profile" | sed -n '/^Ir/,$p' | sed -n '3,$p' | head -n 30 | cut -c1-200 || true
}
per_line() {  # LOW_LINES LOW_COUNT HIGH_LINES HIGH_COUNT
    awk -v a="$1" -v x="$2" -v b="$3" -v y="$4" 'BEGIN { printf "instructions per line: %.0f\n", (y - x) / (b - a) }'
}

case $mode in
parse)
    services=${2:-500}
    (cd "$here" && swift build -c release --scratch-path .build-prof --product ipvs-floor >&2)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    rules "$services" >"$work/low"
    rules $((services * 2)) >"$work/high"
    low=$(count "$here/.build-prof/release/ipvs-floor" restore "$work/low")
    [ "${PROFILE:-}" = 1 ] && profile=$work/profile
    high=$(count "$here/.build-prof/release/ipvs-floor" restore "$work/high")
    echo "parse $(wc -l <"$work/low") lines: $low"
    echo "parse $(wc -l <"$work/high") lines: $high"
    per_line "$(wc -l <"$work/low")" "$low" "$(wc -l <"$work/high")" "$high"
    show_profile
    ;;
restore)
    binary=$(realpath "${2:?usage: $0 restore BINARY [SERVICES]}")
    services=${3:-500}
    if [ -z "${IPVS_VM:-}" ]; then
        # The VM sees the host's / read-only; its /tmp is its own, so the files go in its work folder.
        exec "$here/../Scripts/ipvs-vm" env PROFILE="${PROFILE:-}" "$here/callgrind-restore.sh" restore "$binary" "$services"
    fi
    rules "$services" >"$IPVS_VM_WORK/low"
    rules $((services * 2)) >"$IPVS_VM_WORK/high"
    "$binary" -C
    low=$(count "$binary" -R <"$IPVS_VM_WORK/low")
    "$binary" -C
    [ "${PROFILE:-}" = 1 ] && profile=$IPVS_VM_WORK/profile
    high=$(count "$binary" -R <"$IPVS_VM_WORK/high")
    [ "$("$binary" -Sn | wc -l)" -eq "$(wc -l <"$IPVS_VM_WORK/high")" ] || { echo "the restore did not apply" >&2; exit 1; }
    echo "restore $(wc -l <"$IPVS_VM_WORK/low") lines: $low"
    echo "restore $(wc -l <"$IPVS_VM_WORK/high") lines: $high"
    per_line "$(wc -l <"$IPVS_VM_WORK/low")" "$low" "$(wc -l <"$IPVS_VM_WORK/high")" "$high"
    show_profile
    ;;
*)
    echo "usage: $0 parse [SERVICES] | restore BINARY [SERVICES]" >&2
    exit 2
    ;;
esac
