import Testing

@testable import FollowupCore

/// Words are plain data: offsets into the text they were split from and a key holding their lower
/// case when it fits in 16 bytes. These tests hold them to what strings would say.
@Suite("Words")
struct WordsTests {
    /// Random lines of ASCII and other letters, with joiners and separators, of words short and long.
    private static func randomLines(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Z", "q", "M", "0", "7", "'", "’", "-", ":", " ", " ", "\t", ",", ".", "é", "É", "ß", "\u{212A}",
            "İ", "ǅ", "Ω", "ﬁ", "😀", "x\u{301}",
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    @Test func aWordsKeyIsItsLowerCaseUpToSixteenBytes() {
        for line in Self.randomLines(count: 2000) + ["Send the PORTFOLIO to Grace", "Wolfeschlegelsteinhausen's"] {
            for word in Word.split(line) {
                let written = String(word.written(in: line))
                let lower = written.lowercased()
                #expect(word.lower(in: line) == lower, "\(line)")
                if lower.utf8.count <= 16 {
                    #expect(word.key == WordKey(lower), "\(written) in \(line)")
                    #expect(word.key.text == lower)
                    #expect(word.key.count == lower.utf8.count)
                } else {
                    #expect(word.key == .empty, "\(written) is longer than a key holds")
                }
            }
        }
    }

    /// A short ASCII text is split sixteen bytes at a time, a longer one byte by byte: both
    /// find the same words, with the same keys, in every text of up to 64 bytes, joiners at
    /// the edges of its 16-byte blocks and its end included.
    @Test func shortTextsSplitAsByteByByte() {
        var random = ActionOrderTests.Generator(state: 23)
        let alphabet = Array("aZq09'-: .,xY7'-:-\t_!".utf8)
        var compared = 0
        for text in 0..<30_000 {
            let count = text < 65 ? text : random.next(65)
            var bytes = (0..<count).map { _ in alphabet[random.next(alphabet.count)] }
            // Some texts are mostly one long word, longer than a key holds.
            if random.next(4) == 0 { for place in bytes.indices where random.next(8) > 0 { bytes[place] = 0x61 } }
            bytes.withUnsafeBufferPointer { buffer in
                var short: [Word] = []
                var reference: [Word] = []
                Word.splitShort(buffer, into: &short)
                Word.splitBytes(buffer, into: &reference)
                let text = String(decoding: buffer, as: UTF8.self)
                #expect(short.map(\.start) == reference.map(\.start), "\(text.debugDescription)")
                #expect(short.map(\.end) == reference.map(\.end), "\(text.debugDescription)")
                #expect(short.map(\.key) == reference.map(\.key), "\(text.debugDescription)")
                compared += reference.count
            }
        }
        #expect(compared > 100_000)
    }

    /// Upper-case letters are folded eight bytes at a time: every ASCII byte, at every place in a
    /// key, folds as it does alone.
    @Test func asciiLettersFoldAtEveryPlace() {
        for byte in UInt8(1)..<0x80 {
            for place in 0..<16 {
                let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: place) + [byte]
                let key = bytes.withUnsafeBufferPointer { WordKey(asciiFolding: $0) }
                #expect(key[place] == byte.asciiLowercased, "byte \(byte) at \(place)")
                #expect(key.count == place + 1)
                #expect((0..<place).allSatisfy { key[$0] == UInt8(ascii: "x") })
            }
        }
    }

    @Test func aKeyIsANameOrItsPossessive() {
        let names = ["sarah", "al", "ana-maria", "jo", "abcdefghijklmn"]
        let words = [
            "sarah", "sarah's", "sarah’s", "sarahs", "sara", "sarah'", "sarah's'", "al", "al's", "al’s", "alx", "als",
            "jo’s", "jo’", "abcdefghijklmn’s", "abcdefghijklmn's", "x",
        ]
        for name in names {
            for word in words {
                // A word of more than 16 bytes has the empty key: Roster compares it as a string.
                let possessive = [name, name + "'s", name + "\u{2019}s"].contains(word) && word.utf8.count <= 16
                #expect(WordKey(word).isName(WordKey(name)) == possessive, "\(word) for \(name)")
            }
            #expect(!WordKey.empty.isName(WordKey(name)))
            #expect(!WordKey(name).isName(.empty))
        }
    }

