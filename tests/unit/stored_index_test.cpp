// The name index stored beside its snapshot and mapped at load: the same hits and scores as the
// index built in memory and as brute force; a missing, damaged, stale or foreign file is refused,
// rebuilt and stored again, never misread.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <numeric>
#include <random>
#include <thread>

#include "clearance/lists/importer.h"
#include "clearance/match/list_filter.h"
#include "clearance/match/name_index_file.h"
#include "clearance/match/screening_engine.h"
#include "clearance/model/party_json.h"
#include "clearance/util/file_io.h"
#include "shared_lists.h"
#include "test_support.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

void write(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read(const std::string& path) {
  auto bytes = read_file_raw(path);
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? bytes.value() : std::string();
}

// "entity id score matched name" of every hit, one per line.
std::string hits_of(const Screener& screener, const std::string& name, float threshold,
                    bool brute_force = false) {
  ScreenSession session;
  ScreenQuery q;
  q.name = name;
  ScreenOptions options;
  options.limit = 1000;
  options.threshold = threshold;
  const ScreenResult r = brute_force ? screener.screen_all_names(q, options, session)
                                     : screener.screen(q, options, session);
  std::string out;
  for (const auto& h : r.hits)
    out += fmt::format("{} {:.6f} {}\n", h.entity->id, h.score, h.matched_name());
  return out;
}

// The real lists, once for the suite, as an import leaves them and as a later process reads them:
// the snapshot built in memory and its index built; the snapshot stored, loaded back from the
// store (`loaded_`) and the stored index mapped over the loaded one.
class StoredIndexOnRealLists : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const auto& f : bench::standard_list_files())
      if (!fs::exists(f)) GTEST_FAIL() << "shared data file missing: " << f;
    dir_ = new test::TempDir();
    Snapshot snapshot = *bench::load_standard_lists();
    store_ = new SnapshotStore(*dir_ / "data");
    if (auto st = store_->commit(snapshot); !st) GTEST_FAIL() << st.error().message;
    built_snapshot_ = std::make_shared<const Snapshot>(std::move(snapshot));
    built_ = NameIndex::build(built_snapshot_, 2);
    auto loaded = store_->load("current");
    if (!loaded) GTEST_FAIL() << loaded.error().message;
    loaded_ = std::make_shared<const Snapshot>(std::move(loaded.value()));
    const std::string path = *dir_ / "lists.index";
    write(path, built_->file_bytes());
    mapped_ = NameIndex::open_or_build(loaded_, path, 2, &report_);
  }
  static void TearDownTestSuite() {
    built_.reset();
    mapped_.reset();
    built_snapshot_.reset();
    loaded_.reset();
    delete store_;
    delete dir_;
  }
  static test::TempDir* dir_;
  static SnapshotStore* store_;
  static std::shared_ptr<const Snapshot> built_snapshot_, loaded_;
  static std::shared_ptr<const NameIndex> built_, mapped_;
  static IndexLoadReport report_;
};
test::TempDir* StoredIndexOnRealLists::dir_ = nullptr;
SnapshotStore* StoredIndexOnRealLists::store_ = nullptr;
std::shared_ptr<const Snapshot> StoredIndexOnRealLists::built_snapshot_,
    StoredIndexOnRealLists::loaded_;
std::shared_ptr<const NameIndex> StoredIndexOnRealLists::built_, StoredIndexOnRealLists::mapped_;
IndexLoadReport StoredIndexOnRealLists::report_;

