import ArgumentParser
import Foundation
import IPVSCore
import IPVSRealServer

@main
struct RealServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipvsadm-realserver",
        abstract: "Prepare a real server of an LVS-DR or LVS-TUN cluster: hold the VIP without answering ARP for it.",
        discussion: """
            start puts the VIP on an interface (a dummy ipvs0 unless --dev names one), sets
            arp_ignore=1 and arp_announce=2 on all and on that interface, and with --tunnel makes
            the tunnel device receive the director's packets (rp_filter loose on it, a fou port
            for GUE). It changes only what is missing and records what it changed, with the
            values it found, in a state file under --state-dir (one per VIP and network
            namespace); stop undoes exactly that. status lists each requirement and exits 3 when
            one is missing.
            """,
        subcommands: [Start.self, Stop.self, Status.self]
    )

    /// Ends the command with a message on stderr and `code`.
    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data("ipvsadm-realserver: \(message)\n".utf8))
        return ExitCode(code)
    }
}

struct SetupOptions: ParsableArguments {
    @ArgumentParser.Option(help: "The virtual IP address (IPv4 or IPv6).")
    var vip: String

    @ArgumentParser.Option(help: "The interface for the VIP (default: ipvs0, a dummy made for it; with --tunnel the tunnel device).")
    var dev: String?

    @ArgumentParser.Option(help: "Receive the director's tunnelled packets: ipip or gue.")
    var tunnel: TunnelKind?

    @ArgumentParser.Option(name: .customLong("tun-port"), help: "The GUE port (the director's --tun-port); with --tunnel gue.")
    var tunPort: String?

    @ArgumentParser.Option(help: "Where the state files go.")
    var stateDir: String = "/run/ipvsadm-realserver"

    enum TunnelKind: String, ExpressibleByArgument {
        case ipip, gue
    }

    func setup() throws(RealServerError) -> RealServerSetup {
        let vip = try RealServerSetup.parseVIP(self.vip)
        var tunnel: TunnelDecapsulation?
        switch self.tunnel {
        case nil, .ipip:
            if tunPort != nil { throw .tunnelPortWithoutGUE }
            if self.tunnel == .ipip { tunnel = .ipip(vip.family) }
        case .gue:
            guard let text = tunPort else { throw .guePortMissing }
            guard let port = UInt16(text), port > 0 else { throw .invalidPort(text) }
            tunnel = .gue(port: port, vip.family)
        }
        return try RealServerSetup(vip: vip, device: dev, tunnel: tunnel)
    }
}

/// Runs `body` with the setup the options name, the host and the setup's state file, turning our
/// errors into a message and exit status 1.
func reporting(
    _ options: SetupOptions, _ body: (RealServerSetup, HostEdge, StateStore) throws(RealServerError) -> Void
) throws {
    do {
        let setup = try options.setup()
        try body(setup, HostEdge(), StateStore(directory: options.stateDir, vip: setup.vip))
    } catch {
        throw RealServerCommand.fail(error.description)
    }
}

struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Put the VIP and the ARP (and tunnel) settings in place.")
    @OptionGroup var options: SetupOptions

    func run() throws {
        try reporting(options) { (setup, host, store) throws(RealServerError) in
            let observed = try host.observe(setup)
            let steps = try SetupPlan.start(setup, on: observed)
            var recorded = try store.load(for: setup) ?? []
            for step in steps {
                try host.apply(step)
                recorded.append(step)
                // Saved after every step: a failure half way still leaves stop a true record.
                try store.save(recorded)
                print("ipvsadm-realserver: \(step.summary)")
            }
            if steps.isEmpty {
                print("ipvsadm-realserver: \(setup.vipPrefix) on \(setup.device): already in place")
            }
        }
    }
}

struct Stop: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Undo what start changed, restoring the values it found.")
    @OptionGroup var options: SetupOptions

    func run() throws {
        try reporting(options) { (setup, host, store) throws(RealServerError) in
            guard let recorded = try store.load(for: setup) else {
                print("ipvsadm-realserver: nothing recorded for \(setup.vipPrefix) in this network namespace: nothing to undo")
                return
            }
            let plan = SetupPlan.stop(recorded: recorded, on: try host.observe(setup, recorded: recorded))
            for step in plan.steps {
                try host.apply(step)
                print("ipvsadm-realserver: \(step.summary)")
            }
            for note in plan.leftAlone {
                print("ipvsadm-realserver: \(note)")
            }
            try store.remove()
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Say which requirements are in place; exit 3 when one is missing.")
    @OptionGroup var options: SetupOptions

    func run() throws {
        var missing = 0
        try reporting(options) { (setup, host, store) throws(RealServerError) in
            for (requirement, inPlace) in SetupPlan.status(setup, on: try host.observe(setup)) {
                print("\(inPlace ? "ok     " : "missing") \(requirement.summary)")
                if !inPlace { missing += 1 }
            }
            let recorded = try store.load(for: setup)
            print("state: \(recorded.map { "\($0.count) change(s) recorded in \(store.path)" } ?? "nothing recorded (\(store.path))")")
        }
        if missing > 0 { throw ExitCode(3) }
    }
}
