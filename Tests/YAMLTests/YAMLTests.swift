import Testing
import YAML

/// The first document of `text`, as ``YAML/compose(_:)`` reads it from its UTF-8 bytes.
func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
    var copy = text
    let result = copy.withUTF8 { buffer in
        Result { () throws(YAMLError) in try YAML.compose(UnsafeRawBufferPointer(buffer)) }
    }
    return try result.get()
}

@Suite("YAML from libyaml events")
struct YAMLTests {
    @Test func mappingsSequencesAndScalarsWithMarks() throws {
        let root = try #require(try compose("company: Acme\ninterviewers:\n  - Ada\n  - name: Grace\n    email: g@x\n"))
        #expect(root["company"]?.scalarText == "Acme")
        #expect(root["company"]?.mark == YAMLMark(line: 1, column: 10))
        let interviewers = try #require(root["interviewers"])
        #expect(interviewers.kind == .sequence)
        let people = interviewers.items
        #expect(interviewers.mark == YAMLMark(line: 3, column: 3))
        #expect(people.first?.scalarText == "Ada")
        #expect(people.last?["email"]?.scalarText == "g@x")
        #expect(people.last?.mark.line == 4)
    }

    @Test func plainAndQuotedScalarsAreTold() throws {
        let root = try #require(try compose("a: ~\nb: \"~\"\nc: 2026-11-18\n"))
        #expect(root["a"]?.scalarText == "~" && root["a"]?.isPlain == true)
        #expect(root["b"]?.scalarText == "~" && root["b"]?.isPlain == false)
        // No type resolution: a date stays the text that was written.
        #expect(root["c"]?.scalarText == "2026-11-18")
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try compose("") == nil)
        #expect(try compose("# only a comment\n") == nil)
    }

    @Test func duplicateKeyNamesBothLines() {
        #expect(
            throws: YAMLError(
                problem: "the key `date` appears twice", mark: YAMLMark(line: 3, column: 1),
                duplicate: ("date", YAMLMark(line: 2, column: 1)))
        ) {
            try compose("company: X\ndate: 2026-11-18\ndate: 2026-11-19\n")
        }
    }

    @Test func syntaxErrorCarriesProblemMarkAndContext() {
        do {
            _ = try compose("company: X\ninterviewers: [Ada\n")
            Issue.record("an unclosed flow sequence should not parse")
        } catch {
            #expect(error.problem == "did not find expected ',' or ']'")
            #expect(error.context?.text == "while parsing a flow sequence")
            #expect(error.context?.mark.line == 2)
        }
    }

    /// YAML 1.1 breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR too; editors do not, so
    /// marks count only LF, CRLF and CR, or an error would name a line past the end of the note.
    @Test func marksCountTheEditorsLinesNotYAMLsExtraBreaks() throws {
        // libyaml ends the plain scalar `é` at NEL, and `c` then starts a key with no colon.
        let text = "a: \"\u{2028}\u{2028}x\"\r\nb: é\u{85}\u{2029}c\rd: [x, é, \u{2028}\n"
        do {
            _ = try compose(text)
            Issue.record("a key without a colon should not parse")
        } catch {
            #expect(error.context?.text == "while scanning a simple key")
            #expect(error.context?.mark == YAMLMark(line: 2, column: 7))
            #expect(error.mark == YAMLMark(line: 3, column: 1))
        }
        let root = try #require(try compose("a: \"\u{2028}\u{85}\"\nb: \"é\u{2029}x\"\r\nc: y\n"))
        #expect(root["b"]?.mark == YAMLMark(line: 2, column: 4))
        #expect(root["c"]?.mark == YAMLMark(line: 3, column: 4))
        // Without such breaks, libyaml's own marks stand (CR alone ends a line for both).
        #expect(try #require(try compose("a: é\rb: x\r\nc: y\n"))["c"]?.mark == YAMLMark(line: 3, column: 4))
    }

    @Test func tabsForIndentationAreAnError() {
        #expect(throws: YAMLError.self) { try compose("company: X\ninterviewers:\n\t- Ada\n") }
    }

    @Test func aFewAliasesWithinTheLimitAreFine() throws {
        let root = try #require(try compose("base: &b [a, b, c]\none: *b\ntwo: *b\n"))
        let two = try #require(root["two"])
        #expect(two.kind == .sequence, "an alias of a sequence is that sequence")
        #expect(two.items.map(\.scalarText) == ["a", "b", "c"])
        #expect(root["one"]?.mark == root["base"]?.mark)
    }

    @Test func aliasesShareTheirAnchor() throws {
        let root = try #require(try compose("a: &who Ada Lovelace\nb: *who\n"))
        #expect(root["b"]?.scalarText == "Ada Lovelace")
        #expect(throws: YAMLError.self) { try compose("a: *nowhere\n") }
    }

    @Test func billionLaughsIsRejectedQuicklyWithoutExpanding() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = (0..<9).map { _ in "*a\(level - 1)" }.joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        let clock = ContinuousClock()
        let start = clock.now
        var refused: YAMLError?
        do {
            // Never let a test framework describe the tree: that would expand it.
            _ = try compose(lines.joined(separator: "\n") + "\n") != nil
        } catch {
            refused = error
        }
        #expect(refused?.problem.contains("alias bomb") == true)
        #expect(clock.now - start < .seconds(1), "no expansion: 9^10 nodes would take far longer")
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let deep =
            String(repeating: "[", count: YAML.depthLimit + 1) + String(repeating: "]", count: YAML.depthLimit + 1)
        #expect(throws: YAMLError.self) { try compose("a: \(deep)\n") }
        let fine = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(throws: Never.self) { try compose("a: \(fine)\n") }
    }

    @Test func onlyTheFirstDocumentIsRead() throws {
        let root = try #require(try compose("a: 1\n---\nb: 2\n"))
        #expect(root["a"]?.scalarText == "1")
        #expect(root["b"] == nil)
    }

    /// Keys are compared as `String`s are: canonically equivalent spellings (`é` as one scalar or
    /// as `e` and an accent) are one key, in a small mapping (compared by bytes) and a large one
    /// (through a set).
    @Test func duplicateKeysAreFoundAsStringsCompare() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        for filler in [0, 20] {
            let others = (0..<filler).map { "k\($0): v\n" }.joined()
            do {
                _ = try compose(others + "\(composed): 1\nx: 2\n\(decomposed): 3\n")
                Issue.record("equivalent keys should be a duplicate (\(filler) other keys)")
            } catch {
                #expect(error.duplicate?.key == decomposed)
                #expect(error.duplicate?.first == YAMLMark(line: filler + 1, column: 1))
                #expect(error.mark == YAMLMark(line: filler + 3, column: 1))
            }
            #expect(throws: Never.self) { try compose(others + "cafe: 1\ncafé: 2\n") }
        }
    }

    /// Keys whose first bytes differ can still be one key when one starts with a non-ASCII
    /// character (the Kelvin sign is `K`; `é` is `e` and an accent); two different ASCII first
    /// characters never are.
    @Test(arguments: [
        ("\u{212A}ey", "Key", true), ("e\u{301}t\u{E9}", "\u{E9}te\u{301}", true), ("ax", "bx", false),
        ("Key", "key", false), ("a\u{301}", "b\u{301}", false),
    ])
    func keysStartingDifferently(first: String, second: String, duplicate: Bool) {
        let result = Result { try compose("\(first): 1\n\(second): 2\n") }
        if case .failure(let error as YAMLError) = result {
            #expect(duplicate, "unexpected error: \(error)")
            #expect(error.duplicate?.key == second)
        } else {
            #expect(!duplicate, "\(second) should repeat \(first)")
        }
    }

    @Test func valuesAreFoundByAnEquivalentKey() throws {
        let root = try #require(try compose("cafe\u{301}: open\n"))
        #expect(root["caf\u{E9}"]?.scalarText == "open")
        #expect(root["cafe"] == nil)
        #expect(root.pairs.count == 1)
        #expect(root.items.isEmpty)
        #expect(root["cafe\u{301}"]?.items.isEmpty == true)
    }

    /// One composer, document after document, gives what a new one gives each time: nothing of
    /// a document (nor of one left half-built by an error) is found in the next, and a document
    /// still held reads the same after the composer has moved on to others.
    @Test func aComposerKeptForManyDocumentsComposesEachAsANewOneWould() throws {
        let documents = [
            "company: Acme\ninterviewers:\n  - Ada\n  - name: Grace\n    email: g@x\n",
            "a: 1\nb: [x, y, {c: d}]\na: 2\n",
            "base: &b {k: v}\nuse: *b\nlist:\n  - - deep\n    - er\n",
            "",
            "key: [unclosed\n",
            String(repeating: "word ", count: 300) + "\n",
            "x: \"quoted\"\ny: 'single'\nz: ~\n",
        ]
        /// Every node's kind, mark and text, in document order.
        func shape(_ node: YAMLNode?) -> [String] {
            guard let node else { return ["nil"] }
            let own = "\(node.kind) \(node.mark.line):\(node.mark.column) \(node.scalarText ?? "")"
            switch node.kind {
            case .scalar: return [own]
            case .sequence: return [own] + node.items.flatMap(shape)
            case .mapping: return [own] + node.pairs.flatMap { shape($0.key) + shape($0.value) }
            }
        }
        func composed(_ text: String, by composer: inout YAMLComposer) -> Result<[String], YAMLError> {
            var copy = text
            return copy.withUTF8 { buffer in
                Result { () throws(YAMLError) in shape(try composer.compose(UnsafeRawBufferPointer(buffer))) }
            }
        }
        var kept = YAMLComposer()
        var held: [(YAMLNode?, [String])] = []
        for _ in 0..<3 {
            for text in documents {
                var fresh = YAMLComposer()
                let expected = composed(text, by: &fresh)
                #expect(composed(text, by: &kept) == expected, "\(text)")
                if case .success(let nodes) = expected {
                    var copy = text
                    let node = copy.withUTF8 { try? kept.compose(UnsafeRawBufferPointer($0)) }
                    held.append((node, nodes))
                }
            }
        }
        for (node, nodes) in held { #expect(shape(node) == nodes) }
    }
}
