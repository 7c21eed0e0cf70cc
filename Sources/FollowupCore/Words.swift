/// A word of note text, as the phrase readers see it.
///
/// Words are runs of letters and digits. An apostrophe between letters stays inside a word
/// (`haven't`), and a hyphen or colon between digits does too (`2026-11-25`, `1-2`, `15:30`), but a
/// hyphen between letters splits (`follow-up` is `follow`, `up`), so that `follow-up sent` and
/// `follow up sent` read the same.
struct Word: Equatable {
    /// The word as written.
    let text: Substring
    /// The word in lower case, for matching.
    let lower: String

    var isNumber: Bool { !lower.isEmpty && lower.allSatisfy(\.isASCIIDigit) }
}

extension Word {
    static func split(_ text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        var previous: Character?
        func close(at end: String.Index) {
            if let begin = start {
                let piece = text[begin..<end]
                words.append(Word(text: piece, lower: piece.lowercased()))
            }
            start = nil
        }
        while index < text.endIndex {
            let character = text[index]
            let nextIndex = text.index(after: index)
            let next = nextIndex < text.endIndex ? text[nextIndex] : nil
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if start != nil, let previous, let next,
                isJoiner(character, between: previous, and: next)
            {
                // stays inside the word
            } else {
                close(at: index)
            }
            previous = character
            index = nextIndex
        }
        close(at: text.endIndex)
        return words
    }

    private static func isJoiner(_ character: Character, between before: Character, and after: Character)
        -> Bool
    {
        switch character {
        case "'", "\u{2019}": before.isLetter && after.isLetter
        case "-", ":": before.isASCIIDigit && after.isASCIIDigit
        default: false
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Array where Element == Word {
    /// Whether the words starting at `index` are `phrase` (lower-case words).
    func has(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= count else { return false }
        for (offset, word) in phrase.enumerated() where self[index + offset].lower != word {
            return false
        }
        return true
    }

    /// The index of the first occurrence of `phrase`, if any.
    func firstIndex(of phrase: [String]) -> Int? {
        guard !phrase.isEmpty, phrase.count <= count else { return nil }
        return (0...(count - phrase.count)).first { has(phrase, at: $0) }
    }
}
