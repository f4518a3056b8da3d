// swift-tools-version: 6.1
// Benchmarks of the scheduler library and the simulator, and ipvs-floor for Scripts/bench. A package of its own so that the root
// package's `swift build` and CI never build it:
//   swift run -c release --scratch-path .build ipvs-bench            (from Benchmarks/)
// Docs/performance.md has the figures and how they were taken.
import PackageDescription

let package = Package(
    name: "ipvsadm-swift-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ipvsadm-swift", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ipvs-bench",
            dependencies: [
                .product(name: "IPVSSchedulers", package: "ipvsadm-swift"),
                .product(name: "IPVSSimulation", package: "ipvsadm-swift"),
                .product(name: "IPVSCore", package: "ipvsadm-swift"),
            ]
        ),
        // The kernel's own cost of a restore and a listing, as a floor for Scripts/bench.
        .executableTarget(
            name: "ipvs-floor",
            dependencies: [
                .product(name: "IPVSCore", package: "ipvsadm-swift"),
                .product(name: "IPVSNetlink", package: "ipvsadm-swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
