import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct PartnersAPITests {
    @Test(arguments: Backend.allCases)
    func staffCreateAPartnerWhoseMemberIssuesATokenThatActsOnlyForIt(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            try await registerAndLogIn(client, "equipe")
            try await promote("equipe", to: .staff, in: database)
            let staff = try await logIn(client, "equipe")
            let seller = try await registerAndLogIn(client, "seller")

            let created = try await client.execute(
                uri: "/api/v1/partners", method: .post, headers: bearer(staff),
                body: json([
                    "name": "Maison Verte", "slug": "maison-verte", "kind": "merchant", "commissionBasisPoints": 800,
                ]))
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/api/v1/partners/maison-verte")
            _ = try await client.execute(
                uri: "/api/v1/partners", method: .post, headers: bearer(staff),
                body: json(["name": "Other", "slug": "other", "kind": "brand", "commissionBasisPoints": 0]))

            let attached = try await client.execute(
                uri: "/api/v1/partners/maison-verte/members", method: .post, headers: bearer(staff),
                body: json(["handle": "seller"]))
            #expect(attached.object["role"] as? String == "partner", "\(attached.text)")

            let issued = try await client.execute(
                uri: "/api/v1/partners/maison-verte/tokens", method: .post, headers: bearer(seller),
                body: json(["label": "catalogue feed"]))
            #expect(issued.status == .created, "\(issued.text)")
            let token = try #require(issued.object["token"] as? String)
            #expect(token.hasPrefix("agp_"))
            let listed = try await client.execute(
                uri: "/api/v1/partners/maison-verte/tokens", method: .get, headers: bearer(seller))
            let items = try #require(listed.object["items"] as? [[String: Any]])
            #expect(items.count == 1 && items[0]["token"] == nil, "the secret is shown once, never listed")

            let acting = try await client.execute(uri: "/api/v1/partner", method: .get, headers: bearer(token))
            #expect(acting.object["slug"] as? String == "maison-verte")
            expectProblem(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token)), .forbidden,
                type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/partners/other/tokens", method: .get, headers: bearer(seller)),
                .forbidden,
                type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partners/other/tokens", method: .post, headers: bearer(token),
                    body: json(["label": "stolen"])),
                .forbidden, type: "forbidden")
            #expect(try await count("partner_tokens", in: database) == 1)

            let id = try #require(items[0]["id"] as? Int)
            let revoked = try await client.execute(
                uri: "/api/v1/partners/maison-verte/tokens/\(id)", method: .delete, headers: bearer(seller))
            #expect(revoked.status == .noContent)
            expectProblem(
                try await client.execute(uri: "/api/v1/partner", method: .get, headers: bearer(token)), .unauthorized,
                type: "unauthenticated")
        }
    }

    @Test func onlyStaffCreatePartnersAndSlugsAreUnique() async throws {
        try await withApp { client, database in
            let member = try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "equipe")
            try await promote("equipe", to: .staff, in: database)
            let staff = try await logIn(client, "equipe")
            let body = json(["name": "Shop", "slug": "shop", "kind": "merchant", "commissionBasisPoints": 500])
            expectProblem(
                try await client.execute(uri: "/api/v1/partners", method: .post, headers: bearer(member), body: body),
                .forbidden,
                type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/partners", method: .post, headers: jsonHeaders, body: body),
                .unauthorized, type: "unauthenticated")
            #expect(try await count("partners", in: database) == 0)
            #expect(
                try await client.execute(uri: "/api/v1/partners", method: .post, headers: bearer(staff), body: body)
                    .status == .created)
            expectProblem(
                try await client.execute(uri: "/api/v1/partners", method: .post, headers: bearer(staff), body: body),
                .conflict, type: "conflict",
                field: "slug")
            for (bad, field) in [
                (["name": "X", "slug": "Bad Slug", "kind": "merchant", "commissionBasisPoints": 1], "slug"),
                (["name": "X", "slug": "x-y", "kind": "pirate", "commissionBasisPoints": 1], "kind"),
                (
                    ["name": "X", "slug": "x-y", "kind": "brand", "commissionBasisPoints": 20_000],
                    "commissionBasisPoints"
                ),
                (["name": "", "slug": "x-y", "kind": "brand", "commissionBasisPoints": 1], "name"),
            ] as [([String: Any], String)] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/partners", method: .post, headers: bearer(staff), body: json(bad)),
                    .unprocessableContent, type: "validation", field: field)
            }
            #expect(try await count("partners", in: database) == 1)
            let list = try await client.execute(uri: "/api/v1/partners", method: .get)
            #expect((list.object["items"] as? [Any])?.count == 1)
        }
    }

    @Test func staffCannotBeAttachedAndUnknownHandlesAreNamed() async throws {
        try await withApp { client, database in
            try await registerAndLogIn(client, "equipe")
            try await promote("equipe", to: .staff, in: database)
            let staff = try await logIn(client, "equipe")
            _ = try await client.execute(
                uri: "/api/v1/partners", method: .post, headers: bearer(staff),
                body: json(["name": "Shop", "slug": "shop", "kind": "merchant", "commissionBasisPoints": 500]))
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partners/shop/members", method: .post, headers: bearer(staff),
                    body: json(["handle": "equipe"])),
                .unprocessableContent, type: "validation", field: "handle")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partners/shop/members", method: .post, headers: bearer(staff),
                    body: json(["handle": "ghost"])),
                .unprocessableContent, type: "validation", field: "handle")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partners/nowhere/members", method: .post, headers: bearer(staff),
                    body: json(["handle": "equipe"])),
                .notFound, type: "not-found")
        }
    }
}
