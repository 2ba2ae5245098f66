#include "clearance/rules/classifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace clearance::rules {

namespace {

// Confidence grades, strongest first: the weakest link sets a result's confidence.
int grade(std::string_view c) {
  if (c == "V" || c == "V-eCFR") return 0;
  if (c == "V-FR") return 1;
  if (c == "S") return 2;
  return 3;  // U or unknown
}
std::string weakest(const std::string& a, const std::string& b) {
  return grade(a) >= grade(b) ? a : b;
}

struct Tpp {
  double high = 0;  // TPP reading every figure of unknown density as dense
  double low = 0;   // … and as sparse (halved)
  bool ambiguous = false;
  std::string confidence = "V";
};

Tpp compute_tpp(const ChipSpec& chip, const ClassifyOptions& options, Classification& out) {
  // Per kind of unit: the highest bit-length × dense-TOPS product over its precisions.
  std::map<std::string, std::pair<double, double>> by_unit;  // unit → (high, low)
  std::map<std::string, std::string> best_precision;
  Tpp t;
  for (const Throughput& th : chip.throughput) {
    double dense_high = th.tops, dense_low = th.tops;
    std::string how = "dense";
    if (th.sparse == Tristate::yes) {
      dense_high = dense_low = th.tops / 2;
      how = fmt::format("{:g} with sparsity, halved to dense", th.tops);
    } else if (th.sparse == Tristate::unknown) {
      dense_low = th.tops / 2;
      how = "density not stated: dense if as given, half if it includes sparsity";
      t.ambiguous = true;
    }
    const double high = dense_high * th.bits, low = dense_low * th.bits;
    out.steps.push_back(fmt::format("{} ({}): {:g} TOPS ({}) × {} bits = {:.1f}{}", th.precision,
                                    th.unit, dense_high, how, th.bits, high,
                                    low != high ? fmt::format(" (or {:.1f})", low) : ""));
    auto& u = by_unit[th.unit];
    if (high > u.first) best_precision[th.unit] = th.precision;
    u.first = std::max(u.first, high);
    u.second = std::max(u.second, low);
    t.confidence = weakest(t.confidence, th.confidence);
  }
  if (by_unit.size() > 1) {
    out.flags.push_back(
        options.sum_units ? "several kinds of processing unit: their TPP is summed (--sum-units)"
                          : "several kinds of processing unit: TPP is the largest unit's; the rule "
                            "aggregates units that work at once — review, or use --sum-units");
  }
  for (const auto& [unit, hl] : by_unit) {
    if (options.sum_units) {
      t.high += hl.first;
      t.low += hl.second;
    } else {
      t.high = std::max(t.high, hl.first);
      t.low = std::max(t.low, hl.second);
    }
  }
  for (const auto& [unit, precision] : best_precision)
    if (precision == "TF32")
      out.flags.push_back(
          "TF32 sets the TPP and is counted as 32 bits (its inputs carry 19 significant bits); "
          "the rule does not settle which to use");
  return t;
}

struct Pd {
  std::optional<double> value;
  bool no_nonplanar_logic = false;
};

Pd compute_pd(const ChipSpec& chip, double tpp, Classification& out) {
  Pd pd;
  double area = 0;
  bool any = false;
  for (const Die& d : chip.dies) {
    if (!d.logic || !d.nonplanar) {
      out.steps.push_back(fmt::format("die {}: not counted ({})", d.name,
                                      !d.logic ? "not a logic die" : "planar process"));
      continue;
    }
    if (!d.area_mm2) {
      out.missing.push_back(fmt::format("area of non-planar logic die \"{}\"", d.name));
      return pd;
    }
    any = true;
    area += *d.area_mm2;
    out.confidence = weakest(out.confidence, d.confidence);
  }
  if (chip.dies.empty()) {
    out.missing.push_back(chip.dies_note.empty()
                              ? std::string("applicable die area (non-planar logic dies)")
                              : fmt::format("applicable die area: {}", chip.dies_note));
    return pd;
  }
  if (!any) {
    pd.no_nonplanar_logic = true;
    out.steps.push_back("no non-planar logic die: performance density is undefined");
    out.flags.push_back(
        "no non-planar logic die, so the PD prongs are read as not met; an advisory opinion is "
        "recommended");
    return pd;
  }
  pd.value = tpp / area;
  out.steps.push_back(
      fmt::format("PD = TPP {:.1f} / applicable die area {:g} mm² = {:.2f}", tpp, area, *pd.value));
  return pd;
}

// The 2023 rule's tiers for one TPP reading. Returns level ("a", "b", "") and the prong;
// `pd_needed` is set when the answer depends on a PD that is not known.
std::pair<std::string, std::string> tier_2023(double tpp, const std::optional<double>& pd,
                                              bool pd_undefined_means_unmet, bool datacenter,
                                              const Thresholds2023& t, bool& pd_needed) {
  if (!datacenter && tpp < t.note2_tpp) return {"", "Note 2"};
  if (tpp >= t.a1_tpp) return {"a", "a.1"};
  if (tpp < t.a2_tpp && tpp < t.b2_tpp && tpp < t.b1_tpp_min) return {"", "below every prong"};
  if (!pd) {
    if (pd_undefined_means_unmet) return {"", "PD prongs not met"};
    pd_needed = true;
    return {"", ""};
  }
  if (tpp >= t.a2_tpp && *pd >= t.a2_pd) return {"a", "a.2"};
  if (tpp >= t.b1_tpp_min && tpp < t.b1_tpp_max && *pd >= t.b1_pd_min && *pd < t.b1_pd_max)
    return {"b", "b.1"};
  if (tpp >= t.b2_tpp && *pd >= t.b2_pd_min && *pd < t.b2_pd_max) return {"b", "b.2"};
  return {"", "below every prong"};
}

std::string z_paragraph(const std::string& base, const std::string& level) {
  static const char* numbered[] = {"4A003", "4A004", "4A005", "5A004", "5A992"};
  for (const char* n : numbered)
    if (base == n) return fmt::format("{}.z.{}", base, level == "a" ? 1 : 2);
  return fmt::format("{}.z (3A090.{} level)", base, level);
}

bool is_z_base(const std::string& eccn) {
  static const char* bases[] = {"3A001", "4A003", "4A004", "4A005", "5A002", "5A004", "5A992"};
  for (const char* b : bases)
    if (eccn.rfind(b, 0) == 0) return true;
  return false;
}

// Not 3A090: the low-end catch (3A991.p / 4A994.l) or nothing in these entries.
void fall_back(const ChipSpec& chip, const ClassifyOptions& options, const Rulebook& book,
               Classification& out) {
  double max_tops = 0;
  for (const Throughput& th : chip.throughput)
    max_tops = std::max(max_tops, th.sparse == Tristate::yes ? th.tops / 2 : th.tops);
  const bool computer = options.form == "computer";
  const auto& p = book.t3a991p;
  const bool io = chip.io_bandwidth_gbps && *chip.io_bandwidth_gbps >= p.io_gbps;
  if (max_tops >= p.tops || io) {
    out.eccn = computer ? "4A994.l" : "3A991.p";
    out.steps.push_back(
        fmt::format("{}: {}", out.eccn,
                    max_tops >= p.tops
                        ? fmt::format("processing performance {:g} TOPS ≥ {:g}", max_tops, p.tops)
                        : fmt::format("I/O {:g} GB/s ≥ {:g}", *chip.io_bandwidth_gbps, p.io_gbps)));
    if (options.described_in.rfind("5A992", 0) == 0)
      out.flags.push_back(
          "described in 5A992 (mass-market encryption): the vendor's 5A992.c "
          "classification takes precedence over 3A991.p");
  } else {
    out.eccn = "EAR99";
    out.steps.push_back(
        "below 3A991.p: not controlled under these entries (EAR99 unless another "
        "CCL entry describes it)");
  }
  if (!p.date_note.empty()) out.flags.push_back(fmt::format("3A991.p/4A994.l: {}", p.date_note));
}

void classify_memory(const ChipSpec& chip, const ClassifyOptions& options, const Rulebook& book,
                     Classification& out) {
  const auto& h = book.hbm;
  out.citation = h.citation;
  out.fr = h.fr;
  out.confidence = weakest(h.confidence, chip.confidence);
  if (!chip.memory_bandwidth_gbps) out.missing.push_back("memory bandwidth (GB/s)");
  if (!chip.package_area_mm2) out.missing.push_back("package or stack area (mm²)");
  if (!out.missing.empty()) {
    out.decided = false;
    return;
  }
  out.mbd = *chip.memory_bandwidth_gbps / *chip.package_area_mm2;
  out.steps.push_back(
      fmt::format("memory bandwidth density = {:g} GB/s / {:g} mm² = {:.2f} GB/s/mm²",
                  *chip.memory_bandwidth_gbps, *chip.package_area_mm2, *out.mbd));
  if (options.date < h.from) {
    out.vintage = "before 3A090.c";
    out.eccn = "EAR99";
    out.steps.push_back(fmt::format("3A090.c did not exist before {} ({})", h.from, h.fr));
    out.flags.push_back("classify the memory device under its other CCL parameters, if any");
    return;
  }
  out.vintage = "3A090.c";
  if (*out.mbd > h.mbd) {
    out.eccn = "3A090.c";
    out.level.assign(1, 'c');
    out.paragraph.assign(".c");
    out.steps.push_back(fmt::format("MBD {:.2f} > {:g} → 3A090.c", *out.mbd, h.mbd));
    if (options.date < h.compliance)
      out.compliance_note = fmt::format("the rule took effect {}; compliance was required from {}",
                                        h.from, h.compliance);
  } else {
    out.eccn = "EAR99";
    out.steps.push_back(fmt::format("MBD {:.2f} ≤ {:g}: not 3A090.c", *out.mbd, h.mbd));
    out.flags.push_back("classify the memory device under its other CCL parameters, if any");
  }
}

}  // namespace

