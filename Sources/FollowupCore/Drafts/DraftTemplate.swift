/// The templates drafts are written from, one per kind of message, each possibly in several
/// variants (`thank-you.txt`, `thank-you-2.txt`, …) so that two interviewers of one interview get
/// different wording.
///
/// A template file is a `Subject:` line, a blank line, and the body, with named placeholders such as
/// `{{first_name}}` (the README lists them). The built-in templates are used for every kind the
/// vault does not override.
public struct DraftTemplates: Sendable {
    /// The variants of each template, in order.
    public private(set) var variants: [DraftTemplate.Name: [DraftTemplate]]

    public init(variants: [DraftTemplate.Name: [DraftTemplate]]) {
        self.variants = variants
    }

    /// The built-in templates as files: name and text.
    public static var builtInFiles: [(name: String, text: String)] { BuiltInTemplates.files.map { ($0.0, $0.1) } }

    /// The templates followup ships with.
    public static let builtIn: DraftTemplates = {
        var variants: [DraftTemplate.Name: [DraftTemplate]] = [:]
        for (file, text) in BuiltInTemplates.files {
            // The built-in templates are tested to parse; a failure here is a bug in followup.
            guard let (name, _) = DraftTemplate.Name.parse(fileName: file) else {
                preconditionFailure("built-in template \(file) has an unknown name")
            }
            do {
                variants[name, default: []].append(try DraftTemplate.parse(text, file: "built-in \(file)", name: name))
            } catch {
                preconditionFailure("\(error)")
            }
        }
        return DraftTemplates(variants: variants)
    }()

    /// These templates with the vault's own: a kind the vault has any file for uses only the
    /// vault's variants, in the order of their numbers.
    public func overridden(by templates: [(variant: Int, template: DraftTemplate)]) -> DraftTemplates {
        var result = self
        let byName = Dictionary(grouping: templates, by: \.template.name)
        for (name, own) in byName {
            result.variants[name] = own.sorted { $0.variant < $1.variant }.map(\.template)
        }
        return result
    }

    /// The variant for the `index`-th person (0 for the first), cycling through the variants.
    func template(_ name: DraftTemplate.Name, for index: Int) -> DraftTemplate? {
        guard let list = variants[name], !list.isEmpty else { return nil }
        return list[index % list.count]
    }

    /// Whether ``template(_:for:)`` gives a template for `name`, for any index.
    func hasTemplate(_ name: DraftTemplate.Name) -> Bool { variants[name]?.isEmpty == false }
}

/// One template: a subject line and a body, as text and placeholders.
public struct DraftTemplate: Sendable, Equatable {
    /// Which message a template writes; the raw value is its file name without `.txt`.
    public enum Name: String, Sendable, CaseIterable {
        case thankYou = "thank-you"
        case deliverable
        case followUp = "follow-up"
        case secondFollowUp = "second-follow-up"
        case replyOffer = "reply-offer"
        case askFeedback = "ask-feedback"

        /// The placeholders a template of this name may use.
        public var placeholders: [Placeholder] {
            let common: [Placeholder] = [
                .name, .firstName, .theirRole, .company, .role, .stage, .interviewDay, .interviewDate,
            ]
            switch self {
            case .thankYou: return common + [.specifics]
            case .deliverable: return common + [.deliverable]
            case .followUp: return common + [.timeline]
            case .secondFollowUp: return common + [.lastCheckIn]
            case .replyOffer, .askFeedback: return common
            }
        }

        /// `thank-you.txt` is variant 1 of `thank-you`, `thank-you-2.txt` variant 2; nil for any
        /// other name.
        public static func parse(fileName: String) -> (Name, variant: Int)? {
            guard fileName.hasSuffix(".txt") else { return nil }
            let stem = String(fileName.dropLast(4))
            if let name = Name(rawValue: stem) { return (name, 1) }
            guard let dash = stem.lastIndex(of: "-"), let number = Int(stem[stem.index(after: dash)...]), number >= 2,
                let name = Name(rawValue: String(stem[..<dash]))
            else { return nil }
            return (name, number)
        }
    }

