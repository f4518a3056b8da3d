/// Why an ipvsadm command line was refused, one case per message of ipvsadm 1.31.
///
/// Words taken from the command line are kept as bytes so that the message repeats them exactly,
/// whatever their encoding. `ParseError+Message.swift` renders each case.
public enum ParseError: Error, Sendable, Hashable {
    /// The first option is not a command, or popt could not read it: "Try `ipvsadm -h' …".
    case tryHelp
    /// popt refused an option (unknown, missing or unwanted argument), blaming a word.
    case popt(PoptFailure, word: [UInt8])
    /// A second command option.
    case invalidOption(word: [UInt8])
    /// A word that is neither an option nor an option's value.
    case unexpectedArgument([UInt8])
    /// An option given twice (ipvsadm's name for it).
    case multipleOptions(String)
    /// An option the command does not take.
    case illegalOption(String, command: String)
    /// An option the command needs.
    case missingOption(String, command: String)
    /// Two `-L` options that cannot go together.
    case conflictingOptions(String, String, command: String)
    /// `-L -c`, `--timeout` or `--daemon` with a listing format option.
    case listOptionsConflict
    case invalidTimeout([UInt8])
    case invalidFirewallMark([UInt8])
    case illegalVirtualServerAddress
    case illegalRealServerAddress
    case zeroPort
    case illegalWeight
    case illegalUpperThreshold
    case illegalLowerThreshold
    case illegalPersistentMask
    case illegalIPv6Netmask
    /// `-6` before `-f`.
    case ipv6BeforeFirewallMark
    case differentAddressFamily
    case onePacketOnlyForUDP
    case invalidSchedulerFlag([UInt8])
    case incompatibleSchedulerFlag([UInt8])
    /// A `-b` list of only commas. 1.31 dies on it (SIGSEGV) without touching the table; we refuse
    /// it as it would an unknown flag.
    case schedulerFlagListWithoutFlags([UInt8])
    case illegalTunnelType
    case illegalTunnelPort
    case tunnelOptionsConflictWithForwarding
    case missingTunnelOption(String, tunnelType: String)
    case illegalTunnelOption(String, tunnelType: String)
    case conflictingTunnelOptions(String, String, tunnelType: String)
    case setNeedsThreeValues
    case illegalStartDaemonState
    case illegalStopDaemonState
    case illegalSyncID
    case illegalSyncMaxLength
    case illegalMulticastPort
    case illegalMulticastTTL
    case invalidMulticastGroup(AddressFamily, [UInt8])

    /// popt's own error kinds, with its wording.
    public enum PoptFailure: Sendable, Hashable {
        case unknownOption, missingArgument, unwantedArgument
    }
}
