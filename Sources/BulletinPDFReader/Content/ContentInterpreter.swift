import Glibc

/// Runs a page's content streams (§8–9, operators in Annex A) and records what the extractor needs:
/// every shown glyph with its Unicode text, position, size, font and colour, and straight rules.
/// Images, shadings and clipping are skipped; Type 3 glyph procedures are not run (their text
/// comes from the font's encoding/ToUnicode).
final class ContentInterpreter {
    let store: ObjectStore
    let fonts: FontCache
    let pageIndex: Int
    /// User space → visible page space (crop box origin, /Rotate, y downwards).
    let pageMatrix: Matrix

    private(set) var glyphs: [PDFGlyph] = []
    private(set) var rules: [PDFRule] = []

    private var state = GraphicsState()
    private var stateStack: [GraphicsState] = []
    /// q operators beyond the stack limit, so that their Q's are ignored too.
    private var droppedSaves = 0
    private var textMatrix = Matrix.identity
    private var lineMatrix = Matrix.identity
    private var inText = false
    private var warnedOperatorInArray = false

    private struct MarkedContent {
        var actualText: String?
        var firstGlyph: Int
        var isArtifact: Bool
    }
    private var markedContent: [MarkedContent] = []
    private var artifactDepth = 0
    private var actualTextDepth = 0

    private var path = PathBuilder()
    /// `Tf` names already resolved in the current resources (producers that switch fonts at every
    /// glyph make this lookup hot). Saved and cleared around forms, which have their own resources.
    private var fontsByName: [String: PDFFont?] = [:]
    /// Form XObjects being run (to stop cycles) and their nesting depth.
    private var formStack: [ObjectID] = []
    static let maximumFormDepth = 16
    /// Per page: a hostile content stream must not turn into gigabytes of glyphs (a dense newspaper
    /// page has ~20,000; a 256 MiB stream could produce tens of millions).
    static let maximumGlyphs = 1_000_000
    static let maximumRules = 100_000
    private var warnedGlyphLimit = false
    static let maximumStateDepth = 4096
    /// Fonts that showed codes without text, counted for one warning each.
    private var unmapped: [ObjectIdentifier: (font: PDFFont, count: Int)] = [:]

    init(store: ObjectStore, fonts: FontCache, pageIndex: Int, pageMatrix: Matrix) {
        self.store = store
        self.fonts = fonts
        self.pageIndex = pageIndex
        self.pageMatrix = pageMatrix
        state.ctm = .identity
    }

    func warn(_ feature: String, _ message: String) {
        store.warn(feature, message)
    }

    /// Runs one content stream with `resources`.
    func run(_ content: [UInt8], resources: PDFDictionary?) {
        // A shown glyph costs at least ~4 bytes of content (`<xxxx>` in a TJ array, usually more):
        // reserving for that many at once spares the repeated grow-and-copy of a page's glyphs
        // (profiled: ~5% of an extraction, mostly page faults on each new, larger buffer). Capped
        // so that a page of vector graphics does not reserve for glyphs it never shows.
        glyphs.reserveCapacity(glyphs.count + min(content.count / 4, 8192))
        content.withUnsafeBytes { buffer in
            interpret(buffer, resources: resources)
        }
    }

    /// Ends the page: closes unbalanced marked content and reports unmapped codes.
    func finish() {
        while !markedContent.isEmpty { endMarkedContent() }
        // By font name: a dictionary's order changes from run to run (Swift seeds its hashing).
        for entry in unmapped.values.sorted(by: { ($0.font.name, $0.count) < ($1.font.name, $1.count) }) {
            warn("font \(entry.font.name)", "\(entry.count) character code(s) have no Unicode mapping; their text is empty")
        }
        unmapped.removeAll()
    }

    // MARK: The operator loop

    /// Operators dropped when they turn up inside an open array (text state and colour): any other
    /// operator there means the array was never closed, and it runs as usual.
    private static let stateOperatorsSkippedInArrays: Set<Int> = [
        code("Tc"), code("Tw"), code("Tz"), code("TL"), code("Ts"), code("Tr"), code("Tf"),
        code("g"), code("G"), code("rg"), code("RG"), code("k"), code("K"),
    ]

    /// Packs an operator of up to 3 bytes into an integer for a fast switch.
    @inline(__always) private static func code(_ text: StaticString) -> Int {
        let pointer = text.utf8Start
        var value = 0
        for index in 0..<text.utf8CodeUnitCount { value |= Int(pointer[index]) << (8 * index) }
        return value
    }

