/// Small scanners for the textual signatures of bulletin elements (bulletin-format.md §1): issue
/// numbers, dates, heading labels, `label：value` fields, bracketed columns and attributions.
/// Hand-written over scalars: they run once per paragraph, and they say exactly what they accept.
enum BulletinPatterns {
    static let chineseDigits: Set<Unicode.Scalar> = ["〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
                                                     "十", "百", "千", "两"]

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    static func isNumeral(_ s: Unicode.Scalar) -> Bool { isDigit(s) || chineseDigits.contains(s) }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { CharacterKind(s) == .space }

    /// The text without leading and trailing whitespace (ideographic spaces included).
    static func trimmed(_ text: String) -> String {
        // Walks in from both ends only: most texts have nothing to trim and are returned as they are.
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard isSpace(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// Whether the text holds `第 N 期` (digits or Chinese numerals, spaces allowed).
    static func hasIssueNumber(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "第" {
                var j = i + 1
                var numerals = 0
                while j < s.count && (isNumeral(s[j]) || isSpace(s[j])) {
                    if isNumeral(s[j]) { numerals += 1 }
                    j += 1
                }
                if numerals > 0 && j < s.count && s[j] == "期" { return true }
            }
            i += 1
        }
        return false
    }

    /// Splits `第12期（总第2178期）` into the number and the total (without brackets); the total is
    /// nil when the text has none.
    static func splitTotal(_ text: String) -> (number: String, total: String?) {
        let s = Array(text.unicodeScalars)
        for i in s.indices where s[i] == "总" && i + 1 < s.count && s[i + 1] == "第" {
            var start = i
            if start > 0 && (s[start - 1] == "（" || s[start - 1] == "(") { start -= 1 }
            var end = i
            while end < s.count && s[end] != "期" { end += 1 }
            guard end < s.count else { break }
            var totalEnd = end + 1
            let open = s[start]
            if (open == "（" || open == "(") && totalEnd < s.count && (s[totalEnd] == "）" || s[totalEnd] == ")") {
                totalEnd += 1
            }
            let number = trimmed(string(s[0..<start]) + string(s[totalEnd...]))
            return (number, string(s[i...end]))
        }
        return (trimmed(text), nil)
    }

    /// The range (in scalars) of a date `2020年7月7日` / `二〇二〇年七月七日` ending the text, with
    /// spaces allowed between parts; nil when the text does not end in one.
    static func trailingDateStart(_ text: String) -> Int? {
        let s = Array(text.unicodeScalars)
        var end = s.count
        while end > 0 && isSpace(s[end - 1]) { end -= 1 }
        guard end > 0, s[end - 1] == "日" else { return nil }
        // Walk back over numerals, 年, 月 and spaces: day numerals, 月, month numerals, 年, year.
        var i = end - 1
        var marks: [Unicode.Scalar] = []
        var yearIsArabic: Bool?
        while i > 0 {
            let c = s[i - 1]
            // The year's numerals are of one kind (`2020 年`, `2 0 2 0 年`, `二〇二〇年`): a space and
            // then numerals of the other kind end the date (`编印 张三　2024年…`: a name, then the date).
            if let arabic = yearIsArabic, isSpace(c) {
                var j = i - 1
                while j > 0 && isSpace(s[j - 1]) { j -= 1 }
                if j == 0 || !isNumeral(s[j - 1]) || isDigit(s[j - 1]) != arabic { break }
            }
            if isNumeral(c) || isSpace(c) {
                if marks.contains("年") && isNumeral(c) && yearIsArabic == nil { yearIsArabic = isDigit(c) }
                i -= 1
            } else if c == "月" || c == "年" {
                marks.append(c)
                i -= 1
            } else {
                break
            }
        }
        while i < end && isSpace(s[i]) { i += 1 }
        guard marks.contains("月"), marks.contains("年"), i < end, isNumeral(s[i]) else { return nil }
        return i
    }

    /// Splits the issuer and the date of a masthead line (`首都精神文明办 2020年7月7日`).
    static func splitIssuerDate(_ text: String) -> (issuer: String, date: String)? {
        guard let start = trailingDateStart(text) else { return nil }
        let s = Array(text.unicodeScalars)
        return (trimmed(string(s[0..<start])), trimmed(string(s[start...])))
    }

    /// Whether the whole text is a date.
    static func isDate(_ text: String) -> Bool { trailingDateStart(trimmed(text)) == 0 }

    /// A leading `label：` or `label:` of one to four characters (no space, no punctuation in the
    /// label): `责编：`, `报：`, `传真:`. Returns the label and the value after the colon.
    static func labelled(_ text: String) -> (label: String, value: String)? {
        let t = trimmed(text)
        let head = Array(t.unicodeScalars.prefix(6))
        guard let colon = labelColon(head[...]) else { return nil }
        return (string(head[..<colon]), trimmed(String(t.unicodeScalars.dropFirst(colon + 1))))
    }

    /// Where the colon of a `label：` that opens `s` is (one to four ideographs before it), or nil.
    static func labelColon(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        for i in s.startIndex..<min(s.endIndex, s.startIndex + 6) where s[i] == "：" || s[i] == ":" {
            guard i - s.startIndex >= 1, i - s.startIndex <= 4 else { return nil }
            for c in s[s.startIndex..<i] where CharacterKind(c) != .ideograph { return nil }
            return i
        }
        return nil
    }

    /// Labels of the 版记 (distribution) lines.
    static let distributionLabels: Set<String> = ["报", "送", "发", "抄报", "抄送", "分送", "印发", "报送", "发送", "主送"]
    /// Labels of footer fields (编辑 details above the 版记).
    static let footerLabels: Set<String> = ["责编", "核稿", "电话", "传真", "邮箱", "编辑", "审核", "签发", "审稿", "校对",
                                            "联系人", "地址", "邮编", "网址", "责任编辑", "主编"]

    /// `共印200份`, `共印 200 份` (the print run of the 版记).
    static func isPrintRun(_ text: String) -> Bool {
        let t = trimmed(text)
        return t.hasPrefix("共印") && t.hasSuffix("份") && t.unicodeScalars.count <= 16
    }

    /// The inside of a whole-text bracket pair (`【文明创建】` → `文明创建`), or nil.
    static func bracketed(_ text: String, open: Set<Unicode.Scalar>, close: Set<Unicode.Scalar>) -> String? {
        let s = Array(trimmed(text).unicodeScalars)
        guard s.count >= 3, let first = s.first, let last = s.last, open.contains(first), close.contains(last) else { return nil }
        let inner = s[1..<(s.count - 1)]
        // One pair only: `（甲）乙（丙）` is not an attribution.
        if inner.contains(where: { open.contains($0) || close.contains($0) }) { return nil }
        return trimmed(string(inner))
    }

    static func column(_ text: String) -> String? { bracketed(text, open: ["【"], close: ["】"]) }

    /// An attribution line `（海淀区文明办）`: a short unit name in round brackets, no sentence inside.
    static func attribution(_ text: String) -> String? {
        guard let inner = bracketed(text, open: ["（", "("], close: ["）", ")"]) else { return nil }
        let count = inner.unicodeScalars.count
        guard count >= 2, count <= 30, !inner.unicodeScalars.contains(where: { $0.isSentenceEnd || $0 == "，" || $0 == "," })
        else { return nil }
        return inner
    }

    /// An attribution closing a paragraph (`…纪律严明。(海淀区文明办)`, `…新台阶。 （处）`): the text
    /// before it (ending in a sentence mark) and the unit, or nil. A bracket after anything but a
    /// sentence end is part of the sentence (`…条例(试行)》`).
    static func trailingAttribution(_ text: String) -> (before: String, unit: String)? {
        let s = Array(trimmed(text).unicodeScalars)
        guard let last = s.last, last == "）" || last == ")" else { return nil }
        guard let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), open > 0 else { return nil }
        guard let unit = attribution(string(s[open...])) else { return nil }
        var end = open
        while end > 0 && isSpace(s[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        var mark = s[end - 1]
        if (mark == "”" || mark == "’" || mark == "」") && end > 1 { mark = s[end - 2] }
        guard mark.isSentenceEnd || mark == "！" || mark == "？" else { return nil }
        return (string(s[0..<end]), unit)
    }

    /// A heading label at the start: `一、` (1), `（一）` (2), `1.`/`1．`/`1、` (3), `（1）` (4). Returns
    /// the label as printed and the rest.
    static func headingLabel(_ text: String) -> (label: String, rest: String)? {
        let s = Array(trimmed(text).unicodeScalars)
        guard !s.isEmpty else { return nil }
        var i = 0
        if s[0] == "（" || s[0] == "(" {
            i = 1
            let start = i
            while i < s.count && isNumeral(s[i]) && i - start < 4 { i += 1 }
            guard i > start, i < s.count, s[i] == "）" || s[i] == ")" else { return nil }
            i += 1
        } else if isNumeral(s[0]) {
            while i < s.count && isNumeral(s[i]) && i < 4 { i += 1 }
            guard i < s.count else { return nil }
            let mark = s[i]
            let chinese = chineseDigits.contains(s[0])
            if chinese {
                guard mark == "、" else { return nil }
            } else {
                guard mark == "." || mark == "．" || mark == "、" else { return nil }
            }
            i += 1
        } else {
            return nil
        }
        guard i < s.count else { return nil }
        return (string(s[0..<i]), trimmed(string(s[i...])))
    }

    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        // Encoded to UTF-8 first: appending scalars to a String one by one is several times slower.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}
