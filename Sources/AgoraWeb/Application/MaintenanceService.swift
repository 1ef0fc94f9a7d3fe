import AgoraStore
import Logging
import ServiceLifecycle

/// Hourly, and once at start: forgets what has expired (sessions, login counters), so that tables
/// do not only grow, and tells staff of the ideas that passed their response deadline (an hour late
/// at most, on deadlines counted in days). Every instance may run it: the deletes are safe to
/// repeat, and an overdue idea is claimed once.
struct MaintenanceService: Service {
    let sessions: SessionStore
    let failures: LoginFailureStore
    let ideas: IdeaStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Ends on graceful shutdown and on cancellation alike: a loop that only watched for the
        // former spun on a cancelled task, every purge failing at once.
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await sessions.purgeExpired()
                try await failures.purge()
                var told = 0
                var batch = 0
                repeat {
                    batch = try await ideas.notifyOverdue()
                    told += batch
                } while batch == IdeaStore.overdueBatch
                if told > 0 { logger.info("staff told of overdue ideas", metadata: ["ideas": "\(told)"]) }
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
