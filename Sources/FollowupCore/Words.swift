#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A word of note text, as the phrase readers see it.
///
/// Words are runs of letters and digits. An apostrophe between letters stays inside a word
/// (`haven't`), and a hyphen or colon between digits does too (`2026-11-25`, `1-2`, `15:30`), but a
/// hyphen between letters splits (`follow-up` is `follow`, `up`), so that `follow-up sent` and
/// `follow up sent` read the same.
///
/// A word is plain data: where it is in the text it was split from, and its lower case as a
/// ``WordKey``. Splitting an ASCII line makes no strings, and a list of words is freed at once: this
/// is on the path of every action item and log line in the vault.
struct Word {
    /// Where the word is in the text it was split from, as UTF-8 offsets.
    let start: Int
    let end: Int
    /// The word in lower case, for matching; the empty key for a word longer than 16 bytes in
    /// lower case, which matches none of the short words that phrases are made of.
    let key: WordKey

    /// Whether the word is all ASCII digits (told from its bytes: a non-ASCII digit or a mark on a
    /// digit has a byte of 0x80 or more, as it would fail `Character.isASCIIDigit`). A number of
    /// more than 16 digits is not counted: no phrase reads one.
    var isNumber: Bool { key.isNumber }

    /// The word as written in `text`, the text it was split from.
    func written(in text: String) -> Substring {
        text[startIndex(in: text)..<endIndex(in: text)]
    }

    /// Whether the word (of `text`) and `other` (of `otherText`) are the same in lower case: told by
    /// their keys when both are ASCII words that fit one, as strings otherwise, so that two
    /// canonically equivalent spellings (composed and decomposed) are the same word, as `==`
    /// on strings says.
    func isSame(as other: Word, of text: String, and otherText: String) -> Bool {
        if key.isASCII, other.key.isASCII { return key == other.key }
        return lower(in: text) == other.lower(in: otherText)
    }

    /// The word in lower case, whatever its length; `text` is the text it was split from.
    func lower(in text: String) -> String {
        if key.count > 0 { return key.text }
        let written = String(written(in: text))
        var bytes = written
        return bytes.withUTF8(Text.isASCII) ? Word.asciiLowercased(written) : written.lowercased()
    }

    /// The index in `text` (the text the word was split from) where the word starts.
    func startIndex(in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: start)
    }

    /// The index in `text` (the text the word was split from) just after the word.
    func endIndex(in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: end)
    }
}

