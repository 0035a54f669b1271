// The HTTP API end to end, on each backend: the real `acogida serve` binary on a free
// loopback port with a real SQLite file or a real PostgreSQL database, driven by a real
// HTTP client.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;

constexpr const char* kPassword = "frase de prueba bastante larga";

class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto added = testing::AddUser(database_.url(), "api.coord", "coordinator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // An API client: bearer token, and the coordinator's break-glass reason on every request.
    auto login = client_->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                               Json{{"username", "api.coord"}, {"password", kPassword}}.dump(), "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    token_ = Json::parse(login->body)["token"];
    client_->set_default_headers({{"Authorization", "Bearer " + token_}, {"X-Access-Reason", "prueba%20de%20la%20API"}});
  }

  // Sends a request; returns the status and the parsed body (null when empty).
  std::pair<int, Json> Call(const std::string& method, const std::string& path, const std::string& body = "") {
    httplib::Result result = method == "GET"    ? client_->Get(path.c_str())
                             : method == "POST" ? client_->Post(path.c_str(), body, "application/json")
                             : method == "PUT"  ? client_->Put(path.c_str(), body, "application/json")
                                                : client_->Delete(path.c_str());
    EXPECT_TRUE(result) << method << " " << path << " got no response";
    if (!result) return {0, nullptr};
    Json parsed = result->body.empty() ? Json() : Json::parse(result->body, nullptr, false);
    return {result->status, parsed};
  }

  static std::string FieldOf(const Json& error) { return error["error"].value("field", ""); }

  int64_t CreateSite() {
    Json site{{"name", "Centro de Atención Tijuana"}, {"kind", "reception_centre"}, {"operator", "Gobierno"},
              {"city", "Tijuana"},  {"state", "02"},  {"timezone", "America/Tijuana"},
              {"latitude", 32.51},  {"longitude", -117.03}};
    auto [status, body] = Call("POST", "/api/v1/sites", site.dump());
    EXPECT_EQ(status, 201) << body.dump();
    return body.value("id", int64_t{0});
  }

  Json Family(int64_t site_id) {
    return Json{{"site_id", site_id},
                {"mode", "bus"},
                {"batch_id", "Autobús 14"},
                {"arrived_at", "2026-11-20T16:30:00Z"},
                {"members",
                 {{{"given_names", "María Guadalupe"}, {"paternal_surname", "Hernández"},
                   {"maternal_surname", "López"}, {"sex", "F"}, {"birth_date", "1985-03-12"},
                   {"birth_state", "16"}, {"languages", {"spa", "nah"}}, {"relationship", "head"},
                   {"consents", {{"services", true}, {"family_tracing", true}}}},
                  {{"given_names", "Ximena"}, {"paternal_surname", "Martínez"}, {"maternal_surname", "Hernández"},
                   {"sex", "F"}, {"birth_date", "2015"}, {"relationship", "child"},
                   {"consents", {{"services", true}}}}}}};
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(ApiTest, HealthSaysOkWithVersionAndBackend) {
  auto [status, body] = Call("GET", "/api/v1/health");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["database"], GetParam() == Backend::kSqlite ? "sqlite" : "postgresql");
  EXPECT_FALSE(body["version"].get<std::string>().empty());
}

TEST_P(ApiTest, SitesAndSectionsCrud) {
  int64_t site_id = CreateSite();
  auto [section_status, section] =
      Call("POST", "/api/v1/sites/" + std::to_string(site_id) + "/sections",
           Json{{"name", "Familias"}, {"kind", "families"}, {"beds", 80}}.dump());
  ASSERT_EQ(section_status, 201) << section.dump();
  auto [list_status, list] = Call("GET", "/api/v1/sites");
  ASSERT_EQ(list_status, 200);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["beds"], 80);

  Json edit = list["items"][0];
  edit["name"] = "Centro renovado";
  auto [put_status, put] = Call("PUT", "/api/v1/sites/" + std::to_string(site_id), edit.dump());
  EXPECT_EQ(put_status, 200) << put.dump();
  EXPECT_EQ(put["version"], 2);
  auto [stale_status, stale] = Call("PUT", "/api/v1/sites/" + std::to_string(site_id), edit.dump());
  EXPECT_EQ(stale_status, 409);
  EXPECT_EQ(stale["error"]["code"], "Aborted");

  Json section_edit{{"name", "Familias B"}, {"kind", "families"}, {"beds", 90}, {"version", 1}};
  auto [section_put, section_after] =
      Call("PUT", "/api/v1/sections/" + std::to_string(section["id"].get<int64_t>()), section_edit.dump());
  EXPECT_EQ(section_put, 200) << section_after.dump();
  auto [detail_status, detail] = Call("GET", "/api/v1/sites/" + std::to_string(site_id));
  EXPECT_EQ(detail_status, 200);
  EXPECT_EQ(detail["beds"], 90);
  EXPECT_EQ(detail["sections"][0]["name"], "Familias B");

  EXPECT_EQ(Call("DELETE", "/api/v1/sections/" + std::to_string(section["id"].get<int64_t>())).first, 204);
  EXPECT_EQ(Call("DELETE", "/api/v1/sites/" + std::to_string(site_id)).first, 204);
  EXPECT_EQ(Call("GET", "/api/v1/sites/" + std::to_string(site_id)).first, 404);
}