    private func interpret(_ bytes: UnsafeRawBufferPointer, resources: PDFDictionary?) {
        var scanner = Scanner(bytes)
        var operands = OperandStack()
        let resources = resources ?? PDFDictionary()
        while true {
            scanner.skipWhitespace()
            guard let byte = scanner.peek() else { break }
            switch byte {
            case 0x2F:
                let start = operands.bytes.count
                scanner.readName(into: &operands.bytes)
                operands.push(.name, from: start)
            case 0x28:
                let start = operands.bytes.count
                scanner.readLiteralString(into: &operands.bytes)
                operands.push(.string, from: start)
            case 0x3C:
                if scanner.peek(1) == 0x3C {
                    var parser = ObjectParser(bytes, at: scanner.position)
                    do throws(PDFSyntaxError) {
                        operands.push(dictionary: try parser.parseDictionary(depth: 1))
                        scanner.position = parser.position
                    } catch {
                        warn("content stream", "\(error.message) (byte \(error.offset) of the content)")
                        scanner.position = max(parser.position, scanner.position + 2)
                        operands.push(.other)
                    }
                } else {
                    let start = operands.bytes.count
                    scanner.readHexString(into: &operands.bytes)
                    operands.push(.string, from: start)
                }
            case 0x5B:
                scanner.position += 1
                operands.push(.arrayStart)
            case 0x5D:
                scanner.position += 1
                operands.push(.arrayEnd)
            case 0x2B, 0x2D, 0x2E, 0x30...0x39:
                operands.push(number: scanner.readDouble())
            case 0x29, 0x3E, 0x7B, 0x7D:
                scanner.position += 1  // stray delimiter: skip
            default:
                let range = scanner.keywordRange()
                scanner.position = range.upperBound
                let length = range.count
                if length == 0 { scanner.position += 1; continue }
                var op = 0
                if length <= 3 {
                    for index in 0..<length { op |= Int(bytes[range.lowerBound + index]) << (8 * index) }
                } else {
                    // true/false/null as operands; longer words are unknown operators.
                    if length == 4, bytes[range.lowerBound] == 0x74 || bytes[range.lowerBound] == 0x6E {
                        operands.push(.other); continue
                    }
                    if length == 5, bytes[range.lowerBound] == 0x66 { operands.push(.other); continue }
                    operands.reset()
                    continue
                }
                if operands.openArrays > 0, ContentInterpreter.stateOperatorsSkippedInArrays.contains(op) {
                    // `[(Grandes) 0.0 Tc -250 (Clientèles)] TJ`: a text-state or colour operator
                    // written inside a TJ array. poppler and pdf.js keep the array and drop the
                    // operator; so does this (the array's numbers stay: adjustments, harmless).
                    if !warnedOperatorInArray {
                        warnedOperatorInArray = true
                        warn("content stream", "an operator written inside an array (\(String(decoding: bytes[range], as: UTF8.self))) was ignored")
                    }
                    continue
                }
                if op == ContentInterpreter.code("BI") {
                    skipInlineImage(&scanner)
                } else {
                    execute(op, &operands, resources: resources)
                }
                operands.reset()
            }
            if operands.count > 4096 { operands.reset() }  // garbage: no operator takes that many
        }
    }

