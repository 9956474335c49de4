@testable import BulletinDiff
import XCTest

/// The anti-aliasing test's fast path for pixels inside the image (fixed offsets, no branches)
/// must decide exactly as the neighbour-by-neighbour loops it replaced, ties included.
final class AntialiasingFastPathTests: XCTestCase {
    func testFastPathDecidesAsTheLoopsOnEveryPixel() {
        for seed in [UInt64(5), 6, 7] {
            let (first, second) = BandedComparisonTests.pages(height: 96, seed: seed)
            first.pixels.withUnsafeBufferPointer { p in
                second.pixels.withUnsafeBufferPointer { q in
                    let a = PixelView(base: p.baseAddress!, width: first.width, height: first.height, stride: first.width * 3)
                    let b = PixelView(base: q.baseAddress!, width: second.width, height: second.height, stride: second.width * 3)
                    var outcomes: [Bool: Int] = [:], siblings: [Bool: Int] = [:]
                    for (image, other) in [(a, b), (b, a)] {
                        let brightness = BrightnessRows.allocate(for: image)
                        defer { brightness.deallocate() }
                        for y in 0..<image.height {
                            let window = brightness.window(around: y)
                            for x in 0..<image.width {
                                let fast = AntialiasingDetector.isAntialiased(image, window, other, x, y)
                                XCTAssertEqual(fast, AntialiasingDetector.isAntialiasedGeneral(image, window, other, x, y),
                                               "seed \(seed), pixel (\(x), \(y))")
                                outcomes[fast, default: 0] += 1
                                let flat = AntialiasingDetector.hasManySiblings(image, x, y)
                                XCTAssertEqual(flat, AntialiasingDetector.hasManySiblingsGeneral(image, x, y), "(\(x), \(y))")
                                siblings[flat, default: 0] += 1
                            }
                        }
                    }
                    // Both answers occur often: the comparison is not vacuous.
                    XCTAssertGreaterThan(outcomes[true, default: 0], 100)
                    XCTAssertGreaterThan(siblings[false, default: 0], 100)
                }
            }
        }
    }
}
