// Bad bytes and bad files, each from a reproducer: nothing aborts, nothing is lost silently.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <chrono>
#include <fstream>

#include "clearance/batch/batch_input.h"
#include "clearance/batch/batch_runner.h"
#include "clearance/lists/importer.h"
#include "clearance/match/screen_output.h"
#include "clearance/match/screening_engine.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "test_support.h"

namespace clearance {
namespace {

void write(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string gzip(std::string_view bytes) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&s, static_cast<uLong>(bytes.size())), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  s.avail_in = static_cast<uInt>(bytes.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

TEST(Hardening, InvalidUtf8InAListCodeIsReplacedNotFatal) {
  test::TempDir dir;
  // The reproducer: a list code with a byte that breaks UTF-8, an alias with another.
  write(dir / "a.csv",
        "id,name,list,dataset,aliases\nX1,Foo Corp,UE\xfd,cn_x,Foo \xc3\x28"
        "Co\n");
  SnapshotStore store(dir / "data");
  auto report = import_lists(store, {dir / "a.csv"}, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_FALSE(report->warnings.empty());
  EXPECT_NE(report->warnings[0].find("replaced"), std::string::npos);
  const Entity& e = report->snapshot.entities.at(0);
  EXPECT_TRUE(is_valid_utf8(e.list));
  EXPECT_EQ(e.list, "UE\xEF\xBF\xBD");
  for (const auto& a : e.aliases) EXPECT_TRUE(is_valid_utf8(a.name));
  // Screening it and writing the answer as JSON works.
  auto engine = load_screening_engine(store, "current", 1);
  ASSERT_TRUE(engine.ok());
  ScreenSession session;
  ScreenQuery q;
  q.name = "Foo Corp";
  const ScreenResult r = engine.value()->screener->screen(q, {}, session);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NO_THROW(screen_result_to_json("1", q, r, *engine.value()->screener, "s", 0.8).dump());
}

TEST(Hardening, ControlCharactersInAListCodeCannotReachATerminal) {
  test::TempDir dir;
  write(dir / "a.csv", "id,name,list,dataset\nX1,Foo Corp,\x1b[31mRED,cn_x\n");
  SnapshotStore store(dir / "data");
  auto report = import_lists(store, {dir / "a.csv"}, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->snapshot.entities.at(0).list.find('\x1b'), std::string::npos);
}

TEST(Hardening, EveryMemberOfAGzipFileIsRead) {
  test::TempDir dir;
  write(dir / "two.csv.gz", gzip("id,name,list,dataset\nA1,Alpha Trading,UEL,cn_x\n") +
                                gzip("A2,Beta Trading,UEL,cn_x\n"));
  auto read = read_list_file(dir / "two.csv.gz", "custom");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->second.entities.size(), 2u);
  write(dir / "junk.csv.gz", gzip("id,name,list,dataset\nA1,Alpha,UEL,cn_x\n") + "junk");
  EXPECT_FALSE(read_file(dir / "junk.csv.gz").ok());
}

TEST(Hardening, ADecompressionBombIsRefusedEarly) {
  test::TempDir dir;
  write(dir / "zeros.gz", gzip(std::string(size_t{64} << 20, '\0')));  // 64 MB → ~64 KB
  const auto start = std::chrono::steady_clock::now();
  auto r = read_file(dir / "zeros.gz");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("decompression bomb"), std::string::npos);
  (void)start;
}

TEST(Hardening, AHeaderOnlyFileDoesNotEmptyAList) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/csl_small.csv")}, {}).ok());
  const auto before = store.current_id().value();
  std::ifstream in(test::fixture("lists/csl_small.csv"));
  std::string header;
  std::getline(in, header);
  write(dir / "consolidated.csv", header + "\n");
  auto refused = import_lists(store, {dir / "consolidated.csv"}, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("--allow-shrink"), std::string::npos);
  EXPECT_EQ(store.current_id().value(), before);
  ImportOptions allow;
  allow.allow_shrink = true;
  EXPECT_TRUE(import_lists(store, {dir / "consolidated.csv"}, allow).ok());
}

TEST(Hardening, RepeatedIdsStayUnique) {
  test::TempDir dir;
  write(dir / "ids.csv",
        "id,name,list,dataset\nA,One,UEL,cn_x\nA,Two,UEL,cn_x\nA~2,Three,UEL,cn_x\n");
  auto read = read_list_file(dir / "ids.csv", "custom");
  ASSERT_TRUE(read.ok()) << read.error().message;
  std::set<std::string> ids;
  for (const auto& e : read->second.entities) ids.insert(e.id);
  EXPECT_EQ(ids.size(), 3u);
}

TEST(Hardening, ANamedPipeIsRefusedNotWaitedOn) {
  test::TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "pipe.csv").c_str(), 0600), 0);
  auto r = read_file(dir / "pipe.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a regular file"), std::string::npos);
}

TEST(Hardening, AKilledImportsTemporaryFilesAreRemoved) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/csl_small.csv")}, {}).ok());
  const std::string stale = dir / "data/snapshots/0123456789abcdef.snap.tmp-999999999";
  write(stale, "half a snapshot");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/un_small.xml")}, {}).ok());
  EXPECT_FALSE(std::filesystem::exists(stale));
}

