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
    /// A relative `path` is looked up in the open `folder` when one is given, else in the current
    /// directory.
    public static func read(
        _ path: String, in folder: Int32 = AT_FDCWD, limit: Int = sizeLimit
    ) -> Result<[UInt8], SystemError> {
        var bytes: [UInt8] = []
        return read(path, in: folder, limit: limit, into: &bytes).map { bytes }
    }

    /// ``read(_:in:limit:)`` into `bytes`, whose room is used again: a thread reading many notes
    /// keeps one buffer rather than allocating one a note (a note is larger than the allocator's
    /// small sizes, and each such allocation took its slow path). `bytes` holds the file after
    /// success and is empty after a failure.
    public static func read(
        _ path: String, in folder: Int32 = AT_FDCWD, limit: Int = sizeLimit, into bytes: inout [UInt8]
    ) -> Result<Void, SystemError> {
        bytes.removeAll(keepingCapacity: true)
        // `withCString` lends a native string's own bytes (they end in a NUL); passing `path`
        // itself copies them into a new array each call, made through a generic slow path.
        let descriptor = path.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .failure(SystemError(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(SystemError(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(notAFile(info)) }
        guard Int(info.st_size) <= limit else { return .failure(tooLarge(Int(info.st_size), limit: limit)) }
        // One allocation of the size fstat gives (plus one byte, to see a file that grew), read
        // into directly; a file that keeps growing is read on in doubling steps, up to the limit.
        // Once the size fstat gave is read, the file is whole: no further read to be told the end
        // (one of the five system calls a note took). A file that says it is empty is read to its
        // end, as /proc files must be; a short read is only a pause, and reading goes on.
        let size = Int(info.st_size)
        var capacity = size + 1
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
                    if filled == size, size > 0 {
                        reachedEnd = true
                        return
                    }
                }
            }
            if let failure {
                bytes.removeAll(keepingCapacity: true)
                return .failure(failure)
            }
            if reachedEnd {
                bytes.removeLast(bytes.count - filled)
                return .success(())
            }
            guard capacity <= limit else {
                bytes.removeAll(keepingCapacity: true)
                return .failure(tooLarge(capacity, limit: limit))
            }
            capacity = min(capacity * 2, limit + 1)
        }
    }

    /// How many bytes of an existing file ``Rewrite/start`` holds: enough to tell who wrote it.
    public static let comparedPrefix = 4096

    /// New contents for `path`, given a piece at a time and compared with the file as they come:
    /// the file is replaced (atomically, through a ``Replacement``) only when they differ, and
    /// neither the old nor the new contents are ever held whole in memory. While the new
    /// contents match the old, nothing is written; at the first difference the matching part is
    /// copied from the old file into the replacement, and the rest follows.
    public final class Rewrite {
        let path: String
        /// The first bytes of the existing file, or nil when there is none.
        public let start: [UInt8]?
        private var old: Int32
        private var offset = 0
        private var replacement: Replacement?
        private var failure: SystemError?

        /// Opens the existing file, if any, to compare with. A file that cannot be read (other
        /// than a missing one) is an error unless `compare` is false.
        public init(of path: String, compare: Bool = true) throws(SystemError) {
            self.path = path
            old = compare ? open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) : -1
            guard old >= 0 else {
                if compare, errno != ENOENT { throw SystemError(errno) }
                start = nil
                return
            }
            var info = stat()
            guard fstat(old, &info) == 0 else {
                let error = SystemError(errno)
                close(old)
                throw error
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                close(old)
                throw FileBytes.notAFile(info)
            }
            var start = [UInt8](repeating: 0, count: comparedPrefix)
            let descriptor = old
            let count = start.withUnsafeMutableBytes { Self.readFully(descriptor, into: $0, at: 0) }
            guard count >= 0 else {
                let error = SystemError(errno)
                close(old)
                throw error
            }
            start.removeLast(comparedPrefix - count)
            self.start = start
        }

        deinit {
            if old >= 0 { close(old) }
            compared?.deallocate()
        }

        /// The next piece of the new contents. A failure is kept for ``finish()`` to report.
        public func write(_ piece: UnsafeRawBufferPointer) {
            guard failure == nil, piece.count > 0 else { return }
            do throws(SystemError) {
                if replacement == nil, try !oldMatches(piece) { try beginReplacement() }
                if let replacement { try replacement.write(piece) }
                offset += piece.count
            } catch {
                failure = error
            }
        }

        /// Replaces the file if the contents differ; returns whether it did.
        public func finish() throws(SystemError) -> Bool {
            if let failure { throw failure }
            if replacement == nil {
                // Everything matched so far: the file is unchanged unless it is longer.
                var probe: UInt8 = 0
                let more =
                    old >= 0 ? withUnsafeMutableBytes(of: &probe) { Self.readFully(old, into: $0, at: offset) } : 1
                if more < 0 { throw SystemError(errno) }
                if more == 0 { return false }
                try beginReplacement()
            }
            try replacement!.commit()
            return true
        }

        private func oldMatches(_ piece: UnsafeRawBufferPointer) throws(SystemError) -> Bool {
            guard old >= 0 else { return false }
            // The old file is read into one small buffer, a part at a time: NEXT.md comes in pieces
            // of a megabyte, and a new zeroed buffer for each was a megabyte of fresh pages to fault
            // in and clear, on the thread that writes, for every piece of an unchanged file.
            if compared == nil { compared = .allocate(byteCount: Self.comparedPart, alignment: 16) }
            let buffer = compared!
            var done = 0
            while done < piece.count {
                let part = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, piece.count - done)])
                let count = Self.readFully(old, into: part, at: offset + done)
                if count < 0 { throw SystemError(errno) }
                guard count == part.count, memcmp(part.baseAddress!, piece.baseAddress! + done, count) == 0 else {
                    return false
                }
                done += count
            }
            return true
        }

        /// How much of the old file is read at a time to compare with the new contents.
        public static let comparedPart = 1 << 16
        /// The buffer for that, made when first needed.
        private var compared: UnsafeMutableRawBufferPointer?

        /// Starts the replacement with the part of the old file that matched.
        private func beginReplacement() throws(SystemError) {
            let replacement = try Replacement(of: path)
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, min(offset, 1 << 20)), alignment: 1)
            defer { block.deallocate() }
            var copied = 0
            while copied < offset {
                let part = UnsafeMutableRawBufferPointer(rebasing: block[..<min(block.count, offset - copied)])
                let count = Self.readFully(old, into: part, at: copied)
                if count < 0 { throw SystemError(errno) }
                guard count == part.count else {
                    throw SystemError(EIO, reason: "the file changed while it was compared")
                }
                try replacement.write(UnsafeRawBufferPointer(part))
                copied += count
            }
            self.replacement = replacement
        }

        /// Reads up to `buffer.count` bytes at `offset`; the count read (less only at the end of
        /// the file), or -1 with `errno` set.
        private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
            -> Int
        {
            var filled = 0
            while filled < buffer.count {
                let count = pread(
                    descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
                if count < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                if count == 0 { break }
                filled += count
            }
            return filled
        }
    }

    /// Writes all of `bytes` to the open `descriptor`, through partial writes and interruptions.
    public static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError(errno)
            }
            guard written > 0 else { throw SystemError(EIO, reason: "nothing could be written") }
            offset += written
        }
    }

    /// The error for something at a note's or NEXT.md's path that is not a regular file.
    static func notAFile(_ info: stat) -> SystemError {
        let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a pipe, socket or device"
        return SystemError(EISDIR, reason: "it is \(what), not a file")
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
        let replacement = try Replacement(of: path, mode: mode)
        var failure: SystemError?
        bytes.withUnsafeBytes { buffer in
            do throws(SystemError) { try replacement.write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        try replacement.commit()
    }

    /// A file being written beside `path` that replaces it, atomically, on ``commit()``; until
    /// then `path` is untouched, and a replacement never committed is removed.
    public final class Replacement {
        let path: String
        let folder: String
        let temporary: String
        private var descriptor: Int32

        /// Creates the temporary file (`.NAME.PID.N.tmp` beside `path`, with `O_EXCL`).
        public init(of path: String, mode: mode_t = 0o666) throws(SystemError) {
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
            self.path = path
            self.folder = folder
            self.temporary = temporary
            self.descriptor = descriptor
        }

        public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
            try FileBytes.write(bytes, to: descriptor)
        }

        /// Flushes the file, renames it over `path` and flushes the folder. On failure the
        /// temporary file is removed.
        public func commit() throws(SystemError) {
            var failure: SystemError?
            if fsync(descriptor) != 0 { failure = SystemError(errno) }
            if close(descriptor) != 0, failure == nil { failure = SystemError(errno) }
            descriptor = -1
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

        deinit {
            // Never committed: remove what was written.
            if descriptor >= 0 {
                close(descriptor)
                unlink(temporary)
            }
        }
    }
}
