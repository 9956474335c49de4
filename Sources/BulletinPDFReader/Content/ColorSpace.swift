/// Colour spaces as far as the extractor needs them: to turn `sc`/`scn` operands into an sRGB colour
/// (§8.6). Conversions are naive (no ICC profiles): ICCBased is read by its component count,
/// CMYK as 1 − (c + k) etc., Separation/DeviceN through their tint transform when it is a Type 2
/// (exponential) function, else as a gray tint.
indirect enum ColorSpace {
    case gray
    case rgb
    case cmyk
    case lab
    case pattern
    case indexed(base: ColorSpace, highest: Int, lookup: [UInt8])
    case tinted(components: Int, alternate: ColorSpace, function: ExponentialFunction?)

    var componentCount: Int {
        switch self {
        case .gray, .pattern: return 1
        case .rgb, .lab: return 3
        case .cmyk: return 4
        case .indexed: return 1
        case .tinted(let components, _, _): return components
        }
    }

    /// The initial colour of the space (§8.6.5.x): black, index 0, tint 1.
    var initialComponents: [Double] {
        switch self {
        case .cmyk: return [0, 0, 0, 1]
        case .tinted(let count, _, _): return Array(repeating: 1, count: count)
        default: return Array(repeating: 0, count: componentCount)
        }
    }

    func color(_ components: [Double]) -> PDFColor {
        func component(_ index: Int) -> Double {
            index < components.count ? min(max(components[index], 0), 1) : 0
        }
        switch self {
        case .gray, .pattern:
            let value = component(0)
            return PDFColor(red: value, green: value, blue: value)
        case .rgb:
            return PDFColor(red: component(0), green: component(1), blue: component(2))
        case .lab:
            // L* only, as gray: enough to tell dark text from light.
            let value = min(max((components.first ?? 0) / 100, 0), 1)
            return PDFColor(red: value, green: value, blue: value)
        case .cmyk:
            let k = component(3)
            return PDFColor(red: (1 - component(0)) * (1 - k), green: (1 - component(1)) * (1 - k), blue: (1 - component(2)) * (1 - k))
        case .indexed(let base, let highest, let lookup):
            let index = max(0, min(Int(clamping: (components.first ?? 0).rounded()), highest))
            let count = base.componentCount
            var values: [Double] = []
            for i in 0..<count {
                let position = index * count + i
                values.append(position < lookup.count ? Double(lookup[position]) / 255 : 0)
            }
            return base.color(values)
        case .tinted(_, let alternate, let function):
            if let function { return alternate.color(function.evaluate(components.first ?? 1)) }
            let tint = component(0)
            return PDFColor(red: 1 - tint, green: 1 - tint, blue: 1 - tint)
        }
    }
}

/// A Type 2 (exponential interpolation) function (§7.10.3): C0 + x^N × (C1 − C0). The usual tint
/// transform of spot colours.
struct ExponentialFunction {
    var c0: [Double]
    var c1: [Double]
    var exponent: Double

    func evaluate(_ x: Double) -> [Double] {
        let t = exponent == 1 ? x : pow(max(x, 0), exponent)
        return zip(c0, c1).map { $0 + t * ($1 - $0) }
    }
}

#if canImport(Glibc)
import Glibc
#endif
