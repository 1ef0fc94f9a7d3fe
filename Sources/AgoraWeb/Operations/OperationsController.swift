import AgoraStore
import Hummingbird

/// Health, readiness and metrics, for load balancers and Prometheus.
struct OperationsController {
    let database: Database
    let metrics: AppMetrics

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz", use: health)
        router.get("readyz", use: ready)
        router.get("metrics", use: exposition)
    }

    /// The process is up and serving.
    @Sendable func health(request: Request, context: AppRequestContext) -> String { "ok\n" }

    /// The database answers: only then should a load balancer send traffic here.
    @Sendable func ready(request: Request, context: AppRequestContext) async throws -> Response {
        do {
            _ = try await database.read { try await $0.raw("SELECT 1 AS one").first() }
            return Response(status: .ok, body: .init(byteBuffer: .init(string: "ready\n")))
        } catch {
            context.logger.warning("not ready: the database does not answer", metadata: ["error": "\(error)"])
            return Response(
                status: .serviceUnavailable, body: .init(byteBuffer: .init(string: "database unavailable\n")))
        }
    }

    @Sendable func exposition(request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: .init(string: metrics.exposition())))
    }
}
