/// A calendar day, with no time of day and no time zone.
///
/// Follow-up advice speaks in days ("within 24 hours", "a week after"), so every date in followup
/// is a `Day`. It is stored as a count of days since 1970-01-01, which makes adding days and
/// comparing trivial; the civil-date conversions are Howard Hinnant's `days_from_civil` and
/// `civil_from_days`, exact for the proleptic Gregorian calendar.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// The day with this year, month (1–12) and day of month, or nil when there is no such day
    /// (`2026-02-30`, `2025-02-29`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
            (1...9999).contains(year)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146097 + dayOfEra - 719468
    }

    /// The day written as `YYYY-MM-DD`, or nil when the text is not exactly such a real day.
    public init?(iso text: String) {
        guard let (fields, end) = ISODate.fields(text[...]), end == text.endIndex else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((ordinal % 7) + 7 + 4) % 7)!
    }

    public var isBusinessDay: Bool { weekday != .saturday && weekday != .sunday }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The day `count` business days (Monday to Friday) after this one.
    public func adding(businessDays count: Int) -> Day {
        var day = self
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if day.isBusinessDay { left -= 1 }
        }
        return day
    }

    /// This day if it is a business day, otherwise the Monday after it.
    public var onBusinessDay: Day {
        var day = self
        while !day.isBusinessDay { day = day.adding(days: 1) }
        return day
    }

    /// The first `weekday` strictly after this day.
    public func next(_ weekday: Weekday) -> Day {
        let ahead = (weekday.rawValue - self.weekday.rawValue + 7) % 7
        return adding(days: ahead == 0 ? 7 : ahead)
    }

    /// This day if it is a `weekday`, otherwise the first one after it.
    public func onOrAfter(_ weekday: Weekday) -> Day {
        self.weekday == weekday ? self : next(weekday)
    }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
    }

    /// The same day of the month `count` months later, clamped to that month's last day
    /// (Jan 31 plus one month is Feb 28, or Feb 29 in a leap year).
    public func adding(months count: Int) -> Day {
        let total = year * 12 + (month - 1) + count
        let newYear = total / 12
        let newMonth = total % 12 + 1
        return Day(year: newYear, month: newMonth, day: min(day, Day.daysIn(month: newMonth, year: newYear)))!
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// `2026-11-21`.
    public var iso: String {
        let (y, m, d) = civil
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A day of the week; raw values count from Sunday = 0.
public enum Weekday: Int, Sendable, CaseIterable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// `Mon`, `Tue`, …
    public var shortName: String { String(name.prefix(3)) }

    /// `Monday`, `Tuesday`, …
    public var name: String {
        switch self {
        case .sunday: "Sunday"
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        }
    }
}

/// Month names as people write them, for reading and writing dates.
public enum MonthName {
    public static let full = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// `Jan` … `Dec`.
    public static func short(_ month: Int) -> String { String(full[month - 1].prefix(3)) }

    /// Full and three-letter names, and `sept`, in lower case.
    private static let numbers: [String: Int] = {
        var table = ["sept": 9]
        for (index, name) in full.enumerated() {
            table[name.lowercased()] = index + 1
            table[String(name.lowercased().prefix(3))] = index + 1
        }
        return table
    }()

    /// Every name ``number(_:)`` knows, in lower case.
    static var lowercasedNames: [String] { Array(numbers.keys) }

    /// The month for a word's key (its lower case, without a trailing period): no string made or
    /// hashed.
    static func number(_ key: WordKey) -> Int? { byKey[key] }

    private static let byKey = WordTable<Int>(numbers.map { (WordKey($0.key), $0.value) })
}
