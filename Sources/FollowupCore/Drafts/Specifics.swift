/// Finds one or two specific points a note makes about an interviewer, and turns each into a
/// sentence for a thank-you: "Tom asked about incident command" becomes "I appreciated your
/// questions about incident command."
///
/// Notes are free text, so this is deliberately narrow: it reads only clauses whose subject is the
/// interviewer (by full or first name, or `he`/`she` right after they were named), or `we` in a
/// passage about them alone, and only after a verb it knows (`asked about`, `walked me through`,
/// `suggested`, `we talked about`, …). Whatever does not fit is left out, and a thank-you without
/// specifics is still a good thank-you. A sentence that mentions pay or benefits is never used.
public enum Specifics {
    /// At most this many points per interviewer.
    public static let maximum = 2
    /// A point longer than this many words is a paraphrase of the whole conversation, not a point.
    static let maximumWords = 14
    /// Passages naming the person that are read, and the characters read of each. The points come
    /// from the first paragraphs about someone; without a bound, a note of megabytes of prose
    /// naming its interviewers took seconds per thank-you (a 5 MB one 14 s, a 50 MB one minutes),
    /// since each draft reads every such passage clause by clause.
    static let passagesRead = 20
    static let charactersRead = 2_000

    /// The sentences for `person`, from the passages of `note`, in the order the note makes them.
    public static func points(about person: Person, in note: InterviewNote) -> [String] {
        var points: [String] = []
        // A point about someone needs their name earlier in the same passage.
        let passages = note.passages.lazy
            .filter { Text.contains($0.text, person.firstName, ignoringASCIICase: true) }
            .prefix(passagesRead)
        for passage in passages {
            let text =
                passage.text.utf8.count > charactersRead ? String(passage.text.prefix(charactersRead)) : passage.text
            for point in Reading(people: note.interviewers).points(in: text, about: person)
            where !points.contains(point) {
                points.append(point)
                if points.count == maximum { return points }
            }
        }
        return points
    }
}

/// One pass over one passage: who each clause is about, and what it says.
private struct Reading {
    let people: [Person]

    func points(in passage: String, about person: Person) -> [String] {
        var points: [String] = []
        // The one person the passage is about so far (for `we` clauses), and the last one named
        // (for `he` and `she`).
        var about: Person?
        var lastNamed: Person?
        for sentence in Clauses.sentences(of: Clauses.withoutParentheses(passage)) {
            let usable = !MoneyTalk.mentions(sentence)
            for clause in Clauses.clauses(of: sentence) {
                let named = people.filter { Names.occurs($0, in: clause) }
                if usable, let point = point(in: clause, about: person, context: about, lastNamed: lastNamed) {
                    points.append(point)
                }
                if named.count == 1 {
                    about = named[0]
                } else if named.count > 1 {
                    about = nil
                }
                if let last = named.max(by: { Names.lastIndex($0, in: clause) < Names.lastIndex($1, in: clause) }) {
                    lastNamed = last
                }
            }
        }
        return points
    }

    private func point(in clause: String, about person: Person, context: Person?, lastNamed: Person?) -> String? {
        let text = Clauses.withoutLeadIn(clause)
        if let rest = Names.subject(person, at: text) {
            return Cue.personal(rest.text, possessive: rest.possessive).flatMap { finish($0, about: person) }
        }
        if let pronoun = Names.pronounSubject(at: text), lastNamed == person {
            return Cue.personal(pronoun.text, possessive: pronoun.possessive).flatMap { finish($0, about: person) }
        }
        // `we` clauses, and clauses with no subject, belong to a passage about this person alone.
        let named = people.filter { Names.occurs($0, in: clause) }
        guard context == person, named.isEmpty || named == [person] else {
            if lastNamed == person, let rest = Cue.walkedThem(text) { return finish(rest, about: person) }
            return nil
        }
        if let rest = Cue.walkedThem(text) { return finish(rest, about: person) }
        return Cue.shared(text).flatMap { finish($0, about: person) }
    }

