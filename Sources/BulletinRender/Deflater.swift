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

    /// Appends the zlib form of `input` to `output`.
    func compress(_ input: [UInt8], appendingTo output: inout [UInt8]) throws(RenderError) {
        guard ready, deflateReset(stream) == Z_OK else { throw .compression("zlib could not start") }
        let bound = Int(deflateBound(stream, UInt(input.count)))
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = out.baseAddress! + start
                stream.pointee.avail_out = UInt32(bound)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .compression("zlib deflate returned \(status)") }
        output.removeLast(Int(stream.pointee.avail_out))
    }
}
