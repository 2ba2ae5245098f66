// One list reader (CLEARANCE_FUZZ_FORMAT) on arbitrary bytes, then everything an import does with
// what it read: the text clean-up, party linking, the snapshot codec and the JSON writers. Bytes
// may be rejected (an Error) or records skipped (issues); nothing may crash, hang, leak, or let
// invalid UTF-8 or a duplicate id reach the snapshot.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>

#include "clearance/lists/importer.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/party_linker.h"
#include "clearance/lists/snapshot_codec.h"
#include "clearance/model/entity_json.h"
#include "clearance/model/party_json.h"
#include "fuzz_support.h"

using namespace clearance;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ListReader* reader = [] {
    const ListReader* r = ReaderRegistry::instance().find(CLEARANCE_FUZZ_FORMAT);
    FUZZ_CHECK(r != nullptr, CLEARANCE_FUZZ_FORMAT);
    return r;
  }();
  // A path that names no companion files: readers that look for them report them missing.
  const std::string path = "/nonexistent-fuzz-dir/" CLEARANCE_FUZZ_FILE_NAME;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  (void)reader->recognize(path, content.substr(0, 8192));
  auto read = reader->read(path, content);
  if (!read) {
    FUZZ_CHECK(!read.error().message.empty(), "an error without a message");
    return 0;
  }
  ReadResult& result = read.value();
  for (const ParseIssue& issue : result.issues) (void)to_string(issue);
  clean_read_result(path, result);

  Snapshot snapshot;
  std::set<std::string> ids;
  for (const Entity& e : result.entities) {
    FUZZ_CHECK(ids.insert(e.id).second, "duplicate id " + e.id);
    const std::string json = entity_to_json(e).dump();  // throws on invalid UTF-8
    FUZZ_CHECK(is_valid_utf8(json), e.id);
  }
  std::sort(result.entities.begin(), result.entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  snapshot.entities = EntityTable(std::move(result.entities));
  ListSource source;
  source.dataset = result.dataset;
  source.format = CLEARANCE_FUZZ_FORMAT;
  source.entities = snapshot.entities.size();
  snapshot.sources.push_back(source);
  auto linked = link_parties(snapshot, nullptr, false);
  FUZZ_CHECK(linked.ok(), linked ? "" : linked.error().message);
  snapshot.index_parties();
  for (const Party& party : snapshot.parties) (void)party_to_json(snapshot, party).dump();

  const std::string bytes = encode_snapshot(snapshot);
  auto decoded = decode_snapshot(bytes, "fuzz");
  FUZZ_CHECK(decoded.ok(), decoded ? "" : decoded.error().message);
  FUZZ_CHECK(decoded->entities.size() == snapshot.entities.size(), "entities lost in the codec");
  FUZZ_CHECK(decoded->parties.size() == snapshot.parties.size(), "parties lost in the codec");
  return 0;
}
