import FollowupCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder of interview notes on disk, and its NEXT.md.
///
/// Notes are every `.md` file under the folder, at any depth, except NEXT.md itself and anything
/// hidden (a name starting with `.`, such as `.git` and `.obsidian`). A symbolic link is followed,
/// but a folder is never entered twice, so a link loop ends. followup opens notes for reading only.
public struct Vault: Sendable {
    /// The folder, as the user named it.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static let nextFileName = "NEXT.md"

    /// Reads every note and plans from them as of `today`.
    ///
    /// Notes are read and parsed on `jobs` threads (default: one per core); each reading lands in
    /// the slot of its file, so the plan is the same whatever the number of threads.
    public func plan(today: Day, jobs: Int? = nil) throws(VaultError) -> Plan {
        try requireFolder()
        let readings = readNotes(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        return Plan(readings: consume readings, today: today, jobs: jobs)
    }

    /// Every note read, in the order of ``noteFiles()``, and last a reading that holds the
    /// problems of the walk over the folders.
    ///
    /// The notes are read while the folders are still being listed: one thread lists them and
    /// hands over each folder's notes as it goes, the others read those at once (and the lister
    /// reads too once it is done), so no thread waits for the whole listing. The readings are
    /// put in the order of their paths at the end, the same whatever the threads did.
    private func readNotes(jobs: Int) -> [NoteReading] {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        // Opened relative to the vault's folder, opened once: the system then looks up only the
        // note's own part of the path, not the vault's again for every note.
        @Sendable func read(_ file: String, _ bytes: inout [UInt8], _ reader: inout NoteReader) -> NoteReading {
            let result =
                folder >= 0 ? FileBytes.read(file, in: folder, into: &bytes) : FileBytes.read(join(file), into: &bytes)
            switch result {
            case .success: return reader.read(bytes, path: file)
            case .failure(let error):
                return NoteReading(
                    note: nil, problems: [Problem(note: file, line: 1, message: "can't read the note: \(error)")])
            }
        }
        let listing = Listing()
        var parts = [[(index: Int, reading: NoteReading)]](count: Swift.max(1, jobs), jobs: jobs) { _ in
            if listing.claim() {
                var walk = Walk(vault: self) { listing.add($0) }
                walk.visit(folder: "")
                listing.finish(problems: walk.problems)
                // The place of each file's reading, its path's place in bytewise order, found
                // while the other threads read rather than after them all.
                let files = listing.files
                var places = [Int](repeating: 0, count: files.count)
                for (position, index) in Text.bytewiseOrder(files).enumerated() { places[index] = position }
                listing.places = places
            }
            var part: [(index: Int, reading: NoteReading)] = []
            // The thread's buffer for a note's bytes and its reader, used for every note it reads.
            var bytes: [UInt8] = []
            var reader = NoteReader()
            while let (start, files) = listing.take(atMost: 16) {
                for (offset, file) in files.enumerated() {
                    part.append((start + offset, read(file, &bytes, &reader)))
                }
            }
            return part
        }
        let files = listing.files
        let place = listing.places
        // Each reading is moved to its place, not copied (see `takeEach`).
        return [NoteReading](unsafeUninitializedCapacity: files.count + 1) { slots, count in
            var placed = 0
            for part in parts.indices {
                parts[part].takeEach(leaving: (0, .none)) { taken in
                    (slots.baseAddress! + place[taken.index]).initialize(to: taken.reading)
                    placed += 1
                }
            }
            // Every file is read once, so every place is filled once.
            precondition(placed == files.count, "\(placed) readings for \(files.count) files")
            (slots.baseAddress! + files.count).initialize(to: NoteReading(note: nil, problems: listing.problems))
            count = files.count + 1
        }
    }

    /// The notes' paths relative to the vault, sorted, and a problem for each folder or link that
    /// could not be read.
    public func noteFiles() -> (files: [String], problems: [Problem]) {
        var walk = Walk(vault: self)
        walk.visit(folder: "")
        return (Text.sortedBytewise(walk.files) { $0 }, walk.problems)
    }

    /// Every folder of the vault that is not hidden, relative to it, the vault itself (`""`) first:
    /// the folders whose notes count.
    public func folders() -> [String] {
        var walk = Walk(vault: self)
        walk.visit(folder: "")
        return walk.folders
    }

    /// Whether a file at `relative` (a path inside the vault, with `/` between folders) is one the
    /// vault reads as a note: a `.md` file in no hidden folder, that is not hidden itself and is not
    /// the vault's own NEXT.md. For lists of paths that do not come from the disk, such as git's index.
    public static func isNotePath(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, !parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else { return false }
        return isMarkdown(name) && relative != nextFileName
    }

    /// Whether a file name ends in `.md`, in any case.
    static func isMarkdown(_ name: some StringProtocol) -> Bool {
        // The last three bytes, read from the end without copying them.
        var end = name.utf8.reversed().makeIterator()
        return end.next().map { $0 | 0x20 } == UInt8(ascii: "d") && end.next().map { $0 | 0x20 } == UInt8(ascii: "m")
            && end.next() == UInt8(ascii: ".")
    }

    /// Writes `contents` to NEXT.md in one atomic step: a temporary file in the same folder,
    /// flushed to disk, then renamed over the old one. Readers see the old file or the new one,
    /// never a part; if anything fails, the old file is left as it was.
    ///
    /// A NEXT.md that followup did not generate is only replaced with `force`.
    @discardableResult
    public func writeNext(_ contents: String, force: Bool = false) throws(VaultError) -> WriteOutcome {
        try writeNext(force: force) { emit in Array(contents.utf8).withUnsafeBytes(emit) }
    }

    /// ``writeNext(_:force:)`` for NEXT.md given a piece at a time, as
    /// ``NextMarkdown/render(_:templates:emit:)`` makes it.
    @discardableResult
    public func writeNext(
        force: Bool = false, contents: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(VaultError) -> WriteOutcome {
        try requireFolder()
        return try Vault.write(
            to: join(Vault.nextFileName), force: force, isGenerated: NextMarkdown.isGenerated, contents: contents)
    }

    /// The calendar file `generate --ics` writes beside NEXT.md.
    public static let calendarFileName = "NEXT.ics"

    /// Writes `contents` to NEXT.ics, atomically, as ``writeNext(_:force:)`` writes NEXT.md; a
    /// NEXT.ics that followup did not write is only replaced with `force`.
    @discardableResult
    public func writeCalendar(_ contents: String, force: Bool = false) throws(VaultError) -> WriteOutcome {
        try requireFolder()
        return try Vault.write(
            contents, to: join(Vault.calendarFileName), force: force, isGenerated: ICalendar.isGenerated)
    }

    /// Writes `contents` to `path` atomically. An existing file is replaced only when
    /// `isGenerated` says followup wrote it (from its first bytes), or with `force`; an unchanged
    /// file is not touched.
    public static func write(
        _ contents: String, to target: String, force: Bool, isGenerated: ([UInt8]) -> Bool
    ) throws(VaultError) -> WriteOutcome {
        try write(to: target, force: force, isGenerated: isGenerated) { emit in
            Array(contents.utf8).withUnsafeBytes(emit)
        }
    }

    /// Writes what `contents` hands to its `emit`, a piece at a time, to `target`, as
    /// ``write(_:to:force:isGenerated:)`` does: the old file is compared as the pieces come and
    /// replaced only if they differ, so neither is held whole in memory.
    public static func write(
        to target: String, force: Bool, isGenerated: ([UInt8]) -> Bool,
        contents: ((UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(VaultError) -> WriteOutcome {
        let rewrite: FileBytes.Rewrite
        do {
            rewrite = try FileBytes.Rewrite(of: target)
        } catch {
            guard force else {
                throw .cannotWrite(path: target, reason: "can't read the existing file to check it: \(error)")
            }
            do {
                rewrite = try FileBytes.Rewrite(of: target, compare: false)
            } catch {
                throw .cannotWrite(path: target, reason: error.description)
            }
        }
        // New contents always start with followup's header, so a file without it differs from
        // them: it is ours to replace only with `force`.
        if let start = rewrite.start, !force, !isGenerated(start) { throw .notGenerated(target) }
        contents(rewrite.write)
        do {
            return try rewrite.finish() ? .written : .unchanged
        } catch {
            throw .cannotWrite(path: target, reason: error.description)
        }
    }

    /// Creates `path` and any missing folders above it.
    public static func makeFolders(_ path: String) throws(VaultError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o777) != 0, errno != EEXIST {
                throw .cannotWrite(path: current, reason: SystemError(errno).description)
            }
        }
    }

    /// The folder of the vault's own draft templates.
    public static let templatesFolder = ".followup/templates"

    /// The built-in draft templates, overridden by the vault's `.followup/templates/*.txt`.
    ///
    /// A file there whose name is not a template's (`thank-you.txt`, `thank-you-2.txt`, …), that
    /// cannot be read, or that uses an unknown placeholder is an error naming the file and line.
    public func draftTemplates() throws(TemplateError) -> DraftTemplates {
        let folder = join(Vault.templatesFolder)
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return .builtIn }
        guard let directory = opendir(folder) else {
            throw TemplateError(
                file: folder, line: 1, column: 1, message: "can't read this folder: \(SystemError(errno))")
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        var own: [(variant: Int, template: DraftTemplate)] = []
        for name in names.sorted() {
            let path = folder + "/" + name
            guard let (templateName, variant) = DraftTemplate.Name.parse(fileName: name) else {
                let known = DraftTemplate.Name.allCases.map { "\($0.rawValue).txt" }.joined(separator: ", ")
                throw TemplateError(
                    file: path, line: 1, column: 1,
                    message: "not a template name; use one of \(known) (or a variant such as thank-you-2.txt)")
            }
            let bytes: [UInt8]
            switch FileBytes.read(path) {
            case .success(let read): bytes = read
            case .failure(let error):
                throw TemplateError(file: path, line: 1, column: 1, message: "can't read the template: \(error)")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TemplateError(file: path, line: 1, column: 1, message: "is not UTF-8 text; save it as UTF-8")
            }
            own.append((variant, try DraftTemplate.parse(text, file: path, name: templateName)))
        }
        return DraftTemplates.builtIn.overridden(by: own)
    }

    /// What a write did.
    public enum WriteOutcome: Sendable {
        case written
        case unchanged
    }

    func join(_ relative: String) -> String {
        relative.isEmpty ? path : path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// Throws unless the vault is a folder that exists.
    public func requireFolder() throws(VaultError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .notAFolder(path, reason: SystemError(errno).description) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path, reason: "not a folder") }
    }
}

/// Why a vault could not be planned or its NEXT.md written.
public enum VaultError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String, reason: String)
    /// NEXT.md exists but has no generated header: the user may have written it.
    case notGenerated(String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotWatch(String, reason: String)
    /// A template in the vault's `.followup/templates` folder is wrong: nothing is written.
    case badTemplate(TemplateError)

    public var description: String {
        switch self {
        case .notAFolder(let path, let reason):
            "\(path): can't read the vault: \(reason)"
        case .notGenerated(let path):
            "\(path): not written: this file was not generated by followup (it does not start with followup's header); move it away or pass --force to replace it"
        case .cannotWrite(let path, let reason):
            "\(path): can't write: \(reason); the previous file is unchanged"
        case .cannotRead(let path, let reason):
            "\(path): can't read: \(reason)"
        case .cannotWatch(let path, let reason):
            "\(path): can't watch: \(reason)"
        case .badTemplate(let error):
            "\(error); nothing was written"
        }
    }
}

/// A failed system call's `errno`, described as the C library does.
public struct SystemError: Error, Equatable, CustomStringConvertible {
    public let code: Int32
    /// Plainer words than the C library's, for failures that `errno` names poorly.
    public let reason: String?

