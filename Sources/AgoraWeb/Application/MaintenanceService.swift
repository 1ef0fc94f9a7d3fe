import AgoraStore
import Logging
import ServiceLifecycle

/// Forgets what has expired (sessions, login counters), hourly, so that tables do not only grow.
/// Every instance may run it: each statement is a plain DELETE that is safe to repeat.
struct MaintenanceService: Service {
    let sessions: SessionStore
    let failures: LoginFailureStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Ends on graceful shutdown and on cancellation alike: a loop that only watched for the
        // former spun on a cancelled task, every purge failing at once.
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await sessions.purgeExpired()
                try await failures.purge()
            } catch is CancellationError {
                return
            } catch {
                logger.warning("maintenance failed; will retry", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
