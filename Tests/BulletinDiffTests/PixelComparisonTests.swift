import BulletinDiff
import Foundation
import TestSupport
import XCTest

/// The comparison itself on small hand-made images, where every expected count can be worked out.
final class PixelComparisonTests: XCTestCase {
    /// A white image with a black vertical bar from `left` (inclusive) to `right` (exclusive) in
    /// pixels; fractional ends are anti-aliased into grey, as a rasterizer would draw them.
    static func bar(width: Int = 20, height: Int = 10, from left: Double, to right: Double,
                    colour: (UInt8, UInt8, UInt8) = (0, 0, 0)) -> RasterImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for x in 0..<width {
            let coverage = max(0, min(Double(x + 1), right) - max(Double(x), left))
            guard coverage > 0 else { continue }
            let channel = { (ink: UInt8) in UInt8((255 - coverage * (255 - Double(ink))).rounded()) }
            for y in 0..<height {
                let i = (y * width + x) * 3
                pixels[i] = channel(colour.0); pixels[i + 1] = channel(colour.1); pixels[i + 2] = channel(colour.2)
            }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    func testIdenticalImagesDoNotDiffer() throws {
        let result = try PixelComparison().compare(Self.bar(from: 5, to: 8), Self.bar(from: 5, to: 8))
        XCTAssertTrue(result.isIdentical)
        XCTAssertEqual(result.differingPixels, 0)
        XCTAssertEqual(result.totalPixels, 200)
        XCTAssertEqual(result.regions, [])
    }

    func testSmallColourDifferencesStayUnderTheThreshold() throws {
        // Light grey 250 against white: a squared YIQ distance of about 12, far under 0.1's 352.
        var grey = RasterImage(white: 4, 4)
        for i in grey.pixels.indices { grey.pixels[i] = 250 }
        let result = try PixelComparison().compare(RasterImage(white: 4, 4), grey)
        XCTAssertFalse(result.isIdentical)
        XCTAssertEqual(result.differingPixels, 0)
        XCTAssertEqual(try PixelComparison(threshold: 0).compare(RasterImage(white: 4, 4), grey).differingPixels, 16,
                       "threshold 0 counts any change")
    }

    func testHalfPixelEdgeShiftIsAntialiasing() throws {
        // A bar 3.5 px wide moved by half a pixel: both ends change grey level, nothing else.
        let base = Self.bar(from: 5, to: 8.5), moved = Self.bar(from: 5.5, to: 9)
        let result = try PixelComparison().compare(base, moved)
        XCTAssertEqual(result.differingPixels, 0)
        XCTAssertEqual(result.antialiasedPixels, 20, "columns 5 and 8, 10 rows each")
        let counted = try PixelComparison(detectsAntialiasing: false).compare(base, moved)
        XCTAssertEqual(counted.differingPixels, 20)
    }

    func testMovedContentIsCountedAndLocated() throws {
        let result = try PixelComparison().compare(Self.bar(width: 80, from: 2, to: 5), Self.bar(width: 80, from: 60, to: 63))
        XCTAssertEqual(result.differingPixels, 60, "both bars' pixels differ")
        XCTAssertEqual(result.regions.map(\.rect), [PixelRect(x: 2, y: 0, width: 3, height: 10),
                                                   PixelRect(x: 60, y: 0, width: 3, height: 10)])
        XCTAssertEqual(result.regions.map(\.differingPixels), [30, 30])
        XCTAssertEqual(result.ratio, 60.0 / 800.0)
        // Differences in neighbouring 16-pixel tiles are one region (a glyph, a word).
        let near = try PixelComparison().compare(Self.bar(width: 80, from: 2, to: 5), Self.bar(width: 80, from: 20, to: 23))
        XCTAssertEqual(near.regions.map(\.rect), [PixelRect(x: 2, y: 0, width: 21, height: 10)])
    }

    func testColourChangeOfTheSameShapeIsCounted() throws {
        // The masthead turning from red to black: same shape, different colour.
        let red = Self.bar(from: 5, to: 8, colour: (230, 0, 18)), black = Self.bar(from: 5, to: 8)
        XCTAssertEqual(try PixelComparison().compare(red, black).differingPixels, 30)
    }

    func testDifferentSizesAreAnErrorButRoundingIsNot() throws {
        XCTAssertThrowsError(try PixelComparison().compare(Self.bar(width: 20, from: 2, to: 4), Self.bar(width: 22, from: 2, to: 4))) {
            XCTAssertEqual("\($0)", "page sizes differ: 20×10 px vs 22×10 px (never resized)")
        }
        // One pixel is rounding (poppler rounds page sizes up, Cairo to the nearest pixel): the
        // common area is compared.
        let result = try PixelComparison().compare(Self.bar(width: 20, from: 2, to: 4), Self.bar(width: 21, from: 2, to: 4))
        XCTAssertEqual(result.size, PixelSize(width: 20, height: 10))
        XCTAssertEqual(result.differingPixels, 0)
        let moved = try PixelComparison().compare(Self.bar(width: 20, from: 2, to: 4), Self.bar(width: 21, from: 12, to: 14))
        XCTAssertEqual(moved.differingPixels, 40, "rows of different strides are still compared pixel for pixel")
    }

    func testShiftToleranceForgivesSmallShiftsOnly() throws {
        // A whole-pixel move of a 3-pixel bar: not anti-aliasing, but within a 1-pixel tolerance.
        let base = Self.bar(from: 5, to: 8), moved = Self.bar(from: 6, to: 9)
        XCTAssertEqual(try PixelComparison().compare(base, moved).differingPixels, 20)
        let tolerant = try PixelComparison(shiftTolerance: 1).compare(base, moved)
        XCTAssertEqual(tolerant.differingPixels, 0)
        XCTAssertEqual(tolerant.shiftedPixels, 20)
        XCTAssertEqual(try PixelComparison(shiftTolerance: 1).compare(base, Self.bar(from: 9, to: 12)).differingPixels, 60,
                       "a 4-pixel move is a change")
    }

    func testBudget() throws {
        let result = try PixelComparison().compare(Self.bar(width: 40, from: 2, to: 5), Self.bar(width: 40, from: 30, to: 33))
        XCTAssertFalse(DiffBudget().allows(result), "the default budget is zero")
        XCTAssertTrue(DiffBudget(maxDifferingPixels: 60, maxDifferingRatio: nil).allows(result))
        XCTAssertFalse(DiffBudget(maxDifferingPixels: 59, maxDifferingRatio: nil).allows(result))
        XCTAssertTrue(DiffBudget(maxDifferingPixels: nil, maxDifferingRatio: 0.15).allows(result))
        XCTAssertFalse(DiffBudget(maxDifferingPixels: nil, maxDifferingRatio: 0.149).allows(result))
        XCTAssertFalse(DiffBudget(maxDifferingPixels: 100, maxDifferingRatio: 0.1).allows(result), "both limits hold")
    }

    func testDiffImageColoursAddedRemovedAndForgivenPixels() throws {
        let base = Self.bar(width: 40, from: 2, to: 5.5)
        var moved = Self.bar(width: 40, from: 2.5, to: 6)
        // Add a new bar far right: ink added.
        for y in 0..<10 { for x in 30..<32 { for c in 0..<3 { moved.pixels[(y * 40 + x) * 3 + c] = 0 } } }
        let result = try PixelComparison().compare(base, moved, keepingMarks: true)
        let diff = DiffImage.draw(expected: base, result: result)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(diff.pixels[(y * 40 + x) * 3..<(y * 40 + x) * 3 + 3]) }
        XCTAssertEqual(pixel(30, 3), [230, 0, 18], "new ink is red")
        XCTAssertEqual(pixel(2, 3), [250, 200, 0], "the anti-aliased edge is yellow")
        XCTAssertEqual(pixel(20, 3), [255, 255, 255], "white stays white")
        XCTAssertEqual(pixel(3, 3), [230, 230, 230], "unchanged ink is faded grey (10% of black)")
        let removed = DiffImage.draw(expected: moved, result: try PixelComparison().compare(moved, base, keepingMarks: true))
        XCTAssertEqual(Array(removed.pixels[(3 * 40 + 30) * 3..<(3 * 40 + 30) * 3 + 3]), [0, 90, 230], "ink removed is blue")
    }

