import CZlib

/// A PDF file written front to back (PDF 32000 §7.5): header, numbered objects (their offsets
/// recorded as they are written), then the cross-reference table and the trailer.
///
/// Object numbers can be reserved before the object is written, so a page can point at the font
/// and resource objects that are only written once every page is known.
struct PDFFileWriter {
    var out = PDFBuffer(capacity: 1 << 19)
    /// Offset of each object by number; index 0 is the head of the free list, -1 = not written.
    private var offsets: [Int] = [0]

    init() {
        out.append("%PDF-1.7\n")
        // A comment of bytes above 127 tells transfer programs the file is binary (§7.5.2).
        out.bytes.append(contentsOf: [UInt8(ascii: "%"), 0xE2, 0xE3, 0xCF, 0xD3, UInt8(ascii: "\n")])
    }

    /// A new object number, to be written later with `beginObject`.
    mutating func reserve() -> Int {
        offsets.append(-1)
        return offsets.count - 1
    }

    mutating func beginObject(_ id: Int) {
        offsets[id] = out.count
        out.append(id)
        out.append(" 0 obj\n")
    }

    mutating func endObject() {
        out.append("\nendobj\n")
    }

    /// A reference, `12 0 R`.
    mutating func append(reference id: Int) {
        out.append(id)
        out.append(" 0 R")
    }

    /// A FlateDecode-compressed stream object; `dictionary` writes the entries besides /Length
    /// and /Filter.
    mutating func writeStream(_ id: Int, data: [UInt8], deflater: Deflater,
                              dictionary: (inout PDFBuffer) -> Void = { _ in }) throws(RenderError) {
        let compressed = try deflater.compress(data)
        beginObject(id)
        out.append("<<")
        dictionary(&out)
        out.append(" /Filter /FlateDecode /Length ")
        out.append(compressed.count)
        out.append(" >>\nstream\n")
        out.bytes.append(contentsOf: compressed)
        out.append("\nendstream")
        endObject()
    }

    /// The cross-reference table and trailer; returns the whole file.
    ///
    /// The file identifier (§14.4) is computed from the file's own bytes (CRC-32 and Adler-32 of
    /// all of it and of each half), so the same document gives the same bytes in every run.
    mutating func finish(root: Int, info: Int) -> [UInt8] {
        let identifier = fileIdentifier()
        let xref = out.count
        out.append("xref\n0 ")
        out.append(offsets.count)
        out.append("\n")
        for (id, offset) in offsets.enumerated() {
            if id == 0 || offset < 0 {
                out.append("0000000000 65535 f \n")
            } else {
                let digits = String(offset)
                out.append(ascii: String(repeating: "0", count: max(0, 10 - digits.count)) + digits)
                out.append(" 00000 n \n")
            }
        }
        out.append("trailer\n<< /Size ")
        out.append(offsets.count)
        out.append(" /Root ")
        append(reference: root)
        out.append(" /Info ")
        append(reference: info)
        out.append(" /ID [<")
        for byte in identifier { out.appendHex(byte) }
        out.append("> <")
        for byte in identifier { out.appendHex(byte) }
        out.append(">] >>\nstartxref\n")
        out.append(xref)
        out.append("\n%%EOF\n")
        return out.bytes
    }

    private func fileIdentifier() -> [UInt8] {
        out.bytes.withUnsafeBufferPointer { bytes -> [UInt8] in
            let half = bytes.count / 2
            func crc(_ part: UnsafeBufferPointer<UInt8>) -> UInt32 {
                UInt32(truncatingIfNeeded: crc32(0, part.baseAddress, UInt32(part.count)))
            }
            let words = [crc(bytes),
                         UInt32(truncatingIfNeeded: adler32(1, bytes.baseAddress, UInt32(bytes.count))),
                         crc(UnsafeBufferPointer(rebasing: bytes[..<half])),
                         crc(UnsafeBufferPointer(rebasing: bytes[half...]))]
            return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
        }
    }
}
