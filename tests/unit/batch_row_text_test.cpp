// A batch row's JSON text, written directly for a row without hits, is exactly what the JSON of
// the row (batch_row_to_json) dumps: the JSON Lines output and the recorded screenings depend on
// it.
#include <gtest/gtest.h>

#include "clearance/batch/batch_runner.h"
#include "clearance/lists/importer.h"
#include "clearance/match/screening_engine.h"
#include "test_support.h"

namespace clearance {
namespace {

TEST(BatchRowText, EqualsTheDumpOfTheRowsJsonForRowsWithAndWithoutHits) {
  test::TempDir dir;
  SnapshotStore snapshots(dir / "data");
  ASSERT_TRUE(import_lists(snapshots, {test::fixture("lists/csl_small.csv")}, {}).ok());
  auto engine = load_screening_engine(snapshots, "current", 1);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  const Screener& screener = *engine.value()->screener;
  const std::string snapshot = engine.value()->snapshot->id;
  auto row_of = [](std::string id, std::string name, std::string country = "",
                   EntityType type = EntityType::unknown, std::string dob = "",
                   std::string identifier = "", std::vector<std::string> lists = {}) {
    BatchRow row;
    row.id = std::move(id);
    row.line = 17;
    row.query.name = std::move(name);
    row.query.country = std::move(country);
    row.query.type = type;
    row.query.date_of_birth = std::move(dob);
    row.query.identifier = std::move(identifier);
    row.query.lists = std::move(lists);
    return row;
  };
  const std::vector<BatchRow> rows = {
      row_of("r1", "Nobody Special Widgets"),
      row_of("", "Example Microelectronics Company"),  // has hits
      row_of("q\"uote", "Back\\slash \"quoted\" name"),
      row_of("tab\tid", "Control\x01\x1f chars\nand\rbreaks\tand\bbell\f"),
      row_of("c-4", "华为技术有限公司", "CN", EntityType::organization),
      row_of("c-5", "Владимир Путин", "RU", EntityType::person, "1952-10-07", "P-123"),
      row_of("c-6", "Ünïcödé Façade 🚀 Ltd", "", EntityType::unknown, "", "", {"el", "sdn"}),
      row_of("c-7", "Delete\x7f char", "DE", EntityType::vessel),
      row_of("c-8", ""),
      row_of("c-9", "Example Microelectronics ཏཱ་ལའི་ \"བླ་མ\""),  // words not read
  };
  ScreenSession session;
  size_t with_hits = 0;
  for (const BatchRow& row : rows) {
    const ScreenResult result = screener.screen(row.query, {}, session);
    with_hits += !result.hits.empty();
    EXPECT_EQ(batch_row_text(row, result, screener, snapshot),
              batch_row_to_json(row, result, screener, snapshot).dump())
        << row.query.name;
  }
  EXPECT_GE(with_hits, 1u);
}

}  // namespace
}  // namespace clearance