    /// A named value filled into a template.
    public enum Placeholder: String, Sendable, CaseIterable {
        /// The recipient's full name (empty when the notes name no one).
        case name
        /// The recipient's first name (empty when the notes name no one).
        case firstName = "first_name"
        /// The recipient's job title, from the front matter (empty when not given).
        case theirRole = "their_role"
        case company
        /// The role you interviewed for (empty when the note gives none).
        case role
        /// The interview's `stage`, such as `onsite` (empty when not given).
        case stage
        /// `Wednesday 18 November`.
        case interviewDay = "interview_day"
        /// `18 November 2026`.
        case interviewDate = "interview_date"
        /// One or two sentences about what you talked about with this interviewer (may be empty).
        case specifics
        /// What you promised to send, as a noun phrase: `the reference architecture doc`.
        case deliverable
        /// A sentence about their timeline: the date they gave, or a question about it.
        case timeline
        /// The day of your first check-in: `Monday 16 November`.
        case lastCheckIn = "last_check_in"

        /// Its place among the placeholders, from 0: where ``Values`` keeps its value.
        var index: Int {
            switch self {
            case .name: 0
            case .firstName: 1
            case .theirRole: 2
            case .company: 3
            case .role: 4
            case .stage: 5
            case .interviewDay: 6
            case .interviewDate: 7
            case .specifics: 8
            case .deliverable: 9
            case .timeline: 10
            case .lastCheckIn: 11
            }
        }
    }

    /// The values the placeholders are filled with, one for each; a value not given is empty.
    /// Written as a dictionary literal: `[.firstName: "Ada", .role: "ML"]`.
    public struct Values: Sendable, ExpressibleByDictionaryLiteral {
        /// By ``Placeholder/index``: no hashing of a placeholder's name to look a value up.
        private var values = InlineArray<12, String>(repeating: "")

        public init(dictionaryLiteral elements: (Placeholder, String)...) {
            for (placeholder, value) in elements { self[placeholder] = value }
        }

        public subscript(placeholder: Placeholder) -> String {
            get { values[placeholder.index] }
            set { values[placeholder.index] = newValue }
        }
    }

    /// A piece of a template line.
    enum Piece: Sendable, Equatable {
        case text(Literal)
        case placeholder(Placeholder)

        /// Text between placeholders, with what filling it needs worked out once, when the
        /// template is read.
        struct Literal: Sendable, Equatable {
            /// Its UTF-8 bytes.
            let utf8: [UInt8]
            /// How many bytes to leave out at its start after an empty placeholder, which takes
            /// a space with it: the first character when it is a space, else none.
            let spaceAfterEmptyPlaceholder: Int
            /// Whether it is only spaces and tabs (or nothing).
            let isBlank: Bool

            init(_ text: String) {
                utf8 = Array(text.utf8)
                spaceAfterEmptyPlaceholder = text.hasPrefix(" ") ? text.utf8.count - text.dropFirst().utf8.count : 0
                isBlank = DraftTemplate.isBlank(text)
            }
        }
    }

    public let name: Name
    /// Where the template comes from, for messages: a path, or `built-in thank-you.txt`.
    public let file: String
    /// The template as written.
    public let text: String
    let subject: [Piece]
    let body: [[Piece]]
    /// The placeholders the template uses, by ``Placeholder/index``: a draft works out only those.
    private let used: UInt16

    init(name: Name, file: String, text: String, subject: [Piece], body: [[Piece]]) {
        self.name = name
        self.file = file
        self.text = text
        self.subject = subject
        self.body = body
        var used: UInt16 = 0
        for case .placeholder(let placeholder) in subject + body.joined() { used |= 1 << placeholder.index }
        self.used = used
    }

    /// Whether the template has `placeholder` in its subject or body.
    func uses(_ placeholder: Placeholder) -> Bool { used & 1 << placeholder.index != 0 }

