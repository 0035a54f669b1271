// gtest matchers for Status and StatusOr: EXPECT_OK(expr), ASSERT_OK(expr), and
// StatusIs(code, field) which checks the specific error and the field it names.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status.h"

namespace acogida::testing {

inline const Status& GetStatus(const Status& status) { return status; }
template <typename T>
Status GetStatus(const StatusOr<T>& status_or) { return status_or.status(); }

MATCHER_P2(StatusIs, code, field,
           std::string("has code ") + StatusCodeName(code) + " and field \"" + std::string(field) + "\"") {
  Status status = GetStatus(arg);
  *result_listener << "got " << status.ToString();
  return status.code() == code && status.field() == std::string(field);
}

MATCHER_P(StatusCodeIs, code, std::string("has code ") + StatusCodeName(code)) {
  Status status = GetStatus(arg);
  *result_listener << "got " << status.ToString();
  return status.code() == code;
}

}  // namespace acogida::testing

// Evaluates `expr` once and reports the status when it is not OK.
#define EXPECT_OK(expr)                                                   \
  do {                                                                    \
    const ::acogida::Status expect_ok_status = ::acogida::testing::GetStatus(expr); \
    EXPECT_TRUE(expect_ok_status.ok()) << expect_ok_status.ToString();   \
  } while (false)
#define ASSERT_OK(expr)                                                   \
  do {                                                                    \
    const ::acogida::Status assert_ok_status = ::acogida::testing::GetStatus(expr); \
    ASSERT_TRUE(assert_ok_status.ok()) << assert_ok_status.ToString();   \
  } while (false)
