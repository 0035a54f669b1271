// Two `acogida serve` processes on one database behave as one: a session made on one is
// valid on the other and ends on both; a stale edit through either gets 409 with the current
// version; concurrent edits of one record at one version through both let exactly one win;
// concurrent intakes through both keep one intact audit chain. On PostgreSQL (the network
// deployment) and on SQLite (two processes on one file).
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;

constexpr const char* kPassword = "frase de prueba bastante larga";

class MultiServerTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto added = testing::AddUser(database_.url(), "red.coord", "coordinator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
    for (auto& server : servers_) {
      server = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
      ASSERT_GT(server->port(), 0) << server->startup_output();
    }
    token_ = Login(0);
    ASSERT_FALSE(token_.empty());
  }

  std::string Login(int server) {
    httplib::Client client("127.0.0.1", servers_[server]->port());
    auto login = client.Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                             Json{{"username", "red.coord"}, {"password", kPassword}}.dump(), "application/json");
    if (!login || login->status != 200) return "";
    return Json::parse(login->body)["token"];
  }

  // A request to server 0 or 1 with the bearer token; the status and parsed body.
  std::pair<int, Json> Call(int server, const std::string& method, const std::string& path,
                            const std::string& body = "", const std::string& token = "") {
    httplib::Client client("127.0.0.1", servers_[server]->port());
    client.set_default_headers({{"Authorization", "Bearer " + (token.empty() ? token_ : token)},
                                {"X-Access-Reason", "prueba%20de%20red"}});
    httplib::Result result = method == "GET"    ? client.Get(path.c_str())
                             : method == "POST" ? client.Post(path.c_str(), body, "application/json")
                                                : client.Put(path.c_str(), body, "application/json");
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }

  Json SiteBody(const std::string& name, int64_t version) {
    return Json{{"name", name},           {"kind", "reception_centre"}, {"operator", "Gobierno"},
                {"city", "Tijuana"},      {"state", "02"},              {"timezone", "America/Tijuana"},
                {"latitude", 32.51},      {"longitude", -117.03},       {"version", version}};
  }

  int64_t CreateSite(int server) {
    auto [status, body] = Call(server, "POST", "/api/v1/sites", SiteBody("Centro de Atención Tijuana", 1).dump());
    EXPECT_EQ(status, 201) << body.dump();
    return body.value("id", int64_t{0});
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> servers_[2];
  std::string token_;
};