    /// Reads a template file. Errors name the line and column, counting the `Subject:` line as 1.
    public static func parse(_ text: String, file: String, name: Name) throws(TemplateError) -> DraftTemplate {
        var content = text
        if content.hasPrefix("\u{FEFF}") { content.removeFirst() }
        // Lines end as an editor ends them (LF, CRLF or CR), as in notes: a form feed, vertical tab
        // or U+2028 is text on its line, so the line an error names is the one the user sees.
        let lines = Self.lines(of: content)
        func error(_ line: Int, _ column: Int, _ message: String) -> TemplateError {
            TemplateError(file: file, line: line, column: column, message: message)
        }
        guard let first = lines.first, first.lowercased().hasPrefix("subject:") else {
            throw error(1, 1, "a template starts with a `Subject:` line, then a blank line, then the body")
        }
        let subjectText = first.dropFirst("subject:".count).drop { $0 == " " }
        let subjectColumn = first.distance(from: first.startIndex, to: subjectText.startIndex) + 1
        let subject = try pieces(subjectText, line: 1, column: subjectColumn, file: file, name: name)
        guard lines.count < 2 || lines[1].allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw error(2, 1, "leave a blank line between the `Subject:` line and the body")
        }
        var body: [[Piece]] = []
        for (offset, line) in lines.dropFirst(2).enumerated() {
            body.append(try pieces(line, line: offset + 3, column: 1, file: file, name: name))
        }
        while let last = body.last, last.allSatisfy(\.isBlankText) { body.removeLast() }
        guard !body.isEmpty else { throw error(max(1, lines.count), 1, "the template has no body") }
        return DraftTemplate(name: name, file: file, text: text, subject: subject, body: body)
    }

    /// The lines of `text`, each without its line break (LF, CRLF or CR, as ``LineCursor`` ends
    /// them); text ending with a line break, or none, ends with an empty line, as an editor shows.
    private static func lines(of text: String) -> [Substring] {
        var text = text
        let ranges = text.withUTF8 { bytes in
            var cursor = LineCursor(bytes: UnsafeRawBufferPointer(bytes), offset: 0)
            var ranges: [Range<Int>] = []
            while let (content, _) = cursor.next() { ranges.append(content) }
            if bytes.last.map({ $0 == 0x0A || $0 == 0x0D }) ?? true { ranges.append(bytes.count..<bytes.count) }
            return ranges
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return ranges.map { text[index($0.lowerBound)..<index($0.upperBound)] }
    }

    /// A line's text and placeholders. The line is searched by its UTF-8 bytes (`{{` and `}}` are
    /// ASCII); columns, counted in characters from `column` at the line's start, are worked out
    /// only for an error.
    private static func pieces(_ line: Substring, line number: Int, column: Int, file: String, name: Name)
        throws(TemplateError) -> [Piece]
    {
        func error(at index: String.Index, _ message: String) -> TemplateError {
            TemplateError(
                file: file, line: number, column: column + line.distance(from: line.startIndex, to: index),
                message: message)
        }
        let bytes = line.utf8
        func find(_ pair: UInt8, from start: String.Index) -> String.Index? {
            var index = start
            while index != bytes.endIndex {
                let next = bytes.index(after: index)
                if bytes[index] == pair, next != bytes.endIndex, bytes[next] == pair { return index }
                index = next
            }
            return nil
        }
        var pieces: [Piece] = []
        var rest = line.startIndex
        while let open = find(UInt8(ascii: "{"), from: rest) {
            if open != rest { pieces.append(.text(Piece.Literal(String(line[rest..<open])))) }
            let inside = bytes.index(open, offsetBy: 2)
            guard let close = find(UInt8(ascii: "}"), from: inside) else {
                throw error(at: open, "`{{` is never closed with `}}` on this line")
            }
            let key = line[inside..<close].trimmingCharacters(in: " \t")
            guard let placeholder = Placeholder(rawValue: key), name.placeholders.contains(placeholder) else {
                let known = name.placeholders.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
                let why =
                    Placeholder(rawValue: key) == nil
                    ? "unknown placeholder {{\(key)}}" : "{{\(key)}} can't be used in a \(name.rawValue) template"
                throw error(at: open, "\(why); \(name.rawValue) templates know \(known)")
            }
            pieces.append(.placeholder(placeholder))
            rest = bytes.index(close, offsetBy: 2)
        }
        if rest != line.endIndex { pieces.append(.text(Piece.Literal(String(line[rest...])))) }
        return pieces
    }

    /// The subject and body with `values` filled in.
    ///
    /// A placeholder with an empty value takes one neighbouring space with it, so `Hi {{first_name}},`
    /// reads `Hi,` when no one is named; a line holding only empty placeholders is dropped, and
    /// blank lines never pile up.
    func fill(_ values: Values) -> (subject: String, body: String) {
        // Written into one buffer of bytes as it goes, each line where it will stay: a line that
        // is dropped is cut off again. A mail link is a draft, and a large vault has thousands.
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        let subject = Self.write(self.subject, values, to: &out) ? String(decoding: out, as: UTF8.self) : ""
        out.removeAll(keepingCapacity: true)
        // A blank line is held back until a line with text follows it, which drops blank lines
        // at the start, in runs and at the end.
        var hasText = false
        var blankBefore = false
        for line in self.body {
            let lineStart = out.count
            if hasText {
                out.append(0x0A)
                if blankBefore { out.append(0x0A) }
            }
            let textStart = out.count
            guard Self.write(line, values, to: &out) else {
                out.removeSubrange(lineStart...)
                continue
            }
            if out[textStart...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                out.removeSubrange(lineStart...)
                blankBefore = hasText
                continue
            }
            hasText = true
            blankBefore = false
        }
        return (subject, String(decoding: out, as: UTF8.self))
    }

    /// Whether `text` is only spaces and tabs (or nothing), told from its bytes: a Character is a
    /// space or a tab exactly when it is that one byte.
    static func isBlank(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Appends one line filled in to `out`; false when it had placeholders and all of them were
    /// empty and nothing else was on the line (what it appended is then to be cut off).
    private static func write(_ pieces: [Piece], _ values: Values, to out: inout [UInt8]) -> Bool {
        let start = out.count
        var hadPlaceholder = false
        var allEmpty = true
        var dropNextSpace = false
        for piece in pieces {
            switch piece {
            case .text(let text):
                out.append(contentsOf: text.utf8[(dropNextSpace ? text.spaceAfterEmptyPlaceholder : 0)...])
                dropNextSpace = false
                if !text.isBlank { allEmpty = false }
            case .placeholder(let placeholder):
                hadPlaceholder = true
                let value = values[placeholder]
                if value.isEmpty {
                    if endsWithSpace(out, from: start) { out.removeLast() } else { dropNextSpace = true }
                } else {
                    out.append(contentsOf: value.utf8)
                    allEmpty = false
                    dropNextSpace = false
                }
            }
        }
        return !(hadPlaceholder && allEmpty)
    }

    /// Whether the line written from `start` on ends with the character space, as `hasSuffix(" ")`
    /// tells: its last byte is a space, which is a character of its own unless what comes before
    /// it joins it (a prepended mark, never an ASCII character).
    private static func endsWithSpace(_ out: [UInt8], from start: Int) -> Bool {
        guard out.count > start, out[out.count - 1] == 0x20 else { return false }
        if out.count - 1 == start || out[out.count - 2] < 0x80 { return true }
        return String(decoding: out[start...], as: UTF8.self).hasSuffix(" ")
    }
}

extension DraftTemplate.Piece {
    var isBlankText: Bool {
        if case .text(let text) = self { return text.isBlank }
        return false
    }
}

/// A template that cannot be used, with the file, line and column it is about.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `templates/thank-you.txt:5:12: message`, as compilers write it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
