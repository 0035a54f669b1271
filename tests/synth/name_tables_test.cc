// Tests for synth/name_tables.h: the surnames, nicknames, states and languages the
// generator and the linkage engine rely on.
#include "synth/name_tables.h"

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/mexico.h"

namespace acogida::synth {
namespace {

bool HasSurname(std::string_view name) {
  for (const WeightedName& row : Surnames()) {
    if (row.name == name) return true;
  }
  return false;
}

bool HasNickname(std::string_view nickname, std::string_view name) {
  for (const Nickname& row : Nicknames()) {
    if (row.nickname == nickname && row.name == name) return true;
  }
  return false;
}

TEST(Surnames, HasAboutAHundredDistinctPositiveWeightedNames) {
  std::set<std::string_view> names;
  for (const WeightedName& row : Surnames()) {
    EXPECT_GT(row.weight, 0) << row.name;
    names.insert(row.name);
  }
  EXPECT_EQ(names.size(), Surnames().size()) << "duplicate surname";
  EXPECT_GE(names.size(), 100u);
}

TEST(Surnames, HernandezIsTheMostFrequentAndTheUsualOnesArePresent) {
  const WeightedName& top = *std::max_element(Surnames().begin(), Surnames().end(),
                                              [](const auto& a, const auto& b) { return a.weight < b.weight; });
  EXPECT_EQ(top.name, "Hernández");
  for (std::string_view name : {"García", "Martínez", "López", "de la Cruz", "Muñoz", "Ávila", "Del Ángel",
                                "Güereca", "Castañeda", "Núñez", "Velázquez"}) {
    EXPECT_TRUE(HasSurname(name)) << name;
  }
}

TEST(GivenNames, IncludeCompoundNamesForBothSexes) {
  auto has = [](Sex sex, std::string_view name) {
    for (const WeightedName& row : GivenNames(sex)) {
      if (row.name == name) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(Sex::kMale, "José Luis"));
  EXPECT_TRUE(has(Sex::kMale, "Juan Carlos"));
  EXPECT_TRUE(has(Sex::kFemale, "María Guadalupe"));
  EXPECT_TRUE(has(Sex::kFemale, "María de Jesús"));
  EXPECT_TRUE(has(Sex::kFemale, "Ma. del Carmen"));
  EXPECT_FALSE(has(Sex::kMale, "María Guadalupe"));
}

TEST(Nicknames, HoldTheCommonMexicanPairs) {
  const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"Pepe", "José"},       {"Lupe", "Guadalupe"},     {"Chuy", "Jesús"},   {"Pancho", "Francisco"},
      {"Paco", "Francisco"},  {"Nacho", "Ignacio"},      {"Memo", "Guillermo"}, {"Beto", "Alberto"},
      {"Beto", "Roberto"},    {"Lalo", "Eduardo"},       {"Chema", "José María"}, {"Toño", "Antonio"},
      {"Kike", "Enrique"},    {"Rafa", "Rafael"},        {"Chucho", "Jesús"}, {"Lencha", "Lorenza"},
      {"Concha", "Concepción"}, {"Meche", "Mercedes"},   {"Chayo", "Rosario"}, {"Paty", "Patricia"},
      {"Lety", "Leticia"},
  };
  for (const auto& [nickname, name] : kPairs) EXPECT_TRUE(HasNickname(nickname, name)) << nickname << " " << name;
}

TEST(Nicknames, LookUpBothWays) {
  std::set<std::string_view> of_jesus;
  for (const Nickname& row : NicknamesOf("Jesús")) of_jesus.insert(row.nickname);
  EXPECT_EQ(of_jesus, (std::set<std::string_view>{"Chuy", "Chucho"}));
  std::set<std::string_view> for_beto;
  for (const Nickname& row : NamesForNickname("Beto")) for_beto.insert(row.name);
  EXPECT_TRUE(for_beto.count("Alberto") && for_beto.count("Roberto"));
  EXPECT_TRUE(NicknamesOf("Zacarías").empty());
}

TEST(BirthStates, CoverAll32StatesWithMichoacanWeighingMost) {
  std::set<std::string_view> codes;
  for (const WeightedState& state : BirthStates()) {
    EXPECT_NE(StateByInegiCode(state.inegi_code), nullptr) << state.inegi_code;
    EXPECT_GT(state.municipalities, 0);
    codes.insert(state.inegi_code);
  }
  EXPECT_EQ(codes.size(), 32u);
  const WeightedState& top = *std::max_element(BirthStates().begin(), BirthStates().end(),
                                               [](const auto& a, const auto& b) { return a.weight < b.weight; });
  EXPECT_EQ(top.inegi_code, "16");
  EXPECT_GT(BirthStateByCode("12")->weight, BirthStateByCode("03")->weight);  // Guerrero > BCS
  EXPECT_EQ(BirthStateByCode("20")->municipalities, 570);                     // Oaxaca
  EXPECT_EQ(BirthStateByCode("99"), nullptr);
}

TEST(IndigenousLanguages, AreTheEightWithValidHomeStates) {
  std::set<std::string_view> codes;
  for (const IndigenousLanguage& language : IndigenousLanguages()) {
    codes.insert(language.code);
    ASSERT_FALSE(language.home_states.empty());
    for (size_t pos = 0; pos < language.home_states.size(); pos += 3) {
      EXPECT_NE(StateByInegiCode(language.home_states.substr(pos, 2)), nullptr) << language.code;
    }
  }
  EXPECT_EQ(codes, (std::set<std::string_view>{"nah", "mix", "zap", "tzo", "tzh", "yua", "oto", "tsz"}));
}

TEST(IsSkippedFirstGivenName, KnowsMariaAndJoseInTheirSpellings) {
  for (std::string_view word : {"María", "MARIA", "Maria", "Ma.", "MA", "M.", "José", "JOSE", "J."}) {
    EXPECT_TRUE(IsSkippedFirstGivenName(word)) << word;
  }
  for (std::string_view word : {"Mario", "Juan", "Marisol", "Jesús", ""}) EXPECT_FALSE(IsSkippedFirstGivenName(word)) << word;
}

}  // namespace
}  // namespace acogida::synth
