#pragma once
// The records of a snapshot. An import builds them in memory; a snapshot loaded from the store
// keeps them encoded in the mapped file and decodes a record the first time something reads it, so
// a process that screens one name decodes the few records it reports, not all of them.
//
// Reading is safe from any number of threads (a record decoded by two at once is kept once).
// Writing is for whoever owns the snapshot alone (an import, a test): it first decodes every
// record, after which the table is an ordinary vector.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

#include "clearance/model/entity.h"

namespace clearance {

class EntityTable {
 public:
  // Decodes one record from its encoded bytes.
  using Decoder = void (*)(std::string_view encoded, Entity& out);

  EntityTable() = default;
  explicit EntityTable(std::vector<Entity> entities) : owned_(std::move(entities)) {}
  EntityTable(std::initializer_list<Entity> entities) : owned_(entities) {}
  // Records decoded on demand: record i is encoded in bytes[starts[i], starts[i + 1]); `owner`
  // keeps the bytes alive (the mapped file).
  static EntityTable on_demand(std::shared_ptr<const void> owner, std::string_view bytes,
                               std::vector<uint64_t> starts, Decoder decode);

  EntityTable(const EntityTable& other);
  EntityTable& operator=(const EntityTable& other);
  EntityTable(EntityTable&&) noexcept = default;
  EntityTable& operator=(EntityTable&&) noexcept = default;
  ~EntityTable();

  size_t size() const { return lazy_ ? lazy_->count : owned_.size(); }
  bool empty() const { return size() == 0; }
  const Entity& operator[](size_t i) const { return lazy_ ? lazy_->get(i) : owned_[i]; }
  const Entity& at(size_t i) const;  // throws std::out_of_range past the end
  const Entity& front() const { return (*this)[0]; }
  const Entity& back() const { return (*this)[size() - 1]; }
  // Records decoded so far (all of them for a table built in memory).
  size_t decoded() const;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Entity;
    using difference_type = std::ptrdiff_t;
    using pointer = const Entity*;
    using reference = const Entity&;
    const_iterator() = default;
    const_iterator(const EntityTable* table, size_t at) : table_(table), at_(at) {}
    reference operator*() const { return (*table_)[at_]; }
    pointer operator->() const { return &(*table_)[at_]; }
    reference operator[](difference_type n) const { return (*table_)[at_ + n]; }
    const_iterator& operator++() { return ++at_, *this; }
    const_iterator operator++(int) { return {table_, at_++}; }
    const_iterator& operator--() { return --at_, *this; }
    const_iterator operator--(int) { return {table_, at_--}; }
    const_iterator& operator+=(difference_type n) { return at_ += n, *this; }
    const_iterator& operator-=(difference_type n) { return at_ -= n, *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const_iterator a, const_iterator b) {
      return static_cast<difference_type>(a.at_) - static_cast<difference_type>(b.at_);
    }
    friend bool operator==(const_iterator a, const_iterator b) { return a.at_ == b.at_; }
    friend auto operator<=>(const_iterator a, const_iterator b) { return a.at_ <=> b.at_; }

   private:
    const EntityTable* table_ = nullptr;
    size_t at_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  // Writing. Each decodes every record first if the table was loaded.
  std::vector<Entity>& edit();
  void push_back(Entity e) { edit().push_back(std::move(e)); }
  void reserve(size_t n) { edit().reserve(n); }
  void sort_by_id();  // the order of a snapshot's records
  void clear() {
    lazy_.reset();
    owned_.clear();
  }

  friend bool operator==(const EntityTable& a, const EntityTable& b);

 private:
  struct OnDemand {
    std::shared_ptr<const void> owner;
    std::string_view bytes;
    std::vector<uint64_t> starts;  // count + 1 offsets into bytes
    Decoder decode = nullptr;
    size_t count = 0;
    std::unique_ptr<std::atomic<const Entity*>[]> slots;  // decoded records, null until read
    const Entity& get(size_t i) const {
      const Entity* e = slots[i].load(std::memory_order_acquire);
      return e ? *e : decode_slot(i);
    }
    const Entity& decode_slot(size_t i) const;
    ~OnDemand();
  };
  static std::unique_ptr<OnDemand> share(const OnDemand& from);

  std::vector<Entity> owned_;
  std::unique_ptr<OnDemand> lazy_;
};

}  // namespace clearance
