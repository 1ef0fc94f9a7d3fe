import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The category tree: anyone reads it, staff grow it.
struct CategoriesController {
    let categories: CategoryStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("categories", use: list)
        api.post("categories", use: create)
    }

    struct CategoryAnswer: ResponseEncodable {
        /// What ideas and the voice of the customer take as `categoryID`.
        let id: Int64
        let slug: String
        let parent: String?
        let nameFR: String
        let nameEN: String
    }

    struct CategoryList: ResponseEncodable {
        /// Parents before their children.
        let items: [CategoryAnswer]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> CategoryList {
        let all = try await categories.all()
        let slugs = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0.slug) })
        return CategoryList(
            items: all.map {
                CategoryAnswer(
                    id: $0.id, slug: $0.slug, parent: $0.parentID.flatMap { slugs[$0] }, nameFR: $0.nameFR,
                    nameEN: $0.nameEN)
            })
    }

    struct NewCategory: Decodable {
        let slug: String
        let parent: String?
        let nameFR: String
        let nameEN: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["slug", "parent", "nameFR", "nameEN"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            slug = try PartnerRules.slug(container.decodeString(.slug, max: 60))
            parent = try container.decodeIfPresent(String.self, forKey: .parent).map { parent in
                guard parent.count <= 60 else { throw ValidationError.tooLong("parent", maximum: 60) }
                return parent
            }
            func name(_ key: CodingKeys) throws -> String {
                let name = try container.decodeString(key, max: 80).trimmed()
                guard !name.isEmpty else { throw ValidationError(field: key.stringValue, "error.required") }
                guard !name.unicodeScalars.contains(where: \.isUnsafeInText) else {
                    throw ValidationError(field: key.stringValue, "error.invalidValue")
                }
                return name
            }
            nameFR = try name(.nameFR)
            nameEN = try name(.nameEN)
        }

        enum CodingKeys: String, CodingKey { case slug, parent, nameFR, nameEN }
    }

    /// `POST /api/v1/categories` (staff): a category at the top or under `parent`.
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<CategoryAnswer> {
        _ = try context.requireStaff()
        let body = try await request.decodeJSON(as: NewCategory.self, context: context)
        do {
            let created = try await categories.create(
                slug: body.slug, parentSlug: body.parent, nameFR: body.nameFR, nameEN: body.nameEN)
            return EditedResponse(
                status: .created, headers: [.location: "/api/v1/categories"],
                response: CategoryAnswer(
                    id: created.id, slug: created.slug, parent: body.parent, nameFR: created.nameFR,
                    nameEN: created.nameEN))
        } catch StoreError.notFound {
            throw Problem.validation(field: "parent", "error.category.unknown", body.parent ?? "")
        }
    }
}
