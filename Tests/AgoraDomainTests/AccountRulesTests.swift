import AgoraDomain
import Foundation
import Testing

@Suite struct AccountRulesTests {
    @Test(arguments: ["abc", "alice_42", String(repeating: "a", count: 30)])
    func validHandlesAreAccepted(handle: String) throws {
        #expect(try AccountRules.handle(handle) == handle)
    }

    @Test(arguments: [
        ("ab", "error.handle.length"), (String(repeating: "a", count: 31), "error.handle.length"),
        ("Alice", "error.handle.format"), ("élise", "error.handle.format"), ("a-b-c", "error.handle.format"),
        ("a b", "error.handle.format"),
    ])
    func invalidHandlesSayWhy(handle: String, message: String) {
        #expect(throws: ValidationError(field: "handle", message)) { try AccountRules.handle(handle) }
    }

    @Test func emailsAreTrimmedAndLowerCased() throws {
        #expect(try AccountRules.email("  Alice@Example.ORG ") == "alice@example.org")
    }

    @Test(arguments: [
        "alice", "alice@", "@example.org", "alice@example", "a b@example.org", "alice@@example.org", "alice@.org",
    ])
    func malformedEmailsAreRefused(email: String) {
        #expect(throws: ValidationError(field: "email", "error.email.format")) { try AccountRules.email(email) }
    }

    @Test func passwordsNeedTenToOneHundredTwentyEightCharacters() throws {
        #expect(throws: ValidationError(field: "password", "error.password.short")) {
            try AccountRules.password("123456789")
        }
        #expect(try AccountRules.password("1234567890") == "1234567890")
        #expect(throws: ValidationError(field: "password", "error.password.long")) {
            try AccountRules.password(String(repeating: "x", count: 129))
        }
    }

    @Test func displayNamesAreTrimmedBoundedAndFreeOfControlCharacters() throws {
        #expect(try AccountRules.displayName("  Alice  ") == "Alice")
        #expect(try AccountRules.displayName("   ") == nil)
        #expect(throws: ValidationError(field: "displayName", "error.displayName.length")) {
            try AccountRules.displayName(String(repeating: "a", count: 61))
        }
        #expect(throws: ValidationError(field: "displayName", "error.displayName.format")) {
            try AccountRules.displayName("Al\u{7}ice")
        }
    }

    @Test func sustainabilityWeightIsAPercentage() throws {
        #expect(try AccountRules.sustainabilityWeight(0) == 0)
        #expect(try AccountRules.sustainabilityWeight(100) == 100)
        #expect(throws: ValidationError.self) { try AccountRules.sustainabilityWeight(101) }
        #expect(throws: ValidationError.self) { try AccountRules.sustainabilityWeight(-1) }
    }

    @Test func coordinatesStayOnEarth() throws {
        #expect(try Coordinates(latitude: 45.76, longitude: 4.83).latitude == 45.76)
        #expect(throws: ValidationError(field: "homeLatitude", "error.latitude.range")) {
            try Coordinates(latitude: 91, longitude: 0)
        }
        #expect(throws: ValidationError(field: "homeLongitude", "error.longitude.range")) {
            try Coordinates(latitude: 0, longitude: -181)
        }
        #expect(throws: ValidationError.self) { try Coordinates(latitude: .nan, longitude: 0) }
    }

    @Test func partnerFieldsFollowTheirRules() throws {
        #expect(try PartnerRules.slug("maison-verte") == "maison-verte")
        #expect(throws: ValidationError(field: "slug", "error.slug.format")) { try PartnerRules.slug("-bad") }
        #expect(throws: ValidationError(field: "slug", "error.slug.format")) { try PartnerRules.slug("Bad") }
        #expect(throws: ValidationError(field: "commissionBasisPoints", "error.commission.range")) {
            try PartnerRules.commission(basisPoints: 10_001)
        }
        #expect(throws: ValidationError(field: "name", "error.required")) { try PartnerRules.name("  ") }
    }
}
