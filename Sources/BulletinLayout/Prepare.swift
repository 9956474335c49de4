import BulletinFonts
import BulletinModel

/// A styled stretch of text handed to the composer: text plus the resolved font chain, size and
/// colour, and the JSON path of the model element it comes from (for warnings).
struct StyledSpan {
    var text: String
    var style: ResolvedStyle
    var path: String
}

/// A style with its font chain looked up.
struct ResolvedStyle {
    var chain: FontChain
    var size: Double
    var color: RGBColor
    var syntheticBold: Bool = false
}

/// The smallest thing the line composer moves: one full-width character (or a `——` pair), or one
/// Western word. Widths in points.
struct Unit {
    var text: String
    var face: FontFace
    var size: Double
    var color: RGBColor
    var syntheticBold: Bool
    var glyphs: [ShapedGlyph]
    var clusters: [TextCluster]
    var characterClass: CharacterClass
    /// Width of the box the breaker sees.
    var width: Double
    /// Where the glyphs start relative to the box (negative for opening marks, whose blank first
    /// half lies before the box in the preceding glue).
    var inkOffset: Double
    /// Blank halves of punctuation, kept in the glue around the box so they can be compressed
    /// and dropped at line ends (clreq `#punctuation_width_adjustment`).
    var blankBefore: Double
    var blankAfter: Double
    /// Whether a source space preceded this unit (set as glue, never doubled).
    var spaceBefore: Bool
    var first: Unicode.Scalar
    var last: Unicode.Scalar
    /// The grid cell (or em in proportional mode) of this unit's size.
    var cell: Double

    /// A cut made by `splittingOverlongWords`: the line may break before this piece.
    var isEmergencyPiece = false

    var isPunctuation: Bool {
        [.closing, .opening, .middle, .dashOrEllipsis].contains(characterClass)
    }
}

/// Step 1 of composing a paragraph: itemize by character class and font, shape each item with
/// HarfBuzz, and cut the result into units.
struct Preparer {
    var grid: CharacterGrid?
    /// Cell width of the body grid (type area width / characters per line), used for full-width
    /// characters set in the body size.
    var gridCell: Double?
    var punctuation: PunctuationStyle
    var warnings: [Diagnostic] = []
    /// (path, character) pairs already warned about: one warning per character and element, not
    /// one per occurrence (a pasted paragraph of emoji) nor per trial layout (balanced headlines).
    private var reportedCharacters: Set<String> = []

    init(grid: CharacterGrid?, gridCell: Double?, punctuation: PunctuationStyle) {
        self.grid = grid
        self.gridCell = gridCell
        self.punctuation = punctuation
    }

    mutating func units(of spans: [StyledSpan]) -> [Unit] {
        var units: [Unit] = []
        var pendingSpace = false
        // The runs of a paragraph share its path: count characters across them, so that "at
        // character N" in a warning is the position in the element's whole text.
        var charactersBefore: [String: Int] = [:]
        for span in spans {
            var offset = 0
            var index = charactersBefore[span.path, default: 0]
            defer { charactersBefore[span.path] = index }
            for (face, text, cls) in segments(of: span, index: &index) {
                if cls == .space {
                    pendingSpace = true
                    offset += text.count
                    continue
                }
                appendUnits(text: text, face: face, cls: cls, style: span.style, pendingSpace: &pendingSpace,
                            into: &units)
                offset += text.count
            }
        }
        return units
    }

    /// Splits a span into runs of one font and one shaping class (space, Western, full-width).
    /// `index` is the element's character count before the span and is advanced past it.
    private mutating func segments(of span: StyledSpan, index: inout Int) -> [(FontFace, String, CharacterClass)] {
        var result: [(FontFace, String, CharacterClass)] = []
        var current = ""
        var currentFace: FontFace?
        var currentKind: CharacterClass?
        for character in span.text {
            defer { index += 1 }
            guard let scalar = character.unicodeScalars.first else { continue }
            var cls = CharacterClass(scalar)
            if cls != .western && cls != .space { cls = .ideographic }  // one shaping kind for all full-width
            let face: FontFace
            if let found = span.style.chain.face(for: character) {
                face = found
                // A system font (fontconfig fallback) is outside the layout: the PDF then depends
                // on the machine, and the glyph rarely matches the Chinese faces.
                if !span.style.chain.faces.contains(where: { $0 === found }),
                   reportedCharacters.insert("\(span.path)\u{0}\(character)").inserted {
                    warnings.append(Diagnostic(.warning, path: span.path,
                        message: "the character “\(character)” (\(Preparer.codePoints(character))) at character "
                            + "\(index + 1) is in none of the layout's fonts; drawn with the system font "
                            + found.postScriptName,
                        hint: "the PDF then depends on the fonts installed on this computer"))
                }
            } else {
                face = span.style.chain.primary
                if cls != .space, reportedCharacters.insert("\(span.path)\u{0}\(character)").inserted {
                    warnings.append(Diagnostic(.warning, path: span.path,
                        message: "no font has the character “\(character)” (\(Preparer.codePoints(character))) "
                            + "at character \(index + 1)",
                        hint: "it is kept in the text but drawn as the font's missing-glyph box"))
                }
            }
            if face !== currentFace || cls != currentKind, !current.isEmpty, let currentFace, let currentKind {
                result.append((currentFace, current, currentKind))
                current = ""
            }
            currentFace = face
            currentKind = cls
            current.append(character)
        }
        if !current.isEmpty, let currentFace, let currentKind { result.append((currentFace, current, currentKind)) }
        return result
    }

