/// Perceived colour difference in the YIQ (NTSC) colour space, after Kotsarenko & Ramos,
/// "Measuring perceived color difference using YIQ NTSC transmission color space in mobile
/// applications" (2010) — the metric pixelmatch uses. Pixels are opaque RGB (pages on paper).
enum YIQ {
    /// The largest possible squared distance (black against white), which scales `threshold`.
    static let maximumDelta = 35215.0

    @inline(__always)
    static func brightness(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.29889531 + g * 0.58662247 + b * 0.11448223
    }

    /// Squared YIQ distance between two RGB pixels. Y, I and Q are linear in R, G and B, so their
    /// differences are those of the channel differences: half the multiplications of converting
    /// both pixels.
    @inline(__always)
    static func delta(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>) -> Double {
        let r = Double(Int(p[0]) - Int(q[0])), g = Double(Int(p[1]) - Int(q[1])), b = Double(Int(p[2]) - Int(q[2]))
        let y = brightness(r, g, b)
        let i = r * 0.59597799 - g * 0.27417610 - b * 0.32180189
        let q = r * 0.21147017 - g * 0.52261711 + b * 0.31114694
        return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
    }

    /// Signed brightness difference p − q (positive: p is lighter).
    @inline(__always)
    static func brightnessDelta(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>) -> Double {
        brightness(Double(p[0]), Double(p[1]), Double(p[2])) - brightness(Double(q[0]), Double(q[1]), Double(q[2]))
    }

    /// The squared distance a `threshold` (0…1, pixelmatch's scale) allows.
    static func maximumDelta(threshold: Double) -> Double { maximumDelta * threshold * threshold }
}

/// A read-only view of RGB pixels: the base address, size and row stride in bytes. Two images
/// whose widths differ by a rounding pixel are compared through views of their common area.
/// Sendable because it only reads: the comparison's threads share the views of two images that
/// nobody writes while they are compared.
struct PixelView: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let width: Int
    let height: Int
    let stride: Int

    @inline(__always)
    func pixel(_ x: Int, _ y: Int) -> UnsafePointer<UInt8> { base + y * stride + x * 3 }

    /// Whether the 8 pixels from `p` on equal the 8 from `q` on (24 bytes as three 8-byte words).
    @inline(__always)
    static func sameEight(_ p: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>) -> Bool {
        let p = UnsafeRawPointer(p), q = UnsafeRawPointer(q)
        return p.loadUnaligned(as: UInt64.self) == q.loadUnaligned(as: UInt64.self)
            && p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == q.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            && p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) == q.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
    }

    @inline(__always)
    func same(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int) -> Bool {
        let p = pixel(x1, y1), q = pixel(x2, y2)
        return p[0] == q[0] && p[1] == q[1] && p[2] == q[2]
    }
}