TEST_F(StoredIndexOnRealLists, TheMappedIndexAnswersAsTheBuiltOneAndAsBruteForce) {
  ASSERT_TRUE(report_.mapped) << report_.rebuilt_because;
  EXPECT_EQ(mapped_->name_count(), built_->name_count());
  EXPECT_EQ(mapped_->term_count(), built_->term_count());
  const Screener built(built_), mapped(mapped_);
  std::vector<std::string> queries = {"Huawei Technologies",
                                      "华为技术有限公司",
                                      "Hua Wei",
                                      "Vladimir Putin",
                                      "Sberbnk Rossii",
                                      "NUDT",
                                      "S M I C",
                                      "Hsi Chin-ping",
                                      "Usama bin Ladin",
                                      "Rosoboroneksport",
                                      "中国电子科技集团公司第十四研究所",
                                      "Mohamad Rezaei",
                                      "Kim Jong Un",
                                      "Al Qaida"};
  // List names with a letter dropped, from a fixed sample.
  std::mt19937 rng(19);
  const auto& entities = built_->snapshot().entities;
  for (int i = 0; i < 30; ++i) {
    std::string name = entities[rng() % entities.size()].name;
    if (name.size() > 6) name.erase(rng() % name.size(), 1);
    queries.push_back(name);
  }
  size_t with_hits = 0;
  for (const auto& q : queries) {
    const std::string from_built = hits_of(built, q, 0.8f);
    EXPECT_EQ(hits_of(mapped, q, 0.8f), from_built) << q;
    EXPECT_EQ(hits_of(mapped, q, 0.8f, true), from_built) << q << " (brute force)";
    with_hits += !from_built.empty();
  }
  EXPECT_GT(with_hits, queries.size() / 2);  // the comparison is not between empty answers
}

// The snapshot read back from the store is the snapshot that was stored, record for record, party
// for party.
TEST_F(StoredIndexOnRealLists, TheLoadedSnapshotHoldsEveryRecordAndPartyAsBuilt) {
  const Snapshot& built = *built_snapshot_;
  const Snapshot& loaded = *loaded_;
  EXPECT_EQ(loaded.id, built.id);
  ASSERT_EQ(loaded.entities.size(), built.entities.size());
  size_t differ = 0;
  for (size_t i = 0; i < built.entities.size(); ++i)
    if (!(loaded.entities[i] == built.entities[i]) && ++differ < 5)
      ADD_FAILURE() << "record " << i << " (" << built.entities[i].id << ") reads back changed";
  EXPECT_EQ(differ, 0u);
  size_t visited = 0;
  for (const Entity& e : loaded.entities) visited += !e.id.empty();
  EXPECT_EQ(visited, built.entities.size());
  EXPECT_EQ(loaded.parties, built.parties);
  EXPECT_EQ(loaded.links, built.links);
  EXPECT_EQ(loaded.party_of, built.party_of);
  const std::string& some_record = built.entities[built.entities.size() / 3].id;
  ASSERT_NE(loaded.find_party(some_record), nullptr);
  EXPECT_EQ(loaded.find_party(some_record)->id, built.find_party(some_record)->id);
}

// What a user sees of a hit (party, listings, whole party) is the same over the loaded snapshot
// and its mapped index as over the snapshot and index built in memory.
TEST_F(StoredIndexOnRealLists, HitsOverTheLoadedSnapshotShowWhatTheBuiltOneShows) {
  const Screener built(built_), mapped(mapped_);
  size_t compared = 0;
  for (const std::string name : {"Huawei Technologies", "华为技术有限公司", "Vladimir Putin",
                                 "Rosoboronexport", "Kim Jong Un", "Islamic Revolutionary Guard"}) {
    ScreenSession a, b;
    ScreenQuery q;
    q.name = name;
    ScreenOptions options;
    options.limit = 20;
    const ScreenResult from_built = built.screen(q, options, a);
    const ScreenResult from_loaded = mapped.screen(q, options, b);
    ASSERT_EQ(from_loaded.hits.size(), from_built.hits.size()) << name;
    for (size_t i = 0; i < from_built.hits.size(); ++i) {
      const Hit &x = from_built.hits[i], &y = from_loaded.hits[i];
      EXPECT_EQ(y.matched_name(), x.matched_name()) << name;
      EXPECT_EQ(party_to_json(*loaded_, *y.party).dump(),
                party_to_json(*built_snapshot_, *x.party).dump())
          << name;
      ++compared;
    }
  }
  EXPECT_GT(compared, 10u);
}

