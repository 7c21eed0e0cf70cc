/// Turns a deliverable's action item into the thing itself, for a cover note:
/// `Send Jonas the reference architecture doc tomorrow` → `the reference architecture doc`.
enum DeliverableText {
    static func nounPhrase(_ item: String, recipient: Person?, people: [Person], interview: Day) -> String {
        nounPhrase(
            beforeDuePhrase: DatePhrase.beforeDuePhrase(item, from: interview), recipient: recipient, people: people)
    }

    /// ``nounPhrase(_:recipient:people:interview:)`` of an item's text up to its due phrase.
    static func nounPhrase(beforeDuePhrase text: String, recipient: Person?, people: [Person]) -> String {
        var everyone = people
        if let recipient { everyone.append(recipient) }
        return asciiPhrase(text, naming: everyone) ?? phrase(text, naming: everyone)
    }

    /// The noun phrase of `text` (an item up to its due phrase), without the names of `everyone`,
    /// read as Strings: any text.
    static func phrase(_ text: String, naming everyone: [Person]) -> String {
        var words = StringWords(everyone).phraseWords(Self.words(of: text, splittingAtTabs: true))
        guard var first = words.first else { return "what I promised" }
        if !determiners.contains(anyCase: first), !first.contains(where: \.isNumber) {
            // Lower-case `Write-up` but keep `NDA` and `CV`.
            let second = first.dropFirst().first
            if second.map({ $0.isLowercase }) ?? true { first = first.prefix(1).lowercased() + first.dropFirst() }
            words[0] = first
            words.insert("the", at: 0)
        }
        return words.joined(separator: " ")
    }

    /// ``phrase(_:naming:)`` worked out on the bytes of an ASCII text and ASCII names, the usual
    /// case, where every Character is one byte: each word a range of the text, trimmed by
    /// narrowing it, and one String made at the end. A mail link for a deliverable is written
    /// from it, thousands in a large vault. Nil for any other text (a control character other
    /// than a tab too: `\r\n` is one Character), which ``phrase(_:naming:)`` reads.
    static func asciiPhrase(_ text: String, naming everyone: [Person]) -> String? {
        // Every name one after another, each with where its first name (up to the first space) ends.
        var nameBytes: [UInt8] = []
        nameBytes.reserveCapacity(16 * everyone.count)
        var names: [(full: Range<Int>, first: Range<Int>)] = []
        names.reserveCapacity(everyone.count)
        for person in everyone {
            var name = person.name
            let isASCII = name.withUTF8 { name in
                guard name.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else { return false }
                let start = nameBytes.count
                nameBytes.append(contentsOf: name)
                names.append((start..<nameBytes.count, start..<(start + (name.firstIndex(of: 0x20) ?? name.count))))
                return true
            }
            guard isASCII else { return nil }
        }
        var text = text
        return text.withUTF8 { text -> String? in
            guard text.allSatisfy({ ($0 >= 0x20 && $0 < 0x80) || $0 == 0x09 }) else { return nil }
            return nameBytes.withUnsafeBufferPointer { nameBytes in
                let reading = ASCIIWords(text: text, nameBytes: nameBytes, names: names)
                let words = reading.phraseWords(reading.split(text, atTabs: true))
                guard let first = words.first else { return "what I promised" }
                var phrase: [UInt8] = []
                phrase.reserveCapacity(text.count + 4)
                let hasDigit = reading.bytes(first).contains { $0 &- UInt8(ascii: "0") < 10 }
                if !determiners.contains(anyCaseASCII: reading.bytes(first)), !hasDigit {
                    // Lower-case `Write-up` but keep `NDA` and `CV`.
                    let lowers = first.count == 1 || (text[first.lowerBound + 1] &- UInt8(ascii: "a") < 26)
                    phrase.append(contentsOf: "the ".utf8)
                    phrase.append(lowers ? text[first.lowerBound].asciiLowercased : text[first.lowerBound])
                    phrase.append(contentsOf: reading.bytes(first.dropFirst()))
                } else {
                    phrase.append(contentsOf: reading.bytes(first))
                }
                for word in words.dropFirst() {
                    phrase.append(0x20)
                    phrase.append(contentsOf: reading.bytes(word))
                }
                return String(decoding: phrase, as: UTF8.self)
            }
        }
    }

