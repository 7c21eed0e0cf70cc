import CArena
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses Markdown with libcmark and copies what followup needs into an ``Outline``.
///
/// This is the only file in the package that sees cmark's C types. The document and the iterator
/// live in the calling thread's arena and are given back before `outline(of:)` returns, so every
/// string is copied out of cmark at once (`cmark_node_get_literal` lends its buffer only for as
/// long as the node lives).
public enum CommonMark {
    /// Parses UTF-8 Markdown.
    ///
    /// - Parameters:
    ///   - markdown: the bytes of the body; they need not be NUL-terminated.
    ///   - firstLine: the line number, in the whole file, of the first byte of `markdown`, so that
    ///     positions point into the file even when front matter came before the body.
    ///   - keepsParagraph: whether a paragraph, given its flattened text as UTF-8, is kept. Most
    ///     of a note is prose the caller has no use for: telling so from the bytes spares making
    ///     each paragraph a `String`. Headings and list items are always kept.
    public static func outline(
        of markdown: UnsafeRawBufferPointer, firstLine: Int = 1,
        keepsParagraph: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }
    ) -> Outline {
        var reader = OutlineReader()
        return reader.outline(of: markdown, firstLine: firstLine, keepsParagraph: keepsParagraph)
    }

    /// Parses a Markdown string (a convenience for tests and small inputs).
    public static func outline(of markdown: String, firstLine: Int = 1) -> Outline {
        var copy = markdown
        return copy.withUTF8 { outline(of: UnsafeRawBufferPointer($0), firstLine: firstLine) }
    }
}

/// Makes the outlines of documents one after another, keeping the room its walk takes (the list
/// of blocks) from one document to the next: a thread that reads thousands of notes allocates it
/// once, and finds it in its cache.
public struct OutlineReader {
    private var blocks: [Block] = []

    public init() {}

    /// ``CommonMark/outline(of:firstLine:keepsParagraph:)``, in this reader's room. The outline
    /// shares its list of blocks with the reader until the next call, which gives the room back
    /// only if that outline is gone by then (otherwise it takes new room).
    public mutating func outline(
        of markdown: UnsafeRawBufferPointer, firstLine: Int = 1,
        keepsParagraph: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }
    ) -> Outline {
        // cmark allocates every node and buffer through `memory`: from this thread's arena, all
        // given back at once when the walk is done rather than node by node (malloc and free
        // were a third of cmark's own time). Nothing cmark made is used after the reset: the
        // walk copies every string out.
        var memory = cmark_mem(
            calloc: followup_arena_calloc, realloc: followup_arena_realloc, free: followup_arena_free)
        defer { followup_arena_reset() }
        return withUnsafeMutablePointer(to: &memory) { memory in
            guard let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, memory) else {
                return Outline(blocks: [])
            }
            markdown.withMemoryRebound(to: CChar.self) { bytes in
                cmark_parser_feed(parser, bytes.baseAddress, bytes.count)
            }
            let document = cmark_parser_finish(parser)
            cmark_parser_free(parser)
            guard let document, let iterator = cmark_iter_new(document) else { return Outline(blocks: []) }
            return withoutActuallyEscaping(keepsParagraph) { keepsParagraph in
                var walk = Walk(lineOffset: firstLine - 1, keepsParagraph: keepsParagraph, blocks: &blocks)
                while true {
                    let event = cmark_iter_next(iterator)
                    if event == CMARK_EVENT_DONE { break }
                    guard let node = cmark_iter_get_node(iterator) else { continue }
                    walk.visit(node, entering: event == CMARK_EVENT_ENTER)
                }
                blocks = walk.blocks
                return Outline(blocks: walk.blocks)
            }
        }
    }
}

/// The state of one walk over a cmark tree.
///
/// cmark's iterator gives ENTER and EXIT for container nodes but only ENTER for leaves (text,
/// code, breaks, code blocks, HTML), which is why leaves are handled on entry alone.
private struct Walk {
    let lineOffset: Int32
    let keepsParagraph: (UnsafeBufferPointer<UInt8>) -> Bool
    var blocks: [Block] = []
    var quoteDepth = 0
    /// Indices in `blocks` of the list items we are inside, innermost last.
    var openItems: [Int] = []
    /// The block whose text is being gathered, and the node that holds that text.
    var gathering: (block: Gathered, container: OpaquePointer)?
    /// The gathered texts' bytes: one buffer for the whole walk, decoded once per block. Each
    /// block's text follows the one before, from `gatheredFrom` on: the buffer is not cleared
    /// for every block, only when it has grown large. It is in cmark's arena, given back with
    /// the document, and written with a plain copy of each piece: a text node is appended for
    /// every piece of text in the note, and `Array.append(contentsOf:)` cost some ninety
    /// instructions a call beyond the copy.
    var text: UnsafeMutablePointer<UInt8>
    var textCount = 0
    var textCapacity = 8192
    var gatheredFrom = 0

    /// A walk in the room `blocks` holds (taken, and emptied, for the walk).
    init(lineOffset: Int, keepsParagraph: @escaping (UnsafeBufferPointer<UInt8>) -> Bool, blocks: inout [Block]) {
        self.lineOffset = Int32(clamping: lineOffset)
        self.keepsParagraph = keepsParagraph
        swap(&self.blocks, &blocks)
        self.blocks.removeAll(keepingCapacity: true)
        // A note has a few dozen blocks: room made once.
        self.blocks.reserveCapacity(64)
        text = followup_arena_realloc(nil, textCapacity).assumingMemoryBound(to: UInt8.self)
    }

