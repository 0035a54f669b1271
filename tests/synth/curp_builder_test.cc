// Tests for synth/curp_builder.h: RENAPO's letter rules on worked examples, and that
// built CURPs pass core's validation.
#include "synth/curp_builder.h"

#include <gtest/gtest.h>

#include "core/curp.h"
#include "testing/status_matchers.h"

namespace acogida::synth {
namespace {

BirthDate Date(int year, int month, int day) { return BirthDate{year, month, day}; }

TEST(CurpStem, SkipsMariaInACompoundGivenName) {
  EXPECT_EQ(CurpStem("María Guadalupe", "Hernández", "López", Date(1985, 3, 12), Sex::kFemale, "16"),
            "HELG850312MMNRPD");
}

TEST(CurpStem, SkipsParticlesAndWritesEnyeAsX) {
  EXPECT_EQ(CurpStem("José Luis", "de la Cruz", "Núñez", Date(1990, 11, 5), Sex::kMale, "20"), "CUNL901105HOCRXS");
}

TEST(CurpStem, SkipsAbbreviatedMaAndDelAndDropsDiaeresis) {
  EXPECT_EQ(CurpStem("Ma. del Carmen", "Del Ángel", "Güereca", Date(1969, 8, 30), Sex::kFemale, "30"),
            "AEGC690830MVZNRR");
}

TEST(CurpStem, KeepsJoseWhenItIsTheOnlyGivenName) {
  EXPECT_EQ(CurpStem("José", "Ramírez", "Soto", Date(1975, 1, 2), Sex::kMale, "12"), "RASJ750102HGRMTS");
}

TEST(CurpStem, ReplacesSecondLetterOfAnInconvenientWord) {
  // B-U-E-I would spell BUEI; RENAPO prints BXEI.
  EXPECT_EQ(CurpStem("Iván", "Bueno", "Estrada", Date(1978, 1, 20), Sex::kMale, "11"), "BXEI780120HGTNSV");
}

TEST(CurpStem, UsesXForAMissingMaternalSurnameAndNeForBornAbroad) {
  EXPECT_EQ(CurpStem("Ana", "Ibarra", "", Date(2003, 7, 9), Sex::kFemale, ""), "IAXA030709MNEBXN");
}

TEST(MakeCurp, UsesADigitHomoclaveBefore2000AndALetterFrom2000) {
  Rng rng(1);
  Person person;
  person.given_names = "Juan";
  person.paternal_surname = "Pérez";
  person.maternal_surname = "Gómez";
  person.sex = Sex::kMale;
  person.birth_state = "14";
  const std::string before = MakeCurp(person, Date(1999, 12, 31), rng);
  const std::string after = MakeCurp(person, Date(2000, 1, 1), rng);
  ASSERT_EQ(before.size(), 18u);
  ASSERT_EQ(after.size(), 18u);
  EXPECT_TRUE(before[16] >= '0' && before[16] <= '9') << before;
  EXPECT_TRUE(after[16] >= 'A' && after[16] <= 'Z') << after;
  EXPECT_EQ(before.substr(0, 16), "PEGJ991231HJCRMN");
  EXPECT_EQ(before[17], CurpCheckDigit(before.substr(0, 17)));
}

TEST(MakeCurp, PassesCoreValidationAndAgreesWithThePerson) {
  Rng rng(2);
  Person person;
  person.given_names = "María de Jesús";
  person.paternal_surname = "Yáñez";
  person.maternal_surname = "de la Cruz";
  person.sex = Sex::kFemale;
  person.birth_state = "07";
  person.birth_date = BirthDate{1988, 0, 0};  // she knows only the year
  const std::string curp = MakeCurp(person, Date(1988, 2, 29), rng);
  EXPECT_EQ(curp.substr(0, 16), "YACJ880229MCSXRS");
  StatusOr<CurpInfo> info = ParseCurp(curp);
  ASSERT_OK(info);
  EXPECT_OK(CheckCurpAgreesWithPerson(*info, person));
}

}  // namespace
}  // namespace acogida::synth