    private func execute(_ op: Int, _ operands: inout OperandStack, resources: PDFDictionary) {
        let n = operands.count
        switch op {
        // Text showing (§9.4.3)
        case ContentInterpreter.code("Tj"):
            if let range = operands.string(n - 1) { show(range, in: operands.bytes) }
        case ContentInterpreter.code("TJ"):
            showArray(operands)
        case ContentInterpreter.code("'"):
            nextLine()
            if let range = operands.string(n - 1) { show(range, in: operands.bytes) }
        case ContentInterpreter.code("\""):
            state.wordSpacing = operands.number(n - 3)
            state.characterSpacing = operands.number(n - 2)
            nextLine()
            if let range = operands.string(n - 1) { show(range, in: operands.bytes) }
        // Text positioning (§9.4.2)
        case ContentInterpreter.code("Td"):
            moveLine(operands.number(n - 2), operands.number(n - 1))
        case ContentInterpreter.code("TD"):
            let ty = operands.number(n - 1)
            state.leading = -ty
            moveLine(operands.number(n - 2), ty)
        case ContentInterpreter.code("Tm"):
            let v = operands.numbers(6)
            if let matrix = Matrix(v) {
                textMatrix = matrix
                lineMatrix = matrix
            }
        case ContentInterpreter.code("T*"):
            nextLine()
        case ContentInterpreter.code("BT"):
            inText = true
            textMatrix = .identity
            lineMatrix = .identity
        case ContentInterpreter.code("ET"):
            inText = false
        // Text state (§9.3)
        case ContentInterpreter.code("Tc"): state.characterSpacing = operands.number(n - 1)
        case ContentInterpreter.code("Tw"): state.wordSpacing = operands.number(n - 1)
        case ContentInterpreter.code("Tz"): state.horizontalScaling = operands.number(n - 1) / 100
        case ContentInterpreter.code("TL"): state.leading = operands.number(n - 1)
        case ContentInterpreter.code("Ts"): state.rise = operands.number(n - 1)
        case ContentInterpreter.code("Tr"): state.renderingMode = Int(clamping: operands.number(n - 1))
        case ContentInterpreter.code("Tf"):
            state.fontSize = operands.number(n - 1)
            if let name = operands.name(n - 2) {
                if let known = fontsByName[name] {
                    state.font = known
                } else {
                    state.font = fonts.font(named: name, resources: resources, store: store)
                    fontsByName[name] = state.font
                }
                if state.font == nil { warn("font \(name)", "not found in the page resources; its text is skipped") }
            }
        // Graphics state (§8.4.4)
        case ContentInterpreter.code("q"):
            if stateStack.count < ContentInterpreter.maximumStateDepth { stateStack.append(state) } else { droppedSaves += 1 }
        case ContentInterpreter.code("Q"):
            if droppedSaves > 0 { droppedSaves -= 1 } else if let saved = stateStack.popLast() { state = saved }
        case ContentInterpreter.code("cm"):
            if let matrix = Matrix(operands.numbers(6)) { state.ctm = matrix.concatenating(state.ctm) }
        case ContentInterpreter.code("w"):
            state.lineWidth = operands.number(n - 1)
        case ContentInterpreter.code("gs"):
            if let name = operands.name(n - 1) { applyExtGState(name, resources: resources) }
        // Colour (§8.6.8)
        case ContentInterpreter.code("g"):
            state.fillSpace = .gray
            state.fillColor = ColorSpace.gray.color([operands.number(n - 1)])
        case ContentInterpreter.code("G"):
            state.strokeSpace = .gray
            state.strokeColor = ColorSpace.gray.color([operands.number(n - 1)])
        case ContentInterpreter.code("rg"):
            state.fillSpace = .rgb
            state.fillColor = ColorSpace.rgb.color(operands.numbers(3))
        case ContentInterpreter.code("RG"):
            state.strokeSpace = .rgb
            state.strokeColor = ColorSpace.rgb.color(operands.numbers(3))
        case ContentInterpreter.code("k"):
            state.fillSpace = .cmyk
            state.fillColor = ColorSpace.cmyk.color(operands.numbers(4))
        case ContentInterpreter.code("K"):
            state.strokeSpace = .cmyk
            state.strokeColor = ColorSpace.cmyk.color(operands.numbers(4))
        case ContentInterpreter.code("cs"), ContentInterpreter.code("CS"):
            guard let name = operands.name(n - 1) else { break }
            let space = colorSpace(named: name, resources: resources)
            if op == ContentInterpreter.code("cs") {
                state.fillSpace = space
                state.fillColor = space.color(space.initialComponents)
            } else {
                state.strokeSpace = space
                state.strokeColor = space.color(space.initialComponents)
            }
        case ContentInterpreter.code("sc"), ContentInterpreter.code("scn"):
            let values = operands.allNumbers
            if !values.isEmpty { state.fillColor = state.fillSpace.color(Array(values.suffix(state.fillSpace.componentCount))) }
        case ContentInterpreter.code("SC"), ContentInterpreter.code("SCN"):
            let values = operands.allNumbers
            if !values.isEmpty { state.strokeColor = state.strokeSpace.color(Array(values.suffix(state.strokeSpace.componentCount))) }
        // Paths (§8.5)
        case ContentInterpreter.code("m"):
            path.move(to: state.ctm.apply(operands.number(n - 2), operands.number(n - 1)))
        case ContentInterpreter.code("l"):
            path.line(to: state.ctm.apply(operands.number(n - 2), operands.number(n - 1)))
        case ContentInterpreter.code("c"):
            path.curve(to: state.ctm.apply(operands.number(n - 2), operands.number(n - 1)))
        case ContentInterpreter.code("v"), ContentInterpreter.code("y"):
            path.curve(to: state.ctm.apply(operands.number(n - 2), operands.number(n - 1)))
        case ContentInterpreter.code("h"):
            path.close()
        case ContentInterpreter.code("re"):
            let v = operands.numbers(4)
            path.rectangle([state.ctm.apply(v[0], v[1]), state.ctm.apply(v[0] + v[2], v[1]),
                            state.ctm.apply(v[0] + v[2], v[1] + v[3]), state.ctm.apply(v[0], v[1] + v[3])])
        case ContentInterpreter.code("S"), ContentInterpreter.code("s"):
            if op == ContentInterpreter.code("s") { path.close() }
            strokePath()
            path.reset()
        case ContentInterpreter.code("f"), ContentInterpreter.code("F"), ContentInterpreter.code("f*"):
            fillPath()
            path.reset()
        case ContentInterpreter.code("B"), ContentInterpreter.code("B*"), ContentInterpreter.code("b"), ContentInterpreter.code("b*"):
            if op == ContentInterpreter.code("b") || op == ContentInterpreter.code("b*") { path.close() }
            fillPath()
            strokePath()
            path.reset()
        case ContentInterpreter.code("n"):
            path.reset()
        // XObjects (§8.8)
        case ContentInterpreter.code("Do"):
            if let name = operands.name(n - 1) { drawXObject(name, resources: resources) }
        // Marked content (§14.6)
        case ContentInterpreter.code("BMC"):
            var isArtifact = false
            if let tag = operands.name(n - 1) { isArtifact = tag == "Artifact" }
            beginMarkedContent(actualText: nil, isArtifact: isArtifact)
        case ContentInterpreter.code("BDC"):
            var tag = ""
            if let name = operands.name(n - 2) { tag = name }
            var properties: PDFDictionary?
            if let dictionary = operands.dictionary(n - 1) {
                properties = dictionary
            } else if let name = operands.name(n - 1) {
                properties = store.dictionary(store.dictionary(resources["Properties"])?[name])
            }
            var actualText: String?
            if let value = store.resolve(properties?["ActualText"]).string { actualText = TextString.decode(value) }
            beginMarkedContent(actualText: actualText, isArtifact: tag == "Artifact")
        case ContentInterpreter.code("EMC"):
            endMarkedContent()
        default:
            break  // Other operators (clipping, images, shading, d0/d1, compatibility) do not place text.
        }
    }

