// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "followup",
    products: [
        .executable(name: "followup", targets: ["followup"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), found with pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // A per-thread bump allocator in C, for cmark's allocator hooks: a note's parse is given
        // back at once instead of node by node (malloc and free were a third of cmark's time).
        .target(name: "CArena"),
        // The only module that sees the C API: bytes in, Swift values out.
        .target(name: "Markdown", dependencies: ["CCmark", "CArena"]),
        // libyaml from the system (Debian: libyaml-dev): the parser behind front matter. `make`
        // builds link a copy of its static library whose allocations go to CArena instead.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The only module that sees libyaml's C API: its events assembled into Swift values. libyaml
        // allocates from a per-thread arena where the build links it so (scripts/libyaml-arena).
        .target(name: "YAML", dependencies: ["CLibYAML", "CArena"]),
        // Notes, dates, rules and the plan: no file system, no clock, no terminal.
        .target(
            name: "FollowupCore",
            dependencies: ["Markdown", "YAML"]
        ),
        // The vault on disk: finding notes, reading them, writing NEXT.md atomically; running vaults in
        // parallel, watching them with inotify, and diffing NEXT.md with the system diff.
        .target(name: "Vault", dependencies: ["FollowupCore"]),
        // A notes repository in git: the staged notes, the pre-commit hook.
        .target(name: "Git", dependencies: ["FollowupCore", "Vault"]),
        .executableTarget(
            name: "followup",
            dependencies: [
                "FollowupCore", "Vault", "Git", "CArena",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // One note's bytes through the whole pipeline with every output's promises checked: what
        // the fuzz target runs on each input and the fuzz regression tests run on each saved crash.
        .target(name: "FuzzHarness", dependencies: ["FollowupCore", "Markdown"]),
        // The libFuzzer target (`make fuzz` builds it with -sanitize=fuzzer); built plainly, it
        // replays the inputs it is given.
        .executableTarget(name: "FollowupFuzz", dependencies: ["FuzzHarness"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CArena"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "CArena"]),
        .testTarget(name: "FollowupCoreTests", dependencies: ["FollowupCore"]),
        .testTarget(name: "VaultTests", dependencies: ["Vault"]),
        .testTarget(name: "GitTests", dependencies: ["Git"]),
        .testTarget(name: "EndToEndTests", dependencies: ["followup"]),
        // Every CommonMark spec example as a note body, checked against cmark's own C API.
        .testTarget(
            name: "CommonMarkCorpusTests", dependencies: ["CCmark", "Markdown", "FollowupCore", "FuzzHarness"]),
        // The inputs are read from the source tree by path, not bundled.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzHarness", "FollowupCore"], exclude: ["Inputs"]),
    ]
)
