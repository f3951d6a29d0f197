// swift-tools-version:6.1
// SPDX-License-Identifier: Apache-2.0
import PackageDescription

// libFuzzer target for the SIP parser, framer and the SDP parser. Build and run: docs/fuzzing.md.
let package = Package(
    name: "SwitchboardFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Switchboard", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "SIPParserFuzzer",
            dependencies: [
                "CLibFuzzer",
                .product(name: "SIP", package: "Switchboard"),
                .product(name: "SDP", package: "Switchboard"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        )
    ],
    swiftLanguageModes: [.v5]
)
