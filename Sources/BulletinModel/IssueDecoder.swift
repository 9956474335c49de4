/// An issue read from JSON, with where each of its parts was written.
public struct DecodedIssue: Equatable, Sendable {
    public var issue: Issue
    /// JSON path → location of that value, for every value the decoder read: `""` (the whole
    /// document), `masthead.title`, `sections[0].articles[1].blocks[3]`,
    /// `sections[0].articles[0].blocks[0].paragraph[1]` (a run) … The paths are the ones
    /// `Issue.printedItems` uses, so later stages can turn a path into `file:line:column`.
    public var locations: [String: SourceLocation]

    public init(issue: Issue, locations: [String: SourceLocation] = [:]) {
        self.issue = issue
        self.locations = locations
    }

    /// The location of `path`, or of its nearest enclosing value that has one
    /// (`…blocks[3].paragraph[2]` → `…blocks[3].paragraph` → `…blocks[3]` …).
    public func location(nearest path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let location = locations[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return locations[""] }
            path = path[..<cut]
        }
    }
}

/// Reads issue JSON (Samples/FORMAT.md, "bulletin-pdf/1") into an `Issue`.
///
/// Hand-written files usually have several mistakes, so the decoder does not stop at the first:
/// it checks the whole document and reports every problem, each located (`file:line:column`,
/// JSON path) and saying what was expected. Only a JSON syntax error stops it early, because
/// after one the rest of the text cannot be read reliably.
public enum IssueDecoder {
    /// Decodes `data` (UTF-8 JSON); `file` names the input in diagnostics (`-` for stdin).
    ///
    /// Returns the issue with its warnings (e.g. whitespace trimmed from text). Throws a
    /// `DiagnosticsError` (typed throws, so callers need no cast) holding every error found,
    /// plus the warnings, sorted by position in the file.
    public static func decode(_ data: [UInt8], file: String) throws(DiagnosticsError) -> Warned<DecodedIssue> {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, file: file, line: error.location.line,
                                               column: error.location.column, message: error.message)])
        }
        var reader = JSONReader(file: file)
        let issue = reader.issue(root)
        let diagnostics = reader.sortedDiagnostics()
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticsError(diagnostics) }
        return Warned(DecodedIssue(issue: issue, locations: reader.locations), warnings: diagnostics)
    }

    /// The keys each kind of object accepts, in the order FORMAT.md lists them (and the encoder
    /// writes them). The schema test checks `IssueSchema` against the decoder's behaviour.
    static let issueKeys = ObjectKeys(["$schema", "masthead", "sections", "footer", "distribution"],
                                      required: ["masthead", "sections"])
    static let mastheadKeys = ObjectKeys(["title", "number", "totalNumber", "issuer", "date", "extraLines"],
                                         required: ["title", "number", "issuer", "date"])
    static let sectionKeys = ObjectKeys(["column", "articles"], required: ["articles"])
    static let articleKeys = ObjectKeys(["kicker", "headline", "subtitle", "editorsNote", "blocks", "attribution"],
                                        required: ["blocks"])
    static let headingKeys = ObjectKeys(["heading", "label", "level"], required: ["heading"])
    static let footerFieldKeys = ObjectKeys(["label", "value"], required: ["label", "value"])
    static let distributionKeys = ObjectKeys(["lines", "printRun", "notes"], required: ["lines"])
    static let distributionLineKeys = ObjectKeys(["label", "text"], required: ["label", "text"])
    /// Blocks and runs are objects with one key telling which kind they are.
    static let blockKinds = ["paragraph", "heading", "note"]
    static let runKinds = ["bold", "title", "lead"]
}

/// The issue format's walk over the JSON tree, on top of the generic checks of `JSONReader`.
/// Each method returns a value even when the input is wrong (with placeholders such as ""), so
/// that the walk goes on and finds every problem; the result is only used when no error was
/// recorded.
extension JSONReader {

    mutating func issue(_ value: JSONValue) -> Issue {
        let object = self.object(value, path: "", expected: "an object (the issue)", keys: IssueDecoder.issueKeys)
        var issue = Issue(masthead: Masthead(title: "", number: "", issuer: "", date: ""), sections: [])
        if let field = object["masthead"] { issue.masthead = masthead(field.value, path: field.path) }
        for item in items(object["sections"], expected: "a non-empty array of sections", nonEmpty: true) {
            issue.sections.append(section(item.value, path: item.path))
        }
        for item in items(object["footer"], expected: "an array of footer fields") {
            issue.footer.append(footerField(item.value, path: item.path))
        }
        if let field = object["distribution"] { issue.distribution = distribution(field.value, path: field.path) }
        return issue
    }

    mutating func masthead(_ value: JSONValue, path: String) -> Masthead {
        let object = self.object(value, path: path, expected: "an object (the masthead)", keys: IssueDecoder.mastheadKeys)
        return Masthead(title: text(object["title"]) ?? "", number: text(object["number"]) ?? "",
                        totalNumber: text(object["totalNumber"]), issuer: text(object["issuer"]) ?? "",
                        date: text(object["date"]) ?? "", extraLines: texts(object["extraLines"]))
    }

