/// What the due phrase of an action item says.
public enum DueReading: Equatable, Sendable {
    /// The item states this due date.
    case date(Day)
    /// The item states no due date.
    case none
    /// The item seems to state a due date that followup cannot read; the words are quoted.
    case unrecognised(String)
}

/// What a front-matter date value says.
public enum DateValue: Equatable, Sendable {
    /// A day, and the time of day in minutes after midnight when one was written.
    case day(Day, minutes: Int?)
    /// Shaped like a date, but no such day exists (`2026-02-30`).
    case impossible
    /// Not a date in any form followup reads.
    case unreadable
}

/// Reads the date phrases people write in interview notes.
///
/// Every relative phrase is counted from a given day (the interview), never from today, so that
/// a note means the same thing whenever it is read. The phrases are listed in the README.
enum DatePhrase {
    /// The due date stated in an action item's text, counted from the interview day.
    static func due(in text: String, from interview: Day) -> DueReading {
        due(in: Word.split(text), of: text, from: interview)
    }

    /// The due date stated by an action item's words (of `text`), counted from the interview day.
    static func due(in words: [Word], of text: String, from interview: Day) -> DueReading {
        duePhrase(in: words, of: text, from: interview).reading
    }

    /// The due date stated by an action item's words (of `text`), and where in `text` (a UTF-8
    /// offset) the phrase stating it starts, as ``dueStart(in:from:)`` finds it, or the text's
    /// length when it states none: both from one reading of the words, so that a note keeps the
    /// place for its drafts.
    static func duePhrase(in words: [Word], of text: String, from interview: Day) -> (reading: DueReading, start: Int) {
        var scanner = Scanner(words: words, of: text, from: interview, bareDurations: false)
        if let (day, index) = scanner.firstDayAndIndex() { return (.date(day), phraseStart(at: index, of: words)) }
        if let phrase = scanner.unreadable ?? Self.unreadableDuePhrase(in: words, of: text) {
            return (.unrecognised(phrase), text.utf8.count)
        }
        return (.none, text.utf8.count)
    }

    /// Where the due phrase of an action item starts (`by Friday`, `within 24 hours`), so that a
    /// draft can speak of the thing without its deadline; nil when the text has none.
    static func dueStart(in text: String, from interview: Day) -> String.Index? {
        let words = Word.split(text)
        var scanner = Scanner(words: words, of: text, from: interview, bareDurations: false)
        guard let (_, index) = scanner.firstDayAndIndex() else { return nil }
        return text.utf8.index(text.utf8.startIndex, offsetBy: phraseStart(at: index, of: words))
    }

    /// `text` up to its due phrase (`Send the deck` of `Send the deck by Friday`), all of it when
    /// it has none.
    static func beforeDuePhrase(_ text: String, from interview: Day) -> String {
        dueStart(in: text, from: interview).map { String(text[..<$0]) } ?? text
    }

    /// The UTF-8 offset where a due phrase whose date is read at `words[index]` starts: `by Nov 24`
    /// is read at `Nov`, and the word before belongs to the phrase too.
    private static func phraseStart(at index: Int, of words: [Word]) -> Int {
        index > 0 && phraseLeaders.contains(words[index - 1].key) ? words[index - 1].start : words[index].start
    }

    /// The words that lead a due phrase read at the word after them.
    private static let phraseLeaders: [WordKey] = ["by", "due", "on", "before", "until", "till", "within", "in"]

    /// The day a stated decision timeline ends (`2 weeks`, `by Friday`, `end of next week`), counted
    /// from the interview day, or nil when the timeline cannot be read.
    static func timelineEnd(_ text: String, from interview: Day) -> Day? {
        var scanner = Scanner(words: Word.split(text), of: text, from: interview, bareDurations: true)
        return scanner.firstDay()
    }

    /// The date a log line starts with (`2026-11-19: …`, `Nov 19: …`, `19 November 2026 - …`), and
    /// the text after it. A date without a year is placed as ``Scanner/yearless(month:day:near:)`` says.
    static func leadingDate(of text: String, near anchor: Day) -> (day: Day, rest: String)? {
        let words = Word.split(text)
        guard let (day, next) = leadingDate(in: words, of: text, near: anchor) else { return nil }
        let rest = text[words[next - 1].endIndex(in: text)...].drop { !$0.isLetter && !$0.isNumber }
        return (day, String(rest))
    }

