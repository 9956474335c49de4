import Foundation

/// The measures of ../shared/extract-corpus/score.py, computed here so that the suite needs no
/// Python: text normalised the same way (NFC, width and quote variants folded, whitespace dropped),
/// edit distance, paragraph boundaries, spaces between Chinese characters.
enum TextScore {
    /// score.py's `norm`: NFC, full-width ASCII and quote variants folded, whitespace removed.
    static func normalize(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            var s = scalar
            if (0xFF01...0xFF5E).contains(v) { s = Unicode.Scalar(v - 0xFEE0)! }
            switch s {
            case "“", "”", "„", "‟", "〝", "〞": s = "\""
            case "‘", "’", "‚", "‛": s = "'"
            case "―": s = "—"
            case "〜": s = "~"
            case "｡": s = "。"
            case "､": s = "、"
            case "｢": s = "「"
            case "｣": s = "」"
            case "・", "•", "･": s = "·"
            default: break
            }
            if s.properties.isWhitespace { continue }
            out.append(s)
        }
        return out
    }

    /// Levenshtein distance, computed in a diagonal band of half-width `band` (the texts compared
    /// are nearly equal; a distance beyond the band is reported as `band + 1` or more).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], band: Int = 64) -> Int {
        if abs(a.count - b.count) > band { return abs(a.count - b.count) }
        let infinity = Int.max / 2
        var previous = [Int](repeating: infinity, count: b.count + 1)
        var current = previous
        for j in 0...min(b.count, band) { previous[j] = j }
        if a.isEmpty { return b.count }
        for i in 1...a.count {
            let low = max(1, i - band), high = min(b.count, i + band)
            for j in current.indices { current[j] = infinity }
            if i <= band { current[0] = i }
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                }
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Positions in the normalised stream where paragraphs end (all but the last).
    static func boundaries(_ paragraphs: [String]) -> [Int] {
        var result: [Int] = []
        var position = 0
        for paragraph in paragraphs.dropLast() {
            position += normalize(paragraph).count
            result.append(position)
        }
        return result
    }

    /// Precision and recall of the candidate's paragraph ends against the truth's, a boundary
    /// counting as found within `slack` positions (the edit distance shifts positions by at most that).
    static func paragraphs(truth: [String], candidate: [String], slack: Int) -> (precision: Double, recall: Double) {
        let t = boundaries(truth.filter { !normalize($0).isEmpty })
        let c = boundaries(candidate.filter { !normalize($0).isEmpty })
        let hits = c.filter { b in t.contains { abs($0 - b) <= slack } }.count
        let found = t.filter { b in c.contains { abs($0 - b) <= slack } }.count
        return (c.isEmpty ? 1 : Double(hits) / Double(c.count), t.isEmpty ? 1 : Double(found) / Double(t.count))
    }

    /// Spaces (or tabs, no-break or ideographic spaces) between two Chinese characters.
    static func cjkGaps(_ text: String) -> Int {
        func cjk(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            return (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
                || (0xF900...0xFAFF).contains(v)
        }
        let s = Array(text.unicodeScalars)
        var count = 0
        var i = 1
        while i < s.count {
            if [" ", "\t", "\u{A0}", "\u{3000}"].contains(s[i]), cjk(s[i - 1]) {
                var j = i
                while j < s.count && [" ", "\t", "\u{A0}", "\u{3000}"].contains(s[j]) { j += 1 }
                if j < s.count && cjk(s[j]) { count += 1 }
                i = j
            } else {
                i += 1
            }
        }
        return count
    }
}
