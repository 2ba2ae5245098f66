#pragma once
// Pushing the case store's outbox (CaseStore::notifications) to a webhook: each notification is
// POSTed as JSON with an HMAC-SHA256 of the body under a shared secret, so the receiver can tell
// it came from this store and was not altered:
//
//   X-Clearance-Event: alert.opened
//   X-Clearance-Delivery: 42                       (the notification's id: deliveries may repeat)
//   X-Clearance-Signature: sha256=<hex HMAC-SHA256(secret, body)>
//
// A 2xx answer delivers it; anything else (or no answer) is recorded with the error and tried
// again after a backoff that doubles from 30 s to at most an hour. Deliveries go in order: one
// that fails stops the pass, so a receiver never sees a later change before an earlier one.
#include <string>

#include "clearance/store/case_store.h"

namespace clearance {

struct WebhookConfig {
  std::string url;
  std::string secret;
  long timeout_seconds = 10;
};

struct DeliveryReport {
  size_t delivered = 0;
  size_t failed = 0;  // attempts that failed in this pass (each recorded)
  std::string last_error;
};

// The secret kept in a file: its first line, trailing spaces dropped (a secret given on the
// command line would show in the process list). An empty one is an error.
Result<std::string> read_webhook_secret(const std::string& path);

// hex(HMAC-SHA256(secret, body)).
std::string hmac_sha256_hex(const std::string& secret, const std::string& body);

// The delay before the next attempt after `attempts` failed ones.
long retry_delay_seconds(int attempts);

// Delivers the pending notifications in order, at most `limit`, until one fails or one is waiting
// for its next attempt (due after `now`, an ISO time).
Result<DeliveryReport> deliver_notifications(CaseStore& store, const WebhookConfig& config,
                                             const std::string& now, size_t limit = 1000);

// A time `seconds` after the ISO time `at` ("YYYY-MM-DDTHH:MM:SSZ").
std::string iso_after(const std::string& at, long seconds);

}  // namespace clearance
