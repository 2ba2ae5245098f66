// The Python binding (module clearance._clearance): an engine loaded once from a data directory
// or a snapshot file, screening one name or many (on every core, the GIL released), comparing,
// classifying and checking — the library's own functions and JSON contract, as Python objects.
// Errors raise clearance.ClearanceError with the CLI's messages.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "clearance/batch/batch_input.h"
#include "clearance/batch/batch_runner.h"
#include "clearance/lists/snapshot_store.h"
#include "clearance/match/list_filter.h"
#include "clearance/match/screen_output.h"
#include "clearance/match/screening_engine.h"
#include "clearance/model/party_json.h"
#include "clearance/rules/classifier.h"
#include "clearance/rules/determination.h"
#include "clearance/rules/license_check.h"
#include "clearance/rules/rulebook.h"
#include "clearance/rules/transaction_json.h"
#include "clearance/util/dates.h"

namespace py = pybind11;
using namespace clearance;

namespace {

py::object clearance_error;  // clearance.ClearanceError, set at import

[[noreturn]] void raise(const std::string& message) {
  PyErr_SetString(clearance_error.ptr(), message.c_str());
  throw py::error_already_set();
}

template <typename T>
T value_or_raise(Result<T> r) {
  if (!r) raise(r.error().message);
  return std::move(r.value());
}

// JSON (the library's output contract) → dict, list, str, int, float, bool, None.
template <typename Json>
py::object convert(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      py::dict d;
      for (auto it = j.begin(); it != j.end(); ++it) d[py::str(it.key())] = convert(it.value());
      return d;
    }
    case Json::value_t::array: {
      py::list l(j.size());
      size_t i = 0;
      for (const auto& v : j) l[i++] = convert(v);
      return l;
    }
    case Json::value_t::string:
      // A list's broken byte is replaced, never an exception (as the HTTP API's replace).
      return py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(
          j.template get_ref<const std::string&>().data(),
          static_cast<Py_ssize_t>(j.template get_ref<const std::string&>().size()), "replace"));
    case Json::value_t::boolean:
      return py::bool_(j.template get<bool>());
    case Json::value_t::number_integer:
      return py::int_(j.template get<int64_t>());
    case Json::value_t::number_unsigned:
      return py::int_(j.template get<uint64_t>());
    case Json::value_t::number_float:
      return py::float_(j.template get<double>());
    default:
      return py::none();
  }
}

py::object to_python(const nlohmann::ordered_json& j) {
  return convert(j);
}
py::object to_python(const nlohmann::json& j) {
  return convert(j);
}

// Python value → JSON, for check()'s transaction (the same fields as POST /v1/check).
nlohmann::json to_json(const py::handle& o) {
  if (o.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(o)) return o.cast<bool>();
  if (py::isinstance<py::int_>(o)) return o.cast<int64_t>();
  if (py::isinstance<py::float_>(o)) return o.cast<double>();
  if (py::isinstance<py::str>(o)) return o.cast<std::string>();
  if (py::isinstance<py::dict>(o)) {
    nlohmann::json out = nlohmann::json::object();
    for (auto [k, v] : o.cast<py::dict>()) out[py::str(k).cast<std::string>()] = to_json(v);
    return out;
  }
  if (py::isinstance<py::list>(o) || py::isinstance<py::tuple>(o)) {
    nlohmann::json out = nlohmann::json::array();
    for (auto v : o) out.push_back(to_json(v));
    return out;
  }
  raise(std::string("cannot pass a ") + std::string(py::str(o.get_type().attr("__name__"))) +
        " to the engine");
}

// A text value of a row's field `key`, "" when None (or NaN, pandas' missing cell); a non-text
// value is the row's error.
bool text_value(py::handle v, const char* key, std::string& out, std::string& error) {
  out.clear();
  if (v.is_none()) return true;
  // pandas gives NaN for a missing cell.
  if (PyFloat_Check(v.ptr()) && std::isnan(PyFloat_AsDouble(v.ptr()))) return true;
  if (!py::isinstance<py::str>(v)) {
    error = std::string(key) + ": expected text, got " +
            std::string(py::str(v.get_type().attr("__name__")));
    return false;
  }
  out = v.cast<std::string>();
  return true;
}

