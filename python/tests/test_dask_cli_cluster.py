"""The README's multi-machine steps on one machine: `dask scheduler` and two `dask worker`
processes started as an operator starts them, the client connecting by address."""
import os
import re
import subprocess
import sys
import time

import pytest

distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import clearance.dask  # noqa: E402
from clearance.pandas import screen_frame  # noqa: E402


def _start(args, pattern, log):
    proc = subprocess.Popen([sys.executable, "-m", *args], stdout=subprocess.DEVNULL,
                            stderr=open(log, "w"), env=os.environ.copy())
    deadline = time.time() + 120
    while time.time() < deadline:
        text = open(log).read()
        found = re.search(pattern, text)
        if found:
            return proc, found
        if proc.poll() is not None:
            raise RuntimeError(f"{args[0]} exited {proc.returncode}: {text}")
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{args[0]} did not start: {open(log).read()}")


def test_scheduler_and_workers_started_from_the_command_line(tmp_path, engine, snapshot_file, names):
    procs = []
    try:
        scheduler, found = _start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", "0", "--dashboard-address", ":0"],
                                  r"Scheduler at:\s+(tcp://[\d.]+:\d+)", tmp_path / "scheduler.log")
        procs.append(scheduler)
        address = found.group(1)
        for i in range(2):
            worker, _ = _start(["distributed.cli.dask_worker", address, "--nthreads", "1",
                                "--no-dashboard", "--host", "127.0.0.1"],
                               r"Registered to", tmp_path / f"worker{i}.log")
            procs.append(worker)
        frame = pd.DataFrame({"id": [f"r{i}" for i in range(len(names))], "name": names})
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            hits = clearance.dask.screen(dd.from_pandas(frame, npartitions=6), snapshot=snapshot_file,
                                         id="id", client=client).compute()
        expected = screen_frame(engine, frame, id="id")
        pd.testing.assert_frame_equal(hits.reset_index(drop=True), expected.reset_index(drop=True))
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
