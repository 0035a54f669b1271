// Small UTF-8 helpers for the Latin letters of Spanish names (ASCII plus Latin-1:
// á é í ó ú ü ñ and their capitals), used to build CURPs and to corrupt names
// character by character. Deliberately tiny: synthetic names never leave Latin-1, and the
// real normalisation for search lives in core/names.h (ICU). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace acogida::synth {

// Decodes UTF-8 into code points; an invalid byte becomes U+FFFD.
std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);

// á→a, Á→A, ü→u, ñ→n, Ñ→N, ...; other code points unchanged.
char32_t StripAccent(char32_t letter);
// a→A, á→Á, ñ→Ñ, ...; other code points unchanged.
char32_t ToUpperLatin(char32_t letter);
char32_t ToLowerLatin(char32_t letter);
bool IsUpperLatin(char32_t letter);
// A letter of ASCII or Latin-1 (accented vowels, ñ, ü), either case.
bool IsLatinLetter(char32_t letter);
// a e i o u, with or without accent, either case.
bool IsVowel(char32_t letter);

// The whole string through StripAccent / ToUpperLatin.
std::string StripAccents(std::string_view text);
std::string ToUpperText(std::string_view text);

}  // namespace acogida::synth
