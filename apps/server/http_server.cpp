#include "http_server.h"

#include <fmt/format.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "worker_pool.h"

namespace clearance::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

class Session;

struct HttpServer::Impl {
  // Declared before the io_contexts: sessions still queued in one when it is destroyed deregister
  // themselves here.
  mutable std::mutex sessions_mutex;
  std::condition_variable sessions_gone;
  std::unordered_set<Session*> sessions;
  HttpHandler handler;
  HttpErrorResponder error_response;
  HttpServerOptions options;
  // One io_context per thread, each run by its thread alone: a connection lives on one thread
  // from accept to close, so no handler is ever handed between threads and a connection needs no
  // strand. The acceptor deals new connections round-robin.
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;
  size_t next_context = 0;
  std::unique_ptr<tcp::acceptor> acceptor;
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  // Declared after the io_contexts, so destroyed before them: a worker's last task posts its
  // response to a connection's io_context.
  std::unique_ptr<WorkerPool> workers;
  bool started = false;
  bool stopped = false;
  uint16_t bound_port = 0;

  std::vector<std::weak_ptr<Session>> weak_sessions() const;

  void accept();
  void add(Session* s) {
    std::lock_guard lock(sessions_mutex);
    sessions.insert(s);
  }
  void remove(Session* s) {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(s);
    if (sessions.empty()) sessions_gone.notify_all();
  }
};

