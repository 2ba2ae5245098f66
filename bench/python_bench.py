#!/usr/bin/env python3
"""The Python binding's screen_many against `clearance screen --input` on the same rows, side by
side (issue target: within 10 % of the CLI's throughput), optionally Dask on a LocalCluster.

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py ROWS.csv [--rounds 2]
       [--dask-workers 2 --partitions 40]
       … ROWS.csv --rounds 0 --dask-workers 2 --dask-from-file   (10M rows: the workers read the
       file and write the hits; one CLI run on the same file is the baseline)
Rows: a CSV with id,name,country (bench/make_batch_input.py). The CLI is build/clearance on the
same data directory ($CLEARANCE_DATA_DIR or the default), its output written to /dev/null-like
temporary file; the binding's time is the screen_many call (rows already in memory), and the
conversion of its results to Python objects is included.
"""
import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time

import clearance



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--cli", default=os.path.join(os.path.dirname(__file__), "../build/clearance"))
    parser.add_argument("--dask-workers", type=int, default=0)
    parser.add_argument("--partitions", type=int, default=40)
    parser.add_argument("--dask-from-file", action="store_true",
                        help="Dask workers read ROWS themselves (dd.read_csv) and write the hits as "
                             "CSV parts, against one CLI run on the same file; with --rounds 0 the "
                             "rows are never loaded into this process (runs of 10M rows)")
    parser.add_argument("--blocksize", default="16MB", help="dd.read_csv's block size")
    args = parser.parse_args()

    if args.rounds or not args.dask_from_file:
        with open(args.rows, newline="", encoding="utf-8") as f:
            rows = [{k: v for k, v in r.items() if v} for r in csv.DictReader(f)]
        count = len(rows)
    else:
        with open(args.rows, "rb") as f:
            count = sum(1 for _ in f) - 1
    print(f"{count} rows")

    engine = clearance.Engine()
    cli_times, py_times = [], []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            subprocess.run([args.cli, "screen", "--input", args.rows, "--output",
                            os.path.join(tmp, "out.jsonl")], check=False, capture_output=True)
            cli_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        out = engine.screen_many(rows)
        py_times.append(time.perf_counter() - start)
        del out
    rate = lambda t: count / t
    if args.rounds:  # --rounds 0: Dask alone
        print("cli:         " + ", ".join(f"{t:.2f} s ({rate(t):,.0f} rows/s)" for t in cli_times))
        print("screen_many: " + ", ".join(f"{t:.2f} s ({rate(t):,.0f} rows/s)" for t in py_times))
        print(f"ratio (screen_many rate / cli rate, best of each): {min(cli_times) / min(py_times):.3f}")
        print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if args.dask_from_file and not args.rounds:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            subprocess.run([args.cli, "screen", "--input", args.rows, "--output",
                            os.path.join(tmp, "out.jsonl")], check=False, capture_output=True)
            cli_alone = time.perf_counter() - start
        print(f"cli:         {cli_alone:.2f} s ({rate(cli_alone):,.0f} rows/s)")

    if args.dask_workers:
        import dask.dataframe as dd
        import distributed
        import pandas as pd
        from clearance import dask as clearance_dask
        current = open(os.path.join(clearance_dir := os.environ.get(
            "CLEARANCE_DATA_DIR", os.path.expanduser("~/.local/share/clearance")), "CURRENT")).read().strip()
        snap = os.path.join(clearance_dir, "snapshots", current + ".snap")
        with distributed.LocalCluster(n_workers=args.dask_workers, threads_per_worker=1,
                                      processes=True, dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            if args.dask_from_file:
                ddf = dd.read_csv(args.rows, dtype=str, keep_default_na=False,
                                  blocksize=args.blocksize)
            else:
                ddf = dd.from_pandas(pd.DataFrame(rows), npartitions=args.partitions)
            clearance_dask.screen(ddf.head(10, compute=False), snapshot=snap, id="id", client=client).compute()
            with tempfile.TemporaryDirectory() as tmp:
                start = time.perf_counter()
                hits = clearance_dask.screen(ddf, snapshot=snap, id="id", client=client)
                if args.dask_from_file:
                    hits.to_csv(os.path.join(tmp, "hits-*.csv"), index=False)
                    hit_rows = sum(sum(1 for _ in open(os.path.join(tmp, p), "rb")) - 1
                                   for p in os.listdir(tmp))
                else:
                    hit_rows = len(hits.compute())
                t = time.perf_counter() - start
            def rss_mb():
                import psutil  # Debian's python3-psutil comes with distributed
                return psutil.Process().memory_info().rss / 2**20
            mem = client.run(rss_mb)
            print(f"dask ({args.dask_workers} workers, {ddf.npartitions} partitions): {t:.2f} s "
                  f"({rate(t):,.0f} rows/s), {hit_rows} hit rows; worker RSS after the run "
                  + ", ".join(f"{m:.0f} MB" for m in mem.values()))
            if args.dask_from_file and not args.rounds:
                print(f"ratio (dask rate / cli rate): {cli_alone / t:.3f}")


# Dask starts its worker processes by re-importing this script: only the parent runs the bench.
if __name__ == "__main__":
    main()