    /// The date the words of a log line (`text`) start with, and the index of the first word after
    /// it.
    static func leadingDate(in words: [Word], of text: String, near anchor: Day) -> (day: Day, next: Int)? {
        Scanner(words: words, of: text, from: anchor, bareDurations: false).calendarDate(at: 0)
    }

    /// Reads a front-matter date: `2026-11-18`, `2026-11-18 15:30`, `2026-11-18T15:30`,
    /// `Nov 18, 2026`, `November 18, 2026`, `18 November 2026`.
    static func frontMatterDate(_ raw: String) -> DateValue {
        let text = raw.trimmingCharacters(in: " \t")
        if let (fields, end) = ISODate.fields(text[...]) {
            guard let day = Day(year: fields.year, month: fields.month, day: fields.day) else {
                return .impossible
            }
            let rest = text[end...]
            if rest.isEmpty { return .day(day, minutes: nil) }
            guard rest.first == "T" || rest.first == "t" || rest.first == " " else { return .unreadable }
            guard let minutes = ISODate.timeOfDay(rest.dropFirst().trimmingCharacters(in: " ")[...]) else {
                return .unreadable
            }
            return .day(day, minutes: minutes)
        }
        let words = Word.split(text)
        var start = 0
        if let first = words.first, Weekday.named(first.key) != nil { start = 1 }
        let scanner = Scanner(words: words, of: text, from: Day(ordinal: 0), bareDurations: false)
        guard let (fields, next) = scanner.calendarFields(at: start), let year = fields.year else {
            return .unreadable
        }
        let timeText = words[next...].map { $0.lower(in: text) }.joined(separator: " ")
        let minutes = timeText.isEmpty ? nil : ISODate.timeOfDay(timeText[...])
        guard timeText.isEmpty || minutes != nil else { return .unreadable }
        guard let day = Day(year: year, month: fields.month, day: fields.day) else { return .impossible }
        return .day(day, minutes: minutes)
    }

    /// Words that announce a due date which the scanner did not read: `due soon`, `within reason`,
    /// `by 11/25`. Quoting them lets a warning say exactly what was not understood.
    private static func unreadableDuePhrase(in words: [Word], of text: String) -> String? {
        for (index, word) in words.enumerated() {
            guard let onlyBeforeANumber = announcers[word.key] else { continue }
            let follows = words.dropFirst(index + 1)
            if !onlyBeforeANumber || follows.first.map({ $0.lower(in: text).contains(where: \.isASCIIDigit) }) == true {
                return ([word] + follows.prefix(3)).map { String($0.written(in: text)) }.joined(separator: " ")
            }
        }
        return nil
    }

    /// The words that announce a due date, and whether they do only before a number (`by 11/25`,
    /// not `by the team`).
    private static let announcers = WordTable<Bool>([
        ("due", false), ("within", false), ("deadline", false), ("by", true), ("before", true), ("until", true),
    ])
}

/// Scans words for the first date phrase it can read.
private struct Scanner {
    let words: [Word]
    /// The text the words were split from.
    let text: String
    let from: Day
    /// Whether `2 weeks` or `Friday` alone are read as dates (in a timeline) or need `within`,
    /// `in`, `by` in front of them (in an action item, where `2 samples` is no date).
    let bareDurations: Bool
    /// An ISO-shaped word that is no real day, kept to explain why nothing was read.
    var unreadable: String?

    /// The words a due phrase can start with, other than dates: one table lookup per word of an
    /// item rather than a comparison with each.
    private enum Keyword {
        case tomorrow, today, endOfWeek, endOfMonth, within, end, this, next, by
    }

