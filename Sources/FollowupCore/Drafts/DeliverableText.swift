/// Turns a deliverable's action item into the thing itself, for a cover note:
/// `Send Jonas the reference architecture doc tomorrow` → `the reference architecture doc`.
enum DeliverableText {
    static func nounPhrase(_ item: String, recipient: Person?, people: [Person], interview: Day) -> String {
        var text = item
        if let start = DatePhrase.dueStart(in: text, from: interview) { text = String(text[..<start]) }
        var everyone = people
        if let recipient { everyone.append(recipient) }
        return asciiPhrase(text, naming: everyone) ?? phrase(text, naming: everyone)
    }

    /// The noun phrase of `text` (an item up to its due phrase), without the names of `everyone`.
    static func phrase(_ text: String, naming everyone: [Person]) -> String {
        var words = Self.words(of: text, splittingAtTabs: true)
        let firstNames = everyone.map { $0.firstName }
        // A handful of names: a list compared one by one costs less than hashing them into a set.
        let names = everyone.map { $0.name } + firstNames
        func isName(_ word: String) -> Bool {
            names.contains(word.trimmingCharacters(in: ",.;:")) || names.contains(String(word.dropLast(2)))
        }
        func trimEnd() {
            while let last = words.last {
                let bare = last.trimmingCharacters(in: ",.;:-–—")
                if bare.isEmpty || connectors.contains(anyCase: bare) {
                    words.removeLast()
                } else if bare != last {
                    words[words.count - 1] = bare
                } else {
                    break
                }
            }
        }
        trimEnd()
        if let first = words.first, sendingVerbs.contains(anyCase: first) { words.removeFirst() }
        // `Send Jonas the doc`: the recipient named right after the verb.
        while let first = words.first, isName(first) { words.removeFirst() }
        // `… to Elif`, `… for Dana Whitfield`.
        /// Removes `name` and the preposition before it from the end; whether it was there.
        func removeAtEnd(_ name: String) -> Bool {
            // The word before where the name would start is looked at first; the name is split
            // into words only when that word is `to`, `for` or `with`.
            let count = Self.wordCount(of: name)
            guard words.count > count, prepositions.contains(anyCase: words[words.count - count - 1]) else {
                return false
            }
            let nameWords = Self.words(of: name, splittingAtTabs: false)
            let endsWithName = zip(words.suffix(nameWords.count), nameWords).allSatisfy {
                $0.trimmingCharacters(in: ",.;:") == $1
            }
            guard endsWithName else { return false }
            words.removeLast(nameWords.count + 1)
            return true
        }
        for (person, firstName) in zip(everyone, firstNames) {
            let removedName = removeAtEnd(person.name)
            let removedFirstName = removeAtEnd(firstName)
            // Trimming again changes nothing unless a name was removed.
            if removedName || removedFirstName { trimEnd() }
        }
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
        // Every name and first name one after another: full names first, each first name (up to
        // the first space) after them, at the same place in `firstNames`.
        var nameBytes: [UInt8] = []
        nameBytes.reserveCapacity(16 * everyone.count)
        var names: [Range<Int>] = []
        names.reserveCapacity(everyone.count)
        var firstNames: [Range<Int>] = []
        firstNames.reserveCapacity(everyone.count)
        for person in everyone {
            var name = person.name
            let isASCII = name.withUTF8 { name in
                guard name.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) else { return false }
                let start = nameBytes.count
                nameBytes.append(contentsOf: name)
                names.append(start..<nameBytes.count)
                firstNames.append(start..<(start + (name.firstIndex(of: 0x20) ?? name.count)))
                return true
            }
            guard isASCII else { return nil }
        }
        var text = text
        return text.withUTF8 { text -> String? in
            guard text.allSatisfy({ ($0 >= 0x20 && $0 < 0x80) || $0 == 0x09 }) else { return nil }
            return nameBytes.withUnsafeBufferPointer { nameBytes in
                asciiPhrase(text, names: names, firstNames: firstNames, in: nameBytes)
            }
        }
    }

    private static func asciiPhrase(
        _ text: UnsafeBufferPointer<UInt8>, names: [Range<Int>], firstNames: [Range<Int>],
        in nameBytes: UnsafeBufferPointer<UInt8>
    ) -> String {
        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[range]) }
        func name(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: nameBytes[range])
        }
        func isPunctuation(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: ":")
        }
        /// `range` without the bytes `trims` at either end (`trimmingCharacters(in:)`).
        func trimmed(_ range: Range<Int>, _ trims: (UInt8) -> Bool) -> Range<Int> {
            var (start, end) = (range.lowerBound, range.upperBound)
            while start < end, trims(text[start]) { start += 1 }
            while end > start, trims(text[end - 1]) { end -= 1 }
            return start..<end
        }
        func split(_ bytes: UnsafeBufferPointer<UInt8>, atTabs: Bool) -> [Range<Int>] {
            var words: [Range<Int>] = []
            words.reserveCapacity(bytes.count / 2 + 1)
            forEachWord(in: bytes, splittingAtTabs: atTabs) { words.append($0) }
            return words
        }
        var words = split(text, atTabs: true)
        func isName(_ word: Range<Int>) -> Bool {
            let bare = bytes(trimmed(word, isPunctuation))
            // `Jonas's`: the word without its last two characters.
            let stem = bytes(word.lowerBound..<Swift.max(word.lowerBound, word.upperBound - 2))
            func isIt(_ range: Range<Int>) -> Bool {
                name(range).elementsEqual(bare) || name(range).elementsEqual(stem)
            }
            return names.contains(where: isIt) || firstNames.contains(where: isIt)
        }
        func trimEnd() {
            while let last = words.last {
                let bare = trimmed(last) { isPunctuation($0) || $0 == UInt8(ascii: "-") }
                if bare.isEmpty || connectors.contains(anyCaseASCII: bytes(bare)) {
                    words.removeLast()
                } else if bare != last {
                    words[words.count - 1] = bare
                } else {
                    break
                }
            }
        }
        trimEnd()
        if let first = words.first, sendingVerbs.contains(anyCaseASCII: bytes(first)) { words.removeFirst() }
        while let first = words.first, isName(first) { words.removeFirst() }
        /// Removes `name` and the preposition before it from the end; whether it was there.
        func removeAtEnd(_ range: Range<Int>) -> Bool {
            // The word before where the name would start is looked at first; the name is split
            // into words only when that word is a preposition.
            var count = 0
            forEachWord(in: name(range), splittingAtTabs: false) { _ in count += 1 }
            guard words.count > count, prepositions.contains(anyCaseASCII: bytes(words[words.count - count - 1])) else {
                return false
            }
            let nameWords = split(name(range), atTabs: false)
            let endsWithName = zip(words.suffix(nameWords.count), nameWords).allSatisfy { word, part in
                bytes(trimmed(word, isPunctuation)).elementsEqual(UnsafeBufferPointer(rebasing: name(range)[part]))
            }
            guard endsWithName else { return false }
            words.removeLast(nameWords.count + 1)
            return true
        }
        for (name, firstName) in zip(names, firstNames) {
            let removedName = removeAtEnd(name)
            let removedFirstName = removeAtEnd(firstName)
            if removedName || removedFirstName { trimEnd() }
        }
        guard let first = words.first else { return "what I promised" }
        var phrase: [UInt8] = []
        phrase.reserveCapacity(text.count + 4)
        let hasDigit = bytes(first).contains { $0 &- UInt8(ascii: "0") < 10 }
        if !determiners.contains(anyCaseASCII: bytes(first)), !hasDigit {
            // Lower-case `Write-up` but keep `NDA` and `CV`.
            let lowers = first.count == 1 || (text[first.lowerBound + 1] &- UInt8(ascii: "a") < 26)
            phrase.append(contentsOf: "the ".utf8)
            phrase.append(lowers ? text[first.lowerBound].asciiLowercased : text[first.lowerBound])
            phrase.append(contentsOf: bytes(first.dropFirst()))
        } else {
            phrase.append(contentsOf: bytes(first))
        }
        for word in words.dropFirst() {
            phrase.append(0x20)
            phrase.append(contentsOf: bytes(word))
        }
        return String(decoding: phrase, as: UTF8.self)
    }

    /// The words of `text` between spaces (and tabs, when asked), as `split` on Characters gives
    /// them; an ASCII text, the usual one, is split on its bytes, where each Character is a byte.
    private static func words(of text: String, splittingAtTabs: Bool) -> [String] {
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
    private static func wordCount(of name: String) -> Int {
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
    private static func forEachWord(
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
