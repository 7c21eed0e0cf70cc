import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Notes as editors, sync tools and template engines really leave them, each in a vault beside a
/// good note: the built binary must report a clear problem (file, line, message) or read the note,
/// always plan the good note, and stay within a few seconds and a few hundred MB doing it.
@Suite("Hostile notes")
struct HostileInputTests {
    /// What a hostile file must come to.
    enum Outcome: Sendable, CustomStringConvertible {
        /// Read and planned: an action for this company is in the plan, and the file has no error.
        case planned(company: String)
        /// Not an interview note: no action and no problem for it.
        case ignored
        /// Left out of the plan with an error at this line and column (when given) whose message
        /// contains this text.
        case error(line: Int?, column: Int?, containing: String)

        var description: String {
            switch self {
            case .planned(let company): "planned as \(company)"
            case .ignored: "ignored"
            case .error(_, _, let text): "an error: \(text)"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var outcome: Outcome
        /// Extra seconds allowed, for the cases that are big on purpose.
        var big = false

        var testDescription: String { "\(name): \(outcome)" }

        init(_ name: String, _ text: String, _ outcome: Outcome) {
            self.init(name, Array(text.utf8), outcome)
        }

        init(_ name: String, _ bytes: [UInt8], _ outcome: Outcome, big: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.outcome = outcome
            self.big = big
        }
    }

    static let goodNote = note(company: "Good Co", body: "## Next steps\n\n- Send Ada the deck\n")

    static func front(_ company: String, _ extra: String = "") -> String {
        "---\ncompany: \(company)\nrole: Engineer\ndate: 2026-11-18\ninterviewers: [Bo Brown]\n\(extra)---\n"
    }

    /// Seven lines of front matter, then a body whose line 9 has an unreadable due phrase: the
    /// warning's line shows that line endings were counted right.
    static let endingsNote = front("Endings Co", "timeline: 2 weeks\n") + "\n- [ ] Send Bo the deck due whenever\n"

    static let cases: [Case] = [
        Case("empty.md", "", .ignored),
        Case("front-matter-only.md", front("Front Co"), .planned(company: "Front Co")),
        Case(
            "front-matter-only-no-newline.md", "---\ncompany: Bare Co\ndate: 2026-11-18\n---",
            .planned(company: "Bare Co")),
        Case(
            "unterminated.md", "---\ncompany: Open Co\ndate: 2026-11-18\n\n# Notes\n",
            .error(line: 1, column: 1, containing: "front matter opened with `---` is never closed")),
        Case("bom.md", [0xEF, 0xBB, 0xBF] + Array(endingsNote.utf8), .planned(company: "Endings Co")),
        Case("crlf.md", endingsNote.replacingOccurrences(of: "\n", with: "\r\n"), .planned(company: "Endings Co")),
        Case("lone-cr.md", endingsNote.replacingOccurrences(of: "\n", with: "\r"), .planned(company: "Endings Co")),
        Case(
            "nul.md", front("Nul Co") + "\nfine\nbro\0ken\n",
            .error(line: 9, column: 4, containing: "contains a NUL byte: this looks like a binary file")),
        Case(
            "latin1.md", Array("---\ncompany: Caf".utf8) + [0xE9] + Array(" Co\ndate: 2026-11-18\n---\n".utf8),
            .error(line: 2, column: 13, containing: "is not UTF-8 text")),
        Case(
            "image.md",
            [0x89] + Array("PNG\r\n".utf8) + [0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
                + [UInt8](repeating: 7, count: 4000),
            .error(line: 3, column: 1, containing: "contains a NUL byte")),
        Case(
            "random.md", randomBytes(count: 65536, seed: 1),
            .error(line: nil, column: nil, containing: "contains a NUL byte")),
        Case(
            "random-without-nul.md", randomBytes(count: 65536, seed: 2).map { $0 == 0 ? 0x80 : $0 },
            .error(line: nil, column: nil, containing: "is not UTF-8 text")),
        Case(
            "tabs.md", "---\ncompany: Tab Co\n\tdate: 2026-11-18\n---\n",
            .error(line: 3, column: 1, containing: "front matter is not valid YAML: found a tab character")),
        Case(
            "duplicate-keys.md", "---\ncompany: Dup Co\ndate: 2026-11-18\ncompany: Other Co\n---\n",
            .error(line: 4, column: 1, containing: "front matter has the key `company` twice (first on line 2)")),
        Case(
            "anchors.md",
            "---\ncompany: &c Alias Co\nrole: *c\ndate: 2026-11-18\ninterviewers: &p [Ada Lovelace]\ncontact: *p\n---\n",
            .planned(company: "Alias Co")),
        Case("alias-bomb.md", aliasBomb, .error(line: 7, column: nil, containing: "an alias bomb")),
        Case(
            "date-number.md", "---\ncompany: Num Co\ndate: 20261118\n---\n",
            .error(line: 3, column: 7, containing: "can't read `date: 20261118` as a date")),
        Case(
            "date-twenty-digits.md", "---\ncompany: Long Co\ndate: 20252000000000000000 g\n---\n",
            .error(line: 3, column: 7, containing: "can't read `date: 20252000000000000000 g` as a date")),
        Case(
            "date-list.md", "---\ncompany: List Co\ndate: [2026-11-18]\n---\n",
            .error(line: 3, column: 7, containing: "`date` should be one date like 2026-11-18, not a list")),
        Case(
            "date-map.md", "---\ncompany: Map Co\ndate:\n  year: 2026\n  month: 11\n---\n",
            .error(line: 4, column: 3, containing: "`date` should be one date like 2026-11-18, not a mapping")),
        Case(
            "interviewers-number.md", "---\ncompany: N Co\ndate: 2026-11-18\ninterviewers: 42\n---\n",
            .error(line: 4, column: 15, containing: "`interviewers: 42` is not a name")),
        Case(
            "interviewers-nested-map.md",
            "---\ncompany: M Co\ndate: 2026-11-18\ninterviewers:\n  lead:\n    name: Ada\n---\n",
            .error(
                line: 5, column: 3,
                containing: "each entry of `interviewers` should be a name, or a mapping with `name:`")),
        Case(
            "placeholder-mustache.md", "---\ncompany: Mustache Co\ndate: {{date}}\n---\n",
            .error(
                line: 3, column: 7, containing: "`date: {{date}}` is a template placeholder that was never filled in")),
        Case(
            "placeholder-templater.md", "---\ncompany: Templater Co\ndate: <% tp.date.now() %>\n---\n",
            .error(
                line: 3, column: 7,
                containing: "`date: <% tp.date.now() %>` is a template placeholder that was never filled in")),
        Case(
            "placeholder-company.md", "---\ncompany: \"{{title}}\"\ndate: 2026-11-18\n---\n",
            .error(line: 2, column: 10, containing: "`company: {{title}}` is a template placeholder")),
        Case(
            "lists-10000-deep.md",
            front("Deep Co") + "\n## Next steps\n\n" + String(repeating: "- ", count: 10_000) + "[ ] deep\n",
            .planned(company: "Deep Co")),
        Case(
            "quotes-10000-deep.md",
            front("Quoted Co") + "\n" + String(repeating: "> ", count: 10_000) + "- [ ] quoted\n",
            .planned(company: "Quoted Co")),
        Case(
            "ordered-and-quoted-mix.md",
            front("Mix Co") + "\n" + String(repeating: "1. > - ", count: 3_000) + "[ ] mixed\n",
            .planned(company: "Mix Co")),
        Case(
            "one-megabyte-line.md",
            Array((front("Line Co") + "\n## Next steps\n\n- ").utf8)
                + Array(String(repeating: "send Bo the deck by Friday ", count: 40_000).utf8.prefix(1 << 20)) + [0x0A],
            .planned(company: "Line Co"), big: true),
    ]

    /// Bytes from a fixed linear congruential generator: the same "binary file" every run.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    /// Nine levels of nine aliases: a billion values if it were expanded.
    static let aliasBomb: String = {
        var text = "---\ncompany: Bomb Co\ndate: 2026-11-18\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...8 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return text + "---\n"
    }()

    @Test(arguments: cases)
    func hostileNoteIsReportedOrReadAndTheRestIsPlanned(_ hostile: Case) throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        try Data(hostile.bytes).write(to: vault.url.appendingPathComponent(hostile.name))
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
        try Self.expect(run, file: hostile.name, outcome: hostile.outcome, big: hostile.big)
        if hostile.name == "alias-bomb.md" {
            // Refused at the limit, never expanded: no slower and no bigger than an ordinary note.
            #expect(run.cpuSeconds < 2 * Limits.slowdown)
            #expect(run.peakMB < 100 * Limits.memoryGrowth)
        }
        if hostile.name == "quotes-10000-deep.md" {
            #expect(!run.stdout.contains("quoted"), "a task inside block quotes is not an action")
        }
        if ["bom.md", "crlf.md", "lone-cr.md"].contains(hostile.name) {
            let problems = try Self.problems(run, of: hostile.name)
            #expect(problems.map(\.line) == [9], "the warning for line 9 of \(hostile.name): \(problems)")
            #expect(problems.first?.severity == "warning")
        }
    }

    /// A 50 MB note (prose, headings and action items) is read in linear time and bounded memory.
    /// A 50 MB note (prose about the interviewer, headings, action items) is planned and written in
    /// time linear in its size and in bounded memory; generate drafts a thank-you from the prose.
    @Test(.disabled(if: Limits.threadSanitizer, "minutes under TSan, and one thread reads one note: nothing to race"))
    func aFiftyMegabyteNoteIsPlannedInBoundedTimeAndMemory() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        let paragraph = String(
            repeating:
                "We talked about the roadmap, the team and the on-call rotation; Bo asked about queues and retries. ",
            count: 5)
        let chunk =
            "## Notes\n\n" + String(repeating: paragraph + "\n\n", count: 20)
            + "## Next steps\n\n- [ ] Send Bo the code sample by Friday\n- Share the portfolio within 48 hours\n\n"
        var runs: [(list: Measured, generate: Measured)] = []
        for megabytes in [5, 50] {
            let text = Self.front("Big Co") + String(repeating: chunk, count: (megabytes << 20) / chunk.utf8.count + 1)
            try vault.write("big.md", text)
            let list = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
            try Self.expect(list, file: "big.md", outcome: .planned(company: "Big Co"), big: true)
            let generate = try Measured.run(["generate", "--stdout", "--today", "2026-11-21", vault.url.path])
            #expect(generate.status == 0)
            #expect(generate.stdout.contains("Big Co"))
            #expect(generate.cpuSeconds < Limits.bigSeconds, "generate, \(megabytes) MB: \(generate.cpuSeconds) s")
            #expect(generate.peakMB < Limits.megabytes, "generate, \(megabytes) MB: \(generate.peakMB) MB")
            runs.append((list, generate))
        }
        // Ten times the text may take ten times as long (and some slack), never a hundred.
        for (five, fifty) in [(runs[0].list, runs[1].list), (runs[0].generate, runs[1].generate)] {
            #expect(
                fifty.cpuSeconds < 20 * five.cpuSeconds + 1, "5 MB: \(five.cpuSeconds) s, 50 MB: \(fifty.cpuSeconds) s")
        }
    }

