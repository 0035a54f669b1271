// The tuned cpp-httplib server, its routes, static files and fallbacks.
#include "http/server.h"

#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/error_response.h"
#include "http/rate_limiter.h"

namespace acogida::http {

// httplib::Server with access to its listening socket, to raise the backlog.
class ApiServer::TunedServer : public httplib::Server {
 public:
  bool SetListenBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

ApiServer::ApiServer(Services services, ServerOptions options)
    : server_(std::make_unique<TunedServer>()),
      trusted_proxies_(TrustedProxies::Parse(options.trusted_proxies)),
      services_(std::move(services)),
      options_(std::move(options)) {
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(5);
  server_->set_read_timeout(10);
  server_->set_write_timeout(10);
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"},
                                {"Content-Security-Policy",
                                 "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                 "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"}});

  // Bind refuses to start with invalid ones; until then, trust none.
  const TrustedProxies trusted = trusted_proxies_.ok() ? *trusted_proxies_ : TrustedProxies();
  rate_limiter_ = std::make_unique<RateLimiter>(options_.rate_limit_per_second, 2 * options_.rate_limit_per_second);
  server_->set_pre_routing_handler([this, trusted](const httplib::Request& req, httplib::Response& res) {
    if (rate_limiter_->Allow(ClientAddressOf(req, trusted))) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Retry-After", "1");
    WriteError(res, Status(StatusCode::kResourceExhausted, "too many requests from this address; slow down"));
    return httplib::Server::HandlerResponse::Handled;
  });

  router_ = std::make_unique<Router>(*server_, services_.auth, trusted);
  AddHealthRoutes(*router_, services_);
  AddAuthRoutes(*router_, services_);
  AddAdminRoutes(*router_, services_);
  AddSiteRoutes(*router_, services_);
  AddHouseholdRoutes(*router_, services_);
  AddPersonRoutes(*router_, services_);
  AddBedRoutes(*router_, services_);
  AddReceptionRoutes(*router_, services_);
  AddReferralRoutes(*router_, services_);
  AddLegalRoutes(*router_, services_);
  AddSimulationRoutes(*router_, services_);

  if (!options_.web_root.empty()) server_->set_mount_point("/", options_.web_root);

  const std::string index_path = options_.web_root + "/index.html";
  const bool serve_app = !options_.web_root.empty();
  server_->set_error_handler([index_path, serve_app](const httplib::Request& req, httplib::Response& res) {
    const bool is_api = req.path.rfind("/api/", 0) == 0;
    // The browser app routes in the fragment; any other unknown page gets the app.
    if (res.status == 404 && !is_api && serve_app && req.method == "GET" && res.body.empty()) {
      res.status = 200;
      res.set_content(ReadFile(index_path), "text/html; charset=utf-8");
      return;
    }
    WriteTransportError(req, res);
  });
  server_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    // Never reached by bad input: handlers return Status values. Last guard only.
    std::string what = "unknown exception";
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::exception& exception) {
      what = exception.what();
    } catch (...) {
    }
    WriteError(res, Internal("unhandled exception: " + what));
  });
}

ApiServer::~ApiServer() { Stop(); }

StatusOr<int> ApiServer::Bind() {
  if (!trusted_proxies_.ok()) return trusted_proxies_.status();
  if (!options_.web_root.empty() && !std::filesystem::exists(options_.web_root + "/index.html")) {
    return FailedPrecondition("web root '" + options_.web_root + "' has no index.html; build the app (make web)");
  }
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.host);
    if (port < 0) return Unavailable("cannot bind to " + options_.host);
  } else if (!server_->bind_to_port(options_.host, port)) {
    return Unavailable("cannot listen on " + options_.host + ":" + std::to_string(port) + " (in use?)");
  }
  if (!server_->SetListenBacklog(options_.listen_backlog)) return Internal("cannot raise the listen backlog");
  return port;
}

Status ApiServer::Serve() {
  if (!server_->listen_after_bind()) return Unavailable("the server stopped with an error");
  return OkStatus();
}

void ApiServer::Stop() {
  if (server_) server_->stop();
}

bool ApiServer::IsRunning() const { return server_->is_running(); }

const std::vector<RouteInfo>& ApiServer::routes() const { return router_->routes(); }

}  // namespace acogida::http
