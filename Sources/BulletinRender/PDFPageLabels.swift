import BulletinLayout

/// The /PageLabels number tree (PDF 32000 §12.4.2): what a viewer shows as each page's number,
/// e.g. `第33期-1` … in a bound volume. Pages get exactly the labels `PageLabelRange.label(of:in:)`
/// gives them; pages no range covers are labelled with their plain page number.
enum PDFPageLabels {
    /// Appends ` /PageLabels << /Nums [...] >>` to a catalog; nothing when there are no ranges.
    static func append(_ ranges: [PageLabelRange], pageCount: Int, to out: inout PDFBuffer) {
        guard !ranges.isEmpty, pageCount > 0 else { return }
        out.append(" /PageLabels << /Nums [")
        var previous: Int?  // the range that labels the previous page
        for page in 0..<pageCount {
            // The same rule as `PageLabelRange.label(of:in:)`: the last range starting at or before.
            let governing = ranges.lastIndex { $0.firstPage <= page }
            if page > 0, governing == previous { continue }
            previous = governing
            out.append(page)
            out.append(" <<")
            if let index = governing {
                let range = ranges[index]
                if !range.prefix.isEmpty {
                    out.append(" /P ")
                    out.append(textString: range.prefix)
                }
                if range.numbered {
                    out.append(" /S /D")
                    // /St must be at least 1; a range numbered from 0 or below starts at 1 here.
                    let first = range.start + page - range.firstPage
                    if first != 1 {
                        out.append(" /St ")
                        out.append(max(1, first))
                    }
                }
            } else {
                out.append(" /S /D")  // only before the first range, from page 1
            }
            out.append(" >> ")
        }
        out.append("] >>")
    }
}
