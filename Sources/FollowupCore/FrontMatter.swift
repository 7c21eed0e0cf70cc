import YAML

/// The front matter of an interview note, read from YAML with libyaml (through the YAML module).
///
/// Keys are matched without regard to case, and `-` or a space counts as `_` (`Interview Date`,
/// `interview-date`, `interview_date` are one key). Each field accepts the variants real notes use,
/// listed in the README.
struct FrontMatter {
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

    /// What reading the YAML gave.
    enum Reading {
        /// No `company` key: this file is not an interview note.
        case notANote
        /// An interview note whose front matter has errors; it is left out of the plan.
        case invalid([Problem])
        case note(FrontMatter, warnings: [Problem])
    }

    /// Reads front matter from `yaml`, whose first line is line `firstLine` of the note at `path`,
    /// composed in `composer`'s room.
    static func read(yaml: UnsafeRawBufferPointer, firstLine: Int, path: String, composer: inout YAMLComposer)
        -> Reading
    {
        var reader = Reader(path: path, lineOffset: firstLine - 1)
        let root: YAMLNode?
        do {
            root = try composer.compose(yaml)
        } catch {
            return .invalid([reader.problem(for: error)])
        }
        guard let root, root.kind == .mapping else { return .notANote }
        return reader.read(root.pairs)
    }
}

/// The front-matter fields followup reads, each with its names (normalized: lower case, `_` for
/// `-` and space), most preferred first.
private enum Field: Int, CaseIterable {
    case company, role, date, interviewers, contact, timeline, stage, status, channel

    var names: [String] {
        switch self {
        case .company: ["company"]
        case .role: ["role", "position", "job_position", "title"]
        case .date: ["date", "interview_date"]
        case .interviewers: ["interviewers", "interviewer"]
        case .contact: ["contact", "recruiter"]
        case .timeline: ["timeline", "decision", "decision_by", "hear_back"]
        case .stage: ["stage"]
        case .status: ["status"]
        case .channel: ["channel"]
        }
    }

    /// Every name, with its field and its place among the field's names.
    private static let all: [(name: [UInt8], field: Field, rank: Int)] = allCases.flatMap { field in
        field.names.enumerated().map { (Array($1.utf8), field, $0) }
    }
    /// Every name packed as ``packed(_:)`` packs a key, with its field and rank, at the index of
    /// its length (0 to 16): a key is compared with the few names as long as it.
    private static let packedNames: [[(name: PackedName, field: Field, rank: Int)]] = {
        var byCount = [[(name: PackedName, field: Field, rank: Int)]](repeating: [], count: 17)
        for (name, field, rank) in all {
            let name = name.withUnsafeBufferPointer { Self.packed($0)! }
            byCount[name.count].append((name, field, rank))
        }
        return byCount
    }()
    private static let byName: [String: (field: Field, rank: Int)] = Dictionary(
        uniqueKeysWithValues: all.map { (String(decoding: $0.name, as: UTF8.self), ($0.field, $0.rank)) })

    /// An ASCII key of up to 16 bytes, normalized (lower case, `_` for `-` and space), its bytes in
    /// two words, the first in the lowest byte of `low`, and its length.
    private struct PackedName: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0
    }

    /// `bytes` normalized and packed, eight bytes at a time; nil for a key longer than 16 bytes
    /// (no name is) or one that is not ASCII.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedName? {
        guard bytes.count <= 16 else { return nil }
        guard let base = bytes.baseAddress else { return PackedName() }
        var halves: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &halves) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        let (low, high) = (UInt64(littleEndian: halves.0), UInt64(littleEndian: halves.1))
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return PackedName(low: normalized(low), high: normalized(high), count: bytes.count)
    }

    /// Eight ASCII bytes normalized at once: `A` to `Z` get 0x20 added, and `-` and space become
    /// `_`. The zero bytes after a key stay zero.
    private static func normalized(_ bytes: UInt64) -> UInt64 {
        let tops: UInt64 = 0x8080_8080_8080_8080
        // The top bit set in each byte from 0x41 (`A`) up, and in each from 0x5B (after `Z`) up.
        let fromA = bytes &+ 0x3F3F_3F3F_3F3F_3F3F
        let afterZ = bytes &+ 0x2525_2525_2525_2525
        let lower = bytes | (fromA & ~afterZ & tops) &>> 2
        /// The top bit set in each byte of `word` that is zero (exactly: no carry crosses a byte).
        func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & ~tops) &+ ~tops) | word) & tops }
        let separators = zeroBytes(lower ^ 0x2D2D_2D2D_2D2D_2D2D) | zeroBytes(lower ^ 0x2020_2020_2020_2020)
        let replaced = (separators &>> 7) &* 0xFF
        return lower & ~replaced | 0x5F5F_5F5F_5F5F_5F5F & replaced
    }

    /// The field `key` names, and the name's place among the field's names; nil for a key that
    /// names none, or one that is not a scalar.
    static func named(_ key: YAMLNode) -> (field: Field, rank: Int)? {
        key.withScalarBytes { bytes -> (field: Field, rank: Int)? in
            // An ASCII key (all of them, in practice) is normalized and packed in one pass, then
            // compared a word at a time: no String and no hashing for each key of each note.
            if let name = packed(bytes) {
                for entry in packedNames[name.count] where entry.name == name { return (entry.field, entry.rank) }
                return nil
            }
            if Text.isASCII(bytes) { return nil }
            // Other text is lower-cased as Strings are: a non-ASCII key may still spell a name (the
            // Kelvin sign lower-cases to `k`).
            let name = String(decoding: bytes, as: UTF8.self)
            return byName[String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })]
        } ?? nil
    }
}

