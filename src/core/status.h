// A Status is the result of an operation: OK, or an error code with a message and,
// for invalid input, the name of the offending field. StatusOr<T> holds a value or an
// error. These are the error values passed across every module boundary; the HTTP
// adapter maps them to responses in one place (src/http/error_response.cc).
// Immutable values; safe to copy between threads.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace acogida {

// Code names follow abseil's canonical codes.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kUnauthenticated,
  kFailedPrecondition,
  kAborted,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The input field at fault ("members[1].birth_date"), empty when none applies.
  const std::string& field() const { return field_; }
  // "InvalidArgument: birth_date: must be YYYY, YYYY-MM or YYYY-MM-DD".
  std::string ToString() const;

  // Returns a copy whose field is prefixed: WithFieldPrefix("members[1]") turns
  // "birth_date" into "members[1].birth_date".
  Status WithFieldPrefix(const std::string& prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

inline Status OkStatus() { return Status(); }
inline Status InvalidArgument(std::string field, std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
}
inline Status NotFound(std::string message) { return Status(StatusCode::kNotFound, std::move(message)); }
inline Status AlreadyExists(std::string message) {
  return Status(StatusCode::kAlreadyExists, std::move(message));
}
inline Status FailedPrecondition(std::string message) {
  return Status(StatusCode::kFailedPrecondition, std::move(message));
}
inline Status Aborted(std::string message) { return Status(StatusCode::kAborted, std::move(message)); }
// An edit made at an old version of a record (optimistic concurrency): Aborted, field "version".
inline Status StaleVersion(std::string message) {
  return Status(StatusCode::kAborted, std::move(message), "version");
}
inline Status Unavailable(std::string message) { return Status(StatusCode::kUnavailable, std::move(message)); }
inline Status Internal(std::string message) { return Status(StatusCode::kInternal, std::move(message)); }

template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : value_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(value_).ok() && "StatusOr needs an error status or a value");
  }

  bool ok() const { return std::holds_alternative<T>(value_); }
  Status status() const { return ok() ? OkStatus() : std::get<Status>(value_); }

  const T& value() const& { return std::get<T>(value_); }
  T& value() & { return std::get<T>(value_); }
  T&& value() && { return std::get<T>(std::move(value_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> value_;
};

}  // namespace acogida

#define ACOGIDA_CONCAT_INNER_(a, b) a##b
#define ACOGIDA_CONCAT_(a, b) ACOGIDA_CONCAT_INNER_(a, b)

// Returns from the enclosing function if `expr` yields a non-OK Status.
#define RETURN_IF_ERROR(expr)                                        \
  do {                                                               \
    ::acogida::Status ACOGIDA_CONCAT_(status_, __LINE__) = (expr);   \
    if (!ACOGIDA_CONCAT_(status_, __LINE__).ok())                    \
      return ACOGIDA_CONCAT_(status_, __LINE__);                     \
  } while (false)

// ASSIGN_OR_RETURN(T x, expr): evaluates the StatusOr `expr`; on error returns its
// status, otherwise moves its value into the declaration `x`.
#define ASSIGN_OR_RETURN(decl, expr)                                         \
  auto ACOGIDA_CONCAT_(status_or_, __LINE__) = (expr);                       \
  if (!ACOGIDA_CONCAT_(status_or_, __LINE__).ok())                           \
    return ACOGIDA_CONCAT_(status_or_, __LINE__).status();                   \
  decl = std::move(ACOGIDA_CONCAT_(status_or_, __LINE__)).value()
