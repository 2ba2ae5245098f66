// The outbox and its webhook: changes queued in the transaction that made them, POSTed in order to
// a real HTTP receiver on 127.0.0.1 with an HMAC-SHA256 signature, failures recorded and retried
// after a backoff, nothing delivered twice once delivered.
#include "clearance/store/webhook.h"

#include <gtest/gtest.h>

#include <mutex>

#include "clearance/lists/importer.h"
#include "clearance/store/monitor.h"
#include "loopback_http_server.h"
#include "test_support.h"

namespace clearance {
namespace {

// Receives POSTs and answers each with the next status of its script (then 200).
class Receiver {
 public:
  struct Request {
    std::string headers, body;
  };
  explicit Receiver(std::vector<int> statuses) : statuses_(std::move(statuses)) {
    listener_.start([this](int client) { handle(client); });
  }
  std::string url() const { return listener_.url("/hook"); }
  std::vector<Request> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void handle(int client) {
    std::string data;
    char buffer[4096];
    size_t end = std::string::npos;
    while ((end = data.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      data.append(buffer, static_cast<size_t>(n));
    }
    Request r;
    r.headers = data.substr(0, end);
    size_t length = 0;
    if (auto at = r.headers.find("Content-Length: "); at != std::string::npos)
      length = std::stoul(r.headers.substr(at + 16));
    while (data.size() < end + 4 + length) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      data.append(buffer, static_cast<size_t>(n));
    }
    r.body = data.substr(end + 4, length);
    int status = 200;
    {
      std::lock_guard lock(mutex_);
      if (next_ < statuses_.size()) status = statuses_[next_++];
      received_.push_back(std::move(r));
    }
    const std::string reply = "HTTP/1.1 " + std::to_string(status) +
                              " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    test::LoopbackListener::send_all(client, reply);
  }

