internal import CIPVSShim
internal import CLibNL
import IPVSCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Every call into libnl and the IPVS shim, in one place.
///
/// Both speak libnl's convention: 0 or a count on success, a negative `NLE_*` code on failure.
/// `check` is the one helper that turns such a code into `ClientError.netlink`; nothing else in
/// this module calls C. Kernel errnos never come through here: they arrive inside reply messages
/// (`ReplyMessage.error`) and become `KernelError` elsewhere.
enum LibNL {
    /// Runs one C call and throws `ClientError.netlink` for a negative `NLE_*` result.
    @discardableResult
    static func check(_ call: () -> Int32) throws -> Int32 {
        let result = call()
        guard result >= 0 else { throw netlinkError(result) }
        return result
    }

    /// libnl's description of one of its codes, kept with the (positive) code.
    static func netlinkError(_ code: Int32) -> ClientError {
        let positive = code < 0 ? -code : code
        let message = nl_geterror(positive).map { String(cString: $0) } ?? "netlink error \(positive)"
        return .netlink(code: positive, message: message)
    }

    // MARK: Sockets

    static func allocateSocket() throws -> OpaquePointer {
        guard let socket = nl_socket_alloc() else { throw netlinkError(-NLE_NOMEM) }
        return socket
    }

    static func freeSocket(_ socket: OpaquePointer) {
        nl_socket_free(socket)
    }

    /// Bytes read per datagram: twice the largest dump part the kernel builds (32 KiB).
    static let datagramReadSize = 65536

    /// Connects to generic netlink and sets the socket up for pipelined requests. Returns whether
    /// refusals' acks are capped (NETLINK_CAP_ACK, Linux 4.3 and later).
    @discardableResult
    static func connect(_ socket: OpaquePointer, bufferSize: Int32) throws -> Bool {
        try check { genl_connect(socket) }
        // Requests ask for their acks explicitly (dumps must not), so libnl must not add them.
        nl_socket_disable_auto_ack(socket)
        // One read per datagram into a buffer larger than any the kernel sends, rather than a
        // peek at each one's size first (two system calls per datagram). The kernel sizes a dump's
        // parts by the largest read it has seen, capped at 32 KiB, so this also halves the number
        // of parts of a large dump against libnl's 16 KiB default.
        nl_socket_disable_msg_peek(socket)
        try check { nl_socket_set_msg_buf_size(socket, Self.datagramReadSize) }
        // Room for the acks of a whole batch; the kernel caps this at its rmem/wmem maximum.
        try check { nl_socket_set_buffer_size(socket, bufferSize, bufferSize) }
        // Refusals echo only the request's header, not the whole request: smaller acks, bigger batches.
        var one: Int32 = 1
        return setsockopt(
            nl_socket_get_fd(socket), SOL_NETLINK, NETLINK_CAP_ACK, &one, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// The receive buffer the kernel granted, in the bytes its accounting charges (SO_RCVBUF
    /// reads back twice what was asked, capped at net.core.rmem_max); nil if it cannot be read.
    static func receiveBufferSize(_ socket: OpaquePointer) -> Int? {
        var size: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(nl_socket_get_fd(socket), SOL_SOCKET, SO_RCVBUF, &size, &length) == 0, size > 0 else {
            return nil
        }
        return Int(size)
    }

    /// The id of a generic-netlink family, or nil when the kernel has no such family.
    static func resolveFamily(_ socket: OpaquePointer, name: String) throws -> Int32? {
        let result = genl_ctrl_resolve(socket, name)
        if result == -NLE_OBJ_NOTFOUND { return nil }
        guard result >= 0 else { throw netlinkError(result) }
        return result
    }

    /// Sends bytes holding one or more complete messages as one datagram. Returns false, having
    /// sent nothing, when the datagram is larger than the socket's send buffer (EMSGSIZE, which
    /// libnl folds into its unspecific NLE_FAILURE; the errno left behind tells it apart).
    static func send(_ socket: OpaquePointer, _ bytes: [UInt8]) throws -> Bool {
        var copy = bytes
        return try copy.withUnsafeMutableBytes { buffer in
            errno = 0
            let result = nl_sendto(socket, buffer.baseAddress, buffer.count)
            let savedErrno = errno
            if result >= 0 { return true }
            if savedErrno == EMSGSIZE { return false }
            throw netlinkError(result)
        }
    }

    /// The error for a single request too large to send.
    static var messageTooLarge: ClientError { netlinkError(-NLE_MSGSIZE) }

    /// What one receive produced.
    enum Received {
        case datagram([UInt8])
        /// The kernel dropped replies because the receive buffer was full (ENOBUFS).
        case overrun
        /// Nothing came within the time allowed.
        case nothing
    }

    /// Receives one datagram, waiting at most `milliseconds` for one to be queued (forever when
    /// nil); `.nothing` when none came in time.
    static func receive(_ socket: OpaquePointer, waitingAtMost milliseconds: Int32?) throws -> Received {
        if let milliseconds {
            var descriptor = pollfd(fd: nl_socket_get_fd(socket), events: Int16(POLLIN), revents: 0)
            var ready: Int32
            repeat { ready = poll(&descriptor, 1, milliseconds) } while ready < 0 && errno == EINTR
            if ready <= 0 { return .nothing }
        }
        var peer = sockaddr_nl()
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        errno = 0
        let count = nl_recv(socket, &peer, &buffer, nil)
        let savedErrno = errno
        defer { free(buffer) }
        if count < 0 {
            // libnl folds ENOBUFS into NLE_NOMEM; the errno left behind tells them apart.
            if count == -NLE_NOMEM && savedErrno == ENOBUFS { return .overrun }
            if count == -NLE_AGAIN { return .nothing }
            throw netlinkError(count)
        }
        guard count > 0, let buffer else { return .nothing }
        return .datagram(Array(UnsafeBufferPointer(start: buffer, count: Int(count))))
    }

    // MARK: Messages

    /// Room for any request we build. The largest, a real server's, is 344 bytes: the netlink and
    /// generic headers (20), the service (228, with a scheduler and a persistence engine name at
    /// the shim's 64-byte limit) and the destination (96).
    ///
    /// Not libnl's default of a page: the buffer is zeroed when allocated, and zeroing 4 KiB for
    /// each request was the largest single cost of `-R` in user space (4,400 instructions a
    /// request, more than its parsing; Docs/performance.md).
    static let messageCapacity = 512

    static func allocateMessage() throws -> OpaquePointer {
        guard let message = nlmsg_alloc_size(messageCapacity) else { throw netlinkError(-NLE_NOMEM) }
        return message
    }

    static func freeMessage(_ message: OpaquePointer) {
        nlmsg_free(message)
    }

    static func putHeader(_ message: OpaquePointer, family: Int32, command: UInt8, flags: Int32) throws {
        try check { cipvs_put_header(message, family, command, flags) }
    }

    static func putService(_ message: OpaquePointer, _ service: cipvs_service) throws {
        var service = service
        try check { cipvs_put_service(message, &service) }
    }

    static func putDestination(_ message: OpaquePointer, _ destination: cipvs_dest) throws {
        var destination = destination
        try check { cipvs_put_dest(message, &destination) }
    }

    static func putDaemon(_ message: OpaquePointer, _ daemon: cipvs_daemon) throws {
        var daemon = daemon
        try check { cipvs_put_daemon(message, &daemon) }
    }

    static func putConfig(_ message: OpaquePointer, _ config: cipvs_config) throws {
        var config = config
        try check { cipvs_put_config(message, &config) }
    }

    /// Gives the message the socket's port and the next sequence number; returns that number.
    static func complete(_ message: OpaquePointer, on socket: OpaquePointer) -> UInt32 {
        nl_complete_msg(socket, message)
        return cipvs_message_sequence(message)
    }

    /// The message's length in bytes, header included.
    static func length(of message: OpaquePointer) -> Int {
        var length = 0
        _ = cipvs_message_bytes(message, &length)
        return length
    }

    /// The message's bytes, header included.
    static func bytes(of message: OpaquePointer) -> [UInt8] {
        var length = 0
        guard let start = cipvs_message_bytes(message, &length) else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: length))
    }

