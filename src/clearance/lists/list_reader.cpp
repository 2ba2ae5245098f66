#include "clearance/lists/list_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace clearance {

std::string to_string(const ParseIssue& issue) {
  std::string where = issue.file;
  if (issue.line > 0) where += fmt::format(":{}", issue.line);
  if (!issue.field.empty()) where += fmt::format(" [{}]", issue.field);
  return fmt::format("{}: {}", where, issue.message);
}

ReaderRegistry& ReaderRegistry::instance() {
  static ReaderRegistry registry;
  return registry;
}

void ReaderRegistry::add(std::unique_ptr<ListReader> reader) {
  readers_.push_back(std::move(reader));
  // Keep a stable order regardless of static initialisation order.
  std::sort(readers_.begin(), readers_.end(),
            [](const auto& a, const auto& b) { return a->format() < b->format(); });
}

const ListReader* ReaderRegistry::find(std::string_view format) const {
  for (const auto& reader : readers_)
    if (reader->format() == format) return reader.get();
  return nullptr;
}

const ListReader* ReaderRegistry::detect(std::string_view path, std::string_view head) const {
  const ListReader* best = nullptr;
  int best_score = 0;
  for (const auto& reader : readers_) {
    const int score = reader->recognize(path, head);
    if (score > best_score) {
      best = reader.get();
      best_score = score;
    }
  }
  return best;
}

std::vector<const ListReader*> ReaderRegistry::all() const {
  std::vector<const ListReader*> out;
  for (const auto& reader : readers_) out.push_back(reader.get());
  return out;
}

}  // namespace clearance
