import BulletinModel

/// Last resorts for text that no rule-abiding break can fit: a Western word (or URL) wider than
/// the whole measure is cut where the measure ends, with a warning naming it, so no text ever
/// runs off the page unseen.
extension Preparer {
    /// `units` with every Western unit wider than `measure` cut into pieces that fit.
    mutating func splittingOverlongWords(_ units: [Unit], measure: Double, path: String) -> [Unit] {
        guard units.contains(where: { $0.characterClass == .western && $0.width > measure }) else { return units }
        var result: [Unit] = []
        for unit in units {
            guard unit.characterClass == .western, unit.width > measure, measure > 0 else {
                result.append(unit)
                continue
            }
            let pieces = Preparer.cut(unit, measure: measure)
            warnings.append(Diagnostic(.warning, path: path,
                message: "“\(unit.text.prefix(40))\(unit.text.count > 40 ? "…" : "")” (\(unit.text.count) characters) is wider "
                    + "than the line; it is broken into \(pieces.count) lines",
                hint: "Western words, numbers and URLs are otherwise never broken"))
            result += pieces
        }
        return result
    }

    /// Cuts a Western unit at cluster boundaries into pieces no wider than `measure`.
    static func cut(_ unit: Unit, measure: Double) -> [Unit] {
        let bytes = Array(unit.text.utf8)
        var pieces: [Unit] = []
        var start = 0           // first glyph of the current piece
        var width = 0.0
        var glyphIndex = 0
        func makePiece(until end: Int) {
            let firstByte = unit.glyphs[start].cluster
            let endByte = end < unit.glyphs.count ? unit.glyphs[end].cluster : bytes.count
            var glyphs = Array(unit.glyphs[start..<end])
            for i in glyphs.indices { glyphs[i].cluster -= firstByte }
            let text = String(decoding: bytes[firstByte..<endByte], as: UTF8.self)
            var piece = unit
            piece.text = text
            piece.glyphs = glyphs
            piece.clusters = Preparer.clusters(glyphs, byteCount: endByte - firstByte)
            piece.width = glyphs.reduce(0) { $0 + $1.advance } * unit.size
            piece.spaceBefore = pieces.isEmpty ? unit.spaceBefore : false
            piece.isEmergencyPiece = !pieces.isEmpty
            piece.first = text.unicodeScalars.first ?? unit.first
            piece.last = text.unicodeScalars.last ?? unit.last
            pieces.append(piece)
        }
        while glyphIndex < unit.glyphs.count {
            // Advance a whole cluster at a time.
            var end = glyphIndex + 1
            while end < unit.glyphs.count && unit.glyphs[end].cluster == unit.glyphs[glyphIndex].cluster { end += 1 }
            let clusterWidth = unit.glyphs[glyphIndex..<end].reduce(0) { $0 + $1.advance } * unit.size
            if width + clusterWidth > measure && glyphIndex > start {
                makePiece(until: glyphIndex)
                start = glyphIndex
                width = 0
            }
            width += clusterWidth
            glyphIndex = end
        }
        if start < unit.glyphs.count { makePiece(until: unit.glyphs.count) }
        return pieces
    }
}
