#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and atomic replacement, with POSIX calls so that every failure keeps its
/// `errno` and nothing is buffered behind our back.
public enum FileBytes {
    /// The largest file read: far more than any note, and a stop for a video or disk image that
    /// was given a `.md` name, which would otherwise be read whole into memory.
    public static let sizeLimit = 64 << 20

    /// The whole file, opened read-only.
    ///
    /// `O_NONBLOCK` because a note can be swapped for a FIFO between the scan and the read, and
    /// opening a FIFO with no writer would wait forever; it changes nothing for a regular file.
    public static func read(_ path: String, limit: Int = sizeLimit) -> Result<[UInt8], SystemError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(SystemError(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a pipe, socket or device"
            return .failure(SystemError(EISDIR, reason: "it is \(what), not a file"))
        }
        guard Int(info.st_size) <= limit else { return .failure(tooLarge(Int(info.st_size), limit: limit)) }
        // One allocation of the size fstat gives (plus one byte, to see a file that grew), read
        // into directly; a file that keeps growing is read on in doubling steps, up to the limit.
        var capacity = Int(info.st_size) + 1
        var bytes: [UInt8] = []
        while true {
            var failure: SystemError?
            var reachedEnd = false
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity - start))
            var filled = start
            bytes.withUnsafeMutableBytes { buffer in
                while filled < buffer.count {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = SystemError(errno)
                        return
                    }
                    if count == 0 {
                        reachedEnd = true
                        return
                    }
                    filled += count
                }
            }
            if let failure { return .failure(failure) }
            if reachedEnd {
                bytes.removeLast(bytes.count - filled)
                return .success(bytes)
            }
            guard capacity <= limit else { return .failure(tooLarge(capacity, limit: limit)) }
            capacity = min(capacity * 2, limit + 1)
        }
    }

    /// How a file compares with bytes that may replace it.
    public enum Comparison: Equatable, Sendable {
        case same
        /// The file differs; `start` is its first bytes (up to ``comparedPrefix``), enough to tell
        /// whether followup wrote it.
        case different(start: [UInt8])
    }

    /// How many bytes of a differing file ``compare(_:with:)`` returns.
    public static let comparedPrefix = 4096

    /// Compares the file at `path` with `bytes`, reading it a block at a time: a NEXT.md of any
    /// size is checked without being held in memory, and a file of another size is told apart
    /// from its first block.
    public static func compare(_ path: String, with bytes: [UInt8]) -> Result<Comparison, SystemError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(SystemError(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a pipe, socket or device"
            return .failure(SystemError(EISDIR, reason: "it is \(what), not a file"))
        }
        var differs = Int(info.st_size) != bytes.count
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var start: [UInt8] = []
        var offset = 0
        while true {
            var count = 0
            repeat {
                count = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            } while count < 0 && errno == EINTR
            if count < 0 { return .failure(SystemError(errno)) }
            if count == 0 { return .success(!differs && offset == bytes.count ? .same : .different(start: start)) }
            if start.count < comparedPrefix { start += block.prefix(min(count, comparedPrefix - start.count)) }
            if !differs {
                differs =
                    offset + count > bytes.count
                    || block.withUnsafeBytes { read in
                        bytes.withUnsafeBytes { memcmp(read.baseAddress!, $0.baseAddress! + offset, count) != 0 }
                    }
            }
            offset += count
            // A differing file needs only its start, to tell who wrote it.
            if differs, start.count >= comparedPrefix { return .success(.different(start: start)) }
        }
    }

    private static func tooLarge(_ size: Int, limit: Int) -> SystemError {
        SystemError(
            EFBIG,
            reason: "it is \(size >> 20) MB, more than the \(limit >> 20) MB a note may be (is it really a note?)")
    }

    /// Replaces `path` with `bytes`: write a new temporary file beside it, flush it, rename it over
    /// `path`, flush the folder. On failure the temporary file is removed and `path` is untouched.
    ///
    /// The temporary file is created with `O_EXCL` under a fresh name, so nothing that already
    /// exists is ever opened, truncated or removed.
    /// A new file gets `mode`, less the umask.
    public static func replaceAtomically(
        _ path: String, with bytes: [UInt8], mode: mode_t = 0o666
    ) throws(SystemError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 where descriptor < 0 {
            temporary = "\(folder.isEmpty ? "" : folder)/.\(name).\(getpid()).\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if descriptor < 0, errno != EEXIST { throw SystemError(errno) }
        }
        guard descriptor >= 0 else { throw SystemError(EEXIST) }
        var failure: SystemError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = SystemError(errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = SystemError(errno) }
        if close(descriptor) != 0, failure == nil { failure = SystemError(errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = SystemError(errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