TEST(Hardening, ResumeRefusesAnotherSnapshotOrInputAndCsvCannotCarryFormulas) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/cn_custom.csv")}, {}).ok());
  auto engine = load_screening_engine(store, "current", 1);
  ASSERT_TRUE(engine.ok());
  write(dir / "in.csv", "id,name\n1,=Raytheon Missiles & Defense\n2,Raytheon Missiles & Defense\n");
  BatchOptions options;
  options.format = BatchOutputFormat::csv;
  options.input_sha256 = "first";
  auto input = BatchInput::open(dir / "in.csv", "");
  ASSERT_TRUE(input.ok());
  auto done = run_batch(*engine.value()->screener, "snap-1", *input.value(), dir / "out.csv",
                        dir / "err.csv", options, {});
  ASSERT_TRUE(done.ok()) << done.error().message;
  auto csv = read_file(dir / "out.csv");
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find(",'=Raytheon"), std::string::npos) << csv.value();
  EXPECT_EQ(csv->find(",=Raytheon"), std::string::npos);

  // An interrupted run's checkpoint, then a resume against another snapshot or input.
  write(dir / "out2.csv.partial", "");
  write(dir / "err2.csv.partial", "");
  write(
      dir / "out2.csv.partial.checkpoint",
      R"({"line":1,"output_bytes":0,"errors_bytes":0,"snapshot":"snap-1","input_sha256":"first"})");
  options.resume = true;
  auto again = BatchInput::open(dir / "in.csv", "");
  ASSERT_TRUE(again.ok());
  auto other_snapshot = run_batch(*engine.value()->screener, "snap-2", *again.value(),
                                  dir / "out2.csv", dir / "err2.csv", options, {});
  ASSERT_FALSE(other_snapshot.ok());
  EXPECT_NE(other_snapshot.error().message.find("snapshot snap-1"), std::string::npos);
  options.input_sha256 = "second";
  auto other_input = run_batch(*engine.value()->screener, "snap-1", *again.value(),
                               dir / "out2.csv", dir / "err2.csv", options, {});
  ASSERT_FALSE(other_input.ok());
  EXPECT_NE(other_input.error().message.find("input file"), std::string::npos);
}

// A name in a script no reader spells (Tibetan, Lao) is screened without those words, and says
// so wherever the answer goes: an empty answer would read as "no party".
TEST(Hardening, WordsOfAScriptNoReaderSpellsAreSaidNotSilentlyLeftOut) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/cn_custom.csv")}, {}).ok());
  auto engine = load_screening_engine(store, "current", 1);
  ASSERT_TRUE(engine.ok());
  const Screener& screener = *engine.value()->screener;
  ScreenSession session;
  ScreenQuery q;
  q.name = "ཏཱ་ལའི་ བླ་མ";
  ScreenResult result = screener.screen(q, {}, session);
  EXPECT_TRUE(result.hits.empty());
  ASSERT_EQ(result.unread.size(), 1u);  // two words of one script: one text
  EXPECT_EQ(result.unread[0].script, "Tibetan");
  EXPECT_EQ(result.unread[0].text, "ཏཱ་ལའི་ བླ་མ");
  const auto json = screen_result_to_json("1", q, result, screener, "snap", 0.8f);
  ASSERT_TRUE(json.contains("unread"));
  EXPECT_EQ(json["unread"][0]["script"], "Tibetan");
  EXPECT_NE(unread_message(result.unread).find("Tibetan"), std::string::npos);

  // The words that are read still find their party; the rest is said beside the hit.
  q.name = "Raytheon Missiles & Defense ລາວ";
  result = screener.screen(q, {}, session);
  EXPECT_FALSE(result.hits.empty());
  ASSERT_EQ(result.unread.size(), 1u);
  EXPECT_EQ(result.unread[0].script, "Lao");

  // Names every reader here spells leave nothing unread.
  for (const char* name :
       {"Raytheon Missiles & Defense", "华为技术有限公司", "Владимир Путин", "محمد علي", "김정은",
        "ภูมิพล อดุลยเดช", "צבי לוי", "Ünïcödé Façade 🚀 Ltd", "Αλέξης Τσίπρας", "राहुल गांधी"}) {
    q.name = name;
    EXPECT_TRUE(screener.screen(q, {}, session).unread.empty()) << name;
  }

  // A batch: the row is screened and written, named in the errors file, and counted apart.
  write(dir / "in.csv", "id,name\n1,ཏཱ་ལའི་བླ་མ\n2,Raytheon Missiles & Defense\n");
  auto input = BatchInput::open(dir / "in.csv", "");
  ASSERT_TRUE(input.ok());
  auto done = run_batch(screener, "snap-1", *input.value(), dir / "out.jsonl", dir / "err.csv",
                        BatchOptions{}, {});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->rows, 2u);
  EXPECT_EQ(done->errors, 0u);
  EXPECT_EQ(done->unread_rows, 1u);
  auto out = read_file(dir / "out.jsonl");
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->find("\"unread\":[{\"text\":\"ཏཱ་ལའི་བླ་མ\",\"script\":\"Tibetan\"}]"),
            std::string::npos)
      << out.value();
  auto errors = read_file(dir / "err.csv");
  ASSERT_TRUE(errors.ok());
  EXPECT_NE(errors->find("\n2,1,name,"), std::string::npos) << errors.value();
  EXPECT_NE(errors->find("Tibetan"), std::string::npos) << errors.value();
}

}  // namespace
}  // namespace clearance
