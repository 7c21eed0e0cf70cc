import Markdown

/// Finds action items and log entries in the outline of a note's body.
///
/// Sections are found by heading: everything after a heading named like `Next steps` belongs to it
/// until the next heading of the same or a higher level. Items inside block quotes are quoted
/// text, not the user's own plans, and are skipped.
struct NoteBody {
    let path: String
    let interview: Day
    let interviewers: [Person]
    let contact: Person?
    /// The interviewers' and the contact's names, split into words once for the whole note.
    private let interviewerNames: Roster
    private let contactName: Roster
    private let firstNames: AnyWordFinder

    init(path: String, interview: Day, interviewers: [Person], contact: Person?) {
        self.path = path
        self.interview = interview
        self.interviewers = interviewers
        self.contact = contact
        interviewerNames = Roster(interviewers)
        contactName = Roster(contact.map { [$0] } ?? [])
        // Each name up to its first space, as ``Person/firstName`` is, without making it a String:
        // for most names the same words as the roster's first words, whose finder is then shared.
        firstNames =
            interviewerNames.firstWordsFinder(ifUpToTheFirstSpaceOf: interviewers)
            ?? AnyWordFinder(
                interviewers.map { person in
                    person.name.utf8.firstIndex(of: 0x20).map { person.name[..<$0] } ?? person.name[...]
                })
    }

    /// What a note's body holds. A reader of many notes keeps one, emptied for each note: its
    /// lists' room is allocated once.
    struct Contents {
        var actionItems: [ActionItem] = []
        /// Where each action item's due phrase starts, as ``NoteStorage`` keeps it.
        var duePhraseStarts: [UInt16] = []
        var log: [LogEntry] = []
        var passages: [Passage] = []
        var warnings: [Problem] = []
        /// The words of the item being read, in room kept from one item to the next.
        fileprivate var words: [Word] = []
        /// The headings open at the block being read, outermost first.
        fileprivate var sections: [(level: Int, kind: Section)] = []

        /// The section the block being read is in: the innermost heading that names one.
        fileprivate var section: Section { sections.last { $0.kind != .other }?.kind ?? .other }

        /// Empties every list, keeping its room.
        mutating func removeAll() {
            actionItems.removeAll(keepingCapacity: true)
            duePhraseStarts.removeAll(keepingCapacity: true)
            log.removeAll(keepingCapacity: true)
            passages.removeAll(keepingCapacity: true)
            warnings.removeAll(keepingCapacity: true)
            words.removeAll(keepingCapacity: true)
            sections.removeAll(keepingCapacity: true)
        }
    }

    func read(_ outline: Outline) -> Contents {
        var contents = Contents()
        read(outline, into: &contents)
        return contents
    }

    /// ``read(_:)`` into `contents`, emptied first.
    func read(_ outline: Outline, into contents: inout Contents) {
        contents.removeAll()
        // By index, not `for block in`: that copies each block, a retain and a release of its text.
        for index in outline.blocks.indices {
            switch outline.blocks[index] {
            case .heading(let heading) where !heading.isQuoted:
                contents.sections.removeAll { $0.level >= heading.level }
                contents.sections.append((heading.level, Section(heading: heading.text)))
            case .heading:
                break
            case .listItem(let item) where !item.isQuoted:
                let section = contents.section
                read(item, in: section, into: &contents)
                if section == .other, item.task == nil, mentionsAnInterviewer(item.text) {
                    contents.passages.append(Passage(text: item.text, line: item.position.line))
                }
            case .paragraph(let paragraph) where !paragraph.isQuoted:
                // What the note says about the interview, outside the plans and the log: drafts
                // take their specific points from here.
                if contents.section == .other, mentionsAnInterviewer(paragraph.text) {
                    contents.passages.append(Passage(text: paragraph.text, line: paragraph.position.line))
                }
            case .listItem, .paragraph:
                break
            }
        }
    }

