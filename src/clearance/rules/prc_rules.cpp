// China's side, reported beside the US answer: MOFCOM commodity measures (with their dated
// suspensions) for China-origin items and, extraterritorially, for items with China-origin rare
// earths; and parties on China's lists (UEL, control list, countermeasures).
#include <fmt/format.h>

#include "clearance/rules/check_context.h"
#include "clearance/util/strings.h"

namespace clearance::rules {

namespace {

bool mentions_any(const std::string& text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (text.find(w) != std::string::npos) return true;
  return false;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

void check_prc(CheckContext& ctx) {
  const Transaction& tx = ctx.tx;
  const std::string text =
      ascii_lower(tx.description + " " + (tx.chip ? tx.chip->name : std::string()));
  const bool china_origin = tx.origin == "CN" || ctx.ship_from == "CN";
  const bool dual_use = mentions_any(text, ctx.book.prc_dual_use_items);
  for (const PrcMeasure& m : ctx.book.prc_measures) {
    bool applies;
    if (m.extraterritorial) {
      applies = !china_origin && tx.prc_content_percent &&
                *tx.prc_content_percent >= m.min_content_percent && mentions_any(text, m.items);
    } else if (m.any_dual_use) {
      applies = china_origin && dual_use && ctx.has_end_use(end_use::military) &&
                contains(m.end_user_military_of, ctx.destination);
    } else {
      applies = china_origin && mentions_any(text, m.items) &&
                (m.destinations.empty() || contains(m.destinations, ctx.destination));
    }
    if (!applies || ctx.date < m.effective) continue;
    Finding f{m.id,
              "PRC",
              m.effect == "license"      ? "license"
              : m.effect == "prohibited" ? "prohibited"
                                         : "denial",
              m.summary,
              m.id,
              m.suspension,
              m.effective,
              "S",
              false,
              "",
              ""};
    const bool suspended =
        !m.suspended_from.empty() && ctx.date >= m.suspended_from && ctx.date <= m.suspended_until;
    if (suspended) {
      f.effect = "suspended";
      f.summary += fmt::format(
          " — suspended by {} from {} until {}: this measure does not apply on this date (the "
          "item's other measures still do)",
          m.suspension, m.suspended_from, m.suspended_until);
    } else if (!m.suspended_until.empty() && ctx.date > m.suspended_until) {
      f.summary += fmt::format(" — the suspension by {} ended {}", m.suspension, m.suspended_until);
      if (!m.extension_announced.empty()) {
        f.effect = "license if reactivated";
        f.summary += fmt::format(
            "; MOFCOM announced an extension to {} without a legal instrument: "
            "license required if reactivated — check for a new announcement",
            m.extension_announced);
      }
    }
    if (m.extraterritorial)
      f.summary += fmt::format(" (China-origin content {:g} % ≥ {:g} %)", *tx.prc_content_percent,
                               m.min_content_percent);
    ctx.out.prc.push_back(std::move(f));
  }
  for (const PartyMatch& p : ctx.out.parties) {
    auto it = ctx.book.prc_lists.find(p.list);
    if (it == ctx.book.prc_lists.end()) continue;
    const PrcList& l = it->second;
    const bool chinese_side =
        ctx.tx.exporter_hq == "CN" || ctx.ship_from == "CN" || ctx.destination == "CN";
    // The control list forbids supplying the listed party with dual-use items: Chinese exporters
    // always, and since 2026 anyone transferring China-origin dual-use items (the designation's
    // date decides).
    const bool control_list = p.list == "CN-ECL";
    const bool china_dual_use = china_origin && dual_use;
    const bool reaches_anyone = control_list && china_dual_use && p.listed_on >= "2026-01-01";
    std::string effect = chinese_side ? "restricted" : "notice";
    std::string why = chinese_side ? "; restricted or prohibited for the party in China"
                                   : "; for a non-Chinese exporter a supply-chain and "
                                     "counterparty risk, not a direct prohibition";
    if (control_list && china_dual_use && (chinese_side || reaches_anyone)) {
      effect = "prohibited";
      why = reaches_anyone ? fmt::format(
                                 "; designated {}: transferring China-origin dual-use items to it "
                                 "is prohibited for anyone, anywhere",
                                 p.listed_on)
                           : "; exporting dual-use items to it from China is prohibited";
    } else if (control_list && !chinese_side) {
      why =
          "; not a China-origin dual-use item: a counterparty risk, not a prohibition "
          "(China-origin dual-use items may not be supplied to it)";
    }
    ctx.out.prc.push_back({fmt::format("{}: {}", l.name, p.name), "PRC", effect,
                           fmt::format("\"{}\" matched {} entry \"{}\" (score {:.2f}): {}{}",
                                       p.query, p.list, p.name, p.score, l.effect, why),
                           l.citation, "", p.listed_on, "S", false, "", ""});
  }
}

}  // namespace clearance::rules
