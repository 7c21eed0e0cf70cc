/// One ``InterviewNote`` in one allocation: the front matter in the header, then the people, action
/// items, log entries and passages as fixed-size records, then the UTF-8 bytes of their text.
///
/// A vault of 100,000 notes held each note as a dozen arrays and strings, each with its own
/// allocation, header and padding: about 1.3 KB a note. Here a note is the records and the bytes
/// they need. Names that an action item or a log entry repeats from the people are stored once.
/// Never changed once made, so notes holding it are shared freely between threads.
final class NoteStorage: ManagedBuffer<NoteStorage.Header, UInt8> {
    /// The front matter's values and the records' counts. The path and the company stay strings,
    /// which every action of the note shares; the other texts are among the bytes. Days are kept
    /// in four bytes: every day a note holds is within a few thousand years of year 1 to 9999
    /// (due phrases count at most 1,000 units), far inside `Int32`.
    struct Header {
        var path: String
        var company: String
        var role: TextRef
        var stage: TextRef
        var channel: TextRef
        var timelineText: TextRef
        var date: Int32
        var timelineEnd: Int32
        var minutes: Int32
        var statusLine: Int32
        var timelineLine: Int32
        var interviewerCount: Int32
        var itemCount: Int32
        var logCount: Int32
        var thankedCount: Int32
        var passageCount: Int32
        /// Where the text bytes start, after the records.
        var textStart: Int32
        /// The bytes in use (the allocation may be larger).
        var byteCount: Int32
        var hasContact: Bool
        var status: Status

        /// For an absent `timelineEnd`, `minutes` or `statusLine`.
        static let absent = Int32.min

        var peopleCount: Int { Int(interviewerCount) + (hasContact ? 1 : 0) }
        var itemsStart: Int { peopleCount * MemoryLayout<PersonRecord>.stride }
        var logStart: Int { itemsStart + Int(itemCount) * MemoryLayout<ItemRecord>.stride }
        var thankedStart: Int { logStart + Int(logCount) * MemoryLayout<LogRecord>.stride }
        var passagesStart: Int { thankedStart + Int(thankedCount) * MemoryLayout<TextRef>.stride }
    }

    /// Where a string is among the text bytes; `count` is `.max` for none.
    struct TextRef: Equatable {
        var offset: UInt32
        var count: UInt32

        static let none = TextRef(offset: 0, count: .max)
    }

    struct PersonRecord {
        var name: TextRef
        var email: TextRef
        var role: TextRef
        var line: Int32
    }

    struct ItemRecord {
        var text: TextRef
        var to: TextRef
        var due: Int32
        var line: Int32
        var isDeliverable: Bool
        /// Where the item's due phrase starts (``duePhraseStart(_:)``), in the padding the record
        /// has anyway.
        var duePhraseStart: UInt16
    }

    /// Where an action item's due phrase starts in its text (a UTF-8 offset; its length when it
    /// has none) as a note keeps it: in two bytes, so that a draft speaks of the thing promised
    /// without reading the item's words again. ``unknownDuePhraseStart`` when past where two bytes
    /// reach (an item of 64 KB), and for a note made by hand: then the phrase is looked for again.
    static func duePhraseStart(_ offset: Int) -> UInt16 {
        offset >= 0 && offset < Int(unknownDuePhraseStart) ? UInt16(offset) : unknownDuePhraseStart
    }

    static let unknownDuePhraseStart = UInt16.max

    struct LogRecord {
        var person: TextRef
        var day: Int32
        var line: Int32
        /// The first of the entry's names in the thanked list, and how many.
        var thankedStart: Int32
        var thankedCount: Int32
        var events: UInt8
    }

    struct PassageRecord {
        var text: TextRef
        var line: Int32
    }

    // MARK: Making

    /// The lists a note's records and text are gathered in before they are copied into its one
    /// allocation. A reader of many notes keeps one, so that they are allocated once, not for
    /// every note.
    struct Room {
        fileprivate var text = TextWriter()
        fileprivate var people: [PersonRecord] = []
        fileprivate var items: [ItemRecord] = []
        fileprivate var log: [LogRecord] = []
        fileprivate var thanked: [TextRef] = []
        fileprivate var passages: [PassageRecord] = []

        /// Empties every list for the next note, keeping its room.
        fileprivate mutating func removeAll() {
            text.removeAll()
            people.removeAll(keepingCapacity: true)
            items.removeAll(keepingCapacity: true)
            log.removeAll(keepingCapacity: true)
            thanked.removeAll(keepingCapacity: true)
            passages.removeAll(keepingCapacity: true)
        }
    }

