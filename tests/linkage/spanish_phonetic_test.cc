// The Spanish phonetic key: spellings that sound alike in Mexico agree; different names don't.
#include "linkage/spanish_phonetic.h"

#include <gtest/gtest.h>

#include "core/names.h"

namespace acogida::linkage {
namespace {

std::string Key(const char* name) { return SpanishPhoneticKey(FoldName(name)); }

TEST(SpanishPhoneticKey, AgreesOnSpellingsThatSoundAlike) {
  const std::pair<const char*, const char*> alike[] = {
      {"Hernández", "Ernandes"},   // silent h, z/s
      {"Vázquez", "Basques"},      // v/b, z/s, qu/k
      {"Ximena", "Jimena"},        // x/j
      {"Gerardo", "Jerardo"},      // g before e
      {"Yolanda", "Llolanda"},     // ll/y
      {"Cecilia", "Sesilia"},      // c before e/i
      {"Guillermo", "Guiyermo"},   // ll/y
      {"Reyna", "Reina"},          // y as a vowel
      {"Enviar", "Embiar"},        // n before v
      {"Muñoz", "Munos"},          // ñ folds to n, z/s
      {"De la Cruz", "Delacruz"},  // word breaks do not count
  };
  for (const auto& [a, b] : alike) EXPECT_EQ(Key(a), Key(b)) << a << " / " << b;
}

TEST(SpanishPhoneticKey, KeepsDifferentNamesApart) {
  const std::pair<const char*, const char*> apart[] = {
      {"Hernández", "Fernández"}, {"Mora", "Muro"}, {"Luis", "Lucas"}, {"Ramos", "Ramírez"}, {"Gómez", "Gámez"},
  };
  for (const auto& [a, b] : apart) EXPECT_NE(Key(a), Key(b)) << a << " / " << b;
}

TEST(SpanishPhoneticKey, ReadsChAsOneSound) {
  EXPECT_EQ(Key("Chávez"), Key("Chabes"));
  EXPECT_NE(Key("Chávez"), Key("Cabes"));
}

TEST(SpanishPhoneticKey, IsEmptyForNoLetters) { EXPECT_EQ(SpanishPhoneticKey(""), ""); }

}  // namespace
}  // namespace acogida::linkage