    public init(_ code: Int32, reason: String? = nil) {
        self.code = code
        self.reason = reason
    }

    public var description: String { reason ?? String(cString: strerror(code)) }
}

/// The notes found so far by a walk on one thread, taken to be read by any thread.
///
/// A thread waits for notes only while the walk is running on another (whoever ``claim()``s the
/// walk runs it to the end before reading), so the waiting always ends, even when the threads run
/// one after the other.
private final class Listing: @unchecked Sendable {
    private let condition = NSCondition()
    private var found: [String] = []
    private var taken = 0
    private var claimed = false
    private var finished = false
    private var walkProblems: [Problem] = []
    private var notePlaces: [Int] = []

    /// Whether the caller is the one to walk the folders: true once, for the first to ask.
    func claim() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !claimed else { return false }
        claimed = true
        return true
    }

    func add(_ files: ArraySlice<String>) {
        condition.lock()
        found.append(contentsOf: files)
        condition.broadcast()
        condition.unlock()
    }

    func finish(problems: [Problem]) {
        condition.lock()
        walkProblems = problems
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Up to `count` notes not yet taken, and the place of the first in the listing; nil once
    /// every note is taken and the walk has ended. The notes are copied out, so that no slice of
    /// the listing outlives the lock (the next `add` would copy the whole listing).
    func take(atMost count: Int) -> (start: Int, files: [String])? {
        condition.lock()
        defer { condition.unlock() }
        while taken == found.count, claimed, !finished { condition.wait() }
        guard taken < found.count else { return nil }
        let start = taken
        taken = Swift.min(start + count, found.count)
        return (start, Array(found[start..<taken]))
    }

    /// Every note, in the order the walk found them; read once the walk has ended.
    var files: [String] {
        condition.lock()
        defer { condition.unlock() }
        return found
    }

    /// For each note of ``files``, its place in the vault's order (of paths, bytewise); set by the
    /// walker once the walk has ended.
    var places: [Int] {
        get {
            condition.lock()
            defer { condition.unlock() }
            return notePlaces
        }
        set {
            condition.lock()
            notePlaces = newValue
            condition.unlock()
        }
    }

    var problems: [Problem] {
        condition.lock()
        defer { condition.unlock() }
        return walkProblems
    }
}

/// The walk over a vault's folders.
private struct Walk {
    let vault: Vault
    var files: [String] = []
    var folders: [String] = []
    var problems: [Problem] = []
    /// Folders already entered, by device and inode, so that link loops end.
    var seen: Set<[UInt64]> = []
    /// Given the notes found since it was last called, before each folder entered and after each
    /// folder's own notes, when the notes are read while the walk goes on.
    let hand: ((ArraySlice<String>) -> Void)?
    private var handed = 0