    // MARK: Text

    private func moveLine(_ tx: Double, _ ty: Double) {
        lineMatrix = Matrix(a: 1, b: 0, c: 0, d: 1, e: tx, f: ty).concatenating(lineMatrix)
        textMatrix = lineMatrix
    }

    private func nextLine() {
        moveLine(0, -state.leading)
    }

    private func showArray(_ operands: OperandStack) {
        guard let font = state.font else { return warnNoFont() }
        var started = false
        for (index, operand) in operands.items.enumerated() {
            switch operand.kind {
            case .arrayStart: started = true
            case .arrayEnd: return
            case .string where started:
                if let range = operands.string(index) { show(range, in: operands.bytes, font: font) }
            case .number where started:
                // §9.4.4: the number is subtracted from the horizontal position, in thousandths of an em.
                let adjustment = operand.number
                if font.isVertical {
                    textMatrix = Matrix(a: 1, b: 0, c: 0, d: 1, e: 0, f: -adjustment / 1000 * state.fontSize).concatenating(textMatrix)
                } else {
                    let tx = -adjustment / 1000 * state.fontSize * state.horizontalScaling
                    textMatrix = Matrix(a: 1, b: 0, c: 0, d: 1, e: tx, f: 0).concatenating(textMatrix)
                }
            default: break
            }
        }
    }

    private var warnedNoFont = false
    private func warnNoFont() {
        if !warnedNoFont { warn("text", "text shown before any font was selected (no Tf); skipped") }
        warnedNoFont = true
    }

    private func show(_ range: Range<Int>, in arena: [UInt8]) {
        guard let font = state.font else { return warnNoFont() }
        show(range, in: arena, font: font)
    }

