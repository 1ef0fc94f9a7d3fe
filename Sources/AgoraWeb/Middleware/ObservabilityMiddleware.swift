import AgoraDomain
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics

/// Gives each request an id (kept from `X-Request-ID` when sane), logs it, and measures it for /metrics
/// and for the dashboard's traffic figures.
///
/// It sits outermost, so it also renders as a problem any error that escaped the layers below.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: AppMetrics
    let traffic: TrafficRecorder
    let clock: any AgoraClock
    let renderer: ProblemRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let incoming = request.headers[.requestID] ?? ""
        let isSane =
            (8...64).contains(incoming.count) && incoming.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        // Hummingbird's own id (a random base and a counter) costs nothing to make.
        context.requestID = isSane ? incoming : context.id
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = renderer.response(for: error, request: request, context: context)
        }
        response.headers[.requestID] = context.requestID
        // The route's pattern, never the raw path, so that scanners cannot create unbounded series
        // (Hummingbird labels every unmatched path "NotFound").
        let route = context.endpointPath ?? "unknown"
        let duration = ContinuousClock.now - start
        metrics.record(method: request.method.rawValue, route: route, status: response.status.code, duration: duration)
        if let channel = TrafficChannel.of(path: request.uri.path, userAgent: request.headers[.userAgent]) {
            traffic.record(
                channel: channel, status: response.status.code, milliseconds: duration.milliseconds, at: clock.now)
        }
        // One line a request at debug level: at info, writing it costs more than serving /healthz.
        context.logger.debug(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: ["route": .string(route), "ms": .stringConvertible((ContinuousClock.now - start).milliseconds)])
        return response
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
