import BulletinModel

/// Issue numbers: their values (Arabic or Chinese numerals), the 总第 − 第 consistency hint
/// (bulletin-format.md §1: constant within a year), and file names derived from them.
public enum Numbering {
    /// Known 总第 − 第 per title and year (bulletin-format.md §1).
    static let knownOffsets: [String: [Int: Int]] = ["首都精神文明建设情况简报": [2020: 2109, 2021: 2166, 2022: 2192]]

    /// The value of `第33期`, `第九期`, `2021年第5期`, `总第2142期` …: the numeral before the last 期.
    public static func value(of number: String) -> Int? {
        let s = Array(number.unicodeScalars)
        guard let end = s.lastIndex(of: "期"), let start = s[..<end].lastIndex(of: "第") else { return nil }
        return numeral(Array(s[(start + 1)..<end]))
    }

    /// Arabic digits, digit-by-digit Chinese (二〇二一), or with 十百千 (三十三, 一百零五).
    static func numeral(_ s: [Unicode.Scalar]) -> Int? {
        guard !s.isEmpty, s.count <= 9 else { return nil }  // no issue number has more digits; no overflow
        if s.allSatisfy(Scalars.isASCIIDigit) { return Int(s.string) }
        let digits: [Unicode.Scalar: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                                             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]
        if !s.contains(where: { units[$0] != nil }) {
            var value = 0
            for c in s {
                guard let d = digits[c] else { return nil }
                value = value * 10 + d
            }
            return value
        }
        var total = 0, pending = 0
        for c in s {
            if let d = digits[c] {
                pending = d
            } else if let unit = units[c] {
                total += (pending == 0 ? 1 : pending) * unit
                pending = 0
            } else {
                return nil
            }
        }
        return total + pending
    }

    /// Warns when 总第 − 第 differs from the known offset for the title and year.
    static func check(_ masthead: Masthead, log: inout ImportLog) {
        guard let total = masthead.totalNumber.flatMap(value(of:)), let number = value(of: masthead.number),
              let year = IssueDate(parsing: masthead.date)?.year,
              let expected = knownOffsets[masthead.title]?[year], total - number != expected else { return }
        log.warn(at: nil, "masthead numbering: 总第\(total) − 第\(number) = \(total - number), but issues of "
                 + "\(masthead.title) in \(year) have \(expected)", hint: "check the issue and total numbers")
    }

    /// For several imported issues: warns where 总第 − 第 differs from the other issues of the same
    /// title and year (the most common difference wins).
    public static func check(_ issues: [(file: String, masthead: Masthead)]) -> [Diagnostic] {
        var groups: [String: [(file: String, offset: Int)]] = [:]
        for (file, m) in issues {
            guard let total = m.totalNumber.flatMap(value(of:)), let number = value(of: m.number),
                  let year = IssueDate(parsing: m.date)?.year else { continue }
            groups["\(m.title) \(year)", default: []].append((file, total - number))
        }
        var warnings: [Diagnostic] = []
        for (key, members) in groups.sorted(by: { $0.key < $1.key }) where members.count > 2 {
            var counts: [Int: Int] = [:]
            for m in members { counts[m.offset, default: 0] += 1 }
            guard let common = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { continue }
            for m in members where m.offset != common {
                warnings.append(Diagnostic(.warning, file: m.file, message: "masthead numbering: 总第 − 第 = \(m.offset), "
                                           + "but most issues of \(key) have \(common)", hint: "check the issue and total numbers"))
            }
        }
        return warnings
    }

    /// `2020-033` from 2020年7月7日 and 第33期; `2020-S001` for 增刊第1期.
    static func name(_ masthead: Masthead) -> String? {
        guard let year = IssueDate(parsing: masthead.date)?.year, let number = value(of: masthead.number) else { return nil }
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        return "\(year)-\(masthead.number.contains("增刊") ? "S" : "")\(padded)"
    }
}
