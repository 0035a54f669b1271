// ApiServer is Acogida's HTTP server: the JSON API under /api/v1 and the browser app's
// built files at /. It tunes cpp-httplib 0.11, whose defaults serve ~300 requests/s:
// TCP_NODELAY, long keep-alive, a thread pool sized for concurrent connections, and a
// listen backlog larger than the hard-wired 5. Bind, then Serve (blocks) until Stop.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http/api.h"
#include "http/client_address.h"

namespace acogida::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  // 0 picks a free port; Bind returns it.
  int port = 8080;
  // Folder with the built browser app (index.html); empty serves the API only.
  std::string web_root;
  // Worker threads; each serves one keep-alive connection at a time.
  int threads = 128;
  // Larger request bodies get 413.
  size_t max_body_bytes = 1 << 20;
  // Pending connections the kernel queues before accept.
  int listen_backlog = 1024;
  // Requests a second allowed per client address (burst: twice that); 0 turns the limit off.
  double rate_limit_per_second = 500;
  // Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed: a request from
  // one of them comes from the right-most address in that header that is not one of them
  // (client_address.h). Empty: every client is its TCP peer and the header is ignored.
  std::vector<std::string> trusted_proxies;
};

class ApiServer {
 public:
  ApiServer(Services services, ServerOptions options);
  ~ApiServer();

  // Binds the socket. Returns the port, or Unavailable if it cannot bind (port in use),
  // FailedPrecondition if web_root is given but has no index.html, InvalidArgument if a
  // trusted proxy is not an address or CIDR range.
  StatusOr<int> Bind();
  // Serves requests until Stop() is called. Bind first.
  Status Serve();
  void Stop();
  bool IsRunning() const;

  // Every API route, in registration order (for docs and authorisation tests).
  const std::vector<RouteInfo>& routes() const;

 private:
  class TunedServer;
  std::unique_ptr<TunedServer> server_;
  std::unique_ptr<class RateLimiter> rate_limiter_;
  StatusOr<TrustedProxies> trusted_proxies_;
  std::unique_ptr<Router> router_;
  Services services_;
  ServerOptions options_;
};

}  // namespace acogida::http
