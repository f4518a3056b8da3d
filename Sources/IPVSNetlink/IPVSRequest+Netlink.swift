internal import CIPVSShim
import IPVSCore

extension IPVSRequest {
    /// The netlink message that asks the kernel for this change, acked so that its answer can be
    /// matched back by sequence number.
    func message(on socket: NetlinkSocket) throws -> NetlinkMessage {
        let ack = Int32(CIPVS_NLM_F_ACK.rawValue)
        switch self {
        case .addService(let service):
            let message = try socket.message(CIPVS_CMD_NEW_SERVICE, flags: ack)
            try message.put(cipvs_service(service: service))
            return message
        case .editService(let service):
            let message = try socket.message(CIPVS_CMD_SET_SERVICE, flags: ack)
            try message.put(cipvs_service(service: service))
            return message
        case .deleteService(let key):
            let message = try socket.message(CIPVS_CMD_DEL_SERVICE, flags: ack)
            try message.put(cipvs_service(key: key))
            return message
        case .addRealServer(let key, let server):
            let message = try socket.message(CIPVS_CMD_NEW_DEST, flags: ack)
            try message.put(cipvs_service(key: key))
            try message.put(cipvs_dest(realServer: server))
            return message
        case .editRealServer(let key, let server):
            let message = try socket.message(CIPVS_CMD_SET_DEST, flags: ack)
            try message.put(cipvs_service(key: key))
            try message.put(cipvs_dest(realServer: server))
            return message
        case .deleteRealServer(let key, let address, let port):
            let message = try socket.message(CIPVS_CMD_DEL_DEST, flags: ack)
            try message.put(cipvs_service(key: key))
            try message.put(cipvs_dest(address: address, port: port))
            return message
        case .flush:
            return try socket.message(CIPVS_CMD_FLUSH, flags: ack)
        case .zero(let key):
            let message = try socket.message(CIPVS_CMD_ZERO, flags: ack)
            // Without a service the kernel zeroes every counter.
            if let key { try message.put(cipvs_service(key: key)) }
            return message
        case .setTimeouts(let timeouts):
            let message = try socket.message(CIPVS_CMD_SET_CONFIG, flags: ack)
            try message.put(cipvs_config(timeouts: timeouts))
            return message
        case .startDaemon(let daemon):
            let message = try socket.message(CIPVS_CMD_NEW_DAEMON, flags: ack)
            try message.put(cipvs_daemon(daemon: daemon))
            return message
        case .stopDaemon(let state):
            let message = try socket.message(CIPVS_CMD_DEL_DAEMON, flags: ack)
            try message.put(cipvs_daemon(stopping: state))
            return message
        }
    }
}
