"""Screening a pandas DataFrame: one row out per hit, rows without hits and rejected rows kept.

    from clearance.pandas import screen_frame
    hits = screen_frame(engine, df, name="name", country="country")
"""
import pandas as pd

HIT_COLUMNS = ["row", "id", "name", "party_id", "party_name", "score", "lists", "matched_name",
               "matched_record", "snapshot", "error"]


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
    empty party_id, a rejected row one with its error."""
    records = []
    for position, result in zip(index, results):
        rid = result.get("id")
        if "error" in result:
            records.append({"row": position, "id": rid, "error": result["error"], "snapshot": snapshot})
            continue
        hits = result.get("hits", [])
        if not hits:
            records.append({"row": position, "id": rid, "name": result["query"]["name"],
                            "snapshot": snapshot})
        for hit in hits:
            lists = []
            for listing in hit.get("listings", []):
                if listing["list"] not in lists:
                    lists.append(listing["list"])
            records.append({"row": position, "id": rid, "name": result["query"]["name"],
                            "party_id": hit.get("party_id"), "party_name": hit.get("name"),
                            "score": hit.get("score"), "lists": ",".join(lists),
                            "matched_name": hit.get("matched_name"),
                            "matched_record": hit.get("matched_record"), "snapshot": snapshot})
    frame = pd.DataFrame.from_records(records, columns=HIT_COLUMNS)
    frame["score"] = frame["score"].astype("float64")
    return frame


def screen_frame(engine, df, name="name", country=None, type=None, dob=None, id=None,
                 threshold=0.8, limit=10, lists=(), threads=0):
    """Screens every row of `df`; returns a frame of hits (HIT_COLUMNS), `row` being the input
    row's index label."""
    rows = rows_of(df, name=name, country=country, type=type, dob=dob, id=id)
    results = engine.screen_many(rows, threads=threads, threshold=threshold, limit=limit,
                                 lists=list(lists))
    return hits_frame(results, df.index, engine.snapshot_id)
