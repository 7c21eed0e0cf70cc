#if os(Linux)
    import Glibc

    /// Watches a vault's folders with Linux inotify and reports each burst of changes to its notes
    /// once the burst has settled.
    ///
    /// Between events the watcher sleeps in `poll(2)`: it never wakes on a timer of its own unless a
    /// change is waiting to settle. Every folder of the vault is watched (inotify does not recurse);
    /// a folder created, moved in or moved out makes it watch the folders afresh.
    ///
    /// What counts as a change to a note: a `.md` file closed after writing, moved in (an editor
    /// that saves by writing a temporary file and renaming it over the note), moved away or deleted.
    /// Hidden files, such as NEXT.md's own temporary files and editors' swap files, and the vault's
    /// NEXT.md never count, so regenerating NEXT.md does not wake the watcher again.
    public final class VaultWatcher {
        public let vault: Vault
        /// How long the notes must stay quiet before a change is reported: an editor's save is a
        /// few events in a row, and they make one report.
        public var settle: Duration = .milliseconds(150)
        /// The longest a change waits to be reported, even while changes keep coming.
        public var longestWait: Duration = .seconds(1)

        private let inotify: Int32
        /// Watch descriptor → folder, relative to the vault (`""` for the vault itself).
        private var folders: [Int32: String] = [:]
        private var rootWatch: Int32 = -1

        /// The notes that changed in one burst, relative to the vault, sorted.
        public struct Change: Sendable, Equatable {
            public var paths: [String]
        }

        /// Why ``run(_:)`` returned.
        public enum Stop: Sendable, Equatable {
            /// SIGINT (Ctrl-C) or SIGTERM.
            case interrupted(signal: Int32)
            /// The vault folder was deleted or moved away.
            case vaultGone
        }

        /// Starts watching every folder of `vault`.
        public init(vault: Vault) throws(VaultError) {
            try vault.requireFolder()
            self.vault = vault
            inotify = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            guard inotify >= 0 else { throw .cannotWatch(vault.path, reason: SystemError(errno).description) }
            try watchAllFolders()
        }

        deinit {
            close(inotify)
        }

        /// How many folders are watched.
        public var folderCount: Int { folders.count }

        /// Waits for changes and calls `changed` after each burst has settled, until SIGINT or
        /// SIGTERM arrives or the vault goes away. The signals are caught only while this runs.
        public func run(_ changed: (Change) -> Void) throws(VaultError) -> Stop {
            let interrupt = try Interrupt()
            defer { interrupt.restore() }
            let clock = ContinuousClock()
            var pending: Set<String> = []
            var first: ContinuousClock.Instant?
            var last = clock.now
            while true {
                var timeout: Int32 = -1
                if let first {
                    let deadline = min(last + settle, first + longestWait)
                    timeout = Int32(max(0, (deadline - clock.now).milliseconds))
                }
                var descriptors = [
                    pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: interrupt.readEnd, events: Int16(POLLIN), revents: 0),
                ]
                if poll(&descriptors, 2, timeout) < 0 {
                    if errno == EINTR { continue }
                    throw .cannotWatch(vault.path, reason: SystemError(errno).description)
                }
                if descriptors[1].revents != 0 { return .interrupted(signal: interrupt.caught()) }
                if descriptors[0].revents != 0 {
                    switch try readEvents() {
                    case .vaultGone:
                        return .vaultGone
                    case .notes(let paths) where !paths.isEmpty:
                        pending.formUnion(paths)
                        if first == nil { first = clock.now }
                        last = clock.now
                    case .notes:
                        break
                    }
                }
                if let started = first, clock.now >= min(last + settle, started + longestWait) {
                    changed(Change(paths: pending.sorted()))
                    pending = []
                    first = nil
                }
            }
        }

        private static let mask =
            UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
            | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

        private enum Events {
            case notes(Set<String>)
            case vaultGone
        }

        /// Reads every queued event; returns the notes they touched.
        private func readEvents() throws(VaultError) -> Events {
            var touched: Set<String> = []
            var rescan = false
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { break }
                    throw .cannotWatch(vault.path, reason: SystemError(errno).description)
                }
                var offset = 0
                while offset + 16 <= count {
                    let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                        (
                            raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: say that something changed, and watch every folder afresh.
                        touched.insert("")
                        rescan = true
                        continue
                    }
                    if watch == rootWatch,
                        mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF) | UInt32(IN_IGNORED)) != 0
                    {
                        return .vaultGone
                    }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        folders[watch] = nil
                        continue
                    }
                    guard let folder = folders[watch] else { continue }
                    switch VaultWatcher.meaning(of: mask, name: name, in: folder) {
                    case .none:
                        break
                    case .note(let path):
                        touched.insert(path)
                    case .folder(let path):
                        touched.insert(path)
                        rescan = true
                    }
                }
            }
            if rescan { try watchAllFolders() }
            return .notes(touched)
        }

        /// What an event on `name` in `folder` means for the notes.
        enum Meaning: Equatable {
            case none
            /// A note was written, moved or deleted.
            case note(String)
            /// A folder came or went: the notes in it came or went with it.
            case folder(String)
        }

        static func meaning(of mask: UInt32, name: String, in folder: String) -> Meaning {
            guard !name.isEmpty, !name.hasPrefix(".") else { return .none }
            let path = folder.isEmpty ? name : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                let comesOrGoes = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
                return mask & comesOrGoes != 0 ? .folder(path) : .none
            }
            // A file being created is not yet saved: its IN_CLOSE_WRITE follows.
            let saved = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)
            guard mask & saved != 0, Vault.isNotePath(path) else { return .none }
            return .note(path)
        }

        /// Forgets every watch and watches each folder of the vault as it is now.
        private func watchAllFolders() throws(VaultError) {
            for watch in folders.keys { inotify_rm_watch(inotify, watch) }
            folders = [:]
            for folder in vault.folders() {
                let watch = inotify_add_watch(inotify, vault.join(folder), VaultWatcher.mask)
                if watch < 0 {
                    if errno == ENOSPC {
                        throw .cannotWatch(
                            vault.path,
                            reason:
                                "too many folders to watch; raise the limit with `sysctl fs.inotify.max_user_watches=524288`"
                        )
                    }
                    // The folder went away while it was being watched: its parent reports that.
                    continue
                }
                folders[watch] = folder
                if folder.isEmpty { rootWatch = watch }
            }
            guard folders.values.contains("") else {
                throw .cannotWatch(vault.path, reason: "can't watch the folder: \(SystemError(errno))")
            }
        }
    }

    /// SIGINT and SIGTERM turned into a byte on a pipe that `poll(2)` can wait on with the inotify
    /// descriptor: a signal handler may do little more than `write(2)`.
    private struct Interrupt {
        let readEnd: Int32

        init() throws(VaultError) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else {
                throw .cannotWatch(".", reason: "can't make a pipe: \(SystemError(errno))")
            }
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            }
            readEnd = ends[0]
            interruptWriteEnd = ends[1]
            var signals = sigset_t()
            sigemptyset(&signals)
            for number in [SIGINT, SIGTERM] {
                signal(number) { caught in
                    var byte = UInt8(truncatingIfNeeded: caught)
                    _ = write(interruptWriteEnd, &byte, 1)
                }
                sigaddset(&signals, number)
            }
            // A parent may start followup with these signals blocked (a thread of a test runner,
            // say); they would then never arrive.
            sigprocmask(SIG_UNBLOCK, &signals, nil)
        }

        /// The signal that arrived.
        func caught() -> Int32 {
            var byte: UInt8 = 0
            return read(readEnd, &byte, 1) == 1 ? Int32(byte) : SIGINT
        }

        func restore() {
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            close(readEnd)
            close(interruptWriteEnd)
        }
    }

    /// The write end of the interrupt pipe, for the signal handler (which can capture nothing).
    private nonisolated(unsafe) var interruptWriteEnd: Int32 = -1

    extension Duration {
        fileprivate var milliseconds: Int64 {
            let (seconds, attoseconds) = components
            return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        }
    }
#endif
