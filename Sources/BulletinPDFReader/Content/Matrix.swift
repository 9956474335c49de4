extension Int {
    /// A number operand as an integer without trapping: NaN → 0, huge values clamped.
    init(clamping value: Double) {
        if value.isNaN { self = 0 } else { self = Int(Swift.max(-1e15, Swift.min(1e15, value))) }
    }
}

/// A 2-D affine transformation `[a b c d e f]` as PDF writes it (§8.3.3): a point (x, y) maps to
/// (a·x + c·y + e, b·x + d·y + f).
struct Matrix: Equatable, Sendable {
    var a, b, c, d, e, f: Double

    static let identity = Matrix(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

    init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    /// From a PDF array of six numbers; nil when it is not one.
    init?(_ values: [Double]) {
        guard values.count == 6, values.allSatisfy(\.isFinite) else { return nil }
        self.init(a: values[0], b: values[1], c: values[2], d: values[3], e: values[4], f: values[5])
    }

    /// `self` applied first, then `other` (PDF's `self × other`).
    @inline(__always) func concatenating(_ other: Matrix) -> Matrix {
        Matrix(a: a * other.a + b * other.c,
               b: a * other.b + b * other.d,
               c: c * other.a + d * other.c,
               d: c * other.b + d * other.d,
               e: e * other.a + f * other.c + other.e,
               f: e * other.b + f * other.d + other.f)
    }

    @inline(__always) func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// A vector (no translation).
    @inline(__always) func applyVector(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y, b * x + d * y)
    }
}