    /// Whether `text` contains an interviewer's first name in any case. Drafts can only take a
    /// point about someone from a passage that names them, so other prose is not kept: most of a
    /// note, and most of the memory a vault would take.
    private func mentionsAnInterviewer(_ text: String) -> Bool {
        firstNames.isFound(in: text)
    }

    /// ``mentionsAnInterviewer(_:)`` for a paragraph's UTF-8 text: the paragraphs worth keeping
    /// when the outline is made, so that the rest never become strings.
    func mentionsAnInterviewer(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        firstNames.isFound(in: text)
    }

    private func read(_ item: ListItem, in section: Section, into contents: inout Contents) {
        if section == .log, item.task != .open {
            readLogEntry(item, into: &contents)
            return
        }
        guard item.task == .open || (item.task == nil && (section == .actions || section == .deliverables)),
            !item.text.isEmpty
        else { return }
        var duePhraseStart = 0
        let read = actionItem(
            item, deliverable: section == .deliverables, words: &contents.words, warnings: &contents.warnings,
            duePhraseStart: &duePhraseStart)
        contents.actionItems.append(read)
        contents.duePhraseStarts.append(NoteStorage.duePhraseStart(duePhraseStart))
    }

    /// The action item `item` says, split into `words` (room kept from one item to the next), and
    /// where in its text its due phrase starts (its length when it has none).
    private func actionItem(
        _ item: ListItem, deliverable: Bool, words: inout [Word], warnings: inout [Problem],
        duePhraseStart: inout Int
    ) -> ActionItem {
        Word.split(item.text, into: &words)
        let isDeliverable = deliverable || words.first.map { Self.sendingVerbs.contains($0.key) } == true
        var due = interview.adding(days: Rules.daysToDoAnUndatedItem)
        let (reading, phraseStart) = DatePhrase.duePhrase(in: words, of: item.text, from: interview)
        switch reading {
        case .date(let day):
            due = day
        case .none:
            break
        case .unrecognised(let phrase):
            warnings.append(
                Problem(
                    note: path, line: item.position.line, column: item.position.column, severity: .warning,
                    message:
                        "can't read the due date in “\(phrase)”; it is due \(Rules.daysToDoAnUndatedItem) days after the interview (\(due.iso))"
                ))
        }
        duePhraseStart = phraseStart
        return ActionItem(
            text: item.text, kind: isDeliverable ? .deliverable : .task, due: due,
            to: interviewerNames.first(in: words, of: item.text)?.name, line: item.position.line)
    }

    private func readLogEntry(_ item: ListItem, into contents: inout Contents) {
        Word.split(item.text, into: &contents.words)
        guard let (day, next) = DatePhrase.leadingDate(in: contents.words, of: item.text, near: interview) else {
            // Nested items without a date are details of the entry above them.
            if item.depth == 0, !item.text.isEmpty {
                contents.warnings.append(
                    Problem(
                        note: path, line: item.position.line, column: item.position.column, severity: .warning,
                        message: "log entry has no date at the start (write `2026-11-19: …`); it is ignored"))
            }
            return
        }
        // The words after the date, in the line's own storage: no second list.
        contents.words.removeFirst(next)
        let words = contents.words
        var events = LogWords.events(in: words)
        if events.contains(.offer), events.contains(.rejection) {
            events.subtract([.offer, .rejection])
            contents.warnings.append(
                Problem(
                    note: path, line: item.position.line, column: item.position.column, severity: .warning,
                    message:
                        "log entry mentions both an offer and a rejection, so it counts as neither; set `status:` in the front matter"
                ))
        }
        let named = interviewerNames.all(in: words, of: item.text, anyCase: true)
        contents.log.append(
            LogEntry(
                day: day, events: events,
                thanked: events.contains(.thankYou) ? (named.isEmpty ? interviewers : named).map(\.name) : [],
                person: (named.first ?? contactName.first(in: words, of: item.text, anyCase: true))?.name,
                line: item.position.line))
    }

