import BulletinModel

/// Checks extracted text against an issue's printed items: the text, with page numbers and line
/// breaks removed, must be the items in order, each character for character; only whitespace may
/// stand between two items (e.g. issuer and date share a line). Returns nil on success, else a
/// description of the first difference.
public enum PrintedTextMatch {
    public static func mismatch(extracted: String, items: [Issue.PrintedItem]) -> String? {
        let lines = extracted.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !isPageNumber($0) }
        let text = Array(lines.joined().filter { $0 != "\u{0C}" })
        var position = 0
        for item in items {
            while position < text.count && text[position].isWhitespace { position += 1 }
            let expected = Array(item.text)
            var found: [Character] = []
            var cursor = position
            // pdftotext turns the 1/4-em Han–Western spacing (clreq 3.2.2) into a space, as it
            // does for Word's; a space is accepted there and nowhere else.
            while found.count < expected.count && cursor < text.count {
                let c = text[cursor]
                if c == " ", let previous = found.last, found.count < expected.count,
                   expected[found.count] != " ", isHanWesternBoundary(previous, text[min(cursor + 1, text.count - 1)]) {
                    cursor += 1
                    continue
                }
                found.append(c)
                cursor += 1
            }
            let end = cursor
            if found != expected {
                var i = 0
                while i < min(found.count, expected.count) && found[i] == expected[i] { i += 1 }
                let context = String(text[max(0, position + i - 10)..<min(text.count, position + i + 10)])
                return "\(item.path): expected “\(String(expected[i..<min(expected.count, i + 12)]))” "
                    + "at character \(i + 1) of the item, found “\(context)” (around the difference)"
            }
            position = end
        }
        while position < text.count && text[position].isWhitespace { position += 1 }
        if position < text.count {
            return "extra text after the last item: “\(String(text[position..<min(text.count, position + 20)]))”"
        }
        return nil
    }

    /// Whether one side is Western (ASCII letter or digit) and the other Han or full-width.
    static func isHanWesternBoundary(_ a: Character, _ b: Character) -> Bool {
        func western(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "%.@".contains(c)) }
        func han(_ c: Character) -> Bool { !c.isASCII && !c.isWhitespace }
        return (western(a) && han(b)) || (han(a) && western(b))
    }

    /// `— 3 —` and the like.
    static func isPageNumber(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("—"), trimmed.hasSuffix("—") else { return false }
        let inner = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        return !inner.isEmpty && inner.allSatisfy(\.isNumber)
    }
}

extension PrintedTextMatch {
    /// Han ideographs and full-width CJK characters (not punctuation of ASCII).
    public static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return v == 0x3007 || (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }
}
