import CLibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A YAML node with where it starts: what front matter is made of.
///
/// Built from libyaml's events (libyaml does all the parsing); nothing here reads YAML text. An
/// alias is the very node its anchor names, shared rather than copied, so a document of nested
/// aliases ("billion laughs") costs memory in proportion to its text, not to its expansion.
public enum YAMLNode: Sendable {
    /// A scalar's text; `plain` when it was written without quotes (so `~` and `null` mean null).
    case scalar(String, plain: Bool, YAMLMark)
    case sequence([YAMLNode], YAMLMark)
    case mapping([YAMLPair], YAMLMark)

    public var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }

    /// The value for the first key whose scalar text is `key`, in a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// A scalar's text, or nil for a sequence or a mapping.
    public var scalarText: String? {
        if case .scalar(let text, _, _) = self { text } else { nil }
    }
}

/// One key and its value in a mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
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
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(problem: "out of memory", mark: YAMLMark(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // libyaml reads from the pointer only; an empty buffer still needs a valid address.
        var empty: UInt8 = 0
        withUnsafePointer(to: &empty) { fallback in
            yaml_parser_set_input_string(&parser, base ?? fallback, bytes.count)
        }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var builder = TreeBuilder(lines: EditorLines(bytes))
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser, lines: builder.lines) }
            defer { yaml_event_delete(&event) }
            switch try builder.take(event) {
            case .more: continue
            case .done: return builder.root
            }
        }
    }

    private static func error(of parser: yaml_parser_t, lines: EditorLines?) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "not valid YAML"
        var error = YAMLError(problem: problem, mark: lines.mark(parser.problem_mark))
        if let context = parser.context {
            error.context = (String(cString: context), lines.mark(parser.context_mark))
        }
        return error
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

/// Assembles nodes from events, with an explicit stack rather than recursion.
private struct TreeBuilder {
    enum Progress { case more, done }

    /// A sequence or mapping whose end has not been reached, filled in place.
    private struct Open {
        let isMapping: Bool
        let start: YAMLMark
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var keys: Set<String> = []
        var pendingKey: YAMLNode?
    }

    private var stack: [Open] = []
    /// The expanded size of each open container so far, parallel to `stack`.
    private var weights: [Int] = []
    /// Each anchored node, with the number of nodes it stands for when expanded.
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expanded = 0
    private(set) var root: YAMLNode?
    let lines: EditorLines?

    init(lines: EditorLines?) { self.lines = lines }

    mutating func take(_ event: yaml_event_t) throws(YAMLError) -> Progress {
        let mark = lines.mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(
                decoding: UnsafeRawBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let node = YAMLNode.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark)
            try add(node, weight: 1, anchor: Self.string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            try open(Open(isMapping: false, start: mark, anchor: Self.string(event.data.sequence_start.anchor)))
        case YAML_MAPPING_START_EVENT:
            try open(Open(isMapping: true, start: mark, anchor: Self.string(event.data.mapping_start.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let weight = weights.removeLast()
            let closed = stack.removeLast()
            let node: YAMLNode =
                closed.isMapping ? .mapping(closed.pairs, closed.start) : .sequence(closed.items, closed.start)
            try add(node, weight: weight, anchor: closed.anchor)
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw YAMLError(problem: "the alias *\(name) names no anchor", mark: mark)
            }
            try add(anchored.node, weight: anchored.weight, anchor: nil)
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            // Front matter is one document; anything after its end is not ours to read.
            return .done
        default:
            break
        }
        return .more
    }

    private mutating func open(_ container: Open) throws(YAMLError) {
        guard stack.count < YAML.depthLimit else {
            throw YAMLError(problem: "nested more than \(YAML.depthLimit) levels deep", mark: container.start)
        }
        stack.append(container)
        weights.append(1)
    }

    /// Adds a finished node (standing for `weight` nodes once expanded) to the open container.
    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?) throws(YAMLError) {
        expanded += weight
        guard expanded <= YAML.expandedNodeLimit else {
            throw YAMLError(
                problem: "its aliases expand to more than \(YAML.expandedNodeLimit) values (an alias bomb?)",
                mark: node.mark)
        }
        if let anchor { anchors[anchor] = (node, weight) }
        if !weights.isEmpty { weights[weights.count - 1] += weight }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
            return
        }
        if let text = node.scalarText, Self.isDuplicate(text, in: stack[top].pairs, keys: &stack[top].keys) {
            let first = stack[top].pairs.first { $0.key.scalarText == text }!
            throw YAMLError(
                problem: "the key `\(text)` appears twice", mark: node.mark, duplicate: (text, first.key.mark))
        }
        stack[top].pendingKey = node
    }

    /// Whether a mapping with `pairs` already has the key `text`. Front matter has a handful of
    /// keys, compared one by one; past that, a set of them is kept, so a mapping of thousands of
    /// keys costs no more than a set.
    private static func isDuplicate(_ text: String, in pairs: [YAMLPair], keys: inout Set<String>) -> Bool {
        let few = 16
        if pairs.count < few {
            return pairs.contains { $0.key.scalarText == text }
        }
        if pairs.count == few { keys = Set(pairs.compactMap(\.key.scalarText)) }
        return !keys.insert(text).inserted
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
