// The name pipeline on arbitrary text: normalisation (every script, transliteration, legal forms,
// Chinese and Arabic name handling), screening against the fixture lists with the brute-force
// reference beside the index, and comparing two names (the input split at its first newline).
// Scores stay in [0, 1], the index finds what brute force finds, explanations print as UTF-8.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>

#include "clearance/match/screen_output.h"
#include "fuzz_support.h"

using namespace clearance;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const ScreeningEngine& engine = fuzz::fixture_engine();
  static ScreenSession session;
  (void)session.normalizer.normalize(text);

  const size_t newline = text.find('\n');
  if (newline == std::string::npos) {
    ScreenQuery query;
    query.name = text;
    ScreenOptions options;
    options.threshold = 0.5f;
    options.limit = 50;
    const ScreenResult indexed = engine.screener->screen(query, options, session);
    const ScreenResult reference = engine.screener->screen_all_names(query, options, session);
    // The limit (50) is above the fixture's party count: both return every party that scores.
    if (indexed.total != reference.total) {
      for (const auto* r : {&indexed, &reference})
        for (const Hit& hit : r->hits)
          std::fprintf(stderr, "%s: %s %.4f via \"%s\"\n", r == &indexed ? "index" : "brute",
                       hit.entity->id.c_str(), hit.score, hit.matched_name().c_str());
    }
    FUZZ_CHECK(indexed.total == reference.total, "index and brute force disagree on " + text);
    std::map<const Party*, float> expected;
    for (const Hit& hit : reference.hits) expected[hit.party] = hit.score;
    for (const Hit& hit : indexed.hits) {
      FUZZ_CHECK(hit.score >= 0 && hit.score <= 1, text);
      const auto it = expected.find(hit.party);
      FUZZ_CHECK(it != expected.end(), "a hit brute force does not find, for " + text);
      FUZZ_CHECK(std::abs(hit.score - it->second) < 1e-4, "another score, for " + text);
    }
    const std::string json =
        screen_result_to_json("q", query, indexed, *engine.screener, "fuzz", 0.5f)
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    FUZZ_CHECK(is_valid_utf8(json), text);
  } else {
    const std::string a = text.substr(0, newline), b = text.substr(newline + 1);
    for (EntityType type : {EntityType::unknown, EntityType::person, EntityType::organization}) {
      const auto json = compare_to_json(*engine.screener, a, b, type, session);
      const float score = json["score"].get<float>();
      FUZZ_CHECK(score >= 0 && score <= 1, a + " / " + b);
    }
  }
  return 0;
}
