"""Screening a pandas DataFrame: one row out per hit, rows without hits and rejected rows kept.

    from clearance.pandas import screen_frame
    hits = screen_frame(engine, df, name="name", country="country")
"""
import contextlib
import gc

import pandas as pd

HIT_COLUMNS = ["row", "id", "name", "party_id", "party_name", "score", "lists", "matched_name",
               "matched_record", "snapshot", "error"]


@contextlib.contextmanager
def without_cyclic_gc():
    """Pauses Python's cyclic garbage collector. A partition's rows, results and hit columns are
    millions of small objects without cycles: the collector's full passes over them took about a
    third of a Dask worker's time (distributed's warnings, 10M rows) and free nothing that
    reference counting does not. Process-wide, so other threads' garbage waits too, briefly."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def rows_of(df, name="name", country=None, type=None, dob=None, id=None):
    """The frame's rows as the engine reads them (dicts of text; None for a missing cell)."""
    columns = {"name": name, "country": country, "type": type, "dob": dob, "id": id}
    for key, column in columns.items():
        if column is not None and column not in df.columns:
            raise KeyError(f"{key}: the frame has no column {column!r}")
    out = []
    for values in zip(*(df[c] if c is not None else [None] * len(df) for c in columns.values())):
        out.append({k: v for k, v in zip(columns, values) if v is not None})
    return out


def hits_frame(results, index, snapshot):
    """One row per hit (in input order, best hit first); a row with no hit gives one row with an
    empty party_id, a rejected row one with its error. Built column by column (a frame of a
    million hits is most of a Dask partition's Python time)."""
    row, rid, name, party_id, party_name, score = [], [], [], [], [], []
    lists_col, matched_name, matched_record, error = [], [], [], []

    def put(position, result_id, query_name, hit=None, lists="", message=None):
        row.append(position)
        rid.append(result_id)
        name.append(query_name)
        party_id.append(hit["party_id"] if hit else None)
        party_name.append(hit["name"] if hit else None)
        score.append(hit["score"] if hit else float("nan"))
        lists_col.append(lists if hit else None)
        matched_name.append(hit["matched_name"] if hit else None)
        matched_record.append(hit["matched_record"] if hit else None)
        error.append(message)

    for position, result in zip(index, results):
        if "error" in result:
            put(position, result.get("id"), None, message=result["error"])
            continue
        query_name = result["query"]["name"]
        hits = result["hits"]
        if not hits:
            put(position, result["id"], query_name)
        for hit in hits:
            codes = dict.fromkeys(listing["list"] for listing in hit["listings"])
            put(position, result["id"], query_name, hit, ",".join(codes))
    return pd.DataFrame({"row": row, "id": rid, "name": name, "party_id": party_id,
                         "party_name": party_name, "score": pd.Series(score, dtype="float64"),
                         "lists": lists_col, "matched_name": matched_name,
                         "matched_record": matched_record, "snapshot": [snapshot] * len(row),
                         "error": error}, columns=HIT_COLUMNS)


def _column(df, key, column):
    if column is None:
        return None
    if column not in df.columns:
        raise KeyError(f"{key}: the frame has no column {column!r}")
    return df[column].tolist()


def screen_columns(engine, df, name="name", country=None, type=None, dob=None, id=None,
                   threshold=0.8, limit=10, lists=(), threads=0):
    """What hits_frame makes of screen_many's results for the frame's rows, the engine building
    the hit columns itself (no Python object per result)."""
    columns = engine.screen_columns(
        _column(df, "name", name), country=_column(df, "country", country),
        type=_column(df, "type", type), dob=_column(df, "dob", dob), id=_column(df, "id", id),
        threads=threads, threshold=threshold, limit=limit, lists=list(lists))
    positions = columns.pop("position")
    columns["row"] = df.index.take(positions) if len(positions) else []
    columns["score"] = pd.Series(columns["score"], dtype="float64")
    columns["snapshot"] = [engine.snapshot_id] * len(positions)
    return pd.DataFrame(columns, columns=HIT_COLUMNS)


def screen_frame(engine, df, name="name", country=None, type=None, dob=None, id=None,
                 threshold=0.8, limit=10, lists=(), threads=0):
    """Screens every row of `df`; returns a frame of hits (HIT_COLUMNS), `row` being the input
    row's index label."""
    with without_cyclic_gc():
        return screen_columns(engine, df, name=name, country=country, type=type, dob=dob, id=id,
                              threshold=threshold, limit=limit, lists=lists, threads=threads)
