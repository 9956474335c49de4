import Foundation

/// The shared queue of a run: workers take the next index until the items run out or a stop is
/// requested. Taking is one locked increment, so the order of work is the order of the items.
final class WorkQueue: @unchecked Sendable {
    private let count: Int
    private var next = 0
    private var stopped = false
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The next item's index, or nil when none is left or the queue was stopped.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    /// No item is handed out after this; those already taken finish.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    /// How many items were handed out.
    var taken: Int {
        lock.lock()
        defer { lock.unlock() }
        return next
    }
}

/// Runs `work` over a queue's items on `jobs` threads and returns when all threads are done.
///
/// Threads, not processes: the fonts (35 MB of CFF) are opened and parsed once and shared
/// read-only (HarfBuzz fonts may shape from several threads; the glyph cache, the parsed font
/// programs and the Cairo faces for PNGs are behind locks held for lookups only); per-issue
/// state (composition context, PDF buffer, Cairo surface) is each job's own. Measured with
/// `perf record -e sched:sched_switch` and /proc schedstat: with two workers on 200 issues each
/// worker blocks fewer than five times in all (with Cairo as the PDF writer they blocked about
/// once per issue, on cairo-ft's per-face mutex while it copied font tables to subset them).
/// `work` must not throw: a job turns every failure into its outcome, so one bad issue never
/// stops the others.
enum Scheduler {
    static func run(_ queue: WorkQueue, jobs: Int, work: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for number in 0..<max(1, jobs) {
            group.enter()
            let thread = Thread {
                while let index = queue.take() { work(index) }
                group.leave()
            }
            thread.name = "bulletin-batch-\(number + 1)"
            // The main thread's size: deep layouts must not fail only in a batch.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}