Classification classify(const ChipSpec& chip, const ClassifyOptions& options,
                        const Rulebook& book) {
  Classification out;
  out.confidence = chip.confidence;
  if (chip.kind == "memory") {
    classify_memory(chip, options, book, out);
    return out;
  }
  const bool datacenter = chip.datacenter != Tristate::no;
  if (chip.datacenter == Tristate::unknown)
    out.flags.push_back(
        "whether the item is designed or marketed for datacenters is unknown: "
        "treated as yes (the conservative reading)");
  const Tpp t = compute_tpp(chip, options, out);
  out.confidence = weakest(out.confidence, t.confidence);
  out.tpp = t.high;
  if (t.ambiguous) out.tpp_low = t.low;
  out.steps.push_back(
      t.ambiguous ? fmt::format("TPP = {:.1f} (or {:.1f} if the figure is sparse)", t.high, t.low)
                  : fmt::format("TPP = {:.1f} (highest over precisions)", t.high));

  if (options.date < book.t2022.from) {
    out.vintage = "before 3A090";
    out.steps.push_back(
        fmt::format("3A090 did not exist before {} ({})", book.t2022.from, book.t2022.fr));
    fall_back(chip, options, book, out);
    return out;
  }

  if (options.date <= book.t2022.to) {
    const auto& r = book.t2022;
    out.vintage = "2022 rule";
    out.citation = r.citation;
    out.fr = r.fr;
    out.confidence = weakest(out.confidence, r.confidence);
    auto meets = [&](double tpp) -> std::optional<bool> {
      if (tpp < r.tpp) return false;
      if (!chip.io_bandwidth_gbps) return std::nullopt;
      return *chip.io_bandwidth_gbps >= r.io_gbps;
    };
    const auto high = meets(t.high), low = meets(t.low);
    if (chip.io_bandwidth_gbps)
      out.steps.push_back(
          fmt::format("2022 rule: needs I/O ≥ {:g} GB/s and TPP ≥ {:g}; I/O is {:g} GB/s",
                      r.io_gbps, r.tpp, *chip.io_bandwidth_gbps));
    if (!high || !low) {
      out.decided = false;
      out.missing.push_back("aggregate bidirectional I/O bandwidth (GB/s) for the 2022 rule");
      return out;
    }
    if (*high != *low) {
      out.decided = false;
      out.missing.push_back(
          "whether the throughput figure is dense or sparse (the answer depends on it)");
      return out;
    }
    if (*high) {
      out.level = "2022";
      out.paragraph = "3A090 (2022)";
      out.eccn = options.form == "computer" ? "4A090" : "3A090";
      out.steps.push_back(out.eccn + " (2022 text): both prongs met");
    } else {
      out.steps.push_back("not 3A090 under the 2022 text");
      fall_back(chip, options, book, out);
    }
    return out;
  }

  const auto& r = book.t2023;
  out.vintage = "2023 rule";
  out.citation = r.citation;
  out.fr = r.fr;
  out.confidence = weakest(out.confidence, r.confidence);
  const Pd pd = compute_pd(chip, t.high, out);
  out.pd = pd.value;
  bool pd_needed_high = false, pd_needed_low = false;
  std::optional<double> pd_low;
  if (pd.value && t.ambiguous) pd_low = *pd.value * t.low / t.high;
  const auto high =
      tier_2023(t.high, pd.value, pd.no_nonplanar_logic, datacenter, r, pd_needed_high);
  const auto low = tier_2023(t.low, t.ambiguous ? pd_low : pd.value, pd.no_nonplanar_logic,
                             datacenter, r, pd_needed_low);
  if (pd_needed_high || pd_needed_low) {
    out.decided = false;
    out.steps.push_back(
        "the TPP lies where the performance-density prongs decide, and PD is unknown");
    return out;
  }
  if (high != low) {
    out.decided = false;
    out.missing.push_back(
        "whether the throughput figure is dense or sparse (the answer depends on it)");
    out.steps.push_back(fmt::format(
        "read as dense: {}; read as sparse: {}",
        high.first.empty() ? std::string("not 3A090") : fmt::format("3A090.{}", high.first),
        low.first.empty() ? std::string("not 3A090") : fmt::format("3A090.{}", low.first)));
    return out;
  }
  out.paragraph = high.second;
  if (high.first.empty()) {
    if (high.second == "Note 2")
      out.steps.push_back(
          fmt::format("Note 2 to 3A090: not designed or marketed for datacenters and TPP < {:g}, "
                      "so 3A090.a/.b, "
                      "4A090 and the .z paragraphs do not apply, whatever the PD",
                      r.note2_tpp));
    else
      out.steps.push_back(fmt::format("3A090.a/.b parameters not met ({})", high.second));
    fall_back(chip, options, book, out);
    return out;
  }
  out.level = high.first;
  if (!out.missing.empty() && high.second == "a.1") {
    // TPP alone decides a.1: a missing die area does not matter for this result.
    for (const std::string& m : out.missing)
      out.flags.push_back(
          fmt::format("not needed for this result (a.1 decides on TPP alone): {}", m));
    out.missing.clear();
  }
  out.steps.push_back(fmt::format("3A090.{} by paragraph {}{}", high.first, high.second,
                                  !datacenter ? " (Note 2 does not apply: TPP ≥ 4800)" : ""));
  if (!options.described_in.empty() && !is_z_base(options.described_in))
    out.steps.push_back(fmt::format(
        "described in {}, which has no .z paragraph for these items: classified by its figures",
        options.described_in));
  if (is_z_base(options.described_in)) {
    out.eccn = z_paragraph(options.described_in.substr(0, 5), out.level);
    out.steps.push_back(fmt::format("described in {}: classified in its .z paragraph, {}",
                                    options.described_in, out.eccn));
  } else if (options.form == "computer") {
    out.eccn = fmt::format("4A090.{}", out.level);
    out.steps.push_back(fmt::format("a computer, board or assembly containing it: {}", out.eccn));
  } else {
    out.eccn = fmt::format("3A090.{}", out.level);
  }
  return out;
}

bool is_eccn(const std::string& text) {
  if (text == "EAR99") return true;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() < 5 || !digit(text[0]) || text[1] < 'A' || text[1] > 'E' || !digit(text[2]) ||
      !digit(text[3]) || !digit(text[4]))
    return false;
  // Then its paragraphs: ".a", ".a.1", ".z".
  for (size_t i = 5; i < text.size();) {
    size_t j = i + 1;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || digit(text[j]))) ++j;
    if (text[i] != '.' || j == i + 1) return false;
    i = j;
  }
  return true;
}

}  // namespace clearance::rules