    // MARK: The file system

    @Test func aFolderNamedLikeANoteIsWalkedNotRead() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        try vault.write("x.md/inner.md", Self.front("Inner Co"))
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
        try Self.expect(run, file: "x.md/inner.md", outcome: .planned(company: "Inner Co"))
        #expect(try Self.problems(run, of: "x.md").isEmpty)
    }

    @Test func symlinkLoopsEndWithAClearProblem() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        try vault.write("sub/real.md", Self.front("Real Co"))
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: vault.url.appendingPathComponent("loop1.md").path, withDestinationPath: "loop2.md")
        try manager.createSymbolicLink(
            atPath: vault.url.appendingPathComponent("loop2.md").path, withDestinationPath: "loop1.md")
        try manager.createSymbolicLink(
            atPath: vault.url.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(
            atPath: vault.url.appendingPathComponent("sub/self").path, withDestinationPath: ".")
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
        try Self.expect(
            run, file: "loop1.md", outcome: .error(line: 1, column: 1, containing: "Too many levels of symbolic links"))
        try Self.expect(
            run, file: "loop2.md", outcome: .error(line: 1, column: 1, containing: "Too many levels of symbolic links"))
        try Self.expect(run, file: "sub/real.md", outcome: .planned(company: "Real Co"), status: 1)
        // The folder loop is walked once: the note is planned once, not once per way round.
        let actions = try Self.json(run)["actions"] as? [[String: Any]] ?? []
        #expect(
            actions.filter { $0["company"] as? String == "Real Co" && $0["kind"] as? String == "thank-you" }.count == 1)
    }

    @Test func anUnreadableNoteIsAProblemAndTheRestIsPlanned() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        let secret = try vault.write("secret.md", Self.front("Secret Co"))
        chmod(secret.path, 0)
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path], unprivileged: true)
        try Self.expect(
            run, file: "secret.md",
            outcome: .error(line: 1, column: 1, containing: "can't read the note: Permission denied"))
    }

    @Test func anUnreadableFolderIsAProblemAndTheRestIsPlanned() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        try vault.write("locked/a.md", Self.front("Locked Co"))
        chmod(vault.url.appendingPathComponent("locked").path, 0)
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path], unprivileged: true)
        try Self.expect(
            run, file: "locked",
            outcome: .error(line: 1, column: 1, containing: "can't read this folder: Permission denied"))
    }

    @Test func aPipeNamedLikeANoteIsSkippedWithoutWaiting() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        #expect(mkfifo(vault.url.appendingPathComponent("pipe.md").path, 0o644) == 0)
        symlink("pipe.md", vault.url.appendingPathComponent("link-to-pipe.md").path)
        symlink("/dev/zero", vault.url.appendingPathComponent("zero.md").path)
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
        try Self.expect(run, file: "pipe.md", outcome: .ignored)
        try Self.expect(run, file: "link-to-pipe.md", outcome: .ignored)
        try Self.expect(run, file: "zero.md", outcome: .ignored)
    }

    /// A 4 GB file with a `.md` name (a video, a disk image) is refused by its size, not read.
    @Test func aHugeFileNamedLikeANoteIsRefusedUnread() throws {
        let vault = try TemporaryFolder()
        try vault.write("good.md", Self.goodNote)
        let huge = vault.url.appendingPathComponent("holiday-video.md").path
        let descriptor = open(huge, O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        // Sparse: it takes no disk space, but reads as 4 GB of zero bytes.
        #expect(ftruncate(descriptor, 4 << 30) == 0)
        close(descriptor)
        let run = try Measured.run(["list", "--json", "--today", "2026-11-21", vault.url.path])
        try Self.expect(
            run, file: "holiday-video.md",
            outcome: .error(line: 1, column: 1, containing: "it is 4096 MB, more than the 64 MB a note may be"))
        #expect(run.peakMB < 100 * Limits.memoryGrowth)
    }

    // MARK: Checking a run

    struct ReportedProblem: Equatable {
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    static func json(_ run: Measured) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    static func problems(_ run: Measured, of file: String) throws -> [ReportedProblem] {
        let problems = try json(run)["problems"] as? [[String: Any]] ?? []
        return problems.filter { $0["note"] as? String == file }.map {
            ReportedProblem(
                line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0,
                severity: $0["severity"] as? String ?? "", message: $0["message"] as? String ?? "")
        }
    }

    /// The run ended in time and memory, the good note is planned, and `file` came to `outcome`;
    /// the exit status is 1 for a note with an error, else 0, unless other files decide it.
    static func expect(
        _ run: Measured, file: String, outcome: Outcome, big: Bool = false, status: Int32? = nil
    ) throws {
        #expect(!run.timedOut, "\(file): still running after \(run.seconds) s")
        #expect(run.signal == nil, "\(file): killed by signal \(run.signal ?? 0): \(run.stderr)")
        let limit = big ? Limits.bigSeconds : Limits.seconds
        #expect(run.cpuSeconds < limit, "\(file): took \(run.cpuSeconds) s of CPU")
        #expect(run.seconds < 4 * limit, "\(file): took \(run.seconds) s")
        #expect(run.peakMB < Limits.megabytes, "\(file): peak memory \(run.peakMB) MB")
        let object = try json(run)
        let actions = object["actions"] as? [[String: Any]] ?? []
        let companies = Set(actions.compactMap { $0["company"] as? String })
        #expect(companies.contains("Good Co"), "\(file): the good note is still planned")
        let problems = try problems(run, of: file)
        let errors = problems.filter { $0.severity == "error" }
        switch outcome {
        case .planned(let company):
            #expect(companies.contains(company), "\(file): planned")
            #expect(errors.isEmpty, "\(file): \(errors)")
        case .ignored:
            #expect(problems.isEmpty, "\(file): \(problems)")
            #expect(!actions.contains { ($0["note"] as? String) == file })
        case .error(let line, let column, let text):
            #expect(errors.count == 1, "\(file): one error, not \(problems)")
            if let line { #expect(errors.first?.line == line, "\(file): \(errors)") }
            if let column { #expect(errors.first?.column == column, "\(file): \(errors)") }
            #expect(errors.first?.message.contains(text) == true, "\(file): \(errors)")
            #expect(!actions.contains { ($0["note"] as? String) == file })
        }
        let expectedStatus: Int32
        if case .error = outcome { expectedStatus = 1 } else { expectedStatus = 0 }
        #expect(run.status == status ?? expectedStatus, "\(file): \(run.stderr)")
    }
}

/// How long and how big a run may be. The promise is "a few seconds and a few hundred MB" for the
/// release binary; the tests run a debug build, sometimes under a sanitizer, which are slower and
/// bigger by a known factor, so the limits grow by that factor and no more.
enum Limits {
    static let addressSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
    static let threadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    static var slowdown: Double {
        var factor = 1.0
        #if DEBUG
            factor *= 4
        #endif
        if addressSanitizer { factor *= 3 }
        if threadSanitizer { factor *= 6 }
        return factor
    }

    static var memoryGrowth: Int { addressSanitizer ? 3 : threadSanitizer ? 6 : 1 }

    /// Seconds for an ordinary hostile note.
    static var seconds: Double { 5 * slowdown }
    /// Seconds for the notes that are big on purpose (50 MB, a 1 MB line): a debug build reads
    /// them some 16 times slower than release, which takes under a second.
    static var bigSeconds: Double { 20 * slowdown }
    static var megabytes: Int { 400 * memoryGrowth }
}

/// One run of the binary, with its wall time, CPU time and peak memory, killed if it outlives
/// `timeout`.
///
/// CPU time and peak come from GNU time (`/usr/bin/time -f "%M %U %S"`), not from `wait4` here:
/// posix_spawn starts the child with this test process's memory, whose size the child's peak
/// would then report. time is small, so what it measures of its own child is the binary alone.
/// Limits are on CPU time, which other tests running beside this one do not stretch; wall time
/// only catches a run that waits.
struct Measured {
    var status: Int32
    var signal: Int32?
    var stdout: String
    var stderr: String
    /// Wall time.
    var seconds: Double
    /// User and system CPU time, over all threads.
    var cpuSeconds: Double
    var peakMB: Int
    var timedOut: Bool

    static func run(_ arguments: [String], unprivileged: Bool = false, timeout: Double = 600) throws -> Measured {
        let folder = try TemporaryFolder()
        let outPath = folder.url.appendingPathComponent("out").path
        let errPath = folder.url.appendingPathComponent("err").path
        let timePath = folder.url.appendingPathComponent("time").path
        let asNobody = unprivileged && getuid() == 0
        let argv =
            ["/usr/bin/time", "-f", "%M %U %S", "-o", timePath]
            + (asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [])
            + [Followup.binary.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // A process group of its own, so that a run that hangs is killed with everything it started.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = ProcessInfo.processInfo.environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { for pointer in cArguments + cEnvironment { free(pointer) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, &cEnvironment)
        guard spawned == 0 else { throw SpawnError(code: spawned) }
        var status: Int32 = 0
        var timedOut = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if start.duration(to: .now) > .seconds(timeout) {
                timedOut = true
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(2_000)
        }
        let elapsed = start.duration(to: .now)
        // time writes "Command terminated by signal N" before the peak when the binary was killed.
        let report = ((try? String(contentsOfFile: timePath, encoding: .utf8)) ?? "").split(separator: "\n")
        let signal = report.first { $0.hasPrefix("Command terminated by signal ") }.flatMap {
            Int32($0.split(separator: " ").last!)
        }
        let exitCode = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        let usage = report.last?.split(separator: " ") ?? []
        return Measured(
            status: exitCode, signal: signal ?? (status & 0x7F == 0 ? nil : status & 0x7F),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpuSeconds: usage.count == 3
                ? (Double(usage[1]) ?? .infinity) + (Double(usage[2]) ?? .infinity) : .infinity,
            peakMB: (usage.first.flatMap { Int($0) } ?? Int.max / 2048) / 1024, timedOut: timedOut)
    }

    struct SpawnError: Error {
        var code: Int32
    }
}
