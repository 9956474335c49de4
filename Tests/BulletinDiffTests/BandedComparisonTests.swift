@testable import BulletinDiff
import TestSupport
import XCTest

/// The comparison cut into bands compared in parallel must give exactly what one pass gives:
/// the same counts, the same regions (also those crossing a band boundary) and the same marks in
/// the same order. Checked on generated pages whose differences cross every boundary.
final class BandedComparisonTests: XCTestCase {
    /// An anti-aliased shape: a disc (centre, radius) or a rectangle, in an ink colour.
    struct Shape {
        enum Kind { case disc(cx: Double, cy: Double, r: Double), rect(x0: Double, y0: Double, x1: Double, y1: Double) }
        var kind: Kind
        var ink: (UInt8, UInt8, UInt8)

        /// Part of the pixel (x, y) the shape covers, sampled 4 × 4 (a rasterizer's grey edges).
        func coverage(_ x: Int, _ y: Int) -> Double {
            var inside = 0
            for sy in 0..<4 {
                for sx in 0..<4 {
                    let px = Double(x) + (Double(sx) + 0.5) / 4, py = Double(y) + (Double(sy) + 0.5) / 4
                    switch kind {
                    case let .disc(cx, cy, r): if (px - cx) * (px - cx) + (py - cy) * (py - cy) <= r * r { inside += 1 }
                    case let .rect(x0, y0, x1, y1): if px >= x0 && px < x1 && py >= y0 && py < y1 { inside += 1 }
                    }
                }
            }
            return Double(inside) / 16
        }

        func moved(by dx: Double, _ dy: Double) -> Shape {
            switch kind {
            case let .disc(cx, cy, r): Shape(kind: .disc(cx: cx + dx, cy: cy + dy, r: r), ink: ink)
            case let .rect(x0, y0, x1, y1): Shape(kind: .rect(x0: x0 + dx, y0: y0 + dy, x1: x1 + dx, y1: y1 + dy), ink: ink)
            }
        }
    }

