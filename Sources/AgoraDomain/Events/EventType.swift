/// The name of something that happened, as it appears in the `event:` line of the live stream.
///
/// Each capability adds its own constants in an extension next to its rules.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
}

extension EventType {
    public static let memberRegistered: EventType = "member.registered"
    public static let memberUpdated: EventType = "member.updated"
    public static let memberRoleChanged: EventType = "member.role_changed"
    public static let partnerCreated: EventType = "partner.created"
    public static let partnerMemberAttached: EventType = "partner.member_attached"
    public static let partnerTokenCreated: EventType = "partner.token_created"
    public static let partnerTokenRevoked: EventType = "partner.token_revoked"
    public static let partnerOffersUpdated: EventType = "partner.offers_updated"
    public static let partnerStoresUpdated: EventType = "partner.stores_updated"
    public static let categoryCreated: EventType = "category.created"
}

extension EventType {
    public static let priceAlertSet: EventType = "price_alert.set"
    public static let priceAlertRemoved: EventType = "price_alert.removed"
    public static let priceAlertFired: EventType = "price_alert.fired"
    public static let notificationsRead: EventType = "notification.read"
    public static let notificationCreated: EventType = "notification.created"
}

extension EventType {
    public static let dealPosted: EventType = "deal.posted"
    public static let dealVoted: EventType = "deal.voted"
    /// A new member's deal waits for approval (staff only).
    public static let dealSubmitted: EventType = "deal.submitted"
    public static let dealEdited: EventType = "deal.edited"
    /// Approved, removed, restored, expired or revived: its status changed.
    public static let dealModerated: EventType = "deal.moderated"
    public static let dealFlagged: EventType = "deal.flagged"
    public static let commentPosted: EventType = "comment.posted"
    public static let commentEdited: EventType = "comment.edited"
    public static let commentDeleted: EventType = "comment.deleted"
    public static let commentLiked: EventType = "comment.liked"
}

extension EventType {
    public static let reviewPosted: EventType = "review.posted"
    public static let reviewEdited: EventType = "review.edited"
    public static let reviewReplied: EventType = "review.replied"
    /// Hidden, removed or published again.
    public static let reviewModerated: EventType = "review.moderated"
    public static let reviewFlagged: EventType = "review.flagged"
    public static let liked: EventType = "like.changed"
}

extension EventType {
    public static let articlePublished: EventType = "article.published"
    public static let articleEdited: EventType = "article.edited"
    /// Removed or restored by staff.
    public static let articleModerated: EventType = "article.moderated"
    public static let articleCommented: EventType = "article.commented"
}

extension EventType {
    public static let groupBuyOpened: EventType = "group_buy.opened"
    /// A pledge was made, changed or withdrawn: the campaign's progress moved.
    public static let groupBuyProgressed: EventType = "group_buy.progressed"
    public static let groupBuySucceeded: EventType = "group_buy.succeeded"
    public static let groupBuyFailed: EventType = "group_buy.failed"
    public static let groupBuyCancelled: EventType = "group_buy.cancelled"
    public static let groupBuyProposed: EventType = "group_buy.proposed"
    public static let orderPlaced: EventType = "order.placed"
    /// Acknowledged, shipped, delivered, cancelled or refunded.
    public static let orderUpdated: EventType = "order.updated"
    public static let orderCancelled: EventType = "order.cancelled"
    public static let webhookChanged: EventType = "partner.webhook_changed"
}

extension EventType {
    public static let ideaSubmitted: EventType = "idea.submitted"
    public static let ideaSupported: EventType = "idea.supported"
    /// An official answer (with or without a new status), or the idea's automatic entry into review.
    public static let ideaAnswered: EventType = "idea.answered"
    public static let ideaMerged: EventType = "idea.merged"
    public static let ideaCommented: EventType = "idea.commented"
    public static let ideaCommentDeleted: EventType = "idea.comment_deleted"
}

extension EventType {
    /// Staff changed a platform setting or a partner's terms (the audit log has the values).
    public static let businessModelChanged: EventType = "business_model.changed"
}