// A text field of a row, "" when absent or None; a non-text value is the row's error.
bool text_field(const py::handle& row, const char* key, std::string& out, std::string& error) {
  out.clear();
  if (!py::isinstance<py::dict>(row)) return true;
  auto d = py::reinterpret_borrow<py::dict>(row);
  if (!d.contains(key)) return true;
  return text_value(d[key], key, out, error);
}

struct ScreenSettings {
  float threshold = 0.8f;
  size_t limit = 10;
  std::vector<std::string> lists;
};

class Engine {
 public:
  Engine(const std::optional<std::string>& data_dir, const std::string& snapshot,
         unsigned threads) {
    const std::string dir = SnapshotStore::resolve_data_dir(data_dir.value_or(""));
    SnapshotStore store(dir);
    // A path to a .snap file is read as it is; its stored index is beside it when there is one.
    engine_ = value_or_raise(load_screening_engine(
        store, snapshot, threads ? threads : std::max(1u, std::thread::hardware_concurrency())));
  }

  std::string snapshot_id() const { return engine_->snapshot->id; }
  size_t record_count() const { return engine_->snapshot->entities.size(); }
  size_t party_count() const { return engine_->snapshot->parties.size(); }

  py::object screen(const std::string& name, const std::string& country, const std::string& type,
                    const std::string& dob, const std::string& id, float threshold, size_t limit,
                    const std::vector<std::string>& lists) {
    BatchRow row;
    row.id = "1";  // as the CLI and the API number a lone query
    if (!fill_query(row, name, country, type, dob)) raise(row.error_field + ": " + row.error);
    row.query.identifier = id;
    ScreenSettings s = settings(threshold, limit, lists);
    row.query.lists = s.lists;
    nlohmann::ordered_json out;
    {
      py::gil_scoped_release unlocked;
      out = screen_row(row, s, session_for_caller());
    }
    return to_python(out);
  }

  // Rows: names (str) or dicts with name, and optional id, country, type, dob, identifier. One
  // result per row in input order, as `screen --input` writes it ("line": the row's 1-based
  // position); a row that cannot be screened gives {"id", "line", "error", "field"}.
  py::list screen_many(const py::iterable& rows, unsigned threads, float threshold, size_t limit,
                       const std::vector<std::string>& lists) {
    ScreenSettings s = settings(threshold, limit, lists);
    std::vector<BatchRow> parsed;
    size_t line = 0;
    for (py::handle r : rows) {
      BatchRow row;
      row.line = ++line;
      std::string name, country, type, dob, id, identifier, error;
      if (py::isinstance<py::str>(r)) {
        name = r.cast<std::string>();
      } else if (py::isinstance<py::dict>(r)) {
        (void)(text_field(r, "name", name, error) && text_field(r, "country", country, error) &&
               text_field(r, "type", type, error) && text_field(r, "dob", dob, error) &&
               text_field(r, "identifier", identifier, error));
        // A rejected row keeps its id too, as `screen --input` keeps it.
        auto d = py::reinterpret_borrow<py::dict>(r);
        if (d.contains("id") && !d["id"].is_none()) id = py::str(d["id"]).cast<std::string>();
      } else {
        error = std::string("name: expected text or a dict, got ") +
                std::string(py::str(r.get_type().attr("__name__")));
      }
      row.id = id.empty() ? std::to_string(line) : id;
      if (!error.empty()) {
        row.error_field = error.substr(0, error.find(':'));
        row.error = error;
      } else if (fill_query(row, name, country, type, dob)) {
        row.query.identifier = identifier;
        row.query.lists = s.lists;
      }
      parsed.push_back(std::move(row));
    }
    // Rows are screened in chunks by threads that never touch Python objects; this thread turns
    // each finished chunk into Python objects (holding the GIL) while the next ones are screened,
    // so the conversion overlaps the screening instead of following it.
    constexpr size_t kChunk = 2048;
    const size_t chunks = (parsed.size() + kChunk - 1) / kChunk;
    std::vector<nlohmann::ordered_json> out(parsed.size());
    std::vector<char> done(chunks, 0);
    std::mutex mutex;
    std::condition_variable finished;
    std::atomic<size_t> next{0};
    std::atomic<bool> stop{false};
    const unsigned n =
        std::max(1u, std::min<unsigned>(threads ? threads : std::thread::hardware_concurrency(),
                                        static_cast<unsigned>(std::max<size_t>(chunks, 1))));
    auto work = [&] {
      ScreenSession session;
      for (size_t c; !stop && (c = next++) < chunks;) {
        for (size_t i = c * kChunk; i < std::min(parsed.size(), (c + 1) * kChunk); ++i) {
          if (!parsed[i].error.empty())
            out[i] = {{"id", parsed[i].id},
                      {"line", parsed[i].line},
                      {"error", parsed[i].error},
                      {"field", parsed[i].error_field}};
          else
            out[i] = screen_batch_row(parsed[i], s, session);
        }
        {
          std::lock_guard lock(mutex);
          done[c] = 1;
        }
        finished.notify_all();
      }
    };
    std::vector<std::thread> pool;
    auto join = [&] {
      py::gil_scoped_release unlocked;
      for (auto& th : pool) th.join();
    };
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(work);
    py::list result(out.size());
    try {
      for (size_t c = 0; c < chunks; ++c) {
        {
          py::gil_scoped_release unlocked;
          std::unique_lock lock(mutex);
          finished.wait(lock, [&] { return done[c] != 0; });
        }
        for (size_t i = c * kChunk; i < std::min(parsed.size(), (c + 1) * kChunk); ++i) {
          result[i] = to_python(out[i]);
          out[i] = nullptr;  // its memory back while the rest are screened
        }
      }
    } catch (...) {
      stop = true;
      join();
      throw;
    }
    join();
    return result;
  }

