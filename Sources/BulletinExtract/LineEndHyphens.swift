/// Whether a hyphen that ends a line is the typesetter's (a word broken at a syllable: `inter-` +
/// `preter`) or the text's own (a compound broken at its hyphen: `type-` + `specialized`).
///
/// A soft hyphen (U+00AD) is by definition the typesetter's. A hard one is ambiguous, and a reader
/// must not lose a character of the text, so the document decides, from what it has shown on this
/// page or an earlier one: the hyphen stays where the document writes the hyphenated form inside a
/// line; it goes where it writes the whole word (`interpreter`); with neither, it goes where the
/// piece after the break is no word of the document (a syllable: `ac-`/`tual`, `com-`/`pile`) and
/// stays where it is one (a compound: `type-`/`specialized`). pdftotext drops every such hyphen,
/// compounds' included.
///
/// The words seen are kept as 64-bit hashes, at most `capacity` of them: memory stays bounded
/// however long the document.
struct LineEndHyphens {
    /// Words beyond this many are not remembered (a long document's vocabulary is far smaller).
    static let capacity = 1 << 16
    private var words: Set<UInt64> = []

    /// Remembers the words of these lines (lower-cased, hyphenated compounds as one word) — not
    /// the pieces of a word broken at a line end (`com-` and, on the next line, `pile`), which
    /// are not words.
    mutating func learn(_ lines: [TextLine]) {
        var brokenAbove = false
        for line in lines {
            guard words.count < Self.capacity else { return }
            let breaks = Self.endsInHyphen(line.text)
            LineEndHyphens.forEachWord(in: line.text, skipFirst: brokenAbove, skipLast: breaks) { words.insert($0) }
            brokenAbove = breaks
        }
    }

    private static func endsInHyphen(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "-" || last == "\u{2010}" || last == "\u{AD}"
    }

    /// What happens to the last character of `above` when `below` follows it in a paragraph: nil
    /// when it is not a hyphen between letters; true when it goes (`Trace-` + `Monkey` goes too
    /// when the document writes `TraceMonkey`).
    func dropsHyphen(above: String, below: String) -> Bool? {
        let scalars = above.unicodeScalars
        guard let hyphen = scalars.last, hyphen == "-" || hyphen == "\u{2010}" || hyphen == "\u{AD}",
              let next = below.unicodeScalars.first, Self.isLetter(next) else { return nil }
        // The fragment before the hyphen: the letters that end the line.
        var head: [Unicode.Scalar] = []
        var index = scalars.index(before: scalars.endIndex)
        while index > scalars.startIndex {
            index = scalars.index(before: index)
            guard Self.isLetter(scalars[index]) else { break }
            head.append(scalars[index])
        }
        guard !head.isEmpty else { return nil }
        if hyphen == "\u{AD}" { return true }
        head.reverse()
        let tail = below.unicodeScalars.prefix { Self.isLetter($0) }
        let joined = Self.hash(head + tail)
        let hyphenated = Self.hash(head + ["-"] + tail)
        if words.contains(hyphenated) { return false }
        if words.contains(joined) { return true }
        // Neither form seen: a compound breaks at its hyphen into two words (`mixed-` + `mode`),
        // hyphenation into syllables (`com-` + `pile`, `ac-` + `tual`). When the piece after the
        // break is not a word the document has shown, the hyphen is the typesetter's.
        // Not inside an address, a path or a name with digits (`…/linehaul-` + `cloud-function`).
        let token = scalars.reversed().prefix { !$0.properties.isWhitespace }
        guard !token.contains(where: { "/.@_:".unicodeScalars.contains($0) || ("0"..."9").contains($0) }) else { return false }
        let tailIsLower = tail.allSatisfy { $0.properties.isLowercase }
        return head.count >= 2 && tail.count >= 2 && tailIsLower && !words.contains(Self.hash(tail))
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        CharacterKind(scalar) == .word && !("0"..."9").contains(scalar)
    }

    /// Calls `body` with the hash of each word: a run of letters, with single hyphens between
    /// letters kept inside it; the line's first or last word left out when asked.
    private static func forEachWord(in text: String, skipFirst: Bool = false, skipLast: Bool = false, _ body: (UInt64) -> Void) {
        var hashes: [UInt64] = []
        var word: [Unicode.Scalar] = []
        var pendingHyphen = false
        func finish() {
            if word.count >= 2 { hashes.append(hash(word)) }
            word.removeAll(keepingCapacity: true)
            pendingHyphen = false
        }
        for scalar in text.unicodeScalars {
            if isLetter(scalar) {
                if pendingHyphen { word.append("-"); pendingHyphen = false }
                word.append(scalar)
            } else if scalar == "-" || scalar == "\u{2010}", !word.isEmpty, !pendingHyphen {
                pendingHyphen = true
            } else {
                finish()
            }
        }
        finish()
        let kept = hashes.dropFirst(skipFirst ? 1 : 0).dropLast(skipLast ? 1 : 0)
        for value in kept { body(value) }
    }

    /// FNV-1a over the lower-cased scalars: the same in every run (Swift's `Hasher` is seeded per
    /// process), so the output never depends on the run.
    private static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            let lower: Unicode.Scalar
            if scalar.isASCII {
                lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
            } else {
                lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            }
            value = (value ^ UInt64(lower.value)) &* 0x100_0000_01b3
        }
        return value
    }
}