    static func make(
        path: String, company: String, role: String?, date: Day, minutes: Int?, interviewers: [Person],
        contact: Person?, timeline: Timeline?, stage: String?, status: Status, statusLine: Int?, channel: String,
        actionItems: [ActionItem], duePhraseStarts: [UInt16], log: [LogEntry], passages: [Passage],
        in room: inout Room
    ) -> NoteStorage {
        room.removeAll()
        func record(_ person: Person) -> PersonRecord {
            PersonRecord(
                name: room.text.name(person.name), email: room.text.add(person.email),
                role: room.text.add(person.role), line: Int32(clamping: person.line))
        }
        for person in interviewers {
            let record = record(person)
            room.people.append(record)
        }
        if let contact {
            let record = record(contact)
            room.people.append(record)
        }
        for (index, item) in actionItems.enumerated() {
            let record = ItemRecord(
                text: room.text.add(item.text), to: room.text.name(item.to), due: Int32(clamping: item.due.ordinal),
                line: Int32(clamping: item.line), isDeliverable: item.kind == .deliverable,
                duePhraseStart: index < duePhraseStarts.count ? duePhraseStarts[index] : Self.unknownDuePhraseStart)
            room.items.append(record)
        }
        for entry in log {
            let start = Int32(clamping: room.thanked.count)
            for name in entry.thanked {
                let ref = room.text.name(name)
                room.thanked.append(ref)
            }
            let record = LogRecord(
                person: room.text.name(entry.person), day: Int32(clamping: entry.day.ordinal),
                line: Int32(clamping: entry.line),
                thankedStart: start, thankedCount: Int32(clamping: entry.thanked.count), events: entry.events.rawValue)
            room.log.append(record)
        }
        for passage in passages {
            let record = PassageRecord(text: room.text.add(passage.text), line: Int32(clamping: passage.line))
            room.passages.append(record)
        }
        var header = Header(
            path: path, company: company, role: room.text.add(role), stage: room.text.add(stage),
            channel: room.text.add(channel), timelineText: room.text.add(timeline?.text),
            date: Int32(clamping: date.ordinal),
            timelineEnd: timeline?.end.map { Int32(clamping: $0.ordinal) } ?? Header.absent,
            minutes: minutes.map { Int32(clamping: $0) } ?? Header.absent,
            statusLine: statusLine.map { Int32(clamping: $0) } ?? Header.absent,
            timelineLine: Int32(clamping: timeline?.line ?? 0), interviewerCount: Int32(clamping: interviewers.count),
            itemCount: Int32(clamping: room.items.count), logCount: Int32(clamping: room.log.count),
            thankedCount: Int32(clamping: room.thanked.count), passageCount: Int32(clamping: room.passages.count),
            textStart: 0, byteCount: 0, hasContact: contact != nil, status: status)
        let textStart = header.passagesStart + room.passages.count * MemoryLayout<PassageRecord>.stride
        let byteCount = textStart + room.text.bytes.count
        precondition(byteCount <= Int32.max, "a note's text is over 2 GB")
        header.textStart = Int32(textStart)
        header.byteCount = Int32(byteCount)

        let storage = unsafeDowncast(create(minimumCapacity: byteCount) { _ in header }, to: NoteStorage.self)
        storage.withUnsafeMutablePointerToElements { elements in
            let base = UnsafeMutableRawPointer(elements)
            func store<Record>(_ records: [Record], at start: Int) {
                records.withUnsafeBytes { bytes in
                    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                    base.advanced(by: start).copyMemory(from: source, byteCount: bytes.count)
                }
            }
            store(room.people, at: 0)
            store(room.items, at: header.itemsStart)
            store(room.log, at: header.logStart)
            store(room.thanked, at: header.thankedStart)
            store(room.passages, at: header.passagesStart)
            store(room.text.bytes, at: textStart)
        }
        return storage
    }

    /// The same note at another path.
    func moved(to path: String) -> NoteStorage {
        var header = self.header
        header.path = path
        let count = Int(header.byteCount)
        let copy = unsafeDowncast(Self.create(minimumCapacity: count) { _ in header }, to: NoteStorage.self)
        withUnsafeMutablePointerToElements { source in
            copy.withUnsafeMutablePointerToElements { $0.update(from: source, count: count) }
        }
        return copy
    }

    // MARK: Reading

    /// Reads the records and text through `body`.
    private func reading<T>(_ body: (Reader) -> T) -> T {
        withUnsafeMutablePointerToElements { elements in
            body(Reader(base: UnsafeRawPointer(elements), textStart: Int(header.textStart)))
        }
    }

    private struct Reader {
        let base: UnsafeRawPointer
        let textStart: Int

        func record<Record>(_ type: Record.Type, at start: Int, _ index: Int) -> Record {
            base.loadUnaligned(fromByteOffset: start + index * MemoryLayout<Record>.stride, as: Record.self)
        }

        /// The bytes of a text, where they are; nil for ``TextRef/none``.
        func bytes(_ ref: TextRef) -> UnsafeBufferPointer<UInt8>? {
            guard ref != .none else { return nil }
            let start = (base + textStart + Int(ref.offset)).assumingMemoryBound(to: UInt8.self)
            return UnsafeBufferPointer(start: start, count: Int(ref.count))
        }

        func string(_ ref: TextRef) -> String? {
            bytes(ref).map { String(decoding: $0, as: UTF8.self) }
        }

        func person(at index: Int) -> Person {
            let record = record(PersonRecord.self, at: 0, index)
            return Person(
                name: string(record.name) ?? "", email: string(record.email), role: string(record.role),
                line: Int(record.line))
        }
    }

