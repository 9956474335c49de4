import CCairo

/// Collects what Cairo's PNG writer emits, so output reaches disk only when complete (the caller
/// writes it to a temporary file and renames it).
final class ByteSink {
    var bytes: [UInt8] = []

    /// The C callback Cairo calls with each chunk; `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
