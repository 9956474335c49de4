import BulletinPDFReader

/// Test helpers to look at what the reader returns: glyphs grouped into lines by baseline (a crude
/// layout, enough to compare with poppler's text and to read a page when debugging).
enum GlyphDump {
    /// Glyph text of a page, lines top to bottom, glyphs left to right, no spaces inserted.
    static func lines(_ page: PageContent) -> [String] {
        var rows: [(baseline: Double, glyphs: [PDFGlyph])] = []
        for glyph in page.glyphs {
            if let index = rows.firstIndex(where: { abs($0.baseline - glyph.baseline) < max(1, glyph.size * 0.3) }) {
                rows[index].glyphs.append(glyph)
            } else {
                rows.append((glyph.baseline, [glyph]))
            }
        }
        return rows.sorted { $0.baseline < $1.baseline }.map { row in
            row.glyphs.sorted { $0.x < $1.x }.map(\.text).joined()
        }
    }

    /// All text of a document without white-space, in line order.
    static func text(_ document: PDFDocument) -> String {
        (0..<document.pageCount).map { lines(document.page($0)).joined() }.joined().filter { !$0.isWhitespace }
    }

    /// One line per glyph, for eyeballing: text, x, baseline, width, size, font, flags.
    static func describe(_ page: PageContent) -> String {
        page.glyphs.map { g in
            "\(g.text)\t\(String(format: "%.2f", g.x))\t\(String(format: "%.2f", g.baseline))\t\(String(format: "%.2f", g.width))\t\(String(format: "%.2f", g.size))\t\(g.font)\(g.fontIsBold ? " bold" : "")\(g.isArtifact ? " artifact" : "")"
        }.joined(separator: "\n")
    }
}

import Foundation
