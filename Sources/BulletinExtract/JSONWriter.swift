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
///
/// Layout: one object per document; each line, paragraph and warning on one line of the output
/// so that diffs stay readable; numbers rounded to 0.01 pt.
public enum JSONWriter {
    public static func write(_ extraction: Extraction, file: String, issue: Issue?) -> String {
        var out = opening(file: file)
        for (p, page) in extraction.pages.enumerated() { out += pageEntry(page, fonts: extraction.fonts, first: p == 0) }
        out += closing(extraction, pagesWritten: extraction.pages.count, issue: issue)
        return out
    }

    /// The document up to its first page: write it, then `pageEntry` for each page as it is
    /// extracted, then `closing` — so a long document's pages need not be held (`Extractor.stream`).
    public static func opening(file: String) -> String {
        "{\n  \"file\": \(string(file)),\n  \"pages\": ["
    }

    /// One page's entry; `fonts` is the document's font table (`Extraction.fonts`).
    public static func pageEntry(_ page: ExtractedPage, fonts: [FontInfo], first: Bool) -> String {
        var out = first ? "\n" : ",\n"
        out += "    {\"page\": \(page.index + 1), \"width\": \(number(page.width)), \"height\": \(number(page.height)), \"lines\": ["
        for (l, line) in page.lines.enumerated() {
            out += l == 0 ? "\n" : ",\n"
            out += "      " + lineObject(line, fonts: fonts)
        }
        out += page.lines.isEmpty ? "]" : "\n    ]"
        if !page.rules.isEmpty {
            out += ", \"rules\": [" + page.rules.map { rule in
                "{\"bbox\": [\(number(min(rule.x0, rule.x1))), \(number(min(rule.y0, rule.y1))), "
                    + "\(number(max(rule.x0, rule.x1))), \(number(max(rule.y0, rule.y1)))], "
                    + "\"thickness\": \(number(rule.thickness)), \"color\": \(string(hex(rule.color)))}"
            }.joined(separator: ", ") + "]"
        }
        return out + "}"
    }

    /// The rest of the document after `pagesWritten` page entries: the paragraphs with their roles,
    /// the warnings and the issue (`extraction.pages` is not used).
    public static func closing(_ extraction: Extraction, pagesWritten: Int, issue: Issue?) -> String {
        let classified = BlockClassifier.classify(extraction)
        var content = 0
        var out = pagesWritten == 0 ? "],\n" : "\n  ],\n"
        out += "  \"paragraphs\": ["
        for (i, paragraph) in extraction.paragraphs.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            var members = ["\"page\": \(paragraph.firstPage + 1)"]
            if let furniture = paragraph.furniture {
                members.append("\"furniture\": \(string(furniture.rawValue))")
            } else if content < classified.count {
                members.append("\"role\": \(string(classified[content].role.rawValue))")
                content += 1
            }
            members += ["\"alignment\": \(string(paragraph.alignment.rawValue))", "\"text\": \(string(paragraph.text))"]
            out += "    {" + members.joined(separator: ", ") + "}"
        }
        out += extraction.paragraphs.isEmpty ? "],\n" : "\n  ],\n"
        if !extraction.warnings.isEmpty {
            out += "  \"warnings\": [" + extraction.warnings.map { string($0.description) }.joined(separator: ", ") + "],\n"
        }
        if let issue {
            // The issue as IssueEncoder writes it, indented one level to sit inside this object.
            let encoded = IssueEncoder.encode(issue).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().joined(separator: "\n  ")
            out += "  \"issue\": \(encoded)\n"
        } else {
            out += "  \"issue\": null\n"
        }
        out += "}\n"
        return out
    }

    private static func lineObject(_ line: TextLine, fonts: [FontInfo]) -> String {
        var members = [
            "\"text\": \(string(line.text))",
            "\"bbox\": [\(number(line.x0)), \(number(line.top)), \(number(line.x1)), \(number(line.bottom))]",
            "\"baseline\": \(number(line.baseline))",
            "\"size\": \(number(line.size))",
        ]
        if let furniture = line.furniture { members.append("\"furniture\": \(string(furniture.rawValue))") }
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
