// Tests of Status, StatusOr and the RETURN_IF_ERROR / ASSIGN_OR_RETURN macros.
#include "core/status.h"

#include <gtest/gtest.h>

#include <memory>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;

TEST(Status, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.ToString(), "OK");
}

TEST(Status, InvalidArgumentCarriesFieldAndMessage) {
  Status status = InvalidArgument("birth_date", "must not be in the future");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "birth_date");
  EXPECT_EQ(status.message(), "must not be in the future");
  EXPECT_EQ(status.ToString(), "InvalidArgument: birth_date: must not be in the future");
}

TEST(Status, ToStringOmitsEmptyField) {
  EXPECT_EQ(NotFound("site 7 does not exist").ToString(), "NotFound: site 7 does not exist");
}

TEST(Status, HelpersSetTheirCodes) {
  EXPECT_EQ(AlreadyExists("x").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(FailedPrecondition("x").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Aborted("x").code(), StatusCode::kAborted);
  EXPECT_EQ(Unavailable("x").code(), StatusCode::kUnavailable);
  EXPECT_EQ(Internal("x").code(), StatusCode::kInternal);
}

TEST(Status, CodeNamesFollowAbseil) {
  EXPECT_STREQ(StatusCodeName(StatusCode::kInvalidArgument), "InvalidArgument");
  EXPECT_STREQ(StatusCodeName(StatusCode::kPermissionDenied), "PermissionDenied");
  EXPECT_STREQ(StatusCodeName(StatusCode::kResourceExhausted), "ResourceExhausted");
}

TEST(Status, WithFieldPrefixNestsTheField) {
  Status status = InvalidArgument("birth_date", "bad").WithFieldPrefix("members[1]");
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "members[1].birth_date"));
  EXPECT_EQ(status.message(), "bad");
}

TEST(Status, WithFieldPrefixOnEmptyFieldUsesThePrefix) {
  Status status = Status(StatusCode::kInvalidArgument, "bad").WithFieldPrefix("members[0]");
  EXPECT_EQ(status.field(), "members[0]");
}

TEST(Status, WithFieldPrefixLeavesOkAlone) {
  Status status = OkStatus().WithFieldPrefix("members[0]");
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.field(), "");
}

TEST(StatusOr, HoldsAValue) {
  StatusOr<int> result = 42;
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, 42);
  EXPECT_TRUE(result.status().ok());
}

TEST(StatusOr, HoldsAnError) {
  StatusOr<int> result = InvalidArgument("curp", "must be 18 characters");
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result, StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(StatusOr, MovesOutMoveOnlyValues) {
  StatusOr<std::unique_ptr<int>> result = std::make_unique<int>(7);
  std::unique_ptr<int> value = std::move(result).value();
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(*value, 7);
}

Status FailIfNegative(int number) {
  if (number < 0) return InvalidArgument("number", "must not be negative");
  return OkStatus();
}

Status CheckBoth(int first, int second, int* checked) {
  RETURN_IF_ERROR(FailIfNegative(first));
  ++*checked;
  RETURN_IF_ERROR(FailIfNegative(second));
  ++*checked;
  return OkStatus();
}

TEST(ReturnIfError, ReturnsTheFirstError) {
  int checked = 0;
  EXPECT_THAT(CheckBoth(1, -1, &checked), StatusIs(StatusCode::kInvalidArgument, "number"));
  EXPECT_EQ(checked, 1);
}

TEST(ReturnIfError, FallsThroughWhenOk) {
  int checked = 0;
  EXPECT_OK(CheckBoth(1, 2, &checked));
  EXPECT_EQ(checked, 2);
}

StatusOr<int> Half(int number) {
  if (number % 2 != 0) return InvalidArgument("number", "must be even");
  return number / 2;
}

StatusOr<int> Quarter(int number) {
  ASSIGN_OR_RETURN(int half, Half(number));
  ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(AssignOrReturn, AssignsValues) {
  StatusOr<int> result = Quarter(12);
  ASSERT_OK(result);
  EXPECT_EQ(*result, 3);
}

TEST(AssignOrReturn, ReturnsTheError) {
  EXPECT_THAT(Quarter(6), StatusIs(StatusCode::kInvalidArgument, "number"));
}

}  // namespace
}  // namespace acogida
