// Tests of CURP parsing, the check digit, agreement with a person, and the state table
// the CURP relies on. Check digits are computed here by an independent loop over RENAPO's
// alphabet, and the literal CURPs below were verified by hand.
#include "core/curp.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/mexico.h"
#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;
using ::testing::HasSubstr;

// RENAPO's alphabet with '*' standing for Ñ (value 24), so that indices are the values.
int ReferenceValue(char ch) { return static_cast<int>(std::string("0123456789ABCDEFGHIJKLMN*OPQRSTUVWXYZ").find(ch)); }

char ReferenceCheckDigit(const std::string& first17) {
  int sum = 0;
  for (int idx = 0; idx < 17; ++idx) sum += ReferenceValue(first17[idx]) * (18 - idx);
  int digit = 10 - sum % 10;
  if (digit == 10) digit = 0;
  return static_cast<char>('0' + digit);
}

std::string WithCheckDigit(const std::string& first17) { return first17 + ReferenceCheckDigit(first17); }

// Wikipedia's example: Gloria Hernández García, born 1956-04-27 in Veracruz.
// H17*18 + E14*17 + G16*16 + G16*15 + 5*14 + 6*13 + 0*12 + 4*11 + 2*10 + 7*9 + M22*8 + V32*7
// + Z36*6 + R28*5 + R28*4 + L21*3 + 0*2 = 2246; 10 - 6 = 4.
constexpr char kGloria[] = "HEGG560427MVZRRL04";
// María Fernanda Gómez Ruiz, born 2005-07-09 in Nuevo León; the homoclave is a letter (2000s).
// G16*18 + O25*17 + R28*16 + F15*15 + 0*14 + 5*13 + 0*12 + 7*11 + 0*10 + 9*9 + M22*8 + N23*7
// + L21*6 + M22*5 + Z36*4 + R28*3 + A10*2 = 2430; (10 - 0) % 10 = 0.
constexpr char kMariaFernanda[] = "GORF050709MNLMZRA0";

TEST(CurpCheckDigit, MatchesHandComputedDigits) {
  EXPECT_EQ(CurpCheckDigit("HEGG560427MVZRRL0"), '4');
  EXPECT_EQ(CurpCheckDigit("GORF050709MNLMZRA"), '0');
}

TEST(CurpCheckDigit, MatchesReferenceLoopForJuanPerezLopez) {
  // Juan Pérez López, born 1985-03-12, male, Jalisco: P, E (first inner vowel of Pérez), L, J;
  // 850312; H; JC; R, P, N (first inner consonants); homoclave 0. Sum 2219, so the digit is 1.
  const std::string first17 = std::string("PELJ") + "850312" + "H" + "JC" + "RPN" + "0";
  EXPECT_EQ(ReferenceCheckDigit(first17), '1');
  EXPECT_EQ(CurpCheckDigit(first17), '1');
}

TEST(CurpCheckDigit, MatchesReferenceLoopOnLettersAfterN) {
  // O..Z are shifted past Ñ; a mistake there would show on these.
  for (const std::string first17 : {"OOZZ991231XNEXXXZ", "QUOP000101HOCSTVY", "NANA010101MNEXXX9"}) {
    EXPECT_EQ(CurpCheckDigit(first17), ReferenceCheckDigit(first17)) << first17;
  }
}

TEST(ParseCurp, AcceptsAValidCurp) {
  StatusOr<CurpInfo> info = ParseCurp(kGloria);
  ASSERT_OK(info);
  EXPECT_EQ(info->curp, kGloria);
  EXPECT_EQ(info->birth_date, (BirthDate{1956, 4, 27}));
  EXPECT_EQ(info->sex, Sex::kFemale);
  EXPECT_EQ(info->state_code, "30");  // Veracruz
}

TEST(ParseCurp, ReadsTheCenturyFromALetterHomoclave) {
  StatusOr<CurpInfo> info = ParseCurp(kMariaFernanda);
  ASSERT_OK(info);
  EXPECT_EQ(info->birth_date, (BirthDate{2005, 7, 9}));
  EXPECT_EQ(info->state_code, "19");  // Nuevo León
}

TEST(ParseCurp, ReadsTheCenturyFromADigitHomoclave) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("GORF050709MNLMZR3"));
  ASSERT_OK(info);
  EXPECT_EQ(info->birth_date.year, 1905);
}

TEST(ParseCurp, AcceptsTheBuiltCurpOfJuanPerezLopez) {
  StatusOr<CurpInfo> info = ParseCurp("PELJ850312HJCRPN01");
  ASSERT_OK(info);
  EXPECT_EQ(info->birth_date, (BirthDate{1985, 3, 12}));
  EXPECT_EQ(info->sex, Sex::kMale);
  EXPECT_EQ(info->state_code, "14");  // Jalisco
}