    /// Names whose words are longer than a key are found by their lower case as a string.
    @Test func longNamesAreFoundInAnyCaseAndAsPossessives() {
        let long = Person(name: "Wolfeschlegelsteinhausen Bergerdorffenbach")
        let short = Person(name: "Ana Li")
        let roster = Roster([long, short])
        func named(_ text: String, anyCase: Bool = true) -> [String] {
            roster.all(in: Word.split(text), of: text, anyCase: anyCase).map(\.name)
        }
        #expect(named("thanked WOLFESCHLEGELSTEINHAUSEN BERGERDORFFENBACH") == [long.name])
        #expect(named("sent Wolfeschlegelsteinhausen’s notes") == [long.name])
        #expect(named("sent Wolfeschlegelsteinhausen's notes, then Ana's") == [long.name, short.name])
        #expect(named("wolfeschlegelsteinhausen", anyCase: false).isEmpty, "a first name alone matches as written")
        #expect(named("Wolfeschlegelsteinhausen", anyCase: false) == [long.name])
        #expect(named("Wolfeschlegelsteinhausenx Bergerdorffenbach").isEmpty)
    }

    /// A word table answers as a dictionary of the same pairs would, for words sharing a first
    /// byte, words that differ only in length, and words that are in no table.
    @Test func aWordTableAnswersAsADictionary() {
        let pairs: [(WordKey, Int)] = [
            ("by", 1), ("before", 2), ("b", 3), ("within", 4), ("haven’t", 5), ("z", 6), ("0", 7),
            ("abcdefghijklmnop", 8),
        ]
        let table = WordTable(pairs)
        let dictionary = Dictionary(uniqueKeysWithValues: pairs)
        let asked: [WordKey] = [
            "by", "bye", "b", "before", "befor", "within", "haven’t", "haven't", "z", "0", "00", "abcdefghijklmnop",
            "abcdefghijklmno", "x", .empty,
        ]
        for key in asked { #expect(table[key] == dictionary[key], "\(key.text)") }
        #expect(Set(table.keys) == Set(dictionary.keys))
        let set = WordTable<Void>(["no", "not", "never"])
        #expect(set.contains("not") && set.contains("no") && !set.contains("nothing") && !set.contains(.empty))
    }

    /// A name's words match the note's words as strings compare: composed and decomposed spellings
    /// of a word (Tamil கொ is U+0B95 U+0BCA, or U+0B95 U+0BC6 U+0BBE) are the same word.
    @Test func namesMatchInEitherUnicodeForm() {
        let composed = Person(name: "Ravi \u{0B95}\u{0BCA} Kumar")
        let roster = Roster([composed])
        let text = "email ravi \u{0B95}\u{0BC6}\u{0BBE} kumar the notes"
        // Not `anyCase`: the first name alone, in lower case, does not count, so only the full name can.
        #expect(roster.all(in: Word.split(text), of: text, anyCase: false).map(\.name) == [composed.name])
        let first = Word.split("Grace")[0]
        let other = Word.split("GRACE's")[0]
        #expect(!first.isSame(as: other, of: "Grace", and: "GRACE's"))
        #expect(first.isSame(as: Word.split("gRaCe")[0], of: "Grace", and: "gRaCe"))
    }

    /// The finder answers as a plain search would: a word is in a text when its bytes are, ASCII
    /// letters in either case, anywhere (each word is looked for by its rarest pair of letters, so
    /// words whose rare pair is at the start, the middle and the end are all tried, near both ends
    /// of the text and of each step of 16 bytes).
    @Test func aFinderFindsWhatAPlainSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAeEzZqQxXgG ’'é-".unicodeScalars)
        func random(_ length: ClosedRange<Int>) -> String {
            String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: length, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
        }
        func plainSearch(_ words: [String], _ text: String) -> Bool {
            let folded = Array(text.utf8.map(\.asciiLowercased))
            return words.contains { word in
                let needle = Array(word.utf8.map(\.asciiLowercased))
                guard !needle.isEmpty else { return !folded.isEmpty }
                guard needle.count <= folded.count else { return false }
                return (0...(folded.count - needle.count)).contains {
                    Array(folded[$0..<($0 + needle.count)]) == needle
                }
            }
        }
        for _ in 0..<3000 {
            let words = (0..<Int.random(in: 0...3, using: &generator)).map { _ in random(1...5) }
            // Up to 60 scalars (of one to three bytes): texts shorter than a step of 16 bytes, of
            // whole steps, and with a last step that overlaps the one before.
            let text = random(0...60)
            #expect(AnyWordFinder(words).isFound(in: text) == plainSearch(words, text), "\(words) in \(text)")
            // Parts of longer strings, as a note's first names are.
            let parts = words.map { "<\($0)>".dropFirst().dropLast() }
            #expect(AnyWordFinder(parts).isFound(in: text) == plainSearch(words, text), "\(words) in \(text)")
        }
        #expect(AnyWordFinder(["edsger"]).isFound(in: "met EDSGER today"))
        #expect(AnyWordFinder(["edsger"]).isFound(in: "Edsger"))
        #expect(!AnyWordFinder(["edsger"]).isFound(in: "Edsge"))
        #expect(AnyWordFinder(["ada", "zq"]).isFound(in: "xxZQ"))
        // At the very end of texts longer than a step, and a word of one letter in the last byte.
        let long = String(repeating: "abcdefgh", count: 5)
        #expect(AnyWordFinder(["ghz"]).isFound(in: long + "Z"))
        #expect(!AnyWordFinder(["ghz"]).isFound(in: long))
        #expect(AnyWordFinder(["q"]).isFound(in: long + "Q"))
        #expect(!AnyWordFinder(["q"]).isFound(in: long))
        #expect(AnyWordFinder(["q"]).isFound(in: "Q" + long))
    }

