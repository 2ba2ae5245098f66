#!/usr/bin/env python3
"""Draws the link-precision sample: parties of several records, stratified by the evidence that
linked them, from `clearance lists parties` output (JSON Lines on stdin). Writes CSV with one row
per party and an empty verdict column for the reviewer (same / different).

    build/clearance lists parties | bench/sample_party_links.py --per-reason 80 > sample.csv

The draw is seeded, so the same snapshot gives the same sample."""
import argparse
import csv
import json
import random
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--per-reason", type=int, default=80)
parser.add_argument("--seed", type=int, default=15)
args = parser.parse_args()

by_reason = {}
for line in sys.stdin:
    party = json.loads(line)
    # A party counts under the weakest evidence among its links: that is the one to check.
    order = ["user_links_file", "ofac_entity_number", "un_reference_number",
             "entity_list_entry_rows", "name_type_country_regime"]
    weakest = max((l["reason"] for l in party["links"]), key=order.index)
    by_reason.setdefault(weakest, []).append(party)

out = csv.writer(sys.stdout)
out.writerow(["party_id", "reason", "records", "link_details", "verdict", "note"])
rng = random.Random(args.seed)
for reason in sorted(by_reason):
    parties = sorted(by_reason[reason], key=lambda p: p["party_id"])
    for party in rng.sample(parties, min(args.per_reason, len(parties))):
        records = " ;; ".join(
            f'{l["list"]}|{l["record_id"]}|{l["name"]}|{",".join(l.get("countries", []))}|'
            f'{",".join(l.get("programs", []))}'
            for l in party["listings"])
        details = " ;; ".join(f'{l["reason"]}: {l["detail"]}' for l in party["links"])
        out.writerow([party["party_id"], reason, records, details, "", ""])
