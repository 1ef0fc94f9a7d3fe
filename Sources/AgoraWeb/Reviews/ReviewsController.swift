import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird
import NIOCore

/// Reviews through the API: listed by subject, written once per member and subject, edited by
/// their author with the history kept, illustrated with photos.
struct ReviewsController {
    let reviews: ReviewStore
    let partners: PartnerStore
    let dataDirectory: URL

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("products/:id/reviews", use: list)
        api.post("products/:id/reviews", use: write)
        api.get("partners/:slug/reviews", use: list)
        api.post("partners/:slug/reviews", use: write)
        api.get("reviews/:id", use: show)
        api.put("reviews/:id", use: edit)
        api.get("reviews/:id/history", use: history)
        api.post("reviews/:id/photos", use: addPhoto)
        api.delete("reviews/:id/photos/:photo", use: removePhoto)
    }

    struct ReviewList: ResponseEncodable {
        let items: [ReviewAnswer]
        let next: String?
        let order: String
        let disclosure: ReviewDisclosure
    }

    /// `GET /api/v1/products/{id}/reviews` and `/partners/{slug}/reviews`: `order` (helpful by
    /// default, newest, highest, lowest), `limit` (1–50, 20), `cursor` from the previous page.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> ReviewList {
        let subject = try await context.reviewSubject(partners: partners, reviews: reviews)
        let query = request.uri.queryParameters
        guard let order = ReviewOrder(rawValue: query.get("order") ?? ReviewOrder.helpful.rawValue) else {
            throw Problem.validation(field: "order", "error.invalidValue")
        }
        let limit: Int? = try QueryParameter.integer(query.get("limit"), field: "limit", in: 1...50)
        let cursor = query.get("cursor")
        guard (cursor?.count ?? 0) <= 60 else { throw Problem.validation(field: "cursor", "error.invalidValue") }
        let page = try await reviews.reviews(of: subject, order: order, limit: limit ?? 20, after: cursor)
        var votes: [Int64: Bool] = [:]
        if let member = context.identity?.member {
            votes = try await reviews.votes(of: member.id, on: page.reviews.map(\.id))
        }
        return ReviewList(
            items: page.reviews.map { ReviewAnswer($0, myVote: votes[$0.id]) }, next: page.next, order: order.rawValue,
            disclosure: ReviewDisclosure())
    }

    /// `POST /api/v1/products/{id}/reviews` and `/partners/{slug}/reviews`.
    @Sendable func write(request: Request, context: AppRequestContext) async throws -> EditedResponse<ReviewAnswer> {
        let member = try context.requireMember()
        let subject = try await context.reviewSubject(partners: partners, reviews: reviews)
        let body = try await request.decodeJSON(as: ReviewRequest.self, context: context)
        let review = try await reviews.write(
            body.input, about: subject, boughtFrom: body.boughtFrom.map(PartnerID.init), by: member)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/reviews/\(review.id)"], response: ReviewAnswer(review))
    }

    /// `GET /api/v1/reviews/{id}`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        guard let review = try await reviews.review(try context.pathID(), viewer: context.identity?.member) else {
            throw Problem.notFound
        }
        return ReviewAnswer(review)
    }

    /// `PUT /api/v1/reviews/{id}`: the author replaces the content (`boughtFrom` cannot change).
    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        let member = try context.requireMember()
        let id = try context.pathID()
        let body = try await request.decodeJSON(as: ReviewRequest.self, context: context)
        return ReviewAnswer(try await reviews.edit(id, body.input, by: member))
    }

    struct History: ResponseEncodable {
        struct Version: Encodable {
            let rating: Int
            let title: String
            let body: String
            let pros: String?
            let cons: String?
            let experiencedOn: String
            let writtenAt: Date
        }

        let current: ReviewAnswer
        /// Former versions, oldest first.
        let versions: [Version]
    }

    /// `GET /api/v1/reviews/{id}/history`: every version the review had, for its author and staff
    /// (a former version may hold what its author took out on purpose).
    @Sendable func history(request: Request, context: AppRequestContext) async throws -> History {
        let member = try context.requireMember()
        let id = try context.pathID()
        guard let review = try await reviews.review(id, viewer: member) else { throw Problem.notFound }
        guard review.authorID == member.id || member.role.isStaff else {
            throw Problem.forbidden("error.review.historyPrivate")
        }
        return History(
            current: ReviewAnswer(review),
            versions: try await reviews.history(of: id).map {
                .init(
                    rating: $0.content.rating, title: $0.content.title, body: $0.content.body, pros: $0.content.pros,
                    cons: $0.content.cons, experiencedOn: $0.content.experiencedOn, writtenAt: $0.writtenAt)
            })
    }

    /// `POST /api/v1/reviews/{id}/photos`: the body is the image itself (JPEG, PNG or WebP, 5 MB at
    /// most), whatever `Content-Type` says: its bytes decide.
    @Sendable func addPhoto(request: Request, context: AppRequestContext) async throws -> EditedResponse<
        ReviewAnswer.Photo
    > {
        let member = try context.requireMember()
        let id = try context.pathID()
        let body = try await request.body.collect(upTo: ImageFormat.maximumBytes)
        let photo = try await reviews.addPhoto(Array(buffer: body), to: id, by: member, folder: dataDirectory)
        return EditedResponse(
            status: .created, headers: [.location: "/media/photos/\(photo.file)"],
            response: .init(id: photo.id, url: "/media/photos/\(photo.file)", mediaType: photo.format.mediaType))
    }

    /// `DELETE /api/v1/reviews/{id}/photos/{photo}`.
    @Sendable func removePhoto(request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireMember()
        guard let photoID = context.parameters.get("photo", as: Int64.self) else { throw Problem.notFound }
        try await reviews.removePhoto(photoID, from: try context.pathID(), by: member, folder: dataDirectory)
        return Response(status: .noContent)
    }
}
