// `acogida allocate` run as a real process: the placement file's contract, and bad input
// (malformed JSON, a missing or mistyped field, a broken rule) failing with exit code 2,
// the line or field named on stderr, and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/server_process.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using nlohmann::json;
using testing::RunAcogida;

// A bus at Matamoros: a family of four, a man in a wheelchair, two unaccompanied minors.
const char* kScenario = R"({
  "shelters": [
    {"id": "casa-matamoros", "city": "Matamoros", "location": {"lat": 25.8797, "lon": -97.5042},
     "sections": [
       {"id": "familias", "kind": "families", "free_beds": 6},
       {"id": "hombres", "kind": "men", "free_beds": 10}]},
    {"id": "senda-reynosa", "city": "Reynosa", "location": {"lat": 26.0922, "lon": -98.2778}, "languages": ["es", "en"],
     "sections": [
       {"id": "hombres", "kind": "men", "free_beds": 4, "accessible": true},
       {"id": "menores", "kind": "minors", "free_beds": 4, "minors_authorised": true}]}
  ],
  "groups": [
    {"id": "g1", "arrival": {"port": "Matamoros", "lat": 25.8797, "lon": -97.5042},
     "home": {"region": "Michoacán", "lat": 19.706, "lon": -101.195},
     "composition": {"adult_men": 1, "adult_women": 1, "children": 2}, "member_ids": ["a", "b", "c", "d"]},
    {"id": "g2", "arrival": {"port": "Matamoros", "lat": 25.8797, "lon": -97.5042},
     "home": {"region": "Guerrero", "lat": 17.5515, "lon": -99.5006},
     "composition": {"adult_men": 1}, "needs": {"wheelchair": true}},
    {"id": "g3", "arrival": {"port": "Matamoros", "lat": 25.8797, "lon": -97.5042},
     "home": {"region": "Oaxaca", "lat": 17.0732, "lon": -96.7266},
     "composition": {"unaccompanied_minors": 2}},
    {"id": "g4", "arrival": {"port": "Matamoros", "lat": 25.8797, "lon": -97.5042},
     "home": {"region": "Oaxaca", "lat": 17.0732, "lon": -96.7266},
     "composition": {"adult_women": 1, "children": 5}}
  ]
})";

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

json ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

TEST(AllocateCli, WritesAPlacementForEveryGroup) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), kScenario);
  auto result = RunAcogida({"allocate", "--scenario", dir.File("scenario.json"), "--out", dir.File("out.json")});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json out = ReadJson(dir.File("out.json"));
  EXPECT_EQ(out["method"], "flow");
  ASSERT_EQ(out["placements"].size(), 4u);
  // Six family beds: the household of six gets them rather than the household of four,
  // so four people rather than six are left without a bed.
  const json& family = out["placements"][0];
  EXPECT_EQ(family["group"], "g1");
  EXPECT_EQ(family["outcome"], "no_room");
  EXPECT_FALSE(family.contains("shelter"));
  EXPECT_NE(family["reason"].get<std::string>().find("4 beds together"), std::string::npos);
  const json& wheelchair = out["placements"][1];
  EXPECT_EQ(wheelchair["shelter"], "senda-reynosa");  // the only accessible section
  const json& minors = out["placements"][2];
  EXPECT_EQ(minors["section"], "menores");
  const json& large = out["placements"][3];
  EXPECT_EQ(large["shelter"], "casa-matamoros");
  EXPECT_EQ(large["section"], "familias");
  EXPECT_EQ(out["placed_people"], 9);
  EXPECT_EQ(out["unplaced_people"], 4);
  ASSERT_EQ(out["people_without_bed"].size(), 4u);
  EXPECT_EQ(out["people_without_bed"][0]["member"], "a");
  EXPECT_GE(out["objective_km"].get<double>(), out["lower_bound_km"].get<double>());
}

TEST(AllocateCli, RunsTheGreedyBaselineOnRequest) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), kScenario);
  auto result = RunAcogida(
      {"allocate", "--scenario", dir.File("scenario.json"), "--out", dir.File("out.json"), "--method", "greedy"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json out = ReadJson(dir.File("out.json"));
  EXPECT_EQ(out["method"], "greedy");
  EXPECT_FALSE(out.contains("lower_bound_km"));
}

TEST(AllocateCli, MalformedJsonFailsNamingTheLineAndWritesNothing) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), "{\n  \"shelters\": [],\n  \"groups\": [,]\n}\n");
  auto result = RunAcogida({"allocate", "--scenario", dir.File("scenario.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("line 3"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

TEST(AllocateCli, AMissingOrMistypedFieldFailsNamingIt) {
  testing::TempDir dir;
  json scenario = json::parse(kScenario);
  scenario["groups"][1].erase("composition");
  Write(dir.File("missing.json"), scenario.dump());
  auto result = RunAcogida({"allocate", "--scenario", dir.File("missing.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("groups[1].composition: is required"), std::string::npos) << result.output;

  scenario = json::parse(kScenario);
  scenario["shelters"][1]["sections"][0]["free_beds"] = "four";
  Write(dir.File("mistyped.json"), scenario.dump());
  result = RunAcogida({"allocate", "--scenario", dir.File("mistyped.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("shelters[1].sections[0].free_beds"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

TEST(AllocateCli, ABrokenRuleFailsNamingTheField) {
  testing::TempDir dir;
  json scenario = json::parse(kScenario);
  scenario["groups"][2]["composition"]["adult_women"] = 1;  // "unaccompanied" minors with an adult
  Write(dir.File("scenario.json"), scenario.dump());
  auto result = RunAcogida({"allocate", "--scenario", dir.File("scenario.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("groups[2].composition.unaccompanied_minors"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

}  // namespace
}  // namespace acogida
