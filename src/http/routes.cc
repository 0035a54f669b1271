// Route registration and request helpers.
#include "http/routes.h"

#include <charconv>
#include <regex>

#include "http/error_response.h"

namespace acogida::http {
namespace {

// "/api/v1/sites/{id}/sections" → "/api/v1/sites/(\d+)/sections".
std::string PathToRegex(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[a-z_]+\})"), R"((\d+))");
}

void Respond(httplib::Response& res, StatusOr<Reply> reply) {
  if (!reply.ok()) {
    WriteError(res, reply.status());
    return;
  }
  res.status = reply->status;
  if (reply->status != 204) {
    res.set_content(reply->body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
  }
}

}  // namespace

const char* MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "get";
    case Method::kPost: return "post";
    case Method::kPut: return "put";
    case Method::kDelete: return "delete";
  }
  return "";
}

void Router::Add(Method method, const std::string& path, RouteHandler handler) {
  routes_.push_back({method, path});
  auto wrapped = [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    Respond(res, handler(req));
  };
  const std::string pattern = PathToRegex(path);
  switch (method) {
    case Method::kGet: server_.Get(pattern, wrapped); break;
    case Method::kPost: server_.Post(pattern, wrapped); break;
    case Method::kPut: server_.Put(pattern, wrapped); break;
    case Method::kDelete: server_.Delete(pattern, wrapped); break;
  }
}

StatusOr<int64_t> PathId(const httplib::Request& req, int index) {
  const std::string text = req.matches[index];
  int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return NotFound("no such record");
  return id;
}

StatusOr<int> QueryInt(const httplib::Request& req, const char* name, int fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return InvalidArgument(name, "must be a whole number");
  }
  return value;
}

}  // namespace acogida::http
