import FollowupCore
import Testing

/// Paths are ordered by their UTF-8 bytes everywhere; `sortedBytewise` reads each name's first 16
/// bytes into integers to sort faster, and must give exactly the order of `bytewiseLess`.
@Suite("Bytewise order")
struct BytewiseOrderTests {
    /// Names that tie on their first 16 bytes, end inside or right at them, differ only past
    /// them, hold bytes above 0x7F (which must sort after ASCII), or are empty.
    static let pieces = [
        "", "a", "A", "b", "-", "/", ".", "0", "9", "é", "e\u{301}", "ß", "日本", "\u{1F600}", "note-000",
        "batch-000/", "batch-000", "note-000123.md", "note-000123.md.bak", "0123456789abcdef",
        "0123456789abcdef0", "0123456789abcde", "\u{7F}", "~",
    ]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sameOrderAsComparingTheWholeNames(seed: UInt64) {
        var random = ActionOrderTests.Generator(state: seed)
        let names = (0..<600).map { _ in
            (0..<(1 + random.next(4))).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
        }
        let expected = names.sorted(by: Text.bytewiseLess)
        #expect(Text.sortedBytewise(names) { $0 } == expected)
        // Stable: equal names keep their order, told apart here by their place in the input.
        let numbered = names.enumerated().map { (name: $0.element, place: $0.offset) }
        let sorted = Text.sortedBytewise(numbered, by: \.name)
        #expect(sorted.map(\.name) == expected)
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.name == later.name {
            #expect(earlier.place < later.place)
        }
        // Names already in order (told in one pass, without a sort) and in reverse order.
        #expect(Text.sortedBytewise(expected) { $0 } == expected)
        #expect(Text.sortedBytewise(expected.reversed()) { $0 } == expected)
        let inOrder = expected.enumerated().map { (name: $0.element, place: $0.offset) }
        #expect(Text.sortedBytewise(inOrder, by: \.name).map(\.place) == Array(expected.indices))
    }
}
