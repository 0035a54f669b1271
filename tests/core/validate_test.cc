// Tests of the input rules: persons, households, sites, sections and arrival timestamps.
// Each rejection checks the exact field named, as the HTTP layer passes it to the form.
#include "core/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kToday[] = "2026-05-01";
constexpr StatusCode kInvalid = StatusCode::kInvalidArgument;

// Juan Pérez López, born 1985-03-12 in Guadalajara, Jalisco; his CURP is built and checked
// in curp_test.cc (check digit 1).
Person JuanPerezLopez() {
  Person person;
  person.given_names = "Juan";
  person.paternal_surname = "Pérez";
  person.maternal_surname = "López";
  person.sex = Sex::kMale;
  person.birth_date = BirthDate{1985, 3, 12};
  person.birth_state = "14";
  person.birth_municipality = "039";
  person.curp = "PELJ850312HJCRPN01";
  person.languages = {"spa"};
  person.phone = "664 123 4567";
  person.relationship = Relationship::kHead;
  return person;
}

Person Child(std::string given_names, BirthDate birth_date) {
  Person person;
  person.given_names = std::move(given_names);
  person.paternal_surname = "Pérez";
  person.maternal_surname = "Núñez";
  person.birth_date = birth_date;
  person.relationship = Relationship::kChild;
  return person;
}

Status ValidateWith(void (*change)(Person&)) {
  Person person = JuanPerezLopez();
  change(person);
  return ValidatePerson(person, kToday);
}

TEST(ValidatePerson, AcceptsACompletePerson) {
  Person person = JuanPerezLopez();
  EXPECT_OK(ValidatePerson(person, kToday));
}

TEST(ValidatePerson, CleansNamesInPlace) {
  Person person = JuanPerezLopez();
  person.given_names = "  maría   GUADALUPE ";
  person.paternal_surname = " de la  Cruz";
  person.maternal_surname = "Pérez-Gómez ";
  person.curp = "";
  ASSERT_OK(ValidatePerson(person, kToday));
  EXPECT_EQ(person.given_names, "maría GUADALUPE");
  EXPECT_EQ(person.paternal_surname, "de la Cruz");
  EXPECT_EQ(person.maternal_surname, "Pérez-Gómez");
}

TEST(ValidatePerson, RequiresGivenNames) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.given_names = ""; }), StatusIs(kInvalid, "given_names"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.given_names = "   "; }), StatusIs(kInvalid, "given_names"));
}

TEST(ValidatePerson, RejectsNamesWithoutLetters) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.given_names = "."; }), StatusIs(kInvalid, "given_names"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.maternal_surname = "-"; }), StatusIs(kInvalid, "maternal_surname"));
}

TEST(ValidatePerson, RejectsDigitsInASurname) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.maternal_surname = "L0pez"; }), StatusIs(kInvalid, "maternal_surname"));
}

TEST(ValidatePerson, RejectsAnOverlongName) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.given_names = std::string(81, 'a'); }),
              StatusIs(kInvalid, "given_names"));
}

TEST(ValidatePerson, AcceptsASingleSurnameInEitherPlace) {
  EXPECT_OK(ValidateWith([](Person& p) { p.maternal_surname = ""; }));
  EXPECT_OK(ValidateWith([](Person& p) { p.paternal_surname = ""; }));
}

TEST(ValidatePerson, RequiresSomeSurname) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.paternal_surname = p.maternal_surname = " "; }),
              StatusIs(kInvalid, "paternal_surname"));
}

TEST(ValidatePerson, AcceptsParticlesOnlySurnames) {
  EXPECT_OK(ValidateWith([](Person& p) { p.maternal_surname = "De la"; }));
}

TEST(ValidatePerson, AcceptsAnUnknownOrPartialBirthDate) {
  EXPECT_OK(ValidateWith([](Person& p) {
    p.birth_date = BirthDate{};
    p.curp = "";
  }));
  EXPECT_OK(ValidateWith([](Person& p) { p.birth_date = BirthDate{1985, 0, 0}; }));
}

TEST(ValidatePerson, RejectsABirthDateInTheFuture) {
  Person person = Child("Sofía", BirthDate{2026, 5, 2});
  EXPECT_THAT(ValidatePerson(person, kToday), StatusIs(kInvalid, "birth_date"));
  person.birth_date = BirthDate{2026, 5, 1};
  EXPECT_OK(ValidatePerson(person, kToday));
}

