internal import CIPVSShim

/// Owns one libnl `nl_msg` while a request is built; freed when the owner goes away.
final class NetlinkMessage {
    let pointer: OpaquePointer

    /// A message with the IPVS header for `command`.
    init(family: Int32, command: cipvs_command, flags: Int32) throws {
        pointer = try LibNL.allocateMessage()
        // Fully initialised from here on, so a throw below still runs deinit and frees the message.
        try LibNL.putHeader(pointer, family: family, command: UInt8(command.rawValue), flags: flags)
    }

    deinit {
        LibNL.freeMessage(pointer)
    }

    func put(_ service: cipvs_service) throws { try LibNL.putService(pointer, service) }
    func put(_ destination: cipvs_dest) throws { try LibNL.putDestination(pointer, destination) }
    func put(_ daemon: cipvs_daemon) throws { try LibNL.putDaemon(pointer, daemon) }
    func put(_ config: cipvs_config) throws { try LibNL.putConfig(pointer, config) }
}
