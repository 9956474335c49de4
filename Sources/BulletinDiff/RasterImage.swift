import CCairo

/// The BulletinDiff module: compares page images.
///
/// 1. `RasterImage` loads a PNG (through Cairo) into plain RGB pixels;
/// 2. `PixelComparison` counts pixels whose colour differs beyond a threshold, ignoring
///    anti-aliasing differences at glyph edges, and checks the count against a budget.

/// An RGB image in memory, row by row, 3 bytes per pixel.
public struct RasterImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "pixel buffer does not match the size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Why a PNG could not be read.
    public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        public var source: String
        public var reason: String
        public var description: String { "\(source): cannot read PNG: \(reason)" }
    }

    /// Decodes PNG bytes; `source` names them in errors.
    public init(png bytes: [UInt8], source: String = "image") throws(ReadError) {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let reader = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { source in
                data.update(from: source.baseAddress! + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReadError(source: source, reason: String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(surface) else {
            throw ReadError(source: source, reason: "unsupported pixel format")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let row = data + y * stride
            for x in 0..<width {
                // Cairo stores native-endian 32-bit pixels: on little-endian machines B, G, R, A.
                let p = row + x * 4
                var r = Int(p[2]), g = Int(p[1]), b = Int(p[0])
                if format == CAIRO_FORMAT_ARGB32 {
                    // Premultiplied alpha, composited on white.
                    let a = Int(p[3])
                    r += 255 - a; g += 255 - a; b += 255 - a
                }
                let i = (y * width + x) * 3
                pixels[i] = UInt8(min(255, r)); pixels[i + 1] = UInt8(min(255, g)); pixels[i + 2] = UInt8(min(255, b))
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }
}
