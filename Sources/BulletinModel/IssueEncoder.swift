/// Writes an `Issue` as issue JSON (Samples/FORMAT.md) that reads as if written by hand.
///
/// Deterministic (same issue, same bytes), so output can be diffed and committed:
/// - 2-space indentation; keys in the order FORMAT.md lists them; absent optional values and
///   empty optional arrays are left out;
/// - the short forms: a paragraph that is one plain run is a string, plain runs are strings,
///   other runs `{"bold": …}`; a heading's level only when its label does not imply it;
/// - each block, run, footer field and distribution line on one line, so that a paragraph is a
///   line and a diff shows which paragraph changed;
/// - non-ASCII text as-is (Chinese stays readable); only `"`, `\` and control characters are
///   escaped; a final newline.
///
/// For every issue that satisfies the format (non-blank trimmed text, levels 1…4, non-empty
/// sections, articles, blocks and runs), `IssueDecoder.decode(encode(issue))` gives it back.
public enum IssueEncoder {
    public static func encode(_ issue: Issue) -> String {
        var pieces = Pieces(masthead: issue.masthead)
        var output = pieces.opening()
        for section in issue.sections {
            output += pieces.section(column: section.column)
            for article in section.articles { output += pieces.article(article) }
        }
        return output + pieces.closing(footer: issue.footer, distribution: issue.distribution) + "\n"
    }

    /// The same JSON a piece at a time, for an issue written while it is recovered
    /// (`IssueRecovery.Builder`): the masthead first, then sections and their articles as each is
    /// complete, then the footer and distribution. The pieces joined are what `encode` writes,
    /// without its final newline, every line after the first indented by `indent` (to sit inside
    /// another object).
    public struct Pieces {
        private let masthead: Masthead
        private let indent: String
        private var sections = 0
        private var articles = 0
        private var sectionOpen = false

        public init(masthead: Masthead, indent: String = "") {
            self.masthead = masthead
            self.indent = indent
        }

        /// Sections written so far (an issue has at least one).
        public var sectionCount: Int { sections }

        /// Up to the first section: `{`, the masthead, `"sections": [`.
        public func opening() -> String {
            var output = "{\n" + indent + "  \"masthead\": "
            render(mastheadNode(masthead), indent: indent + "  ", into: &output)
            return output + ",\n" + indent + "  \"sections\": ["
        }

        /// Closes the section before (if any) and opens one.
        public mutating func section(column: String?) -> String {
            var output = endSection() + (sections > 0 ? "," : "") + "\n" + indent + "    {"
            if let column {
                output += "\n" + indent + "      \"column\": "
                writeString(column, into: &output)
                output += ","
            }
            sections += 1
            articles = 0
            sectionOpen = true
            return output + "\n" + indent + "      \"articles\": ["
        }

        /// An article of the section opened last.
        public mutating func article(_ article: Article) -> String {
            var output = (articles > 0 ? "," : "") + "\n" + indent + "        "
            render(articleNode(article), indent: indent + "        ", into: &output)
            articles += 1
            return output
        }

        /// The rest: the last section closed, the footer and distribution, the closing `}`.
        public mutating func closing(footer: [FooterField], distribution: Distribution?) -> String {
            var output = endSection() + (sections > 0 ? "\n" + indent + "  ]" : "]")
            for (key, node) in tailMembers(footer: footer, distribution: distribution) {
                output += ",\n" + indent + "  "
                writeString(key, into: &output)
                output += ": "
                render(node, indent: indent + "  ", into: &output)
            }
            return output + "\n" + indent + "}"
        }

        private mutating func endSection() -> String {
            guard sectionOpen else { return "" }
            sectionOpen = false
            return (articles > 0 ? "\n" + indent + "      ]" : "]") + "\n" + indent + "    }"
        }
    }

    // MARK: Issue → output tree

    /// What to write, before choosing line breaks: building the tree and printing it are kept
    /// apart so that the layout rules live in one place (`render`).
    private indirect enum Node {
        case string(String)
        case number(Int)
        /// `inline`: written on one line, and so are all values inside.
        case object([(key: String, value: Node)], inline: Bool)
        case array([Node], inline: Bool)
    }

    private static func mastheadNode(_ m: Masthead) -> Node {
        var masthead: [(String, Node)] = [("title", .string(m.title)), ("number", .string(m.number))]
        if let total = m.totalNumber { masthead.append(("totalNumber", .string(total))) }
        masthead += [("issuer", .string(m.issuer)), ("date", .string(m.date))]
        if !m.extraLines.isEmpty { masthead.append(("extraLines", strings(m.extraLines))) }
        return .object(masthead, inline: false)
    }

