/// `ipvsadm -L --timeout` and `ipvsadm -L --daemon`.
public enum TimeoutsFormatter {
    /// `Timeout (tcp tcpfin udp): 900 120 300`.
    public static func format(_ timeouts: Timeouts) -> [UInt8] {
        var writer = ByteWriter(capacity: 48)
        writer.text("Timeout (tcp tcpfin udp): ")
        writer.decimal(timeouts.tcp)
        writer.byte(UInt8(ascii: " "))
        writer.decimal(timeouts.tcpFin)
        writer.byte(UInt8(ascii: " "))
        writer.decimal(timeouts.udp)
        writer.byte(UInt8(ascii: "\n"))
        return writer.bytes
    }
}

public enum DaemonsFormatter {
    /// One line per running daemon, in the kernel's order; nothing when none runs.
    /// `master sync daemon (mcast=eth0, syncid=0, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)`.
    /// A group, port or TTL the kernel did not report prints as the kernel's default.
    public static func format(_ daemons: [SyncDaemon]) -> [UInt8] {
        var writer = ByteWriter(capacity: daemons.count * 100)
        for daemon in daemons {
            writer.text(daemon.state == .master ? "master" : "backup")
            writer.text(" sync daemon (mcast=")
            writer.text(daemon.multicastInterface)
            writer.text(", syncid=")
            writer.decimal(daemon.syncID)
            writer.text(", maxlen=")
            writer.decimal(daemon.maxLength)
            writer.text(", group=")
            AddressText.append(daemon.effectiveMulticastGroup, to: &writer)
            writer.text(", port=")
            writer.decimal(daemon.effectiveMulticastPort)
            writer.text(", ttl=")
            writer.decimal(UInt32(daemon.effectiveMulticastTTL))
            writer.text(")\n")
        }
        return writer.bytes
    }
}
