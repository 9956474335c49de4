import BulletinFonts

/// One font of a document as it goes into the PDF: a Type 0 font over a CIDFont, Identity-H
/// encoding, so the codes in content streams are CIDs (PDF 32000 §9.7.4, §9.7.5.2).
///
/// Pages register the glyphs they show, with the text each stands for; after the last page the
/// font is written once (one font object per font, however many runs and pages use it, synthetic
/// bold included), embedding a subset of exactly the glyphs used.
final class PDFFontResource {
    let face: FontFace
    let program: FontProgram
    /// Name in page resources and content streams, `F2`.
    let resourceName: String
    /// Object number of the Type 0 font, referenced by the page resources.
    let objectID: Int

    /// Per CID: what the glyph stands for in the ToUnicode map (`TextCode`); `unused` until a page
    /// shows it. The first occurrence decides; a later one with other text gets /ActualText.
    private var texts: [UInt32]
    /// Texts of more than one scalar (ligatures, a base and its marks), by CID.
    private var longTexts: [UInt16: String] = [:]
    /// Per CID: the glyph number and its advance in thousandths of an em (as written in /W).
    private var glyphs: [UInt16]
    private var widths: [Int32]

    init(face: FontFace, index: Int, objectID: Int) throws(RenderError) {
        self.face = face
        do throws(FontError) {
            program = try face.program()
        } catch {
            throw .font(error)
        }
        resourceName = "F\(index)"
        self.objectID = objectID
        texts = [UInt32](repeating: TextCode.unused, count: program.cidCount)
        glyphs = [UInt16](repeating: 0, count: program.cidCount)
        widths = [Int32](repeating: 0, count: program.cidCount)
    }

    /// What a CID stands for, as one number: 0 unused, 1 used but standing for no text yet (a
    /// glyph after the first of its cluster), 2 a long text (in `longTexts`), else a single
    /// scalar + 3.
    enum TextCode {
        static let unused: UInt32 = 0
        static let unclaimed: UInt32 = 1
        static let long: UInt32 = 2