extension Word {
    /// Splits `text` into words. Runs over Unicode scalars with a fast path for ASCII.
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        split(text, into: &words)
        return words
    }

    /// ``split(_:)`` into `words`, emptied first and its room kept: for a reader splitting line
    /// after line, which then allocates once rather than for every line.
    static func split(_ text: String, into words: inout [Word]) {
        words.removeAll(keepingCapacity: true)
        if splitASCII(text, into: &words) { return }
        let scalars = text.unicodeScalars
        var start: String.Index?
        var isASCII = true
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let nextIndex = scalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil {
                    start = index
                    isASCII = true
                }
                if !scalar.isASCII { isASCII = false }
            } else if let begin = start {
                let next = nextIndex < scalars.endIndex ? scalars[nextIndex] : nil
                if let previous, let next, isJoiner(scalar, between: previous, and: next) {
                    if !scalar.isASCII { isASCII = false }
                } else {
                    words.append(word(text[begin..<index], in: text, isASCII: isASCII))
                    start = nil
                }
            }
            previous = scalar
            index = nextIndex
        }
        if let begin = start { words.append(word(text[begin...], in: text, isASCII: isASCII)) }
    }

    /// The same rules as ``split(_:)``, over the bytes of an all-ASCII text, appended to `words`;
    /// false (and nothing appended) for any other text.
    private static func splitASCII(_ text: String, into words: inout [Word]) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return false }
            words.reserveCapacity(bytes.count / 3 + 1)
            if bytes.count <= ShortText.capacity {
                splitShort(bytes, into: &words)
            } else {
                splitBytes(bytes, into: &words)
            }
            return true
        }
    }

    /// Up to 64 bytes of ASCII text, copied into 80 zeroed bytes: room to read any 16 bytes
    /// from a place in the text. Zero bytes are neither letters, digits nor joiners.
    private struct ShortText {
        static let capacity = 64
        var bytes: (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>) = (
            .zero, .zero, .zero, .zero, .zero
        )
    }

    /// ``splitASCII(_:into:)`` for a text of up to 64 bytes, sixteen bytes at a time: each byte's
    /// class (letter, digit, apostrophe, `-` or `:`) is a bit of a 64-bit mask, a joiner is a bit
    /// whose neighbours' bits say so, and each word is a run of bits of letters, digits and
    /// joiners: the same words as the byte-by-byte reading of ``splitBytes(_:into:)``. Each
    /// word's key is read from the copy, sixteen bytes at once.
    static func splitShort(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word]) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = bytes.count
        var short = ShortText()
        withUnsafeMutableBytes(of: &short.bytes) { $0.baseAddress!.copyMemory(from: base, byteCount: count) }
        withUnsafeBytes(of: &short.bytes) { raw in
            var (letters, digits, apostrophes, dashes): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            // Vectors, not scalars, on the right: the operators with a scalar there compare lane
            // by lane in a loop.
            let (caseBit, a, z, zero, ten) = (
                SIMD16<UInt8>(repeating: 0x20), SIMD16<UInt8>(repeating: 0x61), SIMD16<UInt8>(repeating: 26),
                SIMD16<UInt8>(repeating: 0x30), SIMD16<UInt8>(repeating: 10)
            )
            let (apostrophe, dash, colon) = (
                SIMD16<UInt8>(repeating: 0x27), SIMD16<UInt8>(repeating: 0x2D), SIMD16<UInt8>(repeating: 0x3A)
            )
            var offset = 0
            while offset < count {
                let block = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                let shift = UInt64(offset)
                letters |= UInt64((((block | caseBit) &- a) .< z).laneBits) &<< shift
                digits |= UInt64(((block &- zero) .< ten).laneBits) &<< shift
                apostrophes |= UInt64((block .== apostrophe).laneBits) &<< shift
                dashes |= UInt64(((block .== dash) .| (block .== colon)).laneBits) &<< shift
                offset &+= 16
            }
            // Bit i of `x << 1` is bit i - 1 of `x`, of `x >> 1` bit i + 1: a joiner's neighbours.
            let joiners = apostrophes & letters &<< 1 & letters &>> 1 | dashes & digits &<< 1 & digits &>> 1
            var rest = letters | digits | joiners
            while rest != 0 {
                let start = rest.trailingZeroBitCount
                let length = (~(rest &>> UInt64(start))).trailingZeroBitCount
                let end = start &+ length
                rest = end >= 64 ? 0 : rest & (~0 &<< UInt64(end))
                let key: WordKey
                if length <= 16 {
                    key = WordKey(
                        asciiFolding: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self), count: length)
                } else {
                    key = .empty
                }
                words.append(Word(start: start, end: end, key: key))
            }
        }
    }

    /// ``splitASCII(_:into:)`` byte by byte, for a text of any length.
    static func splitBytes(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [Word]) {
        let count = bytes.count
        var index = 0
        while index < count {
            while index < count, !isWordByte(bytes[index]) { index += 1 }
            guard index < count else { break }
            let start = index
            index += 1
            // Through the word's letters and digits, and any joiner between two of them.
            while index < count {
                let byte = bytes[index]
                if isWordByte(byte) {
                    index += 1
                    continue
                }
                guard index + 1 < count else { break }
                let (previous, next) = (bytes[index - 1], bytes[index + 1])
                let joins =
                    byte == UInt8(ascii: "'")
                    ? isLetterByte(previous) && isLetterByte(next)
                    : (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")) && isDigitByte(previous)
                        && isDigitByte(next)
                guard joins else { break }
                // The joiner, and the letter or digit after it.
                index += 2
            }
            words.append(asciiWord(bytes, start..<index))
        }
    }

    /// The word at `range` of an ASCII text whose bytes are `bytes`.
    private static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Word {
        Word(
            start: range.lowerBound, end: range.upperBound,
            key: WordKey(asciiFolding: UnsafeBufferPointer(rebasing: bytes[range])))
    }

    private static func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetterByte(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isWordByte(_ byte: UInt8) -> Bool { isDigitByte(byte) || isLetterByte(byte) }

    private static func word(_ piece: Substring, in text: String, isASCII: Bool) -> Word {
        let start = text.utf8.distance(from: text.utf8.startIndex, to: piece.startIndex)
        let written = String(piece)
        return Word(
            start: start, end: start + piece.utf8.count,
            key: WordKey(isASCII ? asciiLowercased(written) : written.lowercased()))
    }

    /// `text`, all ASCII, with its upper-case letters in lower case: `text` itself when it has none.
    static func asciiLowercased(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.contains(where: \.isASCIIUppercase) else { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for offset in bytes.indices { buffer[offset] = bytes[offset].asciiLowercased }
                return bytes.count
            }
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static func isJoiner(_ scalar: Unicode.Scalar, between before: Unicode.Scalar, and after: Unicode.Scalar)
        -> Bool
    {
        switch scalar {
        case "'", "\u{2019}": isWordScalar(before) && !isDigit(before) && isWordScalar(after) && !isDigit(after)
        case "-", ":": isDigit(before) && isDigit(after)
        default: false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}

/// A word in lower case, up to 16 bytes, held in two integers: compared, hashed and looked up
/// without a String. Almost every word fits; a longer one has the ``empty`` key, which is no
/// word, so it equals none of the short words that phrases and tables are made of. A string
/// literal is a key (`"week"`), for comparing words with it.
struct WordKey: Hashable, ExpressibleByStringLiteral {
    /// The bytes, the first in the lowest byte of `low`, zeros after the last.
    private let low: UInt64
    private let high: UInt64
    /// How many bytes: 1 to 16, or 0 for the empty key.
    let count: Int

    /// The key of no word: a word longer than 16 bytes has it.
    static let empty = WordKey(low: 0, high: 0, count: 0)

    private init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The key of `bytes`, as they are; the empty key when there are more than 16 or none.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes, folding: false)
    }

    /// The key of the ASCII word `bytes`, its upper-case letters in lower case.
    init(asciiFolding bytes: UnsafeBufferPointer<UInt8>) {
        self.init(bytes, folding: true)
    }

    /// The key of the ASCII word of `count` bytes (1 to 16) that starts `low` and `high`, read
    /// from memory as they are (little-endian), with whatever follows the word after it.
    @inline(__always)
    init(asciiFolding low: UInt64, _ high: UInt64, count: Int) {
        /// The low `bytes` bytes of `word` kept (any number), the others zero.
        func kept(_ word: UInt64, _ bytes: Int) -> UInt64 {
            bytes >= 8 ? word : bytes <= 0 ? 0 : word & ((1 &<< UInt64(8 &* bytes)) &- 1)
        }
        self.init(
            low: Self.asciiLowercased(kept(UInt64(littleEndian: low), count)),
            high: Self.asciiLowercased(kept(UInt64(littleEndian: high), count &- 8)), count: count)
    }

    @inline(__always)
    private init(_ bytes: UnsafeBufferPointer<UInt8>, folding: Bool) {
        guard let base = bytes.baseAddress, bytes.count <= 16, !bytes.isEmpty else {
            self = .empty
            return
        }
        var halves: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &halves) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        let (low, high) = (UInt64(littleEndian: halves.0), UInt64(littleEndian: halves.1))
        self.init(
            low: folding ? Self.asciiLowercased(low) : low, high: folding ? Self.asciiLowercased(high) : high,
            count: bytes.count)
    }

    /// `bytes`, eight ASCII bytes, with the upper-case letters in lower case, all at once: a byte
    /// from `A` (0x41) to `Z` (0x5A) gets 0x20 added. No byte is 0x80 or more, so adding to one
    /// never carries into the next.
    private static func asciiLowercased(_ bytes: UInt64) -> UInt64 {
        let fromA = bytes &+ 0x3F3F_3F3F_3F3F_3F3F  // the top bit set in each byte of 0x41 or more
        let afterZ = bytes &+ 0x2525_2525_2525_2525  // the top bit set in each byte of 0x5B or more
        return bytes | (fromA & ~afterZ & 0x8080_8080_8080_8080) &>> 2
    }

    /// The key of a word already in lower case.
    init(_ lower: String) {
        var lower = lower
        self = lower.withUTF8 { WordKey($0) }
    }

    init(stringLiteral value: StaticString) {
        self = value.withUTF8Buffer { WordKey($0) }
        assert((0..<count).allSatisfy { !self[$0].isASCIIUppercase }, "a word to match is written in lower case")
    }

    /// The byte at `offset`, which is below ``count``.
    subscript(offset: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: offset < 8 ? low &>> (8 &* offset) : high &>> (8 &* (offset &- 8)))
    }

    /// Calls `body` with the key's bytes.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { raw in
            raw.withMemoryRebound(to: UInt8.self) { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// The first byte; zero for the empty key.
    var first: UInt8 { UInt8(truncatingIfNeeded: low) }

    /// Whether every byte is an ASCII digit (false for the empty key).
    var isNumber: Bool {
        count > 0 && (0..<count).allSatisfy { self[$0] &- 0x30 < 10 }
    }

    /// Whether the key holds a word, all of it ASCII.
    var isASCII: Bool { count > 0 && (low | high) & 0x8080_8080_8080_8080 == 0 }

    /// The word as a String; empty for the empty key.
    var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether the word is `name`, or its possessive (`sarah's`, `sarah’s`), as
    /// ``Roster/isName(_:_:)-(UnsafeBufferPointer<UInt8>,UnsafeBufferPointer<UInt8>)`` tells from
    /// bytes. Neither may be empty. Most words differ in length from the name, told without
    /// reading them.
    func isName(_ name: WordKey) -> Bool {
        let extra = count - name.count
        guard extra == 0 || extra == 2 || extra == 4, name.count > 0 else { return false }
        return withBytes { word in name.withBytes { name in Roster.isName(name, word) } }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension UInt8 {
    /// Whether the byte is an ASCII upper-case letter, `A` to `Z`.
    var isASCIIUppercase: Bool { self &- 0x41 < 26 }

    /// The byte with an ASCII upper-case letter in lower case; any other byte as it is.
    var asciiLowercased: UInt8 { isASCIIUppercase ? self | 0x20 : self }
}

extension Array where Element == Word {
    /// Whether the words starting at `index` are `phrase`.
    func has(_ phrase: [WordKey], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= count else { return false }
        for offset in phrase.indices where self[index + offset].key != phrase[offset] {
            return false
        }
        return true
    }

    /// Whether the word at `index` is `word`.
    func has(_ word: WordKey, at index: Int) -> Bool {
        index >= 0 && index < count && self[index].key == word
    }
}

/// The first bytes and lengths of a set of words: a word of another shape is none of them, which
/// is told without hashing it (most words of a line, looked up in a table of a few dozen).
struct WordShapes {
    /// For each first byte, the lengths (as bits, below 64) of the words that start with it.
    private var lengths = [UInt64](repeating: 0, count: 256)
    /// Whether some word is 64 bytes or longer: then no length is ruled out.
    private var hasLongWord = false

    init(_ words: some Sequence<String>) {
        for word in words {
            guard let first = word.utf8.first else { continue }
            let count = word.utf8.count
            if count < 64 { lengths[Int(first)] |= 1 << count } else { hasLongWord = true }
        }
    }

    /// Whether `word` may be one of the words; false only when it is none.
    func mayContain(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return true }
        return mayContain(first: first, count: word.utf8.count)
    }

    /// Whether the word whose key is `key` may be one of the words; false for the empty key, as
    /// the words are short.
    func mayContain(_ key: WordKey) -> Bool {
        key.count > 0 && mayContain(first: key.first, count: key.count)
    }

    /// Whether a word of `count` bytes starting with `first` may be one of the words.
    func mayContain(first: UInt8, count: Int) -> Bool {
        count < 64 ? lengths[Int(first)] & (1 << count) != 0 : hasLongWord
    }
}

/// Short words, each with a value, looked up by a word's key without hashing it: the entries
/// are kept in order of first byte, and a word is compared only with those that start as it
/// does (a handful at most; most words of a line with none). Every word must fit a key.
struct WordTable<Value: Sendable>: Sendable {
    private let entries: [(key: WordKey, value: Value)]
    /// Where the entries starting with each byte begin in `entries`; the next byte's start ends them.
    private let starts: [Int32]

    init(_ pairs: [(WordKey, Value)]) {
        precondition(pairs.allSatisfy { $0.0.count > 0 }, "a word table holds words of 1 to 16 bytes")
        let sorted = pairs.enumerated().sorted { ($0.element.0.first, $0.offset) < ($1.element.0.first, $1.offset) }
        entries = sorted.map { (key: $0.element.0, value: $0.element.1) }
        var starts = [Int32](repeating: 0, count: 257)
        for entry in entries { starts[Int(entry.key.first) + 1] += 1 }
        for byte in 0..<256 { starts[byte + 1] += starts[byte] }
        self.starts = starts
    }

    subscript(key: WordKey) -> Value? {
        let first = Int(key.first)
        var index = Int(starts[first])
        let end = Int(starts[first + 1])
        while index < end {
            if entries[index].key == key { return entries[index].value }
            index += 1
        }
        return nil
    }

    /// The words, in no particular order.
    var keys: [WordKey] { entries.map(\.key) }
}

extension WordTable where Value == Void {
    /// A set of words.
    init(_ words: [WordKey]) {
        self.init(words.map { ($0, ()) })
    }

    func contains(_ key: WordKey) -> Bool { self[key] != nil }
}

/// Lower-case words, asked about words in any case (`Send` is `send`). An ASCII word is compared
/// with the members byte by byte, folding its case, and only when its first letter and length fit
/// one, which most words do not; any other word is lower-cased as Unicode says (the Kelvin sign is
/// a `k`) and looked up in the set.
struct LowercaseWords {
    let words: Set<String>
    private let shapes: WordShapes
    /// The words' bytes, when every word is ASCII (as they all are); nil when some word is not.
    private let ascii: [[UInt8]]?

    init(_ words: Set<String>) {
        self.words = words
        shapes = WordShapes(words)
        ascii = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? words.map { Array($0.utf8) } : nil
    }

    func contains(anyCase word: String) -> Bool {
        var copy = word
        let found: Bool? = copy.withUTF8 { bytes in
            guard !bytes.isEmpty, Text.isASCII(bytes) else { return nil }
            return contains(anyCaseASCII: bytes)
        }
        return found ?? words.contains(word.lowercased())
    }

    /// ``contains(anyCase:)`` for a word of ASCII bytes.
    func contains(anyCaseASCII bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return words.contains("") }
        guard shapes.mayContain(first: first.asciiLowercased, count: bytes.count) else { return false }
        // An ASCII word lower-cases byte by byte, and equals an ASCII string only byte for byte.
        guard let ascii else { return words.contains(String(decoding: bytes, as: UTF8.self).lowercased()) }
        return ascii.contains { candidate in
            candidate.count == bytes.count
                && candidate.indices.allSatisfy { candidate[$0] == bytes[$0].asciiLowercased }
        }
    }
}

/// Byte-level text searches for the hot path, where `String.contains` and Foundation's
/// `range(of:)` would compare grapheme clusters.
public enum Text {
    /// Whether `lhs` sorts before `rhs` by their UTF-8 bytes: the order of paths everywhere in
    /// followup, the same on every machine and locale, and a `memcmp` rather than a comparison
    /// of Unicode scalars.
    public static func bytewiseLess(_ lhs: String, _ rhs: String) -> Bool {
        bytewiseCompare(lhs, rhs) < 0
    }

    /// `items` in the order of `bytewiseLess` on `name(item)`, stable. Inlinable, so that it is
    /// made for the caller's own types: called across modules as a generic, each element cost
    /// thousands of instructions in witness-table calls.
    @inlinable
    public static func sortedBytewise<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
        bytewiseOrder(items.map(name)).map { items[$0] }
    }

    /// The indices of `names` in the order of `bytewiseLess`, stable. The first 16 bytes of each
    /// name are read once, into two integers that settle almost every comparison of file names
    /// without touching the strings; the bytes settle the rest. Names already in order (as a
    /// walk of folders mostly gives them) are told so in one pass, without a sort.
    public static func bytewiseOrder(_ names: [String]) -> [Int] {
        var keys = names.indices.map { index in
            var text = names[index]
            return text.withUTF8 { bytes in
                // A name that ends first (zeros) comes before any longer one (file names hold no NUL).
                let (high, low) = prefix(of: bytes)
                return NamePrefix(high: high, low: low, index: index)
            }
        }
        func less(_ left: NamePrefix, _ right: NamePrefix) -> Bool {
            if left.high != right.high { return left.high < right.high }
            if left.low != right.low { return left.low < right.low }
            let order = bytewiseCompare(names[left.index], names[right.index])
            return order != 0 ? order < 0 : left.index < right.index
        }
        if !keys.indices.dropFirst().contains(where: { less(keys[$0], keys[$0 - 1]) }) {
            return Array(names.indices)
        }
        keys.sort(by: less)
        return keys.map(\.index)
    }

    /// Below zero when `lhs` sorts before `rhs` by their UTF-8 bytes, zero when they are the same
    /// bytes, above zero after.
    static func bytewiseCompare(_ lhs: String, _ rhs: String) -> Int {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
    }

    /// The first 16 bytes of `bytes` (with ASCII letters in lower case, with `foldingCase`) as two
    /// integers, big-endian and zero-padded: their order is the bytes' order.
    static func prefix(of bytes: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) -> (UInt64, UInt64) {
        var (high, low): (UInt64, UInt64) = (0, 0)
        for offset in 0..<Swift.min(16, bytes.count) {
            let byte = UInt64(foldingCase ? bytes[offset].asciiLowercased : bytes[offset])
            if offset < 8 { high |= byte << (56 - 8 * offset) } else { low |= byte << (56 - 8 * (offset - 8)) }
        }
        return (high, low)
    }

    /// The first 16 bytes of a name as two integers, and where the name is.
    private struct NamePrefix {
        let high: UInt64
        let low: UInt64
        let index: Int
    }

    /// Whether every byte is ASCII, read eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= bytes.count {
            if UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            offset += 8
        }
        while offset < bytes.count {
            if base[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first byte `byte` in `bytes`, found by `memchr`.
    public static func firstOffset(of byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Whether `text` contains `part`, comparing ASCII letters without regard to case and every
    /// other byte exactly. No allocation.
    public static func contains(_ text: String, _ part: String, ignoringASCIICase: Bool) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, part, ignoringASCIICase: ignoringASCIICase) }
    }

    /// ``contains(_:_:ignoringASCIICase:)`` for a text's UTF-8 bytes.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ part: String, ignoringASCIICase: Bool) -> Bool {
        var part = part
        return part.withUTF8 { needle in
            guard let first = needle.first else { return true }
            guard needle.count <= haystack.count, let hay = haystack.baseAddress, let pin = needle.baseAddress
            else { return false }
            @inline(__always) func fold(_ byte: UInt8) -> UInt8 {
                ignoringASCIICase ? byte.asciiLowercased : byte
            }
            // The first byte is looked for with one comparison per byte: for a letter, `| 0x20`
            // maps exactly its two cases to its lower case and nothing else to it.
            let lead = fold(first)
            let leadMask: UInt8 = ignoringASCIICase && lead &- 0x61 < 26 ? 0x20 : 0
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                if hay[start] | leadMask == lead {
                    var offset = 1
                    while offset < needle.count, fold(hay[start + offset]) == fold(pin[offset]) {
                        offset += 1
                    }
                    if offset == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}

/// A few words to look for in many texts, comparing ASCII letters without regard to case and every
/// other byte exactly: one pass over each text whatever the number of words.
///
/// Each word is looked for by its rarest pair of neighbouring bytes, 16 places of the text at a
/// time: the pair's first byte is compared with 16 bytes, its second with the 16 after each, and
/// the word is compared in full only where both match. A single rare letter would not do: in
/// English prose nearly every 16 bytes hold an `l` or a `p`, but few hold `lp`.
struct AnyWordFinder {
    /// The words one after another, ASCII letters in lower case: one allocation for them all,
    /// as a finder is made for every note.
    private let bytes: [UInt8]
    /// Each word of two bytes or more: where it is in `bytes`, and the place in it of its pair's
    /// first byte.
    private let pairs: [(start: Int, end: Int, pair: Int)]
    /// The words of one byte, each that byte.
    private let singles: [UInt8]
    /// What each step compares 16 bytes of text with: the pair's two bytes, sieved, 16 times
    /// each, for each pair in turn; then each single byte, sieved, 16 times.
    private let sieves: [SIMD16<UInt8>]
    /// An empty word is in every text but an empty one.
    private let hasEmptyWord: Bool

    init(_ words: [String]) {
        self.init(count: words.count) { index, body in
            var word = words[index]
            word.withUTF8(body)
        }
    }

    /// A finder for parts of strings (a name's first word), read where they are rather than copied
    /// into strings of their own.
    init(_ words: [Substring]) {
        self.init(count: words.count) { index, body in
            var word = words[index]
            word.withUTF8(body)
        }
    }

    /// A finder for the `count` words that `read` lends the UTF-8 bytes of, by index (each read
    /// twice: once to be counted, once to be copied).
    init(count wordCount: Int, read: (Int, (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        var total = 0
        var hasEmptyWord = false
        for index in 0..<wordCount {
            read(index) { utf8 in
                total += utf8.count
                if utf8.isEmpty { hasEmptyWord = true }
            }
        }
        var pairs: [(start: Int, end: Int, pair: Int)] = []
        pairs.reserveCapacity(wordCount)
        var singles: [UInt8] = []
        // One allocation for all the words' bytes, each word's read where it is: a finder is made
        // for every note. Not `init(unsafeUninitializedCapacity:)`, which looks the array's type
        // up at run time (hundreds of instructions a call); an empty array reserving nothing
        // writes nothing to the storage all empty arrays share.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        for index in 0..<wordCount {
            let start = bytes.count
            read(index) { utf8 in bytes.append(contentsOf: utf8) }
            guard bytes.count > start else { continue }
            bytes.withUnsafeMutableBufferPointer { bytes in
                for offset in start..<bytes.count { bytes[offset] = Self.fold(bytes[offset]) }
                let word = UnsafeBufferPointer(rebasing: bytes[start...])
                if word.count == 1 {
                    singles.append(word[0])
                } else {
                    pairs.append((start, bytes.count, Self.rarestPair(of: word)))
                }
            }
        }
        self.bytes = bytes
        self.pairs = pairs
        self.singles = singles
        self.hasEmptyWord = hasEmptyWord
        var sieves: [SIMD16<UInt8>] = []
        sieves.reserveCapacity(2 * pairs.count + singles.count)
        for (start, _, pair) in pairs {
            sieves.append(SIMD16(repeating: Self.sieve(bytes[start + pair])))
            sieves.append(SIMD16(repeating: Self.sieve(bytes[start + pair + 1])))
        }
        for single in singles { sieves.append(SIMD16(repeating: Self.sieve(single))) }
        self.sieves = sieves
    }

    @inline(__always) private static func fold(_ byte: UInt8) -> UInt8 { byte.asciiLowercased }

    /// The byte with 0x20 set: the same for both cases of an ASCII letter. Text and words are
    /// compared so first, which lets through a few bytes that are not the word's (`@` for `` ` ``,
    /// `1` for `0x11`); the full comparison after it rejects them.
    @inline(__always) private static func sieve(_ byte: UInt8) -> UInt8 { byte | 0x20 }

    /// The place in the word (of two bytes or more) of the first byte of the pair of neighbouring
    /// bytes that English text holds least often together (any byte but a letter counts as rare),
    /// the first of them on a tie.
    private static func rarestPair(of word: UnsafeBufferPointer<UInt8>) -> Int {
        func frequency(_ byte: UInt8) -> Int { byte &- 0x61 < 26 ? Int(letterFrequency[Int(byte &- 0x61)]) : 0 }
        var best = 0
        var bestFrequency = Int.max
        for place in 0..<(word.count - 1) {
            let together = frequency(word[place]) * frequency(word[place + 1])
            if together < bestFrequency { (best, bestFrequency) = (place, together) }
        }
        return best
    }

    /// How often each letter `a` to `z` is in English text, per mille.
    private static let letterFrequency: [UInt8] = [
        82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
    ]

    /// Whether `text` contains any of the words, anywhere (not only as a whole word).
    func isFound(in text: String) -> Bool {
        var text = text
        return text.withUTF8(isFound(in:))
    }

    /// ``isFound(in:)-(String)`` for UTF-8 bytes.
    func isFound(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        if hasEmptyWord { return !haystack.isEmpty }
        guard !sieves.isEmpty, let base = haystack.baseAddress else { return false }
        let count = haystack.count
        let raw = UnsafeRawPointer(base)
        let sieve = SIMD16<UInt8>(repeating: 0x20)
        return bytes.withUnsafeBufferPointer { bytes in
            sieves.withUnsafeBufferPointer { sieves in
                let singlesStart = 2 * pairs.count
                /// Whether a word starts at `start` of the text.
                func isFound(_ word: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
                    guard start >= 0, start <= count - word.count else { return false }
                    var offset = 0
                    while offset < word.count, Self.fold(base[start + offset]) == word[offset] { offset += 1 }
                    return offset == word.count
                }
                /// Whether a word is found at one of the 16 places from `at`, given the text's bytes
                /// from there (`here`) and from one after (`next`), sieved: each word's places told.
                func isFound(here: SIMD16<UInt8>, next: SIMD16<UInt8>, at place: Int) -> Bool {
                    for (index, single) in singles.enumerated() {
                        // The sieve lets through the letter's other case, and a few bytes that are not it.
                        var lanes = (here .== sieves[singlesStart + index]).laneBits
                        while lanes != 0 {
                            let at = place + lanes.trailingZeroBitCount
                            if at < count, Self.fold(base[at]) == single { return true }
                            lanes &= lanes &- 1
                        }
                    }
                    for (index, (start, end, pair)) in pairs.enumerated() {
                        var lanes = ((here .== sieves[2 * index]) .& (next .== sieves[2 * index + 1])).laneBits
                        guard lanes != 0 else { continue }
                        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        while lanes != 0 {
                            if isFound(word, at: place + lanes.trailingZeroBitCount - pair) { return true }
                            lanes &= lanes &- 1
                        }
                    }
                    return false
                }
                /// Whether any word may be at one of the 16 places: the sieve alone, each word's
                /// place told only where it lets something through.
                func isFoundInStep(at place: Int, here: SIMD16<UInt8>, next: SIMD16<UInt8>) -> Bool {
                    var mask = SIMDMask<SIMD16<Int8>>(repeating: false)
                    for index in 0..<pairs.count {
                        mask .|= (here .== sieves[2 * index]) .& (next .== sieves[2 * index + 1])
                    }
                    for index in singlesStart..<sieves.count { mask .|= here .== sieves[index] }
                    let (low, high) = unsafeBitCast(mask, to: (UInt64, UInt64).self)
                    return low | high != 0 && isFound(here: here, next: next, at: place)
                }
                var place = 0
                // Whole steps while the 17 bytes a step reads are in the text.
                while place + 17 <= count {
                    let here = raw.loadUnaligned(fromByteOffset: place, as: SIMD16<UInt8>.self) | sieve
                    let next = raw.loadUnaligned(fromByteOffset: place + 1, as: SIMD16<UInt8>.self) | sieve
                    if isFoundInStep(at: place, here: here, next: next) { return true }
                    place += 16
                }
                if place < count - 1, count >= 17 {
                    // The last places, in a step that overlaps the one before: a pair can start
                    // at every place but the last, where only a single byte can be.
                    place = count - 17
                    let here = raw.loadUnaligned(fromByteOffset: place, as: SIMD16<UInt8>.self) | sieve
                    let next = raw.loadUnaligned(fromByteOffset: place + 1, as: SIMD16<UInt8>.self) | sieve
                    if isFoundInStep(at: place, here: here, next: next) { return true }
                    return singles.contains(Self.fold(base[count - 1]))
                }
                guard place < count else { return false }
                // A text of fewer than 17 bytes, or its last byte, from a copy padded with zero
                // bytes (sieved, spaces: what they let through is beyond the text, and rejected by
                // the full comparison).
                var tail = (SIMD16<UInt8>(), SIMD16<UInt8>())
                withUnsafeMutableBytes(of: &tail) {
                    $0.baseAddress!.copyMemory(from: raw + place, byteCount: count - place)
                }
                return withUnsafeBytes(of: tail) { tail in
                    isFoundInStep(
                        at: place, here: tail.loadUnaligned(as: SIMD16<UInt8>.self) | sieve,
                        next: tail.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self) | sieve)
                }
            }
        }
    }
}

/// A text's lower case, for sorting and matching texts in any case (people's names): `String`
/// order and equality of the lower cases, told for an ASCII text of up to 16 bytes (nearly every
/// name) from two integers, without reading or making a `String`.
struct LowercaseKey: Sendable, Equatable {
    /// The first 16 bytes of an ASCII text, folded to lower case, big-endian and zero-padded: integer
    /// order is byte order.
    private let high: UInt64
    private let low: UInt64
    /// The text's length in bytes, or -1 when it is not ASCII.
    private let count: Int
    /// The text, read for what the integers cannot tell: a longer text, or one that is not ASCII
    /// (a key made from bytes keeps it for those only).
    private let text: String

    init(_ text: String) {
        var copy = text
        (high, low, count) = copy.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return (0, 0, -1) }
            let (high, low) = Text.prefix(of: bytes, foldingCase: true)
            return (high, low, bytes.count)
        }
        self.text = text
    }

    /// The key of a UTF-8 text, read where it is: a `String` is made only when the integers
    /// cannot tell the whole text (past 16 bytes, or not ASCII).
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if Text.isASCII(bytes) {
            (high, low) = Text.prefix(of: bytes, foldingCase: true)
            count = bytes.count
            text = bytes.count > 16 ? String(decoding: bytes, as: UTF8.self) : ""
        } else {
            (high, low, count) = (0, 0, -1)
            text = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Below zero when this text in lower case sorts before `other`'s, zero when the lower cases
    /// are equal `String`s, above zero when it sorts after.
    func compare(_ other: LowercaseKey) -> Int {
        if count >= 0, other.count >= 0 {
            // Both ASCII, where a String's order is its bytes' order and lower case is byte by byte.
            if high != other.high { return high < other.high ? -1 : 1 }
            if low != other.low { return low < other.low ? -1 : 1 }
            if count <= 16, other.count <= 16 { return count - other.count }
            return Self.asciiCompare(text, other.text)
        }
        return compareLowercased(other)
    }

    /// ``compare(_:)`` of the lower cases as `String`s, for a text that is not ASCII: apart, so
    /// that the common case stays small enough to be inlined into a sort.
    @inline(never)
    private func compareLowercased(_ other: LowercaseKey) -> Int {
        let (a, b) = (lowercased, other.lowercased)
        return a < b ? -1 : a == b ? 0 : 1
    }

    /// The text in lower case; for an ASCII text of up to 16 bytes, made from the integers (a key
    /// made from bytes keeps no `String` of it).
    private var lowercased: String {
        guard count >= 0, count <= 16 else { return text.lowercased() }
        let bytes = withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { Array($0.prefix(count)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``compare(_:)`` for two ASCII texts, from their 17th byte on (the first 16 are equal).
    private static func asciiCompare(_ lhs: String, _ rhs: String) -> Int {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                // A text of up to 16 bytes keeps none: it sorts first (its first 16 bytes, padded
                // with zeros, are the other's).
                for offset in 16..<max(16, min(left.count, right.count)) {
                    let (a, b) = (left[offset].asciiLowercased, right[offset].asciiLowercased)
                    if a != b { return a < b ? -1 : 1 }
                }
                return left.count - right.count
            }
        }
    }

    static func == (lhs: LowercaseKey, rhs: LowercaseKey) -> Bool { lhs.compare(rhs) == 0 }
}

extension SIMDMask where Storage == SIMD16<Int8> {
    /// A bit for each of the 16 lanes, the first lowest, set where the mask is true.
    @inline(__always) var laneBits: UInt32 {
        // Each lane is a byte of all ones or all zeros. The multiplication gathers the top bits of
        // eight bytes into the top byte, as SSE's `pmovmskb` would (which Swift does not offer).
        let (low, high) = unsafeBitCast(self, to: (UInt64, UInt64).self)
        func gathered(_ bytes: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: ((bytes & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) &>> 56)
        }
        return gathered(low) | gathered(high) << 8
    }
}
