/// Builds `PDFFont`s from font dictionaries (§9.6 simple fonts, §9.7 composite fonts), reporting what
/// it could not use as warnings on the font (`font F1 (Name)`).
struct FontLoader {
    let store: ObjectStore
    var glyphNames = GlyphNameMemo()
    var sharedToUnicode = ToUnicodeCache()

    func load(_ dictionary: PDFDictionary, resourceName: String) -> PDFFont {
        let subtype = store.name(dictionary["Subtype"]) ?? "Type1"
        if subtype == "Type0" { return loadComposite(dictionary, resourceName: resourceName) }
        return loadSimple(dictionary, subtype: subtype, resourceName: resourceName)
    }

    // MARK: Shared

    /// `ABCDEF+Name` → `Name`.
    static func stripSubsetPrefix(_ name: String) -> String {
        let utf8 = Array(name.utf8)
        if utf8.count > 7, utf8[6] == 0x2B, utf8[0..<6].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
            return String(name.dropFirst(7))
        }
        return name
    }

    /// Bold and italic from the descriptor (§9.8.2: FontWeight, Flags ForceBold bit 19, Italic bit 7,
    /// ItalicAngle) and the name's style words.
    static func style(name: String, descriptor: PDFDictionary?, store: ObjectStore) -> (bold: Bool, italic: Bool) {
        // Bytes, ASCII-lowercased: `String.contains(String)` goes through the generic string
        // processing library, a tenth of a millisecond per font for these few words.
        let lower = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func has(_ word: String) -> Bool {
            let word = Array(word.utf8)
            guard word.count <= lower.count else { return false }
            return (0...lower.count - word.count).contains { lower[$0..<$0 + word.count].elementsEqual(word) }
        }
        let flags = store.integer(descriptor?["Flags"]) ?? 0
        let weight = store.number(descriptor?["FontWeight"]) ?? 0
        let angle = store.number(descriptor?["ItalicAngle"]) ?? 0
        let boldWords = ["bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold", "-demi", "w7", "w8", "w9"]
        let bold = weight >= 600 || flags & (1 << 18) != 0 || boldWords.contains(where: has)
        let italic = flags & (1 << 6) != 0 || angle != 0 || has("italic") || has("oblique")
        return (bold, italic)
    }

    private func warn(_ resourceName: String, _ fontName: String, _ message: String) {
        store.warn("font \(resourceName) (\(fontName))", message)
    }

    /// Parses the /ToUnicode CMap; a broken one gives a warning and an empty map (the encoding or the
    /// embedded font is then used instead).
    private func toUnicode(_ object: PDFObject?, resourceName: String, fontName: String) -> [UInt32: String] {
        let resolved = store.resolve(object)
        switch resolved {
        case .null: return [:]
        case .name(let name):
            // /Identity-H: the codes are Unicode (read by the composite font loader); other names mean nothing.
            if !FontLoader.identityNames.contains(name) { warn(resourceName, fontName, "ToUnicode /\(name) is not a CMap stream; ignored") }
            return [:]
        case .stream(let stream):
            guard let id = stream.objectID else {
                return report(parseToUnicode(stream, resourceName: resourceName, fontName: fontName), resourceName, fontName)
            }
            // Met before by this reader, or parsed by another: its problems are reported for this
            // font as parsing would report them.
            let entry = glyphNames.toUnicodeByStream[id]
                ?? sharedToUnicode.entry(id) { parseToUnicode(stream, resourceName: resourceName, fontName: fontName) }
            glyphNames.toUnicodeByStream[id] = entry
            return report(entry, resourceName, fontName)
        default:
            warn(resourceName, fontName, "ToUnicode is \(resolved.typeName), not a CMap stream; ignored")
            return [:]
        }
    }

    /// The parsed map and the problems to report: an empty map when the stream cannot be decoded
    /// (with what the store said about it).
    private func parseToUnicode(_ stream: PDFStream, resourceName: String, fontName: String) -> ToUnicodeCache.Entry {
        let (data, raised) = store.recordingProblems {
            store.decodedData(stream, feature: "font \(resourceName) (\(fontName)) ToUnicode")
        }
        guard let data else { return ToUnicodeCache.Entry(map: [:], problems: [], raised: raised) }
        let cmap = CMap.parse(data)
        var problems = cmap.problems.map { "ToUnicode: \($0)" }
        if cmap.unicode.isEmpty { problems.append("ToUnicode CMap maps nothing (broken); using the font's encoding instead") }
        return ToUnicodeCache.Entry(map: cmap.unicode, problems: problems, raised: raised)
    }

    /// Reports a ToUnicode map's problems for this font; returns the map.
    private func report(_ entry: ToUnicodeCache.Entry, _ resourceName: String, _ fontName: String) -> [UInt32: String] {
        store.replay(entry.raised)
        for problem in entry.problems { warn(resourceName, fontName, problem) }
        return entry.map
    }

    // MARK: Simple fonts

    private func loadSimple(_ dictionary: PDFDictionary, subtype: String, resourceName: String) -> PDFFont {
        let isType3 = subtype == "Type3"
        let baseName = store.name(dictionary["BaseFont"]).map(FontLoader.stripSubsetPrefix) ?? (isType3 ? "Type3" : "unnamed")
        let descriptor = store.dictionary(dictionary["FontDescriptor"])
        let style = FontLoader.style(name: baseName, descriptor: descriptor, store: store)
        var fontMatrix = Matrix(a: 0.001, b: 0, c: 0, d: 0.001, e: 0, f: 0)
        if isType3, let values = store.array(dictionary["FontMatrix"])?.compactMap({ store.number($0) }),
           let matrix = Matrix(values), matrix.a != 0 || matrix.b != 0 {
            fontMatrix = matrix
        }

        // Encoding: base table, then /Differences (§9.6.5).
        var base: [UInt16]?
        var declaredBase: [UInt16]?
        var differences: [Int: String] = [:]
        switch store.resolve(dictionary["Encoding"]) {
        case .name(let name):
            base = FontLoader.baseEncoding(name)
            if base == nil { warn(resourceName, baseName, "unknown encoding /\(name); using StandardEncoding") }
        case .dictionary(let encoding):
            if let name = store.name(encoding["BaseEncoding"]) { base = FontLoader.baseEncoding(name); declaredBase = base }
            var code = 0
            for item in store.array(encoding["Differences"]) ?? [] {
                switch store.resolve(item) {
                case .integer(let value): code = value
                case .name(let glyph):
                    if code >= 0, code < 256 { differences[code] = glyph }
                    code += 1
                default: break
                }
            }
        default: break
        }
        if base == nil, !isType3, let builtIn = BuiltInEncoding.names(descriptor: descriptor, store: store) {
            // The embedded program's own encoding is the base (§9.6.5.1); /Differences still apply.
            for (code, glyph) in builtIn where differences[code] == nil { differences[code] = glyph }
        }
        let isEmbedded = ["FontFile", "FontFile2", "FontFile3"].contains { descriptor?[$0] != nil }
        if base == nil {
            // No base: the font's built-in encoding (§9.6.6). A standard 14 font (or an alias such as
            // ArialMT) that is not embedded has its known one — Symbol's and ZapfDingbats' own,
            // StandardEncoding for the text fonts (poppler and pdf.js read their pdf.js issue 7580 so).
            // Otherwise TrueType fonts are read as WinAnsi (what Windows producers mean, and what
            // poppler assumes, symbolic or not); symbolic built-in encodings of other fonts are
            // unknown without the program, so StandardEncoding is the best guess there.
            if !isEmbedded, let known = StandardFonts.builtInEncoding(for: baseName) {
                base = known
            } else {
                base = subtype == "TrueType" ? BaseEncodingTables.winAnsi : BaseEncodingTables.standard
            }
        }
        // Glyph-index names (`g0024`) of an embedded TrueType font are read through its cmap; so
        // are the codes of a symbolic one given no /Encoding (§9.6.6.4).
        var glyphText: (() -> [Int: String])?
        var codeText: (() -> [Int: String])?
        if subtype == "TrueType", case .stream(let program)? = descriptor.map({ store.resolve($0["FontFile2"]) }) {
            let programStore = store
            glyphText = {
                programStore.decodedData(program, feature: "embedded TrueType font").map { TrueTypeTables.glyphText($0, fontName: baseName) } ?? [:]
            }
            let symbolic = (store.integer(descriptor?["Flags"]) ?? 0) & 4 != 0
            if symbolic, dictionary["Encoding"] == nil {
                codeText = {
                    programStore.decodedData(program, feature: "embedded TrueType font").map(TrueTypeTables.symbolicCodeText) ?? [:]
                }
            }
        }
        let reporter = store
        // Text per code is worked out when a code is first shown (fonts often show a handful of
        // their 256 codes; Chromium writes one Type 3 font per few glyphs).
        let encoding = SimpleEncoding(
            differences: differences, base: !isType3 || dictionary["Encoding"] == nil ? base : nil,
            declaredBase: declaredBase, isType3: isType3, isZapfDingbats: StandardFonts.isZapfDingbats(baseName),
            glyphNames: glyphNames, glyphText: glyphText, codeText: codeText,
            warnCodeGuess: { names in
                let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
                reporter.warn("font \(resourceName) (\(baseName))",
                              "\(names.count) glyph name(s) with no Unicode meaning (\(shown)); their character codes are read as Latin-1, a guess")
            })

        // Widths (§9.6.2.1): /FirstChar + /Widths; /MissingWidth for the rest.
        let firstChar = store.integer(dictionary["FirstChar"]) ?? 0
        let missingWidth = store.number(descriptor?["MissingWidth"])
        let widthsArray = store.array(dictionary["Widths"])
        var widths = [Double](repeating: 0, count: 256)
        let scale = isType3 ? fontMatrix.a : 0.001
        let fallback = (missingWidth ?? (widthsArray == nil ? 500 : 0)) * scale
        for code in 0..<256 { widths[code] = fallback }
        if let widthsArray {
            for (offset, item) in widthsArray.enumerated() {
                let code = firstChar + offset
                guard code >= 0, code < 256, let value = store.number(item) else { continue }
                widths[code] = value * scale
            }
        } else if !isType3, let standard = StandardFonts.widths(for: baseName) {
            // A standard 14 font (or an alias) named without /Widths: its well-known metrics.
            for code in 0..<256 {
                let width: Double?
                switch standard {
                case .fixed(let value): width = value
                case .byCode(let table): width = table[UInt32(code)]
                case .byUnicode(let table):
                    let text = encoding.text(code)
                    width = text.flatMap { $0.unicodeScalars.count == 1 ? table[$0.unicodeScalars.first!.value] : nil }
                }
                if let width { widths[code] = width * scale }
            }
        } else if !isType3 {
            warn(resourceName, baseName, "no /Widths; glyph advances are estimated (500/1000 em)")
        }

        let toUnicode = toUnicode(dictionary["ToUnicode"], resourceName: resourceName, fontName: baseName)
        return PDFFont(name: baseName, isBold: style.bold, isItalic: style.italic, isComposite: false, isVertical: false,
                       fontMatrix: fontMatrix, encodingCMap: nil, predefined: nil, toUnicode: toUnicode, simpleEncoding: encoding,
                       simpleWidths: widths, cidWidths: [:], cidWidthRanges: [], defaultWidth: fallback, embeddedText: nil)
    }

    static func baseEncoding(_ name: String) -> [UInt16]? {
        switch name {
        case "WinAnsiEncoding": return BaseEncodingTables.winAnsi
        case "MacRomanEncoding", "MacExpertEncoding": return BaseEncodingTables.macRoman
        case "StandardEncoding": return BaseEncodingTables.standard
        case "PDFDocEncoding": return BaseEncodingTables.pdfDoc
        default: return nil
        }
    }

    // MARK: Composite fonts

    private func loadComposite(_ dictionary: PDFDictionary, resourceName: String) -> PDFFont {
        let baseName = store.name(dictionary["BaseFont"]).map(FontLoader.stripSubsetPrefix) ?? "unnamed"
        let descendant = store.array(dictionary["DescendantFonts"]).flatMap { $0.first }.flatMap { store.dictionary($0) }
        if descendant == nil { warn(resourceName, baseName, "Type0 font without a descendant font; widths default to 1000") }
        let descriptor = store.dictionary(descendant?["FontDescriptor"])
        var styleName = baseName
        if let descendantName = store.name(descendant?["BaseFont"]) { styleName += " " + descendantName }
        let style = FontLoader.style(name: styleName, descriptor: descriptor, store: store)

        // Encoding: a predefined CMap name or an embedded CMap stream (§9.7.5).
        var predefined: PredefinedCMap?
        var embedded: CMap?
        var vertical = false
        switch store.resolve(dictionary["Encoding"]) {
        case .name(let name):
            predefined = PredefinedCMap(name: name)
            if predefined == nil {
                warn(resourceName, baseName, "predefined CMap /\(name) is not supported; codes read as 2-byte CIDs (Identity-H)")
                predefined = PredefinedCMap(name: "Identity-H")
            }
            vertical = predefined?.isVertical ?? false
        case .stream(let stream):
            if let data = store.decodedData(stream, feature: "font \(resourceName) (\(baseName)) encoding CMap") {
                var cmap = CMap.parse(data)
                if let parent = cmap.parentName ?? store.name(stream.dictionary["UseCMap"]),
                   !cmap.hasCIDMappings, let parentCMap = PredefinedCMap(name: parent) {
                    predefined = parentCMap
                } else if let parent = cmap.parentName, cmap.codespaces.isEmpty, parent.hasPrefix("Identity") {
                    cmap.codespaces = [CMap.Codespace(low: [0, 0], high: [0xFF, 0xFF])]
                }
                vertical = cmap.writingMode == 1 || store.integer(stream.dictionary["WMode"]) == 1
                embedded = cmap
            }
        default:
            warn(resourceName, baseName, "Type0 font without an /Encoding; codes read as 2-byte CIDs (Identity-H)")
        }
        if predefined == nil && embedded == nil { predefined = PredefinedCMap(name: "Identity-H") }
        // Vertical writing is placed down the page by /DW2 and /W2 (§9.7.4.3), and line building
        // turns such pages.
        var verticalMetrics = VerticalMetrics()
        if vertical, let descendant {
            let store = self.store
            verticalMetrics = VerticalMetrics(dw2: store.array(descendant["DW2"]), w2: store.array(descendant["W2"]),
                                              number: { store.number($0) }, array: { store.array($0) })
        }

        // Widths (§9.7.4.3): /DW and /W.
        let defaultWidth = (store.number(descendant?["DW"]) ?? 1000) / 1000
        var singles: [UInt32: Double] = [:]
        var ranges: [(low: UInt32, high: UInt32, width: Double)] = []
        let items = store.array(descendant?["W"]) ?? []
        var index = 0
        while index < items.count {
            guard let first = store.integer(items[index]), first >= 0, first < Int(UInt32.max) - 65536 else { index += 1; continue }
            if index + 1 < items.count, let list = store.array(items[index + 1]) {
                for (offset, value) in list.prefix(65536).enumerated() {
                    if let width = store.number(value) { singles[UInt32(first + offset)] = width / 1000 }
                }
                index += 2
            } else if index + 2 < items.count, let last = store.integer(items[index + 1]), let width = store.number(items[index + 2]) {
                if last >= first { ranges.append((UInt32(first), UInt32(Swift.min(last, Int(UInt32.max))), width / 1000)) }
                index += 3
            } else {
                index += 1
            }
        }

        let toUnicode = toUnicode(dictionary["ToUnicode"], resourceName: resourceName, fontName: baseName)
        // §9.7.3: /CIDSystemInfo names the character collection the CIDs belong to. For Adobe's CJK
        // collections a CID means the same character in every font, so Adobe's table reads it when
        // nothing else does.
        let collection = store.dictionary(descendant?["CIDSystemInfo"])
        func text(_ key: String) -> String? { store.resolve(collection?[key]).string.map { String(decoding: $0, as: UTF8.self) } }
        let cidCollection = CIDCollection(registry: text("Registry"), ordering: text("Ordering"))
        // The embedded font's own cmap is the fallback for codes ToUnicode does not map (all of them
        // when it is missing or broken). Read on the first such code only: most fonts never need it.
        var embeddedText: (() -> [UInt32: String])?
        let identityCodes = predefined.map { if case .identity = $0.kind { return true } else { return false } } ?? true
        // /ToUnicode /Identity-H (a name, not a CMap) says the codes are Unicode; pdf.js and poppler
        // read it so. The font's own cmap still comes first when the font is embedded.
        var codesAreUnicode = identityCodes && FontLoader.identityNames.contains(store.name(dictionary["ToUnicode"]) ?? "")
        let isEmbedded = ["FontFile", "FontFile2", "FontFile3"].contains { descriptor?[$0] != nil }
        var guessedText: [UInt32: String]?
        if identityCodes, toUnicode.isEmpty, !codesAreUnicode, !isEmbedded, cidCollection == nil, let descendant,
           store.name(descendant["Subtype"]) == "CIDFontType2",
           store.name(descendant["CIDToGIDMap"]).map({ $0 == "Identity" }) ?? (descendant["CIDToGIDMap"] == nil) {
            let listed = FontLoader.listedWidths(singles: singles, ranges: ranges)
            switch UnembeddedCIDFontGuess.reading(widths: listed, fontName: styleName) {
            case .unicode?:
                codesAreUnicode = true
                warn(resourceName, baseName, "not embedded and no ToUnicode; its CIDs are read as Unicode, which its widths agree with (a guess)")
            case .macintoshOrder(let end)?:
                guessedText = UnembeddedCIDFontGuess.macintoshOrderText(end: end)
                warn(resourceName, baseName, "not embedded and no ToUnicode; its CIDs 3–\(end - 1) are read as glyph indices in the "
                     + "standard Macintosh order that Windows' core fonts begin with, which its widths agree with (a guess)")
            case nil:
                break
            }
        }
        if let guessedText {
            embeddedText = { guessedText }
        } else if identityCodes, let descendant {
            let store = self.store
            let warnWhenEmpty = toUnicode.isEmpty && cidCollection == nil && !codesAreUnicode
            embeddedText = {
                let text = EmbeddedFontText(store: store).cidToText(descendant: descendant, descriptor: descriptor)
                if text.isEmpty, warnWhenEmpty {
                    store.warn("font \(resourceName) (\(baseName))", isEmbedded
                        ? "no ToUnicode and no usable cmap in the embedded font; its text cannot be recovered"
                        : "no ToUnicode and no usable cmap (the font is not embedded, and its widths do not show what its CIDs mean); its text cannot be recovered")
                }
                return text
            }
        } else if toUnicode.isEmpty, descendant == nil {
            warn(resourceName, baseName, "no ToUnicode and no descendant font; its text cannot be recovered")
        }
        return PDFFont(name: baseName, isBold: style.bold, isItalic: style.italic, isComposite: true, isVertical: vertical,
                       fontMatrix: Matrix(a: 0.001, b: 0, c: 0, d: 0.001, e: 0, f: 0), encodingCMap: embedded,
                       predefined: predefined, toUnicode: toUnicode, simpleEncoding: nil, simpleWidths: [],
                       cidWidths: singles, cidWidthRanges: ranges, defaultWidth: defaultWidth, embeddedText: embeddedText,
                       cidCollection: cidCollection, codesAreUnicode: codesAreUnicode, verticalMetrics: verticalMetrics)
    }

    /// ToUnicode names read as "the codes are Unicode".
    static let identityNames: Set<String> = ["Identity-H", "Identity-V", "Identity"]

    /// The CIDs /W lists with their widths (ranges of more than 1,024 CIDs left out: a CJK font's
    /// blanket range says nothing about single glyphs).
    static func listedWidths(singles: [UInt32: Double], ranges: [(low: UInt32, high: UInt32, width: Double)]) -> [(cid: UInt32, width: Double)] {
        var listed = singles.map { (cid: $0.key, width: $0.value) }
        for range in ranges where range.high - range.low < 1024 {
            for cid in range.low...range.high where singles[cid] == nil { listed.append((cid, range.width)) }
        }
        return listed
    }
}
