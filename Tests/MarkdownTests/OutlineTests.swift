import Markdown
import Testing

@Suite("Outline from libcmark")
struct OutlineTests {
    private func items(_ markdown: String, firstLine: Int = 1) -> [ListItem] {
        CommonMark.outline(of: markdown, firstLine: firstLine).blocks.compactMap {
            if case .listItem(let item) = $0 { item } else { nil }
        }
    }

    private func headings(_ markdown: String) -> [Heading] {
        CommonMark.outline(of: markdown).blocks.compactMap {
            if case .heading(let heading) = $0 { heading } else { nil }
        }
    }

    @Test func headingsAndItemsInDocumentOrder() {
        let outline = CommonMark.outline(of: "# Onsite\n\n## Next steps\n\n- one\n- two\n\n## Log\n\n- 2026-11-19: x\n")
        let shape = outline.blocks.map { block -> String in
            switch block {
            case .heading(let heading): "h\(heading.level):\(heading.text)"
            case .listItem(let item): "li:\(item.text)"
            case .paragraph(let paragraph): "p:\(paragraph.text)"
            }
        }
        #expect(shape == ["h1:Onsite", "h2:Next steps", "li:one", "li:two", "h2:Log", "li:2026-11-19: x"])
    }

    @Test func setextHeadingsAndInlineMarkupAreFlattened() {
        let found = headings("Next *steps*\n---------\n\n## `Log` [link](x)\n")
        #expect(found.map(\.text) == ["Next steps", "Log link"])
        #expect(found.map(\.level) == [2, 2])
    }

    @Test func taskBoxesAreRecognisedAndRemoved() {
        let found = items("- [ ] open\n- [x] done\n- [X] Done too\n- [] not a box\n- [y] not either\n- plain\n")
        #expect(found.map(\.task) == [.open, .done, .done, nil, nil, nil])
        #expect(found.map(\.text) == ["open", "done", "Done too", "[] not a box", "[y] not either", "plain"])
    }

    /// Block texts are gathered in one buffer that grows (a block longer than its first 8 KiB)
    /// and starts over once it holds 64 KiB: every text comes out whole, in any of those.
    @Test func longTextsComeOutWhole() {
        let words = (0..<6_000).map { "w\($0)" }
        // About 40 KB in one item, a piece of text and a line break for each word.
        let long = words.joined(separator: " ")
        var markdown = "- [ ] \(words.joined(separator: "\n"))\n\n"
        var expected = ["li:\(long)"]
        for index in 0..<40 {
            let part = words[(index * 150)..<(index * 150 + 150)]
            markdown += "## Part \(index)\n\n\(part.joined(separator: "\n"))\n\n"
            expected += ["h2:Part \(index)", "p:" + part.joined(separator: " ")]
        }
        markdown += "- \(long) *end*\n"
        expected.append("li:\(long) end")
        let shape = CommonMark.outline(of: markdown).blocks.map { block -> String in
            switch block {
            case .heading(let heading): "h\(heading.level):\(heading.text)"
            case .listItem(let item): "li:\(item.text)"
            case .paragraph(let paragraph): "p:\(paragraph.text)"
            }
        }
        #expect(shape == expected)
    }

    @Test func onlyTheFirstParagraphIsTheItemText() {
        let found = items("- Send the deck\n  to Sarah\n\n  More details here.\n")
        #expect(found.map(\.text) == ["Send the deck to Sarah"])
    }

    @Test func nestedItemsAreSeparateWithDepth() {
        let found = items("- parent\n  - child\n    - grandchild\n- sibling\n")
        #expect(found.map(\.text) == ["parent", "child", "grandchild", "sibling"])
        #expect(found.map(\.depth) == [0, 1, 2, 0])
    }

    @Test func listsInCodeAndHTMLBlocksAreNotItems() {
        let markdown = """
            ```
            - [ ] in a fence
            ```

                - [ ] indented code

            <div>
            - [ ] in html
            </div>

            - [ ] real
            """
        #expect(items(markdown).map(\.text) == ["real"])
    }

    @Test func quotedItemsAndHeadingsAreMarked() {
        let outline = CommonMark.outline(of: "> ## Next steps\n> - [ ] quoted\n\n- [ ] mine\n")
        let quoted = outline.blocks.map { block -> Bool in
            switch block {
            case .heading(let heading): heading.isQuoted
            case .listItem(let item): item.isQuoted
            case .paragraph(let paragraph): paragraph.isQuoted
            }
        }
        #expect(quoted == [true, true, false])
    }

    @Test func positionsAreShiftedByFirstLine() {
        let found = items("intro\n\n- a\n  - b\n", firstLine: 10)
        #expect(found.map(\.position) == [SourcePosition(line: 12, column: 1), SourcePosition(line: 13, column: 3)])
    }

    @Test func crlfAndLoneCRLineEndings() {
        #expect(items("- one\r\n- two\r\n").map(\.text) == ["one", "two"])
        #expect(items("# H\r- one\r- two\r").map(\.position.line) == [2, 3])
    }

    @Test func emptyAndItemWithoutParagraph() {
        #expect(CommonMark.outline(of: "").blocks.isEmpty)
        #expect(items("-\n- # heading item\n").map(\.text) == ["", ""])
    }

    @Test func entitiesAndEscapesAreDecoded() {
        #expect(items("- AT&amp;T \\*not emphasis\\*\n").map(\.text) == ["AT&T *not emphasis*"])
    }

