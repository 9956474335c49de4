extension Issue {
    /// One printed string of the issue and the JSON path of the element it comes from.
    public struct PrintedItem: Equatable, Sendable {
        public var text: String
        public var path: String
    }

    /// Every string the default layout prints, in reading order, exactly as printed (brackets and
    /// colons the layout adds included, page numbers excluded).
    ///
    /// This is the contract between layout and text extraction: the PDF's text, with line breaks
    /// and page numbers removed, is these items in order; tests compare against it.
    public var printedItems: [PrintedItem] {
        var items: [PrintedItem] = []
        func add(_ text: String?, _ path: String) {
            if let text, !text.isEmpty { items.append(PrintedItem(text: text, path: path)) }
        }
        let m = masthead
        for (i, line) in m.extraLines.enumerated() { add(line, "masthead.extraLines[\(i)]") }
        add(m.title, "masthead.title")
        add(m.number, "masthead.number")
        add(m.totalNumber.map { "（\($0)）" }, "masthead.totalNumber")
        add(m.issuer, "masthead.issuer")
        add(m.date, "masthead.date")
        for (s, section) in sections.enumerated() {
            let sp = "sections[\(s)]"
            add(section.column.map { "【\($0)】" }, "\(sp).column")
            for (a, article) in section.articles.enumerated() {
                let ap = "\(sp).articles[\(a)]"
                add(article.kicker, "\(ap).kicker")
                add(article.headline, "\(ap).headline")
                add(article.subtitle, "\(ap).subtitle")
                add(article.editorsNote?.text, "\(ap).editorsNote")
                for (b, block) in article.blocks.enumerated() {
                    let bp = "\(ap).blocks[\(b)]"
                    switch block {
                    case .paragraph(let p), .note(let p): add(p.text, bp)
                    case .heading(let h): add((h.label ?? "") + h.text, bp)
                    }
                }
                add(article.attribution.map { "（\($0)）" }, "\(ap).attribution")
            }
        }
        for (i, field) in footer.enumerated() { add("\(field.label)：\(field.value)", "footer[\(i)]") }
        if let d = distribution {
            for (i, line) in d.lines.enumerated() { add("\(line.label)：\(line.text)", "distribution.lines[\(i)]") }
            for (i, note) in d.notes.enumerated() { add(note, "distribution.notes[\(i)]") }
            add(d.printRun, "distribution.printRun")
        }
        return items
    }
}