  // Columns in (sequences of equal length, or None), columns of hits out: what
  // clearance.pandas.hits_frame makes of screen_many's results — one row per hit in input order,
  // one for a row without hits, one for a rejected row with its error — built here, without a
  // Python object per result: "position" (the input row's 0-based position), "id", "name",
  // "party_id", "party_name", "score" (NaN without a hit), "lists", "matched_name",
  // "matched_record", "error".
  py::dict screen_columns(const py::sequence& name, const py::object& country,
                          const py::object& type, const py::object& dob, const py::object& id,
                          unsigned threads, float threshold, size_t limit,
                          const std::vector<std::string>& lists) {
    ScreenSettings s = settings(threshold, limit, lists);
    const size_t n = py::len(name);
    struct Column {
      const char* key;
      py::object values;
    };
    std::vector<Column> others = {{"country", country}, {"type", type}, {"dob", dob}};
    for (const Column& c : others)
      if (!c.values.is_none() && py::len(c.values) != n)
        raise(std::string(c.key) + ": expected as many values as names");
    if (!id.is_none() && py::len(id) != n) raise("id: expected as many values as names");
    std::vector<BatchRow> rows(n);
    for (size_t i = 0; i < n; ++i) {
      BatchRow& row = rows[i];
      row.line = i + 1;
      std::string text[4], error;
      bool ok = text_value(name[i], "name", text[0], error);
      for (size_t k = 0; ok && k < others.size(); ++k)
        if (!others[k].values.is_none())
          ok = text_value(others[k].values[py::int_(i)], others[k].key, text[k + 1], error);
      if (!id.is_none()) {
        py::object v = id[py::int_(i)];
        if (!v.is_none()) row.id = py::str(v).cast<std::string>();
      }
      if (row.id.empty()) row.id = std::to_string(i + 1);
      if (!ok) {
        row.error_field = error.substr(0, error.find(':'));
        row.error = error;
      } else if (fill_query(row, text[0], text[1], text[2], text[3])) {
        row.query.lists = s.lists;
      }
    }
    std::vector<ScreenResult> results(n);
    {
      py::gil_scoped_release unlocked;
      std::atomic<size_t> next{0};
      auto work = [&] {
        ScreenSession session;
        for (size_t i; (i = next++) < n;)
          if (rows[i].error.empty()) results[i] = run(rows[i], s, session);
      };
      const unsigned count =
          std::max(1u, std::min<unsigned>(threads ? threads : std::thread::hardware_concurrency(),
                                          static_cast<unsigned>(std::max<size_t>(n, 1))));
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < count; ++t) pool.emplace_back(work);
      work();
      for (auto& th : pool) th.join();
    }
    const Snapshot& snapshot = *engine_->snapshot;
    py::list position, out_id, out_name, party_id, party_name, score, out_lists, matched_name,
        matched_record, out_error;
    const py::object none = py::none(), nan = py::float_(std::nan(""));
    for (size_t i = 0; i < n; ++i) {
      const BatchRow& row = rows[i];
      auto put = [&](const Hit* hit) {
        position.append(i);
        out_id.append(row.id);
        out_name.append(row.error.empty() ? py::object(py::str(row.query.name)) : none);
        if (!hit) {
          for (py::list* c : {&party_id, &party_name, &out_lists, &matched_name, &matched_record})
            c->append(none);
          score.append(nan);
          out_error.append(row.error.empty() ? none : py::object(py::str(row.error)));
          return;
        }
        const Party single{hit->entity->id, {hit->entity_index}, {}};
        const Party& party = hit->party ? *hit->party : single;
        std::string joined;
        for (const auto& c : party_lists(snapshot, party))
          joined += (joined.empty() ? "" : ",") + c;
        party_id.append(party.id);
        party_name.append(clearance::party_name(snapshot, party));
        score.append(std::round(static_cast<double>(hit->score) * 1000.0) / 1000.0);
        out_lists.append(joined);
        matched_name.append(hit->matched_name());
        matched_record.append(hit->entity->id);
        out_error.append(none);
      };
      if (!row.error.empty() || results[i].hits.empty()) put(nullptr);
      for (const Hit& h : results[i].hits) put(&h);
    }
    py::dict columns;
    columns["position"] = position;
    columns["id"] = out_id;
    columns["name"] = out_name;
    columns["party_id"] = party_id;
    columns["party_name"] = party_name;
    columns["score"] = score;
    columns["lists"] = out_lists;
    columns["matched_name"] = matched_name;
    columns["matched_record"] = matched_record;
    columns["error"] = out_error;
    return columns;
  }

  py::object compare(const std::string& a, const std::string& b, const std::string& type) {
    const EntityType t = type.empty() ? EntityType::unknown : entity_type_from_string(type);
    if (!type.empty() && t == EntityType::unknown)
      raise("type: '" + type + "' is not person, organization, vessel or aircraft");
    nlohmann::ordered_json out;
    {
      py::gil_scoped_release unlocked;
      out = compare_to_json(*engine_->screener, a, b, t, session_for_caller());
    }
    return to_python(out);
  }

  py::object check(const py::dict& transaction, float threshold) {
    nlohmann::json body = to_json(transaction);
    if (!body.contains("date")) body["date"] = utc_now_iso().substr(0, 10);
    auto tx = value_or_raise(rules::transaction_from_json(body, rules::ChipCatalog::builtin()));
    rules::CheckOptions options;
    options.party_threshold = threshold;
    options.screener = engine_->screener.get();
    auto d = value_or_raise(rules::check_license(tx, rules::Rulebook::builtin(), options));
    nlohmann::json out = rules::to_json(d);
    out["snapshot"] = engine_->snapshot->id;
    return to_python(out);
  }

 private:
  ScreenSettings settings(float threshold, size_t limit, const std::vector<std::string>& lists) {
    if (!(threshold >= 0 && threshold <= 1)) raise("threshold: expected a number from 0 to 1");
    if (limit < 1 || limit > 1000) raise("limit: expected an integer from 1 to 1000");
    ScreenSettings s;
    s.threshold = threshold;
    s.limit = limit;
    s.lists = value_or_raise(resolve_list_filter(*engine_->snapshot, lists));
    return s;
  }

  ScreenResult run(const BatchRow& row, const ScreenSettings& s, ScreenSession& session) const {
    ScreenOptions options;
    options.threshold = s.threshold;
    options.limit = s.limit;
    return engine_->screener->screen(row.query, options, session);
  }

  // As `clearance screen --format json` prints a query.
  nlohmann::ordered_json screen_row(const BatchRow& row, const ScreenSettings& s,
                                    ScreenSession& session) const {
    return screen_result_to_json(row.id, row.query, run(row, s, session), *engine_->screener,
                                 engine_->snapshot->id, s.threshold);
  }

  // As `clearance screen --input` writes a row (batch_row_to_json).
  nlohmann::ordered_json screen_batch_row(const BatchRow& row, const ScreenSettings& s,
                                          ScreenSession& session) const {
    return batch_row_to_json(row, run(row, s, session), *engine_->screener, engine_->snapshot->id);
  }

  // One scratch per calling thread (Python threads may share an engine).
  static ScreenSession& session_for_caller() {
    thread_local ScreenSession session;
    return session;
  }

  std::unique_ptr<ScreeningEngine> engine_;
};

