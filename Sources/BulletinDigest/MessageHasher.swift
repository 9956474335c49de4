/// Hands `buffer` to `compress` in whole blocks of `blockSize` bytes: first completing the bytes
/// an earlier call left in `pending`, then straight from `buffer`, keeping the new remainder in
/// `pending`. The buffering MD5, SHA-256 and SHA-512 share (Merkle–Damgård hashes eat fixed
/// blocks; messages arrive in pieces of any size).
///
/// Callers pass their `pending` moved out of `self` (`var leftover = pending; pending = []`), so
/// `compress`, which mutates the hash state, never overlaps an access to it.
func feedBlocks(_ buffer: UnsafeRawBufferPointer, blockSize: Int, pending: inout [UInt8],
                compress: (UnsafeRawPointer) -> Void) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    if !pending.isEmpty {
        let take = min(blockSize - pending.count, buffer.count)
        pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
        offset = take
        if pending.count == blockSize {
            pending.withUnsafeBytes { compress($0.baseAddress!) }
            pending.removeAll(keepingCapacity: true)
        }
    }
    while buffer.count - offset >= blockSize {
        compress(base + offset)
        offset += blockSize
    }
    if offset < buffer.count {
        pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset))
    }
}

/// A hash fed in pieces: MD5, SHA-256 and SHA-512 implement the raw-buffer `update`, and share the
/// one for any byte collection.
public protocol MessageHasher {
    /// Adds the bytes of a raw buffer to the message.
    mutating func update(buffer: UnsafeRawBufferPointer)
}

extension MessageHasher {
    /// Adds bytes to the message.
    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update(buffer: $0) } }
    }
}