    init(vault: Vault, handingOver hand: ((ArraySlice<String>) -> Void)? = nil) {
        self.vault = vault
        self.hand = hand
    }

    private mutating func handOver() {
        guard let hand, handed < files.count else { return }
        hand(files[handed...])
        handed = files.count
    }

    mutating func visit(folder relative: String) {
        let full = vault.join(relative)
        var info = stat()
        guard stat(full, &info) == 0 else { return }
        guard seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        guard let directory = opendir(full) else {
            problems.append(
                Problem(
                    note: relative.isEmpty ? "." : relative, line: 1,
                    message: "can't read this folder: \(SystemError(errno))"))
            return
        }
        defer { closedir(directory) }
        folders.append(relative)
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if entry.pointee.d_name.0 == CChar(UInt8(ascii: ".")) { continue }
            entries.append((name, entry.pointee.d_type))
        }
        for (name, type) in Text.sortedBytewise(entries, by: { $0.name }) {
            let child = relative.isEmpty ? name : relative + "/" + name
            var isFolder = type == UInt8(DT_DIR)
            var isFile = type == UInt8(DT_REG)
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) {
                var target = stat()
                if stat(vault.join(child), &target) == 0 {
                    isFolder = target.st_mode & S_IFMT == S_IFDIR
                    isFile = target.st_mode & S_IFMT == S_IFREG
                } else if Vault.isMarkdown(name) {
                    problems.append(
                        Problem(note: child, line: 1, message: "can't read the note: \(SystemError(errno))"))
                }
            }
            if isFolder {
                handOver()
                visit(folder: child)
            } else if isFile, Vault.isMarkdown(name), !(relative.isEmpty && name == Vault.nextFileName) {
                files.append(child)
            }
        }
        handOver()
    }
}
