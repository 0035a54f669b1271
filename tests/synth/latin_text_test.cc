// Tests for synth/latin_text.h: UTF-8 round trips and Latin-1 letter mapping.
#include "synth/latin_text.h"

#include <gtest/gtest.h>

namespace acogida::synth {
namespace {

TEST(LatinText, DecodeAndEncodeRoundTrip) {
  const std::string text = "Núñez Güereca Ávila — ok";
  const std::u32string letters = DecodeUtf8(text);
  EXPECT_EQ(letters.size(), 24u);
  EXPECT_EQ(letters[1], U'ú');
  EXPECT_EQ(EncodeUtf8(letters), text);
}

TEST(LatinText, InvalidBytesBecomeReplacementCharacters) {
  const std::u32string letters = DecodeUtf8("a\xC3");
  ASSERT_EQ(letters.size(), 2u);
  EXPECT_EQ(letters[1], U'\uFFFD');
}

TEST(LatinText, StripAccentsKeepsCase) {
  EXPECT_EQ(StripAccents("Ángel Muñoz Argüello José"), "Angel Munoz Arguello Jose");
  EXPECT_EQ(StripAccents("PEÑA"), "PENA");
}

TEST(LatinText, ToUpperHandlesAccentedLetters) {
  EXPECT_EQ(ToUpperText("María de la Peña güey"), "MARÍA DE LA PEÑA GÜEY");
  EXPECT_EQ(ToLowerLatin(U'Ñ'), U'ñ');
  EXPECT_TRUE(IsUpperLatin(U'É'));
  EXPECT_FALSE(IsUpperLatin(U'é'));
}

TEST(LatinText, ClassifiesLettersAndVowels) {
  EXPECT_TRUE(IsVowel(U'Ó'));
  EXPECT_TRUE(IsVowel(U'ü'));
  EXPECT_FALSE(IsVowel(U'y'));
  EXPECT_TRUE(IsLatinLetter(U'ñ'));
  EXPECT_FALSE(IsLatinLetter(U'.'));
  EXPECT_FALSE(IsLatinLetter(U' '));
}

}  // namespace
}  // namespace acogida::synth