    /// The words of `text` between spaces (and tabs, when asked), as `split` on Characters gives
    /// them; an ASCII text, the usual one, is split on its bytes, where each Character is a byte.
    fileprivate static func words(of text: String, splittingAtTabs: Bool) -> [String] {
        var copy = text
        let ascii: [String]? = copy.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return nil }
            var words: [String] = []
            forEachWord(in: bytes, splittingAtTabs: splittingAtTabs) { range in
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            return words
        }
        return ascii
            ?? text.split(whereSeparator: { $0 == " " || (splittingAtTabs && $0 == "\t") }).map(String.init)
    }

    /// How many words ``words(of:splittingAtTabs:)`` finds in a name (split at spaces only),
    /// counted without making them.
    fileprivate static func wordCount(of name: String) -> Int {
        var copy = name
        let ascii: Int? = copy.withUTF8 { bytes in
            guard Text.isASCII(bytes) else { return nil }
            var count = 0
            forEachWord(in: bytes, splittingAtTabs: false) { _ in count += 1 }
            return count
        }
        return ascii ?? words(of: name, splittingAtTabs: false).count
    }

    /// Calls `body` with the range of each run of bytes between spaces (and tabs, when asked).
    fileprivate static func forEachWord(
        in bytes: UnsafeBufferPointer<UInt8>, splittingAtTabs: Bool, _ body: (Range<Int>) -> Void
    ) {
        var start = -1
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x20 || (splittingAtTabs && byte == 0x09) {
                if start >= 0 { body(start..<index) }
                start = -1
            } else if start < 0 {
                start = index
            }
        }
        if start >= 0 { body(start..<bytes.count) }
    }

    /// Words before a recipient's name at the end of the item: `… to Elif`, `… for Dana Whitfield`.
    static let prepositions = LowercaseWords(["to", "for", "with"])

    static let connectors = LowercaseWords([
        "by", "due", "on", "before", "until", "till", "within", "in", "and", "to", "for", "with", "",
    ])
    static let determiners = LowercaseWords([
        "the", "a", "an", "my", "our", "this", "these", "those", "some", "any", "both", "all", "two", "three",
        "four", "five", "several", "a few",
    ])
    static let sendingVerbs = LowercaseWords(Set(NoteBody.sendingVerbs.keys.map(\.text)))
}

/// An item's words, of some kind, and what the rules of a noun phrase ask of them: one set of
/// rules for every item, read as Strings or, for an ASCII item, as ranges of its bytes.
private protocol PhraseWords {
    associatedtype Word: Equatable
    associatedtype Name
    /// Each person's full name and first name, in the order the people are given.
    var names: [(full: Name, first: Name)] { get }
    /// `word` without `,` `.` `;` `:` at either end, nor dashes when `dashes`.
    func trimmed(_ word: Word, dashes: Bool) -> Word
    func isEmpty(_ word: Word) -> Bool
    /// Whether `word` is one of `list`, in any case.
    func isOne(of list: LowercaseWords, _ word: Word) -> Bool
    /// Whether `word` without punctuation, or without its last two characters (`Jonas's`), is a
    /// full name or a first name.
    func isName(_ word: Word) -> Bool
    /// The number of words of `name` (split at spaces).
    func wordCount(of name: Name) -> Int
    /// Whether `words`, each without punctuation, are the words of `name`.
    func areWords(of name: Name, _ words: ArraySlice<Word>) -> Bool
}

extension PhraseWords {
    /// `words` without the sending verb, the recipient named after it, and the names and
    /// connectors at the end: `Send Jonas the doc to Jonas by` is `the doc`.
    func phraseWords(_ words: [Word]) -> [Word] {
        var words = words
        func trimEnd() {
            while let last = words.last {
                let bare = trimmed(last, dashes: true)
                if isEmpty(bare) || isOne(of: DeliverableText.connectors, bare) {
                    words.removeLast()
                } else if bare != last {
                    words[words.count - 1] = bare
                } else {
                    break
                }
            }
        }
        trimEnd()
        if let first = words.first, isOne(of: DeliverableText.sendingVerbs, first) { words.removeFirst() }
        // `Send Jonas the doc`: the recipient named right after the verb.
        while let first = words.first, isName(first) { words.removeFirst() }
        // `… to Elif`, `… for Dana Whitfield`.
        /// Removes `name` and the preposition before it from the end; whether it was there.
        func removeAtEnd(_ name: Name) -> Bool {
            // The word before where the name would start is looked at first; the name's words
            // are compared only when that word is `to`, `for` or `with`.
            let count = wordCount(of: name)
            guard words.count > count, isOne(of: DeliverableText.prepositions, words[words.count - count - 1]),
                areWords(of: name, words.suffix(count))
            else { return false }
            words.removeLast(count + 1)
            return true
        }
        for (full, first) in names {
            let removedName = removeAtEnd(full)
            let removedFirstName = removeAtEnd(first)
            // Trimming again changes nothing unless a name was removed.
            if removedName || removedFirstName { trimEnd() }
        }
        return words
    }
}

