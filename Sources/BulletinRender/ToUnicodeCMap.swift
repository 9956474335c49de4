/// The ToUnicode CMap of a font (PDF 32000 §9.10.3): a small PostScript CMap program mapping each
/// CID (two-byte code, Identity-H) to the UTF-16BE text its glyph stands for. It is what makes the
/// PDF's text copy out.
enum ToUnicodeCMap {
    /// `entries` are (CID, text) in ascending CID order.
    static func program(_ entries: [(cid: UInt16, text: String)]) -> [UInt8] {
        var out = PDFBuffer(capacity: 200 + entries.count * 16)
        out.append("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        // At most 100 entries per bfchar block (the CMap format's limit).
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(entries.count, start + 100)]
            out.append(block.count)
            out.append(" beginbfchar\n")
            for entry in block {
                out.append("<")
                out.append(hex16: entry.cid)
                out.append("> <")
                for unit in entry.text.utf16 { out.append(hex16: unit) }
                out.append(">\n")
            }
            out.append("endbfchar\n")
            start += 100
        }
        out.append("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """)
        return out.bytes
    }
}
