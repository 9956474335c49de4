import Foundation

/// Monotonic time for the report's phase timings.
enum Stopwatch {
    /// Seconds on the monotonic clock (never jumps with the wall clock).
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
