/// One interview, as its note describes it.
///
/// Built from the note's front matter and from the list items of its body; the rules read only
/// this, never the Markdown.
///
/// A large vault holds one per note, so a note is kept in one allocation (``NoteStorage``): the
/// path and company as strings (actions share them), the people, action items, log entries and
/// passages as fixed-size records, and every other text as UTF-8 bytes after them.
/// Each list is decoded when it is read. A copy of a note is one reference count. Sendable by
/// hand: the storage is a `ManagedBuffer`, which Swift cannot check, and is never written once made.
public struct InterviewNote: @unchecked Sendable, Equatable {
    private var storage: NoteStorage

    public init(
        path: String, company: String, role: String? = nil, date: Day, minutes: Int? = nil,
        interviewers: [Person] = [], contact: Person? = nil, timeline: Timeline? = nil,
        stage: String? = nil, status: Status = .waiting, statusLine: Int? = nil, channel: String = "email",
        actionItems: [ActionItem] = [], log: [LogEntry] = [], passages: [Passage] = []
    ) {
        var room = NoteStorage.Room()
        self.init(
            path: path, company: company, role: role, date: date, minutes: minutes, interviewers: interviewers,
            contact: contact, timeline: timeline, stage: stage, status: status, statusLine: statusLine,
            channel: channel, actionItems: actionItems, duePhraseStarts: [], log: log, passages: passages,
            in: &room)
    }

    /// A note made in `room`, whose lists a reader of many notes keeps from one to the next.
    /// `duePhraseStarts` are where the action items' due phrases start, as
    /// ``NoteStorage/duePhraseStart(_:)`` keeps them; for items past its end, not known.
    init(
        path: String, company: String, role: String?, date: Day, minutes: Int?, interviewers: [Person],
        contact: Person?, timeline: Timeline?, stage: String?, status: Status, statusLine: Int?, channel: String,
        actionItems: [ActionItem], duePhraseStarts: [UInt16], log: [LogEntry], passages: [Passage],
        in room: inout NoteStorage.Room
    ) {
        storage = NoteStorage.make(
            path: path, company: company, role: role, date: date, minutes: minutes, interviewers: interviewers,
            contact: contact, timeline: timeline, stage: stage, status: status, statusLine: statusLine,
            channel: channel, actionItems: actionItems, duePhraseStarts: duePhraseStarts, log: log,
            passages: passages, in: &room)
    }

    /// Path relative to the vault, with `/` between folders.
    public var path: String {
        get { storage.header.path }
        set { storage = storage.moved(to: newValue) }
    }

    public var company: String { storage.header.company }
    public var role: String? { storage.string(storage.header.role) }
    /// The interview day.
    public var date: Day { Day(ordinal: Int(storage.header.date)) }

    /// The time of the interview in minutes after midnight, when the note gives one; it only
    /// orders two interviews on the same day.
    public var minutes: Int? { Self.present(storage.header.minutes) }

    private static func present(_ value: Int32) -> Int? {
        value == NoteStorage.Header.absent ? nil : Int(value)
    }

    public var interviewers: [Person] {
        storage.people(in: 0..<Int(storage.header.interviewerCount))
    }

    /// The number of ``interviewers``.
    public var interviewerCount: Int { Int(storage.header.interviewerCount) }

    /// The number of people the note names: its interviewers, then its contact, if any.
    var peopleCount: Int { storage.header.peopleCount }

    /// The person at `index` of ``peopleCount``: an interviewer, or last, the contact.
    func person(at index: Int) -> Person {
        storage.person(at: index)
    }

    /// The index in ``interviewers`` of the first called `name` (as `==` on their names says),
    /// told from the names' bytes where they are when both are ASCII.
    func interviewerIndex(named name: String) -> Int? {
        var name = name
        return name.withUTF8 { target in
            let ascii = Text.isASCII(target)
            return (0..<interviewerCount).first { index in
                withPersonName(at: index) { bytes in
                    ascii && Text.isASCII(bytes)
                        ? bytes.elementsEqual(target)
                        : String(decoding: bytes, as: UTF8.self) == String(decoding: target, as: UTF8.self)
                }
            }
        }
    }

