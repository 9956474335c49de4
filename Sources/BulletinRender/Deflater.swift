import CZlib

/// Owns one zlib deflate stream (FlateDecode, PDF 32000 §7.4.4) and reuses it for every stream of
/// a document: `deflateReset` keeps the allocated window and tables.
final class Deflater {
    /// zlib keeps a pointer back to the stream, so it must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private let ready: Bool

    /// `level` 0–9; `strategy` is a zlib strategy such as `Z_DEFAULT_STRATEGY` or `Z_HUFFMAN_ONLY`.
    init(level: Int32, strategy: Int32 = Z_DEFAULT_STRATEGY) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        ready = deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, 8, strategy, ZLIB_VERSION,
                              Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The zlib form of `input`.
    func compress(_ input: [UInt8]) throws(RenderError) -> [UInt8] {
        guard ready, deflateReset(stream) == Z_OK else { throw .compression("zlib could not start") }
        let bound = Int(deflateBound(stream, UInt(input.count)))
        var status = Z_OK
        let output = input.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: bound) { out, count in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = UInt32(bound)
                status = deflate(stream, Z_FINISH)
                count = bound - Int(stream.pointee.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw .compression("zlib deflate returned \(status)") }
        return output
    }
}
