// Route registration and request helpers.
#include "http/routes.h"

#include <cctype>
#include <charconv>
#include <regex>

#include "crypto/tokens.h"
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
  for (const auto& [name, value] : reply->headers) res.set_header(name, value);
  if (!reply->content_type.empty()) {
    res.set_content(reply->text, reply->content_type);
  } else if (reply->status != 204) {
    res.set_content(reply->body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json");
  }
}

// The value of cookie `name` in the Cookie header, "" if absent.
std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view pair(header.data() + pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    if (text[idx] == '%' && idx + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[idx + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[idx + 2]))) {
      out.push_back(static_cast<char>(std::stoi(text.substr(idx + 1, 2), nullptr, 16)));
      idx += 2;
    } else {
      out.push_back(text[idx]);
    }
  }
  return out;
}

// Bodies of writes must be JSON: a form post from another site cannot reach the API.
Status CheckJsonBody(const httplib::Request& req) {
  if (req.method != "POST" && req.method != "PUT") return OkStatus();
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) != 0) return InvalidArgument("content-type", "must be application/json");
  return OkStatus();
}

}  // namespace

Reply StaleEdit(const Status& status, Json current) {
  Json error{{"code", StatusCodeName(status.code())}, {"message", status.message()}, {"field", "version"}};
  if (current.contains("version")) error["current_version"] = current["version"];
  return Reply{409, Json{{"error", std::move(error)}, {"current", std::move(current)}}};
}

std::string ClientAddressOf(const httplib::Request& req, const TrustedProxies& trusted) {
  if (trusted.empty()) return req.remote_addr;
  // Several X-Forwarded-For headers are one list, in order (RFC 9110, 5.3).
  std::string forwarded_for;
  const size_t count = req.get_header_value_count("X-Forwarded-For");
  for (size_t idx = 0; idx < count; ++idx) {
    if (idx > 0) forwarded_for += ',';
    forwarded_for += req.get_header_value("X-Forwarded-For", idx);
  }
  return trusted.ClientOf(req.remote_addr, forwarded_for);
}

StatusOr<AuthenticatedSession> AuthenticateRequest(AuthService& auth, const httplib::Request& req,
                                                   const std::string& client_address) {
  const std::string authorization = req.get_header_value("Authorization");
  const bool bearer = authorization.rfind("Bearer ", 0) == 0;
  const std::string token = bearer ? authorization.substr(7) : CookieValue(req, kSessionCookie);
  ASSIGN_OR_RETURN(AuthenticatedSession session, auth.Authenticate(token, client_address));
  if (!bearer && req.method != "GET" && req.method != "HEAD" &&
      !ConstantTimeEquals(req.get_header_value("X-CSRF-Token"), session.csrf_token)) {
    return Status(StatusCode::kPermissionDenied, "missing or wrong X-CSRF-Token header");
  }
  session.actor.reason = PercentDecode(req.get_header_value("X-Access-Reason"));
  return session;
}

const char* MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "get";
    case Method::kPost: return "post";
    case Method::kPut: return "put";
    case Method::kDelete: return "delete";
  }
  return "";
}

void Router::Add(Method method, const std::string& path, Needs needs, RouteHandler handler) {
  routes_.push_back({method, path, needs});
  auto wrapped = [this, needs, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    Status body_ok = CheckJsonBody(req);
    if (!body_ok.ok()) return Respond(res, body_ok);
    std::string client_address = ClientAddressOf(req, trusted_);
    if (needs.access == Access::kPublic) {
      const AuthenticatedSession none;
      return Respond(res, handler(Call{req, none, std::move(client_address)}));
    }
    StatusOr<AuthenticatedSession> session = AuthenticateRequest(auth_, req, client_address);
    if (!session.ok()) return Respond(res, session.status());
    if (needs.permission && !session->actor.Can(*needs.permission)) {
      return Respond(res, Status(StatusCode::kPermissionDenied, "your role may not do this"));
    }
    Respond(res, handler(Call{req, *session, std::move(client_address)}));
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

StatusOr<int64_t> PathId(const Call& call, int index) { return PathId(call.req, index); }

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
