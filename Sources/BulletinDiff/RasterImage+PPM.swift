import Foundation

extension RasterImage {
    /// Reads a binary PPM file (`P6`, maxval 255): what `pdftoppm` writes by default. Decoding it is
    /// one copy of the samples, which keeps rasterized PDFs off the PNG encoder and decoder.
    public init(ppmFile path: String) throws(ReadError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw Self.unreadable(path, format: "PPM") }
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(ReadError) in try RasterImage(ppm: buffer, source: path) }
        }
        self = try result.get()
    }

    /// Decodes binary PPM bytes.
    public init(ppm bytes: [UInt8], source: String = "image") throws(ReadError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ReadError) in try RasterImage(ppm: buffer, source: source) }
        }
        self = try result.get()
    }

    /// Decodes binary PPM (Netpbm: `P6`, whitespace-separated width, height and maxval, `#`
    /// comments, one whitespace byte, then the RGB samples).
    init(ppm bytes: UnsafeRawBufferPointer, source: String) throws(ReadError) {
        func fail(_ reason: String) -> ReadError { ReadError(source: source, reason: reason, format: "PPM") }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "6") else {
            throw fail("not a binary PPM file (expected P6 at byte 0)")
        }
        var offset = 2
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        func number(_ name: String) throws(ReadError) -> Int {
            while offset < bytes.count {
                if isSpace(bytes[offset]) { offset += 1 } else if bytes[offset] == UInt8(ascii: "#") {
                    while offset < bytes.count && bytes[offset] != 0x0A { offset += 1 }
                } else { break }
            }
            var value = 0, digits = 0
            while offset < bytes.count, (0x30...0x39).contains(bytes[offset]), digits < 9 {
                value = value * 10 + Int(bytes[offset] - 0x30)
                offset += 1
                digits += 1
            }
            guard digits > 0 else { throw fail("expected the \(name) at byte \(offset)") }
            return value
        }
        let width = try number("width"), height = try number("height"), maxval = try number("maximum value")
        guard maxval == 255 else { throw fail("maximum value \(maxval) (only 8-bit samples are read)") }
        guard width > 0, height > 0 else { throw fail("empty image (\(width)×\(height))") }
        offset += 1  // the single whitespace byte before the samples
        let count = width * height * 3
        guard bytes.count - offset >= count else {
            throw fail("truncated: \(max(0, bytes.count - offset)) bytes of samples, \(width)×\(height) needs \(count)")
        }
        let samples = bytes.baseAddress! + offset
        self.init(width: width, height: height, pixels: [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.update(from: samples.assumingMemoryBound(to: UInt8.self), count: count)
            initialized = count
        })
    }
}
