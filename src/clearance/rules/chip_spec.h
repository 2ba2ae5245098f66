#pragma once
// An integrated circuit (or memory device) as its public figures describe it: the inputs of
// classification. Read from the catalogue or from a user's spec file (the same JSON shape).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance::rules {

// A yes/no fact the user may not know; unknown is handled conservatively and reported.
enum class Tristate { no, yes, unknown };
const char* to_string(Tristate t);

struct Throughput {
  std::string precision;  // "FP8", "INT8", "FP16", "TF32", …
  int bits = 0;           // bit length of the multiply's inputs
  double tops = 0;        // as the source states it (TOPS or TFLOPS)
  Tristate sparse =
      Tristate::no;             // yes: quoted with 2:4 sparsity; unknown: the source does not say
  std::string unit = "tensor";  // kind of processing unit; units of different kinds may be summed
  std::string source;
  std::string confidence = "V";
};

struct Die {
  std::string name;
  std::optional<double> area_mm2;
  bool nonplanar = true;  // FinFET / GAA
  bool logic = true;      // memory stacks are not logic dies
  std::string process;
  std::string source;
  std::string confidence = "V";
};

struct ChipSpec {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string vendor;
  std::string designer_hq;                  // ISO alpha-2 of the designer's headquarters
  std::string kind = "ic";                  // "ic" (processing IC) or "memory"
  Tristate datacenter = Tristate::unknown;  // "designed or marketed for use in datacenters"
  std::string released;
  std::vector<Throughput> throughput;
  std::vector<Die> dies;
  std::string dies_note;
  std::optional<double> memory_bandwidth_gbps;  // total DRAM bandwidth
  std::optional<double>
      io_bandwidth_gbps;  // aggregate bidirectional I/O, non-volatile-memory excluded
  std::string io_source;
  std::optional<double> package_area_mm2;  // memory devices: package or stack area
  std::string source;                      // memory devices: where the figures come from
  std::string confidence = "V";
};

// Parses one chip object; `where` names it in errors ("spec.json", "catalog.json chips[3]").
Result<ChipSpec> parse_chip_spec(std::string_view json_text, std::string_view where);

// The catalogue of chips users ask about (data/chips/catalog.json, compiled in).
class ChipCatalog {
 public:
  static Result<ChipCatalog> parse(std::string_view json_text, std::string_view source_name);
  static const ChipCatalog& builtin();

  // By id, name or alias, ignoring case, spaces and punctuation ("h100-sxm" = "H100 SXM").
  // not_found lists the closest entries.
  Result<const ChipSpec*> find(std::string_view query) const;
  const std::vector<ChipSpec>& chips() const { return chips_; }
  const std::string& version() const { return version_; }

 private:
  std::vector<ChipSpec> chips_;
  std::string version_;
};

}  // namespace clearance::rules