    private static let keywords = WordTable<Keyword>([
        ("tomorrow", .tomorrow), ("today", .today), ("eod", .today), ("tonight", .today), ("eow", .endOfWeek),
        ("eom", .endOfMonth), ("within", .within), ("in", .within), ("end", .end), ("this", .this),
        ("next", .next), ("by", .by), ("due", .by), ("before", .by), ("on", .by), ("until", .by), ("till", .by),
    ])
    /// The keyword `word` is, told by its first letter and length before any lookup: most words
    /// have a shape no keyword has.
    private static func keyword(_ word: WordKey) -> Keyword? {
        keywordShapes.mayContain(word) ? keywords[word] : nil
    }

    private static let keywordShapes = WordShapes(keywords.keys.map(\.text))

    /// The first letters and lengths of the keywords and month names.
    private static let phraseStartShapes = WordShapes(keywords.keys.map(\.text) + MonthName.lowercasedNames)

    init(words: [Word], of text: String, from: Day, bareDurations: Bool) {
        self.words = words
        self.text = text
        self.from = from
        self.bareDurations = bareDurations
    }

    /// The word at `index` in lower case, as a String.
    private func lower(at index: Int) -> String { words[index].lower(in: text) }

    /// The ISO date (`2026-11-25`) that the word at `index` is, whole, if it is one; nil for every
    /// other word, most of them told by their length or first byte.
    private func isoDate(at index: Int) -> (year: Int, month: Int, day: Int)? {
        let key = words[index].key
        guard key.count >= 8, key.first &- 0x30 < 10 else { return nil }
        return key.withBytes { bytes in
            guard let (fields, end) = ISODate.fields(bytes), end == bytes.count else { return nil }
            return fields
        }
    }

    mutating func firstDay() -> Day? {
        firstDayAndIndex()?.day
    }

    /// The first readable date phrase's day and the index of the word where it is read.
    mutating func firstDayAndIndex() -> (day: Day, index: Int)? {
        for index in words.indices {
            if let day = day(at: index) { return (day, index) }
        }
        return nil
    }

    private mutating func day(at index: Int) -> Day? {
        let word = words[index].key
        // In an action item a phrase starts at a digit, a keyword or a month name, so a word of
        // letters whose first letter and length no keyword or month name has starts none (most
        // words: `the`, `portfolio`). A timeline also reads bare numbers, units and weekdays.
        if !bareDurations, word.first &- 0x61 < 26, !Self.phraseStartShapes.mayContain(word) {
            return nil
        }
        if let fields = isoDate(at: index) {
            if let day = Day(year: fields.year, month: fields.month, day: fields.day) { return day }
            unreadable = unreadable ?? String(words[index].written(in: text))
            return nil
        }
        switch Self.keyword(word) {
        case .tomorrow: return from.adding(days: 1)
        case .today: return from
        case .endOfWeek: return endOfWeek(from)
        case .endOfMonth: return from.endOfMonth
        case .within:
            if let (duration, _) = duration(at: index + 1) { return duration.after(from) }
        case .end:
            if let day = endOf(at: index + 1) { return day }
        case .this:
            if words.has("week", at: index + 1) { return endOfWeek(from) }
            if let weekday = weekday(at: index + 1) { return from.next(weekday) }
        case .next:
            if words.has("week", at: index + 1) { return endOfNextWeek(from) }
            if let weekday = weekday(at: index + 1) { return from.next(weekday) }
        case .by:
            if let weekday = weekday(at: index + 1) { return from.next(weekday) }
        case nil:
            break
        }
        if let (day, _) = calendarDate(at: index) { return day }
        if bareDurations {
            if let (duration, _) = duration(at: index) { return duration.after(from) }
            if let weekday = weekday(at: index) { return from.next(weekday) }
        }
        return nil
    }

    /// `of the week`, `of next month`, `of day` after `end`.
    private func endOf(at index: Int) -> Day? {
        var index = index
        guard words.has("of", at: index) else { return nil }
        index += 1
        if words.has("the", at: index) || words.has("this", at: index) { index += 1 }
        let next = words.has("next", at: index)
        if next { index += 1 }
        guard index < words.count else { return nil }
        switch words[index].key {
        case "week": return next ? endOfNextWeek(from) : endOfWeek(from)
        case "month": return next ? from.adding(months: 1).endOfMonth : from.endOfMonth
        case "day": return next ? nil : from
        default: return nil
        }
    }

