// Sessions over HTTP against the real binary, on each backend (a real SQLite file, a real
// PostgreSQL database): login required, cookie attributes, CSRF on cookie writes, bearer
// tokens, logout, security headers, JSON-only bodies, and `audit verify` over the same data.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "testing/execute_sql.h"
#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;
using testing::ExecuteSql;
constexpr const char* kPassword = "frase de prueba bastante larga";

class AuthApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto added = testing::AddUser(database_.url(), "ana.admin", "administrator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }

  httplib::Result Login(const std::string& password, httplib::Headers headers = {}) {
    return client_->Post("/api/v1/auth/login", headers, Json{{"username", "ana.admin"}, {"password", password}}.dump(),
                         "application/json");
  }

  // The session cookie's value from a login response's Set-Cookie.
  static std::string CookieOf(const httplib::Result& result) {
    std::string header = result->get_header_value("Set-Cookie");
    size_t start = header.find('=') + 1;
    return header.substr(start, header.find(';') - start);
  }

  // `acogida audit verify` on this test's database.
  testing::CommandResult VerifyAudit() {
    return testing::RunAcogida({"audit", "verify", "--db", database_.url(), "--keys", database_.key_file()});
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

INSTANTIATE_TEST_SUITE_P(Backends, AuthApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(AuthApiTest, EverythingButHealthAndLoginNeedsASession) {
  EXPECT_EQ(client_->Get("/api/v1/health")->status, 200);
  for (const char* path : {"/api/v1/sites", "/api/v1/persons", "/api/v1/users", "/api/v1/audit", "/api/v1/auth/session"}) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401) << path;
    EXPECT_EQ(Json::parse(result->body)["error"]["code"], "Unauthenticated");
  }
  EXPECT_EQ(client_->Get("/api/v1/sites", {{"Authorization", "Bearer not-a-real-token"}})->status, 401);
}

TEST_P(AuthApiTest, WrongPasswordIs401WithTheGenericMessage) {
  auto wrong = Login("this is not it at all");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(Json::parse(wrong->body)["error"]["message"], "wrong username or password");
  EXPECT_TRUE(wrong->get_header_value("Set-Cookie").empty());
}

TEST_P(AuthApiTest, CookieSessionIsHttpOnlyStrictAndWritesNeedTheCsrfToken) {
  auto login = Login(kPassword);
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_FALSE(Json::parse(login->body).contains("token"));  // the browser never sees the token
  const std::string csrf = Json::parse(login->body)["csrf_token"];
  const httplib::Headers cookie{{"Cookie", std::string("acogida_session=") + CookieOf(login)}};

  auto me = client_->Get("/api/v1/auth/session", cookie);
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(Json::parse(me->body)["user"]["role"], "administrator");

  const std::string site = Json{{"name", "Albergue Prueba"}, {"kind", "shelter"}, {"city", "Tijuana"},
                                {"state", "02"}, {"timezone", "America/Tijuana"}, {"latitude", 32.5},
                                {"longitude", -117.0}}.dump();
  auto without = client_->Post("/api/v1/sites", cookie, site, "application/json");
  EXPECT_EQ(without->status, 403);
  httplib::Headers with = cookie;
  with.emplace("X-CSRF-Token", "wrong");
  EXPECT_EQ(client_->Post("/api/v1/sites", with, site, "application/json")->status, 403);
  with = cookie;
  with.emplace("X-CSRF-Token", csrf);
  EXPECT_EQ(client_->Post("/api/v1/sites", with, site, "application/json")->status, 201);

  auto logout = client_->Post("/api/v1/auth/logout", with, "", "application/json");
  EXPECT_EQ(logout->status, 204);
  EXPECT_NE(logout->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(client_->Get("/api/v1/auth/session", cookie)->status, 401);
}

TEST_P(AuthApiTest, BearerSessionsNeedNoCsrfToken) {
  auto login = Login(kPassword, {{"X-Session-Mode", "bearer"}});
  ASSERT_EQ(login->status, 200);
  EXPECT_TRUE(login->get_header_value("Set-Cookie").empty());
  const std::string token = Json::parse(login->body)["token"];
  auto users = client_->Get("/api/v1/users", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(users->status, 200);
  EXPECT_EQ(Json::parse(users->body)["items"][0]["username"], "ana.admin");
}

TEST_P(AuthApiTest, ResponsesCarrySecurityHeaders) {
  auto result = client_->Get("/api/v1/health");
  EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_NE(result->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
}

TEST_P(AuthApiTest, FormBodiesAreRefused) {
  auto result = client_->Post("/api/v1/auth/login", "username=ana.admin&password=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(Json::parse(result->body)["error"]["field"], "content-type");
}

TEST_P(AuthApiTest, AuditVerifyCommandDetectsTampering) {
  ASSERT_EQ(Login(kPassword)->status, 200);
  ASSERT_EQ(Login("wrong password for the audit")->status, 401);
  auto intact = VerifyAudit();
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("intact"), std::string::npos) << intact.output;
  ASSERT_TRUE(ExecuteSql(database_, "UPDATE audit_log SET remote_address = '203.0.113.9' WHERE id = 2"));
  auto broken = VerifyAudit();
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("BROKEN at row 2"), std::string::npos) << broken.output;
  EXPECT_NE(testing::RunAcogida({"audit", "verify", "--db", database_.dir().File("missing.db")}).exit_code, 0);
}

}  // namespace
}  // namespace acogida
