import Testing

@testable import FollowupCore

/// Due phrases, timelines, log-line dates and front-matter dates. The interview in most tables is
/// Wednesday 2026-11-18; Friday is 2026-11-20, Saturday 2026-11-21.
@Suite("Date phrases")
struct DatePhraseTests {
    static let wednesday = "2026-11-18"

    // MARK: Due phrases (counted from the interview, never from today)

    @Test(arguments: [
        ("Send the portfolio 2026-11-25", "2026-11-25"),
        ("Send the portfolio, due 2026-11-25", "2026-11-25"),
        ("Send the code sample by Friday", "2026-11-20"),
        ("Send the code sample by friday", "2026-11-20"),
        ("Send references by Nov 24", "2026-11-24"),
        ("Send references by 24 November", "2026-11-24"),
        ("Email Sarah the slides tomorrow", "2026-11-19"),
        ("Send thank-you notes within 24 hours", "2026-11-19"),
        ("Complete the assessment within 48 hours", "2026-11-20"),
        ("Complete the take-home within 3 days", "2026-11-21"),
        ("Submit the take-home within 5 business days", "2026-11-25"),  // Thu, Fri, Mon, Tue, Wed
        ("Upload the writing sample in two weeks", "2026-12-02"),
        ("Share the deck by end of week", "2026-11-20"),
        ("Share the deck EOW", "2026-11-20"),
        ("Share the deck by end of month", "2026-11-30"),
        ("SEND THE DECK BY FRIDAY", "2026-11-20"),
        ("Send the deck Within 3 Days", "2026-11-21"),
        ("Send the deck eow", "2026-11-20"),
        ("Complete it within five business days", "2026-11-25"),
        ("Send the deck by Fri", "2026-11-20"),
    ])
    func duePhraseFromAWednesdayInterview(text: String, expected: String) {
        #expect(DatePhrase.due(in: text, from: day(Self.wednesday)) == .date(day(expected)))
    }

    @Test func byFridayWhenTheInterviewIsAFriday() {
        // "the first Friday after the interview date": strictly after, so a week later.
        #expect(DatePhrase.due(in: "Send the portfolio by Friday", from: day("2026-11-20")) == .date(day("2026-11-27")))
    }

    @Test func byFridayFromASaturday() {
        #expect(DatePhrase.due(in: "Send the portfolio by Friday", from: day("2026-11-21")) == .date(day("2026-11-27")))
    }

