import BulletinModel

/// Hand-written matchers for the fixed forms of a bulletin (bulletin-format.md §1), on scalars.
/// Each returns the length matched at a position, or nil; none uses regular expressions, so the
/// importer stays linear on large inputs.
enum Patterns {
    typealias Text = [Unicode.Scalar]

    static func has(_ s: Text, _ literal: String, at i: Int) -> Bool {
        var k = i
        for c in literal.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    /// The first of `literals` found at `i` (longest listed first), as its length.
    static func oneOf(_ s: Text, _ literals: [String], at i: Int) -> Int? {
        for literal in literals where has(s, literal, at: i) { return literal.unicodeScalars.count }
        return nil
    }

    /// Length of a run of scalars satisfying `test` at `i`.
    static func run(_ s: Text, at i: Int, _ test: (Unicode.Scalar) -> Bool) -> Int {
        var k = i
        while k < s.count && test(s[k]) { k += 1 }
        return k - i
    }

    static func isNumeral(_ c: Unicode.Scalar) -> Bool { Scalars.isASCIIDigit(c) || Scalars.isChineseNumeral(c) }

    static func isChineseDigit(_ c: Unicode.Scalar) -> Bool {
        Scalars.isChineseNumeral(c) && c != "十" && c != "百" && c != "千" && c != "两"
    }

    /// `2021年` or `二〇二一年` at `i`.
    static func yearLength(_ s: Text, at i: Int) -> Int? {
        let digits = run(s, at: i, Scalars.isASCIIDigit)
        if digits == 4, has(s, "年", at: i + 4) { return 5 }
        let chinese = run(s, at: i, isChineseDigit)
        if chinese == 4, has(s, "年", at: i + 4) { return 5 }
        return nil
    }

    // MARK: Masthead

    /// `第33期`, `第九期`, `2021年第5期`, `增刊第1期`, `第2期（增刊）` at `i`.
    static func issueNumberLength(_ s: Text, at i: Int) -> Int? {
        var j = i
        if let year = yearLength(s, at: j) { j += year }
        if has(s, "增刊", at: j) { j += 2 }
        guard has(s, "第", at: j) else { return nil }
        j += 1
        let digits = run(s, at: j, isNumeral)
        guard digits > 0, has(s, "期", at: j + digits) else { return nil }
        j += digits + 1
        if let suffix = oneOf(s, ["（增刊）", "(增刊)", "增刊"], at: j) { j += suffix }
        return j - i
    }

    /// `总第2142期` with optional brackets of either width at `i`: (length, range of the inner text).
    static func totalNumber(_ s: Text, at i: Int) -> (length: Int, inner: Range<Int>)? {
        var j = i
        let open = j < s.count && (s[j] == "（" || s[j] == "(")
        if open { j += 1 }
        let start = j
        guard has(s, "总第", at: j) else { return nil }
        j += 2
        let digits = run(s, at: j, isNumeral)
        guard digits > 0, has(s, "期", at: j + digits) else { return nil }
        j += digits + 1
        let inner = start..<j
        if open {
            guard j < s.count, s[j] == "）" || s[j] == ")" else { return nil }
            j += 1
        }
        return (j - i, inner)
    }

    /// A date `2020年7月7日` or `二〇二〇年七月七日` at `i`.
    static func dateLength(_ s: Text, at i: Int) -> Int? {
        guard let year = yearLength(s, at: i) else { return nil }
        var j = i + year
        let month = max(run(s, at: j, Scalars.isASCIIDigit), run(s, at: j, Scalars.isChineseNumeral))
        guard (1...3).contains(month), has(s, "月", at: j + month) else { return nil }
        j += month + 1
        let day = max(run(s, at: j, Scalars.isASCIIDigit), run(s, at: j, Scalars.isChineseNumeral))
        guard (1...3).contains(day), has(s, "日", at: j + day) else { return nil }
        j += day + 1
        guard IssueDate(parsing: Array(s[i..<j]).string) != nil else { return nil }
        return j - i
    }

    /// Where a date ends the text: its start index.
    static func dateAtEnd(_ s: Text) -> Int? {
        for start in max(0, s.count - 13)..<s.count where dateLength(s, at: start) == s.count - start {
            return start
        }
        return nil
    }

    /// Lines printed above the title: 内部资料, 注意保存, 密级, serial numbers.
    static func isExtraMastheadLine(_ s: Text) -> Bool {
        let markers = ["内部资料", "注意保存", "内部刊物", "内部参阅", "内部文件", "秘密", "机密", "绝密", "密级",
                       "★", "编号", "No.", "NO.", "No．", "份号", "请勿外传", "仅供"]
        return (0..<s.count).contains { i in markers.contains { has(s, $0, at: i) } }
    }

    /// Words that bulletin titles end in.
    static func hasTitleWord(_ s: Text) -> Bool {
        let words = ["简报", "动态", "专报", "快报", "通讯", "信息", "通报", "要情", "参考", "周报", "月报", "情况", "工作"]
        return (0..<s.count).contains { i in words.contains { has(s, $0, at: i) } }
    }

    // MARK: Body

    /// A heading label at the start: `一、` (1), `（一）` (2), `1.` `1．` `1、` (3), `（1）` (4).
    static func headingLabel(_ s: Text) -> (length: Int, level: Int)? {
        guard let first = s.first else { return nil }
        if Scalars.isChineseNumeral(first) {
            let n = run(s, at: 0, Scalars.isChineseNumeral)
            if n <= 3, has(s, "、", at: n) { return (n + 1, 1) }
            return nil
        }
        if first == "（" || first == "(" {
            let cn = run(s, at: 1, Scalars.isChineseNumeral)
            if (1...3).contains(cn), 1 + cn < s.count, s[1 + cn] == "）" || s[1 + cn] == ")" { return (cn + 2, 2) }
            let digits = run(s, at: 1, Scalars.isASCIIDigit)
            if (1...2).contains(digits), 1 + digits < s.count, s[1 + digits] == "）" || s[1 + digits] == ")" {
                return (digits + 2, 4)
            }
            return nil
        }
        if Scalars.isASCIIDigit(first) {
            let digits = run(s, at: 0, Scalars.isASCIIDigit)
            guard digits <= 2, digits < s.count, s[digits] == "." || s[digits] == "．" || s[digits] == "、" else { return nil }
            // `1.2万` is a number, not a label.
            if digits + 1 < s.count, Scalars.isASCIIDigit(s[digits + 1]) { return nil }
            return (digits + 1, 3)
        }
        return nil
    }

    /// `第一，` `第二、` at the start of a paragraph: a run-in label (kept in the text).
    static func runInLabelLength(_ s: Text) -> Int? {
        guard has(s, "第", at: 0) else { return nil }
        let n = run(s, at: 1, Scalars.isChineseNumeral)
        guard (1...3).contains(n), 1 + n < s.count, "，、,：:".unicodeScalars.contains(s[1 + n]) else { return nil }
        return n + 2
    }

    /// `编者按：`, `按语：`, `编后：`, `【编者按】` at the start.
    static func editorsNoteLabel(_ s: Text) -> Int? {
        if let n = oneOf(s, ["【编者按】", "【按语】", "【编后】"], at: 0) { return n }
        guard let n = oneOf(s, ["编者按", "编者的话", "按语", "编后语", "编后"], at: 0) else { return nil }
        guard n < s.count, s[n] == "：" || s[n] == ":" else { return nil }
        return n + 1
    }

    /// `注：`, `附：`, `附件：`, `备注：` at the start: a note set apart from the body.
    static func noteLabel(_ s: Text) -> Int? {
        guard let n = oneOf(s, ["附件", "备注", "注", "附"], at: 0) else { return nil }
        let m = n + run(s, at: n, Scalars.isASCIIDigit)
        guard m < s.count, s[m] == "：" || s[m] == ":" else { return nil }
        return m + 1
    }

    // MARK: Footer and 版记

    static let footerLabels = ["责任编辑", "责编", "编辑", "核稿", "审核", "审稿", "签发", "校对", "联系电话", "电话",
                               "传真", "电子邮箱", "邮箱", "E-mail", "Email", "E-MAIL", "地址", "邮编", "联系人", "网址"]
    static let distributionLabels = ["抄报", "抄送", "主送", "分送", "印发", "报送", "报", "送", "发"]

    /// A footer label and its colon (either width, spaces allowed before it) at `i`: (label length, total length).
    static func footerLabel(_ s: Text, at i: Int) -> (label: Int, length: Int)? {
        labelWithColon(s, at: i, footerLabels)
    }

    static func distributionLabel(_ s: Text) -> (label: Int, length: Int)? {
        labelWithColon(s, at: 0, distributionLabels)
    }

    private static func labelWithColon(_ s: Text, at i: Int, _ labels: [String]) -> (label: Int, length: Int)? {
        for label in labels where has(s, label, at: i) {
            let n = label.unicodeScalars.count
            let colon = i + n + run(s, at: i + n, Scalars.isSpace)
            if colon < s.count, s[colon] == "：" || s[colon] == ":" { return (n, colon + 1 - i) }
        }
        return nil
    }

    /// `共印200份` (optionally bracketed) ending the text: its start.
    static func printRunAtEnd(_ s: Text) -> Int? {
        var end = s.count
        var closed = false
        if end > 0, s[end - 1] == "）" || s[end - 1] == ")" { end -= 1; closed = true }
        guard end > 0, s[end - 1] == "份" else { return nil }
        var j = end - 1
        while j > 0 && (isNumeral(s[j - 1]) || Scalars.isSpace(s[j - 1])) { j -= 1 }
        guard j < end - 1, j >= 2, has(s, "共印", at: j - 2) else { return nil }
        var start = j - 2
        if closed {
            guard start > 0, s[start - 1] == "（" || s[start - 1] == "(" else { return nil }
            start -= 1
        }
        return start
    }
}
