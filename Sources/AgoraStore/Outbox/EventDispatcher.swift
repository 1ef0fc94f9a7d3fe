import AgoraDomain
import Foundation
import Logging

/// Reads new outbox rows in id order and publishes them to the hub.
///
/// It wakes when a local transaction commits events, when PostgreSQL notifies that another
/// instance did, and at least every `pollInterval` in case a notification was missed.
public struct EventDispatcher: Sendable {
    let database: Database
    let hub: EventHub
    let pollInterval: Duration
    let logger: Logger

    public init(database: Database, hub: EventHub, pollInterval: Duration = .seconds(1), logger: Logger) {
        self.database = database
        self.hub = hub
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Runs until cancelled.
    public func run() async throws {
        let log = EventLog(database: database)
        var last = try await log.latestID()
        let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in database.eventsCommitted { wake.yield() }
            }
            group.addTask { await listenForOtherInstances(wake) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    wake.yield()
                }
            }
            for await _ in wakes {
                do {
                    while true {
                        let batch = try await log.events(after: last)
                        guard let newest = batch.last else { break }
                        hub.publish(batch)
                        last = newest.id
                    }
                } catch is CancellationError {
                    break
                } catch {
                    if Task.isCancelled { break }
                    logger.error("event dispatch failed; will retry", metadata: ["error": "\(error)"])
                }
            }
            group.cancelAll()
        }
    }

    private func listenForOtherInstances(_ wake: AsyncStream<Void>.Continuation) async {
        guard database.flavor == .postgres else { return }
        while !Task.isCancelled {
            do {
                _ = try await database.listen(on: "agora_events") { notifications in
                    for try await _ in notifications { wake.yield() }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("LISTEN agora_events lost; polling until it is back", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
