import Foundation
import Testing

/// Golden files: each folder under `Fixtures/` holds a `vault/`, an `args` file with the options
/// (such as `--today 2026-11-21`), and `expected/` with what the binary prints:
/// `NEXT.md` (generate --stdout), `plan.json` (list --json), `lint.txt` (lint) and `exit` (the exit
/// code of generate). `make fixtures` re-records them all; review the diff before committing.
@Suite("Golden fixtures")
struct FixtureTests {
    static let root = Followup.packageRoot.appendingPathComponent("Fixtures")
    static let recording = ProcessInfo.processInfo.environment["FOLLOWUP_RECORD"] == "1"

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 4, "Fixtures/ should hold the golden cases")
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        let generate = try Followup.run(["generate", "--stdout"] + args + ["vault"], in: folder)
        let list = try Followup.run(["list", "--json"] + args + ["vault"], in: folder)
        let lint = try Followup.run(["lint", "vault"], in: folder)
        #expect(list.status == generate.status, "list and generate agree on the exit code")
        #expect(lint.status == generate.status, "lint and generate agree on the exit code")
        try check(folder, "NEXT.md", generate.stdout)
        try check(folder, "plan.json", list.stdout)
        try check(folder, "lint.txt", lint.stdout)
        try check(folder, "exit", "\(generate.status)\n")
    }

    private func check(_ folder: URL, _ file: String, _ actual: String) throws {
        let expected = folder.appendingPathComponent("expected").appendingPathComponent(file)
        if Self.recording {
            try FileManager.default.createDirectory(
                at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expected)
            return
        }
        let golden = try String(contentsOf: expected, encoding: .utf8)
        #expect(actual == golden, "\(folder.lastPathComponent)/expected/\(file) differs; run `make fixtures` and review the diff")
    }
}