TEST(ParseCurp, NormalisesCaseAndSurroundingSpaces) {
  StatusOr<CurpInfo> info = ParseCurp("  hegg560427mvzrrl04 ");
  ASSERT_OK(info);
  EXPECT_EQ(info->curp, kGloria);
}

TEST(ParseCurp, MapsBornAbroadToNoState) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("SAGM900115HNESRR0"));
  ASSERT_OK(info);
  EXPECT_EQ(info->state_code, "");
}

TEST(ParseCurp, ReadsSexX) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("SAGA900115XDFSRL0"));
  ASSERT_OK(info);
  EXPECT_EQ(info->sex, Sex::kOther);
  EXPECT_EQ(info->state_code, "09");  // Ciudad de México
}

TEST(ParseCurp, AcceptsAnyLetterInSecondPlace) {
  // Inconvenient words and Ñ are replaced with X, so the second letter is not always a vowel.
  EXPECT_OK(ParseCurp(WithCheckDigit("MXRA900115HDFXRL0")));
}

TEST(ParseCurp, RejectsWrongCheckDigit) {
  StatusOr<CurpInfo> info = ParseCurp("HEGG560427MVZRRL07");
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("check digit should be 4"));
}

TEST(ParseCurp, RejectsWrongLength) {
  StatusOr<CurpInfo> info = ParseCurp("HEGG560427MVZRRL0");
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("must be 18 characters"));
  EXPECT_THAT(ParseCurp(""), StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(ParseCurp("HEGG560427MVZRRL044"), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(ParseCurp, RejectsADateThatDoesNotExist) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("PELJ850230HJCRPN0"));
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("birth date 1985-02-30 does not exist"));
}

TEST(ParseCurp, RejectsMonthThirteen) {
  EXPECT_THAT(ParseCurp(WithCheckDigit("PELJ851312HJCRPN0")), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(ParseCurp, AcceptsLeapDayOnlyInALeapYear) {
  EXPECT_OK(ParseCurp(WithCheckDigit("PELJ000229HJCRPNA")));  // 2000
  EXPECT_THAT(ParseCurp(WithCheckDigit("PELJ000229HJCRPN0")), StatusIs(StatusCode::kInvalidArgument, "curp"));  // 1900
}

TEST(ParseCurp, RejectsUnknownStateCode) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("PELJ850312HZZRPN0"));
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("unknown state code ZZ"));
}

TEST(ParseCurp, RejectsSexOtherThanHMOrX) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("PELJ850312FJCRPN0"));
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("sex"));
}

TEST(ParseCurp, RejectsVowelsAmongTheInnerConsonants) {
  StatusOr<CurpInfo> info = ParseCurp(WithCheckDigit("PELJ850312HJCRAN0"));
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("consonants"));
}

TEST(ParseCurp, RejectsDigitsWhereLettersGo) {
  EXPECT_THAT(ParseCurp(WithCheckDigit("P3LJ850312HJCRPN0")), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(ParseCurp, RejectsLettersInTheDate) {
  EXPECT_THAT(ParseCurp(WithCheckDigit("PELJ85O312HJCRPN0")), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(ParseCurp, RejectsALetterAsCheckDigit) {
  EXPECT_THAT(ParseCurp("PELJ850312HJCRPN0A"), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(ParseCurp, RejectsNonAsciiLetters) {
  StatusOr<CurpInfo> info = ParseCurp("PEÑJ850312HJCRPN01");
  EXPECT_THAT(info, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(info.status().message(), HasSubstr("only letters A-Z and digits"));
}

TEST(ParseCurp, NamesTheGivenField) {
  EXPECT_THAT(ParseCurp("XX", "members[0].curp"), StatusIs(StatusCode::kInvalidArgument, "members[0].curp"));
}

Person JuanPerezLopez() {
  Person person;
  person.given_names = "Juan";
  person.paternal_surname = "Pérez";
  person.maternal_surname = "López";
  person.sex = Sex::kMale;
  person.birth_date = BirthDate{1985, 3, 12};
  person.birth_state = "14";
  return person;
}

CurpInfo JuanPerezLopezCurp() {
  StatusOr<CurpInfo> info = ParseCurp("PELJ850312HJCRPN01");
  EXPECT_OK(info);
  return info.ok() ? *info : CurpInfo{};
}

TEST(CheckCurpAgreesWithPerson, AcceptsMatchingData) {
  EXPECT_OK(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), JuanPerezLopez()));
}

TEST(CheckCurpAgreesWithPerson, IgnoresWhatIsUnknown) {
  Person person = JuanPerezLopez();
  person.sex = Sex::kUnknown;
  person.birth_date = BirthDate{};
  person.birth_state = "";
  EXPECT_OK(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person));
}

TEST(CheckCurpAgreesWithPerson, ComparesOnlyTheKnownPartOfTheDate) {
  Person person = JuanPerezLopez();
  person.birth_date = BirthDate{1985, 3, 0};
  EXPECT_OK(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person));
  person.birth_date = BirthDate{1985, 0, 0};
  EXPECT_OK(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person));
  person.birth_date = BirthDate{1985, 4, 0};
  EXPECT_THAT(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(CheckCurpAgreesWithPerson, RejectsADifferentYear) {
  Person person = JuanPerezLopez();
  person.birth_date = BirthDate{1986, 0, 0};
  Status status = CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person, "members[0].curp");
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "members[0].curp"));
  EXPECT_THAT(status.message(), HasSubstr("1985-03-12"));
}

TEST(CheckCurpAgreesWithPerson, RejectsADifferentDay) {
  Person person = JuanPerezLopez();
  person.birth_date = BirthDate{1985, 3, 21};
  EXPECT_THAT(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person), StatusIs(StatusCode::kInvalidArgument, "curp"));
}

