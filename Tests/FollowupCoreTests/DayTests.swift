import Testing

@testable import FollowupCore

/// `day("2026-11-18")`: a day written in ISO form, for test tables. Shared by every test file of
/// this target. Crashes the test (not silently nil) on a typo.
func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else {
        Issue.record("test data: \(iso) is not a day")
        return Day(ordinal: 0)
    }
    return day
}

@Suite("Day")
struct DayTests {
    // MARK: Civil conversion

    @Test func epochIsOrdinalZero() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.ordinal == -1)
        #expect(Day(year: 2000, month: 3, day: 1)?.ordinal == 11017)
        #expect(Day(year: 2026, month: 11, day: 18)?.ordinal == 20775)
    }

    /// Walks every day from 1600 to 2400 and checks the civil fields step by step against a
    /// hand-counted calendar, and that each converts back to the same ordinal.
    @Test func labelsNameTheWeekdayDayMonthAndYear() {
        #expect(day("2026-11-18").dayAndMonth == "Wednesday 18 November")
        #expect(day("2026-11-18").dateLabel == "18 November 2026")
        #expect(day("0987-01-03").dateLabel == "3 January 987")
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        for ordinal in stride(from: -400_000, to: 400_000, by: 997) {
            let label = Day(ordinal: ordinal)
            #expect(label.dayAndMonth == "\(label.weekday.name) \(label.day) \(names[label.month - 1])")
            #expect(label.dateLabel == "\(label.day) \(names[label.month - 1]) \(label.year)")
        }
    }

    @Test func civilRoundTripsOverEightCenturies() throws {
        var expected = (year: 1600, month: 1, day: 1)
        var current = try #require(Day(year: 1600, month: 1, day: 1))
        var failures = 0
        while expected.year <= 2400 {
            if current.year != expected.year || current.month != expected.month || current.day != expected.day {
                failures += 1
                if failures < 5 {
                    Issue.record("ordinal \(current.ordinal) reads as \(current.iso), expected \(expected)")
                }
            }
            let back = Day(year: expected.year, month: expected.month, day: expected.day)
            if back?.ordinal != current.ordinal {
                failures += 1
                if failures < 5 {
                    Issue.record(
                        "\(expected) converts to \(String(describing: back?.ordinal)), expected \(current.ordinal)")
                }
            }
            // Hand-counted next day.
            let monthLength: Int
            switch expected.month {
            case 2:
                let leap = (expected.year % 4 == 0 && expected.year % 100 != 0) || expected.year % 400 == 0
                monthLength = leap ? 29 : 28
            case 4, 6, 9, 11: monthLength = 30
            default: monthLength = 31
            }
            if expected.day < monthLength {
                expected.day += 1
            } else if expected.month < 12 {
                expected = (expected.year, expected.month + 1, 1)
            } else {
                expected = (expected.year + 1, 1, 1)
            }
            current = current.adding(days: 1)
        }
        #expect(failures == 0)
    }

    @Test(arguments: [
        (1, 1, 1), (1, 12, 31), (1582, 10, 15), (1899, 12, 31), (1900, 3, 1), (1969, 12, 31), (1970, 1, 1),
        (2000, 2, 29), (2024, 2, 29), (2026, 11, 18), (2100, 3, 1), (9999, 12, 31),
    ])
    func civilRoundTripAtExtremes(year: Int, month: Int, dayOfMonth: Int) throws {
        let value = try #require(Day(year: year, month: month, day: dayOfMonth))
        #expect(value.year == year)
        #expect(value.month == month)
        #expect(value.day == dayOfMonth)
        #expect(Day(ordinal: value.ordinal) == value)
        #expect(Day(iso: value.iso) == value)
    }

    @Test func isoIsZeroPadded() {
        #expect(Day(year: 5, month: 1, day: 2)?.iso == "0005-01-02")
        #expect(Day(year: 2026, month: 3, day: 9)?.iso == "2026-03-09")
        #expect(Day(year: 2026, month: 11, day: 18)?.description == "2026-11-18")
    }

    @Test(arguments: [
        (2026, 0, 1), (2026, 13, 1), (2026, 1, 0), (2026, 1, 32), (2026, 4, 31), (2026, 6, 31), (2026, 9, 31),
        (2026, 11, 31), (0, 1, 1), (10000, 1, 1), (2026, 2, 30),
    ])
    func impossibleDaysAreNil(year: Int, month: Int, dayOfMonth: Int) {
        #expect(Day(year: year, month: month, day: dayOfMonth) == nil)
    }

    // MARK: Weekday

    @Test(arguments: [
        ("2026-11-18", Weekday.wednesday), ("2026-11-21", .saturday), ("2026-11-22", .sunday),
        ("2026-11-23", .monday), ("1970-01-01", .thursday), ("1969-12-31", .wednesday),
        ("2000-01-01", .saturday), ("2024-02-29", .thursday), ("0001-01-01", .monday),
        ("2027-01-01", .friday), ("1600-03-01", .wednesday),
    ])
    func weekday(iso: String, expected: Weekday) {
        #expect(day(iso).weekday == expected)
    }

    @Test func weekdayNames() {
        #expect(Weekday.wednesday.name == "Wednesday")
        #expect(Weekday.wednesday.shortName == "Wed")
        #expect(Weekday.named("thurs") == .thursday)
        #expect(Weekday.named("fri") == .friday)
        #expect(Weekday.named("fry") == nil)
    }

    @Test(arguments: [
        ("2026-11-20", true), ("2026-11-21", false), ("2026-11-22", false), ("2026-11-23", true),
    ])
    func businessDay(iso: String, expected: Bool) {
        #expect(day(iso).isBusinessDay == expected)
    }

    // MARK: Leap days

    @Test(arguments: [
        (2024, true), (2000, true), (2028, true), (2026, false), (2100, false), (1900, false), (2400, true),
    ])
    func leapDay(year: Int, exists: Bool) {
        #expect((Day(year: year, month: 2, day: 29) != nil) == exists)
        #expect(Day.isLeap(year) == exists)
        #expect((Day(iso: "\(year)-02-29") != nil) == exists)
    }

    @Test func dayAfterLeapDayAndAfterFebruary28() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-29").adding(days: 1) == day("2024-03-01"))
        #expect(day("2026-02-28").adding(days: 1) == day("2026-03-01"))
        #expect(day("2100-02-28").adding(days: 1) == day("2100-03-01"))
        #expect(day("2000-02-28").adding(days: 1) == day("2000-02-29"))
    }

    // MARK: Month ends and year end

    @Test(arguments: [
        ("2026-01-15", "2026-01-31"), ("2026-02-10", "2026-02-28"), ("2024-02-10", "2024-02-29"),
        ("2100-02-01", "2100-02-28"), ("2026-04-30", "2026-04-30"), ("2026-11-18", "2026-11-30"),
        ("2026-12-01", "2026-12-31"),
    ])
    func endOfMonth(from: String, expected: String) {
        #expect(day(from).endOfMonth == day(expected))
    }

    @Test func yearEnd() {
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2027-01-01").adding(days: -1) == day("2026-12-31"))
        #expect(day("1999-12-31").adding(days: 1) == day("2000-01-01"))
        #expect(day("2026-12-25").adding(days: 10) == day("2027-01-04"))
        #expect(day("2026-11-30").adding(days: 1) == day("2026-12-01"))
        #expect(day("2026-12-31").days(until: day("2027-01-01")) == 1)
        #expect(day("2024-01-01").days(until: day("2025-01-01")) == 366)
        #expect(day("2026-01-01").days(until: day("2027-01-01")) == 365)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-01-15", 1, "2026-02-15"),
        ("2026-03-31", 1, "2026-04-30"), ("2026-12-15", 1, "2027-01-15"), ("2026-10-31", 4, "2027-02-28"),
        ("2026-11-30", 3, "2027-02-28"), ("2024-02-29", 12, "2025-02-28"), ("2026-03-31", -1, "2026-02-28"),
        ("2026-01-15", -1, "2025-12-15"), ("2026-05-31", 0, "2026-05-31"),
    ])
    func addingMonthsClamps(from: String, months: Int, expected: String) {
        #expect(day(from).adding(months: months) == day(expected))
    }

    // MARK: Business days

    @Test(arguments: [
        ("2026-11-18", 5, "2026-11-25"),  // Wed + 5 crosses one weekend
        ("2026-11-20", 1, "2026-11-23"),  // Fri + 1 is Mon
        ("2026-11-21", 1, "2026-11-23"),  // Sat + 1 is Mon
        ("2026-11-22", 1, "2026-11-23"),  // Sun + 1 is Mon
        ("2026-11-20", 10, "2026-12-04"),  // two weekends
        ("2026-11-19", 1, "2026-11-20"),  // Thu + 1 is Fri
        ("2026-12-30", 3, "2027-01-04"),  // across the year end and a weekend
        ("2026-11-21", 0, "2026-11-21"),  // no days to add: unchanged even on a weekend
    ])
    func addingBusinessDays(from: String, count: Int, expected: String) {
        #expect(day(from).adding(businessDays: count) == day(expected))
    }

    @Test(arguments: [
        ("2026-11-18", "2026-11-18"), ("2026-11-20", "2026-11-20"), ("2026-11-21", "2026-11-23"),
        ("2026-11-22", "2026-11-23"), ("2027-01-02", "2027-01-04"),
    ])
    func onBusinessDay(from: String, expected: String) {
        #expect(day(from).onBusinessDay == day(expected))
    }

    // MARK: next(_:) and onOrAfter(_:)

    @Test(arguments: [
        ("2026-11-18", Weekday.friday, "2026-11-20"),
        ("2026-11-18", .wednesday, "2026-11-25"),  // strictly after: a week later, not the same day
        ("2026-11-20", .friday, "2026-11-27"),
        ("2026-11-21", .sunday, "2026-11-22"),
        ("2026-11-21", .saturday, "2026-11-28"),
        ("2026-11-18", .monday, "2026-11-23"),
        ("2026-12-30", .friday, "2027-01-01"),
    ])
    func next(from: String, weekday: Weekday, expected: String) {
        #expect(day(from).next(weekday) == day(expected))
    }

    @Test func onOrAfterKeepsTheSameWeekday() {
        #expect(day("2026-11-20").onOrAfter(.friday) == day("2026-11-20"))
        #expect(day("2026-11-18").onOrAfter(.friday) == day("2026-11-20"))
    }

    // MARK: Day(iso:)

    @Test(arguments: [
        ("2026-11-18", "2026-11-18"), ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"),
        ("2026-1-5", "2026-01-05"),  // one-digit month and day are accepted
    ])
    func isoReads(text: String, expected: String) throws {
        let value = try #require(Day(iso: text))
        #expect(value.iso == expected)
    }

    @Test(arguments: [
        "", "2026-02-29", "2100-02-29", "2026-02-30", "2026-13-01", "2026-11-18x", " 2026-11-18", "2026-11-18 ",
        "26-11-18", "2026/11/18", "2026-11-180", "20261118", "Nov 18, 2026", "2026-11-18T15:30",
    ])
    func isoRejects(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func comparable() {
        #expect(day("2026-11-18") < day("2026-11-19"))
        #expect(day("2026-12-31") < day("2027-01-01"))
        #expect(!(day("2026-11-18") < day("2026-11-18")))
    }

    @Test func labels() {
        #expect(day("2026-11-21").longLabel == "Saturday 21 November 2026")
        #expect(day("2026-12-03").shortLabel(relativeTo: 2026) == "Thu 3 Dec")
        #expect(day("2027-01-04").shortLabel(relativeTo: 2026) == "Mon 4 Jan 2027")
    }

    /// NEXT.md writes the short label from tables of bytes: the same text, every day of three years.
    @Test func nextMarkdownsShortLabelIsTheDaysShortLabel() {
        let start = day("2025-01-01").ordinal
        for ordinal in start..<(start + 3 * 366) {
            let date = Day(ordinal: ordinal)
            var bytes = Bytes()
            bytes.appendShortLabel(date, relativeTo: 2026)
            #expect(bytes.string == date.shortLabel(relativeTo: 2026))
        }
    }
}
