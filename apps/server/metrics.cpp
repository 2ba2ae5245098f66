#include "metrics.h"

#include <fmt/format.h>

#include <algorithm>

namespace clearance::server {

void Metrics::observe(const std::string& route, unsigned status, double seconds) {
  const size_t bucket =
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  if (bucket < kBuckets.size()) ++h.buckets[bucket];
  ++h.count;
  h.sum += seconds;
}

std::string prometheus_label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"')
      out += {'\\', c};
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string Metrics::render(const std::vector<Gauge>& gauges) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    out += "# HELP clearance_http_requests_total HTTP requests answered, by route and status.\n";
    out += "# TYPE clearance_http_requests_total counter\n";
    for (const auto& [key, count] : requests_)
      out += fmt::format("clearance_http_requests_total{{route=\"{}\",code=\"{}\"}} {}\n",
                         prometheus_label(key.first), key.second, count);
    out += "# HELP clearance_http_request_duration_seconds Time to answer a request, by route.\n";
    out += "# TYPE clearance_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
      const std::string label = prometheus_label(route);
      uint64_t cumulative = 0;
      for (size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += h.buckets[i];
        out += fmt::format(
            "clearance_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label,
            kBuckets[i], cumulative);
      }
      out += fmt::format(
          "clearance_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label,
          h.count);
      out += fmt::format("clearance_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                         h.sum);
      out += fmt::format("clearance_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                         label, h.count);
    }
  }
  std::string last_name;
  for (const Gauge& g : gauges) {
    if (g.name != last_name) {
      out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", g.name, g.help, g.name, g.type);
      last_name = g.name;
    }
    if (g.labels.empty())
      out += fmt::format("{} {}\n", g.name, g.value);
    else
      out += fmt::format("{}{{{}}} {}\n", g.name, g.labels, g.value);
  }
  return out;
}

}  // namespace clearance::server
