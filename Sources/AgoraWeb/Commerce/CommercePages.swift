import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What the commerce pages share, in the reader's language: money, dates, the time left before a
/// deadline, status labels, and the values of a campaign that its card and its page both show.
struct CommercePages {
    let pages: Pages
    let context: AppRequestContext

    var language: Language { context.language }

    func text(_ key: String, _ arguments: [String] = []) -> String {
        pages.localizer.text(key, language, arguments)
    }

    func money(_ minorUnits: Int64, _ currency: String) -> String {
        Money(minorUnits: minorUnits, currency: currency).formatted(language)
    }

    /// A date and time as the reader's locale writes them.
    func date(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .abbreviated, time: .shortened).locale(Locale(identifier: language.rawValue)))
    }

    /// "2 j 4 h", "3 h 12 min", "4 min 10 s": the two largest units of the time left; `live.js`
    /// counts down with the same rule from the deadline in `data-deadline`.
    func remaining(until deadline: Date, now: Date) -> String {
        let seconds = max(Int(deadline.timeIntervalSince(now).rounded(.down)), 0)
        guard seconds > 0 else { return text("groupBuys.ended") }
        let units = text("groupBuys.countdownUnits").split(separator: ",").map(String.init)
        guard units.count == 4 else { return "" }
        let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60)
        if days > 0 { return "\(days) \(units[0]) \(hours) \(units[1])" }
        if hours > 0 { return "\(hours) \(units[1]) \(minutes) \(units[2])" }
        return "\(minutes) \(units[2]) \(seconds % 60) \(units[3])"
    }

    func orderStatus(_ status: OrderStatus) -> String { text("orders.status.\(status.rawValue)") }

    /// A campaign's state; an open one past its deadline is waiting to be settled.
    func campaignStatus(_ campaign: GroupBuy, now: Date) -> String {
        if campaign.status == .succeeded, let price = campaign.finalUnitPrice {
            return text("groupBuys.succeededAt", [money(price, campaign.currency)])
        }
        if campaign.status == .open, campaign.deadline <= now { return text("groupBuys.status.settling") }
        return text("groupBuys.status.\(campaign.status.rawValue)")
    }

    /// A campaign as cards and its page show it, with the templates `live.js` fills as it progresses.
    func campaign(_ campaign: GroupBuy, now: Date) -> [String: Any] {
        let price = { (minor: Int64) in money(minor, campaign.currency) }
        let isOpen = campaign.status == .open && campaign.deadline > now
        var values: [String: Any] = [
            "id": campaign.id.rawValue, "title": campaign.title, "product": campaign.productName,
            "productID": campaign.productID, "partner": campaign.partnerName,
            "price": price(campaign.currentTier.unitPrice), "priceMinor": campaign.currentTier.unitPrice,
            "units": campaign.units, "cap": campaign.cap, "participants": campaign.participants,
            "minimum": campaign.minimumParticipants, "perMemberMaximum": campaign.perMemberMaximum,
            "unitsText": text("groupBuys.units", [String(campaign.units), String(campaign.cap)]),
            "unitsTemplate": text("groupBuys.units", ["{0}", String(campaign.cap)]),
            "participantsText": text(
                "groupBuys.participants", [String(campaign.participants), String(campaign.minimumParticipants)]),
            "participantsTemplate": text("groupBuys.participants", ["{0}", String(campaign.minimumParticipants)]),
            "deadline": date(campaign.deadline), "deadlineISO": campaign.deadline.formatted(.iso8601),
            "remaining": remaining(until: campaign.deadline, now: now), "isOpen": isOpen,
            "status": campaignStatus(campaign, now: now), "statusCode": campaign.status.rawValue,
        ]
        if isOpen, let next = campaign.nextTier {
            let unlocked = price(next.tier.unitPrice)
            values["next"] = [
                "text": text(
                    next.missing == 1 ? "groupBuys.nextTier.one" : "groupBuys.nextTier.other",
                    [String(next.missing), unlocked]),
                "one": text("groupBuys.nextTier.one", ["{0}", unlocked]),
                "other": text("groupBuys.nextTier.other", ["{0}", unlocked]),
                "participants": next.tier.participants,
            ]
        }
        return values
    }
}
