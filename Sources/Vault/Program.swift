import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Another program that followup runs (`git`, `diff`), found on `PATH` as a shell would find it.
public struct Program: Sendable {
    /// The executable's path.
    public let path: String

    /// The first executable called `name` in the folders of `PATH`; `nil` when there is none.
    public init?(named name: String, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        if name.contains("/") {
            guard access(name, X_OK) == 0 else { return nil }
            path = name
            return
        }
        let folders = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(
            separator: ":", omittingEmptySubsequences: false)
        for folder in folders {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                path = candidate
                return
            }
        }
        return nil
    }

    /// What a finished run printed and how it ended.
    public struct Output: Sendable {
        /// The exit status; a program killed by a signal reports 128 plus the signal's number, as shells do.
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]

        /// Standard error as text, without the last line break: for messages.
        public var message: String {
            var text = String(decoding: stderr, as: UTF8.self)
            while text.last?.isNewline == true { text.removeLast() }
            return text
        }
    }

    /// Runs the program to the end with `arguments`, writing `input` to its standard input, and
    /// returns everything it printed. Standard input, output and error are pumped on their own
    /// threads, so a program that prints a lot before it has read all its input cannot block.
    public func run(
        _ arguments: [String], input: [UInt8] = [], in folder: String? = nil, environment: [String: String]? = nil
    ) throws(ProgramError) -> Output {
        Program.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ProgramError(program: path, reason: "can't start it: \(error.localizedDescription)")
        }
        let group = DispatchGroup()
        let errors = Collected()
        DispatchQueue.global().async(group: group) {
            // The program may exit without reading everything: a write error then is no error of ours.
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) {
            errors.bytes = Array(stderr.fileHandleForReading.readDataToEndOfFile())
        }
        let printed = Array(stdout.fileHandleForReading.readDataToEndOfFile())
        group.wait()
        process.waitUntilExit()
        let status =
            process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
        return Output(status: status, stdout: printed, stderr: errors.bytes)
    }

    /// A program that exits before reading its input would otherwise kill followup with SIGPIPE.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// Bytes handed from a reading thread to the waiting one; the dispatch group orders the access.
    private final class Collected: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
}

/// A program that could not be found or started.
public struct ProgramError: Error, Equatable, CustomStringConvertible {
    public var program: String
    public var reason: String

    public init(program: String, reason: String) {
        self.program = program
        self.reason = reason
    }

    public var description: String { "\(program): \(reason)" }
}
