import CArena
import CLibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A YAML node with where it starts: what front matter is made of.
///
/// Built from libyaml's events (libyaml does all the parsing); nothing here reads YAML text. The
/// nodes of a document are kept flat, in one ``YAMLDocument``: a node is the document and a place
/// in it, so handing nodes around copies no text and no lists, and a scalar becomes a `String`
/// only when its text is asked for. An alias is the very node its anchor names, shared rather
/// than copied, so a document of nested aliases ("billion laughs") costs memory in proportion to
/// its text, not to its expansion.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable, Equatable {
        case scalar, sequence, mapping
    }

    let document: YAMLDocument
    let index: Int32

    private var entry: YAMLDocument.Entry { document.entries[Int(index)] }

    public var kind: Kind { entry.kind }

    public var mark: YAMLMark { YAMLMark(line: Int(entry.line), column: Int(entry.column)) }

    /// Whether a scalar was written without quotes (so `~` and `null` mean null).
    public var isPlain: Bool { entry.isPlain }

    /// A scalar's text, or nil for a sequence or a mapping.
    public var scalarText: String? {
        withScalarBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with a scalar's UTF-8 bytes, lent for the call; nil for a sequence or a mapping.
    /// For readers that look at a value's bytes before deciding to make a `String` of it.
    public func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        let entry = entry
        guard entry.kind == .scalar else { return nil }
        return try document.text.withUnsafeBufferPointer { text in
            try body(UnsafeBufferPointer(rebasing: text[Int(entry.first)..<Int(entry.end)]))
        }
    }

    /// Whether this is a scalar whose text is `text`, as `String`s compare.
    public func isScalar(_ text: String) -> Bool {
        withScalarBytes { own in
            var text = text
            return text.withUTF8 { YAMLDocument.isSameText(own, $0) }
        } ?? false
    }

    /// A sequence's items; none for a scalar or a mapping.
    public var items: Children<YAMLNode> {
        let entry = entry
        return entry.kind == .sequence ? Children(document: document, entry.first, entry.end) : .none(document)
    }

    /// A mapping's keys and values, in the order written; none for a scalar or a sequence.
    public var pairs: Children<YAMLPair> {
        let entry = entry
        return entry.kind == .mapping ? Children(document: document, entry.first, entry.end) : .none(document)
    }

    /// The value for the first key whose scalar text is `key`, in a mapping.
    public subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.isScalar(key) }?.value
    }

    /// The items of a sequence or the pairs of a mapping, read in place.
    public struct Children<Element: YAMLChild>: RandomAccessCollection, Sendable {
        let document: YAMLDocument
        /// The range in the document's `children` of the node indices, two per pair.
        let first: Int32
        let end: Int32

        init(document: YAMLDocument, _ first: Int32, _ end: Int32) {
            self.document = document
            self.first = first
            self.end = end
        }

        static func none(_ document: YAMLDocument) -> Self { Self(document: document, 0, 0) }

        public var startIndex: Int { 0 }
        public var endIndex: Int { Int(end - first) / Element.width }

        public subscript(position: Int) -> Element {
            precondition(position >= 0 && position < endIndex, "index out of range")
            return Element(document: document, at: Int(first) + position * Element.width)
        }
    }
}

/// What ``YAMLNode/Children`` can hold: a node, or a key and its value.
public protocol YAMLChild: Sendable {
    /// How many node indices one takes in the document's list of children.
    static var width: Int { get }
    init(document: YAMLDocument, at child: Int)
}

extension YAMLNode: YAMLChild {
    public static var width: Int { 1 }

    public init(document: YAMLDocument, at child: Int) {
        self.init(document: document, index: document.children[child])
    }
}

/// One key and its value in a mapping.
public struct YAMLPair: YAMLChild {
    public var key: YAMLNode
    public var value: YAMLNode

    public static var width: Int { 2 }

    public init(document: YAMLDocument, at child: Int) {
        key = YAMLNode(document: document, at: child)
        value = YAMLNode(document: document, at: child + 1)
    }
}

/// Every node of one document, flat: scalars' text in one buffer, and each container's children
/// as a run of node indices in another.
public final class YAMLDocument: Sendable {
    struct Entry: Sendable {
        let kind: YAMLNode.Kind
        let isPlain: Bool
        let line: Int32
        let column: Int32
        /// A scalar's text in `text`, or a container's children in `children`, as `first..<end`.
        var first: Int32
        var end: Int32
    }

    let entries: [Entry]
    let children: [Int32]
    let text: [UInt8]