    /// The members after the sections: footer and distribution, when there are.
    private static func tailMembers(footer: [FooterField], distribution: Distribution?) -> [(String, Node)] {
        var members: [(String, Node)] = []
        if !footer.isEmpty {
            let fields = footer.map {
                Node.object([("label", .string($0.label)), ("value", .string($0.value))], inline: true)
            }
            members.append(("footer", .array(fields, inline: false)))
        }
        if let d = distribution {
            let lines = d.lines.map {
                Node.object([("label", .string($0.label)), ("text", .string($0.text))], inline: true)
            }
            var distribution: [(String, Node)] = [("lines", .array(lines, inline: false))]
            if let printRun = d.printRun { distribution.append(("printRun", .string(printRun))) }
            if !d.notes.isEmpty { distribution.append(("notes", strings(d.notes))) }
            members.append(("distribution", .object(distribution, inline: false)))
        }
        return members
    }

    private static func articleNode(_ article: Article) -> Node {
        var members: [(String, Node)] = []
        if let kicker = article.kicker { members.append(("kicker", .string(kicker))) }
        if let headline = article.headline { members.append(("headline", .string(headline))) }
        if let subtitle = article.subtitle { members.append(("subtitle", .string(subtitle))) }
        if let note = article.editorsNote { members.append(("editorsNote", paragraphNode(note))) }
        members.append(("blocks", .array(article.blocks.map(blockNode), inline: false)))
        if let attribution = article.attribution { members.append(("attribution", .string(attribution))) }
        return .object(members, inline: false)
    }

    private static func blockNode(_ block: Block) -> Node {
        switch block {
        case .paragraph(let paragraph):
            let form = paragraphNode(paragraph)
            if case .string = form { return form }  // the shortest form: a plain paragraph is a string
            return .object([("paragraph", form)], inline: true)
        case .note(let paragraph):
            return .object([("note", paragraphNode(paragraph))], inline: true)
        case .heading(let heading):
            var members: [(String, Node)] = [("heading", .string(heading.text))]
            if let label = heading.label { members.append(("label", .string(label))) }
            if heading.level != Heading.level(ofLabel: heading.label) {  // else the label implies it
                members.append(("level", .number(heading.level)))
            }
            return .object(members, inline: true)
        }
    }

    /// The paragraph form: one plain run as a string, anything else as an array of runs.
    private static func paragraphNode(_ paragraph: Paragraph) -> Node {
        if paragraph.runs.count == 1, paragraph.runs[0].role == .text { return .string(paragraph.runs[0].text) }
        return .array(paragraph.runs.map { run in
            run.role == .text ? .string(run.text) : .object([(run.role.rawValue, .string(run.text))], inline: true)
        }, inline: true)
    }

    private static func strings(_ items: [String]) -> Node {
        .array(items.map { .string($0) }, inline: false)
    }

    // MARK: Output tree → text

    private static func render(_ node: Node, indent: String, into output: inout String) {
        switch node {
        case .string(let text):
            writeString(text, into: &output)
        case .number(let number):
            output += String(number)
        case .object(let members, let inline):
            writeContainer("{", "}", members.count, inline: inline, indent: indent, into: &output) { i, inner, output in
                writeString(members[i].key, into: &output)
                output += ": "
                render(members[i].value, indent: inner, into: &output)
            }
        case .array(let items, let inline):
            writeContainer("[", "]", items.count, inline: inline, indent: indent, into: &output) { i, inner, output in
                render(items[i], indent: inner, into: &output)
            }
        }
    }

    /// Brackets around `count` elements: `{"a": 1, "b": 2}` inline, else one element per line.
    private static func writeContainer(_ open: String, _ close: String, _ count: Int, inline: Bool, indent: String,
                                       into output: inout String,
                                       element: (Int, String, inout String) -> Void) {
        output += open
        let inner = indent + "  "
        for index in 0 ..< count {
            if index > 0 { output += inline ? ", " : "," }
            if !inline { output += "\n" + inner }
            element(index, inner, &output)
        }
        if !inline && count > 0 { output += "\n" + indent }
        output += close
    }

    /// A JSON string literal (quotes included), as every JSON writer of the project spells it.
    public static func stringLiteral(_ text: String) -> String {
        var output = ""
        writeString(text, into: &output)
        return output
    }

    /// A JSON string literal. Only what JSON requires is escaped, plus the invisible DEL and C1
    /// controls, so that nothing unseen hides in the output.
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Most text needs no escape at all: appended whole, which is many times faster than scalar
        // by scalar. (C1 controls are U+0080…U+009F: 0xC2 0x80…0x9F in UTF-8.)
        var plain = true
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (afterC2 && byte < 0xA0) { plain = false; break }
            afterC2 = byte == 0xC2
        }
        if plain {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}" ..< "\u{20}", "\u{7F}" ... "\u{9F}":
                let digits = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