    /// A white page with the shapes painted in order over each other.
    static func page(width: Int, height: Int, _ shapes: [Shape]) -> RasterImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for shape in shapes {
            for y in 0..<height {
                for x in 0..<width {
                    let c = shape.coverage(x, y)
                    guard c > 0 else { continue }
                    let i = (y * width + x) * 3
                    for (k, ink) in [shape.ink.0, shape.ink.1, shape.ink.2].enumerated() {
                        pixels[i + k] = UInt8((Double(pixels[i + k]) * (1 - c) + Double(ink) * c).rounded())
                    }
                }
            }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    /// Two pages of `height` rows: glyph-like discs scattered over the page (some moved by a
    /// fraction of a pixel, some by a whole pixel, some by several, some recoloured, some gone),
    /// and full-height bars — one moved by half a pixel, one by 3 pixels — so that anti-aliased
    /// edges, shifted strokes and real differences cross every band boundary.
    static func pages(width: Int = 72, height: Int, seed: UInt64) -> (RasterImage, RasterImage) {
        var random = SplitMix64(seed: seed)
        func unit() -> Double { Double(random.next(upTo: 1000)) / 1000 }
        var base: [Shape] = [Shape(kind: .rect(x0: 3.25, y0: 0, x1: 6.5, y1: Double(height)), ink: (0, 0, 0)),
                             Shape(kind: .rect(x0: 60, y0: 0, x1: 62, y1: Double(height)), ink: (0, 0, 0))]
        var new: [Shape] = [base[0].moved(by: 0.5, 0), base[1].moved(by: 3, 0)]
        for _ in 0..<height / 6 {
            let shape = Shape(kind: .disc(cx: 10 + unit() * 45, cy: unit() * Double(height), r: 1.5 + unit() * 4),
                              ink: random.next(upTo: 4) == 0 ? (230, 0, 18) : (0, 0, 0))
            base.append(shape)
            switch random.next(upTo: 6) {
            case 0: new.append(shape)
            case 1: new.append(shape.moved(by: 0.3 + unit() * 0.4, unit() * 0.5))
            case 2: new.append(shape.moved(by: 1, 0))
            case 3: new.append(shape.moved(by: 2 + unit() * 4, unit() * 4))
            case 4: new.append(Shape(kind: shape.kind, ink: (40, 40, 40)))
            default: break  // removed
            }
        }
        return (page(width: width, height: height, base), page(width: width, height: height, new))
    }

    func testBandsGiveExactlyWhatOnePassGives() throws {
        let options = [PixelComparison(), PixelComparison(shiftTolerance: 1), PixelComparison(shiftTolerance: 2),
                       PixelComparison(detectsAntialiasing: false), PixelComparison(threshold: 0)]
        for (seed, height) in [(1, 150), (2, 203), (3, 64)] as [(UInt64, Int)] {
            let (expected, actual) = Self.pages(height: height, seed: seed)
            for comparison in options {
                let single = try comparison.compare(expected, actual, keepingMarks: true, bands: 1)
                // The generated pages really exercise every kind of pixel.
                XCTAssertGreaterThan(single.differingPixels, 0)
                if comparison.detectsAntialiasing { XCTAssertGreaterThan(single.antialiasedPixels, 0) }
                if comparison.shiftTolerance > 0 { XCTAssertGreaterThan(single.shiftedPixels, 0) }
                XCTAssertTrue(single.regions.contains { $0.rect.y == 0 && $0.rect.height == height },
                              "the bar moved by 3 pixels is one region across all bands")
                for bands in [2, 3, 4, 7] {
                    let banded = try comparison.compare(expected, actual, keepingMarks: true, bands: bands)
                    XCTAssertEqual(banded, single, "seed \(seed), height \(height), \(bands) bands, \(comparison)")
                }
                XCTAssertEqual(try comparison.compare(expected, actual, keepingMarks: false, bands: 4).regions, single.regions)
            }
        }
    }

    func testBandsOfPagesThatDifferByARoundingPixel() throws {
        // Different strides (1 pixel wider, 1 row taller): views over the common area.
        let (expected, _) = Self.pages(width: 72, height: 100, seed: 4)
        let (_, actual) = Self.pages(width: 73, height: 101, seed: 4)
        let single = try PixelComparison().compare(expected, actual, keepingMarks: true, bands: 1)
        XCTAssertEqual(single.size, PixelSize(width: 72, height: 100))
        XCTAssertGreaterThan(single.differingPixels, 0)
        XCTAssertEqual(try PixelComparison().compare(expected, actual, keepingMarks: true, bands: 3), single)
        XCTAssertEqual(try PixelComparison().compare(expected, actual), single.withoutMarks)
    }

    func testTheGeneratedPagesAreReallyCutIntoSeveralBands() {
        // Every row of the generated pages differs (the moved bars run top to bottom).
        let rows = (0..<Int32(150)).map { $0 }
        for count in [2, 3, 4, 7] {
            let bands = RowBands.split(rows, into: count)
            XCTAssertGreaterThan(bands.count, 1, "\(count) bands")
            XCTAssertLessThanOrEqual(bands.count, count)
            for band in bands.dropFirst() {
                XCTAssertEqual(rows[band.lowerBound] % Int32(TileGrid.tile), 0, "cut at a tile boundary")
            }
        }
    }

    func testCutsKeepTileRowsTogetherAndCoverEveryRow() {
        // Differing rows in clumps, with gaps, as on a page of text.
        let rows: [Int32] = [3, 4, 5, 15, 16, 17, 18, 31, 32, 33, 34, 35, 36, 37, 38, 90, 91, 92, 93, 94, 200]
        for count in 1...8 {
            let bands = RowBands.split(rows, into: count)
            XCTAssertEqual(bands.first?.lowerBound, 0)
            XCTAssertEqual(bands.last?.upperBound, rows.count)
            for (above, below) in zip(bands, bands.dropFirst()) {
                XCTAssertEqual(above.upperBound, below.lowerBound, "contiguous")
                XCTAssertFalse(above.isEmpty)
                XCTAssertLessThan(rows[above.upperBound - 1] / 16, rows[below.lowerBound] / 16,
                                  "\(count) bands: a tile row split between bands \(above) and \(below)")
            }
        }
        XCTAssertEqual(RowBands.split(rows, into: 4), [0..<4, 4..<8, 8..<15, 15..<21])
        XCTAssertEqual(RowBands.split([], into: 4), [0..<0])
        XCTAssertEqual(RowBands.split([7], into: 4), [0..<1])
        XCTAssertEqual(RowBands.split([16, 17, 18, 19], into: 4), [0..<4], "one tile row is one band")
    }

    func testFewDifferingRowsAreComparedOnOneThread() {
        XCTAssertEqual(RowBands.automaticCount(differingRows: 0), 1)
        XCTAssertEqual(RowBands.automaticCount(differingRows: RowBands.minimumRowsPerBand * 2 - 1), 1)
        XCTAssertLessThanOrEqual(RowBands.automaticCount(differingRows: 100_000), RowBands.maximumCount)
    }
}

extension PixelComparison.Result {
    var withoutMarks: Self {
        var copy = self
        copy.marks = nil
        return copy
    }
}
