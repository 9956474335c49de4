/// One entry of the import's account: a change made to the input's text, or a guess about its
/// structure. `bulletin-pdf import --explain` prints them; the accountability test replays the
/// changes on the input and gets the model's printed text back, character for character.
public struct ImportNote: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// Text was changed: `before` (input text at line:column, on that line) became `after`.
        /// An insertion has an empty `before` and goes before the character at line:column.
        case change
        /// A decision about what the text is (`before`: the text concerned, `after`: what it was
        /// taken as); changes nothing by itself.
        case guess
    }

    public var kind: Kind
    /// 1-based line and column (in Unicode scalars) in the decoded input.
    public var line: Int
    public var column: Int
    public var before: String
    public var after: String
    public var rule: ImportRule
    /// Why, in a few words.
    public var message: String
    /// A guess that could well be wrong; these are also reported as warnings.
    public var uncertain: Bool

    public init(kind: Kind, line: Int, column: Int, before: String, after: String, rule: ImportRule,
                message: String, uncertain: Bool = false) {
        self.kind = kind
        self.line = line
        self.column = column
        self.before = before
        self.after = after
        self.rule = rule
        self.message = message
        self.uncertain = uncertain
    }

    /// `12:45: change width: "," → "，" (next to a Chinese character)`.
    public var description: String {
        let head = "\(line):\(column): \(kind.rawValue) \(rule.rawValue): "
        let body: String
        switch kind {
        case .change: body = "\(Self.quote(before)) → \(Self.quote(after))"
        case .guess: body = "\(Self.quote(before)) taken as \(after)"
        }
        return head + body + " (\(message))" + (uncertain ? " [uncertain]" : "")
    }

    /// A short quoted excerpt: control characters visible, long text elided in the middle.
    static func quote(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if scalars.count > 40 {
            scalars = Array(scalars[0..<18]) + ["…"] + Array(scalars[(scalars.count - 18)...])
        }
        var out = "“"
        for s in scalars {
            switch s {
            case "\n": out += "⏎"
            case "\t": out += "⇥"
            case " ": out += "␣"
            case "\u{3000}": out += "□"
            default: out.unicodeScalars.append(s)
            }
        }
        return out + "”"
    }
}

/// The rules the importer applies, one per kind of change or guess (bulletin-format.md §1, §2).
public enum ImportRule: String, Equatable, Sendable, CaseIterable {
    /// How the bytes were decoded.
    case encoding
    /// CRLF or CR line endings read as line breaks.
    case lineEnding = "line-ending"
    /// `#`, `##`, `**`, `---` removed (§2.4); they are hints only.
    case markdown
    /// Whitespace at the start or end of a line, or on a blank line, removed.
    case whitespace
    /// A blank line (or line break) inside a sentence is a page break: joined with nothing (§2.1).
    case pageBreak = "page-break"
    /// Half-width , ; : ( ) ? ! next to Chinese made full-width (§2.2).
    case width
    /// A space between Chinese and Western text, or next to Chinese punctuation, removed; spaces
    /// between Chinese phrases kept (§2.3).
    case space
    /// Space or marks between fields (issuer and date, label and value …) replaced by what the
    /// layout prints there.
    case separator
    /// Text printed in a different place than it stood in the input (e.g. an extra masthead line
    /// printed above the title).
    case move
    case masthead
    case column
    /// Kicker (引题), headline and subtitle lines of an article.
    case headline
    /// Standalone numbered heading (一、 （一） 1. （1）).
    case heading
    /// Label at the start of a paragraph (第一， 1. （一）) kept in the text.
    case runInLabel = "run-in-label"
    /// First sentence of an article's first paragraph taken as its title.
    case runInTitle = "run-in-title"
    /// Inline sub-lead (小标题) inside a paragraph.
    case subLead = "sub-lead"
    case bold
    /// Where one article ends and the next begins.
    case article
    case attribution
    case editorsNote = "editors-note"
    case note
    case footer
    case distribution
    case printRun = "print-run"
    /// 总第 − 第 is constant within a year.
    case consistency
}
