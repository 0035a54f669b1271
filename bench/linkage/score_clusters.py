#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of `acogida link dedupe` output against the truth column
of its input (entity_id for linkage_generate files).

usage: score_clusters.py INPUT.csv CLUSTERS.csv [TRUTH_COLUMN]
"""
import csv
import sys
from collections import Counter


def pairs(sizes):
    return sum(n * (n - 1) // 2 for n in sizes)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    truth_column = sys.argv[3] if len(sys.argv) == 4 else "entity_id"
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        truth = {row["record_id"]: row[truth_column] for row in reader}
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        clusters = {row["record_id"]: row["cluster_id"] for row in csv.DictReader(f)}
    if set(truth) != set(clusters):
        sys.exit("the clusters file does not cover exactly the input records")
    both = Counter((clusters[r], truth[r]) for r in truth)
    tp = pairs(both.values())
    predicted = pairs(Counter(clusters.values()).values())
    actual = pairs(Counter(truth.values()).values())
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} (tp {tp}, fp {predicted - tp}, fn {actual - tp})")


if __name__ == "__main__":
    main()
