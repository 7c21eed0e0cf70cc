import Testing

@testable import FollowupCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A note keeps its lists as records and bytes in one allocation (NoteStorage): what goes in must
/// come out exactly, whatever the strings are.
@Suite("A note's storage")
struct NoteStorageTests {
    /// A deterministic generator (SplitMix64), so a failure is reproduced by its seed.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        /// Text of every kind a note holds: empty, short enough to live inside a String, long,
        /// accented, emoji, right-to-left, NUL-free control characters.
        mutating func text() -> String {
            let pieces = ["", "a", "Sarah", "Miles Dyson", "Zoë Ångström", "👩🏽‍💻", "مرحبا", "\t", "  ", "x@example.com"]
            return (0..<below(5)).map { _ in pieces[below(pieces.count)] }.joined(separator: " ")
                + (chance(20) ? String(repeating: "long ", count: below(40)) : "")
        }

        mutating func optionalText() -> String? { chance(30) ? nil : text() }
        mutating func day() -> Day { Day(ordinal: below(40_000) - 10_000) }
        mutating func line() -> Int { below(100_000) }
    }

    struct Parts {
        var path: String
        var company: String
        var role: String?
        var date: Day
        var minutes: Int?
        var interviewers: [Person]
        var contact: Person?
        var timeline: Timeline?
        var stage: String?
        var status: Status
        var statusLine: Int?
        var channel: String
        var actionItems: [ActionItem]
        var log: [LogEntry]
        var passages: [Passage]

        var note: InterviewNote {
            InterviewNote(
                path: path, company: company, role: role, date: date, minutes: minutes, interviewers: interviewers,
                contact: contact, timeline: timeline, stage: stage, status: status, statusLine: statusLine,
                channel: channel, actionItems: actionItems, log: log, passages: passages)
        }
    }

    static func parts(seed: UInt64) -> Parts {
        var random = Generator(state: seed)
        let people = (0..<random.below(5)).map { _ in
            Person(name: random.text(), email: random.optionalText(), role: random.optionalText(), line: random.line())
        }
        // Items and log entries usually name one of the people (stored once), sometimes someone else.
        func someName() -> String? {
            if !people.isEmpty, random.chance(60) { return people[random.below(people.count)].name }
            return random.optionalText()
        }
        let items = (0..<random.below(6)).map { _ in
            ActionItem(
                text: random.text(), kind: random.chance(50) ? .deliverable : .task, due: random.day(), to: someName(),
                line: random.line())
        }
        let log = (0..<random.below(6)).map { _ in
            LogEntry(
                day: random.day(), events: LogEntry.Events(rawValue: UInt8(random.below(64))),
                thanked: (0..<random.below(4)).compactMap { _ in someName() }, person: someName(), line: random.line())
        }
        let passages = (0..<random.below(4)).map { _ in Passage(text: random.text(), line: random.line()) }
        return Parts(
            path: "folder/\(random.text()).md", company: random.text(), role: random.optionalText(), date: random.day(),
            minutes: random.chance(50) ? random.below(1440) : nil, interviewers: people,
            contact: random.chance(40)
                ? Person(name: random.text(), email: random.optionalText(), role: nil, line: random.line()) : nil,
            timeline: random.chance(60)
                ? Timeline(text: random.text(), end: random.chance(70) ? random.day() : nil, line: random.line()) : nil,
            stage: random.optionalText(), status: Status.allCases[random.below(Status.allCases.count)],
            statusLine: random.chance(50) ? random.line() : nil, channel: random.text(), actionItems: items, log: log,
            passages: passages)
    }

    /// Where each action item's due phrase starts comes back as given; not known when past where
    /// two bytes reach, for an item past the end of the list, and in a note made by hand.
    @Test(arguments: 0..<100)
    func duePhraseStartsComeBackAsGiven(seed: UInt64) {
        let parts = Self.parts(seed: seed)
        var random = Generator(state: ~seed)
        let starts = parts.actionItems.map { _ in
            NoteStorage.duePhraseStart(random.chance(20) ? 65_535 + random.below(10) : random.below(65_535))
        }
        let given = Array(starts.dropLast(random.below(2)))
        var room = NoteStorage.Room()
        let note = InterviewNote(
            path: parts.path, company: parts.company, role: parts.role, date: parts.date, minutes: parts.minutes,
            interviewers: parts.interviewers, contact: parts.contact, timeline: parts.timeline, stage: parts.stage,
            status: parts.status, statusLine: parts.statusLine, channel: parts.channel,
            actionItems: parts.actionItems, duePhraseStarts: given, log: parts.log, passages: parts.passages,
            in: &room)
        #expect(note.actionItems == parts.actionItems)
        for index in parts.actionItems.indices {
            let kept = index < given.count && given[index] != NoteStorage.unknownDuePhraseStart
            #expect(note.actionItemDuePhraseStart(at: index) == (kept ? Int(given[index]) : nil))
            #expect(parts.note.actionItemDuePhraseStart(at: index) == nil)
        }
    }

    /// The place of an item's due phrase is kept in two bytes of its record's padding: the record
    /// is no larger for it (a large vault holds hundreds of thousands).
    @Test func anItemRecordIsTwentyEightBytes() {
        #expect(MemoryLayout<NoteStorage.ItemRecord>.stride == 28)
        #expect(NoteStorage.duePhraseStart(65_534) == 65_534)
        #expect(NoteStorage.duePhraseStart(65_535) == NoteStorage.unknownDuePhraseStart)
        #expect(NoteStorage.duePhraseStart(-1) == NoteStorage.unknownDuePhraseStart)
    }

    @Test(arguments: 0..<500)
    func everyFieldComesBackAsGiven(seed: UInt64) {
        let parts = Self.parts(seed: seed)
        let note = parts.note
        #expect(note.path == parts.path)
        #expect(note.company == parts.company)
        #expect(note.role == parts.role)
        #expect(note.date == parts.date)
        #expect(note.minutes == parts.minutes)
        #expect(note.interviewers == parts.interviewers)
        #expect(note.contact == parts.contact)
        #expect(note.timeline == parts.timeline)
        #expect(note.stage == parts.stage)
        #expect(note.status == parts.status)
        #expect(note.statusLine == parts.statusLine)
        #expect(note.channel == parts.channel)
        #expect(note.actionItems == parts.actionItems)
        #expect(note.log == parts.log)
        #expect(note.logCount == parts.log.count)
        for (index, entry) in parts.log.enumerated() {
            #expect(note.logEntry(at: index) == entry)
            #expect(note.logDay(at: index) == entry.day)
        }
        #expect(note.passages == parts.passages)
    }

    /// A reader keeps one room for all its notes: each note made in it is the note a new room
    /// makes, as long and with the same text bytes (nothing of the note before is carried along,
    /// not even unread), and with the same records.
    @Test func oneRoomMakesEachNoteAsANewRoomDoes() {
        var room = NoteStorage.Room()
        func make(_ parts: Parts, in room: inout NoteStorage.Room) -> NoteStorage {
            NoteStorage.make(
                path: parts.path, company: parts.company, role: parts.role, date: parts.date, minutes: parts.minutes,
                interviewers: parts.interviewers, contact: parts.contact, timeline: parts.timeline, stage: parts.stage,
                status: parts.status, statusLine: parts.statusLine, channel: parts.channel,
                actionItems: parts.actionItems, duePhraseStarts: [], log: parts.log, passages: parts.passages,
                in: &room)
        }
        for seed in UInt64(0)..<300 {
            let parts = Self.parts(seed: seed)
            var newRoom = NoteStorage.Room()
            let (kept, fresh) = (make(parts, in: &room), make(parts, in: &newRoom))
            #expect(kept.header.byteCount == fresh.header.byteCount, "seed \(seed)")
            #expect(kept.header.textStart == fresh.header.textStart, "seed \(seed)")
            // The text bytes; the records before them hold padding, which is not compared.
            let (start, end) = (Int(fresh.header.textStart), Int(fresh.header.byteCount))
            let sameText = kept.withUnsafeMutablePointerToElements { one in
                fresh.withUnsafeMutablePointerToElements { other in
                    end <= Int(kept.header.byteCount) && memcmp(one + start, other + start, end - start) == 0
                }
            }
            #expect(sameText, "seed \(seed)")
            #expect(kept.actionItems() == fresh.actionItems(), "seed \(seed)")
            #expect(kept.passages() == fresh.passages(), "seed \(seed)")
        }
    }

    @Test func notesAreEqualWhenTheyHoldTheSameAndOnlyThen() {
        let parts = Self.parts(seed: 7)
        #expect(parts.note == parts.note)
        var other = parts
        other.actionItems.append(ActionItem(text: "one more", kind: .task, due: Day(ordinal: 1), line: 3))
        #expect(parts.note != other.note)
        other = parts
        other.company += "!"
        #expect(parts.note != other.note)
    }

    @Test func movingANoteChangesOnlyItsPath() {
        let parts = Self.parts(seed: 11)
        var moved = parts.note
        moved.path = "elsewhere/note.md"
        var expected = parts
        expected.path = "elsewhere/note.md"
        #expect(moved == expected.note)
        #expect(moved.actionItems == parts.actionItems)
        #expect(moved.log == parts.log)
    }
}
