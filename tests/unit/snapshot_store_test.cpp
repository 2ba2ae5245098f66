// Snapshots: import builds one, a re-import replaces only its own dataset, a failed import changes
// nothing, a damaged file is refused, and diff reports what changed.
#include "clearance/lists/snapshot_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clearance/lists/importer.h"
#include "clearance/lists/snapshot_codec.h"
#include "clearance/lists/snapshot_diff.h"
#include "clearance/util/file_io.h"
#include "test_support.h"

namespace clearance {
namespace {

using test::fixture;

class SnapshotStoreTest : public ::testing::Test {
 protected:
  test::TempDir dir_;
  SnapshotStore store_{dir_.path() + "/data"};

  ImportReport import_ok(const std::vector<std::string>& files, ImportOptions options = {}) {
    auto report = import_lists(store_, files, options);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? std::move(report.value()) : ImportReport{};
  }
};

TEST_F(SnapshotStoreTest, ImportMakesACurrentSnapshotThatLoadsBackIdentically) {
  const ImportReport report =
      import_ok({fixture("lists/csl_small.csv"), fixture("lists/un_small.xml")});
  EXPECT_EQ(report.snapshot.entities.size(), 5u);
  EXPECT_EQ(report.issues.size(), 3u);
  EXPECT_EQ(report.imported.size(), 2u);
  EXPECT_EQ(store_.current_id().value(), report.snapshot.id);
  auto loaded = store_.load("current");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->entities, report.snapshot.entities);
  EXPECT_EQ(loaded->content_hash, report.snapshot.content_hash);
  ASSERT_EQ(loaded->sources.size(), 2u);
  EXPECT_EQ(loaded->sources[0].dataset, "un_sc");
  EXPECT_EQ(loaded->sources[0].published, "2026-01-15");
  EXPECT_EQ(loaded->sources[1].skipped, 2u);
  EXPECT_EQ(loaded->sources[1].files.at(0).sha256.size(), 64u);
  // A prefix of the id finds the snapshot too.
  EXPECT_TRUE(store_.load(report.snapshot.id.substr(0, 6)).ok());
}

TEST_F(SnapshotStoreTest, ContentHashIsDeterministic) {
  const ImportReport a = import_ok({fixture("lists/un_small.xml")});
  const ImportReport b = import_ok({fixture("lists/un_small.xml")});
  EXPECT_EQ(a.snapshot.content_hash, b.snapshot.content_hash);
  EXPECT_FALSE(b.changed);
}

TEST_F(SnapshotStoreTest, ReimportReplacesOnlyItsOwnDataset) {
  import_ok({fixture("lists/csl_small.csv"), fixture("lists/un_small.xml")});
  const ImportReport second = import_ok({fixture("lists/cn_custom.csv")});
  EXPECT_EQ(second.snapshot.entities.size(), 8u);  // 3 CSL + 2 UN kept, 3 custom added
  EXPECT_EQ(second.snapshot.sources.size(), 3u);
  ImportOptions replace_all;
  replace_all.replace_all = true;
  // Dropping the lists no file was given for is a shrink: refused unless allowed.
  EXPECT_FALSE(import_lists(store_, {fixture("lists/cn_custom.csv")}, replace_all).ok());
  replace_all.allow_shrink = true;
  const ImportReport fresh = import_ok({fixture("lists/cn_custom.csv")}, replace_all);
  EXPECT_EQ(fresh.snapshot.entities.size(), 3u);
}

TEST_F(SnapshotStoreTest, AFailedImportLeavesTheCurrentSnapshotIntact) {
  const ImportReport first = import_ok({fixture("lists/csl_small.csv")});
  const std::string bytes_before = read_file_raw(store_.snapshot_path(first.snapshot.id)).value();
  // A good file followed by one that is not a list: the whole import is refused.
  const std::string junk = dir_ / "junk.csv";
  ASSERT_TRUE(write_file_atomic(junk, "hello,world\n1,2\n").ok());
  auto failed = import_lists(store_, {fixture("lists/un_small.xml"), junk}, {});
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("junk.csv"), std::string::npos);
  EXPECT_EQ(store_.current_id().value(), first.snapshot.id);
  EXPECT_EQ(read_file_raw(store_.snapshot_path(first.snapshot.id)).value(), bytes_before);
  // A truncated file likewise.
  const std::string cut = dir_ / "cut.xml";
  ASSERT_TRUE(
      write_file_atomic(cut, read_file_raw(fixture("lists/un_small.xml"))->substr(0, 900)).ok());
  ASSERT_FALSE(import_lists(store_, {cut}, {}).ok());
  EXPECT_EQ(store_.load("current")->entities.size(), 3u);
}

