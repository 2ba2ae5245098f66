#!/usr/bin/env python3
"""Writes the hand-made seed inputs of the fuzz harnesses into fuzz/corpus/<harness>/.

Harnesses whose format has a fixture under tests/fixtures start from it as well (fuzz/CMakeLists.txt
names them); these seeds cover what no fixture does: the HTTP routes' bodies, names in many
scripts, single chip specifications, archives, the compacted CSL extract and the UK spreadsheet.
Run it again after changing a seed here; the files it writes are committed.
"""
import gzip
import io
import json
import os
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(harness, name, data):
    folder = os.path.join(ROOT, harness)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                       compress_type=compression)
    return out.getvalue()


def gzip_bytes(data):
    return gzip.compress(data.encode("utf-8"), mtime=0)


# The HTTP API: the first byte picks the route (see http_api_fuzz.cpp's kRoutes order).
ROUTES = ["screen", "batch", "compare", "classify", "check", "match", "match_empty", "entity",
          "lists", "match_get", "screen_query", "readyz", "metrics", "reload", "delete"]
http = {
    "screen": [{"name": "Example Microelectronics", "country": "CN", "threshold": 0.7, "limit": 5},
               {"name": "DOE, John", "type": "person", "dob": "1970-01-02", "lists": ["SDN"]},
               {"name": "华为技术有限公司", "max_list_age": 30}],
    "batch": [{"threshold": 0.8, "limit": 3,
               "queries": [{"id": "a", "name": "Example Micro"}, {"name": "Lockheed Martin"}]}],
    "compare": [{"a": "Huawei Technologies Co., Ltd.", "b": "华为技术有限公司", "type": "organization"}],
    "classify": [{"chip": "H100 SXM", "date": "2024-06-01"},
                 {"spec": {"name": "X", "tpp": 4800, "die_area_mm2": 800}, "form": "computer"}],
    "check": [{"chip": "H100 SXM", "destination": "CN", "party_hq": "CN", "date": "2024-06-01",
               "parties": ["Example Microelectronics Co."]},
              {"eccn": "EAR99", "destination": "RU", "date": "2026-02-01", "end_use": ["military"]}],
    "match": [{"queries": {"q1": {"schema": "Company", "properties": {
        "name": ["Example Microelectronics"], "country": ["cn"]}}}},
              {"queries": {"q2": {"schema": "Person", "properties": {
                  "firstName": ["John"], "lastName": ["Doe"], "birthDate": ["1970"]}}}}],
}
for route, bodies in http.items():
    for i, body in enumerate(bodies):
        write("http_api", f"{route}_{i}", bytes([ROUTES.index(route)]) +
              json.dumps(body, ensure_ascii=False).encode("utf-8"))
write("http_api", "entity_0", bytes([ROUTES.index("entity")]) + b"a1")
write("http_api", "lists_0", bytes([ROUTES.index("lists")]) + b"format=json")
write("http_api", "match_get_0", bytes([ROUTES.index("match_get")]) +
      b"threshold=0.5&limit=3&include_dataset=us_csl&topics=sanction")

# Names: one per file, in the scripts and shapes lists and counterparties use; a newline splits
# two names to compare.
names = ["Huawei Technologies Co., Ltd.", "华为技术有限公司", "華為技術有限公司",
         "Семён Ефимович Шейнкман", "محمد بن سلمان آل سعود", "Kim Jong Un", "김정은",
         "Zhōngguó Diànzǐ Kējì Jítuán Gōngsī", "SMIC (Shanghai) Co Ltd", "O'Neil-Smith, J.R.",
         "AL-QAIDA IN THE ARABIAN PENINSULA (AQAP)", "ООО «Ромашка»", "M/V OCEAN STAR",
         "Hikvision 海康威视", "三菱電機株式会社", "Tê Văn Hùng", "ÆØÅ Ångström Ǆemal",
         "Example Microelectronics\nExample Micro", "DOE, John\nJohnny Doe",
         "Lockheed Martin Corporation\n洛克希德·马丁公司"]
