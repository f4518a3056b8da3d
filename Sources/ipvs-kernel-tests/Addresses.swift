import Foundation
import IPVSCore

/// Test addresses from their text, through the C library (the model has no parser of its own yet).
func address(_ text: String) -> IPAddress {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 {
        return withUnsafeBytes(of: &v4) { IPAddress(bytes: Array($0)) } ?? .zero(.inet)
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 {
        return withUnsafeBytes(of: &v6) { IPAddress(bytes: Array($0)) } ?? .zero(.inet6)
    }
    fatalError("bad test address \(text)")  // only literals written in this file's callers
}

extension VirtualService {
    /// The service without counters, for comparing with what was asked for.
    var withoutCounters: VirtualService {
        var copy = self
        copy.statistics = Statistics()
        return copy
    }
}

extension RealServer {
    var withoutCounters: RealServer {
        var copy = self
        copy.statistics = Statistics()
        copy.activeConnections = 0
        copy.inactiveConnections = 0
        copy.persistentConnections = 0
        return copy
    }
}
