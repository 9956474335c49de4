/// Builds small PDFs for tests from object bodies: numbers objects 1…n, writes a correct classic
/// cross-reference table and trailer (root = object 1) unless told to break them.
enum MiniPDF {
    /// `objects[i]` is the body of object i+1 (between `obj` and `endobj`).
    static func build(_ objects: [[UInt8]], trailerExtra: String = "", startxref: Int? = nil, shiftOffsets: Int = 0) -> [UInt8] {
        var out = Array("%PDF-1.7\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset + shiftOffsets) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R\(trailerExtra) >>\nstartxref\n\(startxref ?? xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    static func build(_ objects: [String], trailerExtra: String = "", startxref: Int? = nil, shiftOffsets: Int = 0) -> [UInt8] {
        build(objects.map { Array($0.utf8) }, trailerExtra: trailerExtra, startxref: startxref, shiftOffsets: shiftOffsets)
    }

    static func stream(_ content: String, extra: String = "") -> String {
        "<< /Length \(content.utf8.count)\(extra) >>\nstream\n\(content)\nendstream"
    }

    static func stream(_ data: [UInt8], extra: String = "") -> [UInt8] {
        Array("<< /Length \(data.count)\(extra) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    /// A one-page document: catalog, pages, page with /F1 (Helvetica, WinAnsi) and the content.
    static func page(_ content: String, resources: String = "/Font << /F1 5 0 R >>", extraObjects: [String] = []) -> [UInt8] {
        build(["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << \(resources) >> >>",
               stream(content),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [\(Array(repeating: "500", count: 95).joined(separator: " "))] >>"]
              + extraObjects)
    }
}