    /// First words that make an action item a deliverable: something to send to the company.
    static let sendingVerbs = WordTable<Void>([
        "send", "share", "email", "submit", "forward", "provide", "upload", "complete", "return",
    ])
}

/// What a heading says about the list items under it.
enum Section: Equatable {
    case actions
    case deliverables
    case log
    case other

    init(heading: String) {
        var copy = heading
        // Most headings are read from their bytes (most are not section names at all); the rest
        // are split into words, as notes' lines are.
        let read = copy.withUTF8(Self.section(ofBytes:))
        self = read ?? Self.byWords(heading)
    }

    /// The section a heading names, read as lower-case words joined by one space.
    static func byWords(_ heading: String) -> Section {
        byHeading[Word.split(heading).map { $0.lower(in: heading) }.joined(separator: " ")] ?? .other
    }

    /// The section a heading names, told from its UTF-8 bytes in one pass; nil when only its
    /// words can tell (a byte of 0x80 or more, or an apostrophe, the one joiner that could make
    /// a word of letters).
    ///
    /// A heading with more ASCII letters and digits than any section heading names none, whatever
    /// its other bytes (each letter and digit is in one of its words): told as soon as the count
    /// passes. The others are written as their lower-case letters and digits with a space for each run of
    /// other bytes between them, no longer than 2 x ``mostLetters`` - 1 bytes, into four words
    /// compared with the section headings packed the same way, without making a String or
    /// hashing one. This splits `1-2` in two where ``Word/split(_:)`` would not, which changes
    /// nothing here, as no section heading has a digit.
    static func section(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Section? {
        var packed = Packed()
        // Read once: a static is reached through a lazy initializer's check at every use.
        let mostLetters = Self.mostLetters
        var letters = 0
        var needsWords = false
        var written = 0
        var inWord = false
        withUnsafeMutableBytes(of: &packed.words) { out in
            for byte in bytes {
                let lower = byte | 0x20
                if lower &- 0x61 < 26 || byte &- 0x30 < 10 {
                    letters &+= 1
                    guard letters <= mostLetters else { return }
                    if !inWord, written > 0 {
                        out[written] = UInt8(ascii: " ")
                        written &+= 1
                    }
                    // A digit is unchanged by the 0x20 bit, which it has already.
                    out[written] = lower
                    written &+= 1
                    inWord = true
                } else {
                    // Past ASCII, a byte may be part of a letter or not: the words tell.
                    if byte >= 0x80 || byte == UInt8(ascii: "'") { needsWords = true }
                    inWord = false
                }
            }
        }
        guard letters <= mostLetters else { return .other }
        guard !needsWords else { return nil }
        packed.count = written
        return packedHeadings.first { $0.heading == packed }?.section ?? .other
    }

    /// Normalized heading bytes, the first in the lowest byte of the first word, zeros after the last.
    struct Packed: Equatable {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0

        static func == (one: Packed, other: Packed) -> Bool {
            one.count == other.count && one.words.0 == other.words.0 && one.words.1 == other.words.1
                && one.words.2 == other.words.2 && one.words.3 == other.words.3
        }
    }

    /// The section headings, packed (each is its own normalized form).
    private static let packedHeadings: [(heading: Packed, section: Section)] = byHeading.map { heading, section in
        var packed = Packed()
        let bytes = Array(heading.utf8)
        precondition(bytes.count <= MemoryLayout.size(ofValue: packed.words), "a section heading fits in four words")
        withUnsafeMutableBytes(of: &packed.words) { words in
            bytes.withUnsafeBytes { words.copyMemory(from: $0) }
        }
        packed.count = bytes.count
        return (packed, section)
    }

    /// The sections the headings below name, by their lower-case words, one space between them.
    private static let byHeading: [String: Section] = {
        var table: [String: Section] = [:]
        // In this order, the first kind naming a heading keeps it.
        for (kind, headings) in [
            (Section.actions, actionHeadings), (.deliverables, deliverableHeadings), (.log, logHeadings),
        ] {
            for heading in headings where table[heading] == nil { table[heading] = kind }
        }
        return table
    }()

    // Headings are compared as lower-case words, so `Follow-up actions:` is `follow up actions`.
    static let actionHeadings: Set<String> = [
        "next steps", "next step", "action items", "action item", "actions", "to do", "todo", "to dos", "todos",
        "follow up", "followup", "follow ups", "followups", "follow up actions", "followup actions",
    ]
    static let deliverableHeadings: Set<String> = ["deliverables", "deliverable"]
    static let logHeadings: Set<String> = ["log", "history", "updates", "timeline"]
    /// The most letters and digits in any of the headings above.
    static let mostLetters =
        (actionHeadings.union(deliverableHeadings).union(logHeadings)).map {
            $0.utf8.count { $0 != UInt8(ascii: " ") }
        }.max() ?? 0
}

/// Finds the people a line of text names.
///
/// A full name matches in any case. In an action item a first name alone matches only as written
/// in the front matter, so that an interviewer called Will or Mark is not found in "will send" or
/// "mark done". In a log line it matches in any case: there, missing a name would silently count a
/// thank-you as sent to everyone, while a false match costs only one reminder too many.
struct Roster {
    /// A class, never changed once made: the matching loops read entries in place, where a
    /// struct was copied out of the list at every call, its name and words retained and released.
    private final class Entry {
        let person: Person
        /// The words of the name (`person.name`).
        let words: [Word]