    /// Shows a string (§9.4.4): each glyph placed at the text matrix origin, then the text matrix
    /// advanced by (w0 × Tfs + Tc + Tw) × Th.
    private func show(_ range: Range<Int>, in arena: [UInt8], font: PDFFont) {
        let fontSize = state.fontSize
        let scaling = state.horizontalScaling
        let characterSpacing = state.characterSpacing
        let wordSpacing = state.wordSpacing
        let rise = state.rise
        // Text space → page space, for the string's start.
        let base = textMatrix.concatenating(state.ctm).concatenating(pageMatrix)
        // Em height in page space: the text-space vertical unit scaled by the font size, for every
        // font type. A Type 3 font's FontMatrix maps its own glyph grid into that unit (§9.6.4):
        // Chromium's 1/1000, pdftocairo's 1 (its Tf is 1, Tm carries the size), pdfTeX's bitmap
        // fonts' 1/83 all draw a 1 em glyph one text-space unit high.
        let emScale = (base.c * base.c + base.d * base.d).squareRoot() * abs(fontSize)
        let mode = state.renderingMode
        let color = mode == 1 || mode == 5 ? state.strokeColor : state.fillColor
        let strokeWidth = mode == 1 || mode == 2 || mode == 5 || mode == 6
            ? state.lineWidth * (abs(state.ctm.a * state.ctm.d - state.ctm.b * state.ctm.c)).squareRoot() : 0
        let isArtifact = artifactDepth > 0
        let fontName = font.name
        let angle = ContentInterpreter.angle(of: base, mirrored: fontSize * scaling < 0)
        var x = 0.0
        var y = 0.0
        arena.withUnsafeBytes { whole in
            let buffer = UnsafeRawBufferPointer(rebasing: whole[range])
            font.forEachGlyph(in: buffer) { glyph, code, isSpace in
                let advance = glyph.width * fontSize
                if font.isVertical {
                    // §9.7.4.3: the glyph's horizontal origin is the current point minus v.
                    let metric = font.verticalMetric(code, width: glyph.width)
                    let left = x - (metric.originX ?? 0) * fontSize, baseline = y - metric.originY * fontSize + rise
                    let origin = base.apply(left, baseline)
                    let end = base.apply(left + advance * scaling, baseline)
                    append(glyph, font: font, fontName: fontName, origin: origin, end: end, size: emScale, mode: mode,
                           strokeWidth: strokeWidth, color: color, isArtifact: isArtifact, angle: angle)
                    // §9.4.4 vertical: ty = w1 × Tfs + Tc + Tw (w1 negative: the pen moves down).
                    y += metric.advance * fontSize + characterSpacing + (isSpace ? wordSpacing : 0)
                    return
                }
                let origin = base.apply(x, rise)
                let end = base.apply(x + advance * scaling, rise)
                append(glyph, font: font, fontName: fontName, origin: origin, end: end, size: emScale, mode: mode,
                       strokeWidth: strokeWidth, color: color, isArtifact: isArtifact, angle: angle)
                x += (advance + characterSpacing + (isSpace ? wordSpacing : 0)) * scaling
            }
        }
        textMatrix = Matrix(a: 1, b: 0, c: 0, d: 1, e: x, f: y).concatenating(textMatrix)
    }

    @inline(__always)
    private func append(_ glyph: PDFFont.Glyph, font: PDFFont, fontName: String, origin: (x: Double, y: Double),
                        end: (x: Double, y: Double), size: Double, mode: Int, strokeWidth: Double, color: PDFColor,
                        isArtifact: Bool, angle: Double) {
        guard glyphs.count < ContentInterpreter.maximumGlyphs else {
            if !warnedGlyphLimit {
                warn("page", "more than \(ContentInterpreter.maximumGlyphs) glyphs; the rest of the page is skipped")
                warnedGlyphLimit = true
            }
            return
        }
        if glyph.text.isEmpty, actualTextDepth == 0 {
            let key = ObjectIdentifier(font)
            unmapped[key, default: (font, 0)].count += 1
        }
        let dx = end.x - origin.x, dy = end.y - origin.y
        let x: Double, width: Double
        if abs(dx) >= abs(dy) {
            x = min(origin.x, end.x)
            width = abs(dx)
        } else {
            x = origin.x
            width = abs(dy)
        }
        glyphs.append(PDFGlyph(text: glyph.text, x: x, baseline: origin.y, width: width, size: size, font: fontName,
                               fontIsBold: font.isBold, fontIsItalic: font.isItalic, renderingMode: mode,
                               strokeWidth: strokeWidth, color: color, isArtifact: isArtifact, angle: angle))
    }

    /// The direction of text space's x axis under `matrix` (text space → page space), in degrees
    /// clockwise from +x in [0, 360), rounded to a hundredth so that float noise in an upright
    /// matrix reads 0; `mirrored` (a negative font size or horizontal scaling) turns it round.
    static func angle(of matrix: Matrix, mirrored: Bool) -> Double {
        let axis = matrix.applyVector(mirrored ? -1 : 1, 0)
        guard axis.x != 0 || axis.y != 0, axis.x.isFinite, axis.y.isFinite else { return 0 }
        var degrees = (atan2(axis.y, axis.x) * 180 / .pi * 100).rounded() / 100
        if degrees < 0 { degrees += 360 }
        return degrees >= 360 ? 0 : degrees
    }

    // MARK: Marked content

    private func beginMarkedContent(actualText: String?, isArtifact: Bool) {
        markedContent.append(MarkedContent(actualText: actualText, firstGlyph: glyphs.count, isArtifact: isArtifact))
        if isArtifact { artifactDepth += 1 }
        if actualText != nil { actualTextDepth += 1 }
    }

    /// Ends a marked-content sequence; an /ActualText span replaces the glyphs drawn inside it by one
    /// glyph carrying the replacement text over their combined box (§14.9.4).
    private func endMarkedContent() {
        guard let entry = markedContent.popLast() else { return }
        if entry.isArtifact { artifactDepth -= 1 }
        guard let actualText = entry.actualText else { return }
        actualTextDepth -= 1
        guard entry.firstGlyph < glyphs.count else {
            // Replacement text for something that drew no glyph (an image, a path, a hyphenation
            // point): placed at the current text position so its text is not lost.
            if !actualText.isEmpty { appendActualTextWithoutGlyphs(actualText) }
            return
        }
        // Indices only: holding a slice of `glyphs` while shrinking it would copy the whole array.
        var replacement = glyphs[entry.firstGlyph]
        var left = replacement.x, right = replacement.x + replacement.width
        for index in entry.firstGlyph..<glyphs.count {
            left = min(left, glyphs[index].x)
            right = max(right, glyphs[index].x + glyphs[index].width)
        }
        replacement.text = actualText
        replacement.x = left
        replacement.width = right - left
        glyphs.removeLast(glyphs.count - entry.firstGlyph)
        glyphs.append(replacement)
    }

