#!/usr/bin/env bash
# Records the golden outputs of Debian's ipvsadm 1.31 that the Format tests compare against.
#   Tests/IPVSCoreTests/FormatGolden/record.sh [STATE...]     (from anywhere; default: every state)
# Each state is built inside the IPVS test-bed VM (Scripts/ipvs-vm) with ipvsadm-1.31 itself, then
# listed in every variant; the listings land in FormatGolden/STATE/*.txt. Nothing here is hand-written:
# the tests rebuild their model values from these same files (the -S -n / --exact listings).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
if [ "${1:-}" = "--compare" ]; then
    # Live comparison: builds each state with ipvsadm-1.31, lists it with 1.31 and with BINARY in the
    # same VM, and diffs. Rates can differ if the kernel's estimator ticks in between.
    #   record.sh --compare BINARY [STATE...]
    binary=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    shift 2
    states=("$@")
    [ ${#states[@]} -gt 0 ] || states=(traffic kinds sort names connections)
    status=0
    for state in "${states[@]}"; do
        echo "comparing $state" >&2
        (cd "$here" && "$repo/Scripts/ipvs-vm" bash "$here/record.sh" --inside "$state" "$binary") | sed -n '/^@@COMPARE@@$/,$p' | tail -n +2 || true
        [ "${PIPESTATUS[0]}" = 0 ] || status=1
    done
    exit $status
fi
if [ "${1:-}" != "--inside" ]; then
    states=("$@")
    [ ${#states[@]} -gt 0 ] || states=(traffic scaling kinds sort names forwarding connections)
    for state in "${states[@]}"; do
        echo "recording $state" >&2
        out=$(mktemp)
        (cd "$here" && "$repo/Scripts/ipvs-vm" bash "$here/record.sh" --inside "$state") > "$out"
        rm -rf "${here:?}/$state"
        mkdir -p "$here/$state"
        sed -n '/^@@ARCHIVE@@$/,$p' "$out" | tail -n +2 | base64 -d | tar -xz -C "$here/$state"
        rm -f "$out"
    done
    exit 0
fi

# ---- inside the VM ----
state=$2
COMPARE_WITH=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
cap=/tmp/cap
mkdir -p "$cap"
preload=/tmp/preload
mkdir -p "$preload"
oracle=ipvsadm-1.31

# Captures one invocation of the oracle: its stdout, and stderr/exit status when not clean.
capture() {
    local name=$1; shift
    set +e
    "$@" > "$cap/$name.txt" 2> "$cap/$name.stderr"
    local rc=$?
    set -e
    [ -s "$cap/$name.stderr" ] || rm -f "$cap/$name.stderr"
    [ $rc -eq 0 ] || echo "$rc" > "$cap/$name.rc"
}

# Every listing variant of the current table.
capture_listings() {
    local n
    # Rates move every two seconds: take every rate listing back to back, the exact one first.
    capture "state-rate" $oracle -L -n --nosort --rate --exact
    for n in "" "-n"; do
        local s=${n:+-n}
        capture "L$s-rate-exact" $oracle -L $n --rate --exact
        capture "L$s-rate" $oracle -L $n --rate
    done
    capture "L-n-stats-rate" $oracle -L -n --stats --rate
    for n in "" "-n"; do
        local s=${n:+-n}
        capture "L$s" $oracle -L $n
        capture "L$s-nosort" $oracle -L $n --nosort
        capture "L$s-stats" $oracle -L $n --stats
        capture "L$s-stats-exact" $oracle -L $n --stats --exact
        capture "L$s-thresholds" $oracle -L $n --thresholds
        capture "L$s-persistent-conn" $oracle -L $n --persistent-conn
        capture "L$s-tun-info" $oracle -L $n --tun-info
        capture "S$s" $oracle -S $n
    done
    # Kernel order and the exact numbers, for rebuilding the model.
    capture "state-nosort-n" $oracle -L -n --nosort
    capture "state-stats" $oracle -L -n --nosort --stats --exact
    capture "state-thresholds" $oracle -L -n --nosort --thresholds
    capture "state-persistent" $oracle -L -n --nosort --persistent-conn
    capture "state-tun" $oracle -L -n --nosort --tun-info
    capture "L-n-stats-nosort" $oracle -L -n --stats --nosort
    capture "L-n-exact" $oracle -L -n --exact
    capture "L-n-thresholds-persistent-conn" $oracle -L -n --thresholds --persistent-conn
    capture "L-n-tun-info-thresholds" $oracle -L -n --tun-info --thresholds
    capture "timeout" $oracle -L --timeout
    capture "daemon" $oracle -L --daemon
    cp /etc/services "$cap/etc-services.txt"
    cat /proc/net/ip_vs > "$cap/proc-ip_vs.txt"
    cat /proc/net/ip_vs_stats > "$cap/proc-ip_vs_stats.txt"
}

# One service: no version line (kinds state).
capture_one_services() {
    local svc args name v
    for svc in "t-192.0.2.10:256" "t-192.0.2.10:1" "f-2" "f-1-6" "t-[2001:db8::10]:80" "sctp-203.0.113.5:9999"; do
        case $svc in
        t-*) args=(-t "${svc#t-}") ;;
        f-1-6) args=(-f 1 -6) ;;
        f-*) args=(-f "${svc#f-}") ;;
        sctp-*) args=(--sctp-service "${svc#sctp-}") ;;
        esac
        name=one-$(echo "$svc" | tr -d '[]' | tr ':' '_')
        for v in "" "--stats" "--rate" "--thresholds" "--tun-info" "--persistent-conn"; do
            capture "$name-n${v}" $oracle -L -n "${args[@]}" $v
        done
        capture "$name" $oracle -L "${args[@]}"
    done
}

