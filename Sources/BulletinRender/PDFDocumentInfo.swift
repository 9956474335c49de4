import BulletinLayout

/// The document information dictionary (PDF 32000 §14.3.3) from the display list's metadata.
/// Dates come from the metadata, never the clock, so output is reproducible.
enum PDFDocumentInfo {
    static let producer = "bulletin-pdf"

    static func append(_ metadata: DocumentMetadata, to out: inout PDFBuffer) {
        out.append("<<")
        let fields: [(StaticString, String)] = [
            (" /Title ", metadata.title), (" /Author ", metadata.author), (" /Subject ", metadata.subject),
            (" /Keywords ", metadata.keywords), (" /Creator ", metadata.creator), (" /Producer ", producer),
        ]
        for (key, value) in fields where !value.isEmpty {
            out.append(key)
            out.append(textString: value)
        }
        if let date = pdfDate(metadata.creationDate) {
            out.append(" /CreationDate ")
            out.append(textString: date)
            out.append(" /ModDate ")
            out.append(textString: date)
        }
        out.append(" >>")
    }

    /// ISO 8601 (`2020-07-07`, `2020-07-07T09:30:00Z`, `…+08:00`) as a PDF date (§7.9.4):
    /// `D:20200707093000Z`, `D:20200707093000+08'00'`. Nil when the text is not such a date.
    static func pdfDate(_ iso: String) -> String? {
        let c = Array(iso.utf8)
        func digits(_ start: Int, _ count: Int) -> String? {
            guard start + count <= c.count, c[start..<(start + count)].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return String(decoding: c[start..<(start + count)], as: UTF8.self)
        }
        func isByte(_ i: Int, _ character: Character) -> Bool { i < c.count && c[i] == character.asciiValue! }
        guard let year = digits(0, 4), isByte(4, "-"), let month = digits(5, 2), isByte(7, "-"),
              let day = digits(8, 2) else { return nil }
        var date = "D:" + year + month + day
        var i = 10
        guard i < c.count else { return date }
        guard isByte(i, "T") || isByte(i, " "), let hour = digits(i + 1, 2), isByte(i + 3, ":"),
              let minute = digits(i + 4, 2) else { return nil }
        date += hour + minute
        i += 6
        if isByte(i, ":"), let second = digits(i + 1, 2) {
            date += second
            i += 3
            if isByte(i, ".") {  // fractions of a second: PDF dates have none
                i += 1
                while i < c.count, c[i] >= 48, c[i] <= 57 { i += 1 }
            }
        } else {
            date += "00"
        }
        if i == c.count { return date }
        if isByte(i, "Z"), i + 1 == c.count { return date + "Z" }
        guard isByte(i, "+") || isByte(i, "-"), let offsetHours = digits(i + 1, 2) else { return nil }
        let minutesAt = isByte(i + 3, ":") ? i + 4 : i + 3
        guard let offsetMinutes = digits(minutesAt, 2), minutesAt + 2 == c.count else { return nil }
        return date + String(UnicodeScalar(c[i])) + offsetHours + "'" + offsetMinutes + "'"
    }
}
