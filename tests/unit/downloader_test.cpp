// `lists update` against a real HTTP server on the loopback interface serving ../shared/data.
#include "clearance/lists/downloader.h"

#include <gtest/gtest.h>

#include "clearance/util/sha256.h"
#include "loopback_http_server.h"
#include "test_support.h"

namespace clearance {
namespace {

using test::LoopbackHttpServer;
using test::shared;

class DownloaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* f :
         {"lists/un/UN_consolidated.xml", "lists/us_csl/consolidated_2022-05.csv.gz",
          "lists/ofac/cons_non_sdn_2025-12/cons_prim.csv"})
      REQUIRE_SHARED_FILE(shared(f));
    const std::string cons = shared("lists/ofac/cons_non_sdn_2025-12/");
    server_.route("/un/consolidated.xml", {shared("lists/un/UN_consolidated.xml")});
    server_.route("/csl/consolidated.csv", {shared("lists/us_csl/consolidated_2022-05.csv.gz")});
    server_.route("/ofac/CONS_PRIM.CSV", {cons + "cons_prim.csv"});
    server_.route("/ofac/CONS_ADD.CSV", {cons + "cons_add.csv"});
    server_.route("/ofac/CONS_ALT.CSV", {cons + "cons_alt.csv"});
    server_.route("/ofac/CONS_COMMENTS.CSV", {cons + "cons_comments.csv"});
    server_.route("/cut/consolidated.xml",
                  {shared("lists/un/UN_consolidated.xml"), LoopbackHttpServer::Mode::truncated});
    server_.start();
  }

  UpdateConfig config() const {
    UpdateConfig c;
    c.connect_timeout_seconds = 5;
    c.timeout_seconds = 30;
    c.sources = {
        {"un_sc", "un-xml", {{server_.url("/un/consolidated.xml"), "consolidated.xml", ""}}},
        {"us_csl", "csl-csv", {{server_.url("/csl/consolidated.csv"), "consolidated.csv", ""}}},
        {"ofac_cons",
         "ofac-csv",
         {{server_.url("/ofac/CONS_PRIM.CSV"), "cons_prim.csv", ""},
          {server_.url("/ofac/CONS_ADD.CSV"), "cons_add.csv", ""},
          {server_.url("/ofac/CONS_ALT.CSV"), "cons_alt.csv", ""},
          {server_.url("/ofac/CONS_COMMENTS.CSV"), "cons_comments.csv", ""}}},
    };
    return c;
  }

  LoopbackHttpServer server_;
  test::TempDir dir_;
  SnapshotStore store_{dir_.path() + "/data"};
};