    init(entries: [Entry], children: [Int32], text: [UInt8]) {
        self.entries = entries
        self.children = children
        self.text = text
    }

    /// Whether two UTF-8 texts are equal as `String`s compare: the same bytes, or canonically
    /// equivalent, which only non-ASCII text can be without being the same bytes.
    static func isSameText(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        if one.count == other.count, one.elementsEqual(other) { return true }
        // Different ASCII first characters: neither decomposes, and a character after them cannot
        // move before them, so the texts differ. Most keys of a mapping are told apart here.
        if let a = one.first, let b = other.first, a < 0x80, b < 0x80, a != b { return false }
        guard one.contains(where: { $0 >= 0x80 }) || other.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: one, as: UTF8.self) == String(decoding: other, as: UTF8.self)
    }
}

/// A 1-based line and column (columns count characters, as libyaml does). Lines end at LF, CRLF
/// or CR, as in the user's editor and in the Markdown around the front matter.
public struct YAMLMark: Sendable, Equatable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Why a YAML document could not be read: libyaml's own words, and where.
public struct YAMLError: Error, Sendable, Equatable {
    public var problem: String
    public var mark: YAMLMark
    /// What libyaml was reading when it failed ("while parsing a flow sequence"), and where that began.
    public var context: (text: String, mark: YAMLMark)?
    /// For a key that appears twice: the key, and where it first appeared.
    public var duplicate: (key: String, first: YAMLMark)?

    public init(
        problem: String, mark: YAMLMark, context: (text: String, mark: YAMLMark)? = nil,
        duplicate: (key: String, first: YAMLMark)? = nil
    ) {
        self.problem = problem
        self.mark = mark
        self.context = context
        self.duplicate = duplicate
    }

    public static func == (lhs: YAMLError, rhs: YAMLError) -> Bool {
        lhs.problem == rhs.problem && lhs.mark == rhs.mark && lhs.context?.text == rhs.context?.text
            && lhs.context?.mark == rhs.context?.mark && lhs.duplicate?.key == rhs.duplicate?.key
            && lhs.duplicate?.first == rhs.duplicate?.first
    }
}

/// Reads YAML with libyaml's event API.
public enum YAML {
    /// Nodes a document may stand for once its aliases are expanded: far more than any front
    /// matter, and a firm stop for alias bombs ("billion laughs"), which are refused as soon as
    /// their expansion passes it, without ever being expanded.
    public static let expandedNodeLimit = 10_000
    /// Nesting allowed in one document.
    public static let depthLimit = 64

    /// The first document of UTF-8 `bytes` as a node tree, or nil when it is empty.
    public static func compose(_ bytes: UnsafeRawBufferPointer) throws(YAMLError) -> YAMLNode? {
        var composer = YAMLComposer()
        return try composer.compose(bytes)
    }

    fileprivate static func error(of parser: yaml_parser_t, lines: EditorLines?) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "not valid YAML"
        var error = YAMLError(problem: problem, mark: lines.mark(parser.problem_mark))
        if let context = parser.context {
            error.context = (String(cString: context), lines.mark(parser.context_mark))
        }
        return error
    }
}

/// Composes documents one after another, keeping the builder and the room its tree is built in
/// (its nodes, their text, the lists of children) from one document to the next: a thread that
/// reads thousands of notes' front matter allocates it once.
public struct YAMLComposer {
    private var builder = TreeBuilder()

    public init() {}

    /// ``YAML/compose(_:)``, in this composer's room. The node's document shares that room until
    /// the next call, which takes it back only if that document is gone by then (otherwise it
    /// takes new room).
    public mutating func compose(_ bytes: UnsafeRawBufferPointer) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(problem: "out of memory", mark: YAMLMark(line: 1, column: 1))
        }
        defer {
            yaml_parser_delete(&parser)
            // Every event is deleted by now: whatever libyaml took from this thread's arena
            // (its input buffers, token queue, scalars) comes back at once.
            followup_yaml_reset()
        }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // libyaml reads from the pointer only; an empty buffer still needs a valid address.
        var empty: UInt8 = 0
        withUnsafePointer(to: &empty) { fallback in
            yaml_parser_set_input_string(&parser, base ?? fallback, bytes.count)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        builder.start(lines: EditorLines(bytes), size: bytes.count)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw YAML.error(of: parser, lines: builder.lines)
            }
            defer { yaml_event_delete(&event) }
            switch try builder.take(event) {
            case .more: continue
            case .done: return builder.finished()
            }
        }
    }
}