    /// Checks the topic and fills it into its sentence.
    private func finish(_ found: (topic: String, sentence: (String) -> String), about person: Person) -> String? {
        guard let topic = Topic.clean(found.topic, people: people) else { return nil }
        let sentence = found.sentence(topic)
        return MoneyTalk.mentions(sentence) ? nil : sentence
    }
}

/// The verbs that introduce a point, and the sentence each becomes.
private enum Cue {
    typealias Found = (topic: String, sentence: (String) -> String)

    /// After the interviewer as subject: `asked about X`, `walked me through X`, `suggested X`.
    static func personal(_ rest: String, possessive: Bool) -> Found? {
        var text = rest
        for adverb in ["also ", "then ", "mostly ", "really ", "first ", "later "]
        where text.lowercased().hasPrefix(adverb) {
            text.removeFirst(adverb.count)
        }
        let lower = text.lowercased()
        func after(_ prefix: String) -> String? {
            lower.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
        }
        if possessive {
            for prefix in [
                "was about ", "part was about ", "session was about ", "round was about ", "questions were about ",
                "interview was about ",
            ] {
                if let topic = after(prefix) { return (topic, { "I enjoyed our conversation about \($0)." }) }
            }
            for prefix in ["part was ", "session was ", "round was "] {
                if let topic = after(prefix) { return (Topic.definite(topic), { "I enjoyed \($0)." }) }
            }
            return nil
        }
        if let topic = after("was about ") { return (topic, { "I enjoyed our conversation about \($0)." }) }
        for prefix in ["asked me about ", "asked about ", "asked me a lot about ", "asked a lot about "] {
            if let topic = after(prefix) { return (topic, { "I appreciated your questions about \($0)." }) }
        }
        for prefix in ["wanted to know ", "asked me ", "asked "] {
            guard let question = after(prefix) else { continue }
            // `asked me to send…` and `asked for…` are requests (deliverables), not questions.
            if question.lowercased().hasPrefix("to ") || question.lowercased().hasPrefix("for ") { return nil }
            guard let start = Topic.questionStart(in: question) else { return nil }
            return (String(question[start...]), { "I appreciated your question on \($0)." })
        }
        let thanks: [(String, String)] = [
            ("walked me through ", "walking me through"), ("took me through ", "taking me through"),
            ("talked me through ", "talking me through"), ("explained ", "explaining"), ("showed me ", "showing me"),
            ("described ", "describing"), ("told me about ", "telling me about"), ("shared ", "sharing"),
            ("opened with ", "opening with"),
        ]
        for (prefix, gerund) in thanks {
            if let topic = after(prefix) { return (topic, { "Thank you for \(gerund) \($0)." }) }
        }
        if let topic = after("suggested ") {
            return (
                topic,
                {
                    $0.lowercased().hasPrefix("that ")
                        ? "I liked your suggestion \($0)." : "I liked your suggestion of \($0)."
                }
            )
        }
        for prefix in [
            "pushed hard on ", "pressed hard on ", "pressed on ", "pushed on ", "probed ", "challenged me on ",
        ] {
            if let topic = after(prefix) { return (topic, { "Your questions on \($0) gave me a lot to think about." }) }
        }
        for prefix in ["ran the ", "led the "] {
            if let topic = after(prefix) { return ("the " + topic, { "I enjoyed working through \($0) with you." }) }
        }
        for prefix in ["liked the ", "liked my "] {
            if let topic = after(prefix) {
                return (String(prefix.dropFirst(6)) + topic, { "I was glad you liked \($0)." })
            }
        }
        return nil
    }

