#!/usr/bin/env python3
"""Convert the OpenSanctions extract of China's sanctions and export-control lists
(../shared/data/lists/china/cn_sanctions_opensanctions.csv) into Clearance's custom list CSV
(docs/LIST_FORMATS.md), so it can be imported with `clearance lists import`.

The output is written outside the repository (the source data is CC BY-NC 4.0):

    tools/convert_china_list.py ../shared/data/lists/china/cn_sanctions_opensanctions.csv /tmp/cn_lists.csv
"""
import csv
import re
import sys

# The source's "List" column → a short list code. MOFCOM's Unreliable Entity List and its
# export-control lists are the ones export compliance reads; MFA countermeasures are kept too.
LIST_CODES = {
    "UEL": "UEL",
    "List of Export Controls": "CN-ECL",
    "Export Control Watch List": "CN-ECWL",
    "AFSL": "CN-AFSL",
    "List of Targets of Countermeasures": "CN-CM",
    "Decision on Countermeasures against U.S. military-industry enterprises and senior managers": "CN-CM",
    "Decision on Countermeasures against U.S. Military-industry Enterprises": "CN-CM",
    'Diehard "Taiwan Independence" Separatists': "CN-TW",
    'Henchmen and Accomplices of "Taiwan Independence"': "CN-TW",
}
TYPES = {"Company": "organization", "Organization": "organization", "Person": "person"}
COLUMNS = ["id", "dataset", "list", "sub_list", "type", "name", "aliases", "original_script_names",
           "countries", "addresses", "listed_on", "end_date", "remarks", "source_url"]


def iso_date(text: str) -> str:
    """dd.mm.yyyy or dd.mm.yy → yyyy-mm-dd (the source writes two-digit years for 2020s dates)."""
    text = text.strip()
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{2}|\d{4})", text)
    if not m:
        return text
    day, month, year = m.groups()
    if len(year) == 2:
        year = "20" + year
    return f"{year}-{month}-{day}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def list_code(row: dict) -> str:
    if row["List"] in LIST_CODES:
        return LIST_CODES[row["List"]]
    if row["Body"] == "Ministry of Foreign Affairs":
        return "CN-CM"
    return "CN-OTHER"


def convert(source: str, target: str) -> int:
    seen = {}
    written = 0
    with open(source, encoding="utf-8", newline="") as src, open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for line, row in enumerate(csv.DictReader(src), start=2):
            name = row["Name"].strip() or row["Chinese name"].strip()
            if not name:
                print(f"{source}:{line}: no name, skipped", file=sys.stderr)
                continue
            code = list_code(row)
            listed_on = iso_date(row["Date"])
            base = f"{code}-{listed_on}-{slug(name) or slug(row['QID']) or line}"
            seen[base] = seen.get(base, 0) + 1
            writer.writerow({
                "id": base if seen[base] == 1 else f"{base}-{seen[base]}",
                "dataset": "cn_lists",
                "list": code,
                "sub_list": row["List"] or row["Body"],
                "type": TYPES.get(row["Type"], ""),
                "name": name,
                "aliases": "|".join(a.strip() for a in row["Alias"].split(";") if a.strip()),
                "original_script_names": row["Chinese name"].strip() if row["Name"].strip() else "",
                "countries": "|".join(c.strip() for c in row["Country"].split(";") if c.strip()),
                "addresses": row["Address"].strip(),
                "listed_on": listed_on,
                "end_date": iso_date(row["End date"]),
                "remarks": row["Summary"].strip(),
                "source_url": row["Source URL"].strip(),
            })
            written += 1
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count = convert(sys.argv[1], sys.argv[2])
    print(f"wrote {count} entities to {sys.argv[2]}", file=sys.stderr)
