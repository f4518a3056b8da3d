/// How `-L`/`-l` should print: the listing options of ipvsadm 1.31.
public struct ListingOptions: Sendable, Hashable {
    /// `-n`: print addresses and ports as numbers, with no name lookups.
    public var numeric = false
    /// `--exact`: print counters unscaled (no K/M/G).
    public var exact = false
    /// `--stats`: traffic counters instead of connection counts.
    public var statistics = false
    /// `--rate`: rate estimates instead of connection counts.
    public var rate = false
    /// `--thresholds`: upper and lower thresholds.
    public var thresholds = false
    /// `--persistent-conn`: persistent connection counts.
    public var persistentConnections = false
    /// `--tun-info`: tunnel type, port and flags.
    public var tunnelInfo = false
    /// `--nosort` turns off sorting by address; `--sort` (the default) keeps it.
    public var sorted = true
    /// `--json` (ours, not 1.31's): a JSON document carrying every field with numeric addresses,
    /// so `-n`, `--exact`, `--stats`, `--rate`, `--thresholds`, `--persistent-conn` and `--tun-info`
    /// change nothing in it. See Docs/json.md.
    public var json = false

    public init() {}
}
