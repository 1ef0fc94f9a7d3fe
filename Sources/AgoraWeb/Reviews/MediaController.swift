import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Serves review photos from the data folder, with the type their bytes were recognised as, and
/// only while a published review shows them.
struct MediaController {
    let reviews: ReviewStore
    let dataDirectory: URL

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("media/photos/:file", use: photo)
    }

    @Sendable func photo(request: Request, context: AppRequestContext) async throws -> Response {
        // The name is ours (review id, SHA-256, extension): anything else cannot be a photo, nor a path.
        guard let file = context.parameters.get("file"), file.count <= 100,
            file.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }),
            let format = try await reviews.shownPhoto(file),
            let data = FileManager.default.contents(
                atPath: dataDirectory.appendingPathComponent("photos").appendingPathComponent(file).path)
        else { throw Problem.notFound }
        var headers = HTTPFields()
        headers[.contentType] = format.mediaType
        // Private: a photo must stop showing as soon as a flag hides its review, shared caches included.
        headers[.cacheControl] = "private, max-age=300"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(bytes: data)))
    }
}