/// Where each line starts, for a document in which libyaml's lines are not the editor's.
///
/// YAML 1.1 also breaks lines at NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR, which
/// editors and Markdown show inside a line; libyaml's line numbers then run ahead of the file's.
/// Such documents are rare, so the map is made only for them; a mark is then placed from its
/// character index, which libyaml counts for every character (CRLF as two).
struct EditorLines {
    /// The character index at which each line after the first starts, ascending.
    private var starts: [Int] = []

    /// The map for `bytes`, or nil when libyaml's lines are already the editor's.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard Self.hasYAMLOnlyBreak(bytes) else { return nil }
        var characters = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // A continuation byte is part of the character before it.
            if byte & 0xC0 == 0x80 { continue }
            characters += 1
            if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
                starts.append(characters)
            }
        }
    }

    /// Whether `bytes` hold NEL (C2 85), LINE SEPARATOR (E2 80 A8) or PARAGRAPH SEPARATOR (E2 80 A9):
    /// two `memchr` scans, since every note's front matter is checked.
    private static func hasYAMLOnlyBreak(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        /// Whether some `lead` byte is at an offset that `completes` a break.
        func found(_ lead: UInt8, _ completes: (Int) -> Bool) -> Bool {
            var start = 0
            while start < count, let hit = memchr(base + start, Int32(lead), count - start) {
                let offset = base.distance(to: UnsafeRawPointer(hit))
                if completes(offset) { return true }
                start = offset + 1
            }
            return false
        }
        return found(0xC2) { $0 + 1 < count && bytes[$0 + 1] == 0x85 }
            || found(0xE2) {
                $0 + 2 < count && bytes[$0 + 1] == 0x80 && (bytes[$0 + 2] == 0xA8 || bytes[$0 + 2] == 0xA9)
            }
    }

    func mark(_ mark: yaml_mark_t) -> YAMLMark {
        let index = Int(mark.index)
        // The number of lines that start at or before `index`.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle + 1 } else { high = middle }
        }
        let lineStart = low == 0 ? 0 : starts[low - 1]
        return YAMLMark(line: low + 1, column: index - lineStart + 1)
    }
}

