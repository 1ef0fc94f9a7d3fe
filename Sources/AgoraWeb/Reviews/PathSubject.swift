import AgoraDomain
import AgoraStore
import Hummingbird

extension AppRequestContext {
    /// The product (`:id`) or partner (`:slug`) a review or like route is about; 404 when it does not exist.
    func reviewSubject(partners: PartnerStore, reviews: ReviewStore) async throws -> ReviewSubject {
        if let slug = parameters.get("slug") {
            guard let partner = try await partners.partner(slug: slug) else { throw Problem.notFound }
            return .partner(partner.id)
        }
        guard let id = parameters.get("id", as: Int64.self), try await reviews.exists(.product(id)) else {
            throw Problem.notFound
        }
        return .product(id)
    }
}
