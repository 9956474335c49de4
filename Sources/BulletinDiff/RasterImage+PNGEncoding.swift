import CCairo

extension RasterImage {
    /// Why an image could not be encoded.
    public struct EncodeError: Error, Equatable, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot encode PNG: \(reason)" }
    }

    /// The image as PNG bytes (through Cairo, RGB24).
    public func pngBytes() throws(EncodeError) -> [UInt8] {
        guard width > 0, height > 0 else { throw EncodeError(reason: "empty image") }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw EncodeError(reason: String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
        cairo_surface_flush(surface)
        pixels.withUnsafeBufferPointer { source in
            Self.fillCairo(data, stride: Int(cairo_image_surface_get_stride(surface)), from: source.baseAddress!,
                           width: width, height: height)
        }
        cairo_surface_mark_dirty(surface)
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let write: cairo_write_func_t = { closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let status = cairo_surface_write_to_png_stream(surface, write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw EncodeError(reason: String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    @_optimize(speed)
    private static func fillCairo(_ data: UnsafeMutablePointer<UInt8>, stride: Int, from rgb: UnsafePointer<UInt8>,
                                  width: Int, height: Int) {
        for y in 0..<height {
            let row = data + y * stride
            var input = y * width * 3
            for x in 0..<width {
                let p = row + x * 4
                p[2] = rgb[input]; p[1] = rgb[input + 1]; p[0] = rgb[input + 2]; p[3] = 255
                input += 3
            }
        }
    }
}