TEST_F(DownloaderTest, DownloadsVerifiesAndImportsEverySource) {
  auto report = update_lists(store_, config(), {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->failed.empty());
  ASSERT_TRUE(report->import.has_value());
  EXPECT_EQ(report->import->snapshot.entities.size(), 1003u + 14160u + 442u);
  EXPECT_EQ(report->updated, (std::vector<std::string>{"un_sc", "us_csl", "ofac_cons"}));
  // The scratch download directory is gone; the snapshot records the files' hashes.
  EXPECT_FALSE(std::filesystem::exists(dir_.path() + "/data/downloads") &&
               !std::filesystem::is_empty(dir_.path() + "/data/downloads"));
  auto snapshot = store_.load("current");
  ASSERT_TRUE(snapshot.ok());
  for (const auto& s : snapshot->sources) EXPECT_EQ(s.files.front().sha256.size(), 64u);
}

TEST_F(DownloaderTest, TruncatedTransferIsDetectedAndNothingIsLost) {
  ASSERT_TRUE(update_lists(store_, config(), {"un_sc"}).ok());
  const std::string before = store_.current_id().value();
  UpdateConfig c = config();
  c.sources[0].files[0].url = server_.url("/cut/consolidated.xml");
  auto report = update_lists(store_, c, {"un_sc"});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_NE(report->failed[0].second.find("truncated"), std::string::npos)
      << report->failed[0].second;
  EXPECT_FALSE(report->import.has_value());
  EXPECT_EQ(store_.current_id().value(), before);
  EXPECT_EQ(store_.load("current")->entities.size(), 1003u);
}

TEST_F(DownloaderTest, OneFailedSourceKeepsItsPreviousVersionWhileOthersUpdate) {
  ASSERT_TRUE(update_lists(store_, config(), {"un_sc"}).ok());
  UpdateConfig c = config();
  c.sources[0].files[0].url = server_.url("/gone.xml");  // 404
  auto report = update_lists(store_, c, {"un_sc", "ofac_cons"});
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_NE(report->failed[0].second.find("404"), std::string::npos);
  EXPECT_EQ(report->updated, (std::vector<std::string>{"ofac_cons"}));
  EXPECT_EQ(store_.load("current")->entities.size(), 1003u + 442u);
}

TEST_F(DownloaderTest, ASourceThatIsNotItsFormatFailsAloneWithoutAProbeParse) {
  ASSERT_TRUE(update_lists(store_, config(), {"un_sc"}).ok());
  UpdateConfig c = config();
  c.sources[1].files[0].url = server_.url("/un/consolidated.xml");  // served as the CSL, but XML
  auto report = update_lists(store_, c, {"un_sc", "us_csl"});
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_EQ(report->failed[0].first, "us_csl");
  EXPECT_NE(report->failed[0].second.find("is not a csl-csv file"), std::string::npos)
      << report->failed[0].second;
  EXPECT_EQ(report->updated, (std::vector<std::string>{"un_sc"}));
  // Every source failing: nothing is written.
  const std::string before = store_.current_id().value();
  report = update_lists(store_, c, {"us_csl"});
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->import.has_value());
  EXPECT_EQ(store_.current_id().value(), before);
}

TEST_F(DownloaderTest, ChecksumMismatchIsRefused) {
  UpdateConfig c = config();
  c.sources[0].files[0].sha256 = std::string(64, '0');
  auto report = update_lists(store_, c, {"un_sc"});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_NE(report->failed[0].second.find("SHA-256"), std::string::npos);
  c.sources[0].files[0].sha256 =
      sha256_hex(read_file_raw(shared("lists/un/UN_consolidated.xml")).value());
  report = update_lists(store_, c, {"un_sc"});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->failed.empty());
}

TEST_F(DownloaderTest, UnreachableServerFailsWithinTheTimeout) {
  UpdateConfig c = config();
  c.connect_timeout_seconds = 2;
  c.sources[0].files[0].url = "http://127.0.0.1:1/consolidated.xml";
  auto report = update_lists(store_, c, {"un_sc"});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->failed.size(), 1u);
  EXPECT_FALSE(store_.current_id().value().size());
}

TEST(UpdateConfig, LoadsFromJsonAndRejectsNonsense) {
  test::TempDir dir;
  const std::string path = dir / "sources.json";
  ASSERT_TRUE(write_file_atomic(
                  path, R"({"timeout_seconds": 7, "sources": [{"name": "un_sc", "format": "un-xml",
    "files": [{"url": "http://127.0.0.1/x.xml", "save_as": "x.xml", "sha256": "ab"}]}]})")
                  .ok());
  auto config = load_update_config(path);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->timeout_seconds, 7);
  ASSERT_EQ(config->sources.size(), 1u);
  EXPECT_EQ(config->sources[0].files[0].sha256, "ab");
  ASSERT_TRUE(write_file_atomic(path, R"({"sources": [{"name": "x"}]})").ok());
  EXPECT_FALSE(load_update_config(path).ok());
  ASSERT_TRUE(write_file_atomic(path, "not json").ok());
  EXPECT_FALSE(load_update_config(path).ok());
}

}  // namespace
}  // namespace clearance
