#!/usr/bin/env python3
"""Checks that the notoriety sums kept by Agora equal a recomputation from the reviews themselves.

Usage: scripts/lib/notoriety_check.py DATABASE.sqlite [SUBJECT_PREFIX]

For every product and partner subject (or those starting with SUBJECT_PREFIX), recounts its
published reviews, their rating sum and histogram, its critical reviews and its recency-weighted
sums (weight 2^((t - 2025-01-01) / 180 days), as `Notoriety` says), and compares them with the row
of `notoriety`. Prints `subjects=N mismatches=M worst=X` and exits 1 on any mismatch.
"""
import sqlite3
import sys

EPOCH_MS = 1_735_689_600_000
HALF_LIFE_MS = 180 * 86_400_000


def main(path, prefix=""):
    # One read transaction for both tables: a review committed between two separate reads would
    # look like a mismatch (WAL gives the transaction one snapshot).
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    kept = {row[0]: row[1:] for row in db.execute(
        "SELECT subject, reviews, rating_sum, stars1, stars2, stars3, stars4, stars5, critical, weighted_rating_sum,"
        " weight_sum FROM notoriety WHERE (subject LIKE 'product:%' OR subject LIKE 'partner:%') AND subject LIKE ?",
        (prefix + "%",))}
    counted = {}
    for subject, rating, created in db.execute(
            "SELECT subject, rating, created_at FROM reviews WHERE status = 'published' AND subject LIKE ?",
            (prefix + "%",)):
        entry = counted.setdefault(subject, [0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0.0])
        weight = 2 ** ((created - EPOCH_MS) / HALF_LIFE_MS)
        entry[0] += 1
        entry[1] += rating
        entry[1 + rating] += 1
        entry[7] += 1 if rating <= 2 else 0
        entry[8] += weight * rating
        entry[9] += weight
    mismatches, worst = 0, 0.0
    for subject in set(kept) | set(counted):
        stored = kept.get(subject, (0,) * 8 + (0.0, 0.0))
        fresh = counted.get(subject, [0] * 8 + [0.0, 0.0])
        if tuple(stored[:8]) != tuple(fresh[:8]):
            mismatches += 1
            continue
        for a, b in zip(stored[8:], fresh[8:]):
            error = abs(a - b) / max(1.0, abs(b))
            worst = max(worst, error)
            if error > 1e-9:
                mismatches += 1
                break
    print(f"subjects={len(set(kept) | set(counted))} mismatches={mismatches} worst={worst:.2e}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(*sys.argv[1:])