        /// The code of non-empty UTF-8 text.
        static func of(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var iterator = utf8.makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return long }
            return scalar.utf8.count == utf8.count ? scalar.value + 3 : long
        }
    }

    /// The CID that shows `glyph` and its advance in thousandths of an em; the glyph goes into
    /// the subset.
    func register(glyph: UInt32) -> (cid: UInt16, width: Int32) {
        let cid = program.cid(of: glyph)
        let index = Int(cid)
        if texts[index] == TextCode.unused {
            texts[index] = TextCode.unclaimed
            glyphs[index] = UInt16(truncatingIfNeeded: glyph)
            widths[index] = Int32((face.advance(of: glyph) * 1000).rounded())
        }
        return (cid, widths[index])
    }

    /// Records that registered `cid` shows `utf8` (not empty). True when the ToUnicode map says
    /// exactly that for it: the first text claimed for a CID is the one the map keeps.
    func claim(_ cid: UInt16, text utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = Int(cid)
        let code = TextCode.of(utf8)
        let current = texts[index]
        if current == TextCode.unclaimed {
            texts[index] = code
            if code == TextCode.long { longTexts[cid] = String(decoding: utf8, as: UTF8.self) }
            return true
        }
        guard current == code else { return false }
        return code != TextCode.long || longTexts[cid] == String(decoding: utf8, as: UTF8.self)
    }

    /// Writes the font file (compressed by `programDeflater`), descriptor, CIDFont, ToUnicode map
    /// (by `textDeflater`) and the Type 0 font.
    func write(to file: inout PDFFileWriter, programDeflater: Deflater, textDeflater: Deflater) throws(RenderError) {
        let used = texts.indices.filter { texts[$0] != TextCode.unused }
        let fontFile = try subset(used)
        // A subset's name carries a tag of six capitals (§9.6.4), here derived from the glyphs it
        // holds so the same document always gets the same tag.
        let baseName = subsetTag(used) + "+" + face.postScriptName
        let isTrueType = program.outlines == .trueType

        let fontFileID = file.reserve()
        try file.writeStream(fontFileID, data: fontFile, deflater: programDeflater) { dictionary in
            if isTrueType {
                dictionary.append(" /Length1 ")
                dictionary.append(fontFile.count)
            } else {
                dictionary.append(" /Subtype /CIDFontType0C")
            }
        }

        let descriptorID = file.reserve()
        file.beginObject(descriptorID)
        writeDescriptor(to: &file, name: baseName, fontFileID: fontFileID, isTrueType: isTrueType)
        file.endObject()

        let cidFontID = file.reserve()
        file.beginObject(cidFontID)
        file.out.append("<< /Type /Font /Subtype ")
        file.out.append(isTrueType ? "/CIDFontType2" : "/CIDFontType0")
        file.out.append(" /BaseFont ")
        file.out.append(name: baseName)
        let collection = program.characterCollection
        file.out.append(" /CIDSystemInfo << /Registry ")
        file.out.append(textString: collection?.registry ?? "Adobe")
        file.out.append(" /Ordering ")
        file.out.append(textString: collection?.ordering ?? "Identity")
        file.out.append(" /Supplement ")
        file.out.append(collection?.supplement ?? 0)
        file.out.append(" >> /FontDescriptor ")
        file.append(reference: descriptorID)
        writeWidths(used, to: &file.out)
        if isTrueType { file.out.append(" /CIDToGIDMap /Identity") }
        file.out.append(" >>")
        file.endObject()

        let toUnicodeID = file.reserve()
        let cmap = ToUnicodeCMap.program(used.compactMap { index -> (UInt16, String)? in
            let cid = UInt16(index)
            switch texts[index] {
            case TextCode.unclaimed: return nil
            case TextCode.long: return (cid, longTexts[cid] ?? "")
            case let code: return (cid, String(Character(Unicode.Scalar(code - 3) ?? "\u{FFFD}")))
            }
        })
        try file.writeStream(toUnicodeID, data: cmap, deflater: textDeflater)

        file.beginObject(objectID)
        file.out.append("<< /Type /Font /Subtype /Type0 /BaseFont ")
        file.out.append(name: baseName)
        file.out.append(" /Encoding /Identity-H /DescendantFonts [")
        file.append(reference: cidFontID)
        file.out.append("] /ToUnicode ")
        file.append(reference: toUnicodeID)
        file.out.append(" >>")
        file.endObject()
    }

    private func subset(_ used: [Int]) throws(RenderError) -> [UInt8] {
        do throws(FontError) {
            return try program.subset(glyphs: used.map { UInt32(glyphs[$0]) })
        } catch {
            throw .font(error)
        }
    }

    private func writeDescriptor(to file: inout PDFFileWriter, name: String, fontFileID: Int, isTrueType: Bool) {
        let m = program.metrics
        // Flags (§9.8.2, Table 123): Symbolic, as the font has characters outside the standard
        // Latin set; FixedPitch and Italic when the font says so.
        let flags = 4 | (m.isFixedPitch ? 1 : 0) | (m.italicAngle != 0 ? 64 : 0)
        file.out.append("<< /Type /FontDescriptor /FontName ")
        file.out.append(name: name)
        file.out.append(" /Flags ")
        file.out.append(flags)
        file.out.append(" /FontBBox [")
        for (i, value) in m.boundingBox.enumerated() {
            if i > 0 { file.out.append(" ") }
            file.out.append(value, decimals: 2)
        }
        file.out.append("] /ItalicAngle ")
        file.out.append(m.italicAngle, decimals: 2)
        file.out.append(" /Ascent ")
        file.out.append(m.ascent, decimals: 2)
        file.out.append(" /Descent ")
        file.out.append(m.descent, decimals: 2)
        file.out.append(" /CapHeight ")
        file.out.append(m.capHeight, decimals: 2)
        file.out.append(" /StemV ")
        file.out.append(m.stemV, decimals: 2)
        file.out.append(isTrueType ? " /FontFile2 " : " /FontFile3 ")
        file.append(reference: fontFileID)
        file.out.append(" >>")
    }

    /// /DW is the commonest width; /W lists the others in runs of consecutive CIDs (§9.7.4.3).
    private func writeWidths(_ used: [Int], to out: inout PDFBuffer) {
        var counts: [Int32: Int] = [:]
        for cid in used { counts[widths[cid], default: 0] += 1 }
        let common = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 1000
        out.append(" /DW ")
        out.append(Int(common))
        let others = used.filter { widths[$0] != common }
        guard !others.isEmpty else { return }
        out.append(" /W [")
        var i = 0
        while i < others.count {
            var end = i + 1
            while end < others.count && others[end] == others[end - 1] + 1 { end += 1 }
            out.append(others[i])
            out.append(" [")
            for k in i..<end {
                if k > i { out.append(" ") }
                out.append(Int(widths[others[k]]))
            }
            out.append("] ")
            i = end
        }
        out.append("]")
    }

    /// Six capitals from a hash (FNV-1a) of the font's name and the CIDs it keeps.
    private func subsetTag(_ used: [Int]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        for byte in face.postScriptName.utf8 { mix(byte) }
        for cid in used {
            mix(UInt8(cid >> 8))
            mix(UInt8(cid & 0xFF))
        }
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(hash % 26))))
            hash /= 26
        }
        return tag
    }
}
