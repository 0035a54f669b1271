// JSON settings: the example files parse and fit their data sets; mistakes name the path.
#include "linkage/settings_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "linkage/linker.h"
#include "testing/status_matchers.h"

namespace acogida::linkage {
namespace {

using testing::StatusIs;

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(ACOGIDA_SOURCE_PATH) + "/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ParseSettingsJson, ReadsTheFebrlSettingsAndTheyFitFebrlColumns) {
  auto settings = ParseSettingsJson(ReadSource("bench/linkage/febrl.json"));
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  EXPECT_EQ(settings->id_column, "rec_id");
  EXPECT_TRUE(settings->trim_fields);
  EXPECT_EQ(settings->comparisons.size(), 10u);
  const std::vector<std::string> febrl_columns = {"rec_id",   "given_name", "surname", "street_number",
                                                  "address_1", "address_2", "suburb", "postcode",
                                                  "state",    "date_of_birth", "soc_sec_id"};
  EXPECT_TRUE(Linker::Make(*settings, febrl_columns).ok());
  EXPECT_THAT(Linker::Make(*settings, {"rec_id", "given_name"}).status(),
              StatusIs(StatusCode::kInvalidArgument, "comparisons.surname"));
}

TEST(ParseSettingsJson, ReadsTheFake1000Settings) {
  auto settings = ParseSettingsJson(ReadSource("bench/linkage/fake_1000.json"));
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  EXPECT_EQ(settings->comparisons[0].kind, ComparisonKind::kNamePair);
  EXPECT_TRUE(Linker::Make(*settings, {"unique_id", "first_name", "surname", "dob", "city", "email", "cluster"}).ok());
}

TEST(ParseSettingsJson, NamesThePathOfAMistake) {
  EXPECT_THAT(ParseSettingsJson("{"), StatusIs(StatusCode::kInvalidArgument, "settings"));
  EXPECT_THAT(ParseSettingsJson(R"({"comparisons": [], "blocking": []})"),
              StatusIs(StatusCode::kInvalidArgument, "comparisons"));
  const char* bad_kind = R"({"comparisons": [{"name": "a", "kind": "soundex", "columns": ["a"]}],
                             "blocking": [{"name": "b", "key": ["a"]}]})";
  EXPECT_THAT(ParseSettingsJson(bad_kind), StatusIs(StatusCode::kInvalidArgument, "comparisons[0].kind"));
  const char* typo = R"({"comparisons": [{"name": "a", "kind": "exact", "colums": ["a"]}],
                         "blocking": [{"name": "b", "key": ["a"]}]})";
  EXPECT_THAT(ParseSettingsJson(typo), StatusIs(StatusCode::kInvalidArgument, "comparisons[0].colums"));
  const char* threshold = R"({"threshold": 1.5, "comparisons": [{"name": "a", "kind": "exact", "columns": ["a"]}],
                              "blocking": [{"name": "b", "key": ["a"]}]})";
  EXPECT_THAT(ParseSettingsJson(threshold), StatusIs(StatusCode::kInvalidArgument, "threshold"));
}

TEST(ParseSettingsJson, UnknownTransformsAndColumnsFailWhenBound) {
  const char* json = R"({"comparisons": [{"name": "a", "kind": "exact", "columns": ["a"]}],
                         "blocking": [{"name": "b", "key": ["a:metaphone"]}]})";
  auto settings = ParseSettingsJson(json);
  ASSERT_TRUE(settings.ok());
  EXPECT_THAT(Linker::Make(*settings, {"id", "a"}).status(), StatusIs(StatusCode::kInvalidArgument, "blocking.b"));
}

}  // namespace
}  // namespace acogida::linkage
