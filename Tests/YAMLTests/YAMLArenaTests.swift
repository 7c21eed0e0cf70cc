import CArena
import Testing
import YAML

/// libyaml's allocations, which `make` builds send to a per-thread arena (scripts/libyaml-arena):
/// that they go there, come back after every document, error or not, and leave results intact.
@Suite("Arena for libyaml's allocations")
struct YAMLArenaTests {
    @Test func libyamlAllocatesFromTheArenaInThisBuild() throws {
        // The arena keeps its chunk across resets, so after one document it holds memory on this
        // thread only if libyaml took it from there. Zero means this build linked the system's
        // libyaml as it is (a plain `swift build`, not `make`): correct, but the slow path.
        _ = try compose("company: Acme\n")
        #expect(
            followup_yaml_reserved() > 0,
            "libyaml did not allocate from followup's arena: build with make (scripts/libyaml-arena)")
    }

    @Test func everyDocumentGivesItsMemoryBackErrorsToo() throws {
        let values = (1...10).map { "value \($0)" }.joined(separator: ", ")
        let document = (1...50).map { "key\($0): [\(values)]" }.joined(separator: "\n")
        _ = try compose(document)
        let kept = followup_yaml_reserved()
        for round in 0..<300 {
            if round.isMultiple(of: 3) {
                // Fails half way: the parser and its events are deleted on the way out all the same.
                #expect(throws: YAMLError.self) { try compose(document + "\n  bad: [indent\n") }
            } else {
                let root = try #require(try compose(document))
                #expect(root["key50"]?.items.count == 10)
            }
        }
        // Without the reset each document's buffers alone (some 70 KiB) would pile up: 20 MB.
        #expect(followup_yaml_reserved() == kept)
    }

    @Test func aHugeScalarsMemoryIsNotKept() throws {
        // A 5 MB scalar: libyaml doubles its string past the 4 MiB an arena keeps across
        // documents, so all of it goes back.
        let huge = "text: \"" + String(repeating: "word ", count: 1_000_000) + "end\"\n"
        let root = try #require(try compose(huge))
        #expect(root["text"]?.scalarText?.utf8.count == 5_000_003)
        #expect(followup_yaml_reserved() <= 1 << 20)
        // And the next document is read as ever, in a fresh arena.
        #expect(try compose("a: b\n")?["a"]?.scalarText == "b")
        #expect(followup_yaml_reserved() > 0 && followup_yaml_reserved() <= 1 << 20)
    }
}
