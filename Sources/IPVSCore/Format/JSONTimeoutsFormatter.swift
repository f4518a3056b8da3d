/// `ipvsadm -L --timeout --json` and `ipvsadm -L --daemon --json` (schema `ipvsadm-json/1`).
public enum JSONTimeoutsFormatter {
    /// `{"schema": …, "timeouts": {"tcp": 900, "tcp_fin": 120, "udp": 300}}`, in seconds.
    public static func timeouts(_ timeouts: Timeouts) -> [UInt8] {
        var json = JSONWriter(style: .pretty, capacity: 128)
        json.object {
            $0.field("schema", JSONListingFormatter.schema)
            $0.field("timeouts") { json in
                json.object {
                    $0.field("tcp", timeouts.tcp)
                    $0.field("tcp_fin", timeouts.tcpFin)
                    $0.field("udp", timeouts.udp)
                }
            }
        }
        json.newline()
        return json.bytes
    }

    /// `{"schema": …, "daemons": [...]}`, in the kernel's order; an empty array when none runs.
    /// A group, port or TTL the kernel did not report is its default, as in 1.31's text.
    public static func daemons(_ daemons: [SyncDaemon]) -> [UInt8] {
        var json = JSONWriter(style: .pretty, capacity: 64 + daemons.count * 200)
        json.object {
            $0.field("schema", JSONListingFormatter.schema)
            $0.field("daemons") { json in
                json.array { list in
                    for daemon in daemons {
                        list.object {
                            $0.field("state", daemon.state == .master ? "master" : "backup")
                            $0.field("interface", daemon.multicastInterface)
                            $0.field("syncid", daemon.syncID)
                            $0.field("max_length", daemon.maxLength)
                            $0.field("group", JSONListingFormatter.numericText(daemon.effectiveMulticastGroup))
                            $0.field("port", daemon.effectiveMulticastPort)
                            $0.field("ttl", daemon.effectiveMulticastTTL)
                        }
                    }
                }
            }
        }
        json.newline()
        return json.bytes
    }
}
