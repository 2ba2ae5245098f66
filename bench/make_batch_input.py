#!/usr/bin/env python3
"""Write a batch screening input of N rows (default 1,000,000) for the whole-process benchmark:
mostly names no list carries — generated people and companies — and 2% names of listed parties
from the 2022 CSL, some perturbed. Deterministic (fixed seed).

    bench/make_batch_input.py /tmp/batch_1m.csv [rows] [../shared/data/lists/us_csl/consolidated_2022-05.csv.gz]
"""
import csv
import gzip
import random
import sys

FIRST = ["James", "Mary", "Wei", "Li", "Ahmed", "Fatima", "Olga", "Ivan", "Hans", "Anna", "Pierre", "Marie",
         "Carlos", "Ana", "Kenji", "Yuki", "Priya", "Rahul", "Emma", "Lars", "Sofia", "Mateo", "Chen", "Min-jun"]
LAST = ["Smith", "Johnson", "Garcia", "Martinez", "Wang", "Zhang", "Kumar", "Singh", "Müller", "Schmidt",
        "Dubois", "Rossi", "Ivanova", "Petrova", "Tanaka", "Suzuki", "Kim", "Park", "Nielsen", "Johansson",
        "Okafor", "Mensah", "Haddad", "Nasser"]
WORDS = ["Global", "Pacific", "Northern", "Blue", "Green", "Silver", "Sunrise", "Summit", "Coastal", "Prime",
         "Atlas", "Pioneer", "Harbor", "Valley", "Metro", "Union", "Royal", "Golden", "United", "Eastern"]
KINDS = ["Logistics", "Trading", "Electronics", "Components", "Foods", "Textiles", "Software", "Consulting",
         "Shipping", "Machinery", "Pharma", "Energy", "Holdings", "Semiconductors", "Instruments"]
FORMS = ["Ltd", "LLC", "Inc.", "GmbH", "S.A.", "Co., Ltd.", "Pte. Ltd.", "B.V.", "S.r.l.", "Corp."]


def listed_names(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [row["name"] for row in csv.DictReader(f) if row["name"].strip()]


def perturb(name, rng):
    if len(name) > 6 and rng.random() < 0.5:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1:]
    return name


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    listed = listed_names(sys.argv[3] if len(sys.argv) > 3 else "../shared/data/lists/us_csl/consolidated_2022-05.csv.gz")
    rng = random.Random(20261122)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "country"])
        for i in range(rows):
            r = rng.random()
            if r < 0.02:
                name = perturb(rng.choice(listed), rng)
            elif r < 0.5:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            else:
                name = f"{rng.choice(WORDS)} {rng.choice(KINDS)} {rng.choice(FORMS)}"
            w.writerow([f"c{i}", name, ""])


if __name__ == "__main__":
    main()