capture_connections() {
    cat /proc/net/ip_vs_conn > "$cap/proc-ip_vs_conn.txt"
    capture "c" $oracle -L -c
    capture "c-n" $oracle -L -c -n
    capture "c-n-persistent-conn" $oracle -L -c -n --persistent-conn
    capture "c-persistent-conn" $oracle -L -c --persistent-conn
}

# Names the documentation ranges resolve to, through a bind-mounted /etc/hosts.
use_hosts() {
    cp /etc/hosts /tmp/hosts.orig
    cat "$1" > /tmp/hosts
    mount --bind /tmp/hosts /etc/hosts
    cp /tmp/hosts "$cap/etc-hosts.txt"
}

netsetup() {
    sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
    sysctl -qw net.ipv4.vs.conntrack=0 2>/dev/null || true
    ip link set dummy0 up 2>/dev/null || { ip link add dummy0 type dummy; ip link set dummy0 up; }
    ip addr add 192.0.2.1/32 dev dummy0
    ip addr add 192.0.2.2/32 dev dummy0
    ip addr add 2001:db8::1/128 dev dummy0 nodad
    ip link add br0 type bridge
    ip link set br0 up
    ip addr add 198.51.100.254/24 dev br0
    ip addr add 2001:db8:2::fe/64 dev br0 nodad
    local i
    for i in 1 2 3; do
        ip netns add r$i
        ip link add vr$i type veth peer name eth0 netns r$i
        ip link set vr$i master br0 up
        ip -n r$i link set lo up
        ip -n r$i link set eth0 up
        ip -n r$i addr add 198.51.100.$i/24 dev eth0
        ip -n r$i addr add 2001:db8:2::$i/64 dev eth0 nodad
        ip -n r$i route add default via 198.51.100.254
        ip -n r$i -6 route add default via 2001:db8:2::fe
    done
    ip netns add c
    ip link add dc type veth peer name eth0 netns c
    ip link set dc up
    ip addr add 203.0.113.1/24 dev dc
    ip addr add 2001:db8:3::1/64 dev dc nodad
    ip -n c link set lo up
    ip -n c link set eth0 up
    ip -n c addr add 203.0.113.2/24 dev eth0
    ip -n c addr add 203.0.113.3/24 dev eth0
    ip -n c addr add 2001:db8:3::2/64 dev eth0 nodad
    ip -n c route add default via 203.0.113.1
    ip -n c -6 route add default via 2001:db8:3::1
}

