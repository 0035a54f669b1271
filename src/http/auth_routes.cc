// Sessions:
//   POST /api/v1/auth/login      username + password → session cookie (HttpOnly, SameSite=Strict)
//                                and a CSRF token; with "X-Session-Mode: bearer", the token in
//                                the body instead of a cookie (for API clients)
//   GET  /api/v1/auth/session    who is logged in (and the CSRF token again)
//   POST /api/v1/auth/logout     end the session
//   POST /api/v1/auth/password   change one's own password
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {
namespace {

std::string SessionCookie(const std::string& value, int max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_seconds) + (secure ? "; Secure" : "");
}

}  // namespace

void AddAuthRoutes(Router& router, const Services& services) {
  AuthService& auth = services.auth;
  const bool secure = services.secure_cookies;

  router.Add(Method::kPost, "/api/v1/auth/login", Needs::Public(), [&auth, secure](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string username, ReadString(body, "username", "username", Presence::kRequired));
    ASSIGN_OR_RETURN(std::string password, ReadString(body, "password", "password", Presence::kRequired));
    if (username.size() > 64 || password.size() > 1024) {
      return Status(StatusCode::kUnauthenticated, "wrong username or password");
    }
    ASSIGN_OR_RETURN(LoginResult login, auth.Login(username, password, call.client_address));
    Json out{{"user", UserToJson(login.user)}, {"csrf_token", login.csrf_token}};
    if (call.req.get_header_value("X-Session-Mode") == "bearer") {
      out["token"] = login.token;
      return Reply{200, std::move(out)};
    }
    return Reply{200, std::move(out), {{"Set-Cookie", SessionCookie(login.token, 12 * 3600, secure)}}};
  });

  router.Add(Method::kGet, "/api/v1/auth/session", Needs::AnySession(), [](const Call& call) -> StatusOr<Reply> {
    return Reply{200, Json{{"user", UserToJson(call.actor().user)}, {"csrf_token", call.session.csrf_token}}};
  });

  router.Add(Method::kPost, "/api/v1/auth/logout", Needs::AnySession(), [&auth, secure](const Call& call) -> StatusOr<Reply> {
    RETURN_IF_ERROR(auth.Logout(call.session));
    return Reply{204, nullptr, {{"Set-Cookie", SessionCookie("", 0, secure)}}};
  });

  router.Add(Method::kPost, "/api/v1/auth/password", Needs::AnySession(), [&auth](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string current,
                     ReadString(body, "current_password", "current_password", Presence::kRequired));
    ASSIGN_OR_RETURN(std::string next, ReadString(body, "new_password", "new_password", Presence::kRequired));
    RETURN_IF_ERROR(auth.ChangePassword(call.session, current, next));
    return Reply{204, nullptr};
  });
}

}  // namespace acogida::http