/// Reads the fields of one front matter, gathering problems as it goes.
private struct Reader {
    let path: String
    let lineOffset: Int
    var problems: [Problem] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    mutating func read(_ pairs: YAMLNode.Children<YAMLPair>) -> FrontMatter.Reading {
        // Each pair is looked up once, by its normalized key, in the table of the keys read; for
        // a field with several names the earliest name in `names` wins, then the first pair.
        // The place in `pairs` of each field's pair, and the rank of its name: plain integers, in
        // a fixed-size array on the stack (an `Array(repeating:count:)` was an allocation a note,
        // and a look-up of the array's type at run time).
        var found = InlineArray<9, (rank: Int, place: Int)>(repeating: (Int.max, -1))
        assert(found.count == Field.allCases.count, "a slot for each field")
        for place in pairs.indices {
            guard let (field, rank) = Field.named(pairs[place].key), rank < found[field.rawValue].rank else { continue }
            found[field.rawValue] = (rank, place)
        }
        func field(_ field: Field) -> YAMLPair? {
            let place = found[field.rawValue].place
            return place >= 0 ? pairs[place] : nil
        }

        guard let company = field(.company) else { return .notANote }
        let companyName = requiredText(company.value, key: "company", example: "company: Cyberdyne")
        let role = field(.role).flatMap { optionalText($0.value, key: "role") }
        var date: (day: Day, minutes: Int?)?
        if let dateField = field(.date) {
            date = readDate(dateField.value)
        } else {
            report(
                at: company.key,
                "the note has no interview `date`; add one like `date: 2026-11-18` so follow-ups can be timed")
        }
        let interviewers = field(.interviewers).map { readPeople($0.value, key: "interviewers") } ?? []
        let contact = field(.contact).flatMap { readPeople($0.value, key: "contact").first }
        let timelineField = field(.timeline)
        let timelineText = timelineField.flatMap { optionalText($0.value, key: "timeline") }
        let stage = field(.stage).flatMap { optionalText($0.value, key: "stage") }
        var status = Status.waiting
        var statusLine: Int?
        if let statusField = field(.status) {
            statusLine = line(of: statusField.key)
            if let text = optionalText(statusField.value, key: "status") {
                if let known = Status(rawValue: text.lowercased()) {
                    status = known
                } else {
                    report(
                        at: statusField.value,
                        "unknown status `\(text)`; use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
            }
        }
        let channel = field(.channel).flatMap { optionalText($0.value, key: "channel") }?.lowercased() ?? "email"

        guard problems.allSatisfy({ $0.severity == .warning }), let companyName, let date else {
            return .invalid(problems)
        }
        var timeline: Timeline?
        if let timelineText, let timelineField {
            timeline = Timeline(
                text: timelineText, end: DatePhrase.timelineEnd(timelineText, from: date.day),
                line: line(of: timelineField.key))
            if timeline?.end == nil {
                report(
                    at: timelineField.value,
                    "can't read the timeline “\(timelineText)”; the check-in is planned a week after your last contact",
                    severity: .warning)
            }
        }
        return .note(
            FrontMatter(
                company: companyName, role: role, date: date.day, minutes: date.minutes,
                interviewers: interviewers, contact: contact, timeline: timeline, stage: stage, status: status,
                statusLine: statusLine, channel: channel),
            warnings: problems)
    }

    // MARK: Fields

    private mutating func readDate(_ node: YAMLNode) -> (Day, Int?)? {
        if let placeholder = Self.templatePlaceholder(node) {
            reportPlaceholder(placeholder, key: "date", at: node, example: "date: 2026-11-18")
            return nil
        }
        guard let text = scalarText(node) else {
            report(at: node, "`date` should be one date like 2026-11-18, not \(describe(node))")
            return nil
        }
        switch DatePhrase.frontMatterDate(text) {
        case .day(let day, let minutes):
            return (day, minutes)
        case .impossible:
            report(at: node, "`date: \(text)` is not a real day")
        case .unreadable:
            report(at: node, "can't read `date: \(text)` as a date; write it like 2026-11-18 or Nov 18, 2026")
        }
        return nil
    }

    /// Interviewers or a contact: a list of names, a list of mappings with `name` (and `email`,
    /// `role`), one mapping, one name, or names separated by commas, semicolons, `&` or `and`.
    private mutating func readPeople(_ node: YAMLNode, key: String) -> [Person] {
        // Room for the usual one to four people at once, rather than grown an append at a time.
        var people: [Person] = []
        people.reserveCapacity(4)
        readPeople(node, key: key, into: &people)
        return people
    }

    /// Appends the people `node` names: a name, names separated by `,` `;` `&` or `and`, a
    /// mapping with `name:`, or a list of those.
    private mutating func readPeople(_ node: YAMLNode, key: String, into people: inout [Person]) {
        switch node.kind {
        case .sequence:
            for item in node.items { readPeople(item, key: key, into: &people) }
        case .mapping:
            // The three keys found in one pass over the pairs (the first of each, as a lookup finds).
            var (nameNode, emailNode, roleNode): (YAMLNode?, YAMLNode?, YAMLNode?) = (nil, nil, nil)
            for pair in node.pairs {
                if nameNode == nil, pair.key.isScalar("name") {
                    nameNode = pair.value
                } else if emailNode == nil, pair.key.isScalar("email") {
                    emailNode = pair.value
                } else if roleNode == nil, pair.key.isScalar("role") {
                    roleNode = pair.value
                }
            }
            guard let name = nameNode.flatMap(scalarText), !name.isEmpty else {
                report(
                    at: node,
                    "each entry of `\(key)` should be a name, or a mapping with `name:` (and `email:`, `role:`)")
                return
            }
            people.append(
                Person(
                    name: name, email: emailNode.flatMap(scalarText), role: roleNode.flatMap(scalarText),
                    line: line(of: node)))
        case .scalar:
            guard let text = scalarText(node) else { return }
            // A name starts with a letter, told from its first byte without reading Characters.
            let startsWithASCIILetter = text.utf8.first.map { ($0 | 0x20) &- 0x61 < 26 } ?? false
            if !startsWithASCIILetter, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
                report(at: node, "`\(key): \(text)` is not a name")
                return
            }
            let line = line(of: node)
            for name in Self.splitNames(text) { people.append(Person(name: name, line: line)) }
        }
    }

    static func splitNames(_ text: String) -> [String] {
        // Split at `,` `;` `&` and at the word `and`, over the bytes: this runs for every note.
        var copy = text
        return copy.withUTF8 { bytes in
            var names: [String] = []
            var start = 0
            var index = 0
            func cut(_ end: Int, skip: Int) {
                // Trimmed over the bytes, so that each name is made a String once.
                var (first, last) = (start, end)
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                if first < last {
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
                }
                start = end + skip
                index = start
            }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "&"):
                    cut(index, skip: 1)
                case UInt8(ascii: " ")
                where index + 5 <= bytes.count && bytes[index + 1] == UInt8(ascii: "a")
                    && bytes[index + 2] == UInt8(ascii: "n")
                    && bytes[index + 3] == UInt8(ascii: "d") && bytes[index + 4] == UInt8(ascii: " "):
                    cut(index, skip: 5)
                default:
                    index += 1
                }
            }
            // One name, the usual entry of a list, is the text itself (trimming copies it only
            // when it has something to trim).
            if start == 0 {
                let name = text.trimmingCharacters(in: " \t")
                return name.isEmpty ? [] : [name]
            }
            cut(bytes.count, skip: 0)
            return names
        }
    }

    private mutating func requiredText(_ node: YAMLNode, key: String, example: String) -> String? {
        if let placeholder = Self.templatePlaceholder(node) {
            reportPlaceholder(placeholder, key: key, at: node, example: example)
            return nil
        }
        guard let text = scalarText(node), !text.isEmpty else {
            report(at: node, "`\(key)` should be a name like `\(example)`, not \(describe(node))")
            return nil
        }
        return text
    }

    /// The text of a scalar, or nil (with a warning) when the value is a list or a mapping.
    private mutating func optionalText(_ node: YAMLNode, key: String) -> String? {
        guard let text = scalarText(node) else {
            report(at: node, "`\(key)` should be text, not \(describe(node)); it is ignored", severity: .warning)
            return nil
        }
        return text.isEmpty ? nil : text
    }

    // MARK: Nodes

    /// A scalar's text with YAML's null spellings read as empty; nil for lists and mappings.
    private func scalarText(_ node: YAMLNode) -> String? {
        // Trimmed and told from null by its bytes, then made a String once.
        node.withScalarBytes { bytes in
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
            var (start, end) = (0, bytes.count)
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // The null spellings are four bytes at most: longer values are not compared with them.
            if node.isPlain, text.count <= 4, Self.nullSpellings.contains(where: { $0.elementsEqual(text) }) {
                return ""
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// How YAML writes null without quotes.
    private static let nullSpellings = ["~", "null", "Null", "NULL"].map { Array($0.utf8) }

    /// A template engine's placeholder left unfilled (`{{date}}`, `<% tp.date.now() %>`): the note
    /// is a template, or was made from one that did not run. YAML reads `{{date}}` unquoted as a
    /// mapping whose one key is a mapping, so that shape is turned back into the text written.
    static func templatePlaceholder(_ node: YAMLNode) -> String? {
        switch node.kind {
        case .scalar:
            // Most values have neither `{` nor `<`: told in one pass over their bytes, before any
            // String is made.
            let mayBe = node.withScalarBytes { bytes in
                bytes.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "<") }
            }
            guard mayBe == true else { return nil }
            let text = node.scalarText ?? ""
            let isPlaceholder =
                (Text.contains(text, "{{", ignoringASCIICase: false)
                    && Text.contains(text, "}}", ignoringASCIICase: false))
                || (Text.contains(text, "<%", ignoringASCIICase: false)
                    && Text.contains(text, "%>", ignoringASCIICase: false))
            return isPlaceholder ? text : nil
        case .mapping:
            let pairs = node.pairs
            guard pairs.count == 1, pairs[0].key.kind == .mapping, pairs[0].key.pairs.count == 1,
                pairs[0].value.scalarText?.isEmpty == true, let name = pairs[0].key.pairs[0].key.scalarText
            else { return nil }
            return "{{\(name)}}"
        case .sequence:
            return nil
        }
    }

    private mutating func reportPlaceholder(_ placeholder: String, key: String, at node: YAMLNode, example: String) {
        report(
            at: node,
            "`\(key): \(placeholder)` is a template placeholder that was never filled in; write the value (like `\(example)`), or keep templates in a hidden folder such as `.templates/`, which followup skips"
        )
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .scalar: node.scalarText.map { $0.isEmpty ? "empty" : "`\($0)`" } ?? "empty"
        }
    }

    private func line(of node: YAMLNode) -> Int { node.mark.line + lineOffset }

    private mutating func report(at node: YAMLNode, _ message: String, severity: Problem.Severity = .error) {
        problems.append(
            Problem(note: path, line: line(of: node), column: node.mark.column, severity: severity, message: message))
    }

    /// A problem for a YAML syntax error, placed where libyaml found it. For an unclosed bracket or
    /// quote libyaml notices only where the text ends, so the message also says where it began.
    func problem(for error: YAMLError) -> Problem {
        var message = "front matter is not valid YAML: \(error.problem)"
        if let duplicate = error.duplicate {
            message =
                "front matter has the key `\(duplicate.key)` twice (first on line \(duplicate.first.line + lineOffset)); keep one"
        } else if let context = error.context {
            message += " (\(context.text) that starts on line \(context.mark.line + lineOffset))"
        }
        return Problem(note: path, line: error.mark.line + lineOffset, column: error.mark.column, message: message)
    }
}
