/// A text cut the way sentiment reads it: folded words (as `TextFolding.words` cuts them), grouped in
/// clauses and sentences, with the exclamation marks and question marks of each sentence.
///
/// Negation stops at a comma and "but" weighs the rest of its sentence, so the punctuation that
/// `TextFolding.words` drops is kept here as boundaries.
struct SentimentText: Sendable {
    struct Word: Sendable {
        let text: String
        let sentence: Int
        let clause: Int
    }

    struct Sentence: Sendable {
        var exclamations = 0
        var isQuestion = false
    }

    let words: [Word]
    let sentences: [Sentence]

    init(_ text: String) {
        var words: [Word] = []
        words.reserveCapacity(text.utf8.count / 6)
        var sentences = [Sentence()]
        var clause = 0
        // The current word's folded UTF-8: bytes are cheaper to gather than `String` appends.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if Self.appendFolded(scalar, to: &word) { continue }
            if Self.isCombiningMark(scalar) { continue }
            if !word.isEmpty {
                words.append(
                    Word(text: String(decoding: word, as: UTF8.self), sentence: sentences.count - 1, clause: clause))
                word.removeAll(keepingCapacity: true)
            }
            let sentenceHasWords = words.last?.sentence == sentences.count - 1
            switch scalar {
            case "!":
                sentences[sentences.count - 1].exclamations += 1
            case "?":
                sentences[sentences.count - 1].isQuestion = true
            case ",", ";", ":", "(", ")", "\u{2013}", "\u{2014}":
                clause += 1
            default:
                break
            }
            // A sentence ends after a run of marks ("...", "?!"), at the next word, never empty.
            let endsSentence: Bool
            switch scalar {
            case ".", "\n", "\u{2026}": endsSentence = true
            case "!", "?": endsSentence = pending != "!" && pending != "?"
            default: endsSentence = false
            }
            if endsSentence, sentenceHasWords {
                sentences.append(Sentence())
                clause += 1
            }
        }
        if !word.isEmpty {
            words.append(
                Word(text: String(decoding: word, as: UTF8.self), sentence: sentences.count - 1, clause: clause))
        }
        self.words = words
        self.sentences = sentences
    }

    /// Appends the folded UTF-8 of a letter or digit and says true; says false for anything else (a
    /// separator). Letters of the Latin alphabets come from a table that `TextFolding.fold` filled
    /// once: the same folding, without calling Foundation for each text (which alone took most of a
    /// millisecond per review on Linux).
    static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
            case 0x41...0x5A: word.append(UInt8(value + 0x20))
            default: return false
            }
            return true
        }
        if Int(value) < latinFolding.count {
            guard let folded = latinFolding[Int(value)] else { return false }
            word.append(contentsOf: folded)
            return true
        }
        guard isLetterOrDigit(scalar) else { return false }
        word.append(contentsOf: TextFolding.fold(String(scalar)).utf8)
        return true
    }

    /// Accents typed as separate marks ("e" + U+0301) belong to their letter, which folding strips.
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        (0x300...0x36F).contains(scalar.value)
    }

    /// Letters and digits, as `TextFolding.words` (`Character.isLetter` / `isNumber`) keeps them.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    /// Latin-1 Supplement to Latin Extended-B (U+0080–U+024F, ASCII is folded inline), as folded
    /// UTF-8: nil for separators, "e" for "É", "oe" for "œ".
    private static let latinFolding: [[UInt8]?] = (0..<0x250).map { value in
        guard let scalar = Unicode.Scalar(value), isLetterOrDigit(scalar) else { return nil }
        return Array(TextFolding.fold(String(scalar)).utf8)
    }
}
