#include "clearance/util/csv_reader.h"

#include <gtest/gtest.h>

namespace clearance {
namespace {

std::vector<CsvRecord> read_all(std::string_view data) {
  CsvReader reader(data);
  std::vector<CsvRecord> rows;
  CsvRecord row;
  while (true) {
    auto got = reader.next(row);
    EXPECT_TRUE(got.ok()) << (got.ok() ? "" : got.error().message);
    if (!got.ok() || !got.value()) break;
    rows.push_back(row);
  }
  return rows;
}

TEST(CsvReader, QuotedCommasDoubledQuotesAndEmbeddedNewlines) {
  const auto rows =
      read_all("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nlast,row,here\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "line1\nline2"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 4u);  // the record after a two-line field starts on line 4
}

TEST(CsvReader, BomCrlfBlankLinesAndDosEofByte) {
  const auto rows = read_all("\xEF\xBB\xBFh1,h2\r\n\r\n1,2\r\n3,\r\n\x1A");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields[0], "h1");
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"3", ""}));
}

TEST(CsvReader, LastLineWithoutNewline) {
  const auto rows = read_all("a,b\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[1], "2");
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorNamingTheLine) {
  CsvReader reader("a,b\n1,\"never closed\n2,3\n");
  CsvRecord row;
  ASSERT_TRUE(reader.next(row).ok());
  auto got = reader.next(row);
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.error().message.find("line 2"), std::string::npos) << got.error().message;
}

TEST(CsvReader, TabDelimited) {
  CsvReader reader("a\tb\n\"1\"\t\"x,y\"\n", '\t');
  CsvRecord row;
  ASSERT_TRUE(reader.next(row).value());
  ASSERT_TRUE(reader.next(row).value());
  EXPECT_EQ(row.fields, (std::vector<std::string>{"1", "x,y"}));
}

TEST(CsvHeader, LooksUpColumnsIgnoringCaseAndSpaces) {
  CsvHeader header({"_id", " Name ", "ALT_NAMES"});
  EXPECT_EQ(header.index("name"), 1u);
  EXPECT_EQ(header.index("alt_names"), 2u);
  EXPECT_EQ(header.index("missing"), CsvHeader::npos);
}

}  // namespace
}  // namespace clearance
