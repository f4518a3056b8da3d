// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ipvsadm-swift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ipvsadm", targets: ["ipvsadm"]),
        .executable(name: "ipvs-sim", targets: ["ipvs-sim"]),
        .executable(name: "ipvsadm-realserver", targets: ["ipvsadm-realserver"]),
        .executable(name: "ipvsadm-rules", targets: ["ipvsadm-rules"]),
        .library(name: "IPVSCore", targets: ["IPVSCore"]),
        .library(name: "IPVSSchedulers", targets: ["IPVSSchedulers"]),
        // For the benchmark package under Benchmarks/.
        .library(name: "IPVSSimulation", targets: ["IPVSSimulation"]),
        // For the fuzz targets under Fuzz/ (the reply decoder without a socket) and Benchmarks/'s ipvs-floor.
        .library(name: "IPVSNetlink", targets: ["IPVSNetlink"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libnl-3 / libnl-genl-3, found through pkg-config.
        .systemLibrary(
            name: "CLibNL",
            pkgConfig: "libnl-genl-3.0",
            providers: [.apt(["libnl-3-dev", "libnl-genl-3-dev"])]
        ),
        // Marshals IPVS generic-netlink messages to and from plain C structs; no policy.
        .target(name: "CIPVSShim", dependencies: ["CLibNL"]),
        // The pure core: model, grammar, formatting, the client protocol. No I/O.
        .target(name: "IPVSCore"),
        // The kernel-backed IPVSClient.
        .target(name: "IPVSNetlink", dependencies: ["IPVSCore", "CIPVSShim"]),
        // The kernel's schedulers, in pure Swift.
        .target(name: "IPVSSchedulers"),
        // The system's edges for the core: name lookups through the C library.
        .target(name: "IPVSSystem", dependencies: ["IPVSCore"]),
        .executableTarget(name: "ipvsadm", dependencies: ["IPVSCore", "IPVSNetlink", "IPVSSystem"]),
        // The simulator's engine: a whole director's table on top of the scheduler library.
        .target(name: "IPVSSimulation", dependencies: ["IPVSCore", "IPVSSchedulers"]),
        .executableTarget(
            name: "ipvs-sim",
            dependencies: [
                "IPVSCore", "IPVSSimulation", "IPVSSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A DR/TUN real server's VIP and ARP settings: the plan (pure) and the command that applies it.
        .target(name: "IPVSRealServer", dependencies: ["IPVSCore"]),
        .executableTarget(
            name: "ipvsadm-realserver",
            dependencies: [
                "IPVSCore", "IPVSRealServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Rule files: check, fmt, diff, apply. The rules are IPVSCore's RuleSet/; this is the edge.
        .executableTarget(
            name: "ipvsadm-rules",
            dependencies: [
                "IPVSCore", "IPVSNetlink", "IPVSSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Library-level checks against a real kernel; run inside the VM test bed by Scripts/test.
        .executableTarget(name: "ipvs-kernel-tests", dependencies: ["IPVSCore", "IPVSNetlink"]),
        // FormatGolden/ and RuleSetGolden/ hold outputs recorded from ipvsadm 1.31 and their recording scripts, read at test time.
        .testTarget(name: "IPVSCoreTests", dependencies: ["IPVSCore"], exclude: ["FormatGolden", "RuleSetGolden"]),
        .testTarget(name: "IPVSSchedulersTests", dependencies: ["IPVSSchedulers"]),
        .testTarget(name: "IPVSSimulationTests", dependencies: ["IPVSCore", "IPVSSimulation"]),
        .testTarget(name: "IPVSRealServerTests", dependencies: ["IPVSRealServer", "IPVSCore"]),
        .testTarget(name: "IPVSNetlinkTests", dependencies: ["IPVSNetlink", "IPVSCore", "CIPVSShim"]),
    ],
    swiftLanguageModes: [.v6]
)
