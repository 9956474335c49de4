/// A calendar date read from a masthead date such as `2020年7月7日`, `2020 年 7 月 7 日` or
/// `二〇二〇年七月七日`.
public struct IssueDate: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses Arabic or Chinese numerals around 年, 月 and 日; nil when the text is not a date.
    public init?(parsing text: String) {
        let cleaned = text.filter { !$0.isWhitespace }
        guard let y = cleaned.firstIndex(of: "年"), let m = cleaned.firstIndex(of: "月"),
              let d = cleaned.firstIndex(of: "日"), y < m, m < d else { return nil }
        guard let year = IssueDate.number(cleaned[cleaned.startIndex..<y], digitwise: true),
              let month = IssueDate.number(cleaned[cleaned.index(after: y)..<m], digitwise: false),
              let day = IssueDate.number(cleaned[cleaned.index(after: m)..<d], digitwise: false),
              (1...12).contains(month), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static let chineseDigits: [Character: Int] = [
        "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Arabic digits, or Chinese numerals: digit by digit for years (二〇二〇), with 十 for
    /// months and days (十二, 二十一).
    private static func number(_ text: Substring, digitwise: Bool) -> Int? {
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(text) }
        if text.isEmpty { return nil }
        if digitwise {
            var value = 0
            for c in text {
                guard let d = chineseDigits[c] else { return nil }
                value = value * 10 + d
            }
            return value
        }
        if let ten = text.firstIndex(of: "十") {
            let tens = text[text.startIndex..<ten].isEmpty ? 1 : chineseDigits[text[text.startIndex]]
            let rest = text[text.index(after: ten)...]
            let ones = rest.isEmpty ? 0 : (rest.count == 1 ? chineseDigits[rest.first!] : nil)
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        }
        guard text.count == 1, let d = chineseDigits[text.first!] else { return nil }
        return d
    }
}
