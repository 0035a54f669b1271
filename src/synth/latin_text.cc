// UTF-8 decoding and Latin-1 letter mapping for synthetic names.
#include "synth/latin_text.h"

namespace acogida::synth {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Latin-1 letters with their unaccented base letter.
struct AccentRow {
  char32_t accented;
  char32_t base;
};
constexpr AccentRow kAccents[] = {
    {U'á', U'a'}, {U'é', U'e'}, {U'í', U'i'}, {U'ó', U'o'}, {U'ú', U'u'}, {U'ü', U'u'}, {U'ñ', U'n'},
    {U'à', U'a'}, {U'è', U'e'}, {U'ì', U'i'}, {U'ò', U'o'}, {U'ù', U'u'}, {U'ï', U'i'}, {U'ö', U'o'},
    {U'Á', U'A'}, {U'É', U'E'}, {U'Í', U'I'}, {U'Ó', U'O'}, {U'Ú', U'U'}, {U'Ü', U'U'}, {U'Ñ', U'N'},
    {U'À', U'A'}, {U'È', U'E'}, {U'Ì', U'I'}, {U'Ò', U'O'}, {U'Ù', U'U'}, {U'Ï', U'I'}, {U'Ö', U'O'},
};

// In Latin-1, lower-case letters U+00E0..U+00FE (except ÷ U+00F7) are their capitals + 0x20.
bool IsLatin1Lower(char32_t letter) { return letter >= 0xE0 && letter <= 0xFE && letter != 0xF7; }
bool IsLatin1Upper(char32_t letter) { return letter >= 0xC0 && letter <= 0xDE && letter != 0xD7; }

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || pos + length > text.size()) {
      out.push_back(kReplacement);
      ++pos;
      continue;
    }
    char32_t code = length == 1 ? lead : lead & (0x7F >> length);
    bool valid = true;
    for (size_t idx = 1; idx < length; ++idx) {
      const unsigned char next = static_cast<unsigned char>(text[pos + idx]);
      if ((next & 0xC0) != 0x80) valid = false;
      code = (code << 6) | (next & 0x3F);
    }
    if (!valid) {
      out.push_back(kReplacement);
      ++pos;
      continue;
    }
    out.push_back(code);
    pos += length;
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  for (char32_t code : text) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  return out;
}

char32_t StripAccent(char32_t letter) {
  for (const AccentRow& row : kAccents) {
    if (row.accented == letter) return row.base;
  }
  return letter;
}

char32_t ToUpperLatin(char32_t letter) {
  if (letter >= U'a' && letter <= U'z') return letter - 0x20;
  if (IsLatin1Lower(letter)) return letter - 0x20;
  return letter;
}

char32_t ToLowerLatin(char32_t letter) {
  if (letter >= U'A' && letter <= U'Z') return letter + 0x20;
  if (IsLatin1Upper(letter)) return letter + 0x20;
  return letter;
}

bool IsUpperLatin(char32_t letter) { return (letter >= U'A' && letter <= U'Z') || IsLatin1Upper(letter); }

bool IsLatinLetter(char32_t letter) {
  return (letter >= U'a' && letter <= U'z') || (letter >= U'A' && letter <= U'Z') || IsLatin1Lower(letter) ||
         IsLatin1Upper(letter);
}

bool IsVowel(char32_t letter) {
  switch (ToLowerLatin(StripAccent(letter))) {
    case U'a': case U'e': case U'i': case U'o': case U'u': return true;
    default: return false;
  }
}

std::string StripAccents(std::string_view text) {
  std::u32string letters = DecodeUtf8(text);
  for (char32_t& letter : letters) letter = StripAccent(letter);
  return EncodeUtf8(letters);
}

std::string ToUpperText(std::string_view text) {
  std::u32string letters = DecodeUtf8(text);
  for (char32_t& letter : letters) letter = ToUpperLatin(letter);
  return EncodeUtf8(letters);
}

}  // namespace acogida::synth
