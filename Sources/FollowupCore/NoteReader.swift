import Markdown
import YAML

/// What reading one file gave: an interview note, or nothing (not a note, or a broken one), and
/// the problems found on the way.
public struct NoteReading: Sendable {
    public var note: InterviewNote?
    public var problems: [Problem]

    public init(note: InterviewNote?, problems: [Problem]) {
        self.note = note
        self.problems = problems
    }

    /// No note and no problems: what is left where a reading was taken from.
    public static let none = NoteReading(note: nil, problems: [])
}

/// Reads the bytes of one file into an ``InterviewNote``.
///
/// A pure function of the bytes and the path: it never touches the file system, so it can run on
/// many notes at once and be tested without files. A thread that reads many notes keeps one
/// reader, whose room for parsing is then made once, not once a note.
public struct NoteReader {
    private var composer = YAMLComposer()
    private var outlines = OutlineReader()
    private var contents = NoteBody.Contents()
    private var storage = NoteStorage.Room()

    public init() {}

    public static func read(_ bytes: [UInt8], path: String) -> NoteReading {
        var reader = NoteReader()
        return bytes.withUnsafeBytes { reader.read($0, path: path) }
    }

    public static func read(_ bytes: UnsafeRawBufferPointer, path: String) -> NoteReading {
        var reader = NoteReader()
        return reader.read(bytes, path: path)
    }

    public mutating func read(_ bytes: [UInt8], path: String) -> NoteReading {
        bytes.withUnsafeBytes { read($0, path: path) }
    }

    public mutating func read(_ bytes: UnsafeRawBufferPointer, path: String) -> NoteReading {
        func failure(at offset: Int, _ message: String) -> NoteReading {
            let (line, column) = NoteText.position(of: offset, in: bytes)
            return NoteReading(note: nil, problems: [Problem(note: path, line: line, column: column, message: message)])
        }
        if let nul = Text.firstOffset(of: 0, in: bytes) {
            return failure(at: nul, "contains a NUL byte: this looks like a binary file, not a Markdown note")
        }
        if let invalid = NoteText.firstInvalidUTF8(bytes) {
            return failure(at: invalid, "is not UTF-8 text (an invalid byte here); save the note as UTF-8")
        }
        let start = NoteText.byteOrderMarkLength(bytes)
        switch NoteText.layout(bytes, from: start) {
        case .noFrontMatter:
            return NoteReading(note: nil, problems: [])
        case .unterminated:
            return failure(
                at: start, "front matter opened with `---` is never closed; end it with a line `---`")
        case .frontMatter(let yamlRange, let bodyStart, let bodyLine):
            let yaml = UnsafeRawBufferPointer(rebasing: bytes[yamlRange])
            switch FrontMatter.read(yaml: yaml, firstLine: 2, path: path, composer: &composer) {
            case .notANote:
                return NoteReading(note: nil, problems: [])
            case .invalid(let problems):
                return NoteReading(note: nil, problems: problems)
            case .note(let front, let warnings):
                let reader = NoteBody(
                    path: path, interview: front.date, interviewers: front.interviewers, contact: front.contact)
                let outline = outlines.outline(
                    of: UnsafeRawBufferPointer(rebasing: bytes[bodyStart...]), firstLine: bodyLine,
                    // A closure, not `reader.mentionsAnInterviewer`: that would copy the reader.
                    keepsParagraph: { reader.mentionsAnInterviewer($0) })
                reader.read(outline, into: &contents)
                let note = InterviewNote(
                    path: path, company: front.company, role: front.role, date: front.date, minutes: front.minutes,
                    interviewers: front.interviewers, contact: front.contact, timeline: front.timeline,
                    stage: front.stage, status: front.status, statusLine: front.statusLine, channel: front.channel,
                    actionItems: contents.actionItems, duePhraseStarts: contents.duePhraseStarts, log: contents.log,
                    passages: contents.passages, in: &storage)
                return NoteReading(note: note, problems: warnings + contents.warnings)
            }
        }
    }
}