    /// Appends `count` bytes at `bytes` to the gathered text.
    private mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if textCount + count > textCapacity {
            textCapacity = Swift.max(2 * textCapacity, textCount + count)
            text = followup_arena_realloc(text, textCapacity).assumingMemoryBound(to: UInt8.self)
        }
        (text + textCount).update(from: bytes, count: count)
        textCount += count
    }

    mutating func visit(_ node: OpaquePointer, entering: Bool) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            quoteDepth += entering ? 1 : -1
        case CMARK_NODE_ITEM:
            if entering {
                blocks.append(
                    .listItem(
                        ListItem(
                            text: "", position: position(of: node), depth: openItems.count,
                            isQuoted: quoteDepth > 0)))
                openItems.append(blocks.count - 1)
            } else {
                openItems.removeLast()
            }
        case CMARK_NODE_HEADING:
            if entering {
                let level = Int(cmark_node_get_heading_level(node))
                startGathering(.heading(level: level, position(of: node), isQuoted: quoteDepth > 0), from: node)
            } else {
                finishGathering(node)
            }
        case CMARK_NODE_PARAGRAPH:
            // The first paragraph of an item is its text; every other paragraph, including an
            // item's later ones (its details), is a paragraph block of its own.
            if entering, let item = openItems.last, let parent = cmark_node_parent(node),
                cmark_node_get_type(parent) == CMARK_NODE_ITEM, cmark_node_first_child(parent) == node
            {
                startGathering(.listItem(item), from: node)
            } else if entering {
                startGathering(.paragraph(position(of: node), isQuoted: quoteDepth > 0), from: node)
            } else {
                finishGathering(node)
            }
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if gathering != nil, let literal = cmark_node_get_literal(node) {
                literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                    append(bytes, count: strlen(literal))
                }
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if gathering != nil {
                var space = UInt8(ascii: " ")
                append(&space, count: 1)
            }
        default:
            break
        }
    }

    private func position(of node: OpaquePointer) -> SourcePosition {
        SourcePosition(
            line: Int(cmark_node_get_start_line(node) + lineOffset),
            column: Int(cmark_node_get_start_column(node)))
    }

    private mutating func startGathering(_ block: Gathered, from container: OpaquePointer) {
        gathering = (block, container)
        if textCount > 1 << 16 { textCount = 0 }
        gatheredFrom = textCount
    }

    /// Makes the block whose text was gathered: a heading or paragraph is added now (neither holds
    /// other blocks, so its place is the same as when it began); a list item, added when it began
    /// (its nested items follow it), gets its text in place.
    private mutating func finishGathering(_ container: OpaquePointer) {
        guard let current = gathering, current.container == container else { return }
        gathering = nil
        var gathered = Self.trimmed(UnsafeBufferPointer(start: text + gatheredFrom, count: textCount - gatheredFrom))
        switch current.block {
        case .heading(let level, let position, let isQuoted):
            let text = String(decoding: gathered, as: UTF8.self)
            blocks.append(.heading(Heading(level: level, text: text, position: position, isQuoted: isQuoted)))
        case .listItem(let index):
            guard case .listItem(let item) = blocks[index] else {
                preconditionFailure("a list item's place holds another block")
            }
            let task: ListItem.Task?
            (task, gathered) = Self.splitTaskBox(gathered)
            blocks[index] = .listItem(
                ListItem(
                    text: String(decoding: gathered, as: UTF8.self), task: task, position: item.position,
                    depth: item.depth, isQuoted: item.isQuoted))
        case .paragraph(let position, let isQuoted):
            // Most paragraphs are prose the caller has no use for: told from the bytes, never made a String.
            guard keepsParagraph(gathered) else { return }
            let text = String(decoding: gathered, as: UTF8.self)
            blocks.append(.paragraph(Paragraph(text: text, position: position, isQuoted: isQuoted)))
        }
    }

    /// A block whose text is being gathered: a heading or paragraph, made once its text is known, or
    /// the list item at an index of `blocks`.
    enum Gathered {
        case heading(level: Int, SourcePosition, isQuoted: Bool)
        case listItem(Int)
        case paragraph(SourcePosition, isQuoted: Bool)
    }

    /// Splits `[ ] text`, `[x] text` or `[X] text` into the box and the text after it.
    static func splitTaskBox(_ text: UnsafeBufferPointer<UInt8>) -> (ListItem.Task?, UnsafeBufferPointer<UInt8>) {
        guard text.count >= 3, text[0] == UInt8(ascii: "["), text[2] == UInt8(ascii: "]"),
            text.count == 3 || text[3] == UInt8(ascii: " ") || text[3] == UInt8(ascii: "\t")
        else { return (nil, text) }
        let task: ListItem.Task
        switch text[1] {
        case UInt8(ascii: " "): task = .open
        case UInt8(ascii: "x"), UInt8(ascii: "X"): task = .done
        default: return (nil, text)
        }
        return (task, trimmed(UnsafeBufferPointer(rebasing: text[3...])))
    }

    /// The bytes without leading and trailing spaces, tabs and line breaks.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var (start, end) = (0, bytes.count)
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
