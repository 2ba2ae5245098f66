#pragma once
// A small real HTTP/1.1 server on 127.0.0.1 for download tests (and the listener under it, for
// tests that receive requests): serves files by path, and can cut
// a response short or answer with an error status, which no well-behaved public server will do on
// demand.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>

#include "clearance/util/file_io.h"

namespace clearance::test {

// A listening socket on 127.0.0.1 (a free port) whose connections a thread hands, one at a time,
// to `handle`; the connection is closed after it.
class LoopbackListener {
 public:
  LoopbackListener() {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(listener_, 16);
    socklen_t length = sizeof addr;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length);
    port_ = ntohs(addr.sin_port);
  }
  ~LoopbackListener() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    ::close(listener_);
  }
  void start(std::function<void(int client)> handle) {
    handle_ = std::move(handle);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd pfd{listener_, POLLIN, 0};
        if (::poll(&pfd, 1, 50) <= 0) continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) continue;
        handle_(client);
        ::close(client);
      }
    });
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  static void send_all(int client, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(client, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::function<void(int)> handle_;
  std::thread thread_;
};

class LoopbackHttpServer {
 public:
  enum class Mode { full, truncated, not_found };
  struct Route {
    std::string file;
    Mode mode = Mode::full;
  };

  void route(const std::string& path, Route r) { routes_[path] = std::move(r); }
  void start() {
    listener_.start([this](int client) { handle(client); });
  }
  std::string url(const std::string& path) const { return listener_.url(path); }

 private:
  void handle(int client) {
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      request.append(buffer, static_cast<size_t>(n));
    }
    const size_t start = request.find(' ') + 1;
    const std::string path = request.substr(start, request.find(' ', start) - start);
    auto it = routes_.find(path);
    if (it == routes_.end() || it->second.mode == Mode::not_found) {
      LoopbackListener::send_all(
          client,
          "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
      return;
    }
    const std::string body = read_file_raw(it->second.file).value();
    LoopbackListener::send_all(
        client, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n");
    // Truncated: announce the full length, send half, hang up — what a dropped connection looks
    // like.
    LoopbackListener::send_all(
        client, it->second.mode == Mode::truncated ? body.substr(0, body.size() / 2) : body);
  }

  std::map<std::string, Route> routes_;
  LoopbackListener listener_;  // last: its thread stops before the routes go
};

}  // namespace clearance::test