    /// Calls `body` with the UTF-8 bytes of the name of the person at `index`, read where they are.
    func withPersonName<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withPersonName(at: index, body)
    }

    /// Whether the person at `index` has an email and a role, told without making the strings.
    func personHas(at index: Int) -> (email: Bool, role: Bool) { storage.personHas(at: index) }

    /// Who to send check-ins to (a recruiter, the hiring manager), when the note names someone.
    public var contact: Person? {
        let start = Int(storage.header.interviewerCount)
        return storage.header.hasContact ? storage.people(in: start..<start + 1)[0] : nil
    }

    public var timeline: Timeline? {
        let header = storage.header
        return storage.string(header.timelineText).map {
            Timeline(
                text: $0, end: Self.present(header.timelineEnd).map(Day.init(ordinal:)), line: Int(header.timelineLine))
        }
    }

    public var stage: String? { storage.string(storage.header.stage) }
    public var status: Status { storage.header.status }

    /// The line of `status:` in the front matter, when it is there.
    public var statusLine: Int? { Self.present(storage.header.statusLine) }

    /// How the company prefers to be contacted: `email` unless the note says otherwise.
    public var channel: String { storage.string(storage.header.channel) ?? "" }

    public var actionItems: [ActionItem] { storage.actionItems() }

    /// `actionItems[index].text`, without decoding the others.
    public func actionItemText(at index: Int) -> String { storage.actionItemText(at: index) }

    /// Calls `body` with the UTF-8 bytes of `actionItems[index].text`, read where they are.
    func withActionItemText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withActionItemText(at: index, body)
    }

    /// Where the due phrase of `actionItems[index]` starts in its text, as a UTF-8 offset (its
    /// length when it has none), when the note was read from a file; nil when not known.
    func actionItemDuePhraseStart(at index: Int) -> Int? { storage.actionItemDuePhraseStart(at: index) }

    /// ``actionItems`` with their texts left empty: what planning reads (an action reads its
    /// item's text from the note when it is needed).
    var actionItemsWithoutText: [ActionItem] { storage.actionItems(withText: false) }

    /// The number of ``actionItems``.
    public var actionItemCount: Int { Int(storage.header.itemCount) }

    public var log: [LogEntry] {
        (0..<logCount).map(logEntry(at:))
    }

    /// The number of entries in ``log``.
    public var logCount: Int { Int(storage.header.logCount) }

    /// `log[index]`, without decoding the other entries.
    public func logEntry(at index: Int) -> LogEntry { storage.logEntry(at: index) }

    /// The day of `log[index]`.
    public func logDay(at index: Int) -> Day { storage.logDay(at: index) }

    /// The paragraphs and plain list items of the body outside action, deliverable and log
    /// sections: what the note says about the interview, where drafts find specific points.
    public var passages: [Passage] { storage.passages() }

    /// Notes are equal when every field is: compared as values, since the records' padding bytes
    /// are whatever the memory held.
    public static func == (lhs: InterviewNote, rhs: InterviewNote) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.path == rhs.path && lhs.company == rhs.company && lhs.role == rhs.role && lhs.date == rhs.date
            && lhs.minutes == rhs.minutes && lhs.interviewers == rhs.interviewers && lhs.contact == rhs.contact
            && lhs.timeline == rhs.timeline && lhs.stage == rhs.stage && lhs.status == rhs.status
            && lhs.statusLine == rhs.statusLine && lhs.channel == rhs.channel && lhs.actionItems == rhs.actionItems
            && lhs.log == rhs.log && lhs.passages == rhs.passages
    }
}

/// A paragraph or list item of a note's own prose, as text, with the line it starts on.
public struct Passage: Sendable, Equatable {
    public var text: String
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// Someone at the company: an interviewer or a contact.
public struct Person: Sendable, Hashable {
    public var name: String
    public var email: String?
    public var role: String?
    /// The front-matter line that names them.
    public var line: Int

    public init(name: String, email: String? = nil, role: String? = nil, line: Int = 1) {
        self.name = name
        self.email = email
        self.role = role
        self.line = line
    }

    /// The first word of the name.
    public var firstName: String {
        // Found among the UTF-8 bytes: a space is one byte, and a Character search costs a
        // thousand instructions a name.
        name.utf8.firstIndex(of: 0x20).map { String(name[..<$0]) } ?? name
    }
}

/// Where an application stands.
public enum Status: String, Sendable, CaseIterable {
    case waiting, offer, rejected, withdrawn, accepted, declined, closed

    /// Whether the user has ended the application: nothing more is planned for it.
    public var isClosed: Bool {
        switch self {
        case .withdrawn, .accepted, .declined, .closed: true
        case .waiting, .offer, .rejected: false
        }
    }
}

/// What the company said about when they will decide.
public struct Timeline: Sendable, Equatable {
    /// As written in the note.
    public var text: String
    /// The day the timeline ends, counted from the interview; nil when it could not be read.
    public var end: Day?
    /// The front-matter line that states it.
    public var line: Int

    public init(text: String, end: Day?, line: Int = 1) {
        self.text = text
        self.end = end
        self.line = line
    }
}

/// An open to-do in a note: a task-list item, or an item under a heading such as `Next steps`.
public struct ActionItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Something promised to the company: a portfolio, a code sample, an assessment.
        case deliverable
        /// Anything else to do.
        case task
    }

    // Largest first, and the line in four bytes: a large vault holds hundreds of thousands.
    public var text: String
    /// The interviewer the item names, if any.
    public var to: String?
    public var due: Day
    private var storedLine: Int32
    public var kind: Kind

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(text: String, kind: Kind, due: Day, to: String? = nil, line: Int) {
        self.text = text
        self.to = to
        self.due = due
        storedLine = Int32(clamping: line)
        self.kind = kind
    }
}

/// One dated line of a note's log: what happened that day.
public struct LogEntry: Sendable, Equatable {
    /// What a log line records. One line may record several things (`heard back: offer!`), so a
    /// line's events are a set of these, kept in one byte.
    public struct Events: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        public static let thankYou = Events(rawValue: 1 << 0)
        public static let followUp = Events(rawValue: 1 << 1)
        public static let reply = Events(rawValue: 1 << 2)
        public static let offer = Events(rawValue: 1 << 3)
        public static let rejection = Events(rawValue: 1 << 4)
        public static let feedbackAsked = Events(rawValue: 1 << 5)
    }

    // Largest first, and the line in four bytes: a large vault holds hundreds of thousands.
    /// The interviewer or contact the line names first, if any.
    public var person: String?
    public var day: Day
    /// For a thank-you: the interviewers it went to.
    public var thanked: [String]
    private var storedLine: Int32
    public var events: Events

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(day: Day, events: Events, thanked: [String] = [], person: String? = nil, line: Int) {
        self.person = person
        self.day = day
        self.thanked = thanked
        storedLine = Int32(clamping: line)
        self.events = events
    }
}
