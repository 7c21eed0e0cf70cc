import CCmark
import FollowupCore
import Foundation
import FuzzHarness
import Markdown
import Testing

/// The 655 examples of the CommonMark spec, each as the body of a note, checked against what cmark
/// itself reports through its C API.
///
/// The corpus lives in the shared folder beside the repository (`../shared/corpora/` from the
/// package root, as it sits beside the clone in CI). A missing corpus fails the tests; it is never
/// skipped, so a CI without it cannot pass by checking nothing.
@Suite("CommonMark spec examples")
struct CommonMarkCorpusTests {
    struct Example: Decodable, Sendable {
        var example: Int
        var section: String
        var markdown: String
    }

    static let corpusPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpora/commonmark-spec-examples.json").standardized.path

    static func examples() throws -> [Example] {
        guard FileManager.default.fileExists(atPath: corpusPath) else {
            Issue.record(
                "the CommonMark corpus is missing: expected \(corpusPath) (the shared folder beside the repository)")
            return []
        }
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: URL(fileURLWithPath: corpusPath)))
    }

    /// Front matter before each example, with interviewers so that names in items resolve.
    static let frontMatter = """
        ---
        company: Acme
        role: Engineer
        date: 2026-11-18
        interviewers: [Ada Lovelace, Grace Hopper]
        ---

        """
    /// The line the example's first line lands on inside the note: front matter (6 lines), then
    /// `## Next steps` and a blank line.
    static let bodyPrefix = frontMatter + "## Next steps\n\n"
    static let firstExampleLine = 9

    @Test func theCorpusIsThereAndComplete() throws {
        let examples = try Self.examples()
        #expect(examples.count == 655, "expected the 655 examples of the spec in \(Self.corpusPath)")
    }

    /// The list items of followup's outline are exactly cmark's ITEM nodes: same number, same start
    /// lines and columns, the same ones inside block quotes, and the same nesting depth.
    @Test func outlineListItemsAreExactlyCmarksItems() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty)
        var itemsSeen = 0
        for example in examples {
            let expected = CmarkTree(example.markdown).items
            let found = CommonMark.outline(of: example.markdown).blocks.compactMap { block -> CmarkTree.Item? in
                guard case .listItem(let item) = block else { return nil }
                return CmarkTree.Item(
                    line: item.position.line, column: item.position.column, depth: item.depth, quoted: item.isQuoted)
            }
            #expect(found == expected, "example \(example.example) (\(example.section))")
            itemsSeen += expected.count
        }
        // The corpus has some 155 list items; a walk that found none would be no check at all.
        #expect(itemsSeen >= 150)
    }

    /// Wrapped under a `Next steps` heading, where every plain list item is an action: no action
    /// comes from inside a code block, an HTML block or a block quote, and every action starts on
    /// a line where cmark starts a list item outside block quotes.
    @Test func actionsNeverComeFromCodeHTMLOrQuotes() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty)
        var actions = 0
        for example in examples {
            let reading = NoteReader.read(Array((Self.bodyPrefix + example.markdown).utf8), path: "example.md")
            let tree = CmarkTree(example.markdown)
            let itemLines = Set(tree.items.filter { !$0.quoted }.map(\.line))
            for item in reading.note?.actionItems ?? [] {
                let line = item.line - Self.firstExampleLine + 1
                let inside = tree.excluded.first { $0.lines.contains(line) }
                #expect(
                    inside == nil,
                    "example \(example.example): action “\(item.text)” on line \(line) is inside a \(inside?.kind ?? "")"
                )
                #expect(
                    itemLines.contains(line),
                    "example \(example.example): action “\(item.text)” on line \(line) is not a list item for cmark")
            }
            actions += reading.note?.actionItems.count ?? 0
        }
        #expect(actions >= 100)
    }

    /// Every example, bare and as a note body, through the whole pipeline: reading, planning and
    /// every renderer, with the promises the fuzzer checks.
    @Test func everyExampleGoesThroughThePipeline() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty)
        var notes = 0
        for example in examples {
            for text in [example.markdown, Self.bodyPrefix + example.markdown] {
                let broken = Array(text.utf8).withUnsafeBytes { NotePipeline.check($0) }
                #expect(broken.isEmpty, "example \(example.example): \(broken)")
            }
            let reading = NoteReader.read(Array((Self.bodyPrefix + example.markdown).utf8), path: "example.md")
            if reading.note != nil { notes += 1 }
            #expect(
                !reading.problems.contains { $0.severity == .error },
                "example \(example.example): \(reading.problems)")
        }
        #expect(notes == examples.count)
    }
}

/// What cmark's C API reports for a document: its list items, and the blocks whose contents are
/// never action items. Written against the C API directly, independently of the Markdown module.
struct CmarkTree {
    struct Item: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var depth: Int
        var quoted: Bool

        var description: String { "\(line):\(column) depth \(depth)\(quoted ? " quoted" : "")" }
    }

    var items: [Item] = []
    /// Code blocks, HTML blocks and block quotes, with the lines they span.
    var excluded: [(kind: String, lines: ClosedRange<Int>)] = []

    init(_ markdown: String) {
        var bytes = Array(markdown.utf8)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var quotes = 0
        var lists = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            let lines =
                Int(
                    cmark_node_get_start_line(node))...max(
                    Int(cmark_node_get_start_line(node)), Int(cmark_node_get_end_line(node)))
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                quotes += entering ? 1 : -1
                if entering { excluded.append(("block quote", lines)) }
            case CMARK_NODE_LIST:
                lists += entering ? 1 : -1
            case CMARK_NODE_ITEM where entering:
                items.append(
                    Item(
                        line: lines.lowerBound, column: Int(cmark_node_get_start_column(node)), depth: lists - 1,
                        quoted: quotes > 0))
            case CMARK_NODE_CODE_BLOCK:
                excluded.append(("code block", lines))
            case CMARK_NODE_HTML_BLOCK:
                excluded.append(("HTML block", lines))
            default:
                break
            }
        }
    }
}