/// An item's words as Strings.
private struct StringWords: PhraseWords {
    let names: [(full: String, first: String)]
    /// Every full name and first name: a handful, compared one by one, which costs less than
    /// hashing them into a set.
    private let all: [String]

    init(_ everyone: [Person]) {
        names = everyone.map { ($0.name, $0.firstName) }
        all = names.map(\.full) + names.map(\.first)
    }

    func trimmed(_ word: String, dashes: Bool) -> String { word.trimmingCharacters(in: dashes ? ",.;:-–—" : ",.;:") }

    func isEmpty(_ word: String) -> Bool { word.isEmpty }

    func isOne(of list: LowercaseWords, _ word: String) -> Bool { list.contains(anyCase: word) }

    func isName(_ word: String) -> Bool {
        all.contains(trimmed(word, dashes: false)) || all.contains(String(word.dropLast(2)))
    }

    func wordCount(of name: String) -> Int { DeliverableText.wordCount(of: name) }

    func areWords(of name: String, _ words: ArraySlice<String>) -> Bool {
        zip(words, DeliverableText.words(of: name, splittingAtTabs: false)).allSatisfy {
            trimmed($0, dashes: false) == $1
        }
    }
}

/// An ASCII item's words as ranges of its bytes, and the names as ranges of theirs.
private struct ASCIIWords: PhraseWords {
    let text: UnsafeBufferPointer<UInt8>
    let nameBytes: UnsafeBufferPointer<UInt8>
    let names: [(full: Range<Int>, first: Range<Int>)]

    func bytes(_ word: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[word]) }

    private func bytes(ofName name: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: nameBytes[name])
    }

    /// The ranges of the words of `bytes`, between spaces (and tabs, when asked).
    func split(_ bytes: UnsafeBufferPointer<UInt8>, atTabs: Bool) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(bytes.count / 2 + 1)
        DeliverableText.forEachWord(in: bytes, splittingAtTabs: atTabs) { words.append($0) }
        return words
    }

    func trimmed(_ word: Range<Int>, dashes: Bool) -> Range<Int> {
        func trims(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: ":") || (dashes && byte == UInt8(ascii: "-"))
        }
        var (start, end) = (word.lowerBound, word.upperBound)
        while start < end, trims(text[start]) { start += 1 }
        while end > start, trims(text[end - 1]) { end -= 1 }
        return start..<end
    }

    func isEmpty(_ word: Range<Int>) -> Bool { word.isEmpty }

    func isOne(of list: LowercaseWords, _ word: Range<Int>) -> Bool { list.contains(anyCaseASCII: bytes(word)) }

    func isName(_ word: Range<Int>) -> Bool {
        let bare = bytes(trimmed(word, dashes: false))
        let stem = bytes(word.lowerBound..<Swift.max(word.lowerBound, word.upperBound - 2))
        func isIt(_ name: Range<Int>) -> Bool {
            bytes(ofName: name).elementsEqual(bare) || bytes(ofName: name).elementsEqual(stem)
        }
        return names.contains { isIt($0.full) } || names.contains { isIt($0.first) }
    }

    func wordCount(of name: Range<Int>) -> Int {
        var count = 0
        DeliverableText.forEachWord(in: bytes(ofName: name), splittingAtTabs: false) { _ in count += 1 }
        return count
    }

    func areWords(of name: Range<Int>, _ words: ArraySlice<Range<Int>>) -> Bool {
        let parts = split(bytes(ofName: name), atTabs: false)
        return zip(words, parts).allSatisfy { word, part in
            bytes(trimmed(word, dashes: false)).elementsEqual(UnsafeBufferPointer(rebasing: bytes(ofName: name)[part]))
        }
    }
}
