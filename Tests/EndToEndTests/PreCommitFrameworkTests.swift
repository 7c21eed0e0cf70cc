import Foundation
import Testing

/// The real pre-commit framework (from PyPI; `make test` installs it) running this repository's
/// `.pre-commit-hooks.yaml` with `pre-commit try-repo`, as a notes repository would.
@Suite("The pre-commit framework hook")
struct PreCommitFrameworkTests {
    /// `pre-commit` on PATH, or in the virtual environment scripts/ensure-deps falls back to.
    static let preCommit: String? = Programs.find(
        "pre-commit", extraFolders: [Followup.packageRoot.appendingPathComponent(".build/pre-commit/bin").path])

    @Test func firstRunWritesNextAndFailsTheSecondPasses() throws {
        let preCommit = try #require(
            Self.preCommit, "pre-commit is not installed: run `make test` (scripts/ensure-deps test)")
        let notes = try GitRepository()
        try notes.write("interviews/Acme – onsite.md", note(company: "Acme"))
        try notes.run(["add", "-A"])
        let cache = try TemporaryFolder()
        // pre-commit runs `followup` from PATH (`language: system`): this build's binary.
        let path =
            Followup.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let environment = Programs.environment(["PATH": path, "PRE_COMMIT_HOME": cache.url.path])
        func tryRepo() throws -> Followup.Result {
            try Programs.run(
                preCommit, ["try-repo", Followup.packageRoot.path, "followup", "--all-files"], in: notes.url,
                environment: environment)
        }

        let first = try tryRepo()
        #expect(
            first.status == 1,
            "the fixer fails when it changed NEXT.md (try-repo reads .pre-commit-hooks.yaml as committed or staged): \(first.stdout) \(first.stderr)"
        )
        #expect(first.stdout.contains("followup (regenerate NEXT.md)"))
        #expect(first.stdout.contains("Failed"))
        #expect(first.stdout.contains("NEXT.md: written"))
        #expect(notes.exists("NEXT.md"))
        #expect(try notes.read("NEXT.md").contains("Send a thank-you note to Ada Lovelace"))

        let second = try tryRepo()
        #expect(second.status == 0, "\(second.stdout) \(second.stderr)")
        #expect(second.stdout.contains("Passed"))

        // A malformed note fails the hook with the file, line and column.
        try notes.write("interviews/broken.md", "---\ncompany: Broken\ndate: 2026-13-01\n---\n")
        try notes.run(["add", "-A"])
        let broken = try tryRepo()
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("interviews/broken.md:3:7: `date: 2026-13-01` is not a real day"))
    }

    @Test func theManifestDeclaresAFixerThatRunsOnceOnMarkdown() throws {
        let manifest = try String(
            contentsOf: Followup.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        #expect(manifest.contains("- id: followup\n"))
        #expect(manifest.contains("entry: followup generate --fail-on-change\n"))
        #expect(manifest.contains("pass_filenames: false\n"))
        #expect(manifest.contains("files: \\.md$\n"))
        #expect(manifest.contains("language: system\n"))
    }
}
