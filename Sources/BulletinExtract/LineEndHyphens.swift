/// Whether a hyphen that ends a line is the typesetter's (a word broken at a syllable: `inter-` +
/// `preter`) or the text's own (a compound broken at its hyphen: `type-` + `specialized`).
///
/// A soft hyphen (U+00AD) is by definition the typesetter's. A hard one is ambiguous, and a reader
/// must not lose a character of the text, so the hyphen goes only where the document itself says
/// so: the whole word appears unbroken on this page or an earlier one, and never with the hyphen
/// inside a line. Otherwise it stays (`exe-cuted` where the document never shows `executed`).
/// pdftotext drops every such hyphen, compounds' included.
///
/// The words seen are kept as 64-bit hashes, at most `capacity` of them: memory stays bounded
/// however long the document.
struct LineEndHyphens {
    /// Words beyond this many are not remembered (a long document's vocabulary is far smaller).
    static let capacity = 1 << 16
    private var words: Set<UInt64> = []

    /// Remembers the words of these lines (lower-cased, hyphenated compounds as one word).
    mutating func learn(_ lines: [TextLine]) {
        for line in lines {
            guard words.count < Self.capacity else { return }
            LineEndHyphens.forEachWord(in: line.text) { words.insert($0) }
        }
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
        return words.contains(joined) && !words.contains(hyphenated)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        CharacterKind(scalar) == .word && !("0"..."9").contains(scalar)
    }

    /// Calls `body` with the hash of each word: a run of letters, with single hyphens between
    /// letters kept inside it.
    private static func forEachWord(in text: String, _ body: (UInt64) -> Void) {
        var word: [Unicode.Scalar] = []
        var pendingHyphen = false
        func finish() {
            if word.count >= 2 { body(hash(word)) }
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
