// The route table: every API route is registered through a Router, which turns the documented
// path ("/api/v1/sites/{id}") into cpp-httplib's regex, wraps the handler so that it returns
// JSON or a Status, and records the route so tests can check the docs (and, later, the
// authorisation matrix) against the real table. Route files: health, site, household, person.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>
#include <vector>

#include "http/json_fields.h"

namespace acogida::http {

enum class Method { kGet, kPost, kPut, kDelete };
const char* MethodName(Method method);  // "get", "post", ...

struct RouteInfo {
  Method method;
  std::string path;  // OpenAPI form: "/api/v1/sites/{id}"
};

// What a handler gives back: a JSON body with its HTTP status, or an error Status.
struct Reply {
  int status = 200;
  Json body;  // null for 204
};

using RouteHandler = std::function<StatusOr<Reply>(const httplib::Request&)>;

class Router {
 public:
  explicit Router(httplib::Server& server) : server_(server) {}
  void Add(Method method, const std::string& path, RouteHandler handler);
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  httplib::Server& server_;
  std::vector<RouteInfo> routes_;
};

// Path parameter `index` (1-based) as an id. NotFound when it does not fit in int64.
StatusOr<int64_t> PathId(const httplib::Request& req, int index);
// Query parameter as an int, `fallback` when absent; InvalidArgument(name) when malformed.
StatusOr<int> QueryInt(const httplib::Request& req, const char* name, int fallback);

}  // namespace acogida::http
