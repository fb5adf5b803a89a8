// swift-tools-version:6.0
import PackageDescription

// No package dependencies: the toolchain and Debian's libyaml only.
let package = Package(
    name: "tkgauth",
    products: [
        .executable(name: "tkgauth", targets: ["tkgauth"])
    ],
    targets: [
        // libyaml from the system (apt: libyaml-dev).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // Our YAML layer: nodes with marks, a bounded parser, one quoting decision on output.
        .target(name: "TKGYAML", dependencies: ["CYAML"]),
        // The pure core: site file -> model -> validated -> rendered documents -> plan.
        .target(
            name: "TKGAuthKit",
            dependencies: ["TKGYAML"],
            resources: [.embedInCode("Templates")]
        ),
        // The edge: arguments, commands, files, exit codes.
        .target(name: "TKGAuthCLI", dependencies: ["TKGAuthKit", "TKGYAML"]),
        .executableTarget(name: "tkgauth", dependencies: ["TKGAuthCLI"]),
        // Test helpers: running the independent Python checkers in Tests/Support.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TKGYAMLTests", dependencies: ["TKGYAML", "TestSupport"]),
        .testTarget(name: "TKGAuthKitTests", dependencies: ["TKGAuthKit", "TKGYAML", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TKGAuthCLITests", dependencies: ["TKGAuthCLI", "TKGAuthKit", "TestSupport"]),
    ]
)
