// The route table: every API route is registered through a Router, which turns the documented
// path ("/api/v1/sites/{id}") into cpp-httplib's regex, wraps the handler so that it returns
// JSON or a Status, and records the route so tests can check the docs (and, later, the
// authorisation matrix) against the real table. Route files: health, site, household, person.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/client_address.h"
#include "http/json_fields.h"
#include "service/auth_service.h"

namespace acogida::http {

enum class Method { kGet, kPost, kPut, kDelete };
const char* MethodName(Method method);  // "get", "post", ...

// Who may call a route at the HTTP level. Finer rules (roles, sites) are the services'.
enum class Access {
  kPublic,   // no session: health, login
  kSession,  // a valid session: cookie (plus X-CSRF-Token on writes) or Authorization: Bearer
};

// How a route's record relates to sites, for users who work at some sites only.
enum class SiteScope {
  kNone,          // not tied to a site
  kActAtSite,     // acting at a site they do not work at: 403
  kPersonRecord,  // a person or household of another site: 404 (its existence is not revealed)
};

// What a route needs, declared where it is registered: the router checks the session and the
// role's permission; the service checks them again and the sites. The authorisation-matrix
// test reads these declarations.
struct Needs {
  Access access = Access::kSession;
  std::optional<Permission> permission;  // none: any logged-in role
  SiteScope scope = SiteScope::kNone;

  static Needs Public() { return Needs{Access::kPublic, std::nullopt, SiteScope::kNone}; }
  static Needs AnySession() { return Needs{}; }
  static Needs Role(Permission permission, SiteScope scope = SiteScope::kNone) {
    return Needs{Access::kSession, permission, scope};
  }
};

struct RouteInfo {
  Method method;
  std::string path;  // OpenAPI form: "/api/v1/sites/{id}"
  Needs needs;
};

// What a handler gives back: a JSON body with its HTTP status and extra headers, or an error.
struct Reply {
  int status = 200;
  Json body;  // null for 204
  std::vector<std::pair<std::string, std::string>> headers = {};
  // A body that is not JSON (CSV exports): sent as is with this content type when it is set.
  std::string content_type = {};
  std::string text = {};
};

// True for an edit made at an old version of a record (core StaleVersion).
inline bool IsStaleVersion(const Status& status) {
  return status.code() == StatusCode::kAborted && status.field() == "version";
}
// 409 for a stale edit, with the record as it is now ("current", with its version), so that
// the client can show what changed and retry on top of it; nothing was overwritten.
Reply StaleEdit(const Status& status, Json current);

// The request and, for kSession routes, the session it runs in (empty for kPublic).
struct Call {
  const httplib::Request& req;
  const AuthenticatedSession& session;
  // The client's address: the TCP peer, or X-Forwarded-For's from a trusted proxy (ClientAddressOf).
  std::string client_address = {};
  const Actor& actor() const { return session.actor; }
};

using RouteHandler = std::function<StatusOr<Reply>(const Call&)>;

class Router {
 public:
  Router(httplib::Server& server, AuthService& auth, TrustedProxies trusted = {})
      : server_(server), auth_(auth), trusted_(std::move(trusted)) {}
  void Add(Method method, const std::string& path, Needs needs, RouteHandler handler);
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  httplib::Server& server_;
  AuthService& auth_;
  TrustedProxies trusted_;
  std::vector<RouteInfo> routes_;
};

// The session cookie's name.
inline constexpr const char* kSessionCookie = "acogida_session";

// The address `req` comes from: its TCP peer (remote_addr), or, when that peer is one of
// `trusted`, the right-most untrusted address of its X-Forwarded-For headers (client_address.h).
// Use it, never req.remote_addr, for anything per client (rate limit, throttling, audit).
std::string ClientAddressOf(const httplib::Request& req, const TrustedProxies& trusted);

// Authenticates `req` coming from `client_address` (ClientAddressOf): the bearer token, else
// the session cookie; for a cookie on a write (POST, PUT, DELETE) the X-CSRF-Token header must
// match the session's. The X-Access-Reason header (percent-encoded UTF-8) becomes the actor's reason.
StatusOr<AuthenticatedSession> AuthenticateRequest(AuthService& auth, const httplib::Request& req,
                                                   const std::string& client_address);

// Path parameter `index` (1-based) as an id. NotFound when it does not fit in int64.
StatusOr<int64_t> PathId(const httplib::Request& req, int index);
StatusOr<int64_t> PathId(const Call& call, int index);
// Query parameter as an int, `fallback` when absent; InvalidArgument(name) when malformed.
StatusOr<int> QueryInt(const httplib::Request& req, const char* name, int fallback);

}  // namespace acogida::http