        init(person: Person, words: [Word]) {
            self.person = person
            self.words = words
        }

        /// Whether `word` of `text` is the name's word at `offset`, or with `possessive` also its
        /// possessive (`Sarah's`, `Sarah’s`), in any case. A possessive is told by the bytes of the
        /// lower case (by the keys when both fit one); a word alone as ``Word/isSame(as:of:and:)``
        /// says.
        func matches(_ word: Word, of text: String, at offset: Int, possessive: Bool) -> Bool {
            guard possessive else { return word.isSame(as: words[offset], of: text, and: person.name) }
            let key = words[offset].key
            if key.count > 0, word.key.count > 0 { return word.key.isName(key) }
            return Roster.isName(words[offset].lower(in: person.name), word.lower(in: text))
        }

        /// Where in `words` (of `text`) the whole name starts, if it is there: its words in a row,
        /// the last one maybe possessive. Only for a name of two words or more.
        func fullNameIndex(in words: [Word], of text: String) -> Int? {
            let count = self.words.count
            guard count > 1, count <= words.count else { return nil }
            // The first word is compared whole: a word of another length (most of them, told
            // without reading it) starts no match.
            let firstLength = self.words[0].key.count
            return (0...(words.count - count)).first { start in
                words[start].key.count == firstLength
                    && self.words.indices.allSatisfy { offset in
                        matches(words[start + offset], of: text, at: offset, possessive: offset == count - 1)
                    }
            }
        }

        /// The first word of `words` (of `text`) that is the name's first word or its possessive
        /// (as written, unless `anyCase`), other than the words where `taken` holds.
        func firstWordIndex(in words: [Word], of text: String, anyCase: Bool, taken: (Int) -> Bool) -> Int? {
            words.indices.first { index in
                matches(words[index], of: text, at: 0, possessive: true)
                    && (anyCase || isFirstWordAsWritten(words[index], of: text)) && !taken(index)
            }
        }

        /// Whether `word` of `text` is the first word of the name as written, or its possessive.
        func isFirstWordAsWritten(_ word: Word, of text: String) -> Bool {
            var (name, text) = (person.name, text)
            let first = words[0]
            precondition(word.end <= text.utf8.count, "a word is read in the text it was split from")
            return name.withUTF8 { name in
                text.withUTF8 { text in
                    Roster.isName(
                        UnsafeBufferPointer(rebasing: name[first.start..<first.end]),
                        UnsafeBufferPointer(rebasing: text[word.start..<word.end]))
                }
            }
        }
    }