py::object classify(const std::optional<std::string>& chip, const std::optional<py::dict>& spec,
                    const std::string& date, const std::string& form,
                    const std::string& described_in) {
  if (chip.has_value() == spec.has_value())
    raise("chip: give exactly one of chip (a catalogue name) or spec (the chip's figures)");
  rules::ChipSpec c;
  if (chip) {
    c = *value_or_raise(rules::ChipCatalog::builtin().find(*chip));
  } else {
    c = value_or_raise(rules::parse_chip_spec(to_json(*spec).dump(), "spec"));
  }
  rules::ClassifyOptions options;
  options.date = date.empty() ? utc_now_iso().substr(0, 10) : date;
  if (!is_iso_day(options.date)) raise("date: expected YYYY-MM-DD, got \"" + date + "\"");
  if (form != "ic" && form != "computer") raise("form: expected \"ic\" or \"computer\"");
  options.form = form;
  if (!described_in.empty() && !rules::is_eccn(described_in))
    raise("described_in: '" + described_in + "' is not an ECCN (such as 5A992, 4A003.b)");
  options.described_in = described_in;
  nlohmann::json out = rules::to_json(rules::classify(c, options, rules::Rulebook::builtin()));
  out["item"] = c.name;
  out["date"] = options.date;
  out["rulebook"] = rules::Rulebook::builtin().version;
  return to_python(out);
}

}  // namespace

