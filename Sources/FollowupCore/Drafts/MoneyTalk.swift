/// Words about pay and benefits, which no draft ever raises.
///
/// Career advice is unanimous that a thank-you or a check-in is not the place to bring up money,
/// so the specifics picker skips every note sentence that mentions it, and the tests scan every
/// draft for these words.
public enum MoneyTalk {
    /// Whole words, in lower case.
    public static let words: Set<String> = [
        "salary", "salaries", "compensation", "comp", "pay", "pays", "paid", "paying", "payroll", "paycheck",
        "benefit", "benefits", "bonus", "bonuses", "equity", "stock", "stocks", "rsu", "rsus", "shares", "pension",
        "401k", "wage", "wages", "band", "perks", "perk", "money", "raise", "stipend", "allowance", "relocation",
        "vacation", "pto", "severance", "usd", "eur", "gbp", "chf", "dollars", "euros", "pounds", "francs",
    ]

    /// Whether `text` mentions pay or benefits: one of ``words``, a currency sign, or an amount
    /// like `165k`.
    public static func mentions(_ text: String) -> Bool {
        if text.contains(where: { "$€£¥₹".contains($0) }) { return true }
        return Word.split(text).contains { word in
            let lower = word.lower(in: text)
            if words.contains(lower) { return true }
            // 140k, 165K: an amount of money in notes.
            return lower.count >= 2 && lower.hasSuffix("k") && lower.dropLast().allSatisfy(\.isASCIIDigit)
        }
    }
}
