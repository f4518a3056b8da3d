// swift-tools-version: 6.1
// libFuzzer targets for what comes from outside: ipvsadm's argv, `-R` input, rule files and the
// kernel's netlink replies. A package of its own so that the root package's `swift build` and
// `swift test` never build it; Scripts/fuzz builds it with the sanitizers and runs one target:
//   Scripts/fuzz TARGET SECONDS
// Docs/reliability.md has the figures.
import PackageDescription

let package = Package(
    name: "ipvsadm-swift-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ipvsadm-swift", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "fuzz-argv",
            dependencies: ["FuzzDriver", .product(name: "IPVSCore", package: "ipvsadm-swift")]
        ),
        .executableTarget(
            name: "fuzz-restore",
            dependencies: ["FuzzDriver", .product(name: "IPVSCore", package: "ipvsadm-swift")]
        ),
        .executableTarget(
            name: "fuzz-rules",
            dependencies: ["FuzzDriver", .product(name: "IPVSCore", package: "ipvsadm-swift")]
        ),
        .executableTarget(
            name: "fuzz-netlink",
            dependencies: [
                "FuzzDriver",
                .product(name: "IPVSCore", package: "ipvsadm-swift"),
                .product(name: "IPVSNetlink", package: "ipvsadm-swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
