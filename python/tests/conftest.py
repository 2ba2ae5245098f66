"""One data directory per test session: the real CSL of 2026-07-31 imported by the real CLI."""
import json
import os
import shutil
import subprocess
import tempfile

import pytest

BIN = os.environ.get("CLEARANCE_BIN", os.path.join(os.path.dirname(__file__), "../../build/clearance"))
SHARED = os.environ.get("CLEARANCE_SHARED_DATA",
                        os.path.join(os.path.dirname(__file__), "../../../shared/data"))
CSL = os.path.join(SHARED, "lists/us_csl/compact_2026-07-31/screening-list.json")


def run_cli(data_dir, *args, ok=(0, 1, 3)):
    env = dict(os.environ, CLEARANCE_DATA_DIR=data_dir)
    env.pop("LD_PRELOAD", None)  # the CLI carries its own sanitizer runtime
    done = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode in ok, f"clearance {' '.join(args)} exited {done.returncode}: {done.stderr}"
    return done


@pytest.fixture(scope="session")
def data_dir():
    path = tempfile.mkdtemp(prefix="clearance-py-")
    run_cli(path, "lists", "import", CSL, ok=(0, 3))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def snapshot_file(data_dir):
    current = open(os.path.join(data_dir, "CURRENT")).read().strip()
    return os.path.join(data_dir, "snapshots", current + ".snap")


@pytest.fixture(scope="session")
def engine(data_dir):
    import clearance
    return clearance.Engine(data_dir=data_dir)


@pytest.fixture(scope="session")
def names():
    """A few thousand names: every listed party's primary name, plus variants and non-listed
    names, deterministic."""
    with open(CSL, encoding="utf-8") as f:
        records = json.load(f)
    records = records["entries"]  # the compact CSL: {"n": name, "a": aliases, …}
    out = []
    for i, r in enumerate(records[:1500]):
        n = r.get("n") or ""
        if not n:
            continue
        out.append(n)
        if i % 3 == 0:
            out.append(n.upper())
        if i % 5 == 0:
            out.append(" ".join(reversed(n.split())))
    out += [f"Harbour Trading Company {i}" for i in range(300)]
    return out