// A process that loads the stored snapshot and index to screen a name decodes the records that
// name reaches, not the whole snapshot; naming a list to filter on decodes none.
TEST_F(StoredIndexOnRealLists, ScreeningALoadedSnapshotDecodesOnlyTheRecordsItReaches) {
  auto loaded = store_->load("current");
  ASSERT_TRUE(loaded.ok());
  auto snapshot = std::make_shared<const Snapshot>(std::move(loaded.value()));
  EXPECT_EQ(snapshot->entities.decoded(), 0u);
  IndexLoadReport report;
  auto index = NameIndex::open_or_build(snapshot, *dir_ / "lists.index", 1, &report);
  ASSERT_TRUE(report.mapped) << report.rebuilt_because;
  auto lists = resolve_list_filter(*snapshot, {"sdn", "EL"});
  ASSERT_TRUE(lists.ok()) << lists.error().message;
  EXPECT_EQ(snapshot->entities.decoded(), 0u);
  const Screener screener(std::shared_ptr<const NameIndex>(std::move(index)));
  EXPECT_FALSE(hits_of(screener, "Huawei Technologies", 0.8f).empty());
  EXPECT_FALSE(hits_of(screener, "Vladimir Putin", 0.8f).empty());
  const size_t decoded = snapshot->entities.decoded();
  EXPECT_GT(decoded, 0u);
  EXPECT_LT(decoded, snapshot->entities.size() / 100)
      << decoded << " of " << snapshot->entities.size();
}

// Threads reading the same records of a freshly loaded snapshot at once, each in its own order,
// all see one and the same record (never a half-made one, never two copies).
TEST_F(StoredIndexOnRealLists, ThreadsReadingOneLoadedSnapshotSeeTheSameRecords) {
  auto loaded = store_->load("current");
  ASSERT_TRUE(loaded.ok());
  const Snapshot& snapshot = loaded.value();
  const size_t n = std::min<size_t>(snapshot.entities.size(), 20000);
  std::vector<std::vector<const Entity*>> seen(4, std::vector<const Entity*>(n));
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      std::vector<size_t> order(n);
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(t)));
      for (size_t i : order) seen[t][i] = &snapshot.entities[i];
    });
  for (auto& thread : threads) thread.join();
  for (size_t i = 0; i < n; i += 97) {
    for (size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t][i], seen[0][i]) << i;
    EXPECT_EQ(*seen[0][i], built_snapshot_->entities[i]);
  }
}

// A copy of a loaded snapshot is a snapshot of its own: changing the copy's records (as an import
// does with the previous snapshot) leaves the loaded one as it was.
TEST_F(StoredIndexOnRealLists, ACopyOfALoadedSnapshotChangesAlone) {
  auto loaded = store_->load("current");
  ASSERT_TRUE(loaded.ok());
  const Snapshot& original = loaded.value();
  const Entity first = original.entities[0];
  Snapshot copy = original;
  ASSERT_EQ(copy.entities.size(), original.entities.size());
  EXPECT_EQ(copy.entities[1], original.entities[1]);
  Entity extra = first;
  extra.id = "zz:added";
  copy.entities.push_back(extra);
  EXPECT_EQ(copy.entities.size(), original.entities.size() + 1);
  EXPECT_EQ(copy.entities.back().id, "zz:added");
  EXPECT_EQ(original.entities[0], first);
  EXPECT_EQ(copy.entities[0], first);
  EXPECT_EQ(copy.entities[copy.entities.size() / 2],
            original.entities[original.entities.size() / 2]);
}

// A store with the small fixture lists, imported as the CLI does (the index stored at import).
class StoredIndexInAStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportOptions options;
    options.after_commit = [](const SnapshotStore& s, const Snapshot& snap) {
      return store_name_index(s, snap, 1);
    };
    auto report = import_lists(store_, {test::fixture("lists/csl_small.csv")}, options);
    ASSERT_TRUE(report.ok()) << report.error().message;
    ASSERT_TRUE(report->after_commit_error.empty()) << report->after_commit_error;
    id_ = report->snapshot.id;
    path_ = store_.index_path(id_);
    pristine_ = read(path_);
    auto engine = load_screening_engine(store_, "current", 1);
    ASSERT_TRUE(engine.ok());
    ASSERT_TRUE(engine.value()->index_report.mapped)
        << engine.value()->index_report.rebuilt_because;
    for (const auto& entity : engine.value()->snapshot->entities)
      expected_ += hits_of(*engine.value()->screener, entity.name, 0.8f);
    ASSERT_FALSE(expected_.empty());
  }

  // Loads the store's current snapshot: the index was rebuilt for `reason`, answers as the
  // pristine one, and was stored again so that the next load maps it.
  void expect_rebuilt(const std::string& reason) {
    auto engine = load_screening_engine(store_, "current", 1);
    ASSERT_TRUE(engine.ok());
    const IndexLoadReport& r = engine.value()->index_report;
    EXPECT_FALSE(r.mapped);
    EXPECT_NE(r.rebuilt_because.find(reason), std::string::npos) << r.rebuilt_because;
    EXPECT_TRUE(r.stored) << r.store_error;
    std::string answers;
    for (const auto& entity : engine.value()->snapshot->entities)
      answers += hits_of(*engine.value()->screener, entity.name, 0.8f);
    EXPECT_EQ(answers, expected_);
    EXPECT_TRUE(read(path_) == pristine_) << "the rebuilt file differs from the first";
    auto again = load_screening_engine(store_, "current", 1);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.value()->index_report.mapped) << again.value()->index_report.rebuilt_because;
  }

  test::TempDir dir_;
  SnapshotStore store_{dir_ / "data"};
  std::string id_, path_, pristine_, expected_;
};

