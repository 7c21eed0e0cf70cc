import Foundation
import Testing

@testable import Git

@Suite("The pre-commit hook script")
struct PreCommitHookTests {
    @Test func quotesEveryPathForTheShell() {
        #expect(PreCommitHook.shellQuoted("notes") == "'notes'")
        #expect(PreCommitHook.shellQuoted("it's $HOME `x`") == "'it'\\''s $HOME `x`'")
    }

    @Test func recognisesItsOwnHookOnly() {
        #expect(PreCommitHook.isFollowups(Array(PreCommitHook.script(binary: "/bin/followup", vault: "").utf8)))
        #expect(!PreCommitHook.isFollowups(Array("#!/bin/sh\nexec pre-commit run\n".utf8)))
        #expect(!PreCommitHook.isFollowups(Array("#!/bin/sh\n\n\n\n\n\n# followup pre-commit hook.\n".utf8)))
    }

    /// The script runs under every POSIX shell at hand (dash is Debian's /bin/sh; bash in POSIX
    /// mode), and passes the binary and the vault through unchanged, whatever characters they have.
    @Test(arguments: [["/bin/dash"], ["/bin/bash", "--posix"]])
    func runsUnderAPosixShell(_ shell: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("followup-hook-\(UUID())")
        let hooks = folder.appendingPathComponent("hooks dir")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A stand-in for followup that prints its arguments one per line.
        let binary = folder.appendingPathComponent("bin with 'quotes' & $dollars/followup")
        try FileManager.default.createDirectory(
            at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n", to: binary)
        let vault = "job search/Zürich's \"notes\" $(rm -rf /)"
        let hook = hooks.appendingPathComponent("pre-commit")
        try write(PreCommitHook.script(binary: binary.path, vault: vault), to: hook)
        // A chained hook runs first, with the hook's arguments.
        try write("#!/bin/sh\necho \"chained $#\"\n", to: hooks.appendingPathComponent(PreCommitHook.chainedName))

        let syntax = try run(shell + ["-n", hook.path])
        #expect(syntax.status == 0, "\(syntax.output)")
        let result = try run(shell + [hook.path])
        #expect(result.status == 0)
        #expect(result.output == "chained 0\nhook\nrun\n--vault=\(vault)\n")

        // A failing chained hook stops followup's with its exit status.
        try write("#!/bin/sh\nexit 7\n", to: hooks.appendingPathComponent(PreCommitHook.chainedName))
        let stopped = try run(shell + [hook.path])
        #expect(stopped.status == 7)
        #expect(stopped.output == "")
    }

    /// Writes a script with close-on-exec, so no process that other tests start at the same moment
    /// keeps it open for writing (which would make running it fail with "Text file busy").
    private func write(_ text: String, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let bytes = Array(text.utf8)
        try #require(bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
        close(descriptor)
        chmod(url.path, 0o755)
    }

    /// Runs a command; a run refused with ETXTBSY (a process another test was starting still had
    /// the script open for a moment) is tried again, as a shell user would.
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        for _ in 0..<10 {
            let result = try runOnce(arguments)
            guard result.status == 126, result.output.contains("Text file busy") else { return result }
            usleep(50_000)
        }
        return try runOnce(arguments)
    }

    private func runOnce(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
