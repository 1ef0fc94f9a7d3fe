import AgoraDomain
import AgoraStore
import ArgumentParser
import Foundation
import HummingbirdBcrypt

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with deterministic demo data.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await Database.open(database.location)
        let filled: Bool
        do {
            filled = try await DemoData.fillIfEmpty(store)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        say(
            filled
                ? "Demo data added to \(database.location)."
                : "The database already has members: demo data left as it was.")
        if filled { DemoData.printLogins() }
    }
}

/// The same accounts and partners every time, so that a newcomer, a test and a benchmark find them.
enum DemoData {
    struct Account {
        let handle: String
        let displayName: String
        let role: Role
        let language: Language?
        var partnerSlug: String? = nil
        var password: String { "demo-password-\(handle)" }
    }

    static let accounts = [
        Account(handle: "admin", displayName: "Admin Agora", role: .admin, language: .fr),
        Account(handle: "equipe", displayName: "Équipe Agora", role: .staff, language: .fr),
        Account(handle: "alice", displayName: "Alice Martin", role: .member, language: .fr),
        Account(handle: "bruno", displayName: "Bruno Leroy", role: .member, language: nil),
        Account(handle: "chloe", displayName: "Chloe Smith", role: .member, language: .en),
        Account(
            handle: "marchand", displayName: "Marchand Maison Verte", role: .member, language: .fr,
            partnerSlug: "maison-verte"),
    ]

    static let partners: [(name: String, slug: String, kind: PartnerKind, commission: Int)] = [
        ("Maison Verte", "maison-verte", .merchant, 800),
        ("Atelier Réparable", "atelier-reparable", .brand, 500),
        ("Coopérative du Sud", "cooperative-du-sud", .supplier, 300),
    ]

    /// Adds the demo data when the database has no member yet; answers whether it did.
    static func fillIfEmpty(_ database: Database) async throws -> Bool {
        let members = MemberStore(database: database)
        guard try await members.count() == 0 else { return false }
        let partnerStore = PartnerStore(database: database)
        var partnerIDs: [String: PartnerID] = [:]
        for partner in partners {
            let created = try await partnerStore.create(
                name: partner.name, slug: partner.slug, kind: partner.kind, commissionBasisPoints: partner.commission)
            partnerIDs[partner.slug] = created.id
        }
        for account in accounts {
            // Cost 10 keeps `serve --demo` quick; real accounts use the server's cost (12).
            let member = try await members.register(
                .init(
                    handle: account.handle, email: "\(account.handle)@demo.agora.test",
                    passwordHash: Bcrypt.hash(account.password, cost: 10), language: account.language,
                    role: account.role))
            _ = try await members.updateProfile(of: member.id, .init(displayName: .some(account.displayName)))
            if let slug = account.partnerSlug, let partnerID = partnerIDs[slug] {
                _ = try await partnerStore.attach(memberID: member.id, to: partnerID)
            }
        }
        return true
    }

    /// Whether the demo accounts are there (a database filled earlier by `agora demo`).
    static func isPresent(_ database: Database) async throws -> Bool {
        try await MemberStore(database: database).member(handle: accounts[2].handle) != nil
    }

    static func printLogins() {
        say("Demo logins (handle / password):")
        for account in accounts {
            let role = account.partnerSlug.map { "partner of \($0)" } ?? account.role.rawValue
            say("  \(account.handle.padding(toLength: 9, withPad: " ", startingAt: 0)) \(account.password)  (\(role))")
        }
    }
}
