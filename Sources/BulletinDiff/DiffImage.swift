/// The difference view of a page, as pixelmatch draws it: the expected page faded to a light
/// grey, and on it every differing pixel in colour — red where the new page has more ink (added),
/// blue where it has less (removed), yellow for differences forgiven (anti-aliasing, or a shift within the tolerance).
public enum DiffImage {
    public static let added: (UInt8, UInt8, UInt8) = (230, 0, 18)
    public static let removed: (UInt8, UInt8, UInt8) = (0, 90, 230)
    public static let antialiased: (UInt8, UInt8, UInt8) = (250, 200, 0)
    /// How much of the expected page shows through (pixelmatch's `alpha`).
    public static let fade = 0.1

    /// Draws the view over the compared area of `expected` with the marks of `result`.
    public static func draw(expected: RasterImage, result: PixelComparison.Result) -> RasterImage {
        let size = result.size
        var pixels = [UInt8](repeating: 255, count: size.width * size.height * 3)
        expected.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { out in
                fadeToGrey(source.baseAddress!, stride: expected.width * 3, into: out.baseAddress!, size: size)
            }
        }
        if let marks = result.marks {
            paint(&pixels, marks.antialiased, antialiased)
            paint(&pixels, marks.removed, removed)
            paint(&pixels, marks.added, added)
        }
        return RasterImage(width: size.width, height: size.height, pixels: pixels)
    }

    @_optimize(speed)
    private static func fadeToGrey(_ source: UnsafePointer<UInt8>, stride: Int, into out: UnsafeMutablePointer<UInt8>,
                                   size: PixelSize) {
        for y in 0..<size.height {
            let row = source + y * stride
            var o = y * size.width * 3
            for x in 0..<size.width {
                let p = row + x * 3
                let brightness = YIQ.brightness(Double(p[0]), Double(p[1]), Double(p[2]))
                let grey = UInt8(max(0, min(255, (255 + (brightness - 255) * fade).rounded())))
                out[o] = grey; out[o + 1] = grey; out[o + 2] = grey
                o += 3
            }
        }
    }

    private static func paint(_ pixels: inout [UInt8], _ positions: [Int32], _ colour: (UInt8, UInt8, UInt8)) {
        for position in positions {
            let i = Int(position) * 3
            pixels[i] = colour.0; pixels[i + 1] = colour.1; pixels[i + 2] = colour.2
        }
    }
}
