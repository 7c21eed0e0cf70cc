import Testing

@testable import FollowupCore

/// WordShapes passes over words only when they cannot be in its set: it may say "maybe" to a
/// stranger, never "no" to a member.
@Suite("Word shapes")
struct WordShapesTests {
    @Test func everyMemberMayBeContainedAndMostStrangersAreNot() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789'’é".unicodeScalars)
        func word(length: Int) -> String {
            String(String.UnicodeScalarView((0..<length).map { _ in letters.randomElement(using: &generator)! }))
        }
        for _ in 0..<200 {
            let members = (0..<Int.random(in: 1...20, using: &generator)).map { _ in
                word(length: Int.random(in: 1...70, using: &generator))
            }
            let shapes = WordShapes(members)
            for member in members { #expect(shapes.mayContain(member), "\(member)") }
        }
        let shapes = WordShapes(["thank", "heard", "offer"])
        #expect(!shapes.mayContain("the"))
        #expect(!shapes.mayContain("thanks"))
        #expect(!shapes.mayContain("portfolio"))
        #expect(!shapes.mayContain(String(repeating: "t", count: 80)))
        #expect(shapes.mayContain("tzzzz"), "same first letter and length: a maybe")
        #expect(WordShapes([String(repeating: "a", count: 64)]).mayContain(String(repeating: "b", count: 90)))
    }

    @Test func lowercaseWordsAnswerAsLowercasingWould() {
        let set = LowercaseWords(["to", "for", "kit", "a few", ""])
        let asked = [
            "to", "To", "TO", "tO", "for", "FOR", "fo", "form", "kit", "KIT", "\u{212A}it", "\u{212A}IT", "a few",
            "A Few",
            "", "é", "tó", "x", "ton", "t", "Kit's",
        ]
        for word in asked {
            #expect(set.contains(anyCase: word) == set.words.contains(word.lowercased()), "\(word)")
        }
        #expect(set.contains(anyCase: "\u{212A}it"), "the Kelvin sign lower-cases to k")
        #expect(!set.contains(anyCase: "Kits"))
    }
}
