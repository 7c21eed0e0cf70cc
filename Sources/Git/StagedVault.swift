import FollowupCore
import Vault

/// A vault's notes as they are staged in git's index, which is what the next commit will hold,
/// whatever the working tree has since.
public struct StagedVault: Sendable {
    public let repository: Repository
    /// The vault's folder relative to the top of the working tree; `""` for the top itself.
    public let folder: String

    /// `folder` is relative to the top of the working tree; `""` or `.` is the top itself.
    public init(repository: Repository, folder: String) {
        self.repository = repository
        var folder = Substring(folder)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        self.folder = folder == "." ? "" : String(folder)
    }

    /// The vault in the working tree.
    public var workingTree: Vault {
        Vault(path: folder.isEmpty ? repository.top : repository.top + "/" + folder)
    }

    /// `relative` (inside the vault) as a path from the top of the working tree.
    public func pathFromTop(_ relative: String) -> String {
        folder.isEmpty ? relative : folder + "/" + relative
    }

    /// Plans from the staged notes, chosen as ``Vault`` chooses notes on disk (a `.md` file outside
    /// hidden folders, not NEXT.md), each read from its staged blob. A symbolic link or a submodule
    /// is not a note here.
    public func plan(today: Day) throws(GitError) -> Plan {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let notes =
            try repository.stagedFiles(under: folder)
            .compactMap { file -> (path: String, id: String)? in
                guard file.isRegularFile, file.path.hasPrefix(prefix) else { return nil }
                let relative = String(file.path.dropFirst(prefix.count))
                return Vault.isNotePath(relative) ? (relative, file.id) : nil
            }
            // The order the vault on disk reads its notes in, so both give the same bytes.
            .sorted { $0.path < $1.path }
        let blobs = try repository.blobs(notes.map(\.id))
        // One reader for them all, as each reading thread of the vault on disk keeps one.
        var reader = NoteReader()
        let readings = zip(notes, blobs).map { note, bytes in reader.read(bytes, path: note.path) }
        return Plan(readings: readings, today: today)
    }

    /// NEXT.md as staged, or `nil` when it is not in the index.
    public func stagedNext() throws(GitError) -> [UInt8]? {
        let path = pathFromTop(Vault.nextFileName)
        guard let file = try repository.stagedFiles(under: path).first(where: { $0.path == path }) else { return nil }
        return try repository.blobs([file.id]).first
    }
}
