#!/usr/bin/env python3
"""Write two files of made-up Chinese firm names no list carries, to count the hits a reading of
Chinese names adds against the lists (docs/QUALITY.md, "Japanese firms as Chinese text writes
them"): firms.csv — a place of data/names/chinese_places.csv, two characters common to Chinese and
Japanese names, a trade word and 有限公司; firms_bare.csv — two such characters and a trade word
with 公司, 株式会社 or nothing. 1,000 rows each, fixed seed. Screen them with
`clearance screen --input DIR/firms.csv` and count the rows with a hit.

    bench/make_madeup_chinese_firms.py OUTPUT_DIR
"""
import csv
import os
import random
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CHARACTERS = list("日新光大和三田中东京山本松井丸金富士明治正信永昌华兴盛达泰通科技恒瑞鑫源安宏伟德利丰川岛村野森林石原高长佳美")
TRADES = ["科技", "电子", "机械", "化工", "汽车", "精密", "电气", "工业", "贸易", "制造", "材料", "光电", "通信", "能源"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    random.seed(7)
    with open(os.path.join(ROOT, "data", "names", "chinese_places.csv"), encoding="utf-8") as f:
        places = [row["place"] for row in csv.DictReader(f) if row["place"]]
    with open(os.path.join(out, "firms.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name"])
        for i in range(1000):
            brand = "".join(random.sample(CHARACTERS, 2))
            w.writerow([f"f{i}", random.choice(places) + brand + random.choice(TRADES) + "有限公司"])
    with open(os.path.join(out, "firms_bare.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name"])
        for i in range(1000):
            brand = "".join(random.sample(CHARACTERS, 2))
            w.writerow([f"b{i}", brand + random.choice(TRADES) + random.choice(["公司", "株式会社", ""])])


if __name__ == "__main__":
    main()
