import AgoraDomain
import Foundation
import Testing

@Suite struct LanguageTests {
    @Test(
        arguments: [
            ("en-GB,en;q=0.9,fr;q=0.8", Language.en), ("fr-CA", .fr), ("de-DE,en;q=0.5,fr;q=0.7", .fr),
            ("de, it;q=0.9", nil), ("", nil), ("en;q=0, fr;q=0.1", .fr), ("*", nil),
        ] as [(String, Language?)])
    func acceptLanguagePicksTheBestSupportedLanguage(header: String, expected: Language?) {
        #expect(Language.negotiate(acceptLanguage: header) == expected)
    }

    @Test func frenchIsTheFallback() {
        #expect(Language.fallback == .fr)
        #expect(Language.negotiate(acceptLanguage: nil) == nil)
    }
}

@Suite struct LoginThrottleTests {
    let throttle = LoginThrottle(freeAttempts: 5, baseDelay: 1, maximumDelay: 900, window: 3600)
    let start = Date(timeIntervalSince1970: 1_000_000)

    @Test func theFirstFailuresCostNothing() {
        #expect(throttle.retryAfter(failures: 4, lastFailureAt: start, now: start) == nil)
    }

    @Test func eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        #expect(throttle.retryAfter(failures: 5, lastFailureAt: start, now: start) == 1)
        #expect(throttle.retryAfter(failures: 8, lastFailureAt: start, now: start) == 8)
        #expect(throttle.retryAfter(failures: 40, lastFailureAt: start, now: start) == 900)
        #expect(throttle.retryAfter(failures: 8, lastFailureAt: start, now: start.addingTimeInterval(5)) == 3)
        #expect(throttle.retryAfter(failures: 8, lastFailureAt: start, now: start.addingTimeInterval(8)) == nil)
    }

    @Test func failuresOlderThanTheWindowAreForgotten() {
        #expect(throttle.retryAfter(failures: 40, lastFailureAt: start, now: start.addingTimeInterval(3600)) == nil)
    }
}

@Suite struct EventAudienceTests {
    @Test(arguments: [EventAudience.everyone, .staff, .member(MemberID(7)), .partner(PartnerID(3))])
    func audiencesSurviveStorage(audience: EventAudience) {
        #expect(EventAudience(stored: audience.stored) == audience)
    }

    @Test func viewersReceiveOnlyWhatIsTheirs() {
        let alice = EventViewer(memberID: MemberID(1), partnerID: nil, isStaff: false)
        let staff = EventViewer(memberID: MemberID(2), partnerID: nil, isStaff: true)
        #expect(alice.mayReceive(.everyone) && alice.mayReceive(.member(MemberID(1))))
        #expect(
            !alice.mayReceive(.member(MemberID(2))) && !alice.mayReceive(.staff)
                && !alice.mayReceive(.partner(PartnerID(1))))
        #expect(!EventViewer.anonymous.mayReceive(.member(MemberID(1))))
        #expect(staff.mayReceive(.staff) && staff.mayReceive(.partner(PartnerID(1))))
        #expect(EventAudience(stored: "member:abc") == nil)
    }
}

@Suite struct TextTests {
    @Test func controlAndInvisibleFormatCharactersAreUnsafeButLettersAndEmojiAreNot() {
        for unsafe: Unicode.Scalar in [
            "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{E0041}",
        ] {
            #expect(unsafe.isUnsafeInText, "U+\(String(unsafe.value, radix: 16))")
        }
        for safe: Unicode.Scalar in ["a", "é", "€", " ", "\u{1F600}", "\u{2013}"] {
            #expect(!safe.isUnsafeInText, "U+\(String(safe.value, radix: 16))")
        }
    }

    @Test func trimmedRemovesWhiteSpaceOfEveryKindAroundTheTextOnly() {
        #expect("  Café  crème\t\n".trimmed() == "Café  crème")
        #expect("\u{A0}\u{2003}prix\u{3000}".trimmed() == "prix")
        #expect(" \n\t ".trimmed() == "")
        #expect("déjà".trimmed() == "déjà")
    }
}
