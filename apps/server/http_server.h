#pragma once
// An HTTP/1.1 server on Boost.Beast (asynchronous, one io_context per I/O thread, each connection
// kept on one thread): keep-alive, limits on header and body size, idle timeouts, a connection
// cap, and a graceful stop. It knows nothing of screening: every request goes to one handler.
// The handler runs on a worker pool with a bounded queue, never on an I/O thread, so a long
// request stalls no other connection; when the queue is full the request is answered 503 with
// Retry-After at once. Requests `runs_inline` picks (health checks) skip the queue and are
// answered on the I/O thread: they stay fast however busy the workers are. Requests the transport
// itself rejects (malformed HTTP, oversize body, a full queue) are answered through
// `error_response` so that their bodies look like every other error.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "clearance/util/result.h"
#include "http_types.h"

namespace clearance::server {

struct HttpServerOptions {
  std::string address = "127.0.0.1";                // loopback unless told otherwise
  uint16_t port = 8080;                             // 0: any free port (see HttpServer::port)
  unsigned threads = 0;                             // 0: one per core
  size_t body_limit = 4 << 20;                      // bytes; a larger body gets 413
  size_t header_limit = 16 << 10;                   // bytes; larger headers get 431
  std::chrono::seconds idle_timeout{60};            // a keep-alive connection with nothing to say
  std::chrono::milliseconds shutdown_grace{10000};  // how long stop() waits for requests in flight
  size_t max_connections = 4096;                    // open connections; one more is closed at once
  unsigned workers = 0;                             // threads running handlers; 0: one per core
  size_t queue_limit = 256;  // requests waiting for a worker; one more is a 503
  // Requests cheap enough to answer on the I/O thread, never queued (health checks). Unset: none.
  std::function<bool(const HttpRequest&)> runs_inline;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
using HttpErrorResponder = std::function<HttpResponse(unsigned status, const std::string& message)>;

class HttpServer {
 public:
  HttpServer(HttpHandler handler, HttpErrorResponder error_response, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads. An error when the address cannot be bound.
  Status start();
  // The bound port (useful with port 0).
  uint16_t port() const;
  // Stops accepting, closes idle connections, lets requests in flight finish (each answered with
  // "Connection: close"), then joins the threads; connections still busy after the grace period
  // are cut. Idempotent.
  void stop();
  // Open connections, for tests and metrics.
  size_t connections() const;
  // Requests waiting for a worker, for tests and metrics.
  size_t queued() const;

  struct Impl;  // public so that the connection class in the .cpp can reach it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace clearance::server
