// BIS Denied Persons List, the tab-delimited text file BIS publishes (dpl.txt): a header row
// ("Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
// "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation"), fields quoted,
// dates as MM/DD/YYYY (Last_Update as YYYY-MM-DD). One row per denial order and address.
#include <fmt/format.h>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

class BisDplTxtReader final : public ListReader {
 public:
  std::string_view format() const override { return "bis-dpl-txt"; }
  std::string_view description() const override {
    return "BIS Denied Persons List, tab-delimited dpl.txt";
  }

  int recognize(std::string_view, std::string_view head) const override {
    std::string_view h = head;
    if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    const bool header = h.find("Name") < 4 && h.find("Street_Address") != std::string_view::npos &&
                        h.find("FR_Citation") != std::string_view::npos &&
                        h.find('\t') != std::string_view::npos;
    return header ? 95 : 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.dataset = "bis_dpl";
    result.files = {path};
    CsvReader reader(content, '\t');
    CsvRecord row;
    auto first = reader.next(row);
    if (!first) return first.error();
    if (!first.value()) return make_error(ErrorCode::format, fmt::format("{}: empty file", path));
    if (!row.fields.empty() && row.fields[0].substr(0, 3) == "\xEF\xBB\xBF")
      row.fields[0].erase(0, 3);
    const CsvHeader header(row.fields);
    for (const char* column : {"Name", "Country", "Effective_Date", "FR_Citation"})
      if (!header.has(column))
        return make_error(
            ErrorCode::format,
            fmt::format("{}: no '{}' column; not the Denied Persons List", path, column));
    CountryResolver countries;
    auto get = [&](const char* column) {
      return collapse_whitespace(field_or_empty(row, header.index(column)));
    };
    std::string newest;
    while (true) {
      auto more = reader.next(row);
      if (!more) return more.error();
      if (!more.value()) break;
      Entity e;
      e.name = get("Name");
      if (e.name.empty()) {
        result.issues.push_back({path, row.line, "Name", "name is empty"});
        continue;
      }
      if (!is_valid_utf8(e.name)) {
        result.issues.push_back({path, row.line, "Name", "invalid UTF-8"});
        continue;
      }
      e.dataset = "bis_dpl";
      e.list = "DPL";
      Address a;
      a.street = get("Street_Address");
      a.city = get("City");
      a.state = get("State");
      a.postal_code = get("Postal_Code");
      a.country_text = get("Country");
      a.country = countries.resolve(a.country_text);
      for (const auto* part : {&a.street, &a.city, &a.state, &a.postal_code, &a.country_text})
        if (!part->empty()) a.full += (a.full.empty() ? "" : ", ") + *part;
      if (!a.full.empty()) e.addresses.push_back(std::move(a));
      e.listed_on = iso_date(get("Effective_Date"), DateOrder::month_day_year);
      e.end_date = iso_date(get("Expiration_Date"), DateOrder::month_day_year);
      e.federal_register_notice = get("FR_Citation");
      if (std::string order = get("Standard_Order"); !order.empty())
        e.properties.push_back({"standard_order", order});
      if (std::string action = get("Action"); !action.empty())
        e.properties.push_back({"last_action", action});
      const std::string updated = iso_date(get("Last_Update"), DateOrder::month_day_year);
      if (updated > newest) newest = updated;
      result.entities.push_back(std::move(e));
    }
    // The file states no publication date: its latest update is the best there is.
    result.published = newest;
    assign_entity_ids(result.entities);
    return result;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(BisDplTxtReader)

}  // namespace clearance
