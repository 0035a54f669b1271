// Login, sessions, throttling and password change.
#include "service/auth_service.h"

#include <algorithm>

#include "crypto/password.h"
#include "crypto/tokens.h"
#include "service/audit.h"

namespace acogida {
namespace {

const Status kWrongCredentials(StatusCode::kUnauthenticated, "wrong username or password");
const Status kNoSession(StatusCode::kUnauthenticated, "not logged in or the session has expired");

// A valid Argon2id hash of a random password, verified against when the user does not exist
// so that unknown and known usernames take the same time.
const std::string& DummyHash() {
  static const std::string hash = HashPassword(NewToken()).value();
  return hash;
}

}  // namespace

Status AuthService::CheckThrottle(const std::string& username, const std::string& remote_address) {
  const UtcTime now = clock_();
  LoginFailures failures;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(failures, tx.CountLoginFailures(username, remote_address, FormatUtc(now - std::chrono::hours(1))));
    return OkStatus();
  }));
  const int64_t worst = std::max(failures.by_username, failures.by_address);
  if (worst >= options_.max_failures_per_hour) {
    return Status(StatusCode::kResourceExhausted, "too many failed logins; try again in an hour");
  }
  if (worst >= options_.free_failures && !failures.last_failure_at.empty()) {
    const int64_t exponent = std::min<int64_t>(worst - options_.free_failures, 20);
    const auto delay = std::min<std::chrono::seconds>(std::chrono::seconds(int64_t{1} << exponent), options_.max_delay);
    auto last = ParseUtc(failures.last_failure_at, "at");
    if (last.ok() && now < *last + delay) {
      const auto wait = std::chrono::duration_cast<std::chrono::seconds>(*last + delay - now).count();
      return Status(StatusCode::kResourceExhausted,
                    "too many failed logins; try again in " + std::to_string(wait) + " seconds");
    }
  }
  return OkStatus();
}

StatusOr<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                         const std::string& remote_address) {
  RETURN_IF_ERROR(CheckThrottle(username, remote_address));
  std::string password_hash;
  StatusOr<User> found = Status(StatusCode::kNotFound, "");
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    found = tx.FindUserByUsername(username, &password_hash);
    return found.ok() || found.status().code() == StatusCode::kNotFound ? OkStatus() : found.status();
  }));
  const bool password_ok = VerifyPassword(found.ok() ? password_hash : DummyHash(), password);
  const bool accepted = found.ok() && password_ok && !found->disabled;

  LoginResult result;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.RecordLoginAttempt(username, remote_address, accepted));
    Actor actor;
    actor.remote_address = remote_address;
    if (found.ok()) actor.user = *found;
    else actor.user.username = username.substr(0, 64);
    if (!accepted) {
      return AppendAuditRow(tx, actor, audit_action::kLoginFailed, "session", 0);
    }
    SessionRecord session;
    result.user = *found;
    result.token = NewToken();
    result.csrf_token = NewToken();
    session.token_digest = TokenDigest(result.token);
    session.csrf_token = result.csrf_token;
    session.user_id = found->id;
    session.remote_address = remote_address;
    RETURN_IF_ERROR(tx.InsertSession(session));
    return AppendAuditRow(tx, actor, audit_action::kLogin, "session", session.id);
  }));
  if (!accepted) return kWrongCredentials;
  return result;
}

StatusOr<AuthenticatedSession> AuthService::Authenticate(const std::string& token, const std::string& remote_address) {
  if (token.empty() || token.size() > 128) return kNoSession;
  const UtcTime now = clock_();
  AuthenticatedSession out;
  SessionRecord session;
  bool expired = false;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    auto found = tx.FindSession(TokenDigest(token));
    if (!found.ok()) return found.status().code() == StatusCode::kNotFound ? kNoSession : found.status();
    session = *found;
    auto created = ParseUtc(session.created_at, "created_at");
    auto seen = ParseUtc(session.last_seen_at, "last_seen_at");
    if (!created.ok() || !seen.ok() || now >= *created + options_.absolute_timeout ||
        now >= *seen + options_.idle_timeout) {
      expired = true;
      return OkStatus();
    }
    ASSIGN_OR_RETURN(out.actor.user, tx.GetUser(session.user_id));
    if (out.actor.user.disabled) expired = true;
    return OkStatus();
  }));
  auto seen = ParseUtc(session.last_seen_at, "last_seen_at");
  if (expired) {
    RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.DeleteSession(session.id); }));
    return kNoSession;
  }
  if (seen.ok() && now >= *seen + options_.touch_interval) {
    RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) { return tx.TouchSession(session.id); }));
  }
  out.actor.remote_address = remote_address;
  out.session_id = session.id;
  out.csrf_token = session.csrf_token;
  return out;
}

Status AuthService::Logout(const AuthenticatedSession& session) {
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.DeleteSession(session.session_id));
    return AppendAuditRow(tx, session.actor, audit_action::kLogout, "session", session.session_id);
  });
}

Status AuthService::ChangePassword(const AuthenticatedSession& session, const std::string& current,
                                   const std::string& new_password) {
  const User& user = session.actor.user;
  // A stolen session must not become a way to guess the password: same throttle as logins.
  RETURN_IF_ERROR(CheckThrottle(user.username, session.actor.remote_address));
  std::string stored_hash;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    return tx.FindUserByUsername(user.username, &stored_hash).status();
  }));
  if (!VerifyPassword(stored_hash, current)) {
    RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) {
      return tx.RecordLoginAttempt(user.username, session.actor.remote_address, false);
    }));
    return Status(StatusCode::kUnauthenticated, "the current password is wrong");
  }
  Status policy = CheckPasswordPolicy(new_password, user.username);
  if (!policy.ok()) return InvalidArgument("new_password", policy.message());
  ASSIGN_OR_RETURN(std::string new_hash, HashPassword(new_password));
  return store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.SetPasswordHash(user.id, new_hash));
    RETURN_IF_ERROR(tx.DeleteSessionsOfUser(user.id, session.session_id));
    return AppendAuditRow(tx, session.actor, audit_action::kUpdate, "user", user.id, {"password"});
  });
}

}  // namespace acogida
