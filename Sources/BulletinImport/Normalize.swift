/// Step 4 — punctuation width and spaces (bulletin-format.md §2.2, §2.3), per chunk, after the
/// page breaks are healed so that a mark at a break sees its real neighbours.
///
/// - Width: a half-width `, ; : ? !` becomes `， ； ： ？ ！` when a neighbour (skipping spaces and
///   `*`) is Chinese; `1,000`, `10:30` stay. Brackets are matched pairwise across both widths and
///   a pair is made full-width when either bracket already is or when any neighbour of either
///   (inside or outside) is Chinese; `(Beijing)` in Latin text stays.
/// - Spaces: a space next to Chinese punctuation is removed; a single space between a Chinese
///   character and a Western letter, digit or `%` is removed (the typesetter adds its own
///   spacing); a space between two Chinese phrases (`常态化推进 项目化落实`) is content and kept.
/// - E-mail addresses and URLs are never touched.
enum Normalize {
    static func chunks(_ chunks: [Chunk], log: inout ImportLog) -> [Chunk] {
        var result: [Chunk] = []
        result.reserveCapacity(chunks.count)
        for chunk in chunks {
            var normalized = chunk
            let protected = protectedMask(chunk.text.scalars)
            normalized.text = spaces(widths(chunk.text, protected, log: &log), protected, log: &log)
            result.append(normalized)
        }
        return result
    }

    // MARK: Width

    static func widths(_ text: SourceString, _ protected: [Bool], log: inout ImportLog) -> SourceString {
        var s = text.scalars
        var convert = [Bool](repeating: false, count: s.count)
        var reasons: [Int: String] = [:]
        var stack: [Int] = []
        var lone: [Int] = []
        for i in 0..<s.count where protected.isEmpty || !protected[i] {
            switch s[i] {
            case "(", "（": stack.append(i)
            case ")", "）":
                if let open = stack.popLast() {
                    // Chinese inside, or Latin inside with Chinese on both sides: `报道(Xinhua)。`;
                    // `Word (in English) 然后` stays.
                    var inner = false
                    for k in (open + 1)..<i where Scalars.isChinese(s[k]) { inner = true; break }
                    let pairIsChinese = s[open] == "（" || s[i] == "）" || inner
                        || (isChinese(neighbour(s, open, -1)) && isChinese(neighbour(s, i, 1)))
                    if pairIsChinese {
                        for k in [open, i] where s[k] == "(" || s[k] == ")" {
                            convert[k] = true
                            reasons[k] = "bracket pair in Chinese text"
                        }
                    }
                } else {
                    lone.append(i)
                }
            case ",", ";", ":", "?", "!":
                if isChinese(neighbour(s, i, -1)) || isChinese(neighbour(s, i, 1)) { convert[i] = true }
            default: break
            }
        }
        for k in lone + stack where s[k] == "(" || s[k] == ")" {
            if isChinese(neighbour(s, k, -1)) || isChinese(neighbour(s, k, 1)) {
                convert[k] = true
                reasons[k] = "unpaired bracket next to a Chinese character"
            }
        }
        for i in 0..<s.count where convert[i] {
            guard let full = Scalars.fullWidth(of: s[i]) else { continue }
            log.replace(at: text.origins[i], with: String(Character(full)), rule: .width,
                        reasons[i] ?? "next to a Chinese character")
            s[i] = full
        }
        return SourceString(scalars: s, origins: text.origins)
    }

    // MARK: Spaces

