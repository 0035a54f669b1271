// The scenario file: parse errors name the field (or the line for text that is not JSON),
// unknown keys are refused, a scenario survives a round trip, and the example files in
// docs/examples/ parse and run (so the documentation stays valid).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "simulate/scenario_json.h"
#include "simulate/simulate.h"
#include "test_scenarios.h"
#include "testing/status_matchers.h"

namespace acogida::simulate {
namespace {

using acogida::testing::StatusIs;
using nlohmann::json;

const char* kMinimal = R"({
  "name": "minimal",
  "days": 10,
  "stages": [{"id": "registro", "staff": 2, "service_minutes": {"distribution": "exponential", "mean": 4}}],
  "cities": [{"id": "Nogales", "lat": 31.3086, "lon": -110.9422, "buses": {"departure_hours": [8, 20], "seats": 45}}],
  "ports": [{"id": "Nogales", "city": "Nogales", "daily_rate": 200, "batch": {"min": 15, "max": 40},
             "hours": [{"from": 6, "to": 22}], "staff": {"registro": 3}}],
  "shelters": [{"id": "albergue", "city": "Nogales", "sections": [{"kind": "men", "beds": 50}]}]
})";

Status ParseWith(const std::function<void(json&)>& change) {
  json document = json::parse(kMinimal);
  change(document);
  return ParseScenario(document.dump()).status();
}

TEST(ParseScenario, ReadsAMinimalScenarioWithDefaults) {
  auto scenario = ParseScenario(kMinimal);
  ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
  EXPECT_EQ(scenario->days, 10);
  EXPECT_DOUBLE_EQ(scenario->people.enters_centre, 0.56);
  ASSERT_EQ(scenario->ports.size(), 1u);
  EXPECT_EQ(scenario->ports[0].batch.max, 40);
  ASSERT_EQ(scenario->ports[0].staff.size(), 1u);
  EXPECT_EQ(scenario->ports[0].staff[0].staff, 3);
  EXPECT_EQ(scenario->shelters[0].sections[0].id, "men");  // defaults to the kind
  EXPECT_EQ(scenario->cities[0].buses.departure_hours.size(), 2u);
}

TEST(ParseScenario, NamesTheLineOfTextThatIsNotJson) {
  auto scenario = ParseScenario("{\n  \"days\": 10,\n  \"ports\": [,]\n}");
  EXPECT_THAT(scenario, StatusIs(StatusCode::kInvalidArgument, "line 3, column 13"));
}

TEST(ParseScenario, NamesTheMissingOrMistypedField) {
  EXPECT_THAT(ParseWith([](json& d) { d.erase("ports"); }), StatusIs(StatusCode::kInvalidArgument, "ports"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0].erase("daily_rate"); }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].daily_rate"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["batch"]["min"] = "fifteen"; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].batch.min"));
  EXPECT_THAT(ParseWith([](json& d) { d["stages"][0]["service_minutes"]["distribution"] = "weibull"; }),
              StatusIs(StatusCode::kInvalidArgument, "stages[0].service_minutes.distribution"));
  EXPECT_THAT(ParseWith([](json& d) { d["shelters"][0]["sections"][0]["kind"] = "adults"; }),
              StatusIs(StatusCode::kInvalidArgument, "shelters[0].sections[0].kind"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["staff"]["registro"] = 1.5; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].staff.registro"));
}

TEST(ParseScenario, RefusesUnknownFields) {
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["daily_rte"] = 10; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].daily_rte"));
  EXPECT_THAT(ParseWith([](json& d) { d["surge"] = 3; }), StatusIs(StatusCode::kInvalidArgument, "surge"));
}

