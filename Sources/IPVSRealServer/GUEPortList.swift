import IPVSCore

/// Reads what `ip fou show` prints: `port 5555 gue`, `port 5555 gue -6`, `port 5556 ipproto 4`.
public enum GUEPortList {
    /// The GUE receive ports; direct-protocol (`ipproto`) ports are not GUE and are left out.
    public static func parse(_ text: String) -> Set<GUEPort> {
        var ports: Set<GUEPort> = []
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count >= 3, words[0] == "port", let port = UInt16(words[1]), words[2] == "gue" else { continue }
            ports.insert(GUEPort(port: port, family: words.contains("-6") ? .inet6 : .inet))
        }
        return ports
    }
}