    mutating func section(_ value: JSONValue, path: String) -> Section {
        let object = self.object(value, path: path, expected: "a section object (with \"articles\")",
                                 keys: IssueDecoder.sectionKeys)
        var section = Section(column: text(object["column"]), articles: [])
        for item in items(object["articles"], expected: "a non-empty array of articles", nonEmpty: true) {
            section.articles.append(article(item.value, path: item.path))
        }
        return section
    }

    mutating func article(_ value: JSONValue, path: String) -> Article {
        let object = self.object(value, path: path, expected: "an article object (with \"blocks\")",
                                 keys: IssueDecoder.articleKeys)
        var article = Article(kicker: text(object["kicker"]), headline: text(object["headline"]),
                              subtitle: text(object["subtitle"]), blocks: [])
        if let field = object["editorsNote"] { article.editorsNote = paragraph(field.value, path: field.path) }
        for item in items(object["blocks"], expected: "a non-empty array of blocks", nonEmpty: true) {
            article.blocks.append(block(item.value, path: item.path))
        }
        article.attribution = text(object["attribution"])
        return article
    }

    mutating func block(_ value: JSONValue, path: String) -> Block {
        let expected = "a paragraph, heading or note (a string, or an object with \"paragraph\", \"heading\" or \"note\")"
        if value.stringValue != nil { return .paragraph(paragraph(value, path: path)) }
        switch kindKey(value, path: path, expected: expected, kinds: IssueDecoder.blockKinds) {
        case "paragraph":
            let object = self.object(value, path: path, expected: expected, keys: ObjectKeys(["paragraph"]))
            guard let field = object["paragraph"] else { return .paragraph(Paragraph(runs: [])) }
            return .paragraph(paragraph(field.value, path: field.path))
        case "note":
            let object = self.object(value, path: path, expected: expected, keys: ObjectKeys(["note"]))
            guard let field = object["note"] else { return .note(Paragraph(runs: [])) }
            return .note(paragraph(field.value, path: field.path))
        case "heading":
            let object = self.object(value, path: path, expected: expected, keys: IssueDecoder.headingKeys)
            let heading = text(object["heading"]) ?? "", label = text(object["label"])
            let level = object["level"].flatMap { headingLevel($0.value, path: $0.path) }
            return .heading(Heading(label: label, text: heading, level: level))
        default:
            return .paragraph(Paragraph(runs: []))
        }
    }

    /// A heading level: a whole number 1…4 (nil after reporting anything else).
    mutating func headingLevel(_ value: JSONValue, path: String) -> Int? {
        note(value, path: path)
        if let level = value.intValue, (1 ... 4).contains(level) { return level }
        var found = value.kindDescription
        if case .number(let literal) = value.content { found = literal }
        error("expected a heading level from 1 to 4, found \(found)",
              at: value.location, path: path, hint: "1 for 一、, 2 for （一）, 3 for 1., 4 for （1）")
        return nil
    }

    /// The paragraph form: a string (one plain run) or a non-empty array of runs. Whitespace is
    /// trimmed only at the paragraph's two ends: between runs it is content.
    mutating func paragraph(_ value: JSONValue, path: String) -> Paragraph {
        if value.stringValue != nil { return Paragraph(runs: [Run(text(value, path: path) ?? "")]) }
        let items = array(value, path: path, expected: "a paragraph (a string, or a non-empty array of runs)", nonEmpty: true)
        var runs: [Run] = []
        for (index, item) in items.enumerated() {
            runs.append(run(item.value, path: item.path, trimStart: index == 0, trimEnd: index == items.count - 1))
        }
        return Paragraph(runs: runs)
    }

    mutating func run(_ value: JSONValue, path: String, trimStart: Bool, trimEnd: Bool) -> Run {
        let expected = "a run (a string, or an object with one key \"bold\", \"title\" or \"lead\")"
        if value.stringValue != nil {
            return Run(text(value, path: path, trimStart: trimStart, trimEnd: trimEnd) ?? "")
        }
        guard let kind = kindKey(value, path: path, expected: expected, kinds: IssueDecoder.runKinds) else {
            return Run("")
        }
        let object = self.object(value, path: path, expected: expected, keys: ObjectKeys([kind]))
        guard let field = object[kind] else { return Run("") }
        let text = text(field.value, path: field.path, trimStart: trimStart, trimEnd: trimEnd)
        return Run(text ?? "", role: Run.Role(rawValue: kind) ?? .text)
    }

    mutating func footerField(_ value: JSONValue, path: String) -> FooterField {
        let object = self.object(value, path: path, expected: "a footer field object (with \"label\" and \"value\")",
                                 keys: IssueDecoder.footerFieldKeys)
        return FooterField(label: text(object["label"]) ?? "", value: text(object["value"]) ?? "")
    }

    mutating func distribution(_ value: JSONValue, path: String) -> Distribution {
        let object = self.object(value, path: path, expected: "an object (the distribution block)",
                                 keys: IssueDecoder.distributionKeys)
        var distribution = Distribution(lines: [])
        for item in items(object["lines"], expected: "an array of distribution lines") {
            let line = self.object(item.value, path: item.path, expected: "a distribution line object (with \"label\" and \"text\")",
                                   keys: IssueDecoder.distributionLineKeys)
            distribution.lines.append(DistributionLine(label: text(line["label"]) ?? "", text: text(line["text"]) ?? ""))
        }
        distribution.printRun = text(object["printRun"])
        distribution.notes = texts(object["notes"])
        return distribution
    }
}
