internal import CIPVSShim
import IPVSCore

/// The client's reading of the kernel's replies, without a socket: a datagram in, the model out.
///
/// Exists so that what the kernel sends can be tried with arbitrary bytes (the fuzz target under
/// Fuzz/ and the unit tests): it runs the very splitting and parsing `NetlinkClient` runs on each
/// datagram it receives, so bytes that would trap here would trap `ipvsadm -L`.
public enum ReplyDecoder {
    /// One message of a datagram, read as the reply to each request the client makes.
    public struct Decoded: Sendable {
        public var service: Result<VirtualService, ClientError>
        public var realServer: Result<RealServer, ClientError>
        public var daemon: Result<SyncDaemon, ClientError>
        public var timeouts: Result<Timeouts, ClientError>
        public var info: Result<IPVSInfo, ClientError>
    }

    /// Splits `datagram` into netlink messages and decodes each as every kind of reply. A
    /// datagram whose message headers do not fit throws; a message whose attributes are short,
    /// overlong or truncated gives failures in its `Decoded`.
    public static func decode(datagram: [UInt8], serviceFamily: AddressFamily = .inet) throws(ClientError) -> [Decoded] {
        let replies: [ReplyMessage]
        do {
            replies = try LibNL.messages(in: datagram)
        } catch let error as ClientError {
            throw error
        } catch {
            throw ClientError.malformedReply("\(error)")
        }
        return replies.map { reply in
            Decoded(
                service: attempt { try VirtualService(kernel: LibNL.parseService(reply.bytes)) },
                realServer: attempt {
                    try RealServer(kernel: LibNL.parseDestination(reply.bytes), serviceFamily: serviceFamily)
                },
                daemon: attempt { try SyncDaemon(kernel: LibNL.parseDaemon(reply.bytes)) },
                timeouts: attempt { try Timeouts(kernel: LibNL.parseConfig(reply.bytes)) },
                info: attempt { try IPVSInfo(kernel: LibNL.parseInfo(reply.bytes)) }
            )
        }
    }

    private static func attempt<Value>(_ body: () throws -> Value) -> Result<Value, ClientError> {
        do {
            return .success(try body())
        } catch let error as ClientError {
            return .failure(error)
        } catch {
            return .failure(.malformedReply("\(error)"))
        }
    }
}
