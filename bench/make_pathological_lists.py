#!/usr/bin/env python3
"""Writes the pathological list files of docs/BENCHMARKS.md ("Pathological list files") into a
directory: a CSL row with 100,000 aliases, a CSL name with 20,000 "(a.k.a. NameN)" groups, an SDN
row whose remarks hold 100,000 weak a.k.a.s, a gzip bomb and a ZIP bomb.

    bench/make_pathological_lists.py DIR
    for f in DIR/aliases.csv DIR/akas.csv; do time build/clearance --data-dir D lists import --format csl-csv $f; done
    time build/clearance --data-dir D lists import DIR/sdn.csv
    /usr/bin/time -f "%e s %M KB" build/clearance --data-dir D lists import DIR/bomb.csv.gz
    /usr/bin/time -f "%e s %M KB" build/clearance --data-dir D lists import --format ofac-enhanced-xml DIR/bomb.zip
"""
import csv
import os
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def main(out):
    os.makedirs(out, exist_ok=True)
    rows = list(csv.reader(open(os.path.join(HERE, "..", "tests", "fixtures", "lists", "csl_small.csv"))))
    header, row = rows[0], list(rows[1])
    row[header.index("alt_names")] = "; ".join(f"Alias Number {i}" for i in range(100000))
    with open(os.path.join(out, "aliases.csv"), "w", newline="") as f:
        csv.writer(f).writerows([header, row])
    row = list(rows[1])
    row[header.index("alt_names")] = ""
    row[header.index("name")] = "Example Company " + " ".join(f"(a.k.a. Name{i})" for i in range(20000))
    with open(os.path.join(out, "akas.csv"), "w", newline="") as f:
        csv.writer(f).writerows([header, row])
    remarks = "; ".join(f"a.k.a. 'WEAK NAME {i}'" for i in range(100000))
    with open(os.path.join(out, "sdn.csv"), "w") as f:
        f.write(f'1,"EXAMPLE, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remarks}."\r\n')
    zeros = b"\0" * (1 << 24)
    gz = zlib.compressobj(9, zlib.DEFLATED, 16 + 15)
    with open(os.path.join(out, "bomb.csv.gz"), "wb") as f:
        f.write(gz.compress(b"id,name,list,dataset\n"))
        for _ in range(128):  # 2 GiB
            f.write(gz.compress(zeros))
        f.write(gz.flush())
    with zipfile.ZipFile(os.path.join(out, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("SDN_ENHANCED.XML", "w", force_zip64=True) as member:
            for _ in range(64):  # 1 GiB
                member.write(zeros)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