# A tiny TCP and UDP responder for the real servers: answers each request with a fixed-size reply.
serve() {
    local ns=$1 port=$2
    ip netns exec "$ns" python3 -c '
import socket, sys, threading
port = int(sys.argv[1])
def tcp():
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", port)); s.listen(64)
    while True:
        c, _ = s.accept()
        def handle(c):
            try:
                d = c.recv(4096)
                if d: c.sendall(b"x" * 1000)
                if d and d.startswith(b"HOLD"):
                    c.recv(1)
            except OSError:
                pass
            c.close()
        threading.Thread(target=handle, args=(c,), daemon=True).start()
def udp():
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(("::", port))
    while True:
        d, a = s.recvfrom(65535)
        s.sendto(d[:100], a)
threading.Thread(target=tcp, daemon=True).start()
udp()
' "$port" &
}

client() {
    ip netns exec c python3 -c "$@"
}

archive() {
    if [ -n "${COMPARE_WITH:-}" ]; then
        # List the same table again with the binary under test, and diff every capture.
        local expected=$cap
        cap=/tmp/cap-ours
        mkdir -p "$cap"
        oracle=$COMPARE_WITH
        if [ "$state" = connections ]; then
            for input in "$here"/connections-input/*.txt; do
                base=$(basename "$input" .txt)
                cp "$input" "$cap/$base-input.txt"
                for v in "-n" "" "-n --persistent-conn" "--persistent-conn"; do
                    name="$base-c$(echo " $v" | tr ' ' '-' | sed 's/--*/-/g; s/-$//')"
                    FAKE_IPVS_CONN=$input LD_PRELOAD=$preload/fakeproc.so capture "$name" $oracle -L -c $v
                done
            done
            cp /etc/services "$cap/etc-services.txt"
            cp "$expected/etc-hosts.txt" "$cap/etc-hosts.txt"
        else
            capture_listings
            [ "$state" != kinds ] || capture_one_services
            [ ! -e "$expected/etc-hosts.txt" ] || cp "$expected/etc-hosts.txt" "$cap/etc-hosts.txt"
        fi
        echo "@@COMPARE@@"
        diff -r "$expected" "$cap" && echo "$state: identical"
        return
    fi
    echo "@@ARCHIVE@@"
    tar -C "$cap" -cz . | base64
}

case $state in
traffic)
    netsetup
    for i in 1 2 3; do serve r$i 80; serve r$i 53; done
    sleep 1
    $oracle -A -t 192.0.2.1:80 -s rr
    $oracle -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m -w 3
    $oracle -a -t 192.0.2.1:80 -r 198.51.100.2:80 -m -w 2 -x 1000 -y 10
    $oracle -a -t 192.0.2.1:80 -r 198.51.100.3:80 -m -w 1
    $oracle -A -u 192.0.2.1:53 -s wrr
    $oracle -a -u 192.0.2.1:53 -r 198.51.100.3:53 -m
    $oracle -a -u 192.0.2.1:53 -r 198.51.100.1:53 -m -w 5
    $oracle -A -t 192.0.2.2:80 -s wlc -p 120
    $oracle -a -t 192.0.2.2:80 -r 198.51.100.2:80 -m
    $oracle -a -t 192.0.2.2:80 -r 198.51.100.1:80 -m
    $oracle -A -t [2001:db8::1]:80 -s rr
    $oracle -a -t [2001:db8::1]:80 -r [2001:db8:2::2]:80 -m
    $oracle -a -t [2001:db8::1]:80 -r [2001:db8:2::1]:80 -m -w 2
    $oracle -A -u 192.0.2.2:53 -s lc
    sleep 2
    # Short TCP connections (they linger in TIME_WAIT: inactive), one held open per real server (active).
    client '
import socket, time
def req(addr, fam, hold=False):
    s = socket.socket(fam, socket.SOCK_STREAM); s.connect(addr)
    s.sendall(b"HOLD" if hold else b"GET")
    n = 0
    while n < 1000:
        d = s.recv(4096)
        if not d: break
        n += len(d)
    if hold: return s
    s.close()
held = []
for i in range(7): req(("192.0.2.1", 80), socket.AF_INET)
for i in range(3): held.append(req(("192.0.2.1", 80), socket.AF_INET, True))
for i in range(4): req(("192.0.2.2", 80), socket.AF_INET)
held.append(req(("192.0.2.2", 80), socket.AF_INET, True))
for i in range(5): req(("2001:db8::1", 80), socket.AF_INET6)
held.append(req(("2001:db8::1", 80), socket.AF_INET6, True))
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(1)
for i in range(40):
    u.sendto(b"q" * (200 + i), ("192.0.2.1", 53))
    try: u.recv(4096)
    except OSError: pass
    time.sleep(0.05)