    static func spaces(_ text: SourceString, _ protected: [Bool], log: inout ImportLog) -> SourceString {
        let s = text.scalars
        guard s.contains(where: Scalars.isSpace) else { return text }
        let isBody = s.count > 40
        var out = SourceString()
        out.scalars.reserveCapacity(s.count)
        out.origins.reserveCapacity(s.count)
        var depth = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "“" || c == "《" || c == "‘" { depth += 1 }
            if (c == "”" || c == "》" || c == "’") && depth > 0 { depth -= 1 }
            guard Scalars.isSpace(c), protected.isEmpty || !protected[i] else {
                out.append(c, origin: text.origins[i])
                i += 1
                continue
            }
            var end = i
            while end < s.count && Scalars.isSpace(s[end]) && (protected.isEmpty || !protected[end]) { end += 1 }
            var run = text.slice(i..<end)
            let left = neighbour(s, i, -1, skipSpaces: false), right = neighbour(s, end - 1, 1, skipSpaces: false)
            let decision = decide(left, right, count: end - i)
            if case .remove = decision {} else {
                // A tab kept in the text would be a control character in the issue JSON.
                for k in 0..<run.count where run[k] == "\t" {
                    log.replace(at: run.origins[k], with: " ", rule: .space, "a tab inside the text becomes a space")
                    run.scalars[k] = " "
                }
            }
            switch decision {
            case .remove(let reason):
                log.remove(run, rule: .space, reason)
            case .keepAsContent:
                out.append(run)
                if let left, let right, Scalars.isHan(left) || Scalars.isHan(right) || isOpeningMark(right) {
                    log.guess(at: run.origins[0], String(Character(left)) + run.string + String(Character(right)),
                              takenAs: "content (kept)", rule: .space,
                              depth > 0 ? "a space between Chinese phrases inside quotes" : "a space between Chinese phrases",
                              uncertain: isBody && depth == 0)
                }
            case .keepSeveral:
                out.append(run)
                if isBody {
                    log.guess(at: run.origins[0], run.string, takenAs: "content (kept)", rule: .space,
                              "several spaces between Chinese and Western text", uncertain: true)
                }
            case .keep:
                out.append(run)
            }
            i = end
        }
        return out
    }

    private enum SpaceDecision { case remove(String), keepAsContent, keepSeveral, keep }

    private static func decide(_ left: Unicode.Scalar?, _ right: Unicode.Scalar?, count: Int) -> SpaceDecision {
        guard let left, let right else { return .remove("space at the edge of a line") }
        // After any Chinese mark, or before one that closes or separates, a space is an artifact;
        // before an opening mark (“ 《 （) it can separate two phrases, like a space between Han.
        if Scalars.isChinesePunctuation(left) || (Scalars.isChinesePunctuation(right) && !isOpeningMark(right)) {
            return .remove("space next to Chinese punctuation")
        }
        if isOpeningMark(right) { return Scalars.isChinese(left) || Scalars.isWestern(left) ? .keepAsContent : .keep }
        let mixed = (Scalars.isChinese(left) && Scalars.isWestern(right)) || (Scalars.isWestern(left) && Scalars.isChinese(right))
        if mixed { return count == 1 ? .remove("space between Chinese and Western text; the typesetter adds its own") : .keepSeveral }
        if Scalars.isChinese(left) && Scalars.isChinese(right) { return .keepAsContent }
        return .keep
    }

    // MARK: Helpers

    private static func isOpeningMark(_ c: Unicode.Scalar) -> Bool {
        c == "“" || c == "‘" || c == "《" || c == "（" || c == "【" || c == "「" || c == "『" || c == "〔"
    }

    private static func isChinese(_ c: Unicode.Scalar?) -> Bool { c.map(Scalars.isChinese) ?? false }

    /// The nearest scalar from `i` in direction `step` that is not a space or `*`.
    static func neighbour(_ s: [Unicode.Scalar], _ i: Int, _ step: Int, skipSpaces: Bool = true) -> Unicode.Scalar? {
        var j = i + step
        while j >= 0 && j < s.count && (s[j] == "*" || (skipSpaces && Scalars.isSpace(s[j]))) { j += step }
        return j >= 0 && j < s.count ? s[j] : nil
    }

    /// E-mail addresses and URLs: kept verbatim. Empty when the text has none.
    static func protectedMask(_ s: [Unicode.Scalar]) -> [Bool] {
        // Most paragraphs have neither: a cheap scan first, and no mask (empty) when there is none.
        var candidate = false
        for c in s where c == "@" || c == "/" || c == "w" || c == "W" { candidate = true; break }
        guard candidate else { return [] }
        var mask = [Bool](repeating: false, count: s.count)
        func local(_ c: Unicode.Scalar) -> Bool { Scalars.isASCIIAlnum(c) || "._%+-".unicodeScalars.contains(c) }
        func domain(_ c: Unicode.Scalar) -> Bool { Scalars.isASCIIAlnum(c) || c == "." || c == "-" }
        func url(_ c: Unicode.Scalar) -> Bool {
            Scalars.isASCIIAlnum(c) || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(c)
        }
        var i = 0
        while i < s.count {
            if s[i] == "@" {
                var a = i, b = i + 1
                while a > 0 && local(s[a - 1]) { a -= 1 }
                while b < s.count && domain(s[b]) { b += 1 }
                while b > i + 1 && (s[b - 1] == "." || s[b - 1] == "-") { b -= 1 }
                if a < i, b > i + 1, s[(i + 1)..<b].contains(".") {
                    for k in a..<b { mask[k] = true }
                    i = b
                    continue
                }
            }
            if (s[i] == "h" || s[i] == "f" || s[i] == "w" || s[i] == "W")
                && (Patterns.has(s, "http://", at: i) || Patterns.has(s, "https://", at: i) || Patterns.has(s, "ftp://", at: i)
                    || ((Patterns.has(s, "www.", at: i) || Patterns.has(s, "WWW.", at: i)) && (i == 0 || !url(s[i - 1])))) {
                var b = i
                while b < s.count && url(s[b]) { b += 1 }
                while b > i && ".,;:!?)'".unicodeScalars.contains(s[b - 1]) { b -= 1 }
                for k in i..<b { mask[k] = true }
                i = max(b, i + 1)
                continue
            }
            i += 1
        }
        return mask.contains(true) ? mask : []
    }
}
