import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// A review's photos: files in the data folder named by their review and the SHA-256 of their
/// bytes, rows that say which review shows them. Only the review's author touches its files.
extension ReviewStore {
    public static let maximumPhotos = 4

    /// The author adds a photo to their review. Its format comes from its first bytes (JPEG, PNG
    /// or WebP); anything else, or more than 5 MB, or a fifth photo, is refused.
    ///
    /// The file is written before the row, under a name its bytes decide: a crash in between leaves
    /// a file nothing points to (harmless, and the same photo sent again reuses it), never a row
    /// without its file.
    public func addPhoto(_ bytes: [UInt8], to id: Int64, by author: Member, folder: URL) async throws -> ReviewPhoto {
        guard bytes.count <= ImageFormat.maximumBytes else {
            throw ValidationError(field: "photo", "error.photo.tooLarge")
        }
        guard let format = ImageFormat(sniffing: bytes) else {
            throw ValidationError(field: "photo", "error.photo.format")
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let file = "\(id)-\(digest).\(format.fileExtension)"
        guard let review = try await self.review(id, viewer: author), review.authorID == author.id else {
            throw StoreError.notFound
        }
        guard review.status == .published else { throw StoreError.forbidden("error.review.underModeration") }
        guard review.photos.count < Self.maximumPhotos else {
            throw ValidationError(field: "photo", "error.photo.tooMany")
        }
        let directory = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(file)
        if !FileManager.default.fileExists(atPath: path.path) {
            try Data(bytes).write(to: path, options: .atomic)
        }
        return try await database.write { tx in
            guard try await Self.lockedReview(id, tx) != nil else { throw StoreError.notFound }
            let count = try await tx.sql.raw(
                "SELECT COUNT(*) AS n FROM review_photos WHERE review_id = \(bind: id)"
            ).first()!.decode(column: "n", as: Int.self)
            guard count < Self.maximumPhotos else { throw ValidationError(field: "photo", "error.photo.tooMany") }
            let row = try await tx.sql.raw(
                """
                INSERT INTO review_photos (review_id, format, file, size, created_at)
                VALUES (\(bind: id), \(bind: format.rawValue), \(bind: file), \(bind: bytes.count),
                    \(bind: tx.now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            return ReviewPhoto(id: try row.decode(column: "id", as: Int64.self), format: format, file: file)
        }
    }

    /// The author takes a photo off their review; its file goes unless the same photo is on it twice.
    public func removePhoto(_ photoID: Int64, from id: Int64, by author: Member, folder: URL) async throws {
        let file = try await database.write { tx -> String in
            guard let review = try await Self.lockedReview(id, tx), review.authorID == author.id,
                let photo = review.photos.first(where: { $0.id == photoID })
            else { throw StoreError.notFound }
            try await tx.sql.raw("DELETE FROM review_photos WHERE id = \(bind: photoID)").run()
            let others = try await tx.sql.raw(
                "SELECT id FROM review_photos WHERE file = \(bind: photo.file) LIMIT 1"
            ).first()
            return others == nil ? photo.file : ""
        }
        if !file.isEmpty {
            try? FileManager.default.removeItem(
                at: folder.appendingPathComponent("photos").appendingPathComponent(file))
        }
    }

    /// The format of a photo file that a published review shows; nil for any other name.
    public func shownPhoto(_ file: String) async throws -> ImageFormat? {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT review_photos.format FROM review_photos JOIN reviews ON reviews.id = review_photos.review_id
                WHERE review_photos.file = \(bind: file) AND reviews.status = 'published' LIMIT 1
                """
            ).first().flatMap { ImageFormat(rawValue: try $0.decode(column: "format", as: String.self)) }
        }
    }
}
