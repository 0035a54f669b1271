// CURP levels: exact, slipped, different, and the CURP's name letters and date against a
// record without one.
#include "linkage/curp_compare.h"

#include <gtest/gtest.h>

#include "core/curp.h"

namespace acogida::linkage {
namespace {

// A CURP for "José Luis Hernández García", born 1985-03-12 in Michoacán, with a valid check digit.
std::string ValidCurp(std::string first17 = "HEGL850312HMNRRS0") {
  return first17 + CurpCheckDigit(first17);
}

CurpFacts Facts(const std::string& curp, const char* given, const char* paternal, const char* maternal) {
  return MakeCurpFacts(curp, NameInitials(given, paternal, maternal));
}

TEST(NameInitials, CodesNamesAsRenapoDoes) {
  EXPECT_EQ(NameInitials("José Luis", "Hernández", "García"), "HEGL");
  EXPECT_EQ(NameInitials("María Guadalupe", "de la Cruz", ""), "CUXG");
  EXPECT_EQ(NameInitials("Pepe Luis", "Hernández", "García"), "HEGL");  // the nickname written out
  EXPECT_EQ(NameInitials("", "", ""), "??X?");
  EXPECT_EQ(NameInitials("Pepe", "Hernández", "García"), "HEG?");  // José alone may be José Luis
}

TEST(CompareCurps, EqualValidCurpsAreExact) {
  const std::string curp = ValidCurp();
  ASSERT_TRUE(ParseCurp(curp).ok());
  EXPECT_EQ(CompareCurps(Facts(curp, "José Luis", "Hernández", "García"), Facts(curp, "Pepe", "Ernandes", "")),
            CurpLevel::kExact);
}

TEST(CompareCurps, OneSlippedCharacterIsOneSlip) {
  std::string slipped = ValidCurp();
  slipped[7] = '4';
  const CurpFacts good = Facts(ValidCurp(), "José Luis", "Hernández", "García");
  EXPECT_EQ(CompareCurps(good, Facts(slipped, "José Luis", "Hernández", "García")), CurpLevel::kOneSlip);
  EXPECT_EQ(CompareCurps(good, Facts(ValidCurp().substr(0, 17), "José Luis", "Hernández", "García")),
            CurpLevel::kOneSlip);
}

TEST(CompareCurps, ATwinsCurpIsDifferent) {
  // Same surnames, date and state; another given name, homoclave and check digit.
  const CurpFacts jose = Facts(ValidCurp(), "José Luis", "Hernández", "García");
  const CurpFacts jorge = Facts(ValidCurp("HEGJ850312HMNRRR1"), "Jorge", "Hernández", "García");
  EXPECT_EQ(CompareCurps(jose, jorge), CurpLevel::kBothValidDifferent);
  std::string garbled = ValidCurp("HEGJ850312HMNRRR1");
  garbled[17] = garbled[17] == '0' ? '1' : '0';  // invalid now
  EXPECT_EQ(CompareCurps(jose, Facts(garbled, "Jorge", "Hernández", "García")), CurpLevel::kDifferent);
}

TEST(CompareCurps, OneCurpIsComparedWithTheOtherRecordsNames) {
  const CurpFacts with_curp = Facts(ValidCurp(), "José Luis", "Hernández", "García");
  EXPECT_EQ(CompareCurps(with_curp, Facts("", "Luis", "Hernández", "García")), CurpLevel::kInitialsAgree);
  EXPECT_EQ(CompareCurps(Facts("", "Luis", "Hernández", ""), with_curp), CurpLevel::kInitialsAgree);
  EXPECT_EQ(CompareCurps(with_curp, Facts("", "Jorge", "Hernández", "García")), CurpLevel::kInitialsDiffer);
  // Even a mistyped CURP still tells its name letters.
  std::string slipped = ValidCurp();
  slipped[17] = slipped[17] == '0' ? '1' : '0';
  EXPECT_EQ(CompareCurps(Facts(slipped, "", "", ""), Facts("", "Luis", "Hernández", "García")),
            CurpLevel::kInitialsAgree);
  EXPECT_EQ(CompareCurps(Facts("", "Luis", "Hernández", ""), Facts("", "Luis", "Hernández", "")), CurpLevel::kUnknown);
}

TEST(CompleteBirthDate, FillsPartialDatesFromTheCurpOnlyWhenConsistent) {
  const std::string curp = ValidCurp();
  EXPECT_EQ(CompleteBirthDate({1985, 0, 0}, curp), (LooseDate{1985, 3, 12}));
  EXPECT_EQ(CompleteBirthDate({}, curp), (LooseDate{1985, 3, 12}));
  EXPECT_EQ(CompleteBirthDate({1985, 3, 0}, curp), (LooseDate{1985, 3, 12}));
  EXPECT_EQ(CompleteBirthDate({1986, 0, 0}, curp), (LooseDate{1986, 0, 0}));
  EXPECT_EQ(CompleteBirthDate({1985, 12, 3}, curp), (LooseDate{1985, 12, 3}));  // full dates stay as recorded
  EXPECT_EQ(CompleteBirthDate({1985, 0, 0}, ""), (LooseDate{1985, 0, 0}));
}

}  // namespace
}  // namespace acogida::linkage
