/// Markdown: the text output plus the structure read from the page — `#` for the masthead title
/// and headlines, `##` for column heads, `###` for headings, `**…**` around emphasised runs (bold
/// fonts, fake or synthetic bold, 黑体 in a lighter body), `---` for wide rules (the masthead rule,
/// the 版记 rules). One blank line between blocks.
///
/// Bold runs next to Chinese punctuation are written as the archive texts write them
/// (`**门头沟区建立…机制。**为进一步…`), which strict CommonMark does not always read as emphasis
/// (its flanking rules predate CJK); the markers are kept for the reader and for `import`.
public enum MarkdownWriter {
    public static func write(_ extraction: Extraction) -> String {
        var output = ""
        var blocks = Blocks()
        var classifier = ClassifierStream(profile: extraction.profile)
        for paragraph in extraction.paragraphs { classifier.add(paragraph) { output += blocks.next($0) } }
        classifier.finish { output += blocks.next($0) }
        return output + blocks.end()
    }

    /// The same markdown a paragraph at a time, for output written as `Extractor.classified`
    /// hands the paragraphs out.
    public struct Blocks {
        private var ruleOpen = false
        private var started = false

        public init() {}

        /// What to write for the next paragraph: its block with the rules around it, one blank
        /// line from what came before.
        public mutating func next(_ output: ClassifierStream.Output) -> String {
            let paragraph: TextParagraph
            let body: String
            switch output {
            case .furniture(let kept):
                paragraph = kept
                body = escape(kept.text, lineStart: true)
            case .content(let block):
                paragraph = block.paragraph
                body = render(block)
            }
            var out = ""
            if paragraph.ruleBefore && !ruleOpen { out += separated("---") }
            out += separated(body)
            ruleOpen = paragraph.ruleAfter
            if ruleOpen { out += separated("---") }
            return out
        }

        /// What to write after the last paragraph.
        public func end() -> String { started ? "\n" : "" }

        private mutating func separated(_ block: String) -> String {
            defer { started = true }
            return started ? "\n\n" + block : block
        }
    }

    private static func render(_ block: ClassifiedParagraph) -> String {
        let plain = escape(BulletinPatterns.trimmed(block.paragraph.text), lineStart: false)
        switch block.role {
        case .title, .headline:
            return "# " + plain
        case .column:
            return "## " + plain
        case .heading:
            return "### " + plain
        default:
            return inline(block)
        }
    }

    /// The paragraph with `**` around emphasised stretches (whitespace kept outside the markers).
    private static func inline(_ block: ClassifiedParagraph) -> String {
        var out = ""
        var stretch = ""
        var emphasised = false
        func flush() {
            guard !stretch.isEmpty else { return }
            if emphasised {
                let core = BulletinPatterns.trimmed(stretch)
                if core.isEmpty {
                    out += stretch
                } else {
                    let leading = String(stretch.prefix { $0.isWhitespace })
                    let trailing = String(String(stretch.reversed().prefix { $0.isWhitespace }).reversed())
                    out += leading + "**" + escape(core, lineStart: false) + "**" + trailing
                }
            } else {
                out += escape(stretch, lineStart: out.isEmpty)
            }
            stretch = ""
        }
        for (span, emphasis) in zip(block.paragraph.spans, block.emphasis) {
            if emphasis != emphasised { flush(); emphasised = emphasis }
            stretch += span.text
        }
        flush()
        return BulletinPatterns.trimmed(out)
    }

    /// Backslash-escapes what markdown would read as markup: `\ * _ \``, and at a block's start
    /// `#`, `>`, `-`, `+` and `1.`-style list markers.
    static func escape(_ text: String, lineStart: Bool) -> String {
        var out = text
        if text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "`") }) {
            out = ""
            for scalar in text.unicodeScalars {
                if scalar == "\\" || scalar == "*" || scalar == "_" || scalar == "`" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        guard lineStart, let first = out.unicodeScalars.first else { return out }
        if first == "#" || first == ">" || first == "-" || first == "+" || first == "=" { return "\\" + out }
        // `1. ` at a block start is an ordered list: escape the dot.
        guard first.isASCII, BulletinPatterns.isDigit(first) else { return out }
        let scalars = Array(out.unicodeScalars)
        var i = 0
        while i < scalars.count && i < 9 && BulletinPatterns.isDigit(scalars[i]) && scalars[i].isASCII { i += 1 }
        if i > 0, i + 1 < scalars.count, scalars[i] == "." || scalars[i] == ")", scalars[i + 1] == " " {
            return BulletinPatterns.string(scalars[0..<i]) + "\\" + BulletinPatterns.string(scalars[i...])
        }
        return out
    }
}
