import IPVSCore

/// An interface address as `ip addr` shows it: `192.0.2.10/32`, `2001:db8::10/128`.
public struct AddressPrefix: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var length: Int

    public init(address: IPAddress, length: Int) {
        self.address = address
        self.length = length
    }

    /// The address alone: /32 for IPv4, /128 for IPv6.
    public init(host address: IPAddress) {
        self.init(address: address, length: address.family == .inet ? 32 : 128)
    }

    /// Reads `ADDRESS/LENGTH`, numbers only.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = try? RealServerSetup.parseVIP(String(parts[0])),
              let length = Int(parts[1]), length >= 0, length <= (address.family == .inet ? 32 : 128)
        else { return nil }
        self.init(address: address, length: length)
    }

    public var description: String {
        String(decoding: AddressText.numeric(address), as: UTF8.self) + "/\(length)"
    }
}