for i in range(6):
    v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.sendto(b"z" * 300, ("192.0.2.1", 53)); v.close()
open("/tmp/held", "w").write("ok")
time.sleep(600)
' &
    for _ in $(seq 100); do [ -e /tmp/held ] && break; sleep 0.2; done
    sleep 3
    capture_listings
    capture_connections
    ;;
scaling)
    # Counters and rates of any size: an LD_PRELOAD shim makes the oracle read chosen values in place of
    # the kernel's stats64 (see fakeu64.c); the --exact listings of the same run show which row got which.
    cc -x c -shared -fPIC -O2 -o "$preload/fakeu64.so" "$here/fakeu64.c.txt" -ldl
    for i in $(seq 1 60); do $oracle -A -t 192.0.2.1:$i; done
    $oracle -a -t 192.0.2.1:1 -r 198.51.100.1:1 -m
    export FAKE_U64="0,1,9999,10000,99999,100000,100001,100499,100500,100501,100999,101000,999999,1000000,1000499,1000500,1999999,9999999,10000000,99999999,100000000,100000499,100000500,100001000,100499999,100500000,999999999,1000000000,9999999999,10000000000,99999999999,100000000000,100000499999,100000500000,100001000000,999999999999,1000000000000,99999999999999,100000000000000,100000000499999,100000000500000,999999999999999,9999999999999999,99999999999999999,999999999999999999,9999999999999999999,18446744073709551615,18446744073709551614,4294967295,4294967296,12345678,123456789,1234567890,12345678901,123456789012,1234567890123,12345678901234,123456789012345,1234567890123456,12345678901234567,123456789012345678"
    for v in stats rate; do
        LD_PRELOAD=$preload/fakeu64.so capture "L-n-$v-exact" $oracle -L -n --nosort --$v --exact
        LD_PRELOAD=$preload/fakeu64.so capture "L-n-$v" $oracle -L -n --nosort --$v
        LD_PRELOAD=$preload/fakeu64.so capture "L-n-$v-sorted" $oracle -L -n --$v
    done
    ;;