    private func appendActualTextWithoutGlyphs(_ text: String) {
        let base = textMatrix.concatenating(state.ctm).concatenating(pageMatrix)
        let origin = base.apply(0, state.rise)
        let size = (base.c * base.c + base.d * base.d).squareRoot() * abs(state.fontSize)
        glyphs.append(PDFGlyph(text: text, x: origin.x, baseline: origin.y, width: 0, size: size,
                               font: state.font?.name ?? "", fontIsBold: state.font?.isBold ?? false,
                               fontIsItalic: state.font?.isItalic ?? false, renderingMode: state.renderingMode,
                               color: state.fillColor, isArtifact: artifactDepth > 0,
                               angle: ContentInterpreter.angle(of: base, mirrored: state.fontSize * state.horizontalScaling < 0)))
    }

    // MARK: Resources

    private func applyExtGState(_ name: String, resources: PDFDictionary) {
        guard let parameters = store.dictionary(store.dictionary(resources["ExtGState"])?[name]) else { return }
        if let width = store.number(parameters["LW"]) { state.lineWidth = width }
        if let font = store.array(parameters["Font"]), font.count == 2, let reference = font[0].reference {
            state.font = fonts.font(reference: reference, resourceName: name, store: store)
            state.fontSize = store.number(font[1]) ?? state.fontSize
        }
    }

    private func colorSpace(named name: String, resources: PDFDictionary) -> ColorSpace {
        switch name {
        case "DeviceGray", "G", "CalGray": return .gray
        case "DeviceRGB", "RGB", "CalRGB": return .rgb
        case "DeviceCMYK", "CMYK": return .cmyk
        case "Pattern": return .pattern
        default:
            let object = store.dictionary(resources["ColorSpace"])?[name]
            return ColorSpaceReader(store: store).read(object, depth: 0) ?? {
                warn("colour space \(name)", "unknown or unreadable; colours in it are read as gray")
                return .gray
            }()
        }
    }

    // MARK: XObjects

    private func drawXObject(_ name: String, resources: PDFDictionary) {
        let reference = store.dictionary(resources["XObject"])?[name]
        let object = store.resolve(reference)
        guard case .stream(let stream) = object else {
            if object.isNull { warn("XObject \(name)", "not found in the resources") }
            return
        }
        guard store.name(stream.dictionary["Subtype"]) == "Form" else { return }  // images carry no text
        drawForm(stream, id: reference?.reference ?? stream.objectID, label: "XObject \(name)", resources: resources)
    }

    /// Runs a form XObject (§8.10) in the current graphics state with its /Matrix on top, then
    /// restores the state. Resources: the form's own, else `resources` (older files leave them out).
    private func drawForm(_ stream: PDFStream, id: ObjectID?, label: String, resources: PDFDictionary?) {
        if let id, formStack.contains(id) {
            warn(label, "form draws itself (a cycle); not drawn again")
            return
        }
        guard formStack.count < ContentInterpreter.maximumFormDepth else {
            warn(label, "forms nested deeper than \(ContentInterpreter.maximumFormDepth); not drawn")
            return
        }
        guard let content = store.decodedData(stream, feature: label) else { return }
        let formResources = store.dictionary(stream.dictionary["Resources"]) ?? resources
        let saved = (state, stateStack.count, textMatrix, lineMatrix)
        if let values = store.array(stream.dictionary["Matrix"])?.compactMap({ store.number($0) }), let matrix = Matrix(values) {
            state.ctm = matrix.concatenating(state.ctm)
        }
        formStack.append(id ?? ObjectID(number: -1, generation: 0))
        let outerFonts = fontsByName
        fontsByName = [:]
        run(content, resources: formResources)
        fontsByName = outerFonts
        formStack.removeLast()
        state = saved.0
        if stateStack.count > saved.1 { stateStack.removeSubrange(saved.1...) }
        textMatrix = saved.2
        lineMatrix = saved.3
    }

