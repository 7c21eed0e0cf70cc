import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// followup never writes a note, and never leaves NEXT.md half written: checked on the built
/// binary with every command, with system-call traces, with SIGKILL at random moments, and on a
/// real full disk and a real read-only file system.
@Suite("Nothing lost")
struct NothingLostTests {
    static let today = ["--today", "2026-11-21"]

    /// Every command, in the vault's own folder (the vault argument is ".").
    static let commands: [[String]] = [
        today,
        ["generate"] + today,
        ["generate", "--force", "--ics"] + today,
        ["generate", "--stdout"] + today,
        ["list"] + today,
        ["list", "--json"] + today,
        ["lint"],
        ["draft"] + today,
        ["draft", "--json", "--kind", "thank-you"] + today,
        ["ics"] + today,
        ["ics", "-o", "calendar.ics"] + today,
        ["templates"],
        ["templates", "--init"],
        ["check"] + today,
        ["generate", "--jobs", "1", "--fail-on-change"] + today,
        ["generate", "--recursive", "."] + today,
        // Runs until interrupted: a note is added to make it regenerate, then it gets SIGINT.
        ["watch"] + today,
        // These three run in a git repository with the notes committed.
        ["hook", "install"],
        ["hook", "run"] + today,
        ["hook", "uninstall"],
    ]

    /// A vault with drafts (emails, so NEXT.md has mailto links), broken notes, its own templates,
    /// and every note read-only.
    static func makeVault() throws -> TemporaryFolder {
        let vault = try TemporaryFolder()
        let manager = FileManager.default
        for fixture in ["drafts/vault", "problems/vault/notes"] {
            let source = FixtureTests.root.appendingPathComponent(fixture)
            for name in try manager.contentsOfDirectory(atPath: source.path) {
                try manager.copyItem(
                    at: source.appendingPathComponent(name),
                    to: vault.url.appendingPathComponent(fixture.hasPrefix("problems") ? "problems-\(name)" : name))
            }
        }
        try manager.copyItem(
            at: FixtureTests.root.appendingPathComponent("templates/vault/.followup"),
            to: vault.url.appendingPathComponent(".followup"))
        try vault.write("sub/deeper/crlf.md", note(company: "Deep Co").replacingOccurrences(of: "\n", with: "\r\n"))
        for file in try noteFiles(in: vault.url) { chmod(vault.url.appendingPathComponent(file).path, 0o444) }
        return vault
    }

