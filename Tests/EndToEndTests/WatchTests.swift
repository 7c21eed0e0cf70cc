import Foundation
import Testing

/// `followup watch` run as a user runs it: a subprocess whose lines are read as they come.
@Suite("followup watch")
struct WatchTests {
    @Test func aSaveTriggersExactlyOneRegeneration() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note(company: "Acme"))
        let watch = try Watching(vault.url)
        try watch.waitUntilWatching()
        #expect(try vault.read("NEXT.md").contains("Acme"), "NEXT.md is written at the start")

        let saved = ContinuousClock.now
        try vault.write("acme.md", note(company: "Acme Rockets"))
        let line = try #require(watch.line(within: .seconds(1)), "a regeneration within a second of the save")
        let latency = ContinuousClock.now - saved
        #expect(line.hasSuffix("NEXT.md: written, 2 actions (1 overdue) (after acme.md)"))
        #expect(try vault.read("NEXT.md").contains("Acme Rockets"))
        #expect(watch.line(within: .milliseconds(800)) == nil, "one save, one regeneration")
        print("watch: regenerated \(latency) after an in-place save")

        #expect(try watch.interrupt() == 0)
        #expect(watch.remainingOutput().contains("stopped"))
    }

    @Test func aSaveByRenameTriggersExactlyOneRegeneration() throws {
        let vault = try TemporaryFolder()
        try vault.write("notes/acme.md", note(company: "Acme"))
        let watch = try Watching(vault.url)
        try watch.waitUntilWatching()

        // What editors that save safely do: write a hidden temporary file, then rename it over the note.
        let saved = ContinuousClock.now
        try vault.write("notes/.acme.md.swp", note(company: "Acme Renamed"))
        #expect(
            rename(
                vault.url.appendingPathComponent("notes/.acme.md.swp").path,
                vault.url.appendingPathComponent("notes/acme.md").path) == 0)
        let line = try #require(watch.line(within: .seconds(1)))
        let latency = ContinuousClock.now - saved
        #expect(line.contains("NEXT.md: written"))
        #expect(line.hasSuffix("(after notes/acme.md)"))
        #expect(try vault.read("NEXT.md").contains("Acme Renamed"))
        #expect(watch.line(within: .milliseconds(800)) == nil, "one save, one regeneration")
        print("watch: regenerated \(latency) after a save by rename")
        #expect(try watch.interrupt() == 0)
    }

    @Test func otherFilesAndNextItselfDoNotTriggerButNewFoldersDo() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note(company: "Acme"))
        let watch = try Watching(vault.url)
        try watch.waitUntilWatching()

        try vault.write("todo.txt", "not a note")
        try vault.write(".obsidian/workspace.md", "hidden")
        try vault.write("NEXT.md", try vault.read("NEXT.md"))
        #expect(watch.line(within: .milliseconds(700)) == nil, "nothing that matters changed")

        // A folder made after the watch started is watched too.
        try vault.write("2027/january/zeta.md", note(company: "Zeta"))
        let line = try #require(watch.line(within: .seconds(1)))
        #expect(line.contains("NEXT.md: written"))
        #expect(try vault.read("NEXT.md").contains("Zeta"))
        _ = watch.line(within: .milliseconds(300))
        try vault.write("2027/january/zeta.md", note(company: "Zeta Two"))
        #expect(try #require(watch.line(within: .seconds(1))).hasSuffix("(after 2027/january/zeta.md)"))

        // Deleting a note is a change too.
        try FileManager.default.removeItem(at: vault.url.appendingPathComponent("acme.md"))
        #expect(try #require(watch.line(within: .seconds(1))).hasSuffix("(after acme.md)"))
        #expect(!(try vault.read("NEXT.md")).contains("Acme"))
        #expect(try watch.interrupt() == 0)
    }

    @Test func aMalformedNoteIsReportedAndWatchingGoesOn() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note(company: "Acme"))
        let watch = try Watching(vault.url)
        try watch.waitUntilWatching()
        try vault.write("bad.md", "---\ncompany: Bad\ndate: 2026-02-30\n---\n")
        let line = try #require(watch.line(within: .seconds(1)))
        #expect(line.contains("1 note with errors"))
        #expect(try watch.interrupt() == 0)
        #expect(watch.errors().contains("bad.md:3:7: `date: 2026-02-30` is not a real day"))
    }

    @Test func aMissingVaultExitsTwo() throws {
        let result = try Followup.run(["watch", "/nonexistent/vault"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/vault: can't read the vault"))
    }

    @Test func watchingSleepsInsteadOfPolling() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note())
        let watch = try Watching(vault.url)
        try watch.waitUntilWatching()
        let before = try watch.cpuTicks()
        Thread.sleep(forTimeInterval: 1)
        let used = try watch.cpuTicks() - before
        // Clock ticks are hundredths of a second: a polling loop would use most of the second.
        #expect(used <= 2, "watch used \(used) ticks of CPU in a quiet second")
        #expect(try watch.interrupt() == 0)
    }
}

/// A running `followup watch`, with its standard output read line by line.
final class Watching {
    let process = Process()
    private let out = Pipe()
    private let err = Pipe()
    private var buffer: [UInt8] = []
    private var errorOutput: ReadInBackground!

    init(_ vault: URL) throws {
        process.executableURL = Followup.binary
        process.arguments = ["watch", "--today", "2026-11-21", vault.path]
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        errorOutput = ReadInBackground(err.fileHandleForReading)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Reads lines until the one that says it is watching.
    func waitUntilWatching() throws {
        while let line = line(within: .seconds(10)) {
            if line.hasPrefix("watching ") { return }
        }
        Issue.record("followup watch never said it was watching")
        throw CancellationError()
    }

    /// The next line, or `nil` if none comes within `limit`.
    func line(within limit: Duration) -> String? {
        let deadline = ContinuousClock.now + limit
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return nil }
            let (seconds, attoseconds) = left.components
            var descriptor = pollfd(fd: out.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor.fd, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Sends SIGINT, as Ctrl-C does, and returns the exit status.
    func interrupt() throws -> Int32 {
        kill(process.processIdentifier, SIGINT)
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            Issue.record("followup watch did not stop within 5 seconds of SIGINT")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "it exits, rather than being killed by the signal")
        return process.terminationStatus
    }

    /// What is left on standard output once the process has ended.
    func remainingOutput() -> String {
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: buffer + rest, as: UTF8.self)
    }

    /// Standard error, once the process has ended.
    func errors() -> String {
        String(decoding: errorOutput.wait(), as: UTF8.self)
    }

    /// CPU time used so far (user plus system), in clock ticks, from /proc.
    func cpuTicks() throws -> Int {
        let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
        // Fields after the command name in parentheses; utime and stime are the 14th and 15th fields.
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        return Int(fields[11])! + Int(fields[12])!
    }
}