    /// In a passage about one interviewer: `we talked about X`, `an hour on X`, `a discussion of X`.
    static func shared(_ clause: String) -> Found? {
        let lower = clause.lowercased()
        let conversation = [
            "we talked about ", "we spoke about ", "we discussed ", "we got onto ", "we got into ", "we dug into ",
            "we went deep on ", "we covered ", "an hour on ", "half an hour on ", "a discussion of ",
            "a discussion about ", "a conversation about ", "a long conversation about ",
        ]
        for prefix in conversation {
            if let range = lower.range(of: prefix), startsAWord(range.lowerBound, in: lower) {
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                return (String(clause.dropFirst(offset)), { "I enjoyed our conversation about \($0)." })
            }
        }
        if lower.hasPrefix("we spent "), let on = lower.range(of: " on ") {
            let offset = lower.distance(from: lower.startIndex, to: on.upperBound)
            return (String(clause.dropFirst(offset)), { "I enjoyed our conversation about \($0)." })
        }
        if lower.hasPrefix("we sketched ") {
            return (String(clause.dropFirst("we sketched ".count)), { "I enjoyed sketching \($0) together." })
        }
        return nil
    }

    /// `I walked him through X`: the interviewer is the object, named just before.
    static func walkedThem(_ clause: String) -> String? {
        for prefix in ["i walked him through ", "i walked her through ", "i walked them through "]
        where clause.lowercased().hasPrefix(prefix) {
            return String(clause.dropFirst(prefix.count))
        }
        return nil
    }

    private static func startsAWord(_ index: String.Index, in text: String) -> Bool {
        index == text.startIndex || !text[text.index(before: index)].isLetter
    }
}

/// Extension for `walkedThem`, which has its own sentence.
extension Reading {
    fileprivate func finish(_ topic: String, about person: Person) -> String? {
        finish((topic, { "I was glad to walk you through \($0)." }), about: person)
    }
}

/// The topic of a point: the words after the cue, up to the end of their phrase.
private enum Topic {
    /// Where a phrase ends: a comma, a colon, a dash, or a word that starts another clause.
    static let stops = [",", ";", ":", ".", "!", "?", " — ", " – ", " - ", "\""]
    static let stopWords = [" but ", " which ", " although ", " though ", " while ", " so that "]
    /// Words a topic cannot end on.
    static let danglers: Set<String> = [
        "and", "or", "but", "with", "to", "of", "the", "a", "an", "on", "about", "for", "in", "at", "my", "our",
    ]
    /// Pronouns that would point at the wrong person once the sentence speaks to the interviewer.
    static let thirdPersonSingular: Set<String> = ["he", "she", "him", "his", "her", "hers", "himself", "herself"]
    /// The company, said to someone who works there.
    static let secondPerson: [String: String] = [
        "they": "you", "them": "you", "their": "your", "theirs": "yours", "themselves": "yourselves",
        "they're": "you're", "they'd": "you'd", "they've": "you've", "they'll": "you'll",
        "they\u{2019}re": "you\u{2019}re", "they\u{2019}d": "you\u{2019}d",
    ]

    static func clean(_ raw: String, people: [Person]) -> String? {
        var topic = raw
        for stop in stops + stopWords {
            if let range = topic.range(of: stop) { topic = String(topic[..<range.lowerBound]) }
        }
        var words = topic.split(separator: " ").map(String.init)
        while let last = words.last, danglers.contains(last.lowercased()) { words.removeLast() }
        guard !words.isEmpty, words.count <= Specifics.maximumWords else { return nil }
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if thirdPersonSingular.contains(lower) { return nil }
            if let swapped = secondPerson[lower] { words[index] = swapped }
        }
        topic = words.joined(separator: " ")
        // A point about one interviewer that names another would be sent to the wrong person.
        if people.contains(where: { Names.occurs($0, in: topic) }) { return nil }
        guard topic.contains(where: \.isLetter), !MoneyTalk.mentions(topic) else { return nil }
        return topic
    }

    /// `a SQL exercise` → `the SQL exercise`: the thank-you speaks of the one they ran.
    static func definite(_ topic: String) -> String {
        for article in ["a ", "an "] where topic.lowercased().hasPrefix(article) {
            return "the " + topic.dropFirst(article.count)
        }
        return topic
    }

    /// Where the question in `asked the classic ones, and then how I'd decide…` starts.
    static func questionStart(in text: String) -> String.Index? {
        let lower = text.lowercased()
        for word in ["how ", "whether ", "why ", "what ", "if "] {
            if lower.hasPrefix(word) { return text.startIndex }
        }
        var best: String.Index?
        for word in [" how ", " whether ", " why "] {
            if let range = lower.range(of: word), best.map({ range.lowerBound < $0 }) ?? true {
                best = range.lowerBound
            }
        }
        return best.map { text.index(after: $0) }
    }
}

