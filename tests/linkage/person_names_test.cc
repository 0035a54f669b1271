// Canonical given names (nicknames, abbreviations, particles) and surnames, and the
// compiled-in nickname table.
#include "linkage/person_names.h"

#include <gtest/gtest.h>

#include "linkage/nicknames.h"
#include "testing/status_matchers.h"

namespace acogida::linkage {
namespace {

using ::testing::ElementsAre;

TEST(CanonicalGivenNames, WritesOutUnambiguousNicknames) {
  EXPECT_THAT(CanonicalGivenNames("Pepe"), ElementsAre("jose"));
  EXPECT_THAT(CanonicalGivenNames("Lupe"), ElementsAre("guadalupe"));
  EXPECT_THAT(CanonicalGivenNames("CHUY"), ElementsAre("jesus"));
  EXPECT_THAT(CanonicalGivenNames("Paco"), ElementsAre("francisco"));
  EXPECT_THAT(CanonicalGivenNames("Pancho"), ElementsAre("francisco"));
  EXPECT_THAT(CanonicalGivenNames("Nacho"), ElementsAre("ignacio"));
  EXPECT_THAT(CanonicalGivenNames("Memo"), ElementsAre("guillermo"));
  EXPECT_THAT(CanonicalGivenNames("Lalo"), ElementsAre("eduardo"));
  EXPECT_THAT(CanonicalGivenNames("Toño"), ElementsAre("antonio"));
  EXPECT_THAT(CanonicalGivenNames("Chava"), ElementsAre("salvador"));
  EXPECT_THAT(CanonicalGivenNames("Chema"), ElementsAre("jose", "maria"));
  EXPECT_THAT(CanonicalGivenNames("Pepe Luis"), ElementsAre("jose", "luis"));
}

TEST(CanonicalGivenNames, KeepsAmbiguousNicknamesCompatibleWithEachName) {
  EXPECT_THAT(CanonicalGivenNames("Beto"), ElementsAre("beto"));
  EXPECT_TRUE(SameGivenName("beto", "alberto"));
  EXPECT_TRUE(SameGivenName("beto", "roberto"));
  EXPECT_TRUE(SameGivenName("alberto", "beto"));
  EXPECT_FALSE(SameGivenName("beto", "eduardo"));
  EXPECT_FALSE(SameGivenName("alberto", "roberto"));
}

TEST(CanonicalGivenNames, DropsParticlesAndExpandsAbbreviations) {
  EXPECT_THAT(CanonicalGivenNames("Ma. del Carmen"), ElementsAre("maria", "carmen"));
  EXPECT_THAT(CanonicalGivenNames("María  de  Jesús"), ElementsAre("maria", "jesus"));
  EXPECT_THAT(CanonicalGivenNames("José-Luis"), ElementsAre("jose", "luis"));
  EXPECT_THAT(CanonicalGivenNames(""), ElementsAre());
}

TEST(GivenNamesWithin, FindsCompoundNamesWrittenShort) {
  EXPECT_TRUE(GivenNamesWithin({"guadalupe"}, {"maria", "guadalupe"}));
  EXPECT_TRUE(GivenNamesWithin({"jose"}, {"jose", "luis"}));
  EXPECT_TRUE(GivenNamesWithin({"beto"}, {"jose", "roberto"}));
  EXPECT_FALSE(GivenNamesWithin({"luis"}, {"jose", "antonio"}));
  EXPECT_FALSE(GivenNamesWithin({"jose", "jose"}, {"jose", "luis"}));
}

TEST(CoreGivenName, SkipsALeadingMariaOrJoseAsTheCurpDoes) {
  EXPECT_EQ(CoreGivenName({"jose", "luis"}), "luis");
  EXPECT_EQ(CoreGivenName({"maria", "guadalupe"}), "guadalupe");
  EXPECT_EQ(CoreGivenName({"jose"}), "jose");
  EXPECT_EQ(CoreGivenName({"juan", "carlos"}), "juan");
}

TEST(CanonicalSurname, FoldsAndDropsParticles) {
  EXPECT_EQ(CanonicalSurname("De la Cruz"), "cruz");
  EXPECT_EQ(CanonicalSurname("HERNÁNDEZ"), "hernandez");
  EXPECT_EQ(CanonicalSurname("García-López"), "garcia lopez");
  EXPECT_EQ(CanonicalSurname("Del Ángel"), "angel");
}

TEST(NicknameTable, CompiledTableHasTheCommonNicknames) {
  EXPECT_GT(Nicknames().size(), 80u);
  EXPECT_EQ(Nicknames().NamesFor("lupita").size(), 1u);
  EXPECT_TRUE(Nicknames().NamesFor("hernandez").empty());
}

TEST(NicknameTable, ParseReportsTheBadLine) {
  EXPECT_THAT(NicknameTable::Parse("# comment\nPepe\tJosé\nPaco Francisco\n").status(),
              testing::StatusIs(StatusCode::kInvalidArgument, "line 3"));
  auto table = NicknameTable::Parse("Beto\tAlberto\nBeto\tRoberto,Gilberto\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->NamesFor("beto").size(), 3u);
}

}  // namespace
}  // namespace acogida::linkage