TEST(ValidatePerson, RejectsAnImpossibleBirthDate) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_date = BirthDate{1985, 2, 30}; }), StatusIs(kInvalid, "birth_date"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_date = BirthDate{1985, 0, 12}; }), StatusIs(kInvalid, "birth_date"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_date = BirthDate{1850, 1, 1}; }), StatusIs(kInvalid, "birth_date"));
}

TEST(ValidatePerson, RejectsAnUnknownBirthState) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_state = "33"; }), StatusIs(kInvalid, "birth_state"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_state = "JC"; }), StatusIs(kInvalid, "birth_state"));
}

TEST(ValidatePerson, RejectsABadMunicipality) {
  for (const char* code : {"39", "0039", "000", "571", "03a"}) {
    Person person = JuanPerezLopez();
    person.birth_municipality = code;
    EXPECT_THAT(ValidatePerson(person, kToday), StatusIs(kInvalid, "birth_municipality")) << code;
  }
}

TEST(ValidatePerson, RejectsAMunicipalityWithoutState) {
  EXPECT_THAT(ValidateWith([](Person& p) {
                p.birth_state = "";
                p.curp = "";
              }),
              StatusIs(kInvalid, "birth_municipality"));
}

TEST(ValidatePerson, NormalisesTheCurp) {
  Person person = JuanPerezLopez();
  person.curp = " pelj850312hjcrpn01 ";
  ASSERT_OK(ValidatePerson(person, kToday));
  EXPECT_EQ(person.curp, "PELJ850312HJCRPN01");
}

TEST(ValidatePerson, TreatsABlankCurpAsUnknown) {
  Person person = JuanPerezLopez();
  person.curp = "   ";
  ASSERT_OK(ValidatePerson(person, kToday));
  EXPECT_EQ(person.curp, "");
}

TEST(ValidatePerson, RejectsAnInvalidCurp) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.curp = "PELJ850312HJCRPN02"; }), StatusIs(kInvalid, "curp"));
}

TEST(ValidatePerson, RejectsACurpThatDisagrees) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_state = "09"; }), StatusIs(kInvalid, "curp"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.sex = Sex::kFemale; }), StatusIs(kInvalid, "curp"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.birth_date = BirthDate{1985, 3, 13}; }), StatusIs(kInvalid, "curp"));
}

TEST(ValidatePerson, AcceptsIsoLanguageCodes) {
  EXPECT_OK(ValidateWith([](Person& p) { p.languages = {"spa", "nah", "zap", "en"}; }));
  EXPECT_OK(ValidateWith([](Person& p) { p.languages = {}; }));
}

TEST(ValidatePerson, RejectsABadLanguageCode) {
  EXPECT_THAT(ValidateWith([](Person& p) { p.languages = {"SPA"}; }), StatusIs(kInvalid, "languages[0]"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.languages = {"spa", "n4h"}; }), StatusIs(kInvalid, "languages[1]"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.languages = {"spa", "e"}; }), StatusIs(kInvalid, "languages[1]"));
  EXPECT_THAT(ValidateWith([](Person& p) { p.languages = {"spanish"}; }), StatusIs(kInvalid, "languages[0]"));
}

TEST(ValidatePerson, RejectsMoreThanTenLanguages) {
  EXPECT_OK(ValidateWith([](Person& p) { p.languages = std::vector<std::string>(10, "spa"); }));
  EXPECT_THAT(ValidateWith([](Person& p) { p.languages = std::vector<std::string>(11, "spa"); }),
              StatusIs(kInvalid, "languages"));
}

std::string NormalisedPhone(const char* phone) {
  Person person = JuanPerezLopez();
  person.phone = phone;
  Status status = ValidatePerson(person, kToday);
  return status.ok() ? person.phone : "error: " + status.ToString();
}

TEST(ValidatePerson, NormalisesPhonesToE164) {
  EXPECT_EQ(NormalisedPhone("(664) 123-4567"), "+526641234567");
  EXPECT_EQ(NormalisedPhone("6641234567"), "+526641234567");
  EXPECT_EQ(NormalisedPhone("+1 (619) 555-0100"), "+16195550100");
  EXPECT_EQ(NormalisedPhone("+52 1 664 123 4567"), "+5216641234567");
  EXPECT_EQ(NormalisedPhone("+12345678"), "+12345678");
  EXPECT_EQ(NormalisedPhone(""), "");
  EXPECT_EQ(NormalisedPhone("  "), "");
}

