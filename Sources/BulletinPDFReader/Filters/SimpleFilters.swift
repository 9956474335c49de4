/// LZWDecode (§7.4.4): variable-length codes 9–12 bits, 256 clear, 257 end of data. `earlyChange`
/// (default on) switches code width one code early, as TIFF and PDF's default do.
enum LZW {
    static func decode(_ input: [UInt8], earlyChange: Bool, limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        var output: [UInt8] = []
        // The table as (prefix code, last byte, length); strings rebuilt by walking prefixes.
        var prefix = [Int](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var length = [Int](repeating: 1, count: 4096)
        for i in 0..<256 { suffix[i] = UInt8(i) }
        var next = 258
        var width = 9
        var previous = -1
        var bitBuffer = 0
        var bitCount = 0
        var index = 0
        var scratch = [UInt8](repeating: 0, count: 4096)

        func emit(_ code: Int) -> UInt8 {
            let count = length[code]
            var c = code
            var position = count - 1
            while position >= 0, c >= 0 {
                scratch[position] = suffix[c]
                c = prefix[c]
                position -= 1
            }
            output.append(contentsOf: scratch[0..<count])
            return scratch[0]
        }

        while true {
            while bitCount < width {
                guard index < input.count else { return .success(output) }  // ran out: end of data
                bitBuffer = (bitBuffer << 8 | Int(input[index])) & 0xFFFFFF
                bitCount += 8
                index += 1
            }
            let code = (bitBuffer >> (bitCount - width)) & ((1 << width) - 1)
            bitCount -= width
            if code == 256 {
                next = 258
                width = 9
                previous = -1
                continue
            }
            if code == 257 { return .success(output) }
            if previous < 0 {
                guard code < 256 else {
                    return .failure(StreamFilter.Failure(message: "corrupt LZW data (code \(code) after a clear)", partial: output))
                }
                _ = emit(code)
                previous = code
            } else {
                let first: UInt8
                if code < next {
                    first = emit(code)
                } else if code == next {
                    // The KwKwK case: the new string is previous + its own first byte.
                    let start = output.count
                    _ = emit(previous)
                    first = output[start]
                    output.append(first)
                } else {
                    return .failure(StreamFilter.Failure(message: "corrupt LZW data (code \(code) not yet defined)", partial: output))
                }
                if next < 4096 {
                    prefix[next] = previous
                    suffix[next] = first
                    length[next] = length[previous] + 1
                    next += 1
                }
                previous = code
            }
            if output.count > limit {
                return .failure(StreamFilter.Failure(message: "decoded data exceeds the limit of \(limit) bytes; the rest is skipped",
                                                     partial: Array(output.prefix(limit))))
            }
            let threshold = earlyChange ? next + 1 : next
            if threshold >= 512 && width == 9 || threshold >= 1024 && width == 10 || threshold >= 2048 && width == 11 {
                width += 1
            }
            if width > 12 { width = 12 }
        }
    }
}

/// ASCII85Decode (§7.4.3): groups of five base-85 digits, `z` for four zero bytes, `~>` ends.
enum ASCII85 {
    static func decode(_ input: [UInt8], limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4 / 5)
        var group: UInt64 = 0
        var count = 0
        var index = 0
        // An optional `<~` prefix (PostScript style) is tolerated.
        while index < input.count, Scanner.isWhitespace(input[index]) { index += 1 }
        if index + 1 < input.count, input[index] == 0x3C, input[index + 1] == 0x7E { index += 2 }
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == 0x7E { break }  // ~ (of ~>)
            if Scanner.isWhitespace(byte) { continue }
            if byte == 0x7A, count == 0 {  // z
                output.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard byte >= 0x21, byte <= 0x75 else {
                return .failure(StreamFilter.Failure(message: "invalid ASCII85 character 0x\(String(byte, radix: 16)) at byte \(index - 1)",
                                                     partial: output))
            }
            group = group * 85 + UInt64(byte - 0x21)
            count += 1
            if count == 5 {
                if group > 0xFFFF_FFFF {
                    return .failure(StreamFilter.Failure(message: "ASCII85 group out of range at byte \(index - 5)", partial: output))
                }
                output.append(contentsOf: [UInt8(group >> 24 & 0xFF), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)])
                group = 0
                count = 0
                if output.count > limit {
                    return .failure(StreamFilter.Failure(message: "decoded data exceeds the limit of \(limit) bytes", partial: Array(output.prefix(limit))))
                }
            }
        }
        if count > 1 {
            // A final partial group of n digits gives n-1 bytes: pad with 'u' (84).
            for _ in count..<5 { group = group * 85 + 84 }
            let bytes = [UInt8(group >> 24 & 0xFF), UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
            output.append(contentsOf: bytes[0..<(count - 1)])
        }
        return .success(output)
    }
}

/// ASCIIHexDecode (§7.4.2): hex digit pairs, white-space ignored, `>` ends, odd final digit padded.
enum ASCIIHex {
    static func decode(_ input: [UInt8]) -> Result<[UInt8], StreamFilter.Failure> {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2)
        var high: UInt8?
        for (offset, byte) in input.enumerated() {
            if byte == 0x3E { break }
            if Scanner.isWhitespace(byte) { continue }
            guard let value = Scanner.hexValue(byte) else {
                return .failure(StreamFilter.Failure(message: "invalid hex digit 0x\(String(byte, radix: 16)) at byte \(offset)", partial: output))
            }
            if let pending = high {
                output.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let pending = high { output.append(pending << 4) }
        return .success(output)
    }
}

/// RunLengthDecode (§7.4.5): length byte 0–127 copies n+1 literal bytes, 129–255 repeats the next
/// byte 257-n times, 128 ends.
enum RunLength {
    static func decode(_ input: [UInt8], limit: Int) -> Result<[UInt8], StreamFilter.Failure> {
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let length = Int(input[index])
            index += 1
            if length == 128 { break }
            if length < 128 {
                let end = min(index + length + 1, input.count)
                output.append(contentsOf: input[index..<end])
                index = end
            } else {
                guard index < input.count else { break }
                output.append(contentsOf: repeatElement(input[index], count: 257 - length))
                index += 1
            }
            if output.count > limit {
                return .failure(StreamFilter.Failure(message: "decoded data exceeds the limit of \(limit) bytes", partial: Array(output.prefix(limit))))
            }
        }
        return .success(output)
    }
}