TEST_P(ApiTest, InvalidSiteNamesTheField) {
  Json site{{"name", "X"}, {"kind", "reception_centre"}, {"city", "Tijuana"}, {"state", "99"},
            {"timezone", "America/Tijuana"}, {"latitude", 32.5}, {"longitude", -117.0}};
  auto [status, body] = Call("POST", "/api/v1/sites", site.dump());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "state");
  site["state"] = "02";
  site["latitude"] = "north";
  std::tie(status, body) = Call("POST", "/api/v1/sites", site.dump());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "latitude");
}

TEST_P(ApiTest, MalformedJsonIs400AndUnknownRouteIs404Json) {
  auto [status, body] = Call("POST", "/api/v1/sites", "{\"name\": ");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "body");
  std::tie(status, body) = Call("GET", "/api/v1/nowhere");
  EXPECT_EQ(status, 404);
  EXPECT_EQ(body["error"]["code"], "NotFound");
  std::tie(status, body) = Call("GET", "/api/v1/persons/99999");
  EXPECT_EQ(status, 404);
}

TEST_P(ApiTest, OversizedBodyIs413) {
  std::string huge = "{\"name\": \"" + std::string(2 << 20, 'a') + "\"}";
  auto [status, body] = Call("POST", "/api/v1/sites", huge);
  EXPECT_EQ(status, 413);
}

TEST_P(ApiTest, IntakeThenFindByAccentlessPartialNameThenProfile) {
  int64_t site_id = CreateSite();
  auto [status, household] = Call("POST", "/api/v1/households", Family(site_id).dump());
  ASSERT_EQ(status, 201) << household.dump();
  ASSERT_EQ(household["members"].size(), 2u);

  auto [search_status, found] = Call("GET", "/api/v1/persons?q=hernandez%20guada");
  ASSERT_EQ(search_status, 200);
  ASSERT_EQ(found["total"], 1);
  int64_t person_id = found["items"][0]["id"];
  EXPECT_EQ(found["items"][0]["full_name"], "María Guadalupe Hernández López");

  auto [profile_status, profile] = Call("GET", "/api/v1/persons/" + std::to_string(person_id));
  ASSERT_EQ(profile_status, 200);
  EXPECT_EQ(profile["languages"], Json({"spa", "nah"}));
  ASSERT_EQ(profile["arrivals"].size(), 1u);
  EXPECT_EQ(profile["arrivals"][0]["batch_id"], "Autobús 14");
  EXPECT_EQ(profile["arrivals"][0]["site_name"], "Centro de Atención Tijuana");

  auto [household_status, read_household] =
      Call("GET", "/api/v1/households/" + std::to_string(household["id"].get<int64_t>()));
  EXPECT_EQ(household_status, 200);
  EXPECT_EQ(read_household["members"].size(), 2u);

  auto [day_status, day] = Call("GET", "/api/v1/sites/" + std::to_string(site_id) + "/arrivals?date=2026-11-20");
  EXPECT_EQ(day_status, 200);
  EXPECT_EQ(day["items"].size(), 2u);
  EXPECT_EQ(day["timezone"], "America/Tijuana");
}

TEST_P(ApiTest, InvalidMemberIs400NamingTheMemberFieldAndWritesNothing) {
  int64_t site_id = CreateSite();
  Json family = Family(site_id);
  family["members"][1]["birth_date"] = "1990-02-30";
  auto [status, body] = Call("POST", "/api/v1/households", family.dump());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "members[1].birth_date");
  family["members"][1]["birth_date"] = "2015";
  family["members"][0]["sex"] = "female";
  std::tie(status, body) = Call("POST", "/api/v1/households", family.dump());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "members[0].sex");
  auto [search_status, all] = Call("GET", "/api/v1/persons");
  EXPECT_EQ(search_status, 200);
  EXPECT_EQ(all["total"], 0);
}

TEST_P(ApiTest, SearchPagingOutOfRangeIs400) {
  auto [status, body] = Call("GET", "/api/v1/persons?q=a&limit=1000");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "limit");
  std::tie(status, body) = Call("GET", "/api/v1/persons?q=a&offset=abc");
  EXPECT_EQ(status, 400);
  EXPECT_EQ(FieldOf(body), "offset");
}

TEST_P(ApiTest, ConcurrentIntakesAllLand) {
  int64_t site_id = CreateSite();
  constexpr int kThreads = 8, kPerThread = 10;
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", server_->port());
      client.set_default_headers({{"Authorization", "Bearer " + token_}});
      for (int request_idx = 0; request_idx < kPerThread; ++request_idx) {
        auto result = client.Post("/api/v1/households", Family(site_id).dump(), "application/json");
        if (result && result->status == 201) ++created;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(created.load(), kThreads * kPerThread);
  auto [status, all] = Call("GET", "/api/v1/persons?q=ximena&limit=1");
  EXPECT_EQ(all["total"], kThreads * kPerThread);
}

}  // namespace
}  // namespace acogida
