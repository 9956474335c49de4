/// Reads colour space arrays from resources (§8.6.3–8.6.6) into `ColorSpace`.
struct ColorSpaceReader {
    let store: ObjectStore

    func read(_ object: PDFObject?, depth: Int) -> ColorSpace? {
        guard depth < 8 else { return nil }
        let resolved = store.resolve(object)
        if let name = resolved.name {
            switch name {
            case "DeviceGray", "G", "CalGray": return .gray
            case "DeviceRGB", "RGB", "CalRGB": return .rgb
            case "DeviceCMYK", "CMYK": return .cmyk
            case "Pattern": return .pattern
            default: return nil
            }
        }
        guard let array = resolved.array, let family = store.name(array.first) else { return nil }
        switch family {
        case "DeviceGray", "CalGray": return .gray
        case "DeviceRGB", "CalRGB": return .rgb
        case "DeviceCMYK": return .cmyk
        case "Lab": return .lab
        case "Pattern": return .pattern
        case "ICCBased":
            let stream = array.count > 1 ? store.resolve(array[1]).dictionary : nil
            switch store.integer(stream?["N"]) {
            case 1?: return .gray
            case 4?: return .cmyk
            default: return .rgb
            }
        case "Indexed", "I":
            guard array.count >= 4, let base = read(array[1], depth: depth + 1) else { return nil }
            let highest = store.integer(array[2]) ?? 0
            var lookup: [UInt8] = []
            switch store.resolve(array[3]) {
            case .string(let bytes): lookup = bytes
            case .stream(let stream): lookup = store.decodedData(stream, feature: "Indexed colour space lookup") ?? []
            default: break
            }
            return .indexed(base: base, highest: max(0, min(highest, 255)), lookup: lookup)
        case "Separation", "DeviceN":
            let components = family == "Separation" ? 1 : max(1, store.array(array.count > 1 ? array[1] : nil)?.count ?? 1)
            let alternate = array.count > 2 ? read(array[2], depth: depth + 1) ?? .gray : .gray
            var function: ExponentialFunction?
            if array.count > 3, let dictionary = store.resolve(array[3]).dictionary, store.integer(dictionary["FunctionType"]) == 2 {
                let c0 = store.array(dictionary["C0"])?.compactMap { store.number($0) } ?? [0]
                let c1 = store.array(dictionary["C1"])?.compactMap { store.number($0) } ?? [1]
                function = ExponentialFunction(c0: c0, c1: c1, exponent: store.number(dictionary["N"]) ?? 1)
            }
            return .tinted(components: components, alternate: alternate, function: function)
        default:
            return nil
        }
    }
}
