// Status → HTTP mapping.
#include "http/error_response.h"

#include <cstdio>

#include "http/json_fields.h"

namespace acogida::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

void WriteError(httplib::Response& res, const Status& status) {
  res.status = HttpStatusFor(status.code());
  Json error{{"code", StatusCodeName(status.code())}, {"message", status.message()}};
  if (status.code() == StatusCode::kInternal || status.code() == StatusCode::kUnavailable) {
    // The detail may hold SQL or paths: it goes to the log, not to the client.
    std::fprintf(stderr, "acogida: %s\n", status.ToString().c_str());
    error["message"] = status.code() == StatusCode::kInternal ? "internal error; see the server log"
                                                               : "temporarily unavailable; try again";
  }
  if (!status.field().empty()) error["field"] = status.field();
  res.set_content(Json{{"error", std::move(error)}}.dump(-1, ' ', false, Json::error_handler_t::replace),
                  "application/json");
}

}  // namespace acogida::http

namespace acogida::http {

void WriteTransportError(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return;
  const char* code = "InvalidArgument";
  std::string message = "the request is malformed";
  switch (res.status) {
    case 404:
      code = "NotFound";
      message = "no route for " + req.method + " " + req.path;
      break;
    case 413:
      code = "PayloadTooLarge";
      message = "the request body is too large";
      break;
    case 414:
      code = "UriTooLong";
      message = "the request URI is too long";
      break;
    default:
      break;
  }
  res.set_content(Json{{"error", {{"code", code}, {"message", message}}}}.dump(-1, ' ', false,
                                                                                Json::error_handler_t::replace),
                  "application/json");
}

}  // namespace acogida::http
