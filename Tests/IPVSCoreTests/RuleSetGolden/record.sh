#!/usr/bin/env bash
# Records what ipvsadm 1.31 -Sn prints after `ipvsadm-1.31 -C; ipvsadm-1.31 -R < FILE` for each
# rule file of Tests/rules-corpus named below: RuleSetFormatTests compares `fmt` with these.
#   Tests/IPVSCoreTests/RuleSetGolden/record.sh        (from anywhere; boots the VM test bed)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
names=(ok-nat-basic ok-ipv6-service ok-fwmark-ipv6 ok-persistence ok-persistence-ipv6-mask ok-pe-sip ok-tunnels
       ok-mixed-family-tunnel ok-edits ok-edit-service-resets-options ok-deletes ok-unsorted ok-direct-route-port
       ok-mask-without-persistence ok-clear-midway ok-sctp ok-ops ok-every-scheduler ok-weights)
if [ "${1:-}" = "--inside" ]; then
    for name in "${names[@]}"; do
        ipvsadm-1.31 -C
        ipvsadm-1.31 -R < "$repo/Tests/rules-corpus/$name.rules" > /dev/null
        echo "@@ $name"
        ipvsadm-1.31 -Sn
    done
    exit 0
fi
cd "$repo"
Scripts/ipvs-vm bash "$here/record.sh" --inside > "$here/recording.txt"
awk -v dir="$here" '/^@@ / { out = dir "/" $2 ".save"; printf "" > out; next } { print >> out }' "$here/recording.txt"
rm "$here/recording.txt"
ls "$here"/*.save | wc -l
