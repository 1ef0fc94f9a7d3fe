import Foundation

/// The operations of the deal community.
extension OpenAPIDocument {
    static var dealOperations: [Operation] {
        let dealErrors = [400, 401, 403, 404, 413, 415, 422]
        return [
            Operation(
                method: "get", path: "/api/v1/deals",
                summary: "Published deals in keyset pages: hot, new, top or discussed (within a period), or expiring; "
                    + "by category (with its sub-categories), partner, keyword, or what the member follows",
                auth: .optional, success: (200, "DealList"), errors: [401, 422],
                extraParameters: [
                    query("sort", "string", "hot (default), new, top, discussed or expiring"),
                    query("period", "string", "For top and discussed: day, week (default) or month"),
                    query("category", "string", "A category's slug"),
                    query("partner", "string", "A partner's slug"),
                    query("q", "string", "Keyword: every word begins a word of the deal, ignoring case and accents"),
                    query("forMe", "boolean", "Only what the member follows, ranked with their sustainability setting"),
                    query("cursor", "string", "nextCursor of the previous page"),
                    query("limit", "integer", "1–50, default 20"),
                ]),
            Operation(
                method: "post", path: "/api/v1/deals",
                summary: "Post a deal (a new member's first two wait for staff approval); the answer lists active "
                    + "deals already pointing to the same address or offer",
                auth: .member, body: "NewDeal", success: (201, "PostedDeal"), errors: dealErrors),
            Operation(
                method: "get", path: "/api/v1/deals/{id}",
                summary: "One deal (pending and removed ones for their author and staff only)", auth: .optional,
                success: (200, "Deal"), errors: [404]),
            Operation(
                method: "put", path: "/api/v1/deals/{id}",
                summary: "Its author replaces a deal; bump: true ranks it again from now (once per 24 hours)",
                auth: .member, body: "NewDeal", success: (200, "Deal"), errors: dealErrors),
            Operation(
                method: "put", path: "/api/v1/deals/{id}/vote",
                summary: "Vote a deal hot or cold (one vote per member, changeable until it expires; not for partners)",
                auth: .member, body: "Vote", success: (200, "Deal"), errors: dealErrors),
            Operation(
                method: "delete", path: "/api/v1/deals/{id}/vote",
                summary: "Take one's vote back, until the deal expires",
                auth: .member, success: (200, "Deal"), errors: [401, 403, 404, 422]),
            Operation(
                method: "post", path: "/api/v1/deals/{id}/flags",
                summary: "Flag a deal for staff; three `expired` flags expire it", auth: .member, body: "Flag",
                success: (201, "Deal"), errors: dealErrors + [409]),
            Operation(
                method: "post", path: "/api/v1/deals/{id}/revive",
                summary: "Report that an expired deal still works: it runs again", auth: .member, body: "Note",
                success: (200, "Deal"), errors: dealErrors),
            Operation(
                method: "get", path: "/api/v1/deals/{id}/comments",
                summary: "A deal's comments: each top-level comment followed by its replies", auth: .optional,
                success: (200, "CommentList"), errors: [404]),
            Operation(
                method: "post", path: "/api/v1/deals/{id}/comments",
                summary: "Comment on a deal or reply (one level); @handle mentions notify", auth: .member,
                body: "NewComment", success: (201, "Comment"), errors: dealErrors),
            Operation(
                method: "patch", path: "/api/v1/comments/{id}", summary: "Its author edits a comment",
                auth: .member, body: "CommentEdit", success: (200, "Comment"), errors: dealErrors),
            Operation(
                method: "delete", path: "/api/v1/comments/{id}", summary: "Its author deletes a comment",
                auth: .member, success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "put", path: "/api/v1/comments/{id}/like", summary: "Like a comment (not one's own)",
                auth: .member, success: (200, "Likes"), errors: [401, 403, 404, 422]),
            Operation(
                method: "delete", path: "/api/v1/comments/{id}/like", summary: "Take one's like back",
                auth: .member, success: (200, "Likes"), errors: [401, 403, 404, 422]),
            Operation(
                method: "post", path: "/api/v1/comments/{id}/flags", summary: "Flag a comment for staff",
                auth: .member, body: "Flag", success: (204, nil), errors: dealErrors + [409]),
            Operation(
                method: "get", path: "/api/v1/follows", summary: "What one follows", auth: .member,
                success: (200, "FollowList"), errors: [401, 403]),
            Operation(
                method: "post", path: "/api/v1/follows",
                summary:
                    "Follow a keyword, category, merchant, product or member; a matching new deal notifies at once",
                auth: .member, body: "NewFollow", success: (201, "Follow"), errors: dealErrors),
            Operation(
                method: "delete", path: "/api/v1/follows/{kind}/{target}",
                summary: "Stop following (target as the follow list gives it)", auth: .member, success: (204, nil),
                errors: [401, 403, 404]),
            Operation(
                method: "get", path: "/api/v1/moderation/queue",
                summary: "Deals waiting for approval, then flagged deals and comments (staff)", auth: .staff,
                success: (200, "ModerationQueue"), errors: [401, 403]),
            Operation(
                method: "post", path: "/api/v1/moderation/deals/{id}/decision",
                summary: "Approve or restore (restore) or take down (remove) a deal; written to the audit log (staff)",
                auth: .staff, body: "Decision", success: (200, "Deal"), errors: dealErrors),
            Operation(
                method: "post", path: "/api/v1/moderation/comments/{id}/decision",
                summary: "Remove or restore a comment; written to the audit log (staff)", auth: .staff,
                body: "Decision", success: (204, nil), errors: dealErrors),
            Operation(
                method: "get", path: "/api/v1/moderation/audit",
                summary: "Every moderation decision, newest first (staff)",
                auth: .staff, success: (200, "AuditLog"), errors: [401, 403, 422],
                extraParameters: [query("before", "integer", "nextBefore of the previous page")]),
            Operation(
                method: "get", path: "/api/v1/members/{handle}",
                summary: "A member's public profile: reputation, badges, deals", success: (200, "Profile"),
                errors: [404]),
        ]
    }
}
