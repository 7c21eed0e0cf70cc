import Foundation
import Testing

/// Notes are read on every core; the output must not depend on it.
@Suite("Parallel reading")
struct ParallelTests {
    @Test func outputIsByteIdenticalToTheSingleThreadedRun() throws {
        let vault = try TemporaryFolder()
        // The benchmark's own generator: seeded, so the same vault every time.
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = [
            "python3", Followup.packageRoot.appendingPathComponent("Benchmarks/make-vault.py").path, vault.url.path,
            "600",
        ]
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)

        let arguments = ["--today", "2026-11-21", vault.url.path]
        let single = try Followup.run(["generate", "--stdout", "--jobs", "1"] + arguments)
        #expect(single.status == 0)
        #expect(single.stdout.split(separator: "\n").count > 1000, "the vault plans many actions")
        for jobs in [nil, "2", "7"] {
            let parallel = try Followup.run(
                ["generate", "--stdout"] + (jobs.map { ["--jobs", $0] } ?? []) + arguments)
            #expect(parallel.stdout == single.stdout, "generate with --jobs \(jobs ?? "default")")
            let json = try Followup.run(["list", "--json"] + (jobs.map { ["--jobs", $0] } ?? []) + arguments)
            let singleJSON = try Followup.run(["list", "--json", "--jobs", "1"] + arguments)
            #expect(json.stdout == singleJSON.stdout, "list --json with --jobs \(jobs ?? "default")")
        }
    }

    @Test func jobsMustBePositive() throws {
        #expect(try Followup.run(["generate", "--jobs", "0"]).status == 2)
    }
}
