import Foundation
import Testing

@testable import AgoraDomain

@Suite struct MarkdownTests {
    @Test func theSubsetBecomesTags() {
        let html = Markdown.html(
            """
            ## Pourquoi réparer

            Un **bon** lave-linge dure *vingt ans* avec `un joint` neuf.
            Voir [le guide](https://example.org/guide?a=1&b=2).

            - pièces
            - outils

            1. démonter
            2. remonter

            > La réparation, c'est l'avenir.

            ```
            <b>tel quel</b>
            ```
            """)
        #expect(html.contains("<h3>Pourquoi réparer</h3>"))
        #expect(
            html.contains("Un <strong>bon</strong> lave-linge dure <em>vingt ans</em> avec <code>un joint</code> neuf.")
        )
        #expect(
            html.contains(
                #"<a href="https://example.org/guide?a=1&amp;b=2" rel="nofollow ugc noopener noreferrer">le guide</a>"#)
        )
        #expect(html.contains("<ul><li>pièces</li><li>outils</li></ul>"))
        #expect(html.contains("<ol><li>démonter</li><li>remonter</li></ol>"))
        #expect(html.contains("<blockquote><p>La réparation, c&#39;est l&#39;avenir.</p></blockquote>"))
        #expect(html.contains("<pre><code>&lt;b&gt;tel quel&lt;/b&gt;</code></pre>"))
    }

    @Test func noMarkupGetsThrough() {
        let attacks = [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[clic](javascript:alert(1))",
            "[clic](https://x.org/\"onmouseover=\"alert(1))", "**<iframe src=//evil>**", "`</code><script>`",
            "[a](data:text/html;base64,PHNjcmlwdD4=)", "# <svg onload=alert(1)>",
            "[x](https://e.org/\"\u{301}/onmouseover=alert(1)//)", "<\u{301}script>alert(1)",
        ]
        for attack in attacks {
            let html = Markdown.html(attack)
            #expect(!html.contains("<script"), "\(attack) → \(html)")
            #expect(
                !html.contains("<img") && !html.contains("<iframe") && !html.contains("<svg"), "\(attack) → \(html)")
            #expect(!html.contains("javascript:alert(1)\""), "\(attack) → \(html)")
            #expect(!html.contains("href=\"data:"), "\(attack) → \(html)")
            #expect(!html.contains("\"onmouseover"), "\(attack) → \(html)")
            // Every quote or angle bracket in the output is one of the renderer's own.
            let ownTags = html.replacing(/<\/?(p|h[2-4]|ul|ol|li|blockquote|pre|code|strong|em|br)>/, with: "")
                .replacing(/<a href="[^"<>]*" rel="nofollow ugc noopener noreferrer">|<\/a>/, with: "")
            #expect(!ownTags.unicodeScalars.contains { "<>\"".unicodeScalars.contains($0) }, "\(attack) → \(html)")
        }
        #expect(Markdown.html("a `b").contains("a `b"), "an unclosed backtick stays text")
    }

    @Test func articleRulesFoldTagsAndBoundFields() throws {
        let input = ArticleInput(
            title: "  Réparer son vélo  ", body: "Un texte assez long pour être un article.",
            link: " ", tags: ["Vélo", "vélo", "Économie circulaire", ""])
        let checked = try ArticleRules.checked(input)
        #expect(checked.title == "Réparer son vélo" && checked.link == nil)
        #expect(checked.tags == ["velo", "economie-circulaire"])
        var bad = input
        bad.tags = ["a", "b", "c", "d", "e", "f"].map { $0 + $0 }
        #expect(throws: ValidationError(field: "tags", "error.article.tags")) { try ArticleRules.checked(bad) }
        bad = input
        bad.link = "ftp://example.org/x"
        #expect(throws: ValidationError(field: "link", "error.url")) { try ArticleRules.checked(bad) }
        bad = input
        bad.body = "court"
        #expect(throws: ValidationError(field: "body", "error.article.body")) { try ArticleRules.checked(bad) }
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(
            ArticleRules.hotScore(likes: 10, comments: 0, publishedAt: now)
                > ArticleRules.hotScore(likes: 1, comments: 2, publishedAt: now))
    }
}