    private let people: [Entry]
    /// The first words of the names, to tell at once that a text names no one; nil when a name
    /// is not ASCII (its lower case is not a byte-for-byte folding).
    private let firstWords: AnyWordFinder?

    init(_ people: [Person]) {
        var entries: [Entry] = []
        entries.reserveCapacity(people.count)
        var ascii = true
        for person in people {
            let words = Word.split(person.name)
            if !words.isEmpty { entries.append(Entry(person: person, words: words)) }
            var name = person.name
            ascii = ascii && name.withUTF8(Text.isASCII)
        }
        self.people = entries
        // Each name's first word, read in the name where it is: no list of them is made.
        firstWords =
            ascii && !entries.isEmpty
            ? AnyWordFinder(count: entries.count) { index, body in
                var name = entries[index].person.name
                let first = entries[index].words[0]
                name.withUTF8 { body(UnsafeBufferPointer(rebasing: $0[first.start..<first.end])) }
            } : nil
    }

    /// The finder of the names' first words, when they are exactly `people`'s names up to their
    /// first space (`Grace` of `Grace Wilson`; not `Mary` of `Mary-Jane Watson`, whose name up to
    /// its space is `Mary-Jane`), so that it finds what a finder of those would.
    func firstWordsFinder(ifUpToTheFirstSpaceOf people: [Person]) -> AnyWordFinder? {
        guard let firstWords, self.people.count == people.count else { return nil }
        for index in people.indices {
            var name = people[index].name
            let first = self.people[index].words[0]
            let upToSpace = name.withUTF8 { bytes in bytes.firstIndex(of: 0x20) ?? bytes.count }
            guard first.start == 0, first.end == upToSpace else { return nil }
        }
        return firstWords
    }

    /// The person `text` names first: the first of ``all(in:of:anyCase:)``.
    func first(in words: [Word], of text: String, anyCase: Bool = false) -> Person? {
        var first: (entry: Int, at: Int)?
        forEachNamed(in: words, of: text, anyCase: anyCase) { entry, at in
            // Entries come in roster order: a later one that starts at the same word is not first.
            if first.map({ at < $0.at }) ?? true { first = (entry, at) }
        }
        return first.map { people[$0.entry].person }
    }

    /// Everyone named in `text`, whose words are `words`, in the order the text names them.
    func all(in words: [Word], of text: String, anyCase: Bool = false) -> [Person] {
        var found: [(entry: Int, at: Int)] = []
        forEachNamed(in: words, of: text, anyCase: anyCase) { found.append(($0, $1)) }
        // Stable: names found at the same word keep roster order.
        if found.count > 1 { found.sort { $0.at < $1.at } }
        return found.map { people[$0.entry].person }
    }

    /// Calls `body` with the index of each entry that `text` names and the index in `words` where
    /// it does, in roster order.
    private func forEachNamed(
        in words: [Word], of text: String, anyCase: Bool, _ body: (_ entry: Int, _ at: Int) -> Void
    ) {
        // A name is found only where its first word is, in some case: an ASCII text without any
        // first word (ASCII letters folded) names no one. Text that is not ASCII may hold a
        // character whose lower case is an ASCII letter (the Kelvin sign), so it is read in full.
        if let firstWords {
            var text = text
            if text.withUTF8({ Text.isASCII($0) && !firstWords.isFound(in: $0) }) { return }
        }
        // Full names first. Where the text gives someone's full name, its first word is theirs, not
        // another interviewer's who shares that first name: `Send Sam Park the deck` is not for
        // Sam Lee.
        var fullNames: [(entry: Int, at: Int)] = []
        for entry in people.indices {
            if let at = people[entry].fullNameIndex(in: words, of: text) { fullNames.append((entry, at)) }
        }
        for entry in people.indices {
            if let full = fullNames.first(where: { $0.entry == entry }) {
                body(entry, full.at)
            } else if let at = people[entry].firstWordIndex(
                in: words, of: text, anyCase: anyCase, taken: { index in fullNames.contains { $0.at == index } })
            {
                body(entry, at)
            }
        }
    }