    /// Draws an annotation's appearance over the page (§12.5.5), after the page's content: in a
    /// fresh graphics state outside any marked content, the form mapped into the annotation's
    /// rectangle. `pageResources` stand in for resources the form lacks.
    func drawAppearance(_ appearance: AnnotationAppearance, pageResources: PDFDictionary?) {
        while !markedContent.isEmpty { endMarkedContent() }
        state = GraphicsState()
        state.ctm = appearance.placement
        stateStack.removeAll()
        droppedSaves = 0
        inText = false
        path.reset()
        drawForm(appearance.form, id: appearance.id, label: "\(appearance.subtype) annotation appearance", resources: pageResources)
    }

    /// Draws text an annotation holds without an appearance (`UnpaintedText`) as a viewer would:
    /// from the box's left edge, 2 points in; one line centred in the box, or lines down from its
    /// top. Advances are estimated: an em for wide (CJK) characters, half an em for the rest.
    func draw(_ unpainted: UnpaintedText) {
        let size = unpainted.size, rect = unpainted.rect
        let lines = unpainted.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            let y = unpainted.fromTop ? rect.y1 - 2 - size * (0.8 + 1.2 * Double(index))
                : rect.y0 + (rect.y1 - rect.y0 - size) / 2 + 0.22 * size
            var x = rect.x0 + 2
            for character in line {
                let wide = character.unicodeScalars.first.map { ContentInterpreter.isWide($0.value) } ?? false
                let advance = size * (wide ? 1 : 0.5)
                let origin = pageMatrix.apply(x, y), end = pageMatrix.apply(x + advance, y)
                let dx = end.x - origin.x, dy = end.y - origin.y
                guard glyphs.count < ContentInterpreter.maximumGlyphs else { return }
                glyphs.append(PDFGlyph(text: String(character), x: abs(dx) >= abs(dy) ? min(origin.x, end.x) : origin.x,
                                       baseline: origin.y, width: max(abs(dx), abs(dy)), size: size, font: "Helvetica",
                                       angle: ContentInterpreter.angle(of: pageMatrix, mirrored: false)))
                x += advance
            }
        }
    }

    /// East Asian wide characters (UAX #11, the main blocks): Hangul, CJK, fullwidth forms.
    static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || value >= 0x20000
    }

    // MARK: Inline images (§8.9.7)

    /// Skips `BI … ID <data> EI`. The data length comes from /L or /Length (PDF 2.0) or, unfiltered,
    /// from width × height × components × bits; otherwise the data ends at the first `EI` that stands
    /// alone between white-space.
    private func skipInlineImage(_ scanner: inout Scanner) {
        var parameters: [String: PDFObject] = [:]
        var parser = ObjectParser(scanner.bytes, at: scanner.position)
        while true {
            parser.scanner.skipWhitespace()
            if parser.scanner.atEnd { scanner.position = parser.position; return }
            if parser.scanner.matches("ID") { parser.position += 2; break }
            guard parser.scanner.peek() == 0x2F else {
                // Malformed dictionary: skip a token.
                parser.scanner.skipRegular()
                if Scanner.isDelimiter(parser.scanner.peek() ?? 0) { parser.position += 1 }
                continue
            }
            let key = parser.scanner.readName()
            guard let value = try? parser.parseObject(depth: 1) else { break }
            parameters[key] = value
        }
        var position = parser.position
        if position < scanner.bytes.count, Scanner.isWhitespace(scanner.bytes[position]) { position += 1 }
        let bytes = scanner.bytes
        var length = (parameters["L"] ?? parameters["Length"])?.integer
        let hasFilter = parameters["F"] != nil || parameters["Filter"] != nil
        if length == nil, !hasFilter {
            let width = (parameters["W"] ?? parameters["Width"])?.integer ?? 0
            let height = (parameters["H"] ?? parameters["Height"])?.integer ?? 0
            let isMask = (parameters["IM"] ?? parameters["ImageMask"])?.boolean ?? false
            let bits = isMask ? 1 : ((parameters["BPC"] ?? parameters["BitsPerComponent"])?.integer ?? 8)
            var components = 1
            switch (parameters["CS"] ?? parameters["ColorSpace"])?.name {
            case "RGB"?, "DeviceRGB"?: components = 3
            case "CMYK"?, "DeviceCMYK"?: components = 4
            default: components = 1
            }
            if width > 0, height > 0, width < 1 << 20, height < 1 << 20 {
                length = (width * components * bits + 7) / 8 * height
            }
        }
        if let length, length >= 0, position + length <= bytes.count {
            var probe = Scanner(bytes, at: position + length)
            probe.skipWhitespace()
            if probe.matches("EI") {
                scanner.position = probe.position + 2
                return
            }
        }
        // Search for a lone EI.
        var index = position
        while index + 1 < bytes.count {
            if bytes[index] == 0x45, bytes[index + 1] == 0x49,
               index == 0 || Scanner.isWhitespace(bytes[index - 1]),
               index + 2 == bytes.count || Scanner.isWhitespace(bytes[index + 2]) || Scanner.isDelimiter(bytes[index + 2]) {
                scanner.position = index + 2
                return
            }
            index += 1
        }
        warn("inline image", "no 'EI' after the image data; the rest of the content stream is skipped")
        scanner.position = bytes.count
    }

    // MARK: Rules

    private func strokePath() {
        let scale = (abs(state.ctm.a * state.ctm.d - state.ctm.b * state.ctm.c)).squareRoot()
        let thickness = max(state.lineWidth * scale, 0)
        for subpath in path.subpaths where !subpath.hasCurves {
            let points = subpath.points.map { pageMatrix.apply($0.x, $0.y) }
            var segments = Array(zip(points, points.dropFirst()))
            if subpath.closed, let first = points.first, let last = points.last { segments.append((last, first)) }
            for (start, end) in segments {
                addRule(start, end, thickness: thickness, color: state.strokeColor)
            }
        }
    }

    private func fillPath() {
        guard rules.count < ContentInterpreter.maximumRules else { return }
        for subpath in path.subpaths where !subpath.hasCurves {
            var points = subpath.points.map { pageMatrix.apply($0.x, $0.y) }
            if points.count == 5, let first = points.first, let last = points.last,
               abs(first.x - last.x) < 0.01, abs(first.y - last.y) < 0.01 { points.removeLast() }
            guard points.count == 4 else { continue }
            let xs = points.map(\.x), ys = points.map(\.y)
            let left = xs.min()!, right = xs.max()!, top = ys.min()!, bottom = ys.max()!
            // Axis-aligned: every corner on the bounding box's corners.
            let aligned = points.allSatisfy { (abs($0.x - left) < 0.01 || abs($0.x - right) < 0.01)
                && (abs($0.y - top) < 0.01 || abs($0.y - bottom) < 0.01) }
            guard aligned else { continue }
            let width = right - left, height = bottom - top
            if height < 3, width > height * 2 {
                let y = (top + bottom) / 2
                rules.append(PDFRule(x0: left, y0: y, x1: right, y1: y, thickness: height, color: state.fillColor))
            } else if width < 3, height > width * 2 {
                let x = (left + right) / 2
                rules.append(PDFRule(x0: x, y0: top, x1: x, y1: bottom, thickness: width, color: state.fillColor))
            }
        }
    }

    private func addRule(_ start: (x: Double, y: Double), _ end: (x: Double, y: Double), thickness: Double, color: PDFColor) {
        guard rules.count < ContentInterpreter.maximumRules else { return }
        if abs(start.y - end.y) < 0.01, abs(start.x - end.x) > 0.01 {
            rules.append(PDFRule(x0: min(start.x, end.x), y0: start.y, x1: max(start.x, end.x), y1: start.y,
                                 thickness: thickness, color: color))
        } else if abs(start.x - end.x) < 0.01, abs(start.y - end.y) > 0.01 {
            rules.append(PDFRule(x0: start.x, y0: min(start.y, end.y), x1: start.x, y1: max(start.y, end.y),
                                 thickness: thickness, color: color))
        }
    }
}

