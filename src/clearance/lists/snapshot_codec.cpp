#include "clearance/lists/snapshot_codec.h"

#include <fmt/format.h>

#include <cstring>
#include <future>
#include <map>

#include "clearance/lists/listed_names.h"
#include "clearance/lists/party_linker.h"
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
  void skip_str() {
    const uint32_t n = u32();
    if (!ok_ || n > data_.size() - pos_) return fail<void>();
    pos_ += n;
  }
  size_t position() const { return pos_; }
  std::vector<std::string> strs() {
    const uint32_t n = u32();
    std::vector<std::string> v;
    if (!ok_ || n > data_.size() - pos_) return fail<std::vector<std::string>>();
    v.reserve(n);
    for (uint32_t i = 0; i < n && ok_; ++i) v.push_back(str());
    return v;
  }
  bool at_end() const { return pos_ == data_.size(); }
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
    if constexpr (!std::is_void_v<T>) return T{};
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

// One walk over an encoded record: decoding it into `e` (Keep) or only finding where it ends
// (the record is then left untouched), so that both read the one layout encode_entity writes.
template <bool Keep>
void read_entity(Reader& r, Entity& e) {
  auto text = [&r](std::string& s) {
    if constexpr (Keep)
      s = r.str();
    else
      r.skip_str();
  };
  auto texts = [&](std::vector<std::string>& v) {
    const uint32_t n = r.count();
    if constexpr (Keep) {
      v.resize(n);
      for (auto& s : v) text(s);
    } else {
      for (uint32_t i = 0; i < n && r.ok(); ++i) r.skip_str();
    }
  };
  // A counted list of items, each read by `one`.
  auto items = [&r](auto& v, auto one) {
    const uint32_t n = r.count();
    if constexpr (Keep) {
      v.resize(n);
      for (auto& x : v) one(x);
    } else {
      typename std::decay_t<decltype(v)>::value_type scratch;
      for (uint32_t i = 0; i < n && r.ok(); ++i) one(scratch);
    }
  };
  for (std::string* s : {&e.id, &e.dataset, &e.list, &e.sub_list, &e.source_id}) text(*s);
  const auto type = static_cast<EntityType>(r.u8());
  if constexpr (Keep) e.type = type;
  text(e.name);
  items(e.aliases, [&](Alias& a) {
    text(a.name);
    const auto kind = static_cast<AliasKind>(r.u8());
    if constexpr (Keep) a.kind = kind;
  });
  items(e.addresses, [&](Address& a) {
    for (std::string* s :
         {&a.street, &a.city, &a.state, &a.postal_code, &a.country, &a.country_text, &a.full})
      text(*s);
  });
  items(e.identifiers, [&](Identifier& i) {
    for (std::string* s : {&i.type, &i.number, &i.country, &i.issued, &i.expires, &i.note})
      text(*s);
  });
  for (auto* v :
       {&e.dates_of_birth, &e.places_of_birth, &e.nationalities, &e.citizenships, &e.programs})
    texts(*v);
  for (std::string* s : {&e.listed_on, &e.end_date, &e.remarks, &e.source_url,
                         &e.license_requirement, &e.license_policy, &e.federal_register_notice})
    text(*s);
  items(e.properties, [&](Property& p) {
    text(p.key);
    text(p.value);
  });
}

// For records decoded on demand: the bytes are those the load checked against the content hash
// and walked whole, so a record always decodes.
void decode_one_entity(std::string_view encoded, Entity& e) {
  Reader r(encoded);
  read_entity<true>(r, e);
}

// Parties follow the entities in the payload (so the content hash covers them). A payload that
// ends after the entities was written before parties existed.
void encode_parties(Writer& w, const Snapshot& s) {
  w.u32(static_cast<uint32_t>(s.parties.size()));
  for (const Party& p : s.parties) {
    w.str(p.id);
    w.u32(static_cast<uint32_t>(p.members.size()));
    for (uint32_t m : p.members) w.u32(m);
    w.strs(p.former_ids);
  }
  w.u32(static_cast<uint32_t>(s.links.size()));
  for (const PartyLink& l : s.links) {
    w.u32(l.a);
    w.u32(l.b);
    w.u8(static_cast<uint8_t>(l.reason));
    w.str(l.detail);
  }
  w.u32(static_cast<uint32_t>(s.user_links.size()));
  for (const UserLink& u : s.user_links) {
    w.str(u.a);
    w.str(u.b);
    w.u8(u.same ? 1 : 0);
  }
}