TEST(ValidatePerson, RejectsBadPhones) {
  for (const char* phone : {"12345", "664123456", "66412345678", "+1234567", "+1234567890123456", "664-ABC-1234",
                            "+52+6641234567", "+"}) {
    Person person = JuanPerezLopez();
    person.phone = phone;
    EXPECT_THAT(ValidatePerson(person, kToday), StatusIs(kInvalid, "phone")) << phone;
  }
}

Household Family() {
  Household household;
  household.site_id = 1;
  Person spouse;
  spouse.given_names = "María de la Luz";
  spouse.paternal_surname = "Núñez";
  spouse.maternal_surname = "Güereca";
  spouse.sex = Sex::kFemale;
  spouse.birth_date = BirthDate{1988, 0, 0};
  spouse.relationship = Relationship::kSpouse;
  household.members = {JuanPerezLopez(), spouse, Child("Sofía", BirthDate{2015, 6, 1})};
  return household;
}

TEST(ValidateHousehold, AcceptsAFamily) {
  Household household = Family();
  EXPECT_OK(ValidateHousehold(household, kToday));
}

TEST(ValidateHousehold, NamesTheMemberAtFault) {
  Household household = Family();
  household.members[1].birth_date = BirthDate{2027, 1, 1};
  Status status = ValidateHousehold(household, kToday);
  EXPECT_THAT(status, StatusIs(kInvalid, "members[1].birth_date"));
  household.members[1].birth_date = BirthDate{};
  household.members[2].given_names = "";
  EXPECT_THAT(ValidateHousehold(household, kToday), StatusIs(kInvalid, "members[2].given_names"));
}

TEST(ValidateHousehold, NormalisesEveryMember) {
  Household household = Family();
  household.members[2].given_names = "  Sofía  ";
  ASSERT_OK(ValidateHousehold(household, kToday));
  EXPECT_EQ(household.members[2].given_names, "Sofía");
  EXPECT_EQ(household.members[0].phone, "+526641234567");
}

TEST(ValidateHousehold, RejectsAnEmptyHousehold) {
  Household household;
  EXPECT_THAT(ValidateHousehold(household, kToday), StatusIs(kInvalid, "members"));
}

TEST(ValidateHousehold, AcceptsThirtyMembersButNotThirtyOne) {
  Household household = Family();
  household.members.resize(30, Child("Ana", BirthDate{2010, 0, 0}));
  EXPECT_OK(ValidateHousehold(household, kToday));
  household.members.push_back(Child("Luis", BirthDate{2011, 0, 0}));
  EXPECT_THAT(ValidateHousehold(household, kToday), StatusIs(kInvalid, "members"));
}

TEST(ValidateHousehold, RequiresAHead) {
  Household household = Family();
  household.members[0].relationship = Relationship::kSibling;
  EXPECT_THAT(ValidateHousehold(household, kToday), StatusIs(kInvalid, "members"));
}

TEST(ValidateHousehold, RejectsASecondHead) {
  Household household = Family();
  household.members[2].relationship = Relationship::kHead;
  Status status = ValidateHousehold(household, kToday);
  EXPECT_THAT(status, StatusIs(kInvalid, "members[2].relationship"));
  EXPECT_THAT(status.message(), HasSubstr("members[0]"));
}

TEST(ValidateHousehold, RejectsASharedCurpEvenInOtherCase) {
  Household household = Family();
  Person twin = JuanPerezLopez();
  twin.relationship = Relationship::kSibling;
  twin.curp = "pelj850312hjcrpn01";
  household.members.push_back(twin);
  Status status = ValidateHousehold(household, kToday);
  EXPECT_THAT(status, StatusIs(kInvalid, "members[3].curp"));
  EXPECT_THAT(status.message(), HasSubstr("members[0]"));
}

TEST(ValidateHousehold, AllowsManyMembersWithoutCurp) {
  Household household = Family();
  household.members.push_back(Child("Diego", BirthDate{2017, 0, 0}));
  ASSERT_EQ(household.members[1].curp, "");
  EXPECT_OK(ValidateHousehold(household, kToday));
}

Site Tijuana() {
  Site site;
  site.name = "Albergue Juventud 2000";
  site.kind = SiteKind::kShelter;
  site.operator_name = "Casa del Migrante";
  site.city = "Tijuana";
  site.state = "02";
  site.timezone = "America/Tijuana";
  site.latitude = 32.5149;
  site.longitude = -117.0382;
  return site;
}

