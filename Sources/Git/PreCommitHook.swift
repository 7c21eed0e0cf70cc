import Foundation
import Vault

/// The git pre-commit hook that followup installs: a short POSIX shell script that runs
/// `followup hook run` (see ``PreCommit``).
///
/// A pre-commit hook that was there before is never overwritten: it is moved aside to
/// `pre-commit.followup-chained`, and followup's hook runs it first and stops the commit if it
/// fails. Uninstalling removes only a hook that carries followup's marker line, and puts the
/// earlier hook back.
public struct PreCommitHook: Sendable {
    /// The line that marks a hook as followup's own.
    public static let marker = "# followup pre-commit hook."
    public static let chainedName = "pre-commit.followup-chained"

    /// The hooks folder (`core.hooksPath` when it is set).
    public let folder: String

    public init(repository: Repository) throws(HookError) {
        do {
            folder = try repository.hooksFolder()
        } catch {
            throw .git(error)
        }
    }

    public var path: String { folder + "/pre-commit" }
    public var chainedPath: String { folder + "/" + PreCommitHook.chainedName }

    /// The script: it runs the chained hook, if any, then `followup hook run` for the vault at
    /// `vault` (relative to the top of the working tree, `""` for the top), with the followup binary at `binary`, or
    /// the first `followup` on PATH if that binary has gone.
    public static func script(binary: String, vault: String) -> String {
        """
        #!/bin/sh
        \(marker) Installed by `followup hook install`; `followup hook uninstall` removes it.
        #
        # Before each commit, followup plans NEXT.md from the staged notes, writes it and stages it,
        # so that the commit carries a NEXT.md matching its notes. A staged note with an error
        # blocks the commit, and its path, line and column are printed. To commit once without
        # this hook: git commit --no-verify

        followup=\(shellQuoted(binary))
        vault=\(shellQuoted(vault.isEmpty ? "." : vault))

        # The pre-commit hook that was here before followup's is kept under this name; it runs first.
        chained="$(dirname -- "$0")/\(chainedName)"
        if [ -x "$chained" ]; then
            "$chained" "$@" || exit
        fi

        if [ ! -x "$followup" ]; then
            if command -v followup >/dev/null 2>&1; then
                followup=followup
            else
                echo "followup pre-commit hook: followup is neither at $followup nor on PATH; install it again, or remove this hook with 'followup hook uninstall'" >&2
                exit 1
            fi
        fi
        exec "$followup" hook run "--vault=$vault"

        """
    }

    /// `text` in single quotes for a POSIX shell: every byte stands for itself.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether a hook's bytes are followup's hook.
    public static func isFollowups(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes.prefix(4096), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .prefix(5)
            .contains { $0.hasPrefix(marker) }
    }

    /// What ``install(vault:binary:)`` did.
    public enum Installation: Sendable, Equatable {
        case installed
        /// followup's hook was there already; it now runs `binary` for `vault`.
        case updated
        /// Another pre-commit hook was there: it was moved to `pre-commit.followup-chained` and
        /// runs first.
        case chained
    }

    /// Writes the hook, for the vault at `vault` relative to the top of the working tree.
    public func install(vault: String, binary: String) throws(HookError) -> Installation {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotChange(folder, reason: error.localizedDescription)
        }
        let installation: Installation
        if !PreCommitHook.exists(path) {
            installation = .installed
        } else if case .success(let bytes) = FileBytes.read(path), PreCommitHook.isFollowups(bytes) {
            installation = .updated
        } else {
            guard !PreCommitHook.exists(chainedPath) else { throw .chainedHookInTheWay(path, chained: chainedPath) }
            guard rename(path, chainedPath) == 0 else {
                throw .cannotChange(path, reason: "can't move it aside: \(SystemError(errno))")
            }
            installation = .chained
        }
        do {
            try FileBytes.replaceAtomically(
                path, with: Array(PreCommitHook.script(binary: binary, vault: vault).utf8), mode: 0o755)
        } catch {
            // Put the earlier hook back, so that a failed install changes nothing.
            if installation == .chained { rename(chainedPath, path) }
            throw .cannotChange(path, reason: error.description)
        }
        return installation
    }

    /// What ``uninstall()`` did.
    public enum Removal: Sendable, Equatable {
        case removed
        /// followup's hook was removed and the hook it chained to is back in its place.
        case removedAndRestored
        /// There was no followup hook.
        case notInstalled
    }

    /// Removes followup's hook and puts back the hook it chained to. A hook that is not followup's
    /// is left alone.
    public func uninstall() throws(HookError) -> Removal {
        var removed = false
        if PreCommitHook.exists(path) {
            guard case .success(let bytes) = FileBytes.read(path), PreCommitHook.isFollowups(bytes) else {
                throw .notFollowups(path)
            }
            guard unlink(path) == 0 else { throw .cannotChange(path, reason: SystemError(errno).description) }
            removed = true
        }
        if PreCommitHook.exists(chainedPath) {
            guard rename(chainedPath, path) == 0 else {
                throw .cannotChange(chainedPath, reason: "can't move it back: \(SystemError(errno))")
            }
            return .removedAndRestored
        }
        return removed ? .removed : .notInstalled
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}

/// Why the hook could not be installed, removed or run.
public enum HookError: Error, Equatable, CustomStringConvertible {
    case git(GitError)
    case vault(VaultError)
    case cannotChange(String, reason: String)
    case chainedHookInTheWay(String, chained: String)
    case notFollowups(String)
    case vaultOutsideRepository(String, top: String)

    public var description: String {
        switch self {
        case .git(let error):
            error.description
        case .vault(let error):
            error.description
        case .cannotChange(let path, let reason):
            "\(path): \(reason)"
        case .chainedHookInTheWay(let path, let chained):
            "\(path) is another program's pre-commit hook, and \(chained) is taken too; nothing was changed. Merge the two hooks by hand, or move one away, and install again"
        case .notFollowups(let path):
            "\(path) is not followup's hook (it has no `\(PreCommitHook.marker)` line); it was left alone"
        case .vaultOutsideRepository(let vault, let top):
            "\(vault) is not inside the git repository at \(top)"
        }
    }
}
