import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird
import NIOCore

/// The forms of reviews: writing and editing one (with its photos), helpful votes, flags, the
/// partner's reply and likes. Each answers with a redirect back to the page it came from.
struct ReviewForms {
    let pages: Pages
    let reviews: ReviewStore
    let likes: LikeStore
    let partners: PartnerStore
    let products: ProductStore
    let notoriety: NotorietyStore
    let dataDirectory: URL
    let clock: any AgoraClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("reviews/write", use: writeForm)
        router.post("reviews/write", use: write)
        router.get("reviews/:id", use: show)
        router.get("reviews/:id/edit", use: editForm)
        router.post("reviews/:id/edit", use: edit)
        router.get("reviews/:id/history", use: history)
        router.post("reviews/:id/vote", use: vote)
        router.post("reviews/:id/flag", use: flag)
        router.post("reviews/:id/reply", use: reply)
        router.post("reviews/:id/photos", use: addPhoto)
        router.post("reviews/:id/photos/:photo/delete", use: removePhoto)
        router.post("products/:id/like", use: like)
        router.post("partners/:slug/like", use: like)
    }

    static let fieldNames = ["rating", "title", "body", "pros", "cons", "experiencedOn", "boughtFrom"]

    @Sendable func writeForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity?.member != nil else { return .seeOther("/login") }
        let subject = try subject(request.uri.queryParameters.get("subject"))
        return try await form(
            subject: subject, fields: ["experiencedOn": ReviewRules.day(of: clock.now)], error: nil, editing: nil,
            context: context)
    }

    @Sendable func write(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let subject = try subject(form["subject"])
        let fields = Dictionary(uniqueKeysWithValues: Self.fieldNames.map { ($0, form[$0]) })
        do {
            let review = try await reviews.write(
                Self.input(fields), about: subject, boughtFrom: Int64(fields["boughtFrom"] ?? "").map(PartnerID.init),
                by: member)
            return .seeOther("/reviews/\(review.id)")
        } catch let error as ValidationError {
            return try await self.form(subject: subject, fields: fields, error: error, editing: nil, context: context)
        } catch StoreError.duplicate {
            guard let mine = try await reviews.review(of: subject, by: member.id) else { throw StoreError.notFound }
            return .seeOther("/reviews/\(mine.id)/edit")
        }
    }

    /// `/reviews/{id}`: the review where it is shown, on its subject's page.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let review = try await visibleReview(context)
        return .seeOther("\(try await path(of: review.subject))#review-\(review.id)")
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let review = try await ownReview(context, member)
        let content = review.content
        var fields = [
            "rating": String(content.rating), "title": content.title, "body": content.body,
            "experiencedOn": content.experiencedOn,
        ]
        fields["pros"] = content.pros
        fields["cons"] = content.cons
        let photoError = request.uri.queryParameters.get("photoError").map { reason in
            ["tooLarge", "tooMany"].contains(reason) ? "error.photo.\(reason)" : "error.photo.format"
        }
        return try await form(
            subject: review.subject, fields: fields, error: nil, editing: review, photoError: photoError,
            context: context)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let review = try await ownReview(context, member)
        let form = try await request.decodeForm(context: context)
        let fields = Dictionary(uniqueKeysWithValues: Self.fieldNames.map { ($0, form[$0]) })
        do {
            _ = try await reviews.edit(review.id, Self.input(fields), by: member)
            return .seeOther("/reviews/\(review.id)")
        } catch let error as ValidationError {
            return try await self.form(
                subject: review.subject, fields: fields, error: error, editing: review, context: context)
        }
    }

    @Sendable func history(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let review = try await visibleReview(context)
        guard review.authorID == member.id || member.role.isStaff else {
            throw Problem.forbidden("error.review.historyPrivate")
        }
        let language = context.language
        let dates = Date.FormatStyle(date: .long, time: .shortened).locale(Locale(identifier: language.rawValue))
        let versions = try await reviews.history(of: review.id).map { version -> [String: Any] in
            var values: [String: Any] = [
                "rating": version.content.rating, "title": version.content.title, "body": version.content.body,
                "experiencedOn": ReviewSection.day(version.content.experiencedOn, language: language),
                "writtenAt": version.writtenAt.formatted(dates),
            ]
            values["pros"] = version.content.pros
            values["cons"] = version.content.cons
            return values
        }
        var current = ReviewSection(reviews: reviews, notoriety: notoriety, likes: likes, localizer: pages.localizer)
            .shown(review, vote: nil, context: context)
        current["subjectPath"] = try await path(of: review.subject)
        return pages.render(
            "review-history", title: "page.reviewHistory.title",
            values: ["review": current, "versions": versions, "hasVersions": !versions.isEmpty], context: context)
    }

    @Sendable func vote(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let review = try await reviews.vote(try context.pathID(), helpful: form["helpful"] == "1", by: member)
        return .seeOther("\(try await path(of: review.subject))#review-\(review.id)")
    }

    @Sendable func flag(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        guard let reason = ReviewFlagReason(rawValue: form["reason"]) else {
            throw Problem.validation(field: "reason", "error.invalidValue")
        }
        let note = try ModerationNote.checked(form["note"].isEmpty ? nil : form["note"])
        let review = try await visibleReview(context)
        do {
            try await reviews.flag(review.id, reason: reason, note: note, by: member)
        } catch StoreError.duplicate {
            // Already flagged for this reason by this member: the flag stands, nothing more to do.
        }
        return .seeOther("\(try await path(of: review.subject))?notice=flagged#reviews")
    }

    @Sendable func reply(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        let form = try await request.decodeForm(context: context)
        let review = try await reviews.reply(to: try context.pathID(), form["body"], as: partner.id)
        return .seeOther("\(try await path(of: review.subject))#review-\(review.id)")
    }

    /// The photo form of the edit page (`multipart/form-data`, field `photo`).
    @Sendable func addPhoto(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let body = try await request.body.collect(upTo: ImageFormat.maximumBytes + CSRFMiddleware.multipartOverhead)
        guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: Array(buffer: body)),
            let bytes = form.file("photo")
        else { return .seeOther("/reviews/\(id)/edit?photoError=format#photos") }
        do {
            _ = try await reviews.addPhoto(bytes, to: id, by: member, folder: dataDirectory)
        } catch let error as ValidationError {
            let reason = error.message.split(separator: ".").last.map(String.init) ?? "format"
            return .seeOther("/reviews/\(id)/edit?photoError=\(reason)#photos")
        }
        return .seeOther("/reviews/\(id)/edit#photos")
    }

    @Sendable func removePhoto(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard let photo = context.parameters.get("photo", as: Int64.self) else { throw Problem.notFound }
        let id = try context.pathID()
        try await reviews.removePhoto(photo, from: id, by: member, folder: dataDirectory)
        return .seeOther("/reviews/\(id)/edit#photos")
    }

    @Sendable func like(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let subject = try await context.reviewSubject(partners: partners, reviews: reviews)
        _ = try await likes.set(LikeSubject(subject), liked: form["liked"] == "1", by: member)
        return .seeOther("\(try await path(of: subject))#notoriety")
    }

    // MARK: -

    private func form(
        subject: ReviewSubject, fields: [String: String], error: ValidationError?, editing: Review?,
        photoError: String? = nil, context: AppRequestContext
    ) async throws -> Response {
        var values: [String: Any] = fields
        values["photoError"] = photoError.map { pages.localizer.text($0, context.language) }
        let name: String
        switch subject {
        case .product(let id):
            guard let (product, offers) = try await products.product(id: id) else { throw Problem.notFound }
            name = product.name
            // The sellers a member may name, so that the one they bought from can answer.
            var sellers: [Int64: String] = [:]
            for slug in Set(offers.map(\.partnerSlug)) {
                if let partner = try await partners.partner(slug: slug) { sellers[partner.id.rawValue] = partner.name }
            }
            values["sellers"] = sellers.sorted { $0.value < $1.value }.map {
                ["id": $0.key, "name": $0.value, "selected": String($0.key) == fields["boughtFrom"]]
            }
            values["isProduct"] = editing == nil
        case .partner(let id):
            guard let partner = try await partners.partner(id: id) else { throw Problem.notFound }
            name = partner.name
        }
        values["subjectName"] = name
        values["subjectKey"] = subject.key
        values["subjectPath"] = try await path(of: subject)
        values["ratings"] = (1...5).reversed().map { ["value": $0, "checked": String($0) == fields["rating"]] }
        values["today"] = ReviewRules.day(of: clock.now)
        if let editing {
            values["action"] = "/reviews/\(editing.id)/edit"
            values["editing"] = true
            values["reviewID"] = editing.id
            values["photos"] = editing.photos.map { ["id": $0.id, "url": "/media/photos/\($0.file)"] }
            values["canAddPhoto"] = editing.photos.count < ReviewStore.maximumPhotos
        } else {
            values["action"] = "/reviews/write"
        }
        if let error {
            let message = pages.message(error, context)
            values["errors"] = [error.field: message]
            values["errorSummary"] = message
        }
        return pages.render(
            "review-form", title: editing == nil ? "page.reviewWrite.title" : "page.reviewEdit.title", values: values,
            status: error == nil ? .ok : .unprocessableContent, context: context)
    }

    private static func input(_ fields: [String: String]) -> ReviewInput {
        ReviewInput(
            rating: Int(fields["rating"] ?? "") ?? 0, title: fields["title"] ?? "", body: fields["body"] ?? "",
            pros: fields["pros"], cons: fields["cons"], experiencedOn: fields["experiencedOn"] ?? "")
    }

    private func subject(_ key: String?) throws -> ReviewSubject {
        guard let key, let subject = ReviewSubject(key: key) else { throw Problem.notFound }
        return subject
    }

    private func path(of subject: ReviewSubject) async throws -> String {
        guard let path = try await notoriety.paths(of: [subject.key])[subject.key] else { throw Problem.notFound }
        return path
    }

    private func visibleReview(_ context: AppRequestContext) async throws -> Review {
        guard let review = try await reviews.review(try context.pathID(), viewer: context.identity?.member) else {
            throw Problem.notFound
        }
        return review
    }

    private func ownReview(_ context: AppRequestContext, _ member: Member) async throws -> Review {
        let review = try await visibleReview(context)
        guard review.authorID == member.id else { throw Problem.forbidden("error.review.notAuthor") }
        return review
    }
}