INSTANTIATE_TEST_SUITE_P(Backends, MultiServerTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(MultiServerTest, ASessionMadeOnOneServerIsValidOnTheOtherAndEndsOnBoth) {
  EXPECT_EQ(Call(0, "GET", "/api/v1/auth/session").first, 200);
  EXPECT_EQ(Call(1, "GET", "/api/v1/auth/session").first, 200);
  std::string second = Login(1);
  ASSERT_FALSE(second.empty());
  EXPECT_EQ(Call(0, "GET", "/api/v1/auth/session", "", second).first, 200);
  EXPECT_EQ(Call(1, "POST", "/api/v1/auth/logout", "{}", second).first, 204);
  EXPECT_EQ(Call(0, "GET", "/api/v1/auth/session", "", second).first, 401);
  EXPECT_EQ(Call(1, "GET", "/api/v1/auth/session", "", second).first, 401);
  EXPECT_EQ(Call(0, "GET", "/api/v1/auth/session").first, 200);  // the other session lives on
}

TEST_P(MultiServerTest, AStaleEditThroughEitherServerGets409WithTheCurrentVersion) {
  int64_t site_id = CreateSite(0);
  auto [first_status, first] = Call(1, "PUT", "/api/v1/sites/" + std::to_string(site_id),
                                    SiteBody("Centro Tijuana (Garita El Chaparral)", 1).dump());
  ASSERT_EQ(first_status, 200) << first.dump();
  EXPECT_EQ(first["version"], 2);
  auto [stale_status, stale] = Call(0, "PUT", "/api/v1/sites/" + std::to_string(site_id),
                                    SiteBody("Centro Tijuana (Puerta México)", 1).dump());
  EXPECT_EQ(stale_status, 409) << stale.dump();
  EXPECT_EQ(stale["error"]["field"], "version");
  EXPECT_EQ(stale["error"]["current_version"], 2);
  EXPECT_EQ(stale["current"]["name"], "Centro Tijuana (Garita El Chaparral)");  // never overwritten
  auto [read_status, read] = Call(0, "GET", "/api/v1/sites/" + std::to_string(site_id));
  EXPECT_EQ(read["name"], "Centro Tijuana (Garita El Chaparral)");
}

TEST_P(MultiServerTest, ConcurrentEditsAtOneVersionThroughBothServersLetExactlyOneWin) {
  int64_t site_id = CreateSite(0);
  auto [created_status, section] = Call(0, "POST", "/api/v1/sites/" + std::to_string(site_id) + "/sections",
                                        Json{{"name", "Dormitorio hombres"}, {"kind", "men"}, {"beds", 40}}.dump());
  ASSERT_EQ(created_status, 201) << section.dump();
  const std::string path = "/api/v1/sections/" + std::to_string(section["id"].get<int64_t>());
  std::atomic<int> won{0}, conflicted{0}, other{0};
  std::vector<std::thread> clients;
  for (int client_idx = 0; client_idx < 12; ++client_idx) {
    clients.emplace_back([&, client_idx] {
      Json edit{{"name", "Dormitorio hombres"}, {"kind", "men"}, {"beds", 30 + client_idx}, {"version", 1}};
      int status = Call(client_idx % 2, "PUT", path, edit.dump()).first;
      (status == 200 ? won : status == 409 ? conflicted : other)++;
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(conflicted.load(), 11);
  EXPECT_EQ(other.load(), 0);
}

// "Two staff booking the last bed at once: exactly one wins", through two servers: eight
// check-ins of eight people into a section with one bed, half through each server, three times.
TEST_P(MultiServerTest, TheLastBedBookedThroughBothServersAtOnceGoesToExactlyOne) {
  int64_t site_id = CreateSite(0);
  auto [section_status, section] = Call(0, "POST", "/api/v1/sites/" + std::to_string(site_id) + "/sections",
                                        Json{{"name", "Última cama"}, {"kind", "men"}, {"beds", 1}}.dump());
  ASSERT_EQ(section_status, 201) << section.dump();
  constexpr int kStaff = 8;
  std::vector<int64_t> people;
  for (int idx = 0; idx < kStaff; ++idx) {
    Json household{{"site_id", site_id},
                   {"members", {{{"given_names", "Hombre " + std::string(1, static_cast<char>('A' + idx))},
                                 {"paternal_surname", "Prueba"}, {"sex", "M"}, {"relationship", "head"},
                                 {"consents", {{"services", true}}}}}}};
    auto [status, body] = Call(idx % 2, "POST", "/api/v1/households", household.dump());
    ASSERT_EQ(status, 201) << body.dump();
    people.push_back(body["members"][0]["id"].get<int64_t>());
  }
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day checkout{today + std::chrono::days(3)};
  char date[11];
  std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(checkout.year()),
                static_cast<unsigned>(checkout.month()), static_cast<unsigned>(checkout.day()));
  for (int round = 0; round < 3; ++round) {
    std::atomic<int> won{0}, full{0}, other{0};
    std::atomic<int64_t> stay_id{0};
    std::vector<std::thread> staff;
    for (int idx = 0; idx < kStaff; ++idx) {
      staff.emplace_back([&, idx] {
        Json body{{"person_id", people[idx]}, {"section_id", section["id"]}, {"expected_checkout", date}};
        auto [status, stay] = Call(idx % 2, "POST", "/api/v1/stays", body.dump());
        if (status == 201) {
          ++won;
          stay_id = stay["id"].get<int64_t>();
        } else if (status == 409 && stay["error"].value("field", "") == "section_id") {
          ++full;
        } else {
          ++other;
        }
      });
    }
    for (std::thread& thread : staff) thread.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(full.load(), kStaff - 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    auto [board_status, board] = Call(1, "GET", "/api/v1/sites/" + std::to_string(site_id) + "/board");
    ASSERT_EQ(board_status, 200) << board.dump();
    EXPECT_EQ(board["sections"][0]["occupied"], 1);
    EXPECT_EQ(board["sections"][0]["free"], 0);
    auto [out_status, out] = Call(round % 2, "POST", "/api/v1/stays/" + std::to_string(stay_id.load()) + "/checkout");
    ASSERT_EQ(out_status, 200) << out.dump();
  }
}

TEST_P(MultiServerTest, ConcurrentIntakesThroughBothServersKeepOneIntactAuditChain) {
  static const char* const kGivenNames[] = {"José", "Luis", "Juan", "Pedro", "Jesús",
                                            "Miguel", "Ángel", "Raúl", "Óscar", "Iván"};
  static const char* const kSurnames[] = {"López", "García", "Pérez", "Soto", "Ruiz", "Díaz", "Cruz", "Mora"};
  int64_t site_id = CreateSite(0);
  std::atomic<int> created{0};
  std::vector<std::thread> clients;
  for (int client_idx = 0; client_idx < 8; ++client_idx) {
    clients.emplace_back([&, client_idx] {
      for (int household_idx = 0; household_idx < 10; ++household_idx) {
        Json household{{"site_id", site_id},
                       {"mode", "bus"},
                       {"arrived_at", "2026-11-20T16:30:00Z"},
                       {"members",
                        {{{"given_names", kGivenNames[household_idx]}, {"maternal_surname", kSurnames[client_idx]},
                          {"paternal_surname", "Hernández"}, {"sex", "M"}, {"birth_date", "1990"},
                          {"relationship", "head"}, {"consents", {{"services", true}}}}}}};
        auto [status, body] = Call(client_idx % 2, "POST", "/api/v1/households", household.dump());
        if (status == 201) created++;
        else ADD_FAILURE() << status << " " << body.dump();
      }
    });
  }
  for (std::thread& client : clients) client.join();
  EXPECT_EQ(created.load(), 80);
  auto [status, page] = Call(1, "GET", "/api/v1/persons?q=hernandez&limit=100");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(page["total"], 80);
  auto verified = testing::RunAcogida({"audit", "verify", "--db", database_.url(), "--keys", database_.key_file()});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  EXPECT_NE(verified.output.find("audit chain intact"), std::string::npos) << verified.output;
}

}  // namespace
}  // namespace acogida