    /// ASCII text is split over its bytes, other text over its scalars: the same words either way.
    /// A line with ` é` after it takes the scalar path, and its words are the line's and `é`.
    @Test func asciiLinesSplitAsOtherTextDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "7", "0", "'", "-", ":", " ", "\t", ",", ".", "!", "'s", "1-2", "x'y", "9:30", "--"]
        for _ in 0..<3000 {
            let line = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let ascii = Word.split(line).map { [$0.start, $0.end] }
            let scalars = Word.split(line + " é").dropLast().map { [$0.start, $0.end] }
            #expect(ascii == scalars, "\(line.debugDescription)")
        }
    }

    /// Names are ordered and matched in any case by keys that read two integers for most names:
    /// the order and the equality of their lower cases as `String`s, for names short and long,
    /// ASCII or not (the Kelvin sign's lower case is `k`; `é` composed equals `e` and an accent),
    /// keyed from a `String` or from UTF-8 bytes.
    @Test func lowercaseKeysCompareAsLowerCaseStrings() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "A", "b", "B", "z", " ", "-", "\u{0}", "é", "e\u{301}", "\u{212A}", "k", "ß", "İ"]
        let names =
            (0..<400).map { _ in
                (0..<Int.random(in: 0...22, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            } + ["", "a", "A", "aaaaaaaaaaaaaaaa", "AAAAAAAAAAAAAAAAa", "aaaaaaaaaaaaaaaab", "\u{212A}ate", "Kate"]
        func sign(_ value: Int) -> Int { value < 0 ? -1 : value > 0 ? 1 : 0 }
        /// A key made from the String or, as a note's stored names are keyed, from its bytes.
        func key(_ name: String, fromBytes: Bool) -> LowercaseKey {
            var name = name
            return fromBytes ? name.withUTF8 { LowercaseKey(utf8: $0) } : LowercaseKey(name)
        }
        for _ in 0..<20_000 {
            let (a, b) = (names.randomElement(using: &generator)!, names.randomElement(using: &generator)!)
            let (lowerA, lowerB) = (a.lowercased(), b.lowercased())
            let expected = lowerA < lowerB ? -1 : lowerA == lowerB ? 0 : 1
            let (keyA, keyB) = (
                key(a, fromBytes: .random(using: &generator)), key(b, fromBytes: .random(using: &generator))
            )
            #expect(sign(keyA.compare(keyB)) == expected, "\(a.debugDescription) \(b.debugDescription)")
            #expect((keyA == keyB) == (lowerA == lowerB))
        }
        #expect(key("\u{212A}ate", fromBytes: true) == key("KATE", fromBytes: true))
        #expect(
            key("a", fromBytes: true).compare(key("a" + String(repeating: "\u{0}", count: 16), fromBytes: true)) < 0)
        #expect(LowercaseKey("\u{212A}ate") == LowercaseKey("KATE"))
        #expect(LowercaseKey("Ada Lovelace-Byron") == LowercaseKey("ada lovelace-byron"))
        #expect(LowercaseKey("Ada Lovelace-Byron").compare(LowercaseKey("Ada Lovelace-Byrom")) > 0)
    }

    /// A word's key is its lower case as Unicode says: the Kelvin sign is a `k`, so `wee\u{212A}`
    /// is a unit of time.
    @Test func keysComeFromUnicodeLowerCase() {
        #expect(
            DatePhrase.due(in: "Send it within 2 WEE\u{212A}S", from: Day(year: 2026, month: 11, day: 2)!)
                == .date(Day(year: 2026, month: 11, day: 16)!))
        #expect(Word.split("haven’t").map(\.key) == [WordKey("haven’t")])
    }
}