bool decode_parties(Reader& r, Snapshot& s) {
  const size_t n = s.entities.size();
  s.parties.resize(r.count());
  for (Party& p : s.parties) {
    p.id = r.str();
    p.members.resize(r.count());
    for (uint32_t& m : p.members)
      if ((m = r.u32()) >= n) return false;
    p.former_ids = r.strs();
    if (!r.ok()) return false;
  }
  s.links.resize(r.count());
  for (PartyLink& l : s.links) {
    l.a = r.u32();
    l.b = r.u32();
    const uint8_t reason = r.u8();
    if (l.a >= n || l.b >= n || reason > static_cast<uint8_t>(LinkReason::name_country_regime))
      return false;
    l.reason = static_cast<LinkReason>(reason);
    l.detail = r.str();
  }
  s.user_links.resize(r.count());
  for (UserLink& u : s.user_links) {
    u.a = r.str();
    u.b = r.str();
    u.same = r.u8() != 0;
  }
  return r.ok() && r.at_end();
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
  m["party_count"] = s.parties.size();
  std::map<std::string, uint64_t> by_reason;
  for (const auto& l : s.links) ++by_reason[to_string(l.reason)];
  m["links_by_reason"] = by_reason;
  m["user_links"] = s.user_links.size();
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
  // The project's table of Chinese names of listed parties: per list, records it gave names to.
  auto& added = m["added_names"] = nlohmann::ordered_json::array();
  for (const auto& [list, counts] : listed_name_coverage(s.entities))
    if (counts.second > 0)
      added.push_back({{"list", list},
                       {"table", "data/names/chinese_names.csv"},
                       {"records_named", counts.first},
                       {"records", counts.second}});
  return m;
}

std::string encode_snapshot(Snapshot& snapshot) {
  Writer payload;
  payload.u32(static_cast<uint32_t>(snapshot.entities.size()));
  for (const auto& e : snapshot.entities) encode_entity(payload, e);
  encode_parties(payload, snapshot);
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

Result<Snapshot> decode_snapshot(std::string_view bytes, const std::string& name,
                                 std::shared_ptr<const void> owner) {
  auto framed = unframe(bytes, name);
  if (!framed) return framed.error();
  auto manifest = read_manifest(bytes, name);
  if (!manifest) return manifest.error();
  Snapshot s;
  const auto& m = manifest.value();
  s.id = m.value("id", "");
  s.content_hash = m.value("content_hash", "");
  s.created_at = m.value("created_at", "");
  // The hash is checked on another core while this one decodes: a snapshot that does not match
  // is refused all the same, once both are done.
  auto hash =
      std::async(std::launch::async, [payload = framed->payload] { return sha256_hex(payload); });
  auto refuse_if_damaged = [&]() -> Status {
    if (hash.get() != s.content_hash)
      return make_error(
          ErrorCode::integrity,
          fmt::format("{}: snapshot content does not match its hash (damaged file)", name));
    return Ok{};
  };
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
  if (const auto lists = m.find("lists"); lists != m.end() && lists->is_array())
    for (const auto& j : *lists)
      s.dataset_lists.emplace_back(j.value("dataset", ""), j.value("list", ""));
  Reader r(framed->payload);
  const uint32_t count = r.count();
  if (owner) {
    // Where each record starts, found by walking the records without decoding them.
    std::vector<uint64_t> starts;
    starts.reserve(size_t{count} + 1);
    Entity unused;
    for (uint32_t i = 0; i < count && r.ok(); ++i) {
      starts.push_back(r.position());
      read_entity<false>(r, unused);
    }
    starts.push_back(r.position());
    if (r.ok())
      s.entities = EntityTable::on_demand(std::move(owner), framed->payload, std::move(starts),
                                          decode_one_entity);
  } else {
    std::vector<Entity>& entities = s.entities.edit();
    entities.resize(count);
    for (auto& e : entities) {
      read_entity<true>(r, e);
      if (!r.ok()) break;
    }
  }
  const bool parties_ok = !r.ok() || r.at_end() || decode_parties(r, s);
  if (auto st = refuse_if_damaged(); !st) return st.error();
  if (!r.ok() || !parties_ok)
    return make_error(ErrorCode::integrity, fmt::format("{}: snapshot payload is malformed", name));
  if (s.parties.empty()) {
    // Written before parties existed: link its records now (ids as a fresh import would give).
    auto linked = link_parties(s, nullptr, false);
    if (!linked) return linked.error();
  } else {
    s.index_parties();
  }
  return s;
}

}  // namespace clearance
