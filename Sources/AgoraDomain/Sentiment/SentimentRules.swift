/// The words that change the valence of the words near them, in one language: negations,
/// intensifiers and diminishers, contrasts, and the few words whose negation is not their reverse.
/// All folded, as `SentimentText` cuts them.
struct SentimentRules: Sendable {
    /// Words that reverse the sentiment of what follows them in their clause ("not", "pas", "jamais").
    let negations: Set<String>
    /// Negations that also reverse the word just before them, as a spoken French "j'aime pas" does.
    let trailingNegations: Set<String>
    /// Multipliers of the next sentiment word: above 1 for "very", below 1 for "slightly".
    let intensifiers: [String: Double]
    /// Two-word intensifiers and diminishers ("a bit", "un peu"), keyed "first second".
    let phraseIntensifiers: [String: Double]
    /// Words after which the rest of the sentence carries the opinion ("but", "mais").
    let contrasts: Set<String>
    /// Words that concede the rest of their clause ("despite", "malgré"): it counts half.
    let concessions: Set<String>
    /// Words that announce the verdict ("overall", "bref"): the rest of the sentence counts more.
    let conclusions: Set<String>
    /// What some words mean once negated, when it is not their reverse: "pas terrible" means
    /// "mediocre" in French, not "great"; "pas mal" means "rather good".
    let negatedValences: [String: Double]
    /// Words that the lexicons rate but reviews use without opinion: function words ("sur" is also
    /// "sûr" once folded), ordinals, and senses the raters did not mean ("like" as in "looks like").
    let ignored: Set<String>
    /// A word followed by one of these is an auxiliary of a contraction ("won" in "won't").
    let contractionTails: Set<String>

    // Intensifier factors follow VADER's booster step (0.293 on a typical valence of 1.5 to 2 on its
    // -4...4 scale: 15 to 20 %), larger for the words its raters felt stronger ("extremely").
    static let english = SentimentRules(
        negations: [
            "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "nowhere", "cannot", "without",
            "t", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wont",
            "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "aint", "hardly", "barely", "scarcely", "lack",
            "lacks", "lacking", "lacked",
        ],
        trailingNegations: [],
        intensifiers: [
            "very": 1.3, "really": 1.3, "so": 1.2, "too": 1.2, "extremely": 1.5, "incredibly": 1.5,
            "absolutely": 1.4, "totally": 1.3, "completely": 1.3, "highly": 1.4, "super": 1.3, "truly": 1.3,
            "most": 1.3, "especially": 1.3, "particularly": 1.3, "utterly": 1.5, "deeply": 1.3, "quite": 1.1,
            "pretty": 1.1, "such": 1.2, "definitely": 1.2, "seriously": 1.2, "simply": 1.1, "much": 1.2,
            "slightly": 0.6, "somewhat": 0.7, "fairly": 0.8, "rather": 0.8, "mildly": 0.6, "kinda": 0.7,
            "sorta": 0.7, "partly": 0.6, "marginally": 0.6, "less": 0.6,
        ],
        phraseIntensifiers: ["a bit": 0.6, "a little": 0.6, "kind of": 0.7, "sort of": 0.7],
        contrasts: ["but", "however"],
        concessions: ["although", "though", "despite"],
        conclusions: ["overall", "conclusion", "summary"],
        // "Don't waste your money" warns: the advice is as negative as the waste.
        negatedValences: ["waste": -0.4],
        // Senses the raters did not mean ("like" as in "looks like", "sound" quality) and quantities.
        ignored: [
            "like", "kind", "well", "please", "yes", "more", "first", "other", "many", "right", "own", "real",
            "sound", "play", "played", "playing", "game", "black", "half", "chicken", "top", "full",
        ],
        contractionTails: ["t"]
    )

    static let french = SentimentRules(
        negations: [
            "ne", "n", "pas", "jamais", "rien", "aucun", "aucune", "ni", "sans", "guere", "nullement", "personne",
            "manque", "manquent", "manquait", "manquaient",
        ],
        trailingNegations: ["pas"],
        intensifiers: [
            "tres": 1.3, "vraiment": 1.3, "trop": 1.2, "super": 1.3, "hyper": 1.3, "extremement": 1.5,
            "tellement": 1.3, "particulierement": 1.3, "absolument": 1.4, "totalement": 1.3, "completement": 1.3,
            "franchement": 1.2, "carrement": 1.3, "vachement": 1.3, "hautement": 1.4, "profondement": 1.3,
            "parfaitement": 1.3, "beaucoup": 1.2, "si": 1.2, "aussi": 1.1, "bien": 1.1, "fort": 1.2, "plutot": 0.8,
            "assez": 0.8,
            "legerement": 0.6, "moyennement": 0.5, "relativement": 0.7, "presque": 0.7,
            // "peu intéressant" means "not interesting": a weak negation more than a diminisher.
            "peu": -0.5,
        ],
        phraseIntensifiers: ["un peu": 0.6],
        contrasts: ["mais", "cependant", "pourtant", "toutefois", "neanmoins"],
        concessions: ["malgre", "quoique"],
        conclusions: ["bref", "conclusion", "resume", "finalement"],
        negatedValences: [
            "terrible": -0.3, "terribles": -0.3, "fameux": -0.3, "fameuse": -0.3, "fameuses": -0.3,
            "genial": -0.3, "geniale": -0.3, "geniaux": -0.3, "geniales": -0.3, "mal": 0.3,
        ],
        // Function words, ordinals and nationalities that Pattern rates ("premier" 0.5, "sûr" folds to
        // "sur"): in reviews they say nothing of the writer's opinion.
        ignored: [
            "plus", "sur", "tout", "toute", "tous", "toutes", "autre", "autres", "apres",
            "premier", "premiere", "premiers", "premieres", "dernier", "derniere", "derniers", "dernieres", "seul",
            "seule", "certain", "certaine", "certains", "certaines", "non", "francais", "francaise", "arrive",
            "mesure", "donne", "final", "fin",
        ],
        contractionTails: []
    )
}
