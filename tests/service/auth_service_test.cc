// Logins, sessions and their expiry, throttling, logout and password change, on each backend
// (a real SQLite file, a real PostgreSQL database) with a clock the test moves.
#include <gtest/gtest.h>

#include "service/auth_service.h"
#include "service/user_service.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using namespace std::chrono;
using testing::Backend;
using testing::StatusCodeIs;
using testing::StatusIs;

constexpr const char* kPassword = "correcto caballo batería grapa";
constexpr const char* kAddress = "192.0.2.10";

class AuthServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    StoreOptions options;
    options.clock = [this] { return now_; };  // the store stamps times with the same clock
    auto opened = database_.Open(options);
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    auth_ = std::make_unique<AuthService>(*store_, [this] { return now_; });
    users_ = std::make_unique<UserService>(*store_);
    auto user = users_->Create(admin_, NewUser{"lucia.r", "Lucía R.", Role::kCoordinator, {}, kPassword});
    ASSERT_OK(user);
    user_ = *user;
  }

  StatusOr<LoginResult> Login(const std::string& password, const std::string& username = "lucia.r") {
    return auth_->Login(username, password, kAddress);
  }

  UtcTime now_ = sys_days(year(2026) / 11 / 29) + hours(10);
  const Actor admin_ = testing::TestActor(Role::kAdministrator, {}, /*user_id=*/999);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  User user_;
};

INSTANTIATE_TEST_SUITE_P(Backends, AuthServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(AuthServiceTest, LoginGivesATokenThatAuthenticates) {
  auto login = Login(kPassword);
  ASSERT_OK(login);
  EXPECT_EQ(login->token.size(), 43u);
  auto session = auth_->Authenticate(login->token, kAddress);
  ASSERT_OK(session);
  EXPECT_EQ(session->actor.user.username, "lucia.r");
  EXPECT_EQ(session->actor.user.role, Role::kCoordinator);
  EXPECT_EQ(session->csrf_token, login->csrf_token);
}

TEST_P(AuthServiceTest, WrongPasswordUnknownUserAndDisabledUserLookTheSame) {
  auto wrong = Login("not the password at all");
  auto unknown = Login(kPassword, "nadie.aqui");
  User disabled = user_;
  disabled.disabled = true;
  ASSERT_OK(users_->Update(admin_, disabled).status());
  auto refused = Login(kPassword);
  for (const auto* result : {&wrong, &unknown, &refused}) {
    EXPECT_THAT(*result, StatusCodeIs(StatusCode::kUnauthenticated));
    EXPECT_EQ(result->status().message(), wrong.status().message());
  }
}

TEST_P(AuthServiceTest, SessionsExpireWhenIdleAndAfterTwelveHours) {
  auto login = Login(kPassword);
  ASSERT_OK(login);
  now_ += minutes(29);
  ASSERT_OK(auth_->Authenticate(login->token, kAddress).status());  // activity keeps it alive
  now_ += minutes(29);
  ASSERT_OK(auth_->Authenticate(login->token, kAddress).status());
  now_ += minutes(31);
  EXPECT_THAT(auth_->Authenticate(login->token, kAddress), StatusCodeIs(StatusCode::kUnauthenticated));

  auto busy = Login(kPassword);
  ASSERT_OK(busy);
  for (int step = 0; step < 12 * 4; ++step) {
    now_ += minutes(15);
    auto session = auth_->Authenticate(busy->token, kAddress);
    if (step < 12 * 4 - 1) {
      ASSERT_TRUE(session.ok()) << "step " << step << ": " << session.status().ToString();
    } else {
      EXPECT_THAT(session, StatusCodeIs(StatusCode::kUnauthenticated));
    }
  }
}

TEST_P(AuthServiceTest, RepeatedFailuresAreDelayedMoreAndMore) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_THAT(Login("wrong password number"), StatusCodeIs(StatusCode::kUnauthenticated));
  }
  // The sixth attempt right away must wait, even with the right password.
  EXPECT_THAT(Login(kPassword), StatusCodeIs(StatusCode::kResourceExhausted));
  now_ += seconds(2);
  EXPECT_OK(Login(kPassword).status());
}