// One connection: read a request, answer it, repeat while the client keeps the connection alive.
// All of a session's work runs on its io_context's one thread, so its members need no lock.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    server_.add(this);
  }
  ~Session() { server_.remove(this); }

  void start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read, shared_from_this()));
  }

  // Called (on the connection's thread) when the server stops: an idle connection is closed now, a
  // busy one after its response.
  void stop() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->reading_ && !(self->parser_ && self->parser_->got_some())) self->close();
    });
  }

 private:
  void read() {
    if (server_.stopping) return close();
    parser_.emplace();
    parser_->body_limit(server_.options.body_limit);
    parser_->header_limit(static_cast<uint32_t>(server_.options.header_limit));
    stream_.expires_after(server_.options.idle_timeout);
    reading_ = true;
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, size_t) {
    reading_ = false;
    if (ec) {
      // The client went away, timed out or we closed it: nothing to answer.
      if (ec == http::error::end_of_stream || ec == net::error::eof ||
          ec == beast::error::timeout || ec == net::error::operation_aborted ||
          ec == net::error::connection_reset || ec == net::error::bad_descriptor || !parser_ ||
          !parser_->got_some())
        return close();
      unsigned status = 400;
      std::string message = fmt::format("malformed HTTP request: {}", ec.message());
      if (ec == http::error::body_limit) {
        status = 413;
        message = fmt::format("request body larger than the limit of {} bytes",
                              server_.options.body_limit);
      } else if (ec == http::error::header_limit) {
        status = 431;
        message = fmt::format("request headers larger than the limit of {} bytes",
                              server_.options.header_limit);
      }
      // After a framing error the rest of the stream cannot be trusted: answer, then close.
      return respond(server_.error_response(status, message), 11, false);
    }
    auto& req = parser_->get();
    // A Transfer-Encoding whose last coding is not chunked (gzip, identity, "xchunked") leaves the
    // body's length unknown (RFC 9112 § 6.3): read as bodiless, its body would be parsed as the
    // next request — one client's bytes run as a request of their own behind a proxy that frames
    // them otherwise. Refused, and the connection closed.
    if (req.find(http::field::transfer_encoding) != req.end() && !req.chunked())
      return respond(server_.error_response(
                         400, "Transfer-Encoding must end in chunked (no other coding is read)"),
                     11, false);
    HttpRequest request;
    request.method = std::string(req.method_string());
    request.target = std::string(req.target());
    request.body = std::move(req.body());
    if (auto it = req.find(http::field::authorization); it != req.end())
      request.authorization = std::string(it->value());
    if (auto it = req.find("x-api-key"); it != req.end())
      request.api_key = std::string(it->value());
    if (auto it = req.find(http::field::host); it != req.end())
      request.host = std::string(it->value());
    if (auto it = req.find(http::field::origin); it != req.end())
      request.origin = std::string(it->value());
    if (auto it = req.find(http::field::if_none_match); it != req.end())
      request.if_none_match = std::string(it->value());
    const bool keep_alive = req.keep_alive();
    const unsigned version = req.version();
    if (server_.options.runs_inline && server_.options.runs_inline(request))
      return respond(run_handler(request), version, keep_alive);
    // To a worker; the answer comes back to this connection's thread to be written. The session
    // reads nothing more meanwhile (no pipelining), so nothing else touches it.
    auto task = [self = shared_from_this(), request = std::move(request), version,
                 keep_alive]() mutable {
      auto response = std::make_shared<HttpResponse>(self->run_handler(request));
      net::post(self->stream_.get_executor(), [self, response, version, keep_alive] {
        self->respond(std::move(*response), version, keep_alive);
      });
    };
    if (!server_.workers->submit(std::move(task))) {
      HttpResponse busy = server_.error_response(
          503, fmt::format("server busy: {} requests are waiting; retry shortly",
                           server_.options.queue_limit));
      busy.headers.emplace_back("Retry-After", "1");
      respond(std::move(busy), version, keep_alive);
    }
  }

  HttpResponse run_handler(const HttpRequest& request) {
    try {
      return server_.handler(request);
    } catch (const std::exception& e) {
      // A fault of ours, not the client's; the connection survives it.
      return server_.error_response(500, fmt::format("internal error: {}", e.what()));
    }
  }

  void respond(HttpResponse&& r, unsigned version, bool keep_alive) {
    if (!r.body_file.empty()) return respond_with_file(std::move(r), version, keep_alive);
    response_.emplace(static_cast<http::status>(r.status), version);
    response_->body() = std::move(r.body);
    send(*response_, r, keep_alive);
  }

  // The body streamed from a file; one that cannot be opened is a 500 (the route found it).
  void respond_with_file(HttpResponse&& r, unsigned version, bool keep_alive) {
    http::file_body::value_type file;
    beast::error_code ec;
    file.open(r.body_file.c_str(), beast::file_mode::scan, ec);
    if (ec)
      return respond(
          server_.error_response(500, fmt::format("cannot read {}: {}", r.body_file, ec.message())),
          version, keep_alive);
    file_response_.emplace(std::piecewise_construct, std::make_tuple(std::move(file)),
                           std::make_tuple(static_cast<http::status>(r.status), version));
    send(*file_response_, r, keep_alive);
  }

  // Headers, keep-alive and length on a response whose body is set, then the write.
  template <typename Response>
  void send(Response& response, const HttpResponse& r, bool keep_alive) {
    response.set(http::field::server, "clearance");
    response.set(http::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) response.set(name, value);
    response.keep_alive(keep_alive && !server_.stopping);
    keep_alive_ = response.keep_alive();
    response.prepare_payload();
    stream_.expires_after(server_.options.idle_timeout);
    http::async_write(stream_, response,
                      beast::bind_front_handler(&Session::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, size_t) {
    const bool again = !ec && keep_alive_;
    response_.reset();
    file_response_.reset();
    if (!again) return close();
    read();
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> response_;
  std::optional<http::response<http::file_body>> file_response_;
  bool keep_alive_ = false;  // of the response being written
  HttpServer::Impl& server_;
  bool reading_ = false;
};

void HttpServer::Impl::accept() {
  net::io_context& target = *contexts[next_context++ % contexts.size()];
  acceptor->async_accept(target, [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor->is_open()) return;  // stopped
      // Out of file descriptors: accepting again at once would fail again at once (a core spent
      // spinning). Wait for connections to close, then try again.
      if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space) {
        auto timer = std::make_shared<net::steady_timer>(acceptor->get_executor(),
                                                         std::chrono::milliseconds(100));
        timer->async_wait([this, timer](beast::error_code) {
          if (!stopping) accept();
        });
        return;
      }
    } else if (!stopping) {
      size_t open;
      {
        std::lock_guard lock(sessions_mutex);
        open = sessions.size();
      }
      if (open >= options.max_connections) {
        socket.close(ec);  // over the cap: refused, the others keep their service
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(socket), *this)->start();
      }
    }
    if (!stopping) accept();
  });
}