    /// Whether `word` is `name`, or its possessive (`Sarah's`, `Sarah’s`). Most words differ in
    /// length from every name, which is told without reading them.
    fileprivate static func isName(_ name: String, _ word: String) -> Bool {
        var (name, word) = (name, word)
        return name.withUTF8 { name in word.withUTF8 { word in isName(name, word) } }
    }

    /// ``isName(_:_:)-(String,String)`` over UTF-8 bytes.
    static func isName(_ name: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let extra = word.count - name.count
        guard extra == 0 || extra == 2 || extra == 4 else { return false }
        guard word.starts(with: name) else { return false }
        let tail = word[name.count...]
        return tail.isEmpty || tail.elementsEqual("'s".utf8) || tail.elementsEqual("\u{2019}s".utf8)
    }
}

/// The words of a log line that say what happened, as the README lists them.
///
/// Words are matched whole and in any case. A match right after a negation (`no reply yet`,
/// `haven't heard back`, `still waiting for a response`) does not count.
enum LogWords {
    static let phrases: [(LogEntry.Events, [WordKey])] = [
        (.thankYou, ["thank"]), (.thankYou, ["thanks"]), (.thankYou, ["thanked"]),
        (.followUp, ["followed", "up"]), (.followUp, ["follow", "up", "sent"]),
        (.followUp, ["sent", "a", "follow", "up"]), (.followUp, ["sent", "follow", "up"]),
        (.followUp, ["checked", "in"]), (.followUp, ["nudged"]),
        (.reply, ["replied"]), (.reply, ["reply"]), (.reply, ["heard", "back"]), (.reply, ["responded"]),
        (.reply, ["response", "from"]), (.reply, ["got", "back"]),
        (.offer, ["offer"]),
        (.rejection, ["rejected"]), (.rejection, ["rejection"]), (.rejection, ["not", "moving", "forward"]),
        (.feedbackAsked, ["asked", "for", "feedback"]),
    ]

    static let negations = WordTable<Void>([
        "no", "not", "never", "without", "nothing", "waiting", "awaiting", "haven't", "hasn't", "didn't",
        "hadn't", "havent", "hasnt", "didnt", "haven\u{2019}t", "hasn\u{2019}t", "didn\u{2019}t", "hadn\u{2019}t",
    ])

    /// The phrases by their first word, so each word of a line is looked up once.
    private static let phrasesByFirstWord = WordTable(
        Dictionary(grouping: phrases, by: { $0.1[0] }).map { ($0.key, $0.value) })

    /// The first words' shapes, to pass over most words of a line without hashing them.
    private static let firstWordShapes = WordShapes(phrasesByFirstWord.keys.map(\.text))

    static func events(in words: [Word]) -> LogEntry.Events {
        var events: LogEntry.Events = []
        for (start, word) in words.enumerated() {
            guard firstWordShapes.mayContain(word.key), let candidates = phrasesByFirstWord[word.key] else {
                continue
            }
            for (event, phrase) in candidates
            where !events.contains(event) && words.has(phrase, at: start) && !isNegated(at: start, in: words) {
                events.insert(event)
            }
        }
        // An offer or a rejection is their answer, so it is also a reply.
        if !events.isDisjoint(with: [.offer, .rejection]) { events.insert(.reply) }
        return events
    }

    private static func isNegated(at start: Int, in words: [Word]) -> Bool {
        words[max(0, start - 3)..<start].contains { negations.contains($0.key) }
    }
}
