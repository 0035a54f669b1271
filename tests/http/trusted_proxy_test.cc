// `acogida serve --trusted-proxy` against the real binary (SQLite): behind a trusted proxy the
// client is X-Forwarded-For's address, so one address guessing passwords is throttled alone and
// the audit trail and sessions record the real client; without the flag the header is ignored
// (a client cannot choose its address) and everyone behind the proxy shares one address.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;
constexpr const char* kPassword = "frase de prueba bastante larga";
constexpr const char* kAttacker = "203.0.113.5";
constexpr const char* kColleague = "203.0.113.9";

class TrustedProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto added = testing::AddUser(database_.url(), "ana.admin", "administrator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
  }

  void Start(const std::vector<std::string>& extra_args) {
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file(), extra_args);
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  // POST /api/v1/auth/login as `username`, "from" `forwarded_for` (a bearer session).
  httplib::Result Login(const std::string& username, const std::string& password, const std::string& forwarded_for) {
    return client_->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}, {"X-Forwarded-For", forwarded_for}},
                         Json{{"username", username}, {"password", password}}.dump(), "application/json");
  }

  // 7 failed logins for another account from `forwarded_for`, waiting out the throttle (429)
  // between them: afterwards that address must wait 2^(7-5) = 4 s after the last one. (Login
  // times are stored to the second, so fewer failures could leave a window of almost nothing.)
  void GuessSevenTimes(const std::string& forwarded_for) {
    int failures = 0;
    bool throttled = false;
    for (int attempt = 0; attempt < 60 && failures < 7; ++attempt) {
      auto result = Login("beto.nadie", "guess number " + std::to_string(attempt), forwarded_for);
      ASSERT_TRUE(result);
      if (result->status == 429) {
        throttled = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        continue;
      }
      ASSERT_EQ(result->status, 401) << result->body;
      ++failures;
    }
    ASSERT_EQ(failures, 7);
    EXPECT_TRUE(throttled) << "7 failed logins from " << forwarded_for << " in a row were never throttled";
  }

  // remote_address of the newest audit rows with `action` ("login", "login_failed").
  std::vector<std::string> AuditAddresses(const std::string& token, const std::string& action) {
    auto result = client_->Get("/api/v1/audit?action=" + action, {{"Authorization", "Bearer " + token}});
    std::vector<std::string> out;
    if (!result || result->status != 200) {
      ADD_FAILURE() << "GET /api/v1/audit: " << (result ? result->body : "no answer");
      return out;
    }
    const Json page = Json::parse(result->body);
    for (const Json& item : page["items"]) out.push_back(item["remote_address"]);
    return out;
  }

  // The stored remote_address of every session, oldest first.
  std::vector<std::string> SessionAddresses() {
    std::vector<std::string> out;
    sqlite3* db = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_open_v2(database_.url().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT remote_address FROM session ORDER BY id", -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
  }

  testing::TestDatabase database_{Backend::kSqlite};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(TrustedProxyTest, BehindATrustedProxyOneAddressGuessingPasswordsLocksOutOnlyItself) {
  Start({"--trusted-proxy", "127.0.0.1"});
  GuessSevenTimes(kAttacker);
  // The attacker's address is throttled even with a right password...
  auto attacker = Login("ana.admin", kPassword, kAttacker);
  ASSERT_TRUE(attacker);
  EXPECT_EQ(attacker->status, 429) << attacker->body;
  // ...and cannot escape by prepending an address of its choice (nginx appends the real one).
  auto spoofed = Login("ana.admin", kPassword, std::string(kColleague) + ", " + kAttacker);
  ASSERT_TRUE(spoofed);
  EXPECT_EQ(spoofed->status, 429) << spoofed->body;
  // Everyone else still logs in...
  auto colleague = Login("ana.admin", kPassword, kColleague);
  ASSERT_TRUE(colleague);
  ASSERT_EQ(colleague->status, 200) << colleague->body;
  const std::string token = Json::parse(colleague->body)["token"];
  // ...while the attacker still waits (so the colleague's login fell inside the throttle window).
  auto again = Login("ana.admin", kPassword, kAttacker);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 429) << again->body;

  EXPECT_EQ(AuditAddresses(token, "login"), std::vector<std::string>{kColleague});
  for (const std::string& address : AuditAddresses(token, "login_failed")) EXPECT_EQ(address, kAttacker);
  EXPECT_EQ(SessionAddresses(), std::vector<std::string>{kColleague});
}

TEST_F(TrustedProxyTest, WithoutTheFlagXForwardedForIsIgnored) {
  Start({});
  auto login = Login("ana.admin", kPassword, kColleague);
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string token = Json::parse(login->body)["token"];
  EXPECT_EQ(AuditAddresses(token, "login"), std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(SessionAddresses(), std::vector<std::string>{"127.0.0.1"});

  // Every client shares the peer's address: one guesser locks everyone out.
  GuessSevenTimes(kAttacker);
  auto colleague = Login("ana.admin", kPassword, kColleague);
  ASSERT_TRUE(colleague);
  EXPECT_EQ(colleague->status, 429) << colleague->body;
  for (const std::string& address : AuditAddresses(token, "login_failed")) EXPECT_EQ(address, "127.0.0.1");
}

TEST_F(TrustedProxyTest, AnUntrustedPeerCannotChooseItsAddress) {
  Start({"--trusted-proxy", "192.0.2.1"});  // not the test's address
  auto login = Login("ana.admin", kPassword, kColleague);
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  EXPECT_EQ(AuditAddresses(Json::parse(login->body)["token"], "login"), std::vector<std::string>{"127.0.0.1"});
}

TEST_F(TrustedProxyTest, TheRateLimitIsPerForwardedAddress) {
  Start({"--trusted-proxy", "127.0.0.1", "--rate-limit", "1"});  // burst of 2
  int limited = 0;
  for (int request = 0; request < 6; ++request) {
    auto result = client_->Get("/api/v1/health", {{"X-Forwarded-For", kAttacker}});
    ASSERT_TRUE(result);
    if (result->status == 429) ++limited;
  }
  EXPECT_GE(limited, 3);
  auto other = client_->Get("/api/v1/health", {{"X-Forwarded-For", kColleague}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
}

TEST_F(TrustedProxyTest, AnInvalidTrustedProxyIsRefused) {
  auto result = testing::RunAcogida({"serve", "--db", database_.url(), "--keys", database_.key_file(), "--port", "0",
                                     "--web", "", "--trusted-proxy", "nginx.internal"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("not an IP address"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace acogida
