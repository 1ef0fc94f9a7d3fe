/// Tells French from English by counting each language's most common short words (articles,
/// pronouns, auxiliaries), which nearly every sentence has and the other language rarely uses.
/// Undecided (nil) when neither count clearly wins, such as "Super !" or a one-word title.
enum LanguageDetector {
    /// The language of `text`, or nil when unsure.
    static func detect(_ text: String) -> Language? {
        let text = SentimentText(text)
        return decide(
            french: SentimentVocabulary.french.read(text).common, english: SentimentVocabulary.english.read(text).common
        )
    }

    /// The language whose common words a text has more of: twice as many as the other's, so that a
    /// French review quoting an English title ("The Wire") or an English one naming "la" or "de"
    /// stays in its language.
    static func decide(french: Int, english: Int) -> Language? {
        if french > 2 * english { return .fr }
        if english > 2 * french { return .en }
        return nil
    }

    // Words shared by both languages ("a", "on", "me", "son", "si", "must") count for neither.
    static let frenchWords: Set<String> = [
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "est", "sont", "etait", "ai", "j", "je",
        "tu", "il", "elle", "nous", "vous", "ils", "elles", "ce", "cet", "cette", "ces", "c", "qui", "que", "qu",
        "pour", "dans", "sur", "avec", "ne", "n", "pas", "tres", "mais", "ou", "au", "aux", "sa", "ses", "mon",
        "ma", "mes", "leur", "leurs", "en", "y", "par", "plus", "bien", "tout", "trop", "peu", "aussi", "avoir",
        "etre", "fait", "cela", "ca", "moi", "lui", "votre", "notre", "comme", "mal", "bon", "bonne",
    ]

    static let englishWords: Set<String> = [
        "the", "and", "is", "are", "was", "were", "of", "to", "in", "for", "with", "it", "its", "this", "that", "i",
        "you", "he", "she", "they", "we", "not", "but", "very", "my", "have", "has", "had", "be", "been", "t", "s",
        "don", "at", "from", "as", "or", "so", "if", "would", "will", "what", "all", "an", "do", "there", "their",
        "your", "just", "one", "really", "good", "bad", "great", "no", "could", "after", "than",
    ]
}