/// Finding interviewers in a clause: by full name in any case, or by first name as written.
private enum Names {
    static func occurs(_ person: Person, in text: String) -> Bool {
        lastIndex(person, in: text) >= 0
    }

    /// The word index of the last mention of `person`, or -1.
    static func lastIndex(_ person: Person, in text: String) -> Int {
        let words = Word.split(text)
        let name = Word.split(person.name)
        guard let first = name.first.map({ String($0.written(in: person.name)) }) else { return -1 }
        for index in words.indices.reversed() {
            if index + name.count <= words.count,
                name.indices.allSatisfy({ words[index + $0].isSame(as: name[$0], of: text, and: person.name) })
            {
                return index
            }
            let word = words[index].written(in: text)
            if word == first || word == first + "'s" || word == first + "\u{2019}s" { return index }
        }
        return -1
    }

    /// The rest of `clause` when it starts with `person`'s name: `Tom asked…` → `asked…`.
    static func subject(_ person: Person, at clause: String) -> (text: String, possessive: Bool)? {
        for name in [person.name, person.firstName] {
            let matches =
                name == person.name
                ? clause.lowercased().hasPrefix(name.lowercased()) : clause.hasPrefix(name)
            guard matches else { continue }
            let rest = clause.dropFirst(name.count)
            for mark in ["'s ", "\u{2019}s "] where rest.hasPrefix(mark) {
                return (String(rest.dropFirst(mark.count)), true)
            }
            if rest.hasPrefix(" ") { return (String(rest.dropFirst()), false) }
        }
        return nil
    }

    /// The rest of `clause` when it starts with `he`, `she`, `his` or `her`.
    static func pronounSubject(at clause: String) -> (text: String, possessive: Bool)? {
        let lower = clause.lowercased()
        for (pronoun, possessive) in [("he ", false), ("she ", false), ("his ", true), ("her ", true)]
        where lower.hasPrefix(pronoun) {
            return (String(clause.dropFirst(pronoun.count)), possessive)
        }
        return nil
    }
}

/// Splitting a passage into sentences and clauses.
private enum Clauses {
    /// The text without parenthesised asides: `Raj Patel (Staff Engineer) ran…` → `Raj Patel ran…`.
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(character)
            }
        }
        // `word (aside).` leaves `word .`; close such gaps.
        var cleaned = ""
        for word in out.split(separator: " ") {
            if !cleaned.isEmpty, let first = word.first, !(",.;:!?".contains(first) && word.count == 1) {
                cleaned.append(" ")
            }
            cleaned += word
        }
        return cleaned
    }

    /// Sentences end at `.`, `!` or `?` followed by a space or the end.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var iterator = text.makeIterator()
        var pending: Character? = iterator.next()
        while let character = pending {
            pending = iterator.next()
            current.append(character)
            if ".!?".contains(character), pending == nil || pending == " " {
                sentences.append(current.trimmingCharacters(in: " "))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: " ")
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// Clauses of a sentence: split at `;`, `:`, a dash, and `, then`, `, and` before a new subject.
    static func clauses(of sentence: String) -> [String] {
        var parts = [sentence]
        for separator in ["; ", ": ", " — ", " – ", ", then ", ", and then ", ", and "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
    }

    /// The clause without a leading `and`, `then` or `but`.
    static func withoutLeadIn(_ clause: String) -> String {
        var text = clause
        var changed = true
        while changed {
            changed = false
            for word in ["and ", "then ", "but ", "later ", "finally ", "so "] where text.lowercased().hasPrefix(word) {
                text.removeFirst(word.count)
                changed = true
            }
        }
        return text
    }
}
