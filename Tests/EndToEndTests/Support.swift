import Foundation
import Testing

/// Runs the built `followup` binary, as a user would.
struct Followup {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary sits next to the test bundle in SwiftPM's build folder.
    static let binary: URL = {
        let testBundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBundle.deletingLastPathComponent().appendingPathComponent("followup")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}

/// A temporary folder, removed when the test is done with it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("followup-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Make everything writable again so a test that removed permissions can be cleaned up.
        _ = try? Followup.chmodRecursively(url)
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
    }
}

extension Followup {
    /// Runs the binary as the unprivileged user `nobody` when the tests run as root (root may read
    /// and write anything, which would hide permission errors), and as the current user otherwise.
    /// Returns the exit status and standard error.
    static func runUnprivileged(_ arguments: [String]) throws -> (Int32, String) {
        let asRoot = getuid() == 0
        return try runCapturingErrors(
            asRoot ? "/usr/bin/setpriv" : binary.path,
            (asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] : []) + arguments)
    }

    /// Runs `executable` with `arguments`, standard output discarded; its exit status and standard
    /// error.
    static func runCapturingErrors(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    static func chmodRecursively(_ url: URL) throws {
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        for case let path as String in manager.enumerator(atPath: url.path) ?? FileManager.DirectoryEnumerator() {
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(path).path)
        }
    }
}

/// A small but complete interview note.
func note(
    company: String = "Acme", role: String = "Engineer", date: String = "2026-11-18",
    interviewers: String = "[Ada Lovelace]", extra: String = "", body: String = ""
) -> String {
    """
    ---
    company: \(company)
    role: \(role)
    date: \(date)
    interviewers: \(interviewers)
    \(extra)
    ---

    \(body)
    """
}