    /// A calendar date at `index`: an ISO date, or a month name and a day in either order, with
    /// an optional year. A missing year is placed near `from` (see `yearless`).
    func calendarDate(at index: Int) -> (Day, next: Int)? {
        if index < words.count, let fields = isoDate(at: index),
            let day = Day(year: fields.year, month: fields.month, day: fields.day)
        {
            return (day, index + 1)
        }
        guard let (fields, next) = calendarFields(at: index) else { return nil }
        if let year = fields.year {
            return Day(year: year, month: fields.month, day: fields.day).map { ($0, next) }
        }
        return Self.yearless(month: fields.month, day: fields.day, near: from).map { ($0, next) }
    }

    /// A month and day without a year, placed in the year that puts it between four months before
    /// and eight months after `anchor` (the interview). That is the note's own year except across a
    /// year end: `Jan 4` in a note of Dec 30 is the next January, `Dec 28` in a note of Jan 5 the
    /// last December, while `Dec 10` in a note of June stays in June's year.
    static func yearless(month: Int, day: Int, near anchor: Day) -> Day? {
        for year in [anchor.year, anchor.year + 1, anchor.year - 1] {
            guard let candidate = Day(year: year, month: month, day: day) else { continue }
            if (-121..<244).contains(anchor.days(until: candidate)) { return candidate }
        }
        // Feb 29 outside a leap year's window: no such day nearby.
        return nil
    }

    /// `Nov 24`, `November 24th, 2026`, `24 November`, `24th of Nov 2026`.
    func calendarFields(at index: Int) -> ((year: Int?, month: Int, day: Int), next: Int)? {
        guard index + 1 < words.count else { return nil }
        var month: Int
        var day: Int
        var next: Int
        // The day is checked first: it fails at the first byte for almost every word.
        if let d = dayOfMonth(words[index + 1].key), let m = MonthName.number(words[index].key) {
            (month, day, next) = (m, d, index + 2)
        } else if let d = dayOfMonth(words[index].key) {
            var monthIndex = index + 1
            if words.has("of", at: monthIndex) { monthIndex += 1 }
            guard monthIndex < words.count, let m = MonthName.number(words[monthIndex].key) else {
                return nil
            }
            (month, day, next) = (m, d, monthIndex + 1)
        } else {
            return nil
        }
        var year: Int?
        if next < words.count, words[next].isNumber, words[next].key.count == 4, let y = Int(words[next].key.text) {
            year = y
            next += 1
        }
        return ((year, month, day), next)
    }

    /// `24`, `4`, `24th`, `1st`, `2nd`, `3rd`: a day of the month, read from the bytes.
    private func dayOfMonth(_ word: WordKey) -> Int? {
        // Almost every word fails here, at its first byte.
        guard word.first &- 0x30 < 10, word.count <= 4 else { return nil }
        var value = 0
        var digits = 0
        while digits < word.count, word[digits] &- 0x30 < 10 {
            value = value * 10 + Int(word[digits] &- 0x30)
            digits += 1
        }
        guard digits == 1 || digits == 2, (1...31).contains(value) else { return nil }
        if digits == word.count { return value }
        guard word.count == digits + 2 else { return nil }
        switch (word[digits], word[digits + 1]) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
            (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
            return value
        default:
            return nil
        }
    }

    private func weekday(at index: Int) -> Weekday? {
        index < words.count ? Weekday.named(words[index].key) : nil
    }

    /// A quantity and a unit: `2 weeks`, `two weeks`, `a week`, `a couple of weeks`, `1-2 weeks`,
    /// `5 business days`, `24 hours`, `a week or two`. A range counts as its upper end: advice is
    /// to wait until the company's later bound has passed.
    private func duration(at index: Int) -> (Duration, next: Int)? {
        guard var (count, next) = quantity(at: index), var (unit, afterUnit) = unit(at: next) else { return nil }
        next = afterUnit
        if words.has("or", at: next), let (upper, afterUpper) = quantity(at: next + 1) {
            count = max(count, upper)
            next = afterUpper
            if let (sameUnit, end) = self.unit(at: next) {
                unit = sameUnit
                afterUnit = end
                next = end
            }
        }
        return (Duration(count: count, unit: unit), next)
    }