TEST_F(SnapshotStoreTest, ACrashBeforeTheSwitchLeavesThePreviousSnapshotCurrent) {
  const ImportReport first = import_ok({fixture("lists/csl_small.csv")});
  // What a crash mid-write leaves behind: a partial temporary file beside CURRENT and a partial
  // snapshot under a temporary name. Neither is ever read.
  std::ofstream(store_.data_dir() + "/CURRENT.tmp-999") << "deadbeef";
  std::ofstream(store_.data_dir() + "/snapshots/feedfacefeedface.snap.tmp-999")
      << "CLRSNAP1 partial";
  auto loaded = store_.load("current");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->id, first.snapshot.id);
}

TEST_F(SnapshotStoreTest, ADamagedSnapshotFileIsRefused) {
  const ImportReport first = import_ok({fixture("lists/csl_small.csv")});
  const std::string path = store_.snapshot_path(first.snapshot.id);
  std::string bytes = read_file_raw(path).value();
  bytes[bytes.size() - 10] ^= 0x55;
  ASSERT_TRUE(write_file_atomic(path, bytes).ok());
  auto loaded = store_.load("current");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::integrity);
  ASSERT_TRUE(write_file_atomic(path, bytes.substr(0, bytes.size() / 2)).ok());
  loaded = store_.load("current");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::integrity);
}

TEST_F(SnapshotStoreTest, NoSnapshotYetIsAClearError) {
  auto loaded = store_.load("current");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::not_found);
  EXPECT_NE(loaded.error().message.find("lists import"), std::string::npos);
}

TEST_F(SnapshotStoreTest, CompanionGivenAloneIsRefused) {
  auto r = import_lists(store_, {fixture("lists/sdn_set/alt.csv")}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("sdn.csv"), std::string::npos) << r.error().message;
  // Given the directory, the set is read once through sdn.csv.
  const ImportReport set = import_ok({fixture("lists/sdn_set")});
  ASSERT_EQ(set.imported.size(), 1u);
  EXPECT_EQ(set.imported[0].files.size(), 4u);
}

TEST(SnapshotDiff, AddedRemovedAndChangedById) {
  Snapshot before, after;
  auto make = [](const char* id, const char* name) {
    Entity e;
    e.id = id;
    e.name = name;
    return e;
  };
  const Entity a = make("d:1", "Alpha"), b = make("d:2", "Beta"), c = make("d:3", "Gamma");
  before.entities = {a, b};
  Entity b2 = b;
  b2.aliases.push_back({"Beta Two", AliasKind::aka});
  b2.license_policy = "Presumption of denial.";
  after.entities = {b2, c};
  const SnapshotDiff diff = diff_snapshots(before, after);
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0]->id, "d:3");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0]->id, "d:1");
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].fields, (std::vector<std::string>{"aliases", "license_policy"}));
}

TEST(SnapshotCodec, RoundTripsEveryField) {
  Snapshot s;
  Entity e;
  e.id = "x:1";
  e.dataset = "x";
  e.list = "EL";
  e.sub_list = "sub";
  e.source_id = "1";
  e.type = EntityType::vessel;
  e.name = "Name 名字";
  e.aliases = {{"A", AliasKind::weak}, {"名", AliasKind::original_script}};
  e.addresses = {{"s", "c", "st", "p", "CN", "China", "full"}};
  e.identifiers = {{"Passport", "1", "CN", "2020-01-01", "2030-01-01", "n"}};
  e.dates_of_birth = {"1970"};
  e.places_of_birth = {"Beijing"};
  e.nationalities = {"CN"};
  e.citizenships = {"HK"};
  e.programs = {"P"};
  e.listed_on = "2020-01-01";
  e.end_date = "2030-01-01";
  e.remarks = "r";
  e.source_url = "u";
  e.license_requirement = "lr";
  e.license_policy = "lp";
  e.federal_register_notice = "frn";
  e.properties = {{"k", "v"}};
  s.entities = {e};
  ListSource source;
  source.dataset = "x";
  source.files = {{"p", "h", 3, "m"}};
  s.sources = {source};
  const std::string bytes = encode_snapshot(s);
  auto decoded = decode_snapshot(bytes, "mem");
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->entities, s.entities);
  EXPECT_EQ(decoded->id, s.id);
  EXPECT_EQ(decoded->sources.at(0).files.at(0).bytes, 3u);
}

}  // namespace
}  // namespace clearance