TEST(ParseScenario, NamesTheFieldThatBreaksARule) {
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["city"] = "Hermosillo"; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].city"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["staff"]["triage"] = 1; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].staff.triage"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["batch"]["max"] = 10; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].batch.max"));
  EXPECT_THAT(ParseWith([](json& d) { d["ports"][0]["hours"][0]["to"] = 5; }),
              StatusIs(StatusCode::kInvalidArgument, "ports[0].hours[0].to"));
  EXPECT_THAT(ParseWith([](json& d) { d["people"] = {{"men", 0.9}}; }),
              StatusIs(StatusCode::kInvalidArgument, "people.minors"));
  EXPECT_THAT(ParseWith([](json& d) { d["people"] = {{"imss", 1.2}}; }),
              StatusIs(StatusCode::kInvalidArgument, "people.imss"));
  EXPECT_THAT(ParseWith([](json& d) { d["shelters"][0]["sections"][0]["beds"] = -1; }),
              StatusIs(StatusCode::kInvalidArgument, "shelters[0].sections[0].beds"));
  EXPECT_THAT(ParseWith([](json& d) { d["days"] = 0; }), StatusIs(StatusCode::kInvalidArgument, "days"));
  EXPECT_THAT(ParseWith([](json& d) {
                d["multipliers"] = json::array({{{"from_day", 5}, {"to_day", 20}, {"factor", 3}}});
              }),
              StatusIs(StatusCode::kInvalidArgument, "multipliers[0].to_day"));
  EXPECT_THAT(ParseWith([](json& d) {
                d["multipliers"] = json::array({{{"from_day", 1}, {"to_day", 2}, {"factor", 3}, {"ports", {"Agua Prieta"}}}});
              }),
              StatusIs(StatusCode::kInvalidArgument, "multipliers[0].ports[0]"));
  EXPECT_THAT(ParseWith([](json& d) { d["stays"] = {{"men", {{"zero_night_share", 0.5}}}}; }),
              StatusIs(StatusCode::kInvalidArgument, "stays.men.mean_nights_if_staying"));
  EXPECT_THAT(ParseWith([](json& d) { d["cities"].push_back(d["cities"][0]); }),
              StatusIs(StatusCode::kInvalidArgument, "cities[1].id"));
}

TEST(ScenarioToJson, RoundTripsAScenario) {
  Scenario scenario = testing::TwoCityScenario(3);
  scenario.stays.has_kind[static_cast<int>(SectionKind::kMinors)] = true;
  scenario.stays.by_kind[static_cast<int>(SectionKind::kMinors)] = Stay{0.1, 6};
  const std::string text = ScenarioToJson(scenario);
  auto parsed = ParseScenario(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(ScenarioToJson(*parsed), text);
}

std::string ReadExample(const std::string& name) {
  std::ifstream in(std::string(ACOGIDA_SOURCE_PATH) + "/docs/examples/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Examples, TheBorderScenariosInTheDocsParseAndRun) {
  SimulationResult results[2];
  int index = 0;
  for (const char* name : {"border-2025.json", "border-2025-surge-x3.json"}) {
    SCOPED_TRACE(name);
    const std::string text = ReadExample(name);
    ASSERT_FALSE(text.empty());
    auto scenario = ParseScenario(text);
    ASSERT_TRUE(scenario.ok()) << scenario.status().ToString();
    EXPECT_EQ(scenario->ports.size(), 14u);  // eleven land points and three airports
    // The 2025 shares: Matamoros 20.6 % of all arrivals, ~20 % by air.
    double total = 0, matamoros = 0, air = 0;
    for (const Port& port : scenario->ports) {
      total += port.daily_rate;
      if (port.id == "Matamoros") matamoros = port.daily_rate;
      if (port.kind == PortKind::kAir) air += port.daily_rate;
    }
    EXPECT_NEAR(matamoros / total, 0.206, 0.001);
    EXPECT_NEAR(air / total, 0.20, 0.01);
    // A quick run over the surge window (the full year runs in the CLI and the benchmark).
    scenario->days = 150;
    for (Multiplier& multiplier : scenario->multipliers) {
      multiplier.from_day = std::min(multiplier.from_day, 149);
      multiplier.to_day = std::min(multiplier.to_day, 149);
    }
    SimulateOptions options;
    options.replications = 2;
    auto result = Simulate(*scenario, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    results[index++] = std::move(result).value();
  }
  // Days 90–149 of the surge file are at ×3: more arrivals, and reception staff overloaded
  // (a stage needs more than all of its staff's time in its busiest week) where at ×1 none is.
  EXPECT_GT(results[1].arrivals.mean, 1.5 * results[0].arrivals.mean);
  auto worst = [](const SimulationResult& result) {
    return result.bottlenecks.empty() ? 0.0 : result.bottlenecks[0].pressure;
  };
  EXPECT_LT(worst(results[0]), 1);
  EXPECT_GT(worst(results[1]), 1);
  EXPECT_EQ(results[1].bottlenecks[0].kind, "stage");
}

}  // namespace
}  // namespace acogida::simulate
