// The surge simulator's HTTP API end to end on each backend (the real `acogida serve` on a
// free loopback port, a real SQLite file or PostgreSQL database): the template from the
// registry, a small scenario submitted and polled until done with its result, the list of
// runs, cancellation; a bad scenario gets 400 naming its JSON path; analysts may run,
// registrars get 403.
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

class SimulationApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    for (auto [name, role] : {std::pair{"sim.coord", "coordinator"}, std::pair{"sim.analista", "analyst"}}) {
      auto added = testing::AddUser(database_.url(), name, role, kPassword, database_.key_file());
      ASSERT_EQ(added.exit_code, 0) << added.output;
    }
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    coordinator_ = Login("sim.coord");
    analyst_ = Login("sim.analista");
    ASSERT_TRUE(coordinator_ && analyst_);
  }

  std::unique_ptr<httplib::Client> Login(const std::string& username) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    auto login = client->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                              Json{{"username", username}, {"password", kPassword}}.dump(), "application/json");
    if (!login || login->status != 200) return nullptr;
    client->set_default_headers({{"Authorization", "Bearer " + Json::parse(login->body)["token"].get<std::string>()}});
    return client;
  }

  static std::pair<int, Json> Call(httplib::Client& client, const std::string& method, const std::string& path,
                                   const Json& body = nullptr) {
    const std::string text = body.is_null() ? "" : body.dump();
    httplib::Result result = method == "GET"    ? client.Get(path.c_str())
                             : method == "POST" ? client.Post(path.c_str(), text, "application/json")
                                                : client.Delete(path.c_str());
    EXPECT_TRUE(result) << method << " " << path << " got no response";
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }

  int64_t CreateShelter() {
    Json site{{"name", "Albergue Tijuana"}, {"kind", "shelter"}, {"city", "Tijuana"}, {"state", "02"},
              {"timezone", "America/Tijuana"}, {"latitude", 32.52}, {"longitude", -117.03}};
    auto [status, created] = Call(*coordinator_, "POST", "/api/v1/sites", site);
    EXPECT_EQ(status, 201) << created.dump();
    const int64_t site_id = created.value("id", int64_t{0});
    auto [section_status, section] = Call(*coordinator_, "POST", "/api/v1/sites/" + std::to_string(site_id) + "/sections",
                                          Json{{"name", "Hombres"}, {"kind", "men"}, {"beds", 40}});
    EXPECT_EQ(section_status, 201) << section.dump();
    return site_id;
  }

  // The template cut down to a short horizon and the Tijuana port only, so it runs in a moment.
  Json SmallScenario() {
    auto [status, scenario] = Call(*analyst_, "GET", "/api/v1/simulations/template");
    EXPECT_EQ(status, 200) << scenario.dump();
    scenario["days"] = 14;
    scenario["multipliers"] = Json::array({{{"kind", "surge"}, {"from_day", 5}, {"to_day", 9}, {"factor", 3},
                                            {"label", "×3"}}});
    for (Json& port : scenario["ports"]) {
      if (port["id"] != "Tijuana") port["daily_rate"] = 0;
    }
    return scenario;
  }

  Json WaitUntilFinished(httplib::Client& client, int64_t run_id) {
    for (int attempt = 0; attempt < 300; ++attempt) {
      auto [status, run] = Call(client, "GET", "/api/v1/simulations/" + std::to_string(run_id));
      EXPECT_EQ(status, 200) << run.dump();
      if (status != 200) return run;
      if (run["status"] != "queued" && run["status"] != "running") return run;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "simulation " << run_id << " did not finish";
    return nullptr;
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> coordinator_, analyst_;
};

INSTANTIATE_TEST_SUITE_P(Backends, SimulationApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(SimulationApiTest, TheTemplateHasTheRegistrysShelters) {
  CreateShelter();
  auto [status, scenario] = Call(*coordinator_, "GET", "/api/v1/simulations/template");
  ASSERT_EQ(status, 200) << scenario.dump();
  ASSERT_EQ(scenario["shelters"].size(), 1u);
  EXPECT_EQ(scenario["shelters"][0]["id"], "Albergue Tijuana");
  EXPECT_EQ(scenario["shelters"][0]["city"], "Tijuana");
  EXPECT_EQ(scenario["shelters"][0]["sections"][0]["beds"], 40);
  EXPECT_EQ(scenario["ports"].size(), 14u);
  EXPECT_EQ(scenario["stages"].size(), 6u);
}

TEST_P(SimulationApiTest, AnAnalystRunsAScenarioAndReadsTheResult) {
  CreateShelter();
  auto [status, accepted] =
      Call(*analyst_, "POST", "/api/v1/simulations", Json{{"scenario", SmallScenario()}, {"replications", 3}, {"seed", 11}});
  ASSERT_EQ(status, 202) << accepted.dump();
  const int64_t run_id = accepted["id"];
  EXPECT_EQ(accepted["status"], "queued");
  EXPECT_EQ(accepted["replications"], 3);

  Json run = WaitUntilFinished(*coordinator_, run_id);
  ASSERT_EQ(run["status"], "done") << run.dump();
  EXPECT_EQ(run["progress"], 1.0);
  const Json& result = run["result"];
  ASSERT_TRUE(result.is_object());
  EXPECT_EQ(result["replications"], 3);
  EXPECT_EQ(result["seed"], 11);
  EXPECT_EQ(result["days"], 14);
  EXPECT_TRUE(result.contains("bottlenecks"));
  EXPECT_EQ(run["scenario"]["days"], 14);

  auto [list_status, list] = Call(*coordinator_, "GET", "/api/v1/simulations");
  ASSERT_EQ(list_status, 200) << list.dump();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["id"], run_id);
  EXPECT_EQ(list["items"][0]["created_by"], "sim.analista");
  EXPECT_FALSE(list["items"][0].contains("result")) << "listings carry no results";

  // Cancelling a finished run leaves it as it is.
  auto [cancel_status, unchanged] = Call(*analyst_, "DELETE", "/api/v1/simulations/" + std::to_string(run_id));
  EXPECT_EQ(cancel_status, 200);
  EXPECT_EQ(unchanged["status"], "done");
}

TEST_P(SimulationApiTest, BadInputGets400NamingTheField) {
  Json scenario = SmallScenario();
  scenario["ports"][0]["batch"]["min"] = -3;
  auto [status, error] = Call(*coordinator_, "POST", "/api/v1/simulations", Json{{"scenario", scenario}});
  EXPECT_EQ(status, 400) << error.dump();
  EXPECT_EQ(error["error"]["field"], "scenario.ports[0].batch.min") << error.dump();

  Json misspelt = SmallScenario();
  misspelt["dayz"] = 3;
  std::tie(status, error) = Call(*coordinator_, "POST", "/api/v1/simulations", Json{{"scenario", misspelt}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(error["error"]["field"], "scenario.dayz") << error.dump();

  std::tie(status, error) =
      Call(*coordinator_, "POST", "/api/v1/simulations", Json{{"scenario", SmallScenario()}, {"replications", 500}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(error["error"]["field"], "replications") << error.dump();

  std::tie(status, error) = Call(*coordinator_, "POST", "/api/v1/simulations", Json{{"scenario", "texto"}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(error["error"]["field"], "scenario") << error.dump();

  std::tie(status, error) = Call(*coordinator_, "GET", "/api/v1/simulations/987654");
  EXPECT_EQ(status, 404);
}

TEST_P(SimulationApiTest, ARegistrarMayNotRunSimulations) {
  const int64_t site_id = CreateShelter();
  auto added = testing::RunAcogida({"user", "add", "--db", database_.url(), "--keys", database_.key_file(),
                                    "--username", "sim.registro", "--role", "registrar", "--site",
                                    std::to_string(site_id), "--password-stdin"},
                                   std::string(kPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  auto registrar = Login("sim.registro");
  ASSERT_TRUE(registrar);
  EXPECT_EQ(Call(*registrar, "GET", "/api/v1/simulations/template").first, 403);
  EXPECT_EQ(Call(*registrar, "POST", "/api/v1/simulations", Json{{"scenario", SmallScenario()}}).first, 403);
  EXPECT_EQ(Call(*registrar, "GET", "/api/v1/simulations").first, 403);
}

}  // namespace
}  // namespace acogida
