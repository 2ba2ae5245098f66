"""Clearance: export-control and sanctions screening, from Python.

    import clearance
    engine = clearance.Engine()                      # the data directory's current snapshot
    engine.screen("华为技术有限公司")["hits"][0]["name"]  # 'Huawei Technologies Co., Ltd.'
    engine.screen_many(["Huawei", {"id": "c2", "name": "Sberbank", "country": "RU"}])
    engine.classify(chip="H100 SXM", date="2026-03-01")["eccn"]
    engine.check({"chip": "H100", "destination": "CN", "party_hq": "CN"})["license_required"]

Every result has the fields of the JSON contract shared with `clearance screen --format json`
and the HTTP API (docs/API.md). Errors raise ClearanceError with the CLI's messages.
"""
from ._clearance import ClearanceError, classify
from ._clearance import Engine as _NativeEngine

__all__ = ["ClearanceError", "Engine", "classify"]


class Engine(_NativeEngine):
    """A snapshot loaded once and its name index mapped (or built).

    Engine(data_dir=None, snapshot="current", threads=0): `data_dir` defaults as the CLI's
    (--data-dir, $CLEARANCE_DATA_DIR, ~/.local/share/clearance); `snapshot` is "current", a
    snapshot id or a path to a .snap file; `threads` for loading (0: every core).
    """

    def classify(self, chip=None, spec=None, date="", form="ic", described_in=""):
        """The chip's ECCN and the steps that decided it (no lists needed)."""
        return classify(chip=chip, spec=spec, date=date, form=form, described_in=described_in)
