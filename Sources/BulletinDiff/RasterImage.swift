import CCairo
import Foundation

/// The BulletinDiff module: compares page images and describes what changed. It knows nothing of
/// issues or PDFs (BulletinVisualDiff turns those into pages).
///
/// 1. `RasterImage` holds plain RGB pixels, decoded from PNG (through Cairo) or PPM (pdftoppm);
/// 2. `PixelComparison` finds the pixels whose YIQ colour distance exceeds a threshold, forgiving
///    anti-aliased edge pixels (`AntialiasingDetector`, the pixelmatch algorithm), and gathers the
///    differing pixels into `DiffRegion`s; `DiffBudget` says whether a page passes;
/// 3. `DiffImage` draws the difference view; `ChangeSummary` names what changed from the text
///    lines of both sides (`TextLine`); `DiffReport` is the result, written as JSON and as one
///    self-contained HTML page (`HTMLReport`).

/// An RGB image in memory, row by row, 3 bytes per pixel, no padding.
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

    /// A white image.
    public init(white width: Int, _ height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height * 3))
    }

    /// Why an image could not be read.
    public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file (or a name for in-memory bytes).
        public var source: String
        public var reason: String
        public var format: String

        public init(source: String, reason: String, format: String = "PNG") {
            self.source = source
            self.reason = reason
            self.format = format
        }

        public var description: String { "\(source): cannot read \(format): \(reason)" }
    }

    /// Reads and decodes a PNG file.
    public init(pngFile path: String) throws(ReadError) {
        try self.init(png: try Self.contents(of: path, format: "PNG"), source: path)
    }

    /// The bytes of a file, or a ReadError saying why not.
    static func contents(of path: String, format: String) throws(ReadError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw unreadable(path, format: format) }
        return Array(data)
    }

    /// Why a file that could not be read was not: missing, a directory, or not permitted.
    static func unreadable(_ path: String, format: String) -> ReadError {
        var isDirectory: ObjCBool = false
        let reason = !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) ? "no such file"
            : isDirectory.boolValue ? "is a directory" : "permission denied"
        return ReadError(source: path, reason: reason, format: format)
    }

    /// Decodes PNG bytes; `source` names them in errors.
    public init(png bytes: [UInt8], source: String = "image") throws(ReadError) {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        // Cairo reports a bad signature only as "out of memory"-like statuses; say it plainly.
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw ReadError(source: source, reason: bytes.isEmpty ? "empty file" : "not a PNG file (bad signature)")
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
            let reason = status == CAIRO_STATUS_READ_ERROR ? "truncated or corrupt PNG data"
                : String(cString: cairo_status_to_string(status))
            throw ReadError(source: source, reason: reason)
        }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32, let data = cairo_image_surface_get_data(surface) else {
            throw ReadError(source: source, reason: "unsupported pixel format")
        }
        self.init(width: width, height: height,
                  pixels: Self.rgb(fromCairo: UnsafePointer(data), width: width, height: height, stride: stride,
                                   premultipliedAlpha: format == CAIRO_FORMAT_ARGB32))
    }

    /// Cairo's native-endian 32-bit pixels (on little-endian machines B, G, R, A) as RGB;
    /// premultiplied alpha is composited on white (paper).
    @_optimize(speed)
    static func rgb(fromCairo data: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                    premultipliedAlpha: Bool) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: width * height * 3) { buffer, count in
            for y in 0..<height {
                let row = data + y * stride
                var out = y * width * 3
                for x in 0..<width {
                    let p = row + x * 4
                    if premultipliedAlpha {
                        let blank = 255 - Int(p[3])
                        buffer[out] = UInt8(min(255, Int(p[2]) + blank))
                        buffer[out + 1] = UInt8(min(255, Int(p[1]) + blank))
                        buffer[out + 2] = UInt8(min(255, Int(p[0]) + blank))
                    } else {
                        buffer[out] = p[2]; buffer[out + 1] = p[1]; buffer[out + 2] = p[0]
                    }
                    out += 3
                }
            }
            count = width * height * 3
        }
    }
}
