#pragma once
// Request counts and latency histograms per route, rendered in the Prometheus text exposition
// format (version 0.0.4) together with gauges the caller supplies (snapshot age, reloads…).
#include <array>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace clearance::server {

struct Gauge {
  std::string name;  // clearance_…
  std::string help;
  std::string type;    // "gauge" or "counter"
  std::string labels;  // `key="value",…` or empty
  double value = 0;
};

class Metrics {
 public:
  // Latency bucket upper bounds, seconds.
  static constexpr std::array<double, 13> kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};

  // `route` is the route template ("/v1/entities/{id}"), never the raw path: label values must
  // stay few.
  void observe(const std::string& route, unsigned status, double seconds);
  std::string render(const std::vector<Gauge>& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};  // non-cumulative counts
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, unsigned>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

// Escapes a label value (backslash, quote, newline).
std::string prometheus_label(const std::string& value);

}  // namespace clearance::server
