"""The binding against the CLI on the same snapshot, its errors, and the pandas helper."""
import csv
import json
import os
import tempfile

import pytest

import clearance
from clearance.pandas import HIT_COLUMNS, screen_frame

from conftest import run_cli


def test_screen_finds_the_entity_list_party_from_chinese(engine):
    result = engine.screen("华为技术有限公司")
    assert result["snapshot"] == engine.snapshot_id
    top = result["hits"][0]
    assert top["name"] == "Huawei Technologies Co., Ltd."
    assert any(l["list"] == "EL" for l in top["listings"])
    assert top["explanation"]["tokens"][0]["query_written"] == "华为"


def test_screen_many_equals_the_cli_batch(engine, data_dir, names):
    """Every row's result as the CLI's `screen --input` writes it, field for field."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.csv")
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "name"])
            for i, n in enumerate(names):
                w.writerow([f"r{i}", n])
        out = os.path.join(tmp, "out.jsonl")
        run_cli(data_dir, "screen", "--input", path, "--output", out)
        cli = [json.loads(line) for line in open(out, encoding="utf-8")]
    ours = engine.screen_many([{"id": f"r{i}", "name": n} for i, n in enumerate(names)], threads=2)
    assert len(names) >= 2000
    assert len(ours) == len(cli) == len(names)
    # "line" is the file's line in the CLI's output (after the header), the row's position here.
    assert [r.pop("line") for r in ours] == list(range(1, len(names) + 1))
    assert [r.pop("line") for r in cli] == list(range(2, len(names) + 2))
    assert ours == cli


def test_screen_many_keeps_bad_rows_as_errors(engine):
    rows = ["Huawei Technologies", {"name": None}, {"name": 42}, 7, {"name": "x" * 2000},
            {"name": "Sberbank", "country": "Atlantis"}, {"name": "Sberbank", "country": "RU"}]
    out = engine.screen_many(rows)
    assert [("error" in r) for r in out] == [False, True, True, True, True, True, False]
    assert out[1]["field"] == "name" and "missing" in out[1]["error"]
    assert "expected text" in out[2]["error"]
    assert out[5]["field"] == "country"
    assert [r["id"] for r in out] == [str(i) for i in range(1, 8)]
    assert [r["line"] for r in out] == list(range(1, 8))


def test_errors_carry_the_cli_messages(engine, data_dir):
    with pytest.raises(clearance.ClearanceError, match="type"):
        engine.screen("Huawei", type="planet")
    with pytest.raises(clearance.ClearanceError, match="threshold"):
        engine.screen("Huawei", threshold=2)
    with pytest.raises(clearance.ClearanceError, match="nosuchlist"):
        engine.screen("Huawei", lists=["nosuchlist"])
    with pytest.raises(clearance.ClearanceError):
        clearance.Engine(data_dir=os.path.join(data_dir, "nothing-here"))
    with pytest.raises(clearance.ClearanceError, match="date"):
        clearance.classify(chip="H100 SXM", date="yesterday")


def test_compare_classify_and_check_match_the_cli(engine, data_dir):
    pair = engine.compare("Hua Wei Technologies", "Huawei Technologies Co., Ltd.", type="organization")
    cli = json.loads(run_cli(data_dir, "compare", "Hua Wei Technologies",
                             "Huawei Technologies Co., Ltd.", "--type", "organization", "--json").stdout)
    assert pair == cli
    c = engine.classify(chip="H100 SXM", date="2026-03-01")
    assert c["eccn"] == "3A090.a"
    cli_c = json.loads(run_cli(data_dir, "classify", "--chip", "H100 SXM", "--date", "2026-03-01",
                               "--format", "json").stdout)
    assert c == cli_c
    d = engine.check({"chip": "H100", "destination": "CN", "party_hq": "CN", "date": "2026-03-01",
                      "parties": ["Huawei Technologies"]})
    cli_d = json.loads(run_cli(data_dir, "check", "--chip", "H100", "--destination", "CN",
                               "--party-hq", "CN", "--date", "2026-03-01", "--party",
                               "Huawei Technologies", "--format", "json").stdout)
    assert d["license_required"] == "yes"
    assert d == cli_d


def test_an_engine_from_a_snapshot_file(snapshot_file, engine):
    other = clearance.Engine(snapshot=snapshot_file)
    assert other.snapshot_id == engine.snapshot_id
    assert other.screen("Huawei Technologies") == engine.screen("Huawei Technologies")


def test_screen_frame(engine):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"customer": ["c1", "c2", "c3"],
                       "who": ["Huawei Technologies Co., Ltd.", "Harbour Bakery of Lyon", None]},
                      index=[10, 20, 30])
    hits = screen_frame(engine, df, name="who", id="customer")
    assert list(hits.columns) == HIT_COLUMNS
    assert set(hits["row"]) == {10, 20, 30}
    huawei = hits[hits["row"] == 10]
    assert huawei.iloc[0]["party_name"] == "Huawei Technologies Co., Ltd."
    assert "EL" in huawei.iloc[0]["lists"].split(",")
    assert hits[hits["row"] == 20]["party_id"].isna().all()
    assert "missing" in hits[hits["row"] == 30].iloc[0]["error"]
    assert (hits["snapshot"] == engine.snapshot_id).all()


def test_screen_columns_equals_the_frame_of_screen_many(engine, names):
    """The engine's hit columns are what hits_frame makes of screen_many's results, for good rows
    and bad ones alike (a missing name, NaN, a number, an unknown type, an id that is no text)."""
    pd = pytest.importorskip("pandas")
    from clearance.pandas import hits_frame, rows_of, screen_columns
    who = list(names) + [None, float("nan"), 42, "Huawei Technologies", "Vladimir Putin", ""]
    df = pd.DataFrame({
        "customer": [f"c{i}" for i in range(len(who) - 2)] + [None, 7],
        "who": who,
        "where": ["CN" if i % 3 == 0 else None for i in range(len(who) - 1)] + [5],
        "kind": ["organization" if i % 4 == 0 else None for i in range(len(who) - 3)]
        + ["spaceship", "person", None],
    }, index=range(100, 100 + len(who)))
    columns = dict(name="who", country="where", type="kind", id="customer")
    expected = hits_frame(engine.screen_many(rows_of(df, **columns), threshold=0.8, limit=5),
                          df.index, engine.snapshot_id)
    got = screen_columns(engine, df, threshold=0.8, limit=5, **columns)
    pd.testing.assert_frame_equal(got, expected)
    assert got["error"].notna().sum() >= 4
    assert got["party_id"].notna().sum() > 10
