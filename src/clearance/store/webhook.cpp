#include "clearance/store/webhook.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <ctime>

#include "clearance/util/file_io.h"

namespace clearance {

Result<std::string> read_webhook_secret(const std::string& path) {
  auto text = read_file_raw(path);
  if (!text) return text.error();
  std::string secret = text->substr(0, text->find('\n'));
  while (!secret.empty() && (secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
  if (secret.empty())
    return make_error(ErrorCode::invalid_argument, path + ": the webhook secret is empty");
  return secret;
}

std::string hmac_sha256_hex(const std::string& secret, const std::string& body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

long retry_delay_seconds(int attempts) {
  const int doublings = std::clamp(attempts - 1, 0, 7);
  return std::min(30L << doublings, 3600L);
}

std::string iso_after(const std::string& at, long seconds) {
  std::tm tm{};
  if (!strptime(at.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return at;
  const std::time_t t = timegm(&tm) + seconds;
  std::tm out{};
  gmtime_r(&t, &out);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &out);
  return buffer;
}

namespace {

size_t discard(char*, size_t size, size_t count, void*) {
  return size * count;
}

// One POST; empty when the receiver answered 2xx, else what went wrong.
std::string post(const WebhookConfig& config, const Notification& n, const std::string& body) {
  CURL* curl = curl_easy_init();
  if (!curl) return "cannot start an HTTP client";
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  const std::string lines[] = {
      "Content-Type: application/json",
      "X-Clearance-Event: " + n.event,
      fmt::format("X-Clearance-Delivery: {}", n.id),
      "X-Clearance-Signature: sha256=" + hmac_sha256_hex(config.secret, body),
  };
  for (const auto& line : lines) headers = curl_slist_append(headers, line.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, config.url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, config.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, config.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "clearance/0.1 (+webhook)");
  const CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
  if (status < 200 || status > 299) return fmt::format("HTTP {}", status);
  return "";
}

}  // namespace

Result<DeliveryReport> deliver_notifications(CaseStore& store, const WebhookConfig& config,
                                             const std::string& now, size_t limit) {
  DeliveryReport report;
  auto pending = store.notifications(0, limit, true);
  if (!pending) return pending.error();
  for (const Notification& n : pending.value()) {
    if (!n.next_attempt_at.empty() && n.next_attempt_at > now) break;  // in order: wait for it
    const std::string body = n.payload.dump();
    const std::string error = post(config, n, body);
    const std::string retry_at =
        error.empty() ? "" : iso_after(now, retry_delay_seconds(n.attempts + 1));
    if (auto st = store.record_delivery(n.id, error.empty(), error, retry_at); !st)
      return st.error();
    if (!error.empty()) {
      ++report.failed;
      report.last_error = fmt::format("notification {}: {}", n.id, error);
      break;  // in order: the rest wait for this one
    }
    ++report.delivered;
  }
  return report;
}

}  // namespace clearance