  std::mutex mutex_;
  std::vector<int> statuses_;
  size_t next_ = 0;
  std::vector<Request> received_;
  test::LoopbackListener listener_;  // last: its thread stops before what it writes to goes
};

std::string header(const std::string& headers, const std::string& name) {
  const auto at = headers.find(name + ": ");
  if (at == std::string::npos) return "";
  const auto from = at + name.size() + 2;
  return headers.substr(from, headers.find("\r\n", from) - from);
}

class Webhook : public ::testing::Test {
 protected:
  void SetUp() override {
    SnapshotStore snapshots(data_);
    ASSERT_TRUE(import_lists(snapshots, {test::fixture("lists/csl_small.csv")}, {}).ok());
    engine_ = std::move(load_screening_engine(snapshots, "current", 1).value());
    store_ = std::move(open_case_store(data_).value());
  }
  // Two subjects that match: two alerts opened, two notifications queued.
  void open_two_alerts() {
    Subject a, b;
    a.id = "C-1";
    a.name = "Example Microelectronics Company";
    b.id = "C-2";
    b.name = "John Doe";
    b.type = "person";
    ASSERT_TRUE(store_->put_subjects({a, b}, "analyst").ok());
    MonitorOptions options;
    options.actor = "monitor";
    auto r = screen_subjects(*store_, *engine_, {a, b}, options);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->opened.size(), 2u);
  }
  test::TempDir dir_;
  std::string data_ = dir_ / "data";
  std::unique_ptr<ScreeningEngine> engine_;
  std::unique_ptr<CaseStore> store_;
};

TEST_F(Webhook, ChangesAreQueuedWithTheTransactionThatMadeThem) {
  open_two_alerts();
  auto queued = store_->notifications(0, 100, true).value();
  ASSERT_EQ(queued.size(), 2u);
  EXPECT_EQ(queued[0].event, "alert.opened");
  EXPECT_EQ(queued[0].payload["detail"]["subject"], "C-1");
  EXPECT_GT(queued[1].payload["audit_seq"], queued[0].payload["audit_seq"]);
  // A refused decision queues nothing; an accepted one does.
  Decision d;
  d.alert_id = 1;
  d.decision = "false_positive";
  d.reviewer = "ann";
  EXPECT_FALSE(store_->decide(d).ok());  // no reason
  EXPECT_EQ(store_->notifications(0, 100, true).value().size(), 2u);
  d.reason = "another firm";
  ASSERT_TRUE(store_->decide(d).ok());
  queued = store_->notifications(0, 100, true).value();
  ASSERT_EQ(queued.size(), 3u);
  EXPECT_EQ(queued[2].event, "alert.decided");
}

TEST_F(Webhook, DeliveriesAreSignedInOrderAndRetriedAfterAFailure) {
  open_two_alerts();
  Receiver receiver({200, 503});  // the second delivery fails once
  WebhookConfig config{receiver.url(), "s3cret", 5};
  const std::string now = "2026-12-03T10:00:00Z";
  auto pass = deliver_notifications(*store_, config, now);
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->delivered, 1u);
  EXPECT_EQ(pass->failed, 1u);
  EXPECT_NE(pass->last_error.find("HTTP 503"), std::string::npos) << pass->last_error;
  auto got = receiver.received();
  ASSERT_EQ(got.size(), 2u);
  for (const auto& r : got) {
    EXPECT_EQ(header(r.headers, "X-Clearance-Signature"),
              "sha256=" + hmac_sha256_hex("s3cret", r.body));
    EXPECT_EQ(header(r.headers, "X-Clearance-Event"), "alert.opened");
  }
  EXPECT_NE(header(got[0].headers, "X-Clearance-Signature"),
            "sha256=" + hmac_sha256_hex("another secret", got[0].body));
  // The failure is recorded with its retry time; before it nothing is sent again.
  auto pending = store_->notifications(0, 100, true).value();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].attempts, 1);
  EXPECT_EQ(pending[0].last_error, "HTTP 503");
  EXPECT_EQ(pending[0].next_attempt_at, "2026-12-03T10:00:30Z");
  EXPECT_EQ(deliver_notifications(*store_, config, "2026-12-03T10:00:10Z")->delivered, 0u);
  EXPECT_EQ(receiver.received().size(), 2u);
  // Due: delivered, with the same body and delivery id as the failed attempt.
  pass = deliver_notifications(*store_, config, "2026-12-03T10:00:31Z");
  EXPECT_EQ(pass->delivered, 1u);
  got = receiver.received();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[2].body, got[1].body);
  EXPECT_EQ(header(got[2].headers, "X-Clearance-Delivery"),
            header(got[1].headers, "X-Clearance-Delivery"));
  EXPECT_TRUE(store_->notifications(0, 100, true).value().empty());
  EXPECT_EQ(deliver_notifications(*store_, config, "2026-12-03T11:00:00Z")->delivered, 0u);
  EXPECT_EQ(receiver.received().size(), 3u);
  EXPECT_EQ(store_->notifications(0, 100, false).value().size(), 2u);
}

TEST(WebhookBackoff, DoublesFromThirtySecondsToAnHour) {
  EXPECT_EQ(retry_delay_seconds(1), 30);
  EXPECT_EQ(retry_delay_seconds(2), 60);
  EXPECT_EQ(retry_delay_seconds(3), 120);
  EXPECT_EQ(retry_delay_seconds(8), 3600);
  EXPECT_EQ(retry_delay_seconds(50), 3600);
  EXPECT_EQ(iso_after("2026-12-31T23:59:50Z", 30), "2027-01-01T00:00:20Z");
}

TEST(WebhookBackoff, NoReceiverIsAFailureRecordedNotACrash) {
  test::TempDir dir;
  auto store = std::move(open_case_store(dir / "d").value());
  ASSERT_TRUE(store->set_four_eyes(true, "ann").ok());  // not notifiable: nothing queued
  EXPECT_TRUE(store->notifications(0, 10, true).value().empty());
  ASSERT_TRUE(store->note_monitor_run("snap", "matcher", {{"mode", "full"}}, "ann").ok());
  WebhookConfig config{"http://127.0.0.1:1/hook", "k", 2};
  auto pass = deliver_notifications(*store, config, "2026-12-03T10:00:00Z");
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->failed, 1u);
  EXPECT_FALSE(pass->last_error.empty());
  EXPECT_EQ(store->notifications(0, 10, true).value()[0].attempts, 1);
}

}  // namespace
}  // namespace clearance