TEST_P(AuthServiceTest, AHundredFailuresInAnHourLockTheAccount) {
  // Without the growing delay (which alone keeps failures far below 100 an hour), the cap.
  AuthOptions no_delay;
  no_delay.free_failures = 1000;
  AuthService auth(*store_, [this] { return now_; }, no_delay);
  for (int attempt = 0; attempt < 100; ++attempt) {
    now_ += seconds(20);
    EXPECT_THAT(auth.Login("lucia.r", "wrong password number", kAddress), StatusCodeIs(StatusCode::kUnauthenticated));
  }
  EXPECT_THAT(auth.Login("lucia.r", kPassword, kAddress), StatusCodeIs(StatusCode::kResourceExhausted));
  // Another address is refused too: the account's own count is what locks it.
  EXPECT_THAT(auth.Login("lucia.r", kPassword, "198.51.100.7"), StatusCodeIs(StatusCode::kResourceExhausted));
  now_ += hours(1);
  EXPECT_OK(auth.Login("lucia.r", kPassword, kAddress).status());
}

TEST_P(AuthServiceTest, LogoutEndsTheSession) {
  auto login = Login(kPassword);
  ASSERT_OK(login);
  auto session = auth_->Authenticate(login->token, kAddress);
  ASSERT_OK(session);
  ASSERT_OK(auth_->Logout(*session));
  EXPECT_THAT(auth_->Authenticate(login->token, kAddress), StatusCodeIs(StatusCode::kUnauthenticated));
}

TEST_P(AuthServiceTest, PasswordChangeChecksTheCurrentOneAndEndsOtherSessions) {
  auto first = Login(kPassword);
  auto second = Login(kPassword);
  ASSERT_OK(first);
  ASSERT_OK(second);
  auto session = auth_->Authenticate(first->token, kAddress);
  ASSERT_OK(session);
  EXPECT_THAT(auth_->ChangePassword(*session, "wrong current password", "una frase nueva y larga"),
              StatusCodeIs(StatusCode::kUnauthenticated));
  EXPECT_THAT(auth_->ChangePassword(*session, kPassword, "corta"), StatusIs(StatusCode::kInvalidArgument, "new_password"));
  ASSERT_OK(auth_->ChangePassword(*session, kPassword, "una frase nueva y larga"));
  EXPECT_OK(auth_->Authenticate(first->token, kAddress).status());
  EXPECT_THAT(auth_->Authenticate(second->token, kAddress), StatusCodeIs(StatusCode::kUnauthenticated));
  EXPECT_THAT(Login(kPassword), StatusCodeIs(StatusCode::kUnauthenticated));
  EXPECT_OK(Login("una frase nueva y larga").status());
}

TEST_P(AuthServiceTest, WrongCurrentPasswordsAreThrottledLikeLogins) {
  auto login = Login(kPassword);
  ASSERT_OK(login);
  auto session = auth_->Authenticate(login->token, kAddress);
  ASSERT_OK(session);
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_THAT(auth_->ChangePassword(*session, "guess number " + std::to_string(attempt), "una frase nueva y larga"),
                StatusCodeIs(StatusCode::kUnauthenticated));
  }
  EXPECT_THAT(auth_->ChangePassword(*session, kPassword, "una frase nueva y larga"),
              StatusCodeIs(StatusCode::kResourceExhausted));
}

class UserServiceTest : public ::testing::TestWithParam<Backend> {};

INSTANTIATE_TEST_SUITE_P(Backends, UserServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(UserServiceTest, CreatesOnlyValidAccounts) {
  testing::TestDatabase database(GetParam());
  SKIP_IF_UNAVAILABLE(database);
  auto store = database.Open();
  ASSERT_OK(store);
  UserService users(**store);
  const Actor admin = testing::TestActor(Role::kAdministrator);
  EXPECT_THAT(users.Create(admin, NewUser{"A", "", Role::kCoordinator, {}, kPassword}),
              StatusIs(StatusCode::kInvalidArgument, "username"));
  EXPECT_THAT(users.Create(admin, NewUser{"ana.b", "", Role::kCoordinator, {}, "short"}),
              StatusIs(StatusCode::kInvalidArgument, "password"));
  EXPECT_THAT(users.Create(admin, NewUser{"ana.b", "", Role::kRegistrar, {}, kPassword}),
              StatusIs(StatusCode::kInvalidArgument, "site_ids"));
  EXPECT_THAT(users.Create(admin, NewUser{"ana.b", "", Role::kRegistrar, {77}, kPassword}),
              StatusIs(StatusCode::kInvalidArgument, "site_ids"));
  ASSERT_OK(users.Create(admin, NewUser{"ana.b", "", Role::kCoordinator, {}, kPassword}).status());
  EXPECT_THAT(users.Create(admin, NewUser{"ana.b", "", Role::kCoordinator, {}, kPassword}),
              StatusIs(StatusCode::kInvalidArgument, "username"));
  EXPECT_THAT(users.Create(testing::TestActor(Role::kCoordinator), NewUser{"otra", "", Role::kAnalyst, {}, kPassword}),
              StatusCodeIs(StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace acogida