TEST_F(StoredIndexInAStore, AMissingIndexIsBuiltAndStored) {
  fs::remove(path_);
  expect_rebuilt("missing");
}

TEST_F(StoredIndexInAStore, ATruncatedIndexIsRebuilt) {
  write(path_, std::string_view(pristine_).substr(0, pristine_.size() / 2));
  expect_rebuilt("truncated");
  write(path_, std::string_view(pristine_).substr(0, 20));
  expect_rebuilt("not a Clearance name index");
  write(path_, "");
  expect_rebuilt("not a Clearance name index");
}

TEST_F(StoredIndexInAStore, ADamagedIndexIsRebuilt) {
  std::string damaged = pristine_;
  damaged[damaged.size() / 2] ^= 0x20;
  write(path_, damaged);
  expect_rebuilt("checksum");
}

TEST_F(StoredIndexInAStore, AnIndexOfAnotherVersionIsRebuilt) {
  // The format version follows the 8-byte magic.
  std::string other = pristine_;
  other[8] = static_cast<char>(other[8] + 1);
  write(path_, other);
  expect_rebuilt("index format");
  // The build key of the matcher's sources: 64 bytes after the fixed fields.
  other = pristine_;
  const size_t key = other.find(index_build_key());
  ASSERT_NE(key, std::string::npos);
  other[key] = other[key] == '0' ? '1' : '0';
  write(path_, other);
  expect_rebuilt("another version");
}