    /// Every `.md` under the vault except NEXT.md, relative to it.
    static func noteFiles(in vault: URL) throws -> [String] {
        let all = FileManager.default.enumerator(atPath: vault.path)?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".md") && $0 != "NEXT.md" }.sorted()
    }

    /// What a note is on disk: its bytes and everything `stat` says that a write would change.
    struct Snapshot: Equatable {
        var bytes: Data
        var inode: UInt
        var mode: UInt32
        var size: Int
        var modified: Int
        var modifiedNanoseconds: Int
        var changed: Int
        var changedNanoseconds: Int
    }

    static func snapshot(_ vault: URL) throws -> [String: Snapshot] {
        var snapshots: [String: Snapshot] = [:]
        for file in try noteFiles(in: vault) {
            let path = vault.appendingPathComponent(file).path
            var info = stat()
            #expect(lstat(path, &info) == 0)
            snapshots[file] = Snapshot(
                bytes: try Data(contentsOf: URL(fileURLWithPath: path)), inode: UInt(info.st_ino),
                mode: info.st_mode, size: Int(info.st_size), modified: info.st_mtim.tv_sec,
                modifiedNanoseconds: info.st_mtim.tv_nsec, changed: info.st_ctim.tv_sec,
                changedNanoseconds: info.st_ctim.tv_nsec)
        }
        return snapshots
    }

    /// The system calls that could change a file. Opening is allowed only read-only.
    static let tracedCalls =
        "open,openat,openat2,creat,truncate,ftruncate,rename,renameat,renameat2,unlink,unlinkat,link,linkat,"
        + "symlink,symlinkat,chmod,fchmodat,chown,fchownat,lchown,utimes,utimensat,setxattr,lsetxattr,removexattr"

    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(arguments: commands)
    func noCommandWritesANote(_ arguments: [String]) throws {
        let vault = try Self.makeVault()
        let notes = try Self.noteFiles(in: vault.url)
        #expect(notes.count >= 15)
        let trace = vault.url.appendingPathComponent(".trace").path
        let strace = try #require(Self.strace, "strace is needed (scripts/ensure-deps test installs it)")
        if arguments.first == "hook" {
            let commit = ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", "notes"]
            for git in [["init", "-q"], ["add", "."], commit] {
                #expect(Self.run("/usr/bin/git", in: vault.url, git) == 0, "git \(git)")
            }
            if arguments.dropFirst().first != "install" {
                #expect(Self.run(Followup.binary.path, in: vault.url, ["hook", "install"]) == 0)
            }
        }
        if arguments.contains("--recursive") {
            // --recursive regenerates only vaults whose NEXT.md followup generated.
            #expect(Self.run(Followup.binary.path, in: vault.url, ["generate"] + Self.today) == 1)
        }
        let before = try Self.snapshot(vault.url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments =
            ["-f", "-qq", "-e", "trace=\(Self.tracedCalls)", "-o", trace, Followup.binary.path] + arguments
        process.currentDirectoryURL = vault.url
        // LeakSanitizer cannot run under ptrace: a traced binary built for make asan would
        // report a fatal error of its own at exit.
        var environment = ProcessInfo.processInfo.environment
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if arguments.first == "watch" {
            usleep(1_500_000)
            try vault.write("added.md", note(company: "Added Co"))
            usleep(1_500_000)
            // strace itself ignores SIGINT while it runs a command: interrupt the traced followup.
            let children = "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children"
            let traced = (try? String(contentsOfFile: children, encoding: .utf8))?.split(separator: " ")
            #expect(traced?.count == 1)
            for pid in traced ?? [] { kill(pid_t(pid) ?? 0, SIGINT) }
        }
        process.waitUntilExit()
        #expect([0, 1].contains(process.terminationStatus), "\(arguments): exit \(process.terminationStatus)")
        if arguments.first == "watch" {
            #expect(try vault.read("NEXT.md").contains("Added Co"), "watch regenerated NEXT.md")
        }
        #expect(try Self.snapshot(vault.url).filter { before[$0.key] != nil } == before, "\(arguments) changed a note")

        // Every system call that names a note: read-only opens, and nothing else.
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        var readOnlyOpens = 0
        for line in lines {
            let paths = line.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            let named = paths.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }.filter(notes.contains)
            guard !named.isEmpty else { continue }
            let isOpen = line.contains("open(") || line.contains("openat(") || line.contains("openat2(")
            let writes = ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND"].filter { line.contains($0) }
            #expect(isOpen && writes.isEmpty, "\(arguments): \(line)")
            if isOpen && writes.isEmpty && line.contains("O_RDONLY") { readOnlyOpens += 1 }
        }
        // The trace really saw the notes being read (templates and the hook installer never read
        // them; the hook reads the staged notes from git's index, not the files).
        if arguments.first != "templates", arguments.first != "hook" {
            #expect(
                readOnlyOpens >= notes.count, "\(arguments): \(readOnlyOpens) read-only opens in \(lines.count) lines")
        }
    }

    // MARK: NEXT.md is old or new, never partial

    /// Kills `generate` with SIGKILL over and over, half the time just as the temporary NEXT.md
    /// appears (that is, while it is being written and renamed), half at any moment of the run.
    /// After each kill NEXT.md is byte for byte the previous one or the complete new one.
    static let killRounds = 24

    @Test func nextIsTheOldOrTheNewOneWhateverMomentTheProcessIsKilled() throws {
        let vault = try TemporaryFolder()
        // Some 4,000 actions: a NEXT.md of about a megabyte, so writing it takes a while.
        let items = (0..<40).map { "- [ ] Send Ada part \($0) of the design by Friday" }.joined(separator: "\n")
        for index in 0..<100 {
            try vault.write(
                "notes/\(index).md",
                note(company: "Company \(index)", interviewers: "[Ada Lovelace, Grace Hopper]", body: items + "\n"))
        }
        let new = try Followup.run(["generate", "--stdout", "--today", "2026-11-21", vault.url.path]).stdout
        let old = try Followup.run(["generate", "--stdout", "--today", "2026-11-20", vault.url.path]).stdout
        #expect(new != old && new.utf8.count > 500_000)
        let next = vault.url.appendingPathComponent("NEXT.md")

        // How long one whole run takes.
        try Data(old.utf8).write(to: next)
        let start = ContinuousClock.now
        let full = try Followup.run(["generate", "--today", "2026-11-21", vault.url.path])
        let whole = start.duration(to: .now)
        #expect(full.status == 0)
        #expect(try Data(contentsOf: next) == Data(new.utf8))

        var outcomes = (old: 0, new: 0, whileWriting: 0)
        for round in 0..<Self.killRounds {
            try Data(old.utf8).write(to: next)
            let process = Process()
            process.executableURL = Followup.binary
            process.arguments = ["generate", "--today", "2026-11-21", vault.url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if round % 2 == 0 {
                // Wait for the temporary file, then kill within the next few milliseconds.
                let deadline = ContinuousClock.now + whole * 3 + .seconds(5)
                while process.isRunning, ContinuousClock.now < deadline {
                    let entries = (try? FileManager.default.contentsOfDirectory(atPath: vault.url.path)) ?? []
                    if entries.contains(where: { $0.hasPrefix(".NEXT.md.") }) {
                        usleep(UInt32.random(in: 0...3_000))
                        outcomes.whileWriting += 1
                        break
                    }
                }
            } else {
                usleep(
                    UInt32.random(
                        in:
                            0...UInt32(
                                whole.components.seconds * 1_000_000 + whole.components.attoseconds / 1_000_000_000_000)
                    ))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: next)
            if now == Data(old.utf8) {
                outcomes.old += 1
            } else if now == Data(new.utf8) {
                outcomes.new += 1
            } else {
                Issue.record("round \(round): NEXT.md is neither the old nor the new one (\(now.count) bytes)")
            }
            // A kill may leave the hidden temporary file behind; never anything else.
            let others = try FileManager.default.contentsOfDirectory(atPath: vault.url.path)
                .filter { $0 != "NEXT.md" && $0 != "notes" }
            #expect(others.allSatisfy { $0.hasPrefix(".NEXT.md.") && $0.hasSuffix(".tmp") }, "\(others)")
            for file in others { unlink(vault.url.appendingPathComponent(file).path) }
        }
        #expect(outcomes.whileWriting > 0, "some kills landed while NEXT.md was being written")
        #expect(outcomes.old + outcomes.new == Self.killRounds)
        print(
            "killed \(Self.killRounds) times (\(outcomes.whileWriting) while writing; run takes \(whole)): NEXT.md old \(outcomes.old), new \(outcomes.new)"
        )
    }

    // MARK: Real file-system failures (root only: they mount a small tmpfs)

    /// A tmpfs of `size` mounted on a new folder for `body`, then unmounted.
    static func withTmpfs(size: String, _ body: (URL) throws -> Void) throws {
        let folder = try TemporaryFolder()
        let mountPoint = folder.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        try #require(run("/bin/mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mountPoint.path) == 0)
        defer { _ = run("/bin/umount", mountPoint.path) }
        try body(mountPoint)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: String...) -> Int32 {
        run(executable, in: nil, arguments)
    }

    @discardableResult
    static func run(_ executable: String, in folder: URL?, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether this run may mount file systems: root, with the capability to use it.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let folder = try? TemporaryFolder() else { return false }
        guard run("/bin/mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", folder.url.path) == 0 else { return false }
        run("/bin/umount", folder.url.path)
        return true
    }()

    static let oldNext = "<!-- Generated by followup -->\nthe previous plan\n"

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
    func aFullDiskGivesAClearErrorAndKeepsTheOldNext() throws {
        try Self.withTmpfs(size: "64k") { disk in
            // A note of some 25 KB whose NEXT.md needs far more than the rest of the 64 KB.
            let items = (0..<1_000).map { "- [ ] Send Ada item \($0)" }.joined(separator: "\n")
            try Data(note(body: items + "\n").utf8).write(to: disk.appendingPathComponent("acme.md"))
            let next = try Followup.run(["generate", "--stdout", "--today", "2026-11-21", disk.path]).stdout
            #expect(next.utf8.count > 64 << 10)
            try Data(Self.oldNext.utf8).write(to: disk.appendingPathComponent("NEXT.md"))
            let result = try Followup.run(["generate", "--today", "2026-11-21", disk.path])
            #expect(result.status == 2)
            #expect(
                result.stderr.contains("NEXT.md: can't write: No space left on device; the previous file is unchanged"))
            #expect(try String(contentsOf: disk.appendingPathComponent("NEXT.md"), encoding: .utf8) == Self.oldNext)
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == ["NEXT.md", "acme.md"])
        }
    }

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
    func aReadOnlyFileSystemGivesAClearErrorAndKeepsTheOldNext() throws {
        try Self.withTmpfs(size: "1m") { disk in
            try Data(note().utf8).write(to: disk.appendingPathComponent("acme.md"))
            try Data(Self.oldNext.utf8).write(to: disk.appendingPathComponent("NEXT.md"))
            try #require(Self.run("/bin/mount", "-o", "remount,ro", disk.path) == 0)
            let result = try Followup.run(["generate", "--today", "2026-11-21", disk.path])
            #expect(result.status == 2)
            #expect(
                result.stderr.contains("NEXT.md: can't write: Read-only file system; the previous file is unchanged"))
            #expect(try String(contentsOf: disk.appendingPathComponent("NEXT.md"), encoding: .utf8) == Self.oldNext)
            // Reading still works: list plans from a read-only vault.
            let list = try Followup.run(["list", "--today", "2026-11-21", disk.path])
            #expect(list.status == 0)
            #expect(list.stdout.contains("Ada Lovelace"))
        }
    }
}