kinds)
    # Every kind of service and real server, names through /etc/hosts, one-service listings, timeouts, daemons.
    printf '127.0.0.1 localhost\n192.0.2.10 vip-ten.example\n198.51.100.7 a-very-long-real-server-host-name-that-goes-on.example.org\n2001:db8::10 v6vip.example\n2001:db8::7 r7.example\n192.0.2.200 x200\n' > /tmp/hosts.kinds
    use_hosts /tmp/hosts.kinds
    ip link set dummy0 up 2>/dev/null || { ip link add dummy0 type dummy; ip link set dummy0 up; }
    ip addr add 192.0.2.50/32 dev dummy0
    $oracle -A -f 2 -s rr
    $oracle -A -f 1 -6 -s rr -p 100 -M 64
    $oracle -A -f 3 -6 -s rr
    $oracle -A -t 198.51.100.1:80
    $oracle -A -t 192.0.2.200:80
    $oracle -A -t 192.0.2.10:256
    $oracle -A -t 192.0.2.10:1
    $oracle -A -t 192.0.2.10:0 -p
    $oracle -A -u 192.0.2.5:1
    $oracle -A --sctp-service 203.0.113.5:9999 -s mh -b mh-port
    $oracle -A --sctp-service 203.0.113.5:5060 -s rr
    $oracle -A -t [2001:db8::10]:80 -s rr
    $oracle -A -t [2001:db8:0:1::]:80 -s rr -p 30 -M 48
    $oracle -a -t 192.0.2.10:256 -r 198.51.100.1:256 -m
    $oracle -a -t 192.0.2.10:256 -r 198.51.100.1:1 -m
    $oracle -a -t 192.0.2.10:256 -r 192.0.2.200:80 -m
    $oracle -a -t 192.0.2.10:256 -r 203.0.113.1:80 -m
    $oracle -a -t 192.0.2.10:256 -r 198.51.100.7:80 -m -w 2147483647 -x 65535 -y 65535
    $oracle -a -t 192.0.2.10:256 -r 198.51.100.8:443 -m -w 0 -x 100
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.7 -i --tun-type gue --tun-port 6080 --tun-csum
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.8 -i --tun-type gue --tun-port 6081 --tun-remcsum
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.9 -i --tun-type gre --tun-csum
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.10 -i --tun-type gre
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.11 -i --tun-type gue --tun-port 1 --tun-nocsum
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.12 -i
    $oracle -a -t 192.0.2.10:1 -r 192.0.2.50 -g
    $oracle -a -t 192.0.2.10:1 -r 198.51.100.13 -g -w 7
    $oracle -a -t [2001:db8::10]:80 -r [2001:db8::7]:80 -g
    $oracle -a -t [2001:db8::10]:80 -r [2001:db8::50]:80 -m
    $oracle -a -t [2001:db8::10]:80 -r [2001:db8:ffff:ffff:ffff:ffff:ffff:fffe]:65535 -m
    $oracle -a -t [2001:db8::10]:80 -r [2001:db8:1234:5678:9abc:def0:1234:5678]:443 -i --tun-type gre --tun-csum
    $oracle -a -f 2 -r 198.51.100.20 -g
    $oracle -a -f 2 -r 198.51.100.21:8080 -m
    $oracle -a -f 1 -6 -r 2001:db8::7 -g
    $oracle -a --sctp-service 203.0.113.5:5060 -r 198.51.100.30:5060 -m
    $oracle -A -t 192.0.2.11:80 -s rr -b flag-3
    $oracle -A -t 192.0.2.11:81 -s sh -b flag-3
    $oracle -A -t 192.0.2.11:82 -s mh -b mh-fallback,mh-port
    $oracle -A -t 192.0.2.11:83 -s sh -b sh-fallback,sh-port,flag-3
    $oracle -A -t 192.0.2.11:84 -s sh
    $oracle -A -t 192.0.2.11:85 -s sh -b sh-fallback
    $oracle -A -t 192.0.2.11:86 -s wlc -M 255.255.0.0
    $oracle -A -u 192.0.2.11:84 -s rr -o -p 5 -M 255.0.0.0
    $oracle -A -u 192.0.2.11:85 -s rr -o -p 5 -M 0.0.0.0 --pe sip
    $oracle -A -u 192.0.2.11:5060 -p 30 --pe sip
    $oracle -A -t 192.0.2.12:1 -s rr -b flag-1,flag-2
    $oracle -A -t 192.0.2.12:2 -s wlc -b flag-2
    $oracle -A -t 192.0.2.12:3 -s sh -b sh-port -p 60 -M 255.255.255.0
    $oracle -A -u 192.0.2.12:4 -s mh -b mh-fallback -p 60 -o --pe sip
    $oracle --set 7200 0 1
    $oracle --start-daemon master --mcast-interface dummy0
    $oracle --start-daemon backup --mcast-interface dummy0 --syncid 7 --sync-maxlen 1000 --mcast-group 239.1.2.3 --mcast-port 9000 --mcast-ttl 5
    capture_listings
    capture_one_services
    ;;
sort)
    # Orders that only a replay of 1.31's comparisons gets right: marks of 2^31 and more, IPv6 words
    # differing by 2^31 and more, ports either side of 256.
    $oracle -A -t [2001:db8::10]:80 -s rr
    $oracle -A -t 192.0.2.10:80
    for a in "2001:db8::7]:80" "2001:db8::50]:80" "2001:db8:ffff:ffff:ffff:ffff:ffff:fffe]:65535" "2001:db8::8000:1]:80" "2001:db8:1::7]:80" "2001:db8::7]:81" "2001:db8:ffff:ffff:ffff:ffff:ffff:fffe]:80" "2001:db8::1:0:0:6]:80" "2001:db8::7]:65535" "2001:db8::7]:256" "2001:db9::1]:80" "2001:db8::]:80"; do
        $oracle -a -t [2001:db8::10]:80 -r "[$a" -m
        $oracle -A -u "[$a"
    done
    for a in 198.51.100.1:65535 198.51.100.1:80 198.51.100.1:256 198.51.100.1:1 192.0.2.255:80 192.0.2.1:80 203.0.113.255:1; do
        $oracle -a -t 192.0.2.10:80 -r $a -m
        $oracle -A -u $a
    done
    $oracle -A -f 10 -6; $oracle -A -f 9; $oracle -A -f 4294967295; $oracle -A -f 2147483648 -6; $oracle -A -f 1
    $oracle -A -f 2147483649; $oracle -A -f 3 -6
    capture_listings
    ;;