    private func quantity(at index: Int) -> (Int, next: Int)? {
        guard index < words.count else { return nil }
        // The word's key is its lower case: compared as it is, the string made only for a number.
        let key = words[index].key
        var count: Int
        var next = index + 1
        switch key {
        case "a", "an":
            if words.has("couple", at: next) {
                (count, next) = (2, next + 1)
            } else if words.has("few", at: next) {
                (count, next) = (3, next + 1)
            } else {
                count = 1
            }
            if words.has("of", at: next), count > 1 { next += 1 }
        case "couple", "few", "several":
            count = key == "couple" ? 2 : 3
            if words.has("of", at: next) { next += 1 }
        default:
            let word = lower(at: index)
            if let value = Int(word) {
                count = value
            } else if let dash = word.firstIndex(of: "-"), let upper = Int(word[word.index(after: dash)...]),
                Int(word[..<dash]) != nil
            {
                count = upper
            } else if let value = Self.numberWords[word] {
                count = value
            } else {
                return nil
            }
            if words.has("to", at: next), let (upper, end) = quantity(at: next + 1) {
                (count, next) = (max(count, upper), end)
            }
        }
        guard count >= 0, count <= 1000 else { return nil }
        return (count, next)
    }

    private func unit(at index: Int) -> (Duration.Unit, next: Int)? {
        guard index < words.count else { return nil }
        switch words[index].key {
        case "day", "days": return (.days, index + 1)
        case "week", "weeks", "wk", "wks": return (.weeks, index + 1)
        case "month", "months": return (.months, index + 1)
        case "hour", "hours", "hr", "hrs", "h": return (.hours, index + 1)
        case "business", "working", "work":
            if words.has("day", at: index + 1) || words.has("days", at: index + 1) {
                return (.businessDays, index + 2)
            }
            return nil
        default: return nil
        }
    }

    private static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20,
        "thirty": 30,
    ]
}

/// A length of time stated in a note.
private struct Duration {
    enum Unit { case hours, days, businessDays, weeks, months }
    let count: Int
    let unit: Unit

    func after(_ day: Day) -> Day {
        switch unit {
        case .hours: day.adding(days: max(1, (count + 23) / 24))
        case .days: day.adding(days: count)
        case .businessDays: day.adding(businessDays: count)
        case .weeks: day.adding(days: 7 * count)
        case .months: day.adding(months: count)
        }
    }
}

/// The Friday of `day`'s week (weeks run Monday to Sunday), or of the next week once that Friday
/// has passed.
private func endOfWeek(_ day: Day) -> Day {
    let friday = fridayOfWeek(day)
    return friday >= day ? friday : friday.adding(days: 7)
}

private func endOfNextWeek(_ day: Day) -> Day { fridayOfWeek(day).adding(days: 7) }

private func fridayOfWeek(_ day: Day) -> Day {
    let sinceMonday = (day.weekday.rawValue + 6) % 7
    return day.adding(days: 4 - sinceMonday)
}

extension Weekday {
    /// The weekday for a full or abbreviated English name in lower case (`fri`, `thurs`, `friday`).
    static func named(_ word: String) -> Weekday? { names[WordKey(word)] }

    /// ``named(_:)`` for a word's key, its lower case: no string made.
    static func named(_ key: WordKey) -> Weekday? { names[key] }

    private static let names = WordTable<Weekday>([
        ("sunday", .sunday), ("sun", .sunday), ("monday", .monday), ("mon", .monday),
        ("tuesday", .tuesday), ("tue", .tuesday), ("tues", .tuesday), ("wednesday", .wednesday),
        ("wed", .wednesday), ("thursday", .thursday), ("thu", .thursday), ("thur", .thursday),
        ("thurs", .thursday), ("friday", .friday), ("fri", .friday), ("saturday", .saturday),
        ("sat", .saturday),
    ])
}

