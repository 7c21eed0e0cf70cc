/// Turns a deliverable's action item into the thing itself, for a cover note:
/// `Send Jonas the reference architecture doc tomorrow` → `the reference architecture doc`.
enum DeliverableText {
    static func nounPhrase(_ item: String, recipient: Person?, people: [Person], interview: Day) -> String {
        var text = item
        if let start = DatePhrase.dueStart(in: text, from: interview) { text = String(text[..<start]) }
        var words = Self.words(of: text, splittingAtTabs: true)
        var everyone = people
        if let recipient { everyone.append(recipient) }
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
