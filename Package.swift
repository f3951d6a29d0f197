// swift-tools-version:6.1
// SPDX-License-Identifier: Apache-2.0
import PackageDescription

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "SIP", targets: ["SIP"]),
        .library(name: "SDP", targets: ["SDP"]),
        .library(name: "Dialplan", targets: ["Dialplan"]),
        .library(name: "PBX", targets: ["PBX"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System libraries (module maps); each is used for real work, see ARCHITECTURE.md.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // glibc's malloc_trim, which the Glibc module does not export.
        .target(name: "CAllocator"),
        .systemLibrary(
            name: "CSpeexDSP",
            pkgConfig: "speexdsp",
            providers: [.apt(["libspeexdsp-dev"])]
        ),

        // Protocol values: no sockets.
        .target(
            name: "SIP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                "COpenSSL",
            ]
        ),
        .target(
            name: "SDP",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),

        // Networking and the SIP stack.
        .target(
            name: "SIPTransport",
            dependencies: [
                "SIP",
                "COpenSSL",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SIPStack",
            dependencies: [
                "SIP",
                "SIPTransport",
                "CAllocator",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Media",
            dependencies: [
                "SDP",
                "CSpeexDSP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Dialplan",
            dependencies: ["SIP", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "Store",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PBX",
            dependencies: [
                "SIP", "SDP", "SIPTransport", "SIPStack", "Media", "Dialplan", "Store",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "PBX", "Store", "SIP", "Dialplan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Tests: one target per module, plus interop tests that drive the real binary with real peers.
        .testTarget(name: "SIPTests", dependencies: ["SIP"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SDPTests", dependencies: ["SDP"]),
        .testTarget(name: "SIPTransportTests", dependencies: ["SIPTransport", "ProcessTestSupport"]),
        .testTarget(name: "SIPStackTests", dependencies: ["SIPStack"]),
        .testTarget(name: "StoreTests", dependencies: ["Store"]),
        .testTarget(name: "DialplanTests", dependencies: ["Dialplan"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MediaTests", dependencies: ["Media"]),
        .testTarget(name: "PBXTests", dependencies: ["PBX"]),
        // Peer programs (dnsmasq) that tests of several targets run beside them.
        .target(name: "ProcessTestSupport", path: "Tests/ProcessTestSupport"),
        .testTarget(
            name: "InteropTests", dependencies: ["switchboard", "SIP", "ProcessTestSupport"],
            resources: [.copy("sipp"), .copy("kamailio")]),
    ],
    swiftLanguageModes: [.v5]
)
