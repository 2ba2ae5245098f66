"""Screening a Dask DataFrame on the cluster the user already runs.

    import dask.dataframe as dd
    from distributed import Client
    import clearance.dask
    client = Client("tcp://scheduler:8786")          # or distributed.LocalCluster()
    hits = clearance.dask.screen(dd.read_csv("customers-*.csv"), snapshot="/shared/snap/abc.snap")
    hits.to_parquet("hits/")

Every worker process loads the snapshot once (a worker plugin; again lazily if a worker joins
later or was restarted) from a path every worker can read: a .snap file, or a snapshot id with
`data_dir`. Partitions map to hit frames in input order (clearance.pandas.HIT_COLUMNS), the
snapshot id on every row. A task lost with its worker is recomputed by Dask elsewhere.
"""
import os

import pandas as pd
from distributed import WorkerPlugin, default_client, get_worker

from . import ClearanceError, Engine
from .pandas import HIT_COLUMNS, screen_columns, without_cyclic_gc

_ATTRIBUTE = "_clearance_engines"  # on the worker: {(data_dir, snapshot): Engine}


def _load(worker, data_dir, snapshot):
    engines = getattr(worker, _ATTRIBUTE, None)
    if engines is None:
        engines = {}
        setattr(worker, _ATTRIBUTE, engines)
    key = (data_dir, snapshot)
    if key not in engines:
        try:
            engines[key] = Engine(data_dir=data_dir, snapshot=snapshot)
        except ClearanceError as e:
            where = snapshot if data_dir is None else os.path.join(data_dir, snapshot)
            raise ClearanceError(
                f"worker {worker.address} (host {os.uname().nodename}, pid {os.getpid()}) "
                f"cannot load snapshot {where}: {e}") from None
    return engines[key]


class EnginePlugin(WorkerPlugin):
    """Loads the engine when a worker starts (or when registered), so the first partition does
    not pay for it. A failure is left for the first task to report, naming the worker."""

    def __init__(self, snapshot, data_dir=None):
        self.snapshot = snapshot
        self.data_dir = data_dir
        self.name = f"clearance-engine-{data_dir}-{snapshot}"

    def setup(self, worker):
        try:
            _load(worker, self.data_dir, self.snapshot)
        except ClearanceError:
            pass  # reported by the partitions that need it


def _screen_partition(part, data_dir, snapshot, columns, threshold, limit, lists):
    engine = _load(get_worker(), data_dir, snapshot)
    with without_cyclic_gc():
        return screen_columns(engine, part, threads=1, threshold=threshold, limit=limit,
                              lists=lists, **columns)


def screen(ddf, snapshot, data_dir=None, name="name", country=None, type=None, dob=None, id=None,
           threshold=0.8, limit=10, lists=(), client=None):
    """A Dask DataFrame of hits (clearance.pandas.HIT_COLUMNS) for every row of `ddf`."""
    client = client or default_client()
    client.register_worker_plugin(EnginePlugin(snapshot, data_dir))
    columns = {"name": name, "country": country, "type": type, "dob": dob, "id": id}
    meta = pd.DataFrame({c: pd.Series(dtype="float64" if c == "score" else "object")
                         for c in HIT_COLUMNS})
    return ddf.map_partitions(_screen_partition, data_dir, snapshot, columns, threshold, limit,
                              tuple(lists), meta=meta)
