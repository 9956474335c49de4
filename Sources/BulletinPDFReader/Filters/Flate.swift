import CZlib

/// FlateDecode (§7.4.4) through zlib, with an output limit. Raw deflate data without the zlib header
/// (written by some broken producers) is retried as raw deflate; a truncated or corrupt stream yields
/// what was inflated before the damage.
enum Flate {
    static func inflate(_ input: [UInt8], limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        if input.isEmpty { return .success([]) }
        let first = run(input, windowBits: 15, limit: limit)
        if case .failure(let failure) = first, failure.partial.isEmpty, !failure.message.contains("limit") {
            // No zlib header? Try raw deflate.
            let raw = run(input, windowBits: -15, limit: limit)
            if case .success = raw { return raw }
        }
        return first
    }

    private static func run(_ input: [UInt8], windowBits: Int32, limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(StreamFilter.Failure(message: "zlib could not start", partial: []))
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: min(max(input.count * 4, 4096), 1 << 20))
        var failure: String?
        input.withUnsafeBufferPointer { inputBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit {
                    output.append(contentsOf: chunk[0..<max(0, limit - output.count)])
                    failure = "decoded data exceeds the limit of \(limit) bytes; the rest is skipped"
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return
                case Z_OK:
                    if stream.avail_in == 0, produced == 0 { return }  // input ended without a stream end
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { return }  // truncated: keep what we have
                    if produced == 0 { failure = "corrupt deflate data"; return }
                default:
                    failure = "corrupt deflate data (zlib: \(stream.msg.map { String(cString: $0) } ?? "error \(status)"))"
                    return
                }
                if output.count >= 1 << 20, chunk.count < 1 << 22 {
                    chunk = [UInt8](repeating: 0, count: chunk.count * 2)
                }
            }
        }
        // The output grew by doubling: a large stream kept for a while (an object stream in the
        // reader's cache, one per thread) would hold up to twice its size. Copied to its size.
        if output.count >= 1 << 16, output.capacity - output.count > output.count / 4 { output = Array(output) }
        if let failure { return .failure(StreamFilter.Failure(message: failure, partial: output)) }
        return .success(output)
    }
}
