import Foundation
import Testing

/// Runs other real programs (git, pre-commit) in the tests, with a clean environment: no git
/// settings from the machine or from a hook the tests themselves may be running in.
enum Programs {
    /// The first executable called `name` on PATH.
    static func find(_ name: String, extraFolders: [String] = []) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in extraFolders + path.split(separator: ":").map(String.init) {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The environment for git and for followup run from git: the machine's own git configuration
    /// and any `GIT_*` variable are left out, so the tests see git's defaults.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_AUTHOR_NAME"] = "Test Author"
        environment["GIT_AUTHOR_EMAIL"] = "author@example.com"
        environment["GIT_COMMITTER_NAME"] = "Test Author"
        environment["GIT_COMMITTER_EMAIL"] = "author@example.com"
        environment["NO_COLOR"] = "1"
        return environment.merging(extra) { $1 }
    }

    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
        input: String = ""
    ) throws -> Followup.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = environment ?? Programs.environment()
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        try inp.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try inp.fileHandleForWriting.close()
        let errData = ReadInBackground(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Followup.Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.wait(), as: UTF8.self),
            status: process.terminationStatus)
    }
}

/// Reads a pipe to its end on another thread, so that two pipes can be drained at once.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// A temporary git repository, driven with the real `git` binary.
final class GitRepository {
    let folder: TemporaryFolder
    var url: URL { folder.url }
    let git: String

    init() throws {
        folder = try TemporaryFolder()
        git = try #require(Programs.find("git"), "git must be installed (make test installs it)")
        try run(["init", "-q", "-b", "main"])
    }

    /// Runs git in the repository, or in `subfolder` of it; fails the test unless git exits 0,
    /// unless `allowFailure`.
    @discardableResult
    func run(_ arguments: [String], in subfolder: String? = nil, allowFailure: Bool = false) throws -> Followup.Result {
        let folderURL = subfolder.map { url.appendingPathComponent($0) } ?? url
        let result = try Programs.run(git, arguments, in: folderURL)
        if !allowFailure {
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return result
    }

    /// The output of a git command that must succeed.
    func output(_ arguments: [String]) throws -> String {
        try run(arguments).stdout
    }

    /// Runs followup in the repository, or in `subfolder` of it, with git's clean environment.
    @discardableResult
    func followup(_ arguments: [String], in subfolder: String? = nil) throws -> Followup.Result {
        try Programs.run(
            Followup.binary.path, arguments, in: subfolder.map { url.appendingPathComponent($0) } ?? url)
    }

    func write(_ relative: String, _ text: String) throws {
        try folder.write(relative, text)
    }

    func read(_ relative: String) throws -> String {
        try folder.read(relative)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    }
}
