// A phonetic key for Spanish (Mexican) names: spellings that sound alike in Mexico get the
// same key, so that blocking and comparison survive phonetic misspellings. Rules: silent h;
// b/v/w; s/z and c before e/i; c/k/q(u); g before e/i and j and x; ll/y; y as a vowel → i;
// ph → f; n before b/v → m; doubled letters once. Vowels are kept (they tell Spanish names
// apart). Works on folded text (core/names.h FoldName); non-letters are skipped.
// "Hernández" and "Ernandes" → "ernandes"; "Ximena", "Jimena" → "jimena". Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace acogida::linkage {

std::string SpanishPhoneticKey(std::string_view folded);

}  // namespace acogida::linkage
