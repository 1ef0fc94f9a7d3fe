/// Words that say nothing about a subject in French or English, folded (lower case, no accents)
/// as `TextFolding.words` cuts them: left out when looking for similar ideas and for the terms
/// that recur in critical reviews.
public enum StopWords {
    public static func contains(_ foldedWord: String) -> Bool { all.contains(foldedWord) }

    static let all: Set<String> = french.union(english)

    static let french: Set<String> = [
        "a", "afin", "ai", "aie", "aient", "ainsi", "alors", "apres", "as", "au", "aucun", "aucune", "aupres",
        "aussi", "autre", "autres", "aux", "avaient", "avais", "avait", "avant", "avec", "avez", "avoir", "avons",
        "ayant", "beaucoup", "bien", "c", "ca", "car", "ce", "ceci", "cela", "celle", "celles", "celui", "cependant",
        "ces", "cet", "cette", "ceux", "chaque", "chez", "ci", "comme", "comment", "d", "dans", "de", "depuis", "des",
        "deja", "deux", "doit", "donc", "dont", "du", "elle", "elles", "en", "encore", "entre", "es", "est", "et",
        "etaient", "etais", "etait", "etant", "ete", "etre", "eu", "eux", "fait", "faire", "fois", "font", "ici",
        "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me",
        "meme", "memes", "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par",
        "parce", "pas", "peu", "peut", "plus", "pour", "pourquoi", "qu", "quand", "que", "quel", "quelle",
        "quelles", "quels", "qui", "quoi", "s", "sa", "sans", "se", "sera", "serait", "ses", "si", "sien", "soi",
        "sommes", "son", "sont", "sous", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout",
        "toute", "toutes", "tres", "trop", "tu", "un", "une", "unes", "uns", "vers", "voici", "voila", "vos",
        "votre", "vous", "y", "etc", "cest", "jai", "vraiment", "rien", "faut", "pourrait",
        "quon", "lors", "dun", "dune", "ailleurs", "puis", "tant", "surtout", "toujours",
        "moins", "non", "oui", "quelque", "quelques", "pendant", "selon", "assez", "autant", "plutot", "soit",
        "fut", "etes", "seront", "aura", "aurait", "auront", "peux", "pouvez", "veux", "veut", "dit", "dire",
        "aujourd", "hui", "chose", "choses", "lorsque", "ensuite", "sinon", "pourtant", "quant", "jamais", "fallu",
        "falloir", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    ]

    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot",
        "could", "did", "do", "does", "doing", "don", "down", "during", "each", "even", "ever", "few", "for",
        "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like",
        "me", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "really", "same", "she",
        "should", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "ll", "ve", "re", "d", "m",
        "didn", "doesn", "isn", "wasn", "won", "wouldn", "couldn", "shouldn", "aren", "weren", "haven", "hasn",
        "please", "make", "made", "way", "well", "thing", "things", "many", "lot",
        "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "im", "ive", "yet", "though",
        "although", "since", "every", "another", "may", "might", "shall", "upon", "within", "without", "onto",
        "whether", "either", "neither", "else", "per", "via", "quite", "rather", "almost", "already", "never",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
}
