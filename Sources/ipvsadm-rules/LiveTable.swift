import ArgumentParser
import IPVSCore
import IPVSNetlink

/// The running kernel's table, through IPVSNetlink.
enum LiveTable {
    static func client() throws -> NetlinkClient {
        do {
            return try NetlinkClient()
        } catch {
            writeError("ipvsadm-rules: cannot reach IPVS in the kernel: \(error)\n")
            throw ExitCode(2)
        }
    }

    static func read(_ client: NetlinkClient) throws -> RuleTable {
        do {
            return try RuleApplier(client: client).liveTable()
        } catch {
            writeError("ipvsadm-rules: cannot read the kernel's table: \(describe(error))\n")
            throw ExitCode(2)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? KernelError { return error.restoreMessage == "Unknown error \(error.errno)" ? errnoText(error.errno) : error.restoreMessage }
        return "\(error)"
    }
}