/// `YYYY-MM-DD` (month and day may have one digit) and `HH:MM` read by hand: they are fixed
/// shapes, not a format that needs a parser.
enum ISODate {
    static func fields(_ text: Substring) -> ((year: Int, month: Int, day: Int), end: Substring.Index)? {
        var copy = text
        guard let (fields, end) = copy.withUTF8(fields(_:)) else { return nil }
        return (fields, text.utf8.index(text.startIndex, offsetBy: end))
    }

    /// ``fields(_:)-(Substring)`` over UTF-8 bytes; the end is an offset.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> ((year: Int, month: Int, day: Int), end: Int)? {
        var index = 0
        func number(minDigits: Int, maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, digits < maxDigits, bytes[index] &- 0x30 < 10 {
                value = value * 10 + Int(bytes[index] &- 0x30)
                digits += 1
                index += 1
            }
            return digits >= minDigits ? value : nil
        }
        func dash() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
            index += 1
            return true
        }
        guard let first = bytes.first, first &- 0x30 < 10, let year = number(minDigits: 4, maxDigits: 4),
            dash(), let month = number(minDigits: 1, maxDigits: 2), dash(), let day = number(minDigits: 1, maxDigits: 2)
        else { return nil }
        if index < bytes.count, bytes[index] &- 0x30 < 10 { return nil }
        return ((year, month, day), index)
    }

    /// Minutes after midnight for `15:30`, `15:30:00`, `3:30 pm`, `15:30Z`, `15:30+01:00`.
    static func timeOfDay(_ text: Substring) -> Int? {
        plainTimeOfDay(text) ?? anyTimeOfDay(text)
    }

    /// ``timeOfDay(_:)`` for every shape it reads, without the fast path for the usual one.
    static func anyTimeOfDay(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let hour = Int(parts[0]), (0...23).contains(hour) else { return nil }
        let minuteDigits = parts[1].prefix(while: \.isASCIIDigit)
        guard minuteDigits.count == 2, let minute = Int(minuteDigits), minute < 60 else { return nil }
        let rest = parts[1].dropFirst(2).lowercased().trimmingCharacters(in: " ")
        var hour24 = hour
        if rest.hasPrefix("pm"), hour < 12 { hour24 += 12 }
        if rest.hasPrefix("am"), hour == 12 { hour24 = 0 }
        return hour24 * 60 + minute
    }
}

extension ISODate {
    /// `H:MM` or `HH:MM` and nothing else, the shape almost every note writes, read straight from
    /// the bytes; nil for any other text, which ``timeOfDay(_:)`` then reads in full. Where this
    /// gives minutes, the full reading gives the same.
    static func plainTimeOfDay(_ text: Substring) -> Int? {
        var (hour, minute, hourDigits, minuteDigits, colons) = (0, 0, 0, 0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") {
                colons += 1
            } else if byte &- 0x30 < 10, colons == 0 {
                hour = hour * 10 + Int(byte &- 0x30)
                hourDigits += 1
            } else if byte &- 0x30 < 10, colons == 1 {
                minute = minute * 10 + Int(byte &- 0x30)
                minuteDigits += 1
            } else {
                return nil
            }
            if colons > 1 || hourDigits > 2 || minuteDigits > 2 { return nil }
        }
        guard colons == 1, hourDigits > 0, minuteDigits == 2, hour < 24, minute < 60 else { return nil }
        return hour * 60 + minute
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`, compared byte by byte. A
    /// multi-byte character in `set` (`–`) works too: a scalar is trimmed only when all its
    /// bytes are, and a cut inside a scalar is rounded to its start, which keeps it whole.
    func trimmingCharacters(in set: String) -> String {
        let trim = set.utf8
        let keep = { (byte: UInt8) in !trim.contains(byte) }
        guard let first = utf8.firstIndex(where: keep) else { return "" }
        let last = utf8.lastIndex(where: keep)!
        if first == startIndex, last == utf8.index(before: endIndex) { return String(self) }
        return String(self[first...last])
    }
}

extension String {
    /// ``Substring/trimmingCharacters(in:)``, without a copy when there is nothing to trim.
    func trimmingCharacters(in set: String) -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        var trims = false
        for byte in set.utf8 where byte == first || byte == last {
            trims = true
            break
        }
        return trims ? self[...].trimmingCharacters(in: set) : self
    }
}