TEST(CheckCurpAgreesWithPerson, RejectsADifferentSex) {
  Person person = JuanPerezLopez();
  person.sex = Sex::kFemale;
  Status status = CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person);
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(status.message(), HasSubstr("sex"));
}

TEST(CheckCurpAgreesWithPerson, DoesNotCompareSexX) {
  Person person = JuanPerezLopez();
  person.sex = Sex::kOther;
  EXPECT_OK(CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person));
}

TEST(CheckCurpAgreesWithPerson, RejectsADifferentState) {
  Person person = JuanPerezLopez();
  person.birth_state = "09";
  Status status = CheckCurpAgreesWithPerson(JuanPerezLopezCurp(), person);
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(status.message(), HasSubstr("JC"));
}

TEST(CheckCurpAgreesWithPerson, RejectsAStateWhenTheCurpSaysBornAbroad) {
  StatusOr<CurpInfo> abroad = ParseCurp(WithCheckDigit("PELJ850312HNERPN0"));
  ASSERT_OK(abroad);
  Status status = CheckCurpAgreesWithPerson(*abroad, JuanPerezLopez());
  EXPECT_THAT(status, StatusIs(StatusCode::kInvalidArgument, "curp"));
  EXPECT_THAT(status.message(), HasSubstr("NE"));
}

TEST(MexicanStates, HasThirtyTwoEntitiesInInegiOrder) {
  ASSERT_EQ(MexicanStates().size(), 32u);
  for (size_t state_idx = 0; state_idx < 32; ++state_idx) {
    const std::string expected = (state_idx < 9 ? "0" : "") + std::to_string(state_idx + 1);
    EXPECT_EQ(MexicanStates()[state_idx].inegi_code, expected);
  }
}

TEST(MexicanStates, HasDistinctCurpCodes) {
  std::set<std::string_view> codes;
  for (const MexicanState& state : MexicanStates()) codes.insert(state.curp_code);
  EXPECT_EQ(codes.size(), 32u);
  EXPECT_EQ(codes.count("NE"), 0u);
}

TEST(StateByCurpCode, MapsTheEasilyConfusedCodes) {
  const std::pair<const char*, const char*> expected[] = {
      {"CL", "Coahuila de Zaragoza"}, {"CM", "Colima"}, {"CS", "Chiapas"},  {"CH", "Chihuahua"},
      {"DF", "Ciudad de México"},     {"MC", "México"}, {"MN", "Michoacán de Ocampo"},
      {"MS", "Morelos"},              {"NT", "Nayarit"}, {"QT", "Querétaro"}, {"QR", "Quintana Roo"},
  };
  for (const auto& [code, name] : expected) {
    const MexicanState* state = StateByCurpCode(code);
    ASSERT_NE(state, nullptr) << code;
    EXPECT_EQ(state->name, name) << code;
  }
}

TEST(StateByInegiCode, FindsKnownCodesOnly) {
  ASSERT_NE(StateByInegiCode("02"), nullptr);
  EXPECT_EQ(StateByInegiCode("02")->name, "Baja California");
  EXPECT_EQ(StateByInegiCode("02")->curp_code, "BC");
  ASSERT_NE(StateByInegiCode("32"), nullptr);
  EXPECT_EQ(StateByInegiCode("32")->curp_code, "ZS");
  EXPECT_EQ(StateByInegiCode("00"), nullptr);
  EXPECT_EQ(StateByInegiCode("33"), nullptr);
  EXPECT_EQ(StateByInegiCode("2"), nullptr);
  EXPECT_EQ(StateByInegiCode("0a"), nullptr);
  EXPECT_EQ(StateByInegiCode(""), nullptr);
}

TEST(StateByCurpCode, ReturnsNullForUnknownCodes) {
  EXPECT_EQ(StateByCurpCode("NE"), nullptr);
  EXPECT_EQ(StateByCurpCode("ZZ"), nullptr);
  EXPECT_EQ(StateByCurpCode("jc"), nullptr);
}

}  // namespace
}  // namespace acogida
