// `acogida simulate` run as a real process: the result file's contract, the same result
// whatever --threads, and bad input (text that is not JSON, a wrong field, a bad flag)
// failing with exit code 2, the line, field or flag named on stderr, and nothing written.
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

// Matamoros with few beds and a ×4 surge on days 10–19, overflowing to Reynosa.
const char* kScenario = R"({
  "name": "Matamoros ×4",
  "days": 30,
  "stages": [
    {"id": "registro", "applies_to": "all", "staff": 2, "service_minutes": {"distribution": "exponential", "mean": 3}},
    {"id": "servicios", "applies_to": "entrants", "staff": 3,
     "service_minutes": {"distribution": "lognormal", "mean": 10, "sd": 5}}
  ],
  "cities": [
    {"id": "Matamoros", "lat": 25.8797, "lon": -97.5042, "buses": {"departure_hours": [8, 18], "seats": 40}},
    {"id": "Reynosa", "lat": 26.0922, "lon": -98.2778}
  ],
  "ports": [{"id": "Matamoros", "city": "Matamoros", "daily_rate": 250, "batch": {"min": 15, "max": 60},
             "hours": [{"from": 6, "to": 22}]}],
  "shelters": [
    {"id": "centro", "city": "Matamoros", "sections": [{"kind": "men", "beds": 50}, {"kind": "women", "beds": 10},
                                                        {"kind": "minors", "beds": 5}]},
    {"id": "senda", "city": "Reynosa", "sections": [{"kind": "men", "beds": 20}]}
  ],
  "multipliers": [{"kind": "surge", "from_day": 10, "to_day": 19, "factor": 4, "label": "×4"}]
})";

void Write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SimulateCli, WritesTheResultFile) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), kScenario);
  auto result = RunAcogida({"simulate", dir.File("scenario.json"), "--out", dir.File("out.json"), "--replications",
                            "4", "--seed", "7"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("4 replications of 30 days"), std::string::npos) << result.output;
  const json out = json::parse(Read(dir.File("out.json")));
  EXPECT_EQ(out["scenario"], "Matamoros ×4");
  EXPECT_EQ(out["seed"], 7);
  EXPECT_EQ(out["replications"], 4);
  EXPECT_GT(out["totals"]["arrivals"]["mean"].get<double>(), 9000);
  EXPECT_GT(out["totals"]["arrivals"]["ci95"].get<double>(), 0);
  EXPECT_GT(out["totals"]["without_bed"]["mean"].get<double>(), 0);
  ASSERT_EQ(out["stages"].size(), 2u);
  EXPECT_EQ(out["stages"][0]["stage"], "registro");
  EXPECT_EQ(out["stages"][0]["daily_mean_wait_minutes"].size(), 30u);
  ASSERT_EQ(out["cities"].size(), 2u);
  EXPECT_EQ(out["cities"][0]["beds"], 65);
  EXPECT_EQ(out["cities"][0]["daily_occupancy"].size(), 30u);
  EXPECT_GT(out["cities"][1]["daily_occupancy"][15].get<double>(), 0);  // overflow to Reynosa in the surge
  EXPECT_EQ(out["sections"].size(), 4u);
  EXPECT_EQ(out["multipliers"][0]["label"], "×4");
  ASSERT_FALSE(out["bottlenecks"].empty());
  EXPECT_EQ(out["bottlenecks"][0]["where"], "Matamoros");
}

TEST(SimulateCli, TheResultDoesNotDependOnTheThreadCount) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), kScenario);
  for (const char* threads : {"1", "3"}) {
    auto result = RunAcogida({"simulate", dir.File("scenario.json"), "--out", dir.File(std::string(threads) + ".json"),
                              "--replications", "6", "--threads", threads});
    ASSERT_EQ(result.exit_code, 0) << result.output;
  }
  EXPECT_EQ(Read(dir.File("1.json")), Read(dir.File("3.json")));
}

TEST(SimulateCli, TextThatIsNotJsonFailsNamingTheLineAndWritesNothing) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), "{\n  \"days\": 30,\n  \"ports\": [,]\n}\n");
  auto result = RunAcogida({"simulate", dir.File("scenario.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("line 3"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

TEST(SimulateCli, AWrongFieldFailsNamingItAndWritesNothing) {
  testing::TempDir dir;
  json scenario = json::parse(kScenario);
  scenario["ports"][0]["batch"]["max"] = "sixty";
  Write(dir.File("mistyped.json"), scenario.dump());
  auto result = RunAcogida({"simulate", dir.File("mistyped.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("ports[0].batch.max: must be a whole number"), std::string::npos) << result.output;

  scenario = json::parse(kScenario);
  scenario["shelters"][1]["city"] = "Monterrey";
  Write(dir.File("unknown-city.json"), scenario.dump());
  result = RunAcogida({"simulate", dir.File("unknown-city.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("shelters[1].city"), std::string::npos) << result.output;

  scenario = json::parse(kScenario);
  scenario["multipliers"][0]["to_day"] = 30;
  Write(dir.File("beyond.json"), scenario.dump());
  result = RunAcogida({"simulate", dir.File("beyond.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("multipliers[0].to_day"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

TEST(SimulateCli, BadFlagsFailNamingThemAndWriteNothing) {
  testing::TempDir dir;
  Write(dir.File("scenario.json"), kScenario);
  auto result = RunAcogida({"simulate", dir.File("scenario.json"), "--out", dir.File("out.json"), "--replications", "0"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("--replications"), std::string::npos) << result.output;
  result = RunAcogida({"simulate", dir.File("missing.json"), "--out", dir.File("out.json")});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("missing.json"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir.File("out.json")));
}

}  // namespace
}  // namespace acogida