/// The current path, in user space after the CTM (device-independent "default" space).
struct PathBuilder {
    struct Subpath {
        var points: [(x: Double, y: Double)] = []
        var closed = false
        var hasCurves = false
    }

    var subpaths: [Subpath] = []
    /// Paths with more segments than this are not examined for rules (a map or chart).
    static let maximumPoints = 10_000
    private var pointCount = 0

    mutating func move(to point: (x: Double, y: Double)) {
        guard pointCount < PathBuilder.maximumPoints else { return }
        subpaths.append(Subpath(points: [point]))
        pointCount += 1
    }

    mutating func line(to point: (x: Double, y: Double)) {
        guard pointCount < PathBuilder.maximumPoints else { return }
        if subpaths.isEmpty { subpaths.append(Subpath(points: [point])) }
        subpaths[subpaths.count - 1].points.append(point)
        pointCount += 1
    }

    mutating func curve(to point: (x: Double, y: Double)) {
        guard pointCount < PathBuilder.maximumPoints else { return }
        if subpaths.isEmpty { subpaths.append(Subpath(points: [point])) }
        subpaths[subpaths.count - 1].points.append(point)
        subpaths[subpaths.count - 1].hasCurves = true
        pointCount += 1
    }

    mutating func close() {
        guard !subpaths.isEmpty else { return }
        subpaths[subpaths.count - 1].closed = true
    }

    mutating func rectangle(_ corners: [(x: Double, y: Double)]) {
        guard pointCount < PathBuilder.maximumPoints else { return }
        subpaths.append(Subpath(points: corners, closed: true))
        pointCount += 4
    }

    mutating func reset() {
        subpaths.removeAll(keepingCapacity: true)
        pointCount = 0
    }
}
