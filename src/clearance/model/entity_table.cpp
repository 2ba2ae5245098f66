#include "clearance/model/entity_table.h"

#include <algorithm>
#include <stdexcept>

namespace clearance {

EntityTable EntityTable::on_demand(std::shared_ptr<const void> owner, std::string_view bytes,
                                   std::vector<uint64_t> starts, Decoder decode) {
  EntityTable table;
  auto lazy = std::make_unique<OnDemand>();
  lazy->owner = std::move(owner);
  lazy->bytes = bytes;
  lazy->count = starts.empty() ? 0 : starts.size() - 1;
  lazy->starts = std::move(starts);
  lazy->decode = decode;
  lazy->slots = std::make_unique<std::atomic<const Entity*>[]>(lazy->count);
  table.lazy_ = std::move(lazy);
  return table;
}

const Entity& EntityTable::OnDemand::decode_slot(size_t i) const {
  auto fresh = std::make_unique<Entity>();
  decode(bytes.substr(starts[i], starts[i + 1] - starts[i]), *fresh);
  // Another thread may have decoded the same record meanwhile: the first one kept wins.
  const Entity* expected = nullptr;
  if (slots[i].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel,
                                       std::memory_order_acquire))
    return *fresh.release();
  return *expected;
}

EntityTable::OnDemand::~OnDemand() {
  for (size_t i = 0; i < count; ++i) delete slots[i].load(std::memory_order_relaxed);
}

// A copy reads the same bytes but decodes for itself: records are never shared between tables.
std::unique_ptr<EntityTable::OnDemand> EntityTable::share(const OnDemand& from) {
  return on_demand(from.owner, from.bytes, from.starts, from.decode).lazy_;
}

EntityTable::EntityTable(const EntityTable& other)
    : owned_(other.owned_), lazy_(other.lazy_ ? share(*other.lazy_) : nullptr) {}

EntityTable& EntityTable::operator=(const EntityTable& other) {
  if (this != &other) {
    owned_ = other.owned_;
    lazy_ = other.lazy_ ? share(*other.lazy_) : nullptr;
  }
  return *this;
}

EntityTable::~EntityTable() = default;

const Entity& EntityTable::at(size_t i) const {
  if (i >= size()) throw std::out_of_range("EntityTable::at");
  return (*this)[i];
}

size_t EntityTable::decoded() const {
  if (!lazy_) return owned_.size();
  size_t n = 0;
  for (size_t i = 0; i < lazy_->count; ++i)
    n += lazy_->slots[i].load(std::memory_order_relaxed) != nullptr;
  return n;
}

std::vector<Entity>& EntityTable::edit() {
  if (lazy_) {
    std::vector<Entity> all;
    all.reserve(lazy_->count);
    // Decoded records are moved out: this table owns them alone, and drops them just after.
    for (size_t i = 0; i < lazy_->count; ++i)
      all.push_back(std::move(const_cast<Entity&>(lazy_->get(i))));
    lazy_.reset();
    owned_ = std::move(all);
  }
  return owned_;
}

void EntityTable::sort_by_id() {
  std::vector<Entity>& all = edit();
  std::sort(all.begin(), all.end(), [](const Entity& a, const Entity& b) { return a.id < b.id; });
}

bool operator==(const EntityTable& a, const EntityTable& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i])) return false;
  return true;
}

}  // namespace clearance
