import Foundation
import Testing

/// Golden files: each folder under `Fixtures/` holds a `vault/`, an `args` file with the options
/// (such as `--today 2026-11-21`), and `expected/` with what the binary prints:
/// `NEXT.md` (generate --stdout), `plan.json` (list --json), `lint.txt` (lint), `drafts.txt`
/// (draft), `NEXT.ics` (ics) and `exit` (the exit code of generate). `make fixtures` re-records
/// them all; review the diff before committing.
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
        let drafts = try Followup.run(["draft"] + args + ["vault"], in: folder)
        let calendar = try Followup.run(["ics"] + args + ["vault"], in: folder)
        #expect(list.status == generate.status, "list and generate agree on the exit code")
        #expect(lint.status == generate.status, "lint and generate agree on the exit code")
        #expect(drafts.status == generate.status, "draft and generate agree on the exit code")
        #expect(calendar.status == generate.status, "ics and generate agree on the exit code")
        try check(folder, "NEXT.md", generate.stdout)
        try check(folder, "plan.json", list.stdout)
        try check(folder, "lint.txt", lint.stdout)
        try check(folder, "drafts.txt", drafts.stdout)
        try check(folder, "NEXT.ics", calendar.stdout)
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
        #expect(
            actual == golden,
            "\(folder.lastPathComponent)/expected/\(file) differs; run `make fixtures` and review the diff")
    }
}

/// `vault-example/NEXT.md` and the README's copy of it are golden files too: the README must show
/// what `make run` really writes. Serialized: two of its tests rewrite README.md when recording.
@Suite("The example vault", .serialized)
struct ExampleTests {
    static let example = Followup.packageRoot.appendingPathComponent("vault-example")
    static let readme = Followup.packageRoot.appendingPathComponent("README.md")
    static let begin = "<!-- example:begin -->\n"
    static let end = "<!-- example:end -->\n"

    @Test func exampleNextIsWhatGenerateWrites() throws {
        let result = try Followup.run(["generate", "--stdout", "--today", "2026-11-21", Self.example.path])
        #expect(result.status == 0, "the example vault has no errors: \(result.stderr)")
        let file = Self.example.appendingPathComponent("NEXT.md")
        if FixtureTests.recording { try Data(result.stdout.utf8).write(to: file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == result.stdout, "run `make fixtures`")
    }

    @Test func readmeShowsTheExampleNext() throws {
        // While recording, the test above may not have written NEXT.md yet (tests run in
        // parallel), so take it from the binary itself.
        let next =
            FixtureTests.recording
            ? try Followup.run(["generate", "--stdout", "--today", "2026-11-21", Self.example.path]).stdout
            : try String(contentsOf: Self.example.appendingPathComponent("NEXT.md"), encoding: .utf8)
        let block = Self.begin + "```markdown\n" + next + "```\n" + Self.end
        var readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin))
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        if FixtureTests.recording {
            readme.replaceSubrange(start.lowerBound..<stop.upperBound, with: block)
            try Data(readme.utf8).write(to: Self.readme)
            return
        }
        #expect(String(readme[start.lowerBound..<stop.upperBound]) == block, "run `make fixtures`")
    }

    @Test func exampleHasAtLeastEightNotes() throws {
        let json = try Followup.run(["list", "--json", "--today", "2026-11-21", Self.example.path])
        let plan = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let actions = plan?["actions"] as? [[String: Any]] ?? []
        let notes = Set(actions.compactMap { $0["note"] as? String })
        let kinds = Set(actions.compactMap { $0["kind"] as? String })
        #expect(notes.count >= 8)
        #expect(kinds == ["thank-you", "deliverable", "task", "follow-up", "move-on", "reply-offer", "ask-feedback"])
    }

    /// The README's example draft is what `followup draft` prints for it.
    @Test func readmeShowsARealDraft() throws {
        let result = try Followup.run(["draft", "--today", "2026-11-21", "--to", "sofia", Self.example.path])
        #expect(result.status == 0)
        let begin = "<!-- draft:begin -->\n"
        let end = "<!-- draft:end -->\n"
        let block = begin + "```text\n" + result.stdout + "```\n" + end
        var readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        if FixtureTests.recording {
            readme.replaceSubrange(start.lowerBound..<stop.upperBound, with: block)
            try Data(readme.utf8).write(to: Self.readme)
            return
        }
        #expect(String(readme[start.lowerBound..<stop.upperBound]) == block, "run `make fixtures`")
    }
}
