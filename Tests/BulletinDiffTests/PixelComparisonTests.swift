import BulletinDiff
import Foundation
import TestSupport
import XCTest

final class PixelComparisonTests: XCTestCase {
    /// A white image with a black vertical bar from column `bar` to `bar + 2`.
    private func image(width: Int = 20, height: Int = 10, bar: Int) -> RasterImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        for y in 0..<height {
            for x in bar..<(bar + 3) { for c in 0..<3 { pixels[(y * width + x) * 3 + c] = 0 } }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    func testIdenticalImagesDoNotDiffer() {
        let result = PixelComparison().compare(image(bar: 5), image(bar: 5))
        XCTAssertEqual(result.differingPixels, 0)
    }

    func testOnePixelEdgeShiftIsForgiven() {
        XCTAssertEqual(PixelComparison().compare(image(bar: 5), image(bar: 6)).differingPixels, 0)
        XCTAssertEqual(PixelComparison(ignoresAntialiasing: false).compare(image(bar: 5), image(bar: 6)).differingPixels, 20)
    }

    func testMovedContentIsCounted() {
        let result = PixelComparison().compare(image(bar: 2), image(bar: 12))
        XCTAssertEqual(result.differingPixels, 60, "both bars' pixels differ")
        XCTAssertEqual(result.totalPixels, 200)
    }

    func testSizeMismatchIsReported() {
        XCTAssertTrue(PixelComparison().compare(image(width: 20, bar: 2), image(width: 21, bar: 2)).sizeMismatch)
    }

    func testPNGRoundTripThroughCairo() throws {
        let golden = Repository.path("Tests/Goldens/png/2020-033-1.png")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: golden)))
        let decoded = try RasterImage(png: bytes, source: golden)
        XCTAssertEqual(decoded.width, 496)
        XCTAssertEqual(PixelComparison().compare(decoded, decoded).differingPixels, 0)
        // Page 1 of another issue is clearly different: the check can fail.
        let other = try RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath:
            Repository.path("Tests/Goldens/png/2021-012-1.png")))), source: "other")
        XCTAssertGreaterThan(PixelComparison().compare(decoded, other).ratio, 0.001)
    }

    func testGarbageIsAClearError() {
        XCTAssertThrowsError(try RasterImage(png: [1, 2, 3], source: "junk.png")) { error in
            XCTAssertTrue("\(error)".hasPrefix("junk.png: cannot read PNG"), "\(error)")
        }
    }
}
