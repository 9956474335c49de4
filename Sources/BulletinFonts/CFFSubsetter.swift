extension CFFFont {
    /// A CFF table with only the glyph programs of `glyphs` (and .notdef), for embedding in a PDF.
    ///
    /// Charstrings are copied byte for byte and every subroutine is kept, so no glyph program is
    /// interpreted or changed (the shipped Fandol fonts have no subroutines at all; a font that has
    /// them embeds them whole: larger, never wrong). Only offsets are rewritten.
    ///
    /// - CID-keyed fonts: the kept glyphs are renumbered in their old order and the new charset
    ///   keeps each glyph's CID, so a PDF addresses a glyph by its CID from the full font
    ///   (PDF 32000 §9.7.4.2: CIDs select glyphs through the CFF charset).
    /// - Name-keyed fonts: glyph numbers stay (a PDF uses CIDs directly as glyph numbers for these),
    ///   unused glyphs become a one-byte `endchar` and the font ends at the last used glyph.
    func subset(_ glyphs: [Int]) throws(FontProgramError) -> [UInt8] {
        var used = [Bool](repeating: false, count: glyphCount)
        used[0] = true
        for glyph in glyphs where glyph >= 0 && glyph < glyphCount { used[glyph] = true }
        let kept: [Int]
        var programs: [Range<Int>?] = []
        if isCIDKeyed {
            kept = used.indices.filter { used[$0] }
            for glyph in kept { programs.append(try charStrings.range(of: glyph, in: data)) }
        } else {
            let last = used.lastIndex(of: true) ?? 0
            kept = Array(0...last)
            for glyph in kept { programs.append(used[glyph] ? try charStrings.range(of: glyph, in: data) : nil) }
        }
        let programBytes = programs.reduce(0) { $0 + ($1?.count ?? 1) }

        // Sizes first: every offset is written in the fixed 5-byte form, so the layout is known
        // before any byte is written.
        let copiedTop = topDict.filter { !CFFFont.rewrittenTopOperators.contains($0.op) || keepsPredefinedCharset($0) }
        var topSize = copiedTop.reduce(0) { $0 + $1.bytes.count }
        topSize += CFFDictEntry.fixedSize(CFFOperator.charStrings, operands: 1)
        if charset != nil { topSize += CFFDictEntry.fixedSize(CFFOperator.charset, operands: 1) }
        if isCIDKeyed {
            topSize += CFFDictEntry.fixedSize(CFFOperator.fdArray, operands: 1)
            topSize += CFFDictEntry.fixedSize(CFFOperator.fdSelect, operands: 1)
        } else {
            topSize += CFFDictEntry.fixedSize(CFFOperator.private, operands: 2)
        }
        let charsetSize = charset == nil ? 0 : 1 + 2 * (kept.count - 1)
        let fdRanges = isCIDKeyed ? fdSelectRanges(kept) : []
        let fdSelectSize = isCIDKeyed ? 3 + 3 * fdRanges.count + 2 : 0
        let privateDictSizes = privates.map { p in
            p.dict.filter { $0.op != CFFOperator.subrs }.reduce(0) { $0 + $1.bytes.count }
                + (p.subrs.isEmpty ? 0 : CFFDictEntry.fixedSize(CFFOperator.subrs, operands: 1))
        }
        let fontDictSizes = fontDicts.map { dict in
            dict.filter { $0.op != CFFOperator.private }.reduce(0) { $0 + $1.bytes.count }
                + CFFDictEntry.fixedSize(CFFOperator.private, operands: 2)
        }

        let header = 4
        let topIndexStart = header + nameIndex.count
        let stringsStart = topIndexStart + CFFIndex.size(count: 1, dataSize: topSize)
        let charsetStart = stringsStart + (stringIndex.end - stringIndex.start) + globalSubrs.count
        let fdSelectStart = charsetStart + charsetSize
        let charStringsStart = fdSelectStart + fdSelectSize
        let fdArrayStart = charStringsStart + CFFIndex.size(count: kept.count, dataSize: programBytes)
        var privateStarts: [Int] = []
        var position = fdArrayStart + (isCIDKeyed ? CFFIndex.size(count: fontDicts.count, dataSize: fontDictSizes.reduce(0, +)) : 0)
        for (i, p) in privates.enumerated() {
            privateStarts.append(position)
            position += privateDictSizes[i] + p.subrs.count
        }

        var out: [UInt8] = []
        out.reserveCapacity(position)
        let source = data.bytes
        func copy(_ range: Range<Int>) { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[range])) }
        out.append(contentsOf: [source[0], source[1], 4, 4])
        copy(nameIndex)

        CFFIndex.appendHeader(count: 1, sizes: [topSize], to: &out)
        for entry in copiedTop { copy(entry.bytes) }
        CFFDictEntry.appendFixed(CFFOperator.charStrings, [charStringsStart], to: &out)
        if charset != nil { CFFDictEntry.appendFixed(CFFOperator.charset, [charsetStart], to: &out) }
        if isCIDKeyed {
            CFFDictEntry.appendFixed(CFFOperator.fdArray, [fdArrayStart], to: &out)
            CFFDictEntry.appendFixed(CFFOperator.fdSelect, [fdSelectStart], to: &out)
        } else {
            CFFDictEntry.appendFixed(CFFOperator.private, [privateDictSizes[0], privateStarts[0]], to: &out)
        }

        copy(stringIndex.start..<stringIndex.end)
        copy(globalSubrs)

        if let charset {
            out.append(0)  // format 0: one CID or SID per glyph after .notdef
            for glyph in kept.dropFirst() {
                out.append(UInt8(charset[glyph] >> 8))
                out.append(UInt8(charset[glyph] & 0xFF))
            }
        }
        if isCIDKeyed {
            out.append(3)  // format 3: ranges of new glyph numbers sharing a Font DICT
            out.append(contentsOf: [UInt8(fdRanges.count >> 8), UInt8(fdRanges.count & 0xFF)])
            for range in fdRanges {
                out.append(contentsOf: [UInt8(range.first >> 8), UInt8(range.first & 0xFF), range.fd])
            }
            out.append(contentsOf: [UInt8(kept.count >> 8), UInt8(kept.count & 0xFF)])
        }

        CFFIndex.appendHeader(count: kept.count, sizes: programs.lazy.map { $0?.count ?? 1 }, to: &out)
        for program in programs {
            if let program {
                copy(program)
            } else {
                out.append(14)  // endchar: an empty glyph in the place of an unused one
            }
        }

        if isCIDKeyed {
            CFFIndex.appendHeader(count: fontDicts.count, sizes: fontDictSizes, to: &out)
            for (i, dict) in fontDicts.enumerated() {
                for entry in dict where entry.op != CFFOperator.private { copy(entry.bytes) }
                CFFDictEntry.appendFixed(CFFOperator.private, [privateDictSizes[i], privateStarts[i]], to: &out)
            }
        }
        for (i, p) in privates.enumerated() {
            for entry in p.dict where entry.op != CFFOperator.subrs { copy(entry.bytes) }
            // Subrs offsets count from the Private DICT's start: the INDEX follows the DICT.
            if !p.subrs.isEmpty { CFFDictEntry.appendFixed(CFFOperator.subrs, [privateDictSizes[i]], to: &out) }
            copy(p.subrs)
        }
        guard out.count == position else {
            throw FontProgramError("CFF subset: wrote \(out.count) bytes where \(position) were laid out")
        }
        return out
    }

    /// Top DICT operators whose operands are offsets into the table (rewritten in a subset).
    private static let rewrittenTopOperators: Set<Int> = [
        CFFOperator.charset, CFFOperator.encoding, CFFOperator.charStrings, CFFOperator.private,
        CFFOperator.fdArray, CFFOperator.fdSelect,
    ]

    /// A predefined charset (operand 0–2) is not an offset: copied as it is.
    private func keepsPredefinedCharset(_ entry: CFFDictEntry) -> Bool {
        entry.op == CFFOperator.charset && charset == nil
    }

    /// Runs of new glyph numbers that share a Font DICT.
    private func fdSelectRanges(_ kept: [Int]) -> [(first: Int, fd: UInt8)] {
        var ranges: [(first: Int, fd: UInt8)] = []
        for (newGlyph, oldGlyph) in kept.enumerated() where ranges.last?.fd != fdSelect[oldGlyph] {
            ranges.append((newGlyph, fdSelect[oldGlyph]))
        }
        return ranges
    }
}
