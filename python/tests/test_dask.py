"""clearance.dask on a LocalCluster of two worker processes: the same rows as the binding (hence
as the CLI), in input order, and complete when a worker is killed mid-run."""
import os
import signal
import time

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import clearance  # noqa: E402
import clearance.dask  # noqa: E402
from clearance.pandas import screen_frame  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def frame(names):
    return pd.DataFrame({"id": [f"r{i}" for i in range(len(names))], "name": names})


def test_dask_equals_the_binding(client, frame, engine, snapshot_file):
    ddf = dd.from_pandas(frame, npartitions=8)
    hits = clearance.dask.screen(ddf, snapshot=snapshot_file, id="id", client=client).compute()
    expected = screen_frame(engine, frame, id="id")
    pd.testing.assert_frame_equal(hits.reset_index(drop=True), expected.reset_index(drop=True))
    assert (hits["snapshot"] == engine.snapshot_id).all()


def test_a_missing_snapshot_names_the_worker_and_the_path(client, frame):
    ddf = dd.from_pandas(frame.head(10), npartitions=1)
    missing = "/nonexistent/snapshots/abc.snap"
    with pytest.raises(clearance.ClearanceError) as error:
        clearance.dask.screen(ddf, snapshot=missing, client=client).compute()
    assert "worker tcp://" in str(error.value)
    assert missing in str(error.value)


def test_a_worker_killed_mid_run_is_retried_and_the_result_is_complete(client, frame, engine,
                                                                       snapshot_file):
    big = pd.concat([frame] * 4, ignore_index=True)
    big["id"] = [f"k{i}" for i in range(len(big))]
    ddf = dd.from_pandas(big, npartitions=40)
    future = client.compute(clearance.dask.screen(ddf, snapshot=snapshot_file, id="id", client=client))
    pids = client.run(os.getpid)  # worker address → pid
    busy = None
    deadline = time.time() + 120
    while busy is None and time.time() < deadline:  # a worker in the middle of a partition
        busy = next((w for w, tasks in client.processing().items() if tasks), None)
        time.sleep(0.02)
    assert busy is not None, "no worker ever started a partition"
    os.kill(pids[busy], signal.SIGKILL)
    hits = future.result(timeout=600)
    expected = screen_frame(engine, big, id="id")
    pd.testing.assert_frame_equal(hits.reset_index(drop=True), expected.reset_index(drop=True))
