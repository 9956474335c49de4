import BulletinModel
import BulletinPDFReader

/// The `--format json` document: per page, the lines with their bounding boxes, fonts, sizes and
/// colours (furniture flagged), the paragraphs in reading order with the role read from the page
/// (`BlockRole`: title, column, headline, heading, paragraph, attribution …) and alignment, and — when the pages are a
/// bulletin — the issue recovered from them, in the issue JSON format (`IssueEncoder`), so that
/// `bulletin-pdf render` accepts it once cut out (`--format issue` writes it alone).
///
/// Coordinates are the reader's page space (points, y down) — turned, for a page whose text runs
/// down, up or upside down, so that its text runs left to right (`PageOrientation`); `width` and
/// `height` are then the turned page's.
/// A line of text drawn at an angle to the page's (`RotatedText`, furniture "rotated") has its
/// `angle` (degrees clockwise from left-to-right) and the box around it; its spans' `x0`/`x1` are
/// measured along the line from its start.
///
/// Layout: one object per document; each line, paragraph and warning on one line of the output
/// so that diffs stay readable; numbers rounded to 0.01 pt.
public enum JSONWriter {
    public static func write(_ extraction: Extraction, file: String) -> String {
        var out = opening(file: file)
        for (p, page) in extraction.pages.enumerated() { out += pageEntry(page, fonts: extraction.fonts, first: p == 0) }
        out += paragraphsOpening(pagesWritten: extraction.pages.count)
        var issue = IssueRecovery.JSONStream(indent: issueIndent)
        var issueText = ""
        var written = 0
        var classifier = ClassifierStream(profile: extraction.profile)
        let entry: (ClassifierStream.Output) -> Void = { output in
            out += paragraphEntry(output, first: written == 0)
            written += 1
            if case .content(let block) = output { issueText += issue.add(block) }
        }
        for paragraph in extraction.paragraphs { classifier.add(paragraph, emit: entry) }
        classifier.finish(emit: entry)
        let issueEnd = issue.finish()
        return out + closing(paragraphsWritten: written, warnings: extraction.warnings)
            + (issueEnd.map { issueText + $0 } ?? "null") + ending
    }

    /// The document up to its first page. A document is written in pieces so that a long one
    /// need not be held (`Extractor.stream`): `opening`, `pageEntry` for each page as it is
    /// extracted, `paragraphsOpening`, `paragraphEntry` for each paragraph as it is classified
    /// (`ClassifierStream`), `closing`.
    public static func opening(file: String) -> String {
        "{\n  \"file\": \(string(file)),\n  \"pages\": ["
    }

    /// One page's entry; `fonts` is the document's font table (`Extraction.fonts`).
    public static func pageEntry(_ page: ExtractedPage, fonts: [FontInfo], first: Bool) -> String {
        var out = first ? "\n" : ",\n"
        out += "    {\"page\": \(page.index + 1), \"width\": \(number(page.width)), \"height\": \(number(page.height)), \"lines\": ["
        for (l, line) in (page.lines + page.rotatedLines).enumerated() {
            out += l == 0 ? "\n" : ",\n"
            out += "      " + lineObject(line, fonts: fonts)
        }
        out += page.lines.isEmpty && page.rotatedLines.isEmpty ? "]" : "\n    ]"
        if !page.rules.isEmpty {
            out += ", \"rules\": [" + page.rules.map { rule in
                "{\"bbox\": [\(number(min(rule.x0, rule.x1))), \(number(min(rule.y0, rule.y1))), "
                    + "\(number(max(rule.x0, rule.x1))), \(number(max(rule.y0, rule.y1)))], "
                    + "\"thickness\": \(number(rule.thickness)), \"color\": \(string(hex(rule.color)))}"
            }.joined(separator: ", ") + "]"
        }
        return out + "}"
    }

    /// What closes the pages (`pagesWritten` of them) and opens the paragraphs.
    public static func paragraphsOpening(pagesWritten: Int) -> String {
        (pagesWritten == 0 ? "],\n" : "\n  ],\n") + "  \"paragraphs\": ["
    }

    /// One paragraph's entry: its page, its role (or furniture kind), alignment and text.
    public static func paragraphEntry(_ output: ClassifierStream.Output, first: Bool) -> String {
        let paragraph: TextParagraph
        let kind: String
        switch output {
        case .furniture(let kept):
            paragraph = kept
            kind = "\"furniture\": \(string(kept.furniture?.rawValue ?? ""))"
        case .content(let block):
            paragraph = block.paragraph
            kind = "\"role\": \(string(block.role.rawValue))"
        }
        return (first ? "\n" : ",\n") + "    {\"page\": \(paragraph.firstPage + 1), \(kind), "
            + "\"alignment\": \(string(paragraph.alignment.rawValue)), \"text\": \(string(paragraph.text))}"
    }

    /// The end of the document, after the issue.
    public static let ending = "\n}\n"

    /// How the issue is indented to sit inside the document (`IssueRecovery.JSONStream(indent:)`).
    public static let issueIndent = "  "

    /// What follows `paragraphsWritten` paragraph entries up to the issue: the warnings, then
    /// `"issue": `. After it come the issue as `IssueRecovery.JSONStream` writes it with
    /// `issueIndent` (or `null`), then `ending`.
    public static func closing(paragraphsWritten: Int, warnings: [PDFWarning]) -> String {
        var out = paragraphsWritten == 0 ? "],\n" : "\n  ],\n"
        if !warnings.isEmpty {
            out += "  \"warnings\": [" + warnings.map { string($0.description) }.joined(separator: ", ") + "],\n"
        }
        return out + "  \"issue\": "
    }

    private static func lineObject(_ line: TextLine, fonts: [FontInfo]) -> String {
        var members = [
            "\"text\": \(string(line.text))",
            "\"bbox\": [\(number(line.x0)), \(number(line.top)), \(number(line.x1)), \(number(line.bottom))]",
            "\"baseline\": \(number(line.baseline))",
            "\"size\": \(number(line.size))",
        ]
        if let furniture = line.furniture { members.append("\"furniture\": \(string(furniture.rawValue))") }
        if line.angle != 0 { members.append("\"angle\": \(number(line.angle))") }
        // Lines in a column say which (its edges); lines are listed in reading order.
        if let column = line.column { members.append("\"column\": [\(number(column.left)), \(number(column.right))]") }
        let spans = line.spans.map { span in
            var parts = ["\"text\": \(string(span.text))", "\"font\": \(string(fonts[span.font].name))",
                         "\"size\": \(number(span.size))", "\"color\": \(string(hex(span.color)))",
                         "\"x0\": \(number(span.x0))", "\"x1\": \(number(span.x1))"]
            if span.bold { parts.append("\"bold\": true") }
            if span.italic { parts.append("\"italic\": true") }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        members.append("\"spans\": [" + spans.joined(separator: ", ") + "]")
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// `#RRGGBB`.
    static func hex(_ color: PDFColor) -> String {
        func byte(_ v: Double) -> String {
            let b = Int((min(1, max(0, v)) * 255).rounded())
            let digits = String(b, radix: 16, uppercase: true)
            return b < 16 ? "0" + digits : digits
        }
        return "#" + byte(color.red) + byte(color.green) + byte(color.blue)
    }

    /// A number rounded to 0.01, without trailing zeros: `12.5`, `300`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A JSON string literal, escaped as the issue encoder escapes it.
    static func string(_ text: String) -> String { IssueEncoder.stringLiteral(text) }
}
