import Foundation
import IPVSCore
import IPVSNetlink

/// Each refusal surfaces as a KernelError carrying the operation and the kernel's errno; the
/// oracle must refuse the same request too.
func errorCases(_ runner: TestRunner, _ client: NetlinkClient) {
    let key = ServiceKey.address(.tcp, address("192.0.2.30"), port: 80)
    let missing = ServiceKey.address(.tcp, address("192.0.2.31"), port: 80)
    let service = VirtualService(key: key, scheduler: "wlc")
    let server = RealServer(address: address("198.51.100.30"), port: 80)
    let absentServer = RealServer(address: address("198.51.100.31"), port: 80)

    /// A refusal, its errno, and the oracle's same request (which must fail as well).
    struct Refusal {
        var name: String
        var errno: Int32
        var operation: IPVSOperation
        var oracle: [String]
        var request: IPVSRequest?
        var query: ((NetlinkClient) throws -> Void)?
    }
    let refusals: [Refusal] = [
        Refusal(name: "duplicate service", errno: EEXIST, operation: .addService,
                oracle: ["-A", "-t", "192.0.2.30:80"], request: .addService(service)),
        Refusal(name: "edit missing service", errno: ESRCH, operation: .editService,
                oracle: ["-E", "-t", "192.0.2.31:80"], request: .editService(VirtualService(key: missing))),
        Refusal(name: "delete missing service", errno: ESRCH, operation: .deleteService,
                oracle: ["-D", "-t", "192.0.2.31:80"], request: .deleteService(missing)),
        Refusal(name: "zero missing service", errno: ESRCH, operation: .zero,
                oracle: ["-Z", "-t", "192.0.2.31:80"], request: .zero(missing)),
        Refusal(name: "get missing service", errno: ESRCH, operation: .getService,
                oracle: ["-Ln", "-t", "192.0.2.31:80"], query: { _ = try $0.service(missing) }),
        Refusal(name: "unknown scheduler", errno: ENOENT, operation: .addService,
                oracle: ["-A", "-t", "192.0.2.31:80", "-s", "nosuch"],
                request: .addService(VirtualService(key: missing, scheduler: "nosuch"))),
        Refusal(name: "unknown persistence engine", errno: ENOENT, operation: .addService,
                oracle: ["-A", "-t", "192.0.2.31:80", "-p", "--pe", "nosuch"],
                request: .addService(VirtualService(key: missing, flags: .persistent, timeout: 300, persistenceEngine: "nosuch"))),
        Refusal(name: "real server on missing service", errno: ESRCH, operation: .addRealServer,
                oracle: ["-a", "-t", "192.0.2.31:80", "-r", "198.51.100.30"], request: .addRealServer(missing, server)),
        Refusal(name: "duplicate real server", errno: EEXIST, operation: .addRealServer,
                oracle: ["-a", "-t", "192.0.2.30:80", "-r", "198.51.100.30"], request: .addRealServer(key, server)),
        Refusal(name: "edit missing real server", errno: ENOENT, operation: .editRealServer,
                oracle: ["-e", "-t", "192.0.2.30:80", "-r", "198.51.100.31"], request: .editRealServer(key, absentServer)),
        Refusal(name: "delete missing real server", errno: ENOENT, operation: .deleteRealServer,
                oracle: ["-d", "-t", "192.0.2.30:80", "-r", "198.51.100.31"],
                request: .deleteRealServer(key, address: absentServer.address, port: 80)),
        Refusal(name: "lower threshold above upper", errno: ERANGE, operation: .addRealServer,
                oracle: ["-a", "-t", "192.0.2.30:80", "-r", "198.51.100.31", "-x", "5", "-y", "10"],
                request: .addRealServer(key, RealServer(address: absentServer.address, port: 80, upperThreshold: 5, lowerThreshold: 10))),
        Refusal(name: "stop a daemon that is not running", errno: ESRCH, operation: .stopDaemon,
                oracle: ["--stop-daemon", "master"], request: .stopDaemon(.master)),
        Refusal(name: "daemon on a missing interface", errno: ENODEV, operation: .startDaemon,
                oracle: ["--start-daemon", "master", "--mcast-interface", "nosuch0"],
                request: .startDaemon(SyncDaemon(state: .master, multicastInterface: "nosuch0"))),
    ]
    for refusal in refusals {
        runner.run("kernel error: \(refusal.name)") {
            try client.perform(.addService(service))
            try client.perform(.addRealServer(key, server))
            let oracle = try Oracle.run(refusal.oracle)
            try expect(oracle.status != 0, "the oracle accepted \(refusal.oracle.joined(separator: " "))")
            do {
                if let request = refusal.request { try client.perform(request) }
                if let query = refusal.query { try query(client) }
                throw CaseFailure(description: "accepted; expected errno \(refusal.errno)")
            } catch let error as KernelError {
                try expectEqual(error.errno, refusal.errno, "errno (oracle said: \(oracle.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
                try expectEqual(error.operation, refusal.operation, "operation")
            }
        }
    }

    runner.run("kernel error: daemon started twice") {
        _ = try? Shell.run(["ip", "link", "add", "ipvsdummy0", "type", "dummy"])
        _ = try? Shell.run(["ip", "link", "set", "ipvsdummy0", "up"])
        let daemon = SyncDaemon(state: .master, multicastInterface: "ipvsdummy0")
        try client.perform(.startDaemon(daemon))
        try expectKernelError(EEXIST, "second master") { try client.perform(.startDaemon(daemon)) }
        try stopRightAfterStarting(.master)
    }

    // On the VM's single CPU the daemon's kernel thread may not have run yet when it is stopped;
    // kthread_stop then reports -EINTR, for which netlink sends no ack at all. The library must
    // report that (as EINTR) instead of waiting forever, and the daemon must be gone either way.
    runner.run("stop a daemon right after starting it: no hang, daemon gone") {
        _ = try? Shell.run(["ip", "link", "add", "ipvsdummy0", "type", "dummy"])
        _ = try? Shell.run(["ip", "link", "set", "ipvsdummy0", "up"])
        for state in [SyncDaemonState.master, .backup] {
            try client.perform(.startDaemon(SyncDaemon(state: state, multicastInterface: "ipvsdummy0")))
            try stopRightAfterStarting(state)
        }
    }

    /// Stops a daemon; success or EINTR (see above) are both fine as long as it is gone.
    func stopRightAfterStarting(_ state: SyncDaemonState) throws {
        do {
            try client.perform(.stopDaemon(state))
        } catch let error as KernelError where error.errno == EINTR {
            print("    (stopping the \(state) daemon answered EINTR without an ack)")
        }
        try expect(try client.daemons().allSatisfy { $0.state != state }, "the \(state) daemon still runs")
        try expectEqual(try Oracle.must(["-L", "--daemon"]), "", "oracle's daemon listing")
    }
}
