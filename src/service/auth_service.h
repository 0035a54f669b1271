// Logging in and out, and turning a session token into the Actor a request runs as.
// Sessions expire after 30 minutes idle and 12 hours in all. Failed logins are throttled per
// account and per address: after a few failures each further attempt must wait longer (1 s,
// 2 s, 4 s ... up to 5 minutes), and at most 100 failures an hour are accepted. Every error
// of a login is the same generic one, whether or not the user exists. Thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "core/account.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct AuthOptions {
  std::chrono::seconds idle_timeout = std::chrono::minutes(30);
  std::chrono::seconds absolute_timeout = std::chrono::hours(12);
  // Failures within the last hour, per account or per address, beyond which logins are refused.
  int max_failures_per_hour = 100;
  // Failures after which each attempt must wait 2^(failures - free) seconds since the last one.
  int free_failures = 5;
  std::chrono::seconds max_delay = std::chrono::minutes(5);
  // last_seen_at is written at most this often per session (a write per request is waste).
  std::chrono::seconds touch_interval = std::chrono::seconds(60);
};

struct LoginResult {
  User user;
  std::string token;       // the bearer token / cookie value; only its digest is stored
  std::string csrf_token;  // to echo in X-CSRF-Token on cookie-authenticated writes
};

struct AuthenticatedSession {
  Actor actor;
  int64_t session_id = 0;
  std::string csrf_token;
};

class AuthService {
 public:
  AuthService(Store& store, Clock clock, AuthOptions options = {})
      : store_(store), clock_(std::move(clock)), options_(options) {}

  // Unauthenticated("wrong username or password") for any bad credential or disabled user;
  // ResourceExhausted when throttled (the message says how long to wait).
  StatusOr<LoginResult> Login(const std::string& username, const std::string& password,
                              const std::string& remote_address);
  // Unauthenticated if the token is unknown, expired, or its user disabled.
  StatusOr<AuthenticatedSession> Authenticate(const std::string& token, const std::string& remote_address);
  Status Logout(const AuthenticatedSession& session);
  // Unauthenticated if `current` is wrong (counted like a failed login, and throttled the same);
  // InvalidArgument("new_password") against the policy. Ends the user's other sessions.
  Status ChangePassword(const AuthenticatedSession& session, const std::string& current,
                        const std::string& new_password);

 private:
  // ResourceExhausted while the username or address must wait (see the class comment).
  Status CheckThrottle(const std::string& username, const std::string& remote_address);

  Store& store_;
  Clock clock_;
  AuthOptions options_;
};

}  // namespace acogida
