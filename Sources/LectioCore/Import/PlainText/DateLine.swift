/// A line that holds only a date (`January 16, 1796.`, `Monday, 3rd March`, `16 JANUARY 1796`):
/// a diary's entries and a collection's letters open with one.
struct DateLine: Equatable {
    var year: Int?
    var month: Int
    var day: Int

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The date a line holds and nothing else, or `nil`.
    init?(_ line: Substring) {
        let t = line.trimmedSpaces
        guard t.prefix(41).count <= 40, let first = t.first, first.isLetter || first.isNumber else { return nil }
        var words = t.split(whereSeparator: { $0 == " " || $0 == "," }).map { w in
            String(w.hasSuffix(".") ? w.dropLast() : w[...]).lowercased()
        }
        if let w = words.first, Self.weekdays.contains(w) { words.removeFirst() }
        guard words.count == 2 || words.count == 3 else { return nil }
        func day(_ w: String) -> Int? {
            var digits = Substring(w)
            for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
            guard let d = Int(digits), (1...31).contains(d) else { return nil }
            return d
        }
        if let m = Self.months[words[0]], let d = day(words[1]) {
            month = m; self.day = d
        } else if let d = day(words[0]), let m = Self.months[words[1]] {
            month = m; self.day = d
        } else {
            return nil
        }
        if words.count == 3 {
            guard let y = Int(words[2]), (1000...2999).contains(y) else { return nil }
            year = y
        }
    }

    /// Whether these dates, in reading order, run forward (a year carried over from the last
    /// date that named one, and a month that goes back turning the year): at least four in five.
    static func runForward(_ dates: [DateLine]) -> Bool {
        guard dates.count >= 2 else { return false }
        var year = 0
        var previous = -1
        var forward = 0
        for date in dates {
            var key = (date.year ?? year) * 400 + date.month * 32 + date.day
            if date.year == nil, key < previous { year += 1; key += 400 }
            if let y = date.year { year = y }
            if key >= previous { forward += 1 }
            previous = key
        }
        return (forward - 1) * 5 >= (dates.count - 1) * 4
    }
}
