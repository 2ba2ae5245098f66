// The UK Sanctions List (FCDO) as the spreadsheet it is published in, OpenDocument (.ods): one
// sheet, a header row (Unique ID, OFSI Group ID, Name, Regime Name, Type, Designation source,
// Date Designated, Sanctions Imposed), one row per designated name. Only the sheet's content.xml
// is inflated; cells are read by column position (repeated cells expanded), the header naming the
// columns.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <pugixml.hpp>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/strings.h"
#include "clearance/util/zip_archive.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

// The text of a cell: its paragraphs joined by a space.
std::string cell_text(const pugi::xml_node& cell) {
  std::string out;
  for (const auto& p : cell.children("text:p")) {
    std::string text;
    for (const auto& node : p.select_nodes(".//text()")) text += node.node().value();
    if (!text.empty()) out += (out.empty() ? "" : " ") + text;
  }
  return collapse_whitespace(out);
}

std::vector<std::string> row_cells(const pugi::xml_node& row, size_t wanted) {
  std::vector<std::string> cells;
  for (const auto& cell : row.children()) {
    const std::string_view tag = cell.name();
    if (tag != "table:table-cell" && tag != "table:covered-table-cell") continue;
    const size_t repeat =
        std::max<size_t>(1, cell.attribute("table:number-columns-repeated").as_uint());
    const std::string text = cell_text(cell);
    for (size_t i = 0; i < repeat && cells.size() < wanted; ++i) cells.push_back(text);
    if (cells.size() >= wanted) break;
  }
  cells.resize(wanted);
  return cells;
}

EntityType type_of(std::string_view type) {
  if (iequals(type, "Individual")) return EntityType::person;
  if (iequals(type, "Entity")) return EntityType::organization;
  if (iequals(type, "Ship")) return EntityType::vessel;
  return EntityType::unknown;
}

class UkFcdoOdsReader final : public ListReader {
 public:
  std::string_view format() const override { return "uk-fcdo-ods"; }
  std::string_view description() const override {
    return "UK Sanctions List (FCDO), OpenDocument spreadsheet (.ods)";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    // The mimetype member should come first, uncompressed, but spreadsheet programs do not all
    // write it there: an .ods name or the mimetype will do, the header row decides in read().
    if (!looks_like_zip(head)) return 0;
    const std::string name = ascii_lower(fs::path(path).filename().string());
    const bool ods =
        head.find("application/vnd.oasis.opendocument.spreadsheet") != std::string_view::npos ||
        (name.size() > 4 && name.substr(name.size() - 4) == ".ods");
    if (!ods) return 0;
    return name.find("sanction") != std::string::npos || name.find("fcdo") != std::string::npos
               ? 90
               : 40;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.dataset = "uk_fcdo";
    result.files = {path};
    auto xml = unzip_member(content, path, "content.xml");
    if (!xml) return xml.error();
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(xml->data(), xml->size());
    if (!parsed)
      return make_error(ErrorCode::integrity, fmt::format("{}: content.xml is not valid XML ({})",
                                                          path, parsed.description()));
    const pugi::xml_node table = doc.select_node("//table:table").node();
    if (!table)
      return make_error(ErrorCode::format, fmt::format("{}: the spreadsheet has no sheet", path));
    std::map<std::string, size_t> column;
    size_t row_number = 0;
    for (const auto& row : table.select_nodes(".//table:table-row")) {
      ++row_number;
      const size_t repeat =
          std::max<size_t>(1, row.node().attribute("table:number-rows-repeated").as_uint());
      if (column.empty()) {
        const auto header = row_cells(row.node(), 32);
        for (size_t i = 0; i < header.size(); ++i)
          if (!header[i].empty()) column[ascii_lower(header[i])] = i;
        for (const char* required : {"unique id", "name", "regime name", "type"})
          if (!column.count(required))
            return make_error(ErrorCode::format,
                              fmt::format("{}: row 1 has no '{}' column; not the UK Sanctions List",
                                          path, required));
        continue;
      }
      const auto cells = row_cells(row.node(), 32);
      auto get = [&](const char* name) {
        auto it = column.find(name);
        return it == column.end() ? std::string() : cells[it->second];
      };
      Entity e;
      e.source_id = get("unique id");
      e.name = get("name");
      if (e.source_id.empty() && e.name.empty()) {
        row_number += repeat - 1;
        continue;  // blank rows at the end of the sheet
      }
      if (e.name.empty() || e.source_id.empty()) {
        result.issues.push_back({path, row_number, e.name.empty() ? "Name" : "Unique ID", "empty"});
        continue;
      }
      // "PJSC Sberbank (Public Joint-Stock Company Sberbank)": the other name in brackets.
      if (e.name.size() > 2 && e.name.back() == ')') {
        const size_t open = e.name.rfind('(');
        if (open != std::string::npos && open > 0) {
          std::string inner =
              trim_copy(std::string_view(e.name).substr(open + 1, e.name.size() - open - 2));
          std::string outer = trim_copy(std::string_view(e.name).substr(0, open));
          if (!inner.empty() && !outer.empty()) {
            e.aliases.push_back({std::move(inner), AliasKind::aka});
            e.name = std::move(outer);
          }
        }
      }
      e.dataset = "uk_fcdo";
      e.list = "UK";
      e.sub_list = get("regime name");
      if (!e.sub_list.empty()) e.programs.push_back(e.sub_list);
      e.type = type_of(get("type"));
      e.listed_on = iso_date(get("date designated"), DateOrder::day_month_year);
      for (const auto& [header, key] : {std::pair{"ofsi group id", "ofsi_group_id"},
                                        {"designation source", "designation_source"},
                                        {"sanctions imposed", "sanctions_imposed"}})
        if (std::string v = get(header); !v.empty()) e.properties.push_back({key, v});
      result.entities.push_back(std::move(e));
    }
    if (column.empty())
      return make_error(ErrorCode::format, fmt::format("{}: the sheet is empty", path));
    // The file's name carries the download date ("…_2025-08-11.ods"); the sheet has none.
    const std::string stem = fs::path(path).stem().string();
    if (stem.size() >= 10) {
      const std::string tail = iso_date(stem.substr(stem.size() - 10), DateOrder::day_month_year);
      if (tail.size() == 10) result.published = tail;
    }
    assign_entity_ids(result.entities);
    return result;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(UkFcdoOdsReader)

}  // namespace clearance
