#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IPVSCore

/// The C library's name lookups (`/etc/hosts`, DNS, `/etc/services`), as ipvsadm 1.31 uses them.
public struct SystemNameResolver: NameResolver {
    public init() {}

    public func addresses(forHost name: String, family: AddressFamily) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = family == .inet ? AF_INET : AF_INET6
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var result: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = Self.address(entry.pointee.ai_addr) { result.append(address) }
            cursor = entry.pointee.ai_next
        }
        return result
    }

    public func port(forService name: String, protocol proto: TransportProtocol) -> UInt16? {
        guard let entry = getservbyname(name, Self.name(of: proto)) else { return nil }
        return UInt16(bigEndian: UInt16(truncatingIfNeeded: entry.pointee.s_port))
    }

    public func hostName(for address: IPAddress) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let status: Int32 = Self.withSockaddr(address) { pointer, length in
            getnameinfo(pointer, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NAMEREQD)
        }
        guard status == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func serviceName(forPort port: UInt16, protocol proto: TransportProtocol) -> String? {
        guard let entry = getservbyport(Int32(port.bigEndian), Self.name(of: proto)), let name = entry.pointee.s_name else {
            return nil
        }
        return String(cString: name)
    }

    private static func name(of proto: TransportProtocol) -> String {
        switch proto {
        case .tcp: return "tcp"
        case .udp: return "udp"
        case .sctp: return "sctp"
        }
    }

    private static func address(_ pointer: UnsafeMutablePointer<sockaddr>?) -> IPAddress? {
        guard let pointer else { return nil }
        switch Int32(pointer.pointee.sa_family) {
        case AF_INET:
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                IPAddress(ipv4: UInt32(bigEndian: inet.pointee.sin_addr.s_addr))
            }
        case AF_INET6:
            return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet6 in
                withUnsafeBytes(of: inet6.pointee.sin6_addr) { IPAddress(bytes: Array($0)) }
            }
        default:
            return nil
        }
    }

    private static func withSockaddr<R>(_ address: IPAddress, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        if address.family == .inet {
            var inet = sockaddr_in()
            inet.sin_family = sa_family_t(AF_INET)
            inet.sin_addr.s_addr = address.ipv4Value.bigEndian
            return withUnsafePointer(to: &inet) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var inet6 = sockaddr_in6()
        inet6.sin6_family = sa_family_t(AF_INET6)
        let bytes = address.bytes
        withUnsafeMutableBytes(of: &inet6.sin6_addr) { raw in
            for (index, byte) in bytes.enumerated() where index < raw.count { raw[index] = byte }
        }
        return withUnsafePointer(to: &inet6) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }
}