std::vector<std::weak_ptr<Session>> HttpServer::Impl::weak_sessions() const {
  std::lock_guard lock(sessions_mutex);
  std::vector<std::weak_ptr<Session>> out;
  out.reserve(sessions.size());
  for (Session* s : sessions) out.push_back(s->weak_from_this());
  return out;
}

HttpServer::HttpServer(HttpHandler handler, HttpErrorResponder error_response,
                       HttpServerOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  impl_->error_response = std::move(error_response);
  impl_->options = std::move(options);
}

HttpServer::~HttpServer() {
  stop();
}

Status HttpServer::start() {
  Impl& s = *impl_;
  beast::error_code ec;
  const auto address = net::ip::make_address(s.options.address, ec);
  if (ec)
    return make_error(ErrorCode::invalid_argument,
                      fmt::format("--listen: '{}' is not an IP address", s.options.address));
  const tcp::endpoint endpoint(address, s.options.port);
  unsigned n = s.options.threads ? s.options.threads : std::thread::hardware_concurrency();
  if (n == 0) n = 1;
  for (unsigned i = 0; i < n; ++i) {
    s.contexts.push_back(std::make_unique<net::io_context>(1));
    s.keep_running.push_back(net::make_work_guard(*s.contexts.back()));
  }
  // Workers yield the cores to the I/O threads when both have work: when screening takes every
  // core, reading, writing and health checks must still get their turn at once.
  constexpr int kWorkerNice = 5;
  s.workers = std::make_unique<WorkerPool>(s.options.workers, s.options.queue_limit, kWorkerNice);
  s.acceptor = std::make_unique<tcp::acceptor>(*s.contexts[0]);
  s.acceptor->open(endpoint.protocol(), ec);
  if (!ec) s.acceptor->set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor->bind(endpoint, ec);
  if (!ec) s.acceptor->listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    return make_error(
        ErrorCode::network,
        fmt::format("cannot listen on {}:{}: {}", s.options.address, s.options.port, ec.message()));
  s.bound_port = s.acceptor->local_endpoint().port();
  s.accept();
  for (auto& context : s.contexts) s.threads.emplace_back([&ioc = *context] { ioc.run(); });
  s.started = true;
  return Ok{};
}

uint16_t HttpServer::port() const {
  return impl_->bound_port;
}

size_t HttpServer::queued() const {
  return impl_->workers ? impl_->workers->queued() : 0;
}

size_t HttpServer::connections() const {
  std::lock_guard lock(impl_->sessions_mutex);
  return impl_->sessions.size();
}

void HttpServer::stop() {
  Impl& s = *impl_;
  if (!s.started || s.stopped) return;
  s.stopped = true;
  s.stopping = true;
  net::post(*s.contexts[0], [&s] {
    beast::error_code ignored;
    s.acceptor->close(ignored);
  });
  for (auto& weak : s.weak_sessions())
    if (auto session = weak.lock()) session->stop();
  {
    std::unique_lock lock(s.sessions_mutex);
    s.sessions_gone.wait_for(lock, s.options.shutdown_grace, [&s] { return s.sessions.empty(); });
  }
  s.keep_running.clear();
  for (auto& context : s.contexts) context->stop();  // cuts what the grace period did not finish
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  // The grace period is over: requests still queued could not be answered any more, so they are
  // dropped; those running post their answers to stopped io_contexts, which drop them.
  s.workers->stop(/*drain=*/false);
}

}  // namespace clearance::server