    // MARK: Replies

    /// Splits a received datagram into its messages.
    static func messages(in datagram: [UInt8]) throws -> [ReplyMessage] {
        try datagram.withUnsafeBytes { buffer -> [ReplyMessage] in
            var replies: [ReplyMessage] = []
            var offset = 0
            var found = cipvs_message()
            while try check({ cipvs_next_message(buffer.baseAddress, buffer.count, &offset, &found) }) == 1 {
                let bytes = Array(UnsafeRawBufferPointer(start: found.start, count: found.length))
                replies.append(
                    ReplyMessage(
                        type: found.type, flags: found.flags, sequence: found.sequence,
                        command: found.command, error: found.error, bytes: bytes))
            }
            return replies
        }
    }

    /// Calls `body` with each message of a received datagram, in place: nothing is copied, so a
    /// dump's parts can be decoded as they come without keeping their bytes.
    static func forEachMessage(
        in datagram: UnsafeRawBufferPointer, _ body: (cipvs_message, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var offset = 0
        var found = cipvs_message()
        while try check({ cipvs_next_message(datagram.baseAddress, datagram.count, &offset, &found) }) == 1 {
            try body(found, UnsafeRawBufferPointer(start: found.start, count: found.length))
        }
    }

    static func parseService(_ message: UnsafeRawBufferPointer) throws -> cipvs_service {
        var service = cipvs_service()
        _ = try check { cipvs_parse_service(message.baseAddress, message.count, &service) }
        return service
    }

    static func parseDestination(_ message: UnsafeRawBufferPointer) throws -> cipvs_dest {
        var destination = cipvs_dest()
        _ = try check { cipvs_parse_dest(message.baseAddress, message.count, &destination) }
        return destination
    }

    static func parseDaemon(_ message: UnsafeRawBufferPointer) throws -> cipvs_daemon {
        var daemon = cipvs_daemon()
        _ = try check { cipvs_parse_daemon(message.baseAddress, message.count, &daemon) }
        return daemon
    }

    static func parseConfig(_ message: UnsafeRawBufferPointer) throws -> cipvs_config {
        var config = cipvs_config()
        _ = try check { cipvs_parse_config(message.baseAddress, message.count, &config) }
        return config
    }

    static func parseInfo(_ message: UnsafeRawBufferPointer) throws -> cipvs_info {
        var info = cipvs_info()
        _ = try check { cipvs_parse_info(message.baseAddress, message.count, &info) }
        return info
    }

    static func parseService(_ bytes: [UInt8]) throws -> cipvs_service { try bytes.withUnsafeBytes { try parseService($0) } }
    static func parseDestination(_ bytes: [UInt8]) throws -> cipvs_dest { try bytes.withUnsafeBytes { try parseDestination($0) } }
    static func parseDaemon(_ bytes: [UInt8]) throws -> cipvs_daemon { try bytes.withUnsafeBytes { try parseDaemon($0) } }
    static func parseConfig(_ bytes: [UInt8]) throws -> cipvs_config { try bytes.withUnsafeBytes { try parseConfig($0) } }
    static func parseInfo(_ bytes: [UInt8]) throws -> cipvs_info { try bytes.withUnsafeBytes { try parseInfo($0) } }
}