TEST_F(StoredIndexInAStore, AnIndexOfAnotherSnapshotIsRebuilt) {
  // Another snapshot's index, put in this one's place (a copy gone wrong).
  test::TempDir other_dir;
  SnapshotStore other(other_dir / "data");
  ImportOptions options;
  options.after_commit = [](const SnapshotStore& s, const Snapshot& snap) {
    return store_name_index(s, snap, 1);
  };
  auto report = import_lists(other, {test::fixture("lists/dpl_small.txt")}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  write(path_, read(other.index_path(report->snapshot.id)));
  expect_rebuilt("another snapshot");
}

// A file whose checksum is made to match after a byte changed (a faulty writer, not a disk error):
// every offset, id and range is checked on load, so it is refused or, where the change is in a
// weight, read without a read out of bounds (AddressSanitizer would say).
TEST_F(StoredIndexInAStore, AnIndexWithAValidChecksumButBadContentNeverCrashes) {
  auto snapshot = store_.load("current");
  ASSERT_TRUE(snapshot.ok());
  auto snap = std::make_shared<const Snapshot>(std::move(snapshot.value()));
  constexpr size_t kChecksumAt = 24, kHeader = 8 + 4 + 4 + 8 + 8 + 8 + 24 + 64 + 16 + 64;
  std::mt19937 rng(3);
  size_t refused = 0, opened = 0;
  for (int i = 0; i < 300; ++i) {
    std::string bytes = pristine_;
    const size_t at = kHeader + rng() % (bytes.size() - kHeader);
    bytes[at] = static_cast<char>(rng());
    const uint64_t checksum = XXH3_64bits(bytes.data() + kHeader, bytes.size() - kHeader);
    std::memcpy(bytes.data() + kChecksumAt, &checksum, sizeof(checksum));
    auto index = NameIndex::open(snap, nullptr, bytes, "x.index");
    if (!index) {
      ++refused;
      continue;
    }
    ++opened;
    const Screener screener(std::shared_ptr<const NameIndex>(std::move(index.value())));
    for (const auto& entity : snap->entities) hits_of(screener, entity.name, 0.5f);
  }
  EXPECT_GT(refused, 0u);
  EXPECT_EQ(refused + opened, 300u);
}

TEST_F(StoredIndexInAStore, AnImportReplacesTheIndexOfThePreviousSnapshot) {
  ImportOptions options;
  options.after_commit = [](const SnapshotStore& s, const Snapshot& snap) {
    return store_name_index(s, snap, 1);
  };
  auto report = import_lists(store_, {test::fixture("lists/dpl_small.txt")}, options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_NE(report->snapshot.id, id_);
  EXPECT_TRUE(fs::exists(store_.index_path(report->snapshot.id)));
  EXPECT_FALSE(fs::exists(path_));
  auto engine = load_screening_engine(store_, "current", 1);
  ASSERT_TRUE(engine.ok());
  EXPECT_TRUE(engine.value()->index_report.mapped);
  // The previous snapshot still loads: its index is built again.
  auto previous = load_screening_engine(store_, id_, 1);
  ASSERT_TRUE(previous.ok());
  EXPECT_FALSE(previous.value()->index_report.mapped);
}

// While an import holds the store's lock (its snapshot committed, its index being written), a
// second import is refused and a reader is served: the new snapshot with an index built for it,
// never a half-written index file. Once the import is done, its index is mapped.
TEST_F(StoredIndexInAStore, ASecondImportWaitsForTheLockAndAReaderIsServedMeanwhile) {
  std::promise<void> committed, release;
  std::shared_future<void> released = release.get_future().share();
  ImportOptions options;
  options.after_commit = [&](const SnapshotStore& s, const Snapshot& snap) {
    committed.set_value();
    released.wait();
    return store_name_index(s, snap, 1);
  };
  auto first = std::async(std::launch::async, [&] {
    return import_lists(store_, {test::fixture("lists/dpl_small.txt")}, options);
  });
  committed.get_future().wait();
  auto second = import_lists(store_, {test::fixture("lists/un_small.xml")}, {});
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("another import or update is running"), std::string::npos)
      << second.error().message;
  auto during = load_screening_engine(store_, "current", 1);
  ASSERT_TRUE(during.ok()) << during.error().message;
  EXPECT_NE(during.value()->snapshot->id, id_);
  std::string answers_during;
  for (const auto& entity : during.value()->snapshot->entities)
    answers_during += hits_of(*during.value()->screener, entity.name, 0.8f);
  release.set_value();
  auto report = first.get();
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->snapshot.id, during.value()->snapshot->id);
  EXPECT_TRUE(report->after_commit_error.empty()) << report->after_commit_error;
  auto after = load_screening_engine(store_, "current", 1);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after.value()->index_report.mapped) << after.value()->index_report.rebuilt_because;
  std::string answers_after;
  for (const auto& entity : after.value()->snapshot->entities)
    answers_after += hits_of(*after.value()->screener, entity.name, 0.8f);
  EXPECT_EQ(answers_during, answers_after);
  EXPECT_FALSE(answers_after.empty());
  EXPECT_FALSE(fs::exists(path_));  // the previous snapshot's index went with the import
}

TEST_F(StoredIndexInAStore, AnIndexThatCannotBeStoredIsStillUsed) {
  auto snapshot = store_.load("current");
  ASSERT_TRUE(snapshot.ok());
  IndexLoadReport report;
  auto index = NameIndex::open_or_build(std::make_shared<const Snapshot>(snapshot.value()),
                                        dir_ / "no/such/dir/x.index", 1, &report);
  ASSERT_NE(index, nullptr);
  EXPECT_FALSE(report.mapped);
  EXPECT_FALSE(report.stored);
  EXPECT_FALSE(report.store_error.empty());
  EXPECT_GT(index->name_count(), 0u);
}

}  // namespace
}  // namespace clearance