    /// One of the header's texts.
    func string(_ ref: TextRef) -> String? {
        reading { $0.string(ref) }
    }

    /// Calls `body` with the UTF-8 bytes of the name of the person at `index` (interviewers, then
    /// the contact), read where they are.
    func withPersonName<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        checkPerson(index)
        return reading { reader in
            body(
                reader.bytes(reader.record(PersonRecord.self, at: 0, index).name)
                    ?? UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    /// Stops on an `index` that is not one of the note's people (interviewers, then the contact).
    private func checkPerson(_ index: Int) {
        precondition(index >= 0 && index < header.peopleCount, "person \(index) is out of range")
    }

    /// Whether the person at `index` has an email and a role.
    func personHas(at index: Int) -> (email: Bool, role: Bool) {
        checkPerson(index)
        let record = reading { $0.record(PersonRecord.self, at: 0, index) }
        return (record.email != .none, record.role != .none)
    }

    func people(in range: Range<Int>) -> [Person] {
        reading { reader in range.map { reader.person(at: $0) } }
    }

    func person(at index: Int) -> Person {
        checkPerson(index)
        return reading { $0.person(at: index) }
    }

    func actionItems(withText: Bool = true) -> [ActionItem] {
        let header = self.header
        return reading { reader in
            (0..<Int(header.itemCount)).map { index in
                let record = reader.record(ItemRecord.self, at: header.itemsStart, index)
                return ActionItem(
                    text: withText ? reader.string(record.text) ?? "" : "",
                    kind: record.isDeliverable ? .deliverable : .task,
                    due: Day(ordinal: Int(record.due)), to: reader.string(record.to), line: Int(record.line))
            }
        }
    }

    /// Where an action item's due phrase starts (``duePhraseStart(_:)``); nil when not known.
    func actionItemDuePhraseStart(at index: Int) -> Int? {
        precondition(index >= 0 && index < Int(header.itemCount), "action item \(index) is out of range")
        let start = header.itemsStart
        let kept = reading { $0.record(ItemRecord.self, at: start, index).duePhraseStart }
        return kept == Self.unknownDuePhraseStart ? nil : Int(kept)
    }

    func actionItemText(at index: Int) -> String {
        withActionItemText(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of an action item's text, read where they are.
    func withActionItemText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(index >= 0 && index < Int(header.itemCount), "action item \(index) is out of range")
        let start = header.itemsStart
        return reading { reader in
            body(
                reader.bytes(reader.record(ItemRecord.self, at: start, index).text)
                    ?? UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    func logEntry(at index: Int) -> LogEntry {
        precondition(index >= 0 && index < Int(header.logCount), "log entry \(index) is out of range")
        let header = self.header
        return reading { reader in
            let record = reader.record(LogRecord.self, at: header.logStart, index)
            let thanked = (0..<Int(record.thankedCount)).map { offset in
                reader.string(reader.record(TextRef.self, at: header.thankedStart, Int(record.thankedStart) + offset))
                    ?? ""
            }
            return LogEntry(
                day: Day(ordinal: Int(record.day)), events: LogEntry.Events(rawValue: record.events), thanked: thanked,
                person: reader.string(record.person), line: Int(record.line))
        }
    }

    func logDay(at index: Int) -> Day {
        precondition(index >= 0 && index < Int(header.logCount), "log entry \(index) is out of range")
        let start = header.logStart
        return reading { Day(ordinal: Int($0.record(LogRecord.self, at: start, index).day)) }
    }

    func passages() -> [Passage] {
        let header = self.header
        return reading { reader in
            (0..<Int(header.passageCount)).map { index in
                let record = reader.record(PassageRecord.self, at: header.passagesStart, index)
                return Passage(text: reader.string(record.text) ?? "", line: Int(record.line))
            }
        }
    }
}

/// Gathers the text bytes of one note, and where each string is among them.
private struct TextWriter {
    var bytes: [UInt8] = []
    /// The names written so far: an item or a log entry usually names one of the people.
    private var names: [(name: String, ref: NoteStorage.TextRef)] = []

    /// Empties the writer for a note, keeping its room.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        // A note's texts come to a kilobyte or two: room made once rather than grown.
        bytes.reserveCapacity(2048)
        names.reserveCapacity(4)
    }

    mutating func add(_ string: String?) -> NoteStorage.TextRef {
        guard var string else { return .none }
        let offset = bytes.count
        // Through a buffer pointer: appending the UTF-8 view itself cost three times as much.
        string.withUTF8 { bytes.append(contentsOf: $0) }
        precondition(bytes.count <= Int32.max, "a note's text is over 2 GB")
        return NoteStorage.TextRef(offset: UInt32(offset), count: UInt32(bytes.count - offset))
    }

    /// A name, stored once however often it is given.
    mutating func name(_ name: String?) -> NoteStorage.TextRef {
        guard let name else { return .none }
        if let known = names.first(where: { $0.name == name }) { return known.ref }
        let ref = add(name)
        names.append((name, ref))
        return ref
    }
}