Status ValidateSiteWith(void (*change)(Site&)) {
  Site site = Tijuana();
  change(site);
  return ValidateSite(site);
}

TEST(ValidateSite, AcceptsAShelter) {
  Site site = Tijuana();
  EXPECT_OK(ValidateSite(site));
}

TEST(ValidateSite, TrimsTheName) {
  Site site = Tijuana();
  site.name = "  Centro Integrador para el Migrante Carmen Serdán ";
  site.city = " Tijuana ";
  ASSERT_OK(ValidateSite(site));
  EXPECT_EQ(site.name, "Centro Integrador para el Migrante Carmen Serdán");
  EXPECT_EQ(site.city, "Tijuana");
}

TEST(ValidateSite, RequiresANameOfAtMost120Characters) {
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.name = "  "; }), StatusIs(kInvalid, "name"));
  EXPECT_OK(ValidateSiteWith([](Site& s) { s.name = std::string(120, 'x'); }));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.name = std::string(121, 'x'); }), StatusIs(kInvalid, "name"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.name = "Casa\x01"; }), StatusIs(kInvalid, "name"));
}

TEST(ValidateSite, RequiresACity) {
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.city = ""; }), StatusIs(kInvalid, "city"));
}

TEST(ValidateSite, RequiresAnInegiState) {
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.state = ""; }), StatusIs(kInvalid, "state"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.state = "BC"; }), StatusIs(kInvalid, "state"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.state = "33"; }), StatusIs(kInvalid, "state"));
}

TEST(ValidateSite, ChecksCoordinateRanges) {
  EXPECT_OK(ValidateSiteWith([](Site& s) {
    s.latitude = -90;
    s.longitude = 180;
  }));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.latitude = 90.01; }), StatusIs(kInvalid, "latitude"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.latitude = std::nan(""); }), StatusIs(kInvalid, "latitude"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.longitude = -180.5; }), StatusIs(kInvalid, "longitude"));
  EXPECT_THAT(ValidateSiteWith([](Site& s) { s.longitude = INFINITY; }), StatusIs(kInvalid, "longitude"));
}

TEST(ValidateSite, AcceptsIanaZones) {
  EXPECT_OK(ValidateSiteWith([](Site& s) { s.timezone = "America/Argentina/Buenos_Aires"; }));
  EXPECT_OK(ValidateSiteWith([](Site& s) { s.timezone = "America/Port-au-Prince"; }));
  // Newer than the zone data of ICU 72, but a real zone: only the shape is checked.
  EXPECT_OK(ValidateSiteWith([](Site& s) { s.timezone = "America/Ciudad_Juarez"; }));
}

TEST(ValidateSite, RejectsMalformedZones) {
  for (const char* zone : {"", "Tijuana", "America/", "/Tijuana", "America//Tijuana", "America/Tijuana ", "Etc/GMT+8",
                           "America/Tijuana;DROP", "América/Tijuana"}) {
    Site site = Tijuana();
    site.timezone = zone;
    EXPECT_THAT(ValidateSite(site), StatusIs(kInvalid, "timezone")) << zone;
  }
}

TEST(ValidateSection, AcceptsASection) {
  Section section{.name = " Familias ", .kind = SectionKind::kFamilies, .beds = 120};
  ASSERT_OK(ValidateSection(section));
  EXPECT_EQ(section.name, "Familias");
}

TEST(ValidateSection, ChecksTheNameLength) {
  Section section{.name = "", .beds = 10};
  EXPECT_THAT(ValidateSection(section), StatusIs(kInvalid, "name"));
  section.name = std::string(80, 'x');
  EXPECT_OK(ValidateSection(section));
  section.name = std::string(81, 'x');
  EXPECT_THAT(ValidateSection(section), StatusIs(kInvalid, "name"));
}

TEST(ValidateSection, ChecksTheBeds) {
  Section section{.name = "Hombres", .beds = 0};
  EXPECT_OK(ValidateSection(section));
  section.beds = 5000;
  EXPECT_OK(ValidateSection(section));
  section.beds = -1;
  EXPECT_THAT(ValidateSection(section), StatusIs(kInvalid, "beds"));
  section.beds = 5001;
  EXPECT_THAT(ValidateSection(section), StatusIs(kInvalid, "beds"));
}

}  // namespace
}  // namespace acogida