    @Test func bufferWithoutTrailingNULIsReadExactly() {
        let bytes = Array("- one\n- two".utf8)
        let outline = bytes.withUnsafeBytes { CommonMark.outline(of: UnsafeRawBufferPointer(rebasing: $0[0..<5])) }
        #expect(outline.blocks == [.listItem(ListItem(text: "one", position: SourcePosition(line: 1, column: 1)))])
    }

    private func paragraphs(_ markdown: String, firstLine: Int = 1) -> [Paragraph] {
        CommonMark.outline(of: markdown, firstLine: firstLine).blocks.compactMap {
            if case .paragraph(let paragraph) = $0 { paragraph } else { nil }
        }
    }

    @Test func paragraphsAreFlattenedWithTheirLines() {
        let markdown = "# Onsite\n\n**Dana Whitfield (EM)** opened with\nthe *team's* story.\n\nSecond `one`.\n"
        let found = paragraphs(markdown, firstLine: 5)
        #expect(found.map(\.text) == ["Dana Whitfield (EM) opened with the team's story.", "Second one."])
        #expect(found.map(\.position.line) == [7, 10])
        #expect(found.allSatisfy { !$0.isQuoted })
    }

    /// Blocks' texts follow one another in one buffer, cleared only once it is large: every text
    /// is its own, before and after that point, whatever the lengths.
    @Test func longNotesKeepEachBlocksOwnText() {
        let texts = (0..<300).map { number in
            "item \(number):" + String(repeating: "abcdefghij", count: number % 7 == 0 ? 900 : number % 40)
        }
        let markdown = texts.map { "- \($0)\n\n  Details \($0.count).\n" }.joined()
        let found = items(markdown).map(\.text)
        #expect(found.count == texts.count)
        #expect(found.indices.first { found[$0] != texts[$0] } == nil, "the first item read wrong")
        #expect(paragraphs(markdown).map(\.text) == texts.map { "Details \($0.count)." })
    }

    @Test func anItemsFirstParagraphIsItsTextAndLaterOnesAreParagraphs() {
        let outline = CommonMark.outline(of: "- Send the deck\n\n  Sarah asked for it.\n\n> Quoted words.\n")
        let shape = outline.blocks.map { block -> String in
            switch block {
            case .heading(let heading): "h:\(heading.text)"
            case .listItem(let item): "li:\(item.text)"
            case .paragraph(let paragraph): "p\(paragraph.isQuoted ? "(quoted)" : ""):\(paragraph.text)"
            }
        }
        #expect(shape == ["li:Send the deck", "p:Sarah asked for it.", "p(quoted):Quoted words."])
    }

    @Test func paragraphsInCodeAndHTMLAreNotParagraphs() {
        #expect(
            paragraphs("```\nfenced text\n```\n\n<div>\nhtml text\n</div>\n\nreal text\n").map(\.text) == ["real text"])
    }

    @Test func paragraphsTheCallerDoesNotKeepAreLeftOutAndNothingElseIs() {
        let markdown =
            "# Ada\n\nAda said yes.\n\nNothing here.\n\n- Ada item\n\n  Ada later.\n\n  Not this.\n\n> Ada quoted.\n"
        var seen: [String] = []
        let kept = Array(markdown.utf8).withUnsafeBytes { bytes in
            CommonMark.outline(of: bytes) { text in
                let paragraph = String(decoding: text, as: UTF8.self)
                seen.append(paragraph)
                return paragraph.contains("Ada")
            }
        }
        // The filter sees every paragraph's flattened text, but no heading and no item's first paragraph.
        #expect(seen == ["Ada said yes.", "Nothing here.", "Ada later.", "Not this.", "Ada quoted."])
        let shape = kept.blocks.map { block -> String in
            switch block {
            case .heading(let heading): "h:\(heading.text)"
            case .listItem(let item): "li:\(item.text)"
            case .paragraph(let paragraph):
                "p\(paragraph.isQuoted ? "(quoted)" : ""):\(paragraph.text) @\(paragraph.position.line)"
            }
        }
        #expect(
            shape == ["h:Ada", "p:Ada said yes. @3", "li:Ada item", "p:Ada later. @9", "p(quoted):Ada quoted. @13"])
    }

    /// One reader, document after document, gives what a new one gives each time, and an outline
    /// still held is the same after the reader has moved on to others.
    @Test func aReaderKeptForManyDocumentsOutlinesEachAsANewOneWould() {
        let documents = [
            "# Onsite\n\n## Next steps\n\n- [ ] one\n- [x] two\n  - nested\n\nProse.\n",
            (0..<100).map { "- item \($0)\n" }.joined(),
            "",
            "> ## Quoted\n> - [ ] quoted item\n\nA paragraph\nover two lines.\n",
            String(repeating: "long paragraph text ", count: 5000),
            "Heading\n=======\n\n1. first\n2. second\n",
        ]
        var reader = OutlineReader()
        var held: [(Outline, Outline)] = []
        for _ in 0..<3 {
            for (index, text) in documents.enumerated() {
                var copy = text
                let outline = copy.withUTF8 { reader.outline(of: UnsafeRawBufferPointer($0), firstLine: index + 1) }
                let fresh = CommonMark.outline(of: text, firstLine: index + 1)
                #expect(outline == fresh, "\(text.prefix(40))")
                held.append((outline, fresh))
            }
        }
        for (outline, fresh) in held { #expect(outline == fresh) }
    }
}