    private func appendUnits(text: String, face: FontFace, cls: CharacterClass, style: ResolvedStyle,
                             pendingSpace: inout Bool, into units: inout [Unit]) {
        let size = style.size
        // Full-width characters take one grid cell; the grid is defined for the body size, and
        // other sizes keep their em.
        let cell = (gridCell != nil && abs(size - bodySize) < 0.01) ? gridCell! : size
        let shaped = face.shape(text, script: cls == .western ? .latin : .han)
        let utf8 = Array(text.utf8)
        if cls == .western {
            // Western text: one unit per word (the segment has no spaces), never broken inside.
            let width = shaped.reduce(0) { $0 + $1.advance } * size
            units.append(Unit(text: text, face: face, size: size, color: style.color,
                              syntheticBold: style.syntheticBold, glyphs: shaped,
                              clusters: Preparer.clusters(shaped, byteCount: utf8.count),
                              characterClass: .western, width: width, inkOffset: 0, blankBefore: 0,
                              blankAfter: 0, spaceBefore: pendingSpace, first: text.unicodeScalars.first!,
                              last: text.unicodeScalars.last!, cell: cell))
            pendingSpace = false
            return
        }
        // Full-width: one unit per character, except that `——` and `……` pairs stay one unit.
        var byteStart = 0
        var glyphIndex = 0
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            var chars = String(characters[i])
            let scalar = characters[i].unicodeScalars.first!
            let klass = CharacterClass(scalar)
            if klass == .dashOrEllipsis, i + 1 < characters.count, characters[i + 1] == characters[i] {
                chars.append(characters[i + 1])
                i += 1
            }
            i += 1
            let byteEnd = byteStart + chars.utf8.count
            var glyphs: [ShapedGlyph] = []
            while glyphIndex < shaped.count && shaped[glyphIndex].cluster < byteEnd {
                var g = shaped[glyphIndex]
                g.cluster -= byteStart
                glyphs.append(g)
                glyphIndex += 1
            }
            let slots = Double(chars.count)
            var width = cell * slots
            var blankBefore = 0.0, blankAfter = 0.0, inkOffset = 0.0
            // Centre the glyphs' em in the cell (a 16 pt glyph in a 15.79 pt grid cell).
            let advance = glyphs.reduce(0) { $0 + $1.advance } * size
            inkOffset = (width - advance) / 2
            if punctuation.halvesPunctuation(klass) {
                if klass == .closing {
                    blankAfter = cell / 2
                    width = cell / 2
                } else if klass == .opening {
                    blankBefore = cell / 2
                    width = cell / 2
                    inkOffset -= cell / 2
                }
            }
            units.append(Unit(text: chars, face: face, size: size, color: style.color,
                              syntheticBold: style.syntheticBold, glyphs: glyphs,
                              clusters: Preparer.clusters(glyphs, byteCount: chars.utf8.count),
                              characterClass: klass, width: width, inkOffset: inkOffset,
                              blankBefore: blankBefore, blankAfter: blankAfter, spaceBefore: pendingSpace,
                              first: chars.unicodeScalars.first!, last: chars.unicodeScalars.last!, cell: cell))
            pendingSpace = false
            byteStart = byteEnd
        }
    }

    /// `U+1F600`, `U+00E9 U+0301`: the code points of a character, at least four hex digits each.
    static func codePoints(_ character: Character) -> String {
        character.unicodeScalars.map { scalar in
            let digits = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }.joined(separator: " ")
    }

    /// Body size the grid is defined for (set by the typesetter).
    var bodySize: Double = 16

    /// Groups glyphs into Cairo clusters from HarfBuzz's cluster values (monotone, byte offsets).
    static func clusters(_ glyphs: [ShapedGlyph], byteCount: Int) -> [TextCluster] {
        guard !glyphs.isEmpty else { return byteCount > 0 ? [TextCluster(bytes: byteCount, glyphs: 0)] : [] }
        var result: [TextCluster] = []
        var start = 0
        while start < glyphs.count {
            var end = start + 1
            while end < glyphs.count && glyphs[end].cluster == glyphs[start].cluster { end += 1 }
            let nextByte = end < glyphs.count ? glyphs[end].cluster : byteCount
            let firstByte = start == 0 ? 0 : glyphs[start].cluster
            result.append(TextCluster(bytes: max(0, nextByte - firstByte), glyphs: end - start))
            start = end
        }
        return result
    }
}

/// Punctuation width style (clreq `#punctuation_width_adjustment`; xeCJK's names).
enum PunctuationStyle: String, CaseIterable {
    /// 全角: marks full width, halved at line ends and where two meet.
    case quanjiao
    /// 开明: like 全角, but only 。！？ keep their full width inside a line.
    case kaiming
    /// 半角: every mark half width.
    case banjiao
    /// No adjustment: a strict grid, every mark one full cell.
    case none

    func halvesPunctuation(_ cls: CharacterClass) -> Bool {
        self != .none && (cls == .closing || cls == .opening)
    }
}
