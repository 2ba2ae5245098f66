#include "clearance/lists/snapshot_codec.h"

#include <fmt/format.h>

#include <cstring>
#include <map>

#include "clearance/util/sha256.h"

namespace clearance {

namespace {

constexpr std::string_view kMagic = "CLRSNAP1";

class Writer {
 public:
  void u32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u64(uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u8(uint8_t v) { out_ += static_cast<char>(v); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reads: a corrupt length never reads past the buffer.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  uint32_t u32() { return pod<uint32_t>(); }
  uint64_t u64() { return pod<uint64_t>(); }
  uint8_t u8() { return pod<uint8_t>(); }
  std::string str() {
    const uint32_t n = u32();
    if (!ok_ || n > data_.size() - pos_) return fail<std::string>();
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::vector<std::string> strs() {
    const uint32_t n = u32();
    std::vector<std::string> v;
    if (!ok_ || n > data_.size() - pos_) return fail<std::vector<std::string>>();
    v.reserve(n);
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(str());
    return v;
  }
  uint32_t count() {
    const uint32_t n = u32();
    return ok_ && n <= data_.size() - pos_ ? n : fail<uint32_t>();
  }

 private:
  template <typename T>
  T pod() {
    if (!ok_ || sizeof(T) > data_.size() - pos_) return fail<T>();
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  template <typename T>
  T fail() {
    ok_ = false;
    return T{};
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void encode_entity(Writer& w, const Entity& e) {
  for (const std::string* s : {&e.id, &e.dataset, &e.list, &e.sub_list, &e.source_id}) w.str(*s);
  w.u8(static_cast<uint8_t>(e.type));
  w.str(e.name);
  w.u32(static_cast<uint32_t>(e.aliases.size()));
  for (const auto& a : e.aliases) {
    w.str(a.name);
    w.u8(static_cast<uint8_t>(a.kind));
  }
  w.u32(static_cast<uint32_t>(e.addresses.size()));
  for (const auto& a : e.addresses)
    for (const std::string* s :
         {&a.street, &a.city, &a.state, &a.postal_code, &a.country, &a.country_text, &a.full})
      w.str(*s);
  w.u32(static_cast<uint32_t>(e.identifiers.size()));
  for (const auto& i : e.identifiers)
    for (const std::string* s : {&i.type, &i.number, &i.country, &i.issued, &i.expires, &i.note})
      w.str(*s);
  for (const auto* v :
       {&e.dates_of_birth, &e.places_of_birth, &e.nationalities, &e.citizenships, &e.programs})
    w.strs(*v);
  for (const std::string* s :
       {&e.listed_on, &e.end_date, &e.remarks, &e.source_url, &e.license_requirement,
        &e.license_policy, &e.federal_register_notice})
    w.str(*s);
  w.u32(static_cast<uint32_t>(e.properties.size()));
  for (const auto& p : e.properties) {
    w.str(p.key);
    w.str(p.value);
  }
}

void decode_entity(Reader& r, Entity& e) {
  for (std::string* s : {&e.id, &e.dataset, &e.list, &e.sub_list, &e.source_id}) *s = r.str();
  e.type = static_cast<EntityType>(r.u8());
  e.name = r.str();
  e.aliases.resize(r.count());
  for (auto& a : e.aliases) {
    a.name = r.str();
    a.kind = static_cast<AliasKind>(r.u8());
  }
  e.addresses.resize(r.count());
  for (auto& a : e.addresses)
    for (std::string* s :
         {&a.street, &a.city, &a.state, &a.postal_code, &a.country, &a.country_text, &a.full})
      *s = r.str();
  e.identifiers.resize(r.count());
  for (auto& i : e.identifiers)
    for (std::string* s : {&i.type, &i.number, &i.country, &i.issued, &i.expires, &i.note})
      *s = r.str();
  for (auto* v :
       {&e.dates_of_birth, &e.places_of_birth, &e.nationalities, &e.citizenships, &e.programs})
    *v = r.strs();
  for (std::string* s : {&e.listed_on, &e.end_date, &e.remarks, &e.source_url,
                         &e.license_requirement, &e.license_policy, &e.federal_register_notice})
    *s = r.str();
  e.properties.resize(r.count());
  for (auto& p : e.properties) {
    p.key = r.str();
    p.value = r.str();
  }
}

struct Framed {
  std::string_view manifest;
  std::string_view payload;
};

Result<Framed> unframe(std::string_view bytes, const std::string& name) {
  if (bytes.substr(0, kMagic.size()) != kMagic)
    return make_error(ErrorCode::format, fmt::format("{}: not a Clearance snapshot file", name));
  Reader r(bytes.substr(kMagic.size()));
  const uint32_t manifest_length = r.u32();
  const size_t manifest_at = kMagic.size() + 4;
  if (!r.ok() || manifest_length > bytes.size() - manifest_at)
    return make_error(ErrorCode::integrity, fmt::format("{}: snapshot file is truncated", name));
  Framed framed;
  framed.manifest = bytes.substr(manifest_at, manifest_length);
  Reader tail(bytes.substr(manifest_at + manifest_length));
  const uint64_t payload_length = tail.u64();
  const size_t payload_at = manifest_at + manifest_length + 8;
  if (!tail.ok() || payload_length != bytes.size() - payload_at)
    return make_error(ErrorCode::integrity, fmt::format("{}: snapshot file is truncated", name));
  framed.payload = bytes.substr(payload_at);
  return framed;
}

}  // namespace

nlohmann::ordered_json manifest_of(const Snapshot& s) {
  nlohmann::ordered_json m;
  m["id"] = s.id;
  m["content_hash"] = s.content_hash;
  m["created_at"] = s.created_at;
  m["entity_count"] = s.entities.size();
  auto& sources = m["sources"] = nlohmann::ordered_json::array();
  for (const auto& src : s.sources) {
    nlohmann::ordered_json j;
    j["dataset"] = src.dataset;
    j["format"] = src.format;
    j["published"] = src.published;
    j["imported_at"] = src.imported_at;
    j["entities"] = src.entities;
    j["skipped"] = src.skipped;
    auto& files = j["files"] = nlohmann::ordered_json::array();
    for (const auto& f : src.files)
      files.push_back(
          {{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}, {"modified", f.modified}});
    sources.push_back(std::move(j));
  }
  // Per list and sub-list: count and newest listing date, the figures `lists info` prints.
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<uint64_t, std::string>>
      lists;
  for (const auto& e : s.entities) {
    auto& [count, newest] = lists[{e.dataset, e.list, e.sub_list}];
    ++count;
    if (e.listed_on > newest) newest = e.listed_on;
  }
  auto& out = m["lists"] = nlohmann::ordered_json::array();
  for (const auto& [key, value] : lists)
    out.push_back({{"dataset", std::get<0>(key)},
                   {"list", std::get<1>(key)},
                   {"sub_list", std::get<2>(key)},
                   {"entities", value.first},
                   {"newest_listing", value.second}});
  return m;
}

std::string encode_snapshot(Snapshot& snapshot) {
  Writer payload;
  payload.u32(static_cast<uint32_t>(snapshot.entities.size()));
  for (const auto& e : snapshot.entities) encode_entity(payload, e);
  snapshot.content_hash = sha256_hex(payload.bytes());
  snapshot.id = snapshot.content_hash.substr(0, 16);
  const std::string manifest = manifest_of(snapshot).dump();
  Writer file;
  file.bytes().append(kMagic);
  file.str(manifest);
  file.u64(payload.bytes().size());
  file.bytes().append(payload.bytes());
  return std::move(file.bytes());
}

Result<nlohmann::ordered_json> read_manifest(std::string_view bytes, const std::string& name) {
  auto framed = unframe(bytes, name);
  if (!framed) return framed.error();
  auto manifest = nlohmann::ordered_json::parse(framed->manifest, nullptr, false);
  if (manifest.is_discarded())
    return make_error(ErrorCode::integrity, fmt::format("{}: snapshot manifest is corrupt", name));
  return manifest;
}

Result<Snapshot> decode_snapshot(std::string_view bytes, const std::string& name) {
  auto framed = unframe(bytes, name);
  if (!framed) return framed.error();
  auto manifest = read_manifest(bytes, name);
  if (!manifest) return manifest.error();
  Snapshot s;
  const auto& m = manifest.value();
  s.id = m.value("id", "");
  s.content_hash = m.value("content_hash", "");
  s.created_at = m.value("created_at", "");
  if (sha256_hex(framed->payload) != s.content_hash)
    return make_error(
        ErrorCode::integrity,
        fmt::format("{}: snapshot content does not match its hash (damaged file)", name));
  for (const auto& j : m.at("sources")) {
    ListSource src;
    src.dataset = j.value("dataset", "");
    src.format = j.value("format", "");
    src.published = j.value("published", "");
    src.imported_at = j.value("imported_at", "");
    src.entities = j.value("entities", uint64_t{0});
    src.skipped = j.value("skipped", uint64_t{0});
    for (const auto& f : j.at("files"))
      src.files.push_back({f.value("path", ""), f.value("sha256", ""),
                           f.value("bytes", uint64_t{0}), f.value("modified", "")});
    s.sources.push_back(std::move(src));
  }
  Reader r(framed->payload);
  s.entities.resize(r.count());
  for (auto& e : s.entities) {
    decode_entity(r, e);
    if (!r.ok()) break;
  }
  if (!r.ok())
    return make_error(ErrorCode::integrity, fmt::format("{}: snapshot payload is malformed", name));
  return s;
}

}  // namespace clearance
