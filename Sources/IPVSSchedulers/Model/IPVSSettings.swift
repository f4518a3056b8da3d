/// Ticks of the kernel clock. The library never reads a clock: callers pass the time in.
public typealias Jiffies = Int64

/// Kernel build options and sysctls that change what the schedulers do. The defaults are those
/// of Debian 12's `linux-image-6.1.0-*-amd64` (see `schedulers.md`).
public struct IPVSSettings: Sendable, Hashable {
    /// `CONFIG_HZ`: jiffies per second.
    public var hz: Jiffies
    /// `CONFIG_IP_VS_SH_TAB_BITS` (4…20): sh has `1 << bits` buckets.
    public var sourceHashTableBits: Int
    /// `CONFIG_IP_VS_MH_TAB_INDEX` (8…17): picks mh's prime table size (12 → 4093).
    public var maglevTableIndex: Int
    /// `net.ipv4.vs.lblc_expiration`, in seconds.
    public var lblcExpirationSeconds: Int64
    /// `net.ipv4.vs.lblcr_expiration`, in seconds (entry expiry and set shrinking).
    public var lblcrExpirationSeconds: Int64
    /// `net.ipv4.vs.expire_quiescent_template`: templates of weight-0 servers are invalid.
    public var expireQuiescentTemplate: Bool
    /// How an add or edit that sets thresholds treats the overload flag.
    public var thresholdUpdate: ThresholdUpdateRule

    public init(
        hz: Jiffies = 250,
        sourceHashTableBits: Int = 8,
        maglevTableIndex: Int = 12,
        lblcExpirationSeconds: Int64 = 24 * 60 * 60,
        lblcrExpirationSeconds: Int64 = 24 * 60 * 60,
        expireQuiescentTemplate: Bool = false,
        thresholdUpdate: ThresholdUpdateRule = .reevaluateOnChange
    ) {
        self.hz = hz
        self.sourceHashTableBits = max(4, min(20, sourceHashTableBits))
        self.maglevTableIndex = max(8, min(17, maglevTableIndex))
        self.lblcExpirationSeconds = lblcExpirationSeconds
        self.lblcrExpirationSeconds = lblcrExpirationSeconds
        self.expireQuiescentTemplate = expireQuiescentTemplate
        self.thresholdUpdate = thresholdUpdate
    }
}

/// What adding or editing a destination does to its overload flag.
public enum ThresholdUpdateRule: Sendable, Hashable {
    /// Observed on Debian's 6.1.192 (the test bed): when `-x` or `-y` changes, the flag is
    /// re-evaluated against the current total at once — set if `u != 0 && total >= u`, cleared if
    /// `u == 0 || total < (l != 0 ? l : u - u/4)`, otherwise left as it was.
    case reevaluateOnChange
    /// The 6.1.119 source: clear the flag when the new upper threshold is 0 or above the old one;
    /// nothing else is evaluated.
    case clearOnRaise
}
