import Foundation
import Vault

/// A git repository, driven through the `git` program as a user's own git would run: same
/// configuration, same environment (inside a hook, git's `GIT_INDEX_FILE` is honoured).
public struct Repository: Sendable {
    /// The top folder of the working tree, as an absolute path.
    public let top: String
    private let git: Program

    /// The repository that `folder` (any folder of its working tree) belongs to.
    public init(containing folder: String) throws(GitError) {
        guard let git = Program(named: "git") else { throw .gitNotFound }
        self.git = git
        let output: Program.Output
        do {
            output = try git.run(["rev-parse", "--show-toplevel"], in: folder)
        } catch {
            throw .failed(arguments: ["rev-parse"], message: error.description)
        }
        guard output.status == 0 else { throw .notARepository(folder, message: output.message) }
        top = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Runs git at the top of the working tree; fails unless it exits 0.
    ///
    /// Pathspecs are literal: a note called `*.md` or `[draft].md` means that file only.
    @discardableResult
    func run(_ arguments: [String], input: [UInt8] = []) throws(GitError) -> [UInt8] {
        let output: Program.Output
        do {
            output = try git.run(["--literal-pathspecs"] + arguments, input: input, in: top)
        } catch {
            throw .failed(arguments: arguments, message: error.description)
        }
        guard output.status == 0 else { throw .failed(arguments: arguments, message: output.message) }
        return output.stdout
    }

    /// The folder git runs hooks from: `.git/hooks`, or `core.hooksPath` when it is set.
    public func hooksFolder() throws(GitError) -> String {
        let output = try run(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// The repository's own folder (`.git`, shared by all its worktrees), absolute.
    public func gitFolder() throws(GitError) -> String {
        let output = try run(["rev-parse", "--path-format=absolute", "--git-common-dir"])
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// `folder` as a path relative to the top of the working tree (`""` for the top itself),
    /// following symbolic links; `nil` when it is not inside the working tree.
    public func relativePath(of folder: String) -> String? {
        guard let real = Repository.realPath(folder), let top = Repository.realPath(top) else { return nil }
        if real == top { return "" }
        let prefix = top.hasSuffix("/") ? top : top + "/"
        return real.hasPrefix(prefix) ? String(real.dropFirst(prefix.count)) : nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A file in git's index: what the next commit will hold.
    public struct StagedFile: Sendable, Equatable {
        /// `100644` or `100755` for a file, `120000` for a symbolic link, `160000` for a submodule.
        public var mode: String
        /// The blob's object id.
        public var id: String
        /// The path from the top of the working tree.
        public var path: String

        public var isRegularFile: Bool { mode == "100644" || mode == "100755" }
    }

    /// The merged files staged under `folder` (relative to the top; `""` for everything).
    public func stagedFiles(under folder: String) throws(GitError) -> [StagedFile] {
        let arguments = ["ls-files", "--stage", "-z"] + (folder.isEmpty ? [] : ["--", folder])
        let output = try run(arguments)
        var files: [StagedFile] = []
        for record in output.split(separator: 0) {
            // <mode> SP <object> SP <stage> TAB <path>
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else {
                throw .unreadableOutput(arguments: arguments)
            }
            let fields = record[..<tab].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 3 else { throw .unreadableOutput(arguments: arguments) }
            // Stages 1-3 are the sides of an unresolved merge conflict; git refuses to commit those.
            guard fields[2] == "0" else { continue }
            let path = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            files.append(StagedFile(mode: fields[0], id: fields[1], path: path))
        }
        return files
    }

    /// The contents of blobs, in the order of `ids`, read in one `git cat-file --batch`.
    public func blobs(_ ids: [String]) throws(GitError) -> [[UInt8]] {
        guard !ids.isEmpty else { return [] }
        let arguments = ["cat-file", "--batch"]
        let output = try run(arguments, input: Array(ids.map { $0 + "\n" }.joined().utf8))
        var blobs: [[UInt8]] = []
        var offset = output.startIndex
        for id in ids {
            // <id> SP blob SP <size> LF <contents> LF
            guard let newline = output[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw .unreadableOutput(arguments: arguments)
            }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == id, header[1] == "blob", let size = Int(header[2]),
                newline + 1 + size < output.endIndex
            else { throw .unreadableOutput(arguments: arguments) }
            blobs.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
            offset = newline + 1 + size + 1
        }
        return blobs
    }

    /// Stages `path` (relative to the top) as it is in the working tree.
    public func stage(_ path: String) throws(GitError) {
        try run(["add", "--", path])
    }
}

/// Why git could not tell or do what followup asked.
public enum GitError: Error, Equatable, CustomStringConvertible {
    case gitNotFound
    case notARepository(String, message: String)
    case failed(arguments: [String], message: String)
    case unreadableOutput(arguments: [String])

    public var description: String {
        switch self {
        case .gitNotFound:
            "git is not installed (not found on PATH)"
        case .notARepository(let folder, let message):
            "\(folder): not in a git repository (\(message))"
        case .failed(let arguments, let message):
            "`git \(arguments.joined(separator: " "))` failed: \(message)"
        case .unreadableOutput(let arguments):
            "`git \(arguments.joined(separator: " "))` printed something followup can't read"
        }
    }
}