    func testPNGRoundTripThroughCairo() throws {
        let image = Self.bar(width: 33, height: 7, from: 3.3, to: 20.6, colour: (230, 0, 18))
        let decoded = try RasterImage(png: try image.pngBytes(), source: "memory")
        XCTAssertEqual(decoded, image)
    }

    func testPPM() throws {
        let ppm = Array("P6\n# pdftoppm\n2 1\n255\n".utf8) + [255, 0, 0, 0, 0, 255]
        let image = try RasterImage(ppm: ppm)
        XCTAssertEqual(image, RasterImage(width: 2, height: 1, pixels: [255, 0, 0, 0, 0, 255]))
        XCTAssertThrowsError(try RasterImage(ppm: Array(ppm.dropLast()), source: "cut.ppm")) {
            XCTAssertEqual("\($0)", "cut.ppm: cannot read PPM: truncated: 5 bytes of samples, 2×1 needs 6")
        }
        XCTAssertThrowsError(try RasterImage(ppm: Array("P3\n1 1\n255\n".utf8), source: "ascii.ppm")) {
            XCTAssertEqual("\($0)", "ascii.ppm: cannot read PPM: not a binary PPM file (expected P6 at byte 0)")
        }
    }

    func testUnreadablePNGsAreClearErrors() throws {
        XCTAssertThrowsError(try RasterImage(png: [1, 2, 3], source: "junk.png")) {
            XCTAssertEqual("\($0)", "junk.png: cannot read PNG: not a PNG file (bad signature)")
        }
        let png = try Self.bar(from: 2, to: 4).pngBytes()
        XCTAssertThrowsError(try RasterImage(png: Array(png.prefix(png.count / 2)), source: "cut.png")) {
            XCTAssertEqual("\($0)", "cut.png: cannot read PNG: truncated or corrupt PNG data")
        }
        XCTAssertThrowsError(try RasterImage(pngFile: "/nonexistent/page.png")) {
            XCTAssertEqual("\($0)", "/nonexistent/page.png: cannot read PNG: no such file")
        }
    }
}
