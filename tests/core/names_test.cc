// Tests of name cleaning, folding and tokenising on Spanish (Mexican) names: accents, ñ, ü,
// particles, hyphens, apostrophes, odd whitespace and bad input.
#include "core/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "testing/status_matchers.h"

namespace acogida {
namespace {

using ::acogida::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(FoldName, FoldsTheHeaderExample) {
  EXPECT_EQ(FoldName("  María-José  DE LA Peña "), "maria jose de la pena");
}

TEST(FoldName, RemovesAccentsTildeAndDiaeresis) {
  EXPECT_EQ(FoldName("Núñez"), "nunez");
  EXPECT_EQ(FoldName("Güereca"), "guereca");
  EXPECT_EQ(FoldName("ÁLVAREZ"), "alvarez");
  EXPECT_EQ(FoldName("Del Ángel"), "del angel");
  EXPECT_EQ(FoldName("Ramírez Ibáñez"), "ramirez ibanez");
}

TEST(FoldName, FoldsAsciiInput) {
  EXPECT_EQ(FoldName("PEREZ  lopez"), "perez lopez");
  EXPECT_EQ(FoldName("de la Cruz"), "de la cruz");
  EXPECT_EQ(FoldName("Perez-Gomez"), "perez gomez");
  EXPECT_EQ(FoldName("  Juan,  Pedro. "), "juan pedro");
}

TEST(FoldName, MakesAccentedAndPlainSpellingsEqual) {
  EXPECT_EQ(FoldName("Pérez-Gómez"), FoldName("PEREZ GOMEZ"));
  EXPECT_EQ(FoldName("José Ángel Güémez"), FoldName("jose angel guemez"));
  EXPECT_EQ(FoldName("Peña"), FoldName("PENA"));
}

TEST(FoldName, TreatsDecomposedAccentsLikeComposedOnes) {
  EXPECT_EQ(FoldName("Jose\u0301"), "jose");
  EXPECT_EQ(FoldName("Pen\u0303a"), "pena");
}

TEST(FoldName, JoinsAcrossApostrophes) {
  EXPECT_EQ(FoldName("O'Brien"), "obrien");
  EXPECT_EQ(FoldName("O\u2019Brien"), "obrien");
  EXPECT_EQ(FoldName("D'Ángelo"), "dangelo");
}

TEST(FoldName, TurnsTabsNewlinesAndNoBreakSpacesIntoSingleSpaces) {
  EXPECT_EQ(FoldName("Ana\tMaría\n"), "ana maria");
  EXPECT_EQ(FoldName("Ana\u00A0María"), "ana maria");
}

TEST(FoldName, DropsInvalidUtf8Bytes) {
  EXPECT_EQ(FoldName("Mar\xFFía"), "maria");
  EXPECT_EQ(FoldName("Jos\xC3"), "jos");
}

TEST(FoldName, FoldsCaseBeyondAscii) {
  EXPECT_EQ(FoldName("STRAẞE"), "strasse");
  EXPECT_EQ(FoldName("ÇELİK"), "celik");
}

TEST(FoldName, KeepsOtherScriptsComposed) {
  // NFD splits Hangul syllables into letters (jamo) that are not marks; they are put back.
  EXPECT_EQ(FoldName("Kim 김민준"), "kim 김민준");
}

TEST(FoldName, ReturnsEmptyForPunctuationOnly) {
  EXPECT_EQ(FoldName(""), "");
  EXPECT_EQ(FoldName(" - . ' "), "");
  EXPECT_EQ(FoldName("–—¿?"), "");
}

TEST(FoldName, IsSafeOnManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t thread_idx = 0; thread_idx < mismatches.size(); ++thread_idx) {
    threads.emplace_back([&mismatches, thread_idx] {
      for (int round = 0; round < 500; ++round) {
        if (FoldName("María de la Luz Núñez Güereca") != "maria de la luz nunez guereca") ++mismatches[thread_idx];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

TEST(NameTokens, DropsParticles) {
  EXPECT_THAT(NameTokens("de la Cruz"), ElementsAre("cruz"));
  EXPECT_THAT(NameTokens("Del Ángel"), ElementsAre("angel"));
  EXPECT_THAT(NameTokens("María de los Ángeles"), ElementsAre("maria", "angeles"));
  EXPECT_THAT(NameTokens("Ortega y Gasset"), ElementsAre("ortega", "gasset"));
  EXPECT_THAT(NameTokens("Van Der Berg"), ElementsAre("der", "berg"));
}

TEST(NameTokens, KeepsParticlesWhenTheNameHasNothingElse) {
  EXPECT_THAT(NameTokens("De la"), ElementsAre("de", "la"));
  EXPECT_THAT(NameTokens("  DEL  "), ElementsAre("del"));
}

TEST(NameTokens, SplitsHyphenatedSurnames) {
  EXPECT_THAT(NameTokens("Pérez-Gómez"), ElementsAre("perez", "gomez"));
}

TEST(NameTokens, KeepsMc) {
  EXPECT_THAT(NameTokens("Mc Gregor"), ElementsAre("mc", "gregor"));
  EXPECT_THAT(NameTokens("McAllister"), ElementsAre("mcallister"));
}

TEST(NameTokens, ReturnsNothingForAnEmptyName) {
  EXPECT_THAT(NameTokens(""), IsEmpty());
  EXPECT_THAT(NameTokens(" -- "), IsEmpty());
}

TEST(IsNameParticle, KnowsTheSpanishParticles) {
  for (const char* particle : {"de", "del", "la", "las", "los", "y", "e", "da", "van", "von"}) {
    EXPECT_TRUE(IsNameParticle(particle)) << particle;
  }
  for (const char* word : {"mc", "san", "cruz", "De", "", "d"}) {
    EXPECT_FALSE(IsNameParticle(word)) << word;
  }
}

TEST(CleanName, TrimsAndCollapsesWhitespaceButKeepsAccentsAndCase) {
  StatusOr<std::string> name = CleanName("  María   Guadalupe  ", "given_names");
  ASSERT_OK(name);
  EXPECT_EQ(*name, "María Guadalupe");
  EXPECT_EQ(*CleanName("DE LA CRUZ", "paternal_surname"), "DE LA CRUZ");
}

TEST(CleanName, KeepsApostrophesAndHyphens) {
  EXPECT_EQ(*CleanName("O'Brien", "paternal_surname"), "O'Brien");
  EXPECT_EQ(*CleanName("Pérez-Gómez", "paternal_surname"), "Pérez-Gómez");
  EXPECT_EQ(*CleanName("Güereca", "maternal_surname"), "Güereca");
}

TEST(CleanName, ComposesDecomposedAccents) {
  StatusOr<std::string> name = CleanName("Jose\u0301 Pen\u0303a", "given_names");
  ASSERT_OK(name);
  EXPECT_EQ(*name, "Jos\u00E9 Pe\u00F1a");
}

TEST(CleanName, CollapsesTabsAndNoBreakSpaces) {
  EXPECT_EQ(*CleanName("Ana\t\u00A0María\r\n", "given_names"), "Ana María");
}

TEST(CleanName, AcceptsEmptyAndParticlesOnlyNames) {
  EXPECT_EQ(*CleanName("   ", "maternal_surname"), "");
  EXPECT_EQ(*CleanName("De la", "maternal_surname"), "De la");
}

TEST(CleanName, RejectsInvalidUtf8) {
  StatusOr<std::string> name = CleanName("Mar\xC3" "a", "given_names");
  EXPECT_THAT(name, StatusIs(StatusCode::kInvalidArgument, "given_names"));
  EXPECT_THAT(name.status().message(), HasSubstr("UTF-8"));
  // An encoded surrogate half is not valid UTF-8 either.
  EXPECT_THAT(CleanName("Ana\xED\xA0\x80", "given_names"), StatusIs(StatusCode::kInvalidArgument, "given_names"));
}

TEST(CleanName, RejectsControlCharacters) {
  StatusOr<std::string> name = CleanName("Ana\x07", "given_names");
  EXPECT_THAT(name, StatusIs(StatusCode::kInvalidArgument, "given_names"));
  EXPECT_THAT(name.status().message(), HasSubstr("U+0007"));
  EXPECT_THAT(CleanName(std::string("Ana\0Luz", 7), "given_names"), StatusIs(StatusCode::kInvalidArgument, "given_names"));
  // Invisible formatting characters: zero-width space, right-to-left override.
  EXPECT_THAT(CleanName("Ana\u200BMaría", "given_names"), StatusIs(StatusCode::kInvalidArgument, "given_names"));
  EXPECT_THAT(CleanName("Ana\u202EMaría", "given_names"), StatusIs(StatusCode::kInvalidArgument, "given_names"));
}

TEST(CleanName, RejectsDigits) {
  StatusOr<std::string> name = CleanName("Juan 2", "paternal_surname");
  EXPECT_THAT(name, StatusIs(StatusCode::kInvalidArgument, "paternal_surname"));
  EXPECT_THAT(name.status().message(), HasSubstr("digits"));
  EXPECT_THAT(CleanName("Juan \u0663", "paternal_surname"), StatusIs(StatusCode::kInvalidArgument, "paternal_surname"));
  EXPECT_THAT(CleanName("Juan\u00B2", "paternal_surname"), StatusIs(StatusCode::kInvalidArgument, "paternal_surname"));
}

TEST(CleanName, CountsCharactersNotBytes) {
  const std::string eighty_accented = [] {
    std::string text;
    for (int idx = 0; idx < 80; ++idx) text += "á";
    return text;
  }();
  EXPECT_OK(CleanName(eighty_accented, "given_names"));
  StatusOr<std::string> too_long = CleanName(eighty_accented + "a", "given_names");
  EXPECT_THAT(too_long, StatusIs(StatusCode::kInvalidArgument, "given_names"));
  EXPECT_THAT(too_long.status().message(), HasSubstr("at most 80 characters"));
}

TEST(CleanName, MeasuresLengthAfterCollapsingWhitespace) {
  EXPECT_OK(CleanName("  Ana" + std::string(100, ' ') + "Luz  ", "given_names"));
}

TEST(CleanName, HonoursMaxChars) {
  EXPECT_OK(CleanName("Luz", "given_names", 3));
  EXPECT_THAT(CleanName("Luis", "given_names", 3), StatusIs(StatusCode::kInvalidArgument, "given_names"));
}

TEST(CleanName, RejectsHugeInputWithoutDecodingIt) {
  EXPECT_THAT(CleanName(std::string(1 << 20, 'a'), "given_names"), StatusIs(StatusCode::kInvalidArgument, "given_names"));
}

}  // namespace
}  // namespace acogida
