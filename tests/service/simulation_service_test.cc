// The surge simulator's use cases through SimulationService on each backend (a real SQLite
// file, a real PostgreSQL database): a tiny scenario runs in the background to "done" with
// its result stored; bad scenarios and limits are refused naming the field; the template is
// built from the registry's shelters; cancellation; a run whose server stopped (stale
// heartbeat) is marked failed on reading; and only coordinators and analysts may run.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "service/simulation_service.h"
#include "service/simulation_template.h"
#include "service/site_service.h"
#include "simulate/scenario_json.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using testing::Backend;
using testing::StatusCodeIs;
using testing::StatusIs;

// One port, two stages, one shelter: about 300 arrivals per replication.
constexpr const char* kTinyScenario = R"({
  "name": "Prueba pequeña",
  "days": 10,
  "stages": [
    {"id": "registro", "applies_to": "all", "service_minutes": {"distribution": "exponential", "mean": 5}, "staff": 1},
    {"id": "servicios", "applies_to": "entrants", "service_minutes": {"distribution": "constant", "mean": 10}, "staff": 2}
  ],
  "cities": [{"id": "Tijuana", "lat": 32.5, "lon": -117.0, "buses": {"departure_hours": [9, 21], "seats": 45}}],
  "ports": [{"id": "Tijuana", "kind": "land", "city": "Tijuana", "daily_rate": 30, "batch": {"min": 15, "max": 45}}],
  "shelters": [{"id": "Albergue", "city": "Tijuana", "sections": [{"id": "hombres", "kind": "men", "beds": 20},
                                                                 {"id": "mujeres", "kind": "women", "beds": 5}]}]
})";

class SimulationServiceTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    SimulationServiceOptions options;
    options.progress_interval = std::chrono::milliseconds(50);
    simulations_ = std::make_unique<SimulationService>(*store_, [this] { return Now(); }, options);
  }

  UtcTime Now() const { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + skew_; }

  // Polls until the run leaves queued and running, for at most 30 s.
  SimulationRun WaitUntilFinished(int64_t run_id) {
    for (int attempt = 0; attempt < 600; ++attempt) {
      auto run = simulations_->Get(coordinator_, run_id);
      EXPECT_OK(run);
      if (!run.ok() || !IsActive(run->status)) return run.ok() ? *run : SimulationRun{};
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "simulation " << run_id << " did not finish";
    return {};
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SimulationService> simulations_;
  std::chrono::seconds skew_{0};
  const Actor coordinator_ = testing::TestActor(Role::kCoordinator);
  const Actor analyst_ = testing::TestActor(Role::kAnalyst, {}, 2);
};

INSTANTIATE_TEST_SUITE_P(Backends, SimulationServiceTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(SimulationServiceTest, RunsATinyScenarioToDoneWithItsResultStored) {
  auto run = simulations_->Submit(analyst_, SimulationRequest{kTinyScenario, 4, 7});
  ASSERT_OK(run);
  EXPECT_EQ(run->status, SimulationStatus::kQueued);
  EXPECT_EQ(run->name, "Prueba pequeña");
  SimulationRun done = WaitUntilFinished(run->id);
  ASSERT_EQ(done.status, SimulationStatus::kDone) << done.error;
  EXPECT_DOUBLE_EQ(done.progress, 1.0);
  EXPECT_NE(done.result_json.find("\"bottlenecks\""), std::string::npos);
  EXPECT_NE(done.result_json.find("\"replications\": 4"), std::string::npos);
  EXPECT_FALSE(done.finished_at.empty());
  // The stored scenario reads back as the one submitted.
  auto stored = simulate::ParseScenario(done.scenario_json);
  ASSERT_OK(stored);
  EXPECT_EQ(stored->days, 10);

  auto listed = simulations_->List(coordinator_, 10);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, run->id);
  EXPECT_TRUE((*listed)[0].result_json.empty()) << "listings carry no results";
}

TEST_P(SimulationServiceTest, RefusesBadScenariosAndLimitsNamingTheField) {
  std::string bad_batch = kTinyScenario;
  bad_batch.replace(bad_batch.find("\"max\": 45"), 9, "\"max\": 5");
  EXPECT_THAT(simulations_->Submit(coordinator_, {bad_batch, 2, 1}).status(),
              StatusIs(StatusCode::kInvalidArgument, "scenario.ports[0].batch.max"));
  EXPECT_THAT(simulations_->Submit(coordinator_, {kTinyScenario, 0, 1}).status(),
              StatusIs(StatusCode::kInvalidArgument, "replications"));
  EXPECT_THAT(simulations_->Submit(coordinator_, {kTinyScenario, 201, 1}).status(),
              StatusIs(StatusCode::kInvalidArgument, "replications"));
  std::string huge = kTinyScenario;
  huge.replace(huge.find("\"days\": 10"), 10, "\"days\": 3000");
  huge.replace(huge.find("\"daily_rate\": 30"), 16, "\"daily_rate\": 900");
  EXPECT_THAT(simulations_->Submit(coordinator_, {huge, 2, 1}).status(),
              StatusIs(StatusCode::kInvalidArgument, "scenario.ports"));
  EXPECT_THAT(simulations_->Submit(coordinator_, {std::string(kMaxScenarioBytes + 1, ' '), 2, 1}).status(),
              StatusIs(StatusCode::kInvalidArgument, "scenario"));
  auto listed = simulations_->List(coordinator_, 10);
  ASSERT_OK(listed);
  EXPECT_TRUE(listed->empty()) << "refused runs are not stored";
}

TEST_P(SimulationServiceTest, OnlyCoordinatorsAndAnalystsMayRunOrRead) {
  for (Role role : {Role::kAdministrator, Role::kRegistrar, Role::kShelterStaff, Role::kLawyer}) {
    const Actor actor = testing::TestActor(role, {}, 9);
    EXPECT_THAT(simulations_->Submit(actor, {kTinyScenario, 1, 1}).status(),
                StatusCodeIs(StatusCode::kPermissionDenied));
    EXPECT_THAT(simulations_->Template(actor).status(), StatusCodeIs(StatusCode::kPermissionDenied));
    EXPECT_THAT(simulations_->List(actor, 10).status(), StatusCodeIs(StatusCode::kPermissionDenied));
  }
}

TEST_P(SimulationServiceTest, TemplateTakesTheRegistrysShelters) {
  SiteService sites(*store_);
  const Actor admin = testing::TestActor(Role::kAdministrator);
  Site shelter = testing::TijuanaCentre();
  shelter.name = "Casa del Migrante";
  shelter.kind = SiteKind::kShelter;
  shelter.city = "Tijuana";
  auto site = sites.Create(admin, shelter);
  ASSERT_OK(site);
  Section men;
  men.site_id = site->id;
  men.name = "Hombres";
  men.kind = SectionKind::kMen;
  men.beds = 120;
  ASSERT_OK(sites.CreateSection(admin, men).status());
  Site elsewhere = shelter;
  elsewhere.name = "Albergue Saltillo";
  elsewhere.city = "Saltillo";
  elsewhere.latitude = 25.42;
  elsewhere.longitude = -101.0;
  auto far = sites.Create(admin, elsewhere);
  ASSERT_OK(far);
  men.site_id = far->id;
  men.beds = 30;
  ASSERT_OK(sites.CreateSection(admin, men).status());

  auto scenario = simulations_->Template(coordinator_);
  ASSERT_OK(scenario);
  EXPECT_EQ(scenario->ports.size(), 14u);
  ASSERT_EQ(scenario->shelters.size(), 2u);
  std::map<std::string, const simulate::Shelter*> by_id;
  for (const simulate::Shelter& one : scenario->shelters) by_id[one.id] = &one;
  ASSERT_TRUE(by_id.count("Casa del Migrante"));
  EXPECT_EQ(by_id["Casa del Migrante"]->city, "Tijuana");
  EXPECT_EQ(by_id["Casa del Migrante"]->sections[0].beds, 120);
  ASSERT_TRUE(by_id.count("Albergue Saltillo"));
  EXPECT_EQ(by_id["Albergue Saltillo"]->city, "Saltillo");
  EXPECT_EQ(scenario->cities.back().id, "Saltillo");
  EXPECT_NEAR(scenario->cities.back().lat, 25.42, 1e-9);
  EXPECT_OK(simulate::ValidateScenario(*scenario));
  // What the page sends back is accepted as it is.
  EXPECT_OK(simulate::ParseScenario(simulate::ScenarioToJson(*scenario)).status());
}

TEST_P(SimulationServiceTest, CancelStopsAQueuedOrRunningRunAndLeavesAFinishedOne) {
  std::string longer = kTinyScenario;
  longer.replace(longer.find("\"days\": 10"), 10, "\"days\": 2000");
  auto first = simulations_->Submit(coordinator_, {longer, 200, 1});
  ASSERT_OK(first);
  auto second = simulations_->Submit(coordinator_, {kTinyScenario, 1, 1});
  ASSERT_OK(second);
  auto cancelled = simulations_->Cancel(analyst_, first->id);
  ASSERT_OK(cancelled);
  EXPECT_EQ(cancelled->status, SimulationStatus::kCancelled);
  EXPECT_EQ(WaitUntilFinished(first->id).status, SimulationStatus::kCancelled);
  // The worker moves on to the next run.
  EXPECT_EQ(WaitUntilFinished(second->id).status, SimulationStatus::kDone);
  auto again = simulations_->Cancel(analyst_, second->id);
  ASSERT_OK(again);
  EXPECT_EQ(again->status, SimulationStatus::kDone);
  EXPECT_THAT(simulations_->Cancel(analyst_, 999999).status(), StatusCodeIs(StatusCode::kNotFound));
}

TEST_P(SimulationServiceTest, ARunWhoseServerStoppedIsMarkedFailedOnReading) {
  // A run some other server accepted and never finished: its heartbeat is three minutes old.
  SimulationRun orphan;
  orphan.name = "huérfana";
  orphan.created_by = "otro.servidor";
  orphan.created_at = FormatUtc(Now() - std::chrono::minutes(3));
  orphan.updated_at = orphan.created_at;
  orphan.status = SimulationStatus::kRunning;
  orphan.scenario_json = "{}";
  orphan.replications = 5;
  orphan.seed = 1;
  SimulationRun fresh = orphan;
  fresh.updated_at = FormatUtc(Now() - std::chrono::seconds(30));
  ASSERT_OK(store_->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(tx.InsertSimulationRun(orphan));
    return tx.InsertSimulationRun(fresh);
  }));
  auto read = simulations_->Get(coordinator_, orphan.id);
  ASSERT_OK(read);
  EXPECT_EQ(read->status, SimulationStatus::kFailed);
  EXPECT_EQ(read->error, "server stopped");
  auto alive = simulations_->Get(coordinator_, fresh.id);
  ASSERT_OK(alive);
  EXPECT_EQ(alive->status, SimulationStatus::kRunning) << "a heartbeat 30 s old is still alive";
}

}  // namespace
}  // namespace acogida
