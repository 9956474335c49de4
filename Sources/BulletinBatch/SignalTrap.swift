import Foundation

/// Turns SIGINT and SIGTERM into a clean stop: the first asks the batch to stop after the issues
/// in flight (then the manifest is written and the run exits non-zero); a second one of either
/// exits at once. Exiting at once is safe too — every file is renamed into place whole and
/// claimed only afterwards — it just throws away the work in flight.
///
/// Signals are received through Dispatch sources (the handler runs on a queue, not inside the
/// signal, so it may lock and print), after the default actions are switched off.
public final class SignalTrap: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received = 0

    /// Installs the trap; `stop` is called once, on the first signal.
    public init(stop: @escaping @Sendable (StopReason) -> Void) {
        for (number, reason) in [(SIGINT, StopReason.interrupt), (SIGTERM, StopReason.terminate)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInitiated))
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                self.received += 1
                let count = self.received
                self.lock.unlock()
                if count == 1 {
                    stop(reason)
                } else {
                    ProgressPrinter.standardError("\n\(reason.rawValue) again: stopping now; the issues in flight are "
                                                  + "not written (the manifest claims only finished ones)\n")
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default actions.
    public func remove() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
