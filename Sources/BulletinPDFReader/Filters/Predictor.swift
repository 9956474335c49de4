/// Undoes the PNG (10–15) and TIFF (2) predictors of FlateDecode/LZWDecode (§7.4.4.4, Table 8),
/// used by xref streams and some images and content streams.
enum Predictor {
    static func apply(_ data: [UInt8], parameters: PDFDictionary?, limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        guard let parameters, let predictor = parameters["Predictor"]?.integer, predictor > 1 else {
            return .success(data)
        }
        let colors = max(1, min(parameters["Colors"]?.integer ?? 1, 32))
        let bitsPerComponent = max(1, min(parameters["BitsPerComponent"]?.integer ?? 8, 16))
        let columns = max(1, min(parameters["Columns"]?.integer ?? 1, 1 << 24))
        let bytesPerPixel = max(1, (colors * bitsPerComponent + 7) / 8)
        // Never more than the data itself: bogus /Columns must not allocate gigabytes.
        let rowLength = max(1, min((colors * bitsPerComponent * columns + 7) / 8, data.count))
        if predictor == 2 {
            return .success(tiff(data, rowLength: rowLength, colors: colors, bitsPerComponent: bitsPerComponent))
        }
        guard predictor >= 10 else {
            return .failure(StreamFilter.Failure(message: "unknown predictor \(predictor)", partial: data))
        }
        return .success(png(data, rowLength: rowLength, bytesPerPixel: bytesPerPixel))
    }

    /// PNG: every row starts with a filter-type byte (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth).
    static func png(_ data: [UInt8], rowLength: Int, bytesPerPixel: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var index = 0
        while index < data.count {
            let type = data[index]
            index += 1
            let available = min(rowLength, data.count - index)
            for i in 0..<rowLength { row[i] = i < available ? data[index + i] : 0 }
            index += available
            for i in 0..<rowLength {
                let left: Int = i >= bytesPerPixel ? Int(row[i - bytesPerPixel]) : 0
                let up = Int(previous[i])
                let upLeft: Int = i >= bytesPerPixel ? Int(previous[i - bytesPerPixel]) : 0
                let raw = Int(row[i])
                let value: Int
                switch type {
                case 1: value = raw + left
                case 2: value = raw + up
                case 3: value = raw + (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let distanceLeft = abs(estimate - left), distanceUp = abs(estimate - up)
                    let distanceUpLeft = abs(estimate - upLeft)
                    let predictor = distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft ? left
                        : distanceUp <= distanceUpLeft ? up : upLeft
                    value = raw + predictor
                default: value = raw
                }
                row[i] = UInt8(truncatingIfNeeded: value)
            }
            output.append(contentsOf: row[0..<available])
            swap(&row, &previous)
        }
        return output
    }

    /// TIFF predictor 2: each component is stored as the difference from the same component of the
    /// pixel to its left. Implemented for 8 and 16 bits per component (the ones seen in PDFs); other
    /// depths are passed through.
    static func tiff(_ data: [UInt8], rowLength: Int, colors: Int, bitsPerComponent: Int) -> [UInt8] {
        var output = data
        guard bitsPerComponent == 8 || bitsPerComponent == 16 else { return output }
        var rowStart = 0
        while rowStart < output.count {
            let rowEnd = min(rowStart + rowLength, output.count)
            if bitsPerComponent == 8 {
                var i = rowStart + colors
                while i < rowEnd {
                    output[i] = output[i] &+ output[i - colors]
                    i += 1
                }
            } else {
                let step = colors * 2
                var i = rowStart + step
                while i + 1 < rowEnd {
                    let previous = UInt16(output[i - step]) << 8 | UInt16(output[i - step + 1])
                    let current = UInt16(output[i]) << 8 | UInt16(output[i + 1])
                    let sum = previous &+ current
                    output[i] = UInt8(sum >> 8)
                    output[i + 1] = UInt8(sum & 0xFF)
                    i += 2
                }
            }
            rowStart += rowLength
        }
        return output
    }
}