names)
    # Host names of every length: 1.31 cuts IPv4 host:port at 28 bytes in -L rows and at 60 in -S.
    hosts=/tmp/hosts.names
    {
        printf '127.0.0.1 localhost\n'
        for n in $(seq 14 40); do printf '198.51.100.%d %s\n' $n "$(printf 'h%0*d' $((n-1)) 0 | tr 0 x)"; done
        for n in $(seq 45 75); do printf '203.0.113.%d %s\n' $n "$(printf 'n%0*d' $((n-1)) 0 | tr 0 y)"; done
        for n in $(seq 14 75); do printf '2001:db8::a:%d %s\n' $n "$(printf 'v%0*d' $((n-1)) 0 | tr 0 z)"; done
        printf '192.0.2.77 svc-name-that-is-rather-long-indeed.example\n'
    } > $hosts
    use_hosts $hosts
    $oracle -A -t 192.0.2.77:80
    $oracle -A -t 192.0.2.77:8081
    $oracle -A -t 192.0.2.77:65535
    for n in $(seq 14 40); do
        $oracle -a -t 192.0.2.77:80 -r 198.51.100.$n:80 -m
        $oracle -a -t 192.0.2.77:8081 -r 198.51.100.$n:8081 -m
    done
    for n in $(seq 45 75); do $oracle -a -t 192.0.2.77:65535 -r 203.0.113.$n:65535 -m; done
    $oracle -A -t [2001:db8::a:14]:80
    for n in $(seq 14 75); do $oracle -a -t [2001:db8::a:14]:80 -r [2001:db8::a:$n]:443 -m; done
    for n in 20 25 40 50 60 75; do $oracle -A -u 203.0.113.$n:53; $oracle -A -u [2001:db8::a:$n]:53; done
    capture_listings
    ;;
forwarding)
    # Methods ipvsadm cannot set (Local is the kernel's, bypass never shown by it): fakefwd.c.txt answers
    # the oracle's read of IPVS_DEST_ATTR_FWD_METHOD with each value in turn.
    cc -x c -shared -fPIC -O2 -o "$preload/fakefwd.so" "$here/fakefwd.c.txt" -ldl
    $oracle -A -t 192.0.2.1:80
    $oracle -a -t 192.0.2.1:80 -r 198.51.100.1:80 -m
    capture "state-nosort-n" $oracle -L -n --nosort
    for f in 0 1 2 3 4; do
        FAKE_FWD=$f LD_PRELOAD=$preload/fakefwd.so capture "fwd$f-L-n" $oracle -L -n
        FAKE_FWD=$f LD_PRELOAD=$preload/fakefwd.so capture "fwd$f-L-n-tun-info" $oracle -L -n --tun-info
        FAKE_FWD=$f LD_PRELOAD=$preload/fakefwd.so capture "fwd$f-S-n" $oracle -S -n
    done
    ;;
connections)
    # -c reads /proc/net/ip_vs_conn only; an LD_PRELOAD shim (fakeproc.c.txt) hands it chosen text.
    cc -x c -shared -fPIC -O2 -o "$preload/fakeproc.so" "$here/fakeproc.c.txt" -ldl
    printf '127.0.0.1 localhost\n203.0.113.2 client-host\n192.0.2.1 a-thirty-char-virtual-name.org\n198.51.100.1 r1\n2001:db8:3::2 v6client\n' > /tmp/hosts.conn
    use_hosts /tmp/hosts.conn
    for input in "$here"/connections-input/*.txt; do
        base=$(basename "$input" .txt)
        cp "$input" "$cap/$base-input.txt"
        for v in "-n" "" "-n --persistent-conn" "--persistent-conn"; do
            name="$base-c$(echo " $v" | tr ' ' '-' | sed 's/--*/-/g; s/-$//')"
            FAKE_IPVS_CONN=$input LD_PRELOAD=$preload/fakeproc.so capture "$name" $oracle -L -c $v
        done
    done
    cp /etc/services "$cap/etc-services.txt"
    ;;
*)
    echo "unknown state $state" >&2; exit 2 ;;
esac
archive
