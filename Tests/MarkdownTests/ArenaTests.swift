import CArena
import Markdown
import Testing

/// The arena behind cmark's allocations: blocks keep their bytes through realloc, come back at
/// reset, and one huge note does not keep its memory for the rest of the run.
@Suite("Arena for cmark's allocations")
struct ArenaTests {
    @Test func callocGivesZeroedAlignedBlocksThatReallocKeeps() {
        defer { followup_arena_reset() }
        // A block grown in place (the latest one) and a block moved (an older one) both keep
        // their bytes; every block is aligned for any C type.
        let first = followup_arena_calloc(10, 1)!.assumingMemoryBound(to: UInt8.self)
        #expect(UInt(bitPattern: first) % 16 == 0)
        #expect((0..<10).allSatisfy { first[$0] == 0 })
        for offset in 0..<10 { first[offset] = UInt8(offset + 1) }
        let second = followup_arena_calloc(3, 8)!.assumingMemoryBound(to: UInt8.self)
        for offset in 0..<24 { second[offset] = 0xA0 &+ UInt8(offset) }

        let grownInPlace = followup_arena_realloc(second, 5000)!.assumingMemoryBound(to: UInt8.self)
        #expect(grownInPlace == second)
        #expect((0..<24).allSatisfy { grownInPlace[$0] == 0xA0 &+ UInt8($0) })

        let moved = followup_arena_realloc(first, 100_000)!.assumingMemoryBound(to: UInt8.self)
        #expect(moved != first)
        #expect(UInt(bitPattern: moved) % 16 == 0)
        #expect((0..<10).allSatisfy { moved[$0] == UInt8($0 + 1) })
        // Past the first chunk (256 KiB): a second chunk, and the bytes still move with the block.
        moved[99_999] = 7
        let larger = followup_arena_realloc(moved, 1_000_000)!.assumingMemoryBound(to: UInt8.self)
        #expect((0..<10).allSatisfy { larger[$0] == UInt8($0 + 1) })
        #expect(larger[99_999] == 7)
    }

    @Test func resetKeepsOneOrdinaryChunkAndLetsAHugeOneGo() {
        // This thread's arena may keep a chunk from an earlier test's parse; about 10 MB more
        // needs a chunk over the 4 MiB kept across resets, so all of it goes back.
        for _ in 0..<100 { _ = followup_arena_calloc(1000, 100) }
        #expect(followup_arena_reserved() > 8 << 20)
        followup_arena_reset()
        #expect(followup_arena_reserved() == 0)
        // A fresh arena starts small, and keeps that one chunk across resets.
        _ = followup_arena_calloc(1, 1)
        let fresh = followup_arena_reserved()
        #expect(fresh > 0 && fresh < 1 << 20)
        followup_arena_reset()
        #expect(followup_arena_reserved() == fresh)
        _ = followup_arena_calloc(1, 1)
        #expect(followup_arena_reserved() == fresh)
        followup_arena_reset()
    }

    @Test func aHugeNoteThenASmallOneParseAlikeAndTheMemoryIsGivenBack() {
        // 40,000 list items: cmark needs well over the 4 MiB an arena keeps across notes.
        let huge = (1...40_000).map { "- item \($0) with *some* inline `code`" }.joined(separator: "\n")
        let outline = CommonMark.outline(of: huge)
        #expect(outline.blocks.count == 40_000)
        if case .listItem(let last)? = outline.blocks.last {
            #expect(last.text == "item 40000 with some inline code")
            #expect(last.position.line == 40_000)
        } else {
            Issue.record("the last block is not the last list item")
        }
        #expect(followup_arena_reserved() == 0)
        let small = CommonMark.outline(of: "# Next steps\n\n- [ ] send the deck\n")
        #expect(small.blocks.count == 2)
        #expect(followup_arena_reserved() <= 1 << 20)
    }
}

/// libyaml's entry points into the second arena: the shapes of malloc, realloc and strdup, and
/// their arena apart from cmark's, so that a front matter's reset never touches a document's blocks.
@Suite("Arena for libyaml's allocations, at the C level")
struct YAMLArenaEntryTests {
    @Test func mallocReallocAndStrdupKeepTheirBytes() {
        defer { followup_yaml_reset() }
        let first = followup_yaml_malloc(10)!.assumingMemoryBound(to: UInt8.self)
        #expect(UInt(bitPattern: first) % 16 == 0)
        for offset in 0..<10 { first[offset] = UInt8(offset + 1) }
        let copy = followup_yaml_strdup("scalar text")!
        #expect(String(cString: copy) == "scalar text")
        let moved = followup_yaml_realloc(first, 300_000)!.assumingMemoryBound(to: UInt8.self)
        #expect((0..<10).allSatisfy { moved[$0] == UInt8($0 + 1) })
        #expect(String(cString: copy) == "scalar text")
        followup_yaml_free(moved)
    }

    @Test func theTwoArenasAreApart() {
        followup_arena_reset()
        followup_yaml_reset()
        let markdown = followup_arena_calloc(1, 64)!.assumingMemoryBound(to: UInt8.self)
        markdown[0] = 42
        let markdownHeld = followup_arena_reserved()
        // Enough YAML blocks to need a second chunk, then a reset of the YAML arena alone.
        for _ in 0..<100 { _ = followup_yaml_malloc(10_000) }
        #expect(followup_yaml_reserved() > 1 << 20)
        followup_yaml_reset()
        #expect(followup_arena_reserved() == markdownHeld)
        #expect(markdown[0] == 42)
        let next = followup_arena_calloc(1, 64)!
        #expect(next != UnsafeMutableRawPointer(markdown))
        followup_arena_reset()
        followup_yaml_reset()
    }
}