extension EditorLines? {
    /// libyaml's mark as the editor's line and column.
    func mark(_ mark: yaml_mark_t) -> YAMLMark {
        guard let self else { return YAMLMark(line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
        return self.mark(mark)
    }
}

/// Assembles a document's nodes from events, with an explicit stack rather than recursion.
private struct TreeBuilder {
    enum Progress { case more, done }

    /// A sequence or mapping whose end has not been reached.
    private struct Open {
        let entry: Int32
        let isMapping: Bool
        let anchor: String?
        /// Where its children start in `pending`.
        let firstChild: Int
        /// A mapping's keys, once it has many (see ``firstKey(like:in:)``).
        var keys: Set<String> = []
    }

    private var entries: [YAMLDocument.Entry] = []
    private var text: [UInt8] = []
    /// The children of closed containers, each container's in one run.
    private var children: [Int32] = []
    /// The children of the open containers so far, innermost last.
    private var pending: [Int32] = []
    private var stack: [Open] = []
    /// The expanded size of each open container so far, parallel to `stack`.
    private var weights: [Int] = []
    /// Each anchored node, with the number of nodes it stands for when expanded.
    private var anchors: [String: (index: Int32, weight: Int)] = [:]
    private var expanded = 0
    private var root: Int32?
    private(set) var lines: EditorLines?

    /// Empties the builder for a document of `size` bytes, keeping its lists' room (a finished
    /// document still sharing them keeps its own): its scalars' text is no longer than `size`,
    /// and a node takes at least two bytes of it (`a` and a line break), so nothing grows on the way.
    mutating func start(lines: EditorLines?, size: Int) {
        self.lines = lines
        anchors = [:]
        expanded = 0
        root = nil
        entries.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        children.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
        text.reserveCapacity(size)
        entries.reserveCapacity(size / 2 + 1)
        pending.reserveCapacity(16)
        children.reserveCapacity(size / 2 + 1)
    }

    /// The document's root node, once the events are taken.
    func finished() -> YAMLNode? {
        root.map { YAMLNode(document: YAMLDocument(entries: entries, children: children, text: text), index: $0) }
    }

    mutating func take(_ event: yaml_event_t) throws(YAMLError) -> Progress {
        let mark = lines.mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let first = Int32(text.count)
            text.append(contentsOf: UnsafeBufferPointer(start: scalar.value, count: scalar.length))
            let index = append(
                .scalar, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark, first, Int32(text.count))
            try add(index, weight: 1, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            try open(.sequence, at: mark, anchor: Self.string(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT:
            try open(.mapping, at: mark, anchor: Self.string(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let weight = weights.removeLast()
            let closed = stack.removeLast()
            entries[Int(closed.entry)].first = Int32(children.count)
            children.append(contentsOf: pending[closed.firstChild...])
            entries[Int(closed.entry)].end = Int32(children.count)
            pending.removeSubrange(closed.firstChild...)
            try add(closed.entry, weight: weight, anchor: closed.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw YAMLError(problem: "the alias *\(name) names no anchor", mark: mark)
            }
            try add(anchored.index, weight: anchored.weight, anchor: nil)
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            // Front matter is one document; anything after its end is not ours to read.
            return .done
        default:
            break
        }
        return .more
    }

    private mutating func append(
        _ kind: YAMLNode.Kind, plain: Bool = false, _ mark: YAMLMark, _ first: Int32 = 0, _ end: Int32 = 0
    ) -> Int32 {
        entries.append(
            YAMLDocument.Entry(
                kind: kind, isPlain: plain, line: Int32(clamping: mark.line), column: Int32(clamping: mark.column),
                first: first, end: end))
        return Int32(entries.count - 1)
    }

    private func mark(of index: Int32) -> YAMLMark {
        let entry = entries[Int(index)]
        return YAMLMark(line: Int(entry.line), column: Int(entry.column))
    }

    private func scalarText(_ index: Int32) -> String? {
        let entry = entries[Int(index)]
        guard entry.kind == .scalar else { return nil }
        return String(decoding: text[Int(entry.first)..<Int(entry.end)], as: UTF8.self)
    }

    private mutating func open(_ kind: YAMLNode.Kind, at mark: YAMLMark, anchor: String?) throws(YAMLError) {
        guard stack.count < YAML.depthLimit else {
            throw YAMLError(problem: "nested more than \(YAML.depthLimit) levels deep", mark: mark)
        }
        let index = append(kind, mark)
        stack.append(Open(entry: index, isMapping: kind == .mapping, anchor: anchor, firstChild: pending.count))
        weights.append(1)
    }

    /// Adds a finished node (standing for `weight` nodes once expanded) to the open container.
    private mutating func add(_ index: Int32, weight: Int, anchor: String?) throws(YAMLError) {
        expanded += weight
        guard expanded <= YAML.expandedNodeLimit else {
            throw YAMLError(
                problem: "its aliases expand to more than \(YAML.expandedNodeLimit) values (an alias bomb?)",
                mark: mark(of: index))
        }
        if let anchor { anchors[anchor] = (index, weight) }
        if !weights.isEmpty { weights[weights.count - 1] += weight }
        guard let top = stack.indices.last else {
            root = index
            return
        }
        // In a mapping, children alternate key, value: an even count so far means a key comes.
        if stack[top].isMapping, (pending.count - stack[top].firstChild) % 2 == 0,
            entries[Int(index)].kind == .scalar, let first = firstKey(like: index, in: top)
        {
            let text = scalarText(index) ?? ""
            throw YAMLError(
                problem: "the key `\(text)` appears twice", mark: mark(of: index), duplicate: (text, mark(of: first)))
        }
        pending.append(index)
    }

    /// The first key of the open mapping `top` with the same text as the scalar `key`, if any.
    /// Front matter has a handful of keys, compared one by one, by their bytes; past that, a set
    /// of them is kept, so a mapping of thousands of keys costs no more than a set.
    private mutating func firstKey(like key: Int32, in top: Int) -> Int32? {
        let keys = stride(from: stack[top].firstChild, to: pending.count, by: 2)
        let count = (pending.count - stack[top].firstChild) / 2
        let few = 16
        if count >= few {
            if count == few { stack[top].keys = Set(keys.compactMap { scalarText(pending[$0]) }) }
            guard let text = scalarText(key), !stack[top].keys.insert(text).inserted else { return nil }
        }
        for place in keys where isSameScalar(pending[place], key) { return pending[place] }
        return nil
    }

    /// Whether two nodes are scalars with equal text, as `String`s compare: the same bytes, or,
    /// for non-ASCII text, canonically equivalent.
    private func isSameScalar(_ one: Int32, _ other: Int32) -> Bool {
        let (a, b) = (entries[Int(one)], entries[Int(other)])
        guard a.kind == .scalar, b.kind == .scalar else { return false }
        return text.withUnsafeBufferPointer { bytes in
            YAMLDocument.isSameText(
                UnsafeBufferPointer(rebasing: bytes[Int(a.first)..<Int(a.end)]),
                UnsafeBufferPointer(rebasing: bytes[Int(b.first)..<Int(b.end)]))
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
