/// Turns a deliverable's action item into the thing itself, for a cover note:
/// `Send Jonas the reference architecture doc tomorrow` → `the reference architecture doc`.
enum DeliverableText {
    static func nounPhrase(_ item: String, recipient: Person?, people: [Person], interview: Day) -> String {
        var text = item
        if let start = DatePhrase.dueStart(in: text, from: interview) { text = String(text[..<start]) }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let names = Set((people + [recipient].compactMap { $0 }).flatMap { [$0.name, $0.firstName] })
        func isName(_ word: String) -> Bool {
            names.contains(word.trimmingCharacters(in: ",.;:")) || names.contains(String(word.dropLast(2)))
        }
        func trimEnd() {
            while let last = words.last {
                let bare = last.trimmingCharacters(in: ",.;:-–—")
                if bare.isEmpty || connectors.contains(bare.lowercased()) {
                    words.removeLast()
                } else if bare != last {
                    words[words.count - 1] = bare
                } else {
                    break
                }
            }
        }
        trimEnd()
        if let first = words.first, NoteBody.sendingVerbs.contains(first.lowercased()) { words.removeFirst() }
        // `Send Jonas the doc`: the recipient named right after the verb.
        while let first = words.first, isName(first) { words.removeFirst() }
        // `… to Elif`, `… for Dana Whitfield`.
        for person in people + [recipient].compactMap({ $0 }) {
            for name in [person.name, person.firstName] {
                let nameWords = name.split(separator: " ").map(String.init)
                let tail = ["to", "for", "with"].first { preposition in
                    words.count > nameWords.count
                        && words[words.count - nameWords.count - 1].lowercased() == preposition
                        && zip(words.suffix(nameWords.count), nameWords).allSatisfy {
                            $0.trimmingCharacters(in: ",.;:") == $1
                        }
                }
                if tail != nil { words.removeLast(nameWords.count + 1) }
            }
            trimEnd()
        }
        guard var first = words.first else { return "what I promised" }
        if !determiners.contains(first.lowercased()), !first.contains(where: \.isNumber) {
            // Lower-case `Write-up` but keep `NDA` and `CV`.
            let second = first.dropFirst().first
            if second.map({ $0.isLowercase }) ?? true { first = first.prefix(1).lowercased() + first.dropFirst() }
            words[0] = first
            words.insert("the", at: 0)
        }
        return words.joined(separator: " ")
    }

    static let connectors: Set<String> = [
        "by", "due", "on", "before", "until", "till", "within", "in", "and", "to", "for", "with", "",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "my", "our", "this", "these", "those", "some", "any", "both", "all", "two", "three",
        "four", "five", "several", "a few",
    ]
}
