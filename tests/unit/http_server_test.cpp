// The HTTP transport on its own: keep-alive, graceful stop with a request in flight, idle
// connections closed on stop, a handler's exception answered as a 500 without killing the server.
#include "http_server.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include "http_client.h"
#include "test_support.h"

namespace clearance::test {
namespace {

using server::HttpRequest;
using server::HttpResponse;
using server::HttpServer;

// A handler that answers "ok" and counts its calls.
server::HttpHandler counting_ok(std::atomic<int>& calls) {
  return [&calls](const HttpRequest&) {
    ++calls;
    return HttpResponse{200, "text/plain", "ok", {}, ""};
  };
}

server::HttpErrorResponder plain_errors() {
  return [](unsigned status, const std::string& message) {
    HttpResponse r;
    r.status = status;
    r.body = message;
    return r;
  };
}

server::HttpServerOptions loopback_any_port() {
  server::HttpServerOptions o;
  o.port = 0;
  o.threads = 2;
  o.shutdown_grace = std::chrono::milliseconds(5000);
  return o;
}

// A gate the handler waits at until the test opens it.
struct Gate {
  std::mutex m;
  std::condition_variable cv;
  bool entered = false, open = false;
  void wait_inside() {
    std::unique_lock lock(m);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [this] { return open; });
  }
  void wait_entered() {
    std::unique_lock lock(m);
    cv.wait(lock, [this] { return entered; });
  }
  void release() {
    std::lock_guard lock(m);
    open = true;
    cv.notify_all();
  }
};

TEST(HttpServer, StopLetsTheRequestInFlightFinish) {
  Gate gate;
  HttpServer server(
      [&gate](const HttpRequest& r) {
        if (r.target == "/slow") gate.wait_inside();
        HttpResponse out;
        out.body = "done " + r.target;
        return out;
      },
      plain_errors(), loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  const uint16_t port = server.port();
  ASSERT_EQ(http_call(port, "GET", "/fast").body, "done /fast");

  auto in_flight =
      std::async(std::launch::async, [port] { return http_call(port, "GET", "/slow"); });
  gate.wait_entered();
  auto stopping = std::async(std::launch::async, [&server] { server.stop(); });
  // The server no longer accepts while it drains…
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(stopping.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);
  gate.release();
  // …and the request in flight is answered in full, with the connection closed after it.
  Reply reply = in_flight.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "done /slow");
  EXPECT_EQ(reply.headers["connection"], "close");
  stopping.get();
  EXPECT_EQ(server.connections(), 0u);
  EXPECT_NE(http_call(port, "GET", "/fast").status, 200);  // refused once stopped
}

TEST(HttpServer, StopClosesIdleKeepAliveConnectionsAtOnce) {
  HttpServer server([](const HttpRequest&) { return HttpResponse{}; }, plain_errors(),
                    loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  // A raw keep-alive request: the connection stays open after the answer.
  std::thread client([port = server.port()] {
    raw_exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");  // returns when the server closes
  });
  for (int i = 0; i < 200 && server.connections() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(server.connections(), 1u);
  const auto start = std::chrono::steady_clock::now();
  server.stop();
  client.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(HttpServer, AHandlerExceptionIsA500AndTheServerGoesOn) {
  HttpServer server(
      [](const HttpRequest& r) -> HttpResponse {
        if (r.target == "/boom") throw std::runtime_error("boom");
        return HttpResponse{200, "text/plain", "fine", {}, ""};
      },
      plain_errors(), loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  const Reply boom = http_call(server.port(), "GET", "/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_NE(boom.body.find("boom"), std::string::npos);
  EXPECT_EQ(http_call(server.port(), "GET", "/x").body, "fine");
}

// A body given as a file is streamed from disk, whole and byte for byte, on a connection that
// stays usable; a file that cannot be opened is a 500.
TEST(HttpServer, StreamsAFileBodyAndReportsAMissingFile) {
  TempDir dir;
  const std::string path = dir / "big.jsonl";
  std::string content;
  for (int i = 0; i < 200000; ++i) content += "{\"row\":" + std::to_string(i) + "}\n";
  std::ofstream(path, std::ios::binary) << content;
  HttpServer server(
      [&](const HttpRequest& r) {
        HttpResponse response{200, "application/x-ndjson", "", {}, ""};
        response.body_file = r.target == "/file" ? path : dir / "missing";
        return response;
      },
      plain_errors(), loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  const Reply file = http_call(server.port(), "GET", "/file");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.headers.at("content-type"), "application/x-ndjson");
  EXPECT_EQ(file.body.size(), content.size());
  EXPECT_TRUE(file.body == content);
  EXPECT_EQ(http_call(server.port(), "GET", "/missing").status, 500);
  EXPECT_EQ(http_call(server.port(), "GET", "/file").body.size(), content.size());
}

TEST(HttpServer, KeepAliveServesManyRequestsOnOneConnection) {
  std::atomic<int> calls{0};
  HttpServer server(counting_ok(calls), plain_errors(), loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  std::string pipelined;
  for (int i = 0; i < 5; ++i) pipelined += "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  pipelined += "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string replies = raw_exchange(server.port(), pipelined);
  size_t count = 0;
  for (size_t at = replies.find("HTTP/1.1 200"); at != std::string::npos;
       at = replies.find("HTTP/1.1 200", at + 1))
    ++count;
  EXPECT_EQ(count, 6u);
  EXPECT_EQ(calls, 6);
}

// A Transfer-Encoding whose last coding is not chunked leaves the body's length unknown: the
// request is refused and the connection closed, so its body never runs as a request of its own
// (it did: "Transfer-Encoding: gzip" and a DELETE as the body).
TEST(HttpServer, ATransferEncodingThatIsNotChunkedIsRefusedAndClosesTheConnection) {
  std::atomic<int> calls{0};
  HttpServer server(counting_ok(calls), plain_errors(), loopback_any_port());
  ASSERT_TRUE(server.start().ok());
  for (const char* coding : {"gzip", "identity", "xchunked", "chunked, identity"}) {
    calls = 0;
    const std::string replies = raw_exchange(
        server.port(), std::string("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ") + coding +
                           "\r\n\r\nDELETE /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(replies.find("HTTP/1.1 200"), std::string::npos) << coding << ": " << replies;
    EXPECT_NE(replies.find("HTTP/1.1 400"), std::string::npos) << coding << ": " << replies;
    EXPECT_EQ(calls, 0) << coding;
  }
}

// Over the connection cap, a new connection is closed at once and the open ones keep their
// service; once one closes, new connections are served again.
TEST(HttpServer, ConnectionsOverTheCapAreClosedAtOnce) {
  auto options = loopback_any_port();
  options.max_connections = 2;
  HttpServer server(
      [](const HttpRequest&) {
        return HttpResponse{200, "text/plain", "ok", {}, ""};
      },
      plain_errors(), options);
  ASSERT_TRUE(server.start().ok());
  // Two keep-alive connections that have each had an answer: both are open sessions.
  auto open_session = [&] {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(server.port());
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const std::string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    EXPECT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(request.size()));
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char buffer[4096];
    EXPECT_GT(::recv(fd, buffer, sizeof buffer, 0), 0);
    return fd;
  };
  const int first = open_session(), second = open_session();
  EXPECT_EQ(raw_exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "");
  ::close(first);
  bool served = false;
  for (int attempt = 0; attempt < 100 && !served; ++attempt) {
    served = raw_exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                 .find("200") != std::string::npos;
    if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(served);
  ::close(second);
  server.stop();
}

// Work runs on the worker pool, not on the I/O threads: with every worker held, a request the
// server marks as light (health) is still answered, and so is a new connection on the one I/O
// thread.
TEST(HttpServer, HealthIsAnsweredWhileEveryWorkerIsBusy) {
  Gate gate;
  auto options = loopback_any_port();
  options.threads = 1;
  options.workers = 1;
  options.runs_inline = [](const HttpRequest& r) { return r.target == "/healthz"; };
  HttpServer server(
      [&gate](const HttpRequest& r) {
        if (r.target == "/slow") gate.wait_inside();
        return HttpResponse{200, "text/plain", "done " + r.target, {}, ""};
      },
      plain_errors(), options);
  ASSERT_TRUE(server.start().ok());
  const uint16_t port = server.port();
  auto slow = std::async(std::launch::async, [port] { return http_call(port, "GET", "/slow"); });
  gate.wait_entered();
  // The one worker is held and the one I/O thread is free: health answers at once.
  const Reply health = http_call(port, "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "done /healthz");
  gate.release();
  EXPECT_EQ(slow.get().body, "done /slow");
}

// With every worker busy and the queue full, one more request is a 503 with Retry-After at once,
// and the requests already taken are all answered.
TEST(HttpServer, AFullQueueIsA503WithRetryAfter) {
  Gate gate;
  auto options = loopback_any_port();
  options.workers = 1;
  options.queue_limit = 1;
  std::atomic<int> calls{0};
  HttpServer server(
      [&](const HttpRequest& r) {
        ++calls;
        if (r.target == "/slow") gate.wait_inside();
        return HttpResponse{200, "text/plain", "done " + r.target, {}, ""};
      },
      plain_errors(), options);
  ASSERT_TRUE(server.start().ok());
  const uint16_t port = server.port();
  auto running = std::async(std::launch::async, [port] { return http_call(port, "GET", "/slow"); });
  gate.wait_entered();
  auto queued = std::async(std::launch::async, [port] { return http_call(port, "GET", "/next"); });
  // Wait until the second request sits in the queue (it cannot run: the worker is held).
  for (int i = 0; i < 500 && server.queued() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_EQ(server.queued(), 1u);
  Reply refused = http_call(port, "GET", "/third");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.headers["retry-after"], "1");
  EXPECT_NE(refused.body.find("busy"), std::string::npos);
  gate.release();
  EXPECT_EQ(running.get().body, "done /slow");
  EXPECT_EQ(queued.get().body, "done /next");
  EXPECT_EQ(calls, 2);  // the refused request never reached the handler
}

// A request waiting in the queue when the server stops is still answered.
TEST(HttpServer, StopAnswersTheQueuedRequests) {
  Gate gate;
  auto options = loopback_any_port();
  options.workers = 1;
  HttpServer server(
      [&](const HttpRequest& r) {
        if (r.target == "/slow") gate.wait_inside();
        return HttpResponse{200, "text/plain", "done " + r.target, {}, ""};
      },
      plain_errors(), options);
  ASSERT_TRUE(server.start().ok());
  const uint16_t port = server.port();
  auto running = std::async(std::launch::async, [port] { return http_call(port, "GET", "/slow"); });
  gate.wait_entered();
  auto queued = std::async(std::launch::async, [port] { return http_call(port, "GET", "/next"); });
  for (int i = 0; i < 500 && server.queued() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  auto stopping = std::async(std::launch::async, [&server] { server.stop(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  gate.release();
  EXPECT_EQ(running.get().body, "done /slow");
  EXPECT_EQ(queued.get().body, "done /next");
  stopping.get();
}

TEST(HttpServer, ABusyPortIsAClearError) {
  HttpServer first([](const HttpRequest&) { return HttpResponse{}; }, plain_errors(),
                   loopback_any_port());
  ASSERT_TRUE(first.start().ok());
  auto options = loopback_any_port();
  options.port = first.port();
  HttpServer second([](const HttpRequest&) { return HttpResponse{}; }, plain_errors(), options);
  auto started = second.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("cannot listen on 127.0.0.1:"), std::string::npos);
}

}  // namespace
}  // namespace clearance::test