for i, name in enumerate(names):
    write("name", f"name_{i:02d}", name)

# Single chip specifications (the catalogue itself is a seed from data/chips).
chips = [{"name": "Fuzz GPU", "tpp": 4800, "die_area_mm2": 814, "marketed_for_datacenter": True},
         {"name": "Fuzz NPU", "int8_tops": 512, "bit_length": 8, "die_area_mm2": 0},
         {"name": "Fuzz HBM", "kind": "memory", "memory_bandwidth_gbps_per_mm2": 2.5}]
for i, chip in enumerate(chips):
    write("chip_spec", f"chip_{i}", json.dumps(chip))

# Archives: gzip of one and two members, ZIP stored and deflated.
write("archive", "one.gz", gzip_bytes("id,name\nX1,Foo Corp\n"))
write("archive", "two_members.gz", gzip_bytes("id,name\n") + gzip_bytes("X1,Foo Corp\n"))
write("archive", "stored.zip", zip_bytes([("a.xml", "<a>b</a>"), ("b.csv", "x,y\n")],
                                         zipfile.ZIP_STORED))
write("archive", "deflated.zip", zip_bytes([("SDN_ENHANCED.XML", "<x>" + "y" * 200 + "</x>")]))

# The compacted CSL extract.
compact = {"sourceGeneratedAt": "2026-05-01T00:00:00Z",
           "tables": {"sources": ["Consolidated Screening List - Entity List (EL) - Bureau of Industry and Security",
                                  "Specially Designated Nationals (SDN) - Treasury Department"],
                      "licenceRequirements": ["For all items subject to the EAR."],
                      "licencePolicies": ["Presumption of denial."],
                      "programmes": ["SDGT", "IRAN"], "urls": ["https://example.test/el"]},
           "entries": [{"n": "Example Microelectronics Co.", "a": ["EM Co."], "s": 0, "t": "Entity",
                        "c": ["CN"], "lr": 0, "lp": 0, "fr": "85 FR 51596", "u": 0},
                       {"n": "DOE, John", "s": 1, "t": "Individual", "e": "12345", "pg": 1}]}
write("csl_compact_json", "compact.json", json.dumps(compact, ensure_ascii=False))

# The UK list as a spreadsheet: content.xml stored, so that mutations reach the XML.
cells = lambda values: "".join(
    f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
    for v in values)
rows = [["Unique ID", "OFSI Group ID", "Name", "Regime Name", "Type", "Designation source",
         "Date Designated", "Sanctions Imposed"],
        ["RUS0001", "15000", "PJSC Example Bank (Public Joint-Stock Company Example Bank)",
         "Russia", "Entity", "UK", "24/02/2022", "Asset freeze"],
        ["CYB0002", "15001", "DOE, John", "Cyber", "Individual", "UN", "01/01/2021", ""]]
content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
           'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
           '<office:spreadsheet><table:table table:name="Sheet1">' +
           "".join(f"<table:table-row>{cells(r)}</table:table-row>" for r in rows) +
           '<table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row>'
           "</table:table></office:spreadsheet></office:body></office:document-content>")
write("uk_fcdo_ods", "uk.ods", zip_bytes([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                                          ("content.xml", content)], zipfile.ZIP_STORED))

# The stored name index: patches to the fixture's valid index file (name_index_file_fuzz.cpp).
# Mode byte (bit 0: checksum made to match, bit 1: cut at a length), then (u32 offset, byte).
write("name_index_file", "intact", b"\x00")
write("name_index_file", "one-byte", b"\x00" + (4096).to_bytes(4, "little") + b"\x00")
write("name_index_file", "one-byte-checksum-fixed", b"\x01" + (4096).to_bytes(4, "little") + b"\x07")
write("name_index_file", "cut-checksum-fixed", b"\x03" + (512).to_bytes(4, "little"))
