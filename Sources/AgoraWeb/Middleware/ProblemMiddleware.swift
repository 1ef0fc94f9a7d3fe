import Hummingbird

/// Renders every error thrown below it, in the language the request resolved.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: ProblemRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return renderer.response(for: error, request: request, context: context)
        }
    }
}