    @Test func withinBusinessDaysFromAFriday() {
        // Fri 2026-11-20 + 5 business days: Mon 23 … Fri 27.
        #expect(
            DatePhrase.due(in: "Return the signed NDA within 5 business days", from: day("2026-11-20"))
                == .date(day("2026-11-27")))
    }

    @Test func endOfWeekFromASaturdayIsTheNextFriday() {
        #expect(DatePhrase.due(in: "Share the deck EOW", from: day("2026-11-21")) == .date(day("2026-11-27")))
    }

    @Test(arguments: [
        ("2026-12-10", "2026-12-31"),  // December: the year's last day
        ("2028-02-10", "2028-02-29"),  // February of a leap year
        ("2024-02-29", "2024-02-29"),  // already the last day
        ("2026-02-03", "2026-02-28"),  // February of a common year
        ("2026-04-01", "2026-04-30"),
    ])
    func endOfMonth(interview: String, expected: String) {
        #expect(DatePhrase.due(in: "Send the deck by end of month", from: day(interview)) == .date(day(expected)))
    }

    @Test func yearLessDateNearTheYearEndTakesTheNextYear() {
        #expect(DatePhrase.due(in: "Send the portfolio by Jan 4", from: day("2026-12-30")) == .date(day("2027-01-04")))
        #expect(
            DatePhrase.due(in: "Send the portfolio by 4 January", from: day("2026-12-30")) == .date(day("2027-01-04")))
    }

    @Test func yearLessDueDateIsCountedForwardFromTheInterview() {
        // Due phrases are "counted from the interview date": in a note of 1 May 2026, "by Nov 24"
        // is the coming 24 November, not the one before the interview.
        #expect(DatePhrase.due(in: "Send the portfolio by Nov 24", from: day("2026-05-01")) == .date(day("2026-11-24")))
    }

    @Test func withinDaysAcrossTheYearEnd() {
        #expect(DatePhrase.due(in: "Complete it within 3 days", from: day("2026-12-30")) == .date(day("2027-01-02")))
        #expect(DatePhrase.due(in: "Send it tomorrow", from: day("2026-12-31")) == .date(day("2027-01-01")))
    }

    @Test func withinDaysAcrossALeapDay() {
        #expect(DatePhrase.due(in: "Complete it within 3 days", from: day("2028-02-27")) == .date(day("2028-03-01")))
        #expect(DatePhrase.due(in: "Complete it within 3 days", from: day("2026-02-27")) == .date(day("2026-03-02")))
    }

    @Test func explicitYearIsKept() {
        #expect(
            DatePhrase.due(in: "Send it by Nov 24, 2027", from: day(Self.wednesday)) == .date(day("2027-11-24")))
    }

    @Test(arguments: [
        "Send the portfolio to Miles",
        "Prepare 2 samples of design work",  // a bare count is not a due date in an item
        "Re-read the job description",
        "",
    ])
    func noDuePhrase(text: String) {
        #expect(DatePhrase.due(in: text, from: day(Self.wednesday)) == .none)
    }

    @Test func unreadableDuePhraseIsQuoted() {
        let reading = DatePhrase.due(in: "Send the portfolio, due soonish", from: day(Self.wednesday))
        #expect(reading == .unrecognised("due soonish"))
    }

    @Test(arguments: ["Send it within reason", "Send it by 11/25", "Deadline unclear"])
    func otherUnreadableDuePhrases(text: String) {
        let reading = DatePhrase.due(in: text, from: day(Self.wednesday))
        guard case .unrecognised = reading else {
            Issue.record("expected an unrecognised due phrase in “\(text)”, got \(reading)")
            return
        }
    }

    @Test func impossibleISODateIsUnrecognised() {
        let reading = DatePhrase.due(in: "Send it 2026-02-30", from: day(Self.wednesday))
        #expect(reading == .unrecognised("2026-02-30"))
    }

    /// An ISO date is a whole word of four digits, a dash, one or two digits, a dash, one or two
    /// digits: read from the word's bytes.
    @Test(arguments: [
        ("Send it 2026-1-5", DueReading.date(Day(year: 2026, month: 1, day: 5)!)),
        ("Send it 2026-11-25", .date(Day(year: 2026, month: 11, day: 25)!)),
        ("Send it 2026-11-255", .none),
        ("Send it 12026-11-25", .none),
        ("Send it 2026-11-25-10", .none),
        ("Send it 2026-011-25", .none),
        ("Send it by 2026-13-01", .unrecognised("2026-13-01")),
        ("Send it 2026-11-25T10", .none),
    ])
    func isoDatesAreWholeWords(text: String, expected: DueReading) {
        #expect(DatePhrase.due(in: text, from: day(Self.wednesday)) == expected)
    }

    // MARK: Timelines

    @Test(arguments: [
        ("2 weeks", "2026-12-02"),
        ("two weeks", "2026-12-02"),
        ("Two Weeks", "2026-12-02"),
        ("a week", "2026-11-25"),
        ("10 days", "2026-11-28"),
        ("5 business days", "2026-11-25"),
        ("a couple of weeks", "2026-12-02"),
        ("by 2026-12-04", "2026-12-04"),
        ("by Friday", "2026-11-20"),
        ("end of month", "2026-11-30"),
        ("end of next week", "2026-11-27"),
        ("1-2 weeks", "2026-12-02"),  // a range counts as its upper bound
        ("a week or two", "2026-12-02"),
        ("within 3 weeks", "2026-12-09"),
        ("Dec 4", "2026-12-04"),
        ("Friday", "2026-11-20"),
    ])
    func timelineFromAWednesdayInterview(text: String, expected: String) {
        #expect(DatePhrase.timelineEnd(text, from: day(Self.wednesday)) == day(expected))
    }

    @Test func timelineByFridayFromAFriday() {
        #expect(DatePhrase.timelineEnd("by Friday", from: day("2026-11-20")) == day("2026-11-27"))
    }

    @Test func timelineAcrossTheYearEnd() {
        #expect(DatePhrase.timelineEnd("2 weeks", from: day("2026-12-22")) == day("2027-01-05"))
        #expect(DatePhrase.timelineEnd("end of month", from: day("2026-12-22")) == day("2026-12-31"))
        #expect(DatePhrase.timelineEnd("end of next week", from: day("2026-12-30")) == day("2027-01-08"))
    }

    @Test(arguments: ["soon", "they will let us know", "TBD", "", "after the holidays"])
    func unreadableTimeline(text: String) {
        #expect(DatePhrase.timelineEnd(text, from: day(Self.wednesday)) == nil)
    }

    // MARK: Dates at the start of log lines

    @Test(arguments: [
        ("2026-11-19: Sent thank-you notes", "2026-11-19", "Sent thank-you notes"),
        ("2026-11-19 sent thank-you notes", "2026-11-19", "sent thank-you notes"),
        ("Nov 19: followed up with Sarah", "2026-11-19", "followed up with Sarah"),
        ("19 November 2026 - heard back", "2026-11-19", "heard back"),
        ("November 25th: checked in", "2026-11-25", "checked in"),
    ])
    func leadingDate(text: String, expected: String, rest: String) throws {
        let found = try #require(DatePhrase.leadingDate(of: text, near: day(Self.wednesday)))
        #expect(found.day == day(expected))
        #expect(found.rest == rest)
    }

    @Test func leadingDateWithoutYearNearTheYearEnd() throws {
        // The spec says a year-less log date "takes the note's year"; the code takes the year nearest
        // the interview, which for a late-December interview is the next year (2027-01-03, not
        // 2026-01-03, a date before the interview). Matches the code: a judgement call.
        let found = try #require(DatePhrase.leadingDate(of: "Jan 3: heard back from Sarah", near: day("2026-12-30")))
        #expect(found.day == day("2027-01-03"))
    }

    @Test func leadingDateWithoutYearTakesTheNotesYear() throws {
        // Spec, "Log": "a date without a year takes the note's year". A note of 1 June 2026 that
        // logs `Dec 10: …` means 2026-12-10. (Reading the year-end case above as "the first such
        // day on or after the interview" gives the same answer here.)
        let found = try #require(DatePhrase.leadingDate(of: "Dec 10: not moving forward", near: day("2026-06-01")))
        #expect(found.day == day("2026-12-10"))
        let november = try #require(DatePhrase.leadingDate(of: "Nov 20: heard back", near: day("2026-05-01")))
        #expect(november.day == day("2026-11-20"))
    }

    @Test(arguments: [
        "Followed up on 2026-11-19",  // the date is not at the start
        "Sent thank-you notes",
        "2026-02-30: impossible",
        "",
    ])
    func noLeadingDate(text: String) {
        #expect(DatePhrase.leadingDate(of: text, near: day(Self.wednesday)) == nil)
    }

    // MARK: Front-matter dates

    @Test(arguments: [
        ("2026-11-18", "2026-11-18", nil as Int?),
        ("2026-11-18 15:30", "2026-11-18", 930),
        ("2026-11-18T15:30", "2026-11-18", 930),
        ("2026-11-18T09:05:00", "2026-11-18", 545),
        ("Nov 18, 2026", "2026-11-18", nil),
        ("November 18, 2026", "2026-11-18", nil),
        ("18 November 2026", "2026-11-18", nil),
        ("2024-02-29", "2024-02-29", nil),
        ("2000-02-29", "2000-02-29", nil),
    ])
    func frontMatterDate(text: String, expected: String, minutes: Int?) {
        #expect(DatePhrase.frontMatterDate(text) == .day(day(expected), minutes: minutes))
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2100-02-29", "2026-13-01", "Feb 30, 2026"])
    func impossibleFrontMatterDate(text: String) {
        #expect(DatePhrase.frontMatterDate(text) == .impossible)
    }

    @Test(arguments: ["last Wednesday", "Nov 18", "2026-11-18 at noon", "18/11/2026", ""])
    func unreadableFrontMatterDate(text: String) {
        #expect(DatePhrase.frontMatterDate(text) == .unreadable)
    }

    /// The bytes-only reading of `HH:MM` answers only where the full reading gives the same:
    /// every pair of one to three digits around colons, signs, spaces and letters.
    @Test func theFastTimeOfDayAgreesWithTheFullReading() {
        let pieces = [
            "", "0", "7", "9", "09", "12", "23", "24", "59", "60", "99", "007", "1a", ":", "::", " ", "+", "pm",
        ]
        var answered = 0
        for hour in pieces {
            for separator in [":", "::", ".", ""] {
                for minute in pieces {
                    let text = hour + separator + minute
                    let fast = ISODate.plainTimeOfDay(text[...])
                    if let fast {
                        answered += 1
                        #expect(fast == ISODate.anyTimeOfDay(text[...]), "\(text)")
                    }
                    #expect(ISODate.timeOfDay(text[...]) == (fast ?? ISODate.anyTimeOfDay(text[...])))
                }
            }
        }
        // `09:07`, `23:59` and the like: the fast reading is used, not skipped.
        #expect(answered > 20)
        #expect(ISODate.plainTimeOfDay("9:05") == 545)
        #expect(ISODate.plainTimeOfDay("3:30 pm") == nil)
    }

    /// Every word a due phrase can start with, in every case: none is skipped by the scanner's
    /// first look at a word (its first letter and length).
    @Test func everyKeywordAndMonthNameStartsADuePhrase() {
        let interview = day(Self.wednesday)
        let keywords = [
            "tomorrow", "today", "EOD", "tonight", "EOW", "eom", "within 2 days", "in 2 days", "end of week",
            "this Friday", "this week", "next Friday", "next week", "by Friday", "due Friday", "before Friday",
            "on Friday", "until Friday", "till Friday",
        ]
        for phrase in keywords {
            guard case .date = DatePhrase.due(in: "Send the deck \(phrase)", from: interview) else {
                Issue.record("“\(phrase)” was not read")
                continue
            }
        }
        let months = MonthName.full + MonthName.full.map { String($0.prefix(3)) } + ["Sept", "sept", "NOVEMBER"]
        for month in months {
            #expect(
                DatePhrase.due(in: "Send the deck \(month) 3", from: interview) != .none, "\(month)")
            #expect(
                DatePhrase.due(in: "Send the deck 3 \(month)", from: interview) != .none, "\(month)")
        }
    }
}
