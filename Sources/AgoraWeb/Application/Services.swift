import AgoraStore
import Logging
import ServiceLifecycle

/// Publishes the outbox to live subscribers for as long as the application runs.
struct EventDispatchService: Service {
    let dispatcher: EventDispatcher
    let hub: EventHub

    func run() async throws {
        // On shutdown, stop dispatching and end every live stream so that SIGTERM is not held
        // up by browsers that stay connected.
        try await cancelWhenGracefulShutdown {
            try await dispatcher.run()
        }
        hub.finishAll()
    }
}

/// Closes the database once the server has stopped serving.
struct DatabaseService: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.close()
    }
}