PYBIND11_MODULE(_clearance, m) {
  m.doc() = "Clearance: export-control and sanctions screening (the C++ engine)";
  clearance_error = py::reinterpret_borrow<py::object>(
      PyErr_NewException("clearance.ClearanceError", PyExc_ValueError, nullptr));
  m.attr("ClearanceError") = clearance_error;
  py::class_<Engine>(m, "Engine")
      .def(py::init<const std::optional<std::string>&, const std::string&, unsigned>(),
           py::arg("data_dir") = py::none(), py::arg("snapshot") = "current",
           py::arg("threads") = 0)
      .def_property_readonly("snapshot_id", &Engine::snapshot_id)
      .def_property_readonly("record_count", &Engine::record_count)
      .def_property_readonly("party_count", &Engine::party_count)
      .def("screen", &Engine::screen, py::arg("name"), py::kw_only(), py::arg("country") = "",
           py::arg("type") = "", py::arg("dob") = "", py::arg("ids") = "",
           py::arg("threshold") = 0.8f, py::arg("limit") = 10,
           py::arg("lists") = std::vector<std::string>{})
      .def("screen_many", &Engine::screen_many, py::arg("rows"), py::kw_only(),
           py::arg("threads") = 0, py::arg("threshold") = 0.8f, py::arg("limit") = 10,
           py::arg("lists") = std::vector<std::string>{})
      .def("screen_columns", &Engine::screen_columns, py::arg("name"), py::kw_only(),
           py::arg("country") = py::none(), py::arg("type") = py::none(),
           py::arg("dob") = py::none(), py::arg("id") = py::none(), py::arg("threads") = 0,
           py::arg("threshold") = 0.8f, py::arg("limit") = 10,
           py::arg("lists") = std::vector<std::string>{})
      .def("compare", &Engine::compare, py::arg("a"), py::arg("b"), py::kw_only(),
           py::arg("type") = "")
      .def("check", &Engine::check, py::arg("transaction"), py::kw_only(),
           py::arg("threshold") = 0.85f);
  m.def("classify", &classify, py::kw_only(), py::arg("chip") = py::none(),
        py::arg("spec") = py::none(), py::arg("date") = "", py::arg("form") = "ic",
        py::arg("described_in") = "");
}
