// Name cleaning, folding and tokenising with ICU (see names.h for the three forms).
// ASCII input, the common case at the border desks, takes fast paths that never touch ICU.
// Transliterators are not thread-safe, so each thread builds its own once (thread_local);
// ICU's Normalizer2 singletons are immutable and shared.
#include "core/names.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>

namespace acogida {
namespace {

constexpr std::string_view kParticles[] = {"de", "del", "la", "las", "los", "y", "e", "da", "van", "von"};

// Cleaning may shrink the input (collapsed whitespace, NFC composition), but anything
// this many bytes per allowed character is rejected before doing the work.
constexpr size_t kMaxInputBytesPerChar = 16;

bool IsAsciiAlnum(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); }

// Apostrophes join rather than split, so that "O'Brien", "O’Brien" and "OBrien" fold alike
// ("obrien"), as do "D'Angelo" and "DAngelo". Other punctuation separates words.
bool IsApostrophe(UChar32 c) { return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xB4; }

// Letters, marks and numbers belong to words; everything else separates them.
bool IsWordCodePoint(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0; }

bool IsAscii(std::string_view text) {
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

std::string CodePointName(UChar32 c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

std::string FoldAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    if (ch == '\'' || ch == '`') continue;
    if (!IsAsciiAlnum(ch)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return out;
}

// This thread's accent remover, or nullptr if ICU cannot build it (missing data); then
// folding still removes case but keeps accents.
icu::Transliterator* AccentRemover() {
  thread_local std::unique_ptr<icu::Transliterator> remover = [] {
    UErrorCode error = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8("NFD; [:Nonspacing Mark:] Remove; NFC"), UTRANS_FORWARD, error));
    if (U_FAILURE(error)) created.reset();
    return created;
  }();
  return remover.get();
}

std::string FoldUnicode(std::string_view utf8) {
  // Decode by hand so that invalid bytes are dropped instead of becoming U+FFFD.
  icu::UnicodeString text;
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(utf8.data(), offset, length, c);
    if (c >= 0) text.append(c);
  }
  // Fold case first: folding can produce marks (İ → i + U+0307) that the remover then drops.
  text.foldCase();
  if (icu::Transliterator* remover = AccentRemover()) remover->transliterate(text);

  icu::UnicodeString words;
  bool pending_space = false;
  for (int32_t idx = 0; idx < text.length();) {
    const UChar32 c = text.char32At(idx);
    idx += U16_LENGTH(c);
    if (IsApostrophe(c)) continue;
    if (!IsWordCodePoint(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !words.isEmpty()) words.append(static_cast<UChar>(' '));
    pending_space = false;
    words.append(c);
  }
  std::string out;
  words.toUTF8String(out);
  return out;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char ch : utf8) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

StatusOr<std::string> CleanName(std::string_view utf8, std::string_view field, size_t max_chars) {
  const std::string name(field);
  const std::string too_long = "must be at most " + std::to_string(max_chars) + " characters";
  if (utf8.size() > kMaxInputBytesPerChar * max_chars + 64) return InvalidArgument(name, too_long);

  std::string collapsed;
  collapsed.reserve(utf8.size());
  bool ascii = true;
  bool pending_space = false;
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t offset = 0; offset < length;) {
    const int32_t start = offset;
    UChar32 c;
    U8_NEXT(utf8.data(), offset, length, c);
    if (c < 0) return InvalidArgument(name, "is not valid UTF-8");
    // Tabs, newlines and no-break spaces from pasted text are whitespace, not errors.
    if (u_isUWhiteSpace(c)) {
      pending_space = true;
      continue;
    }
    const int8_t type = u_charType(c);
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) {
      return InvalidArgument(name, "must not contain control characters (" + CodePointName(c) + ")");
    }
    if (type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER || type == U_OTHER_NUMBER) {
      return InvalidArgument(name, "must not contain digits");
    }
    if (pending_space && !collapsed.empty()) collapsed += ' ';
    pending_space = false;
    collapsed.append(utf8.substr(start, offset - start));
    if (c >= 0x80) ascii = false;
  }

  std::string cleaned;
  if (ascii) {
    cleaned = std::move(collapsed);  // ASCII is already in NFC
  } else {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
    if (U_FAILURE(error)) return Internal("ICU NFC normaliser unavailable: " + std::string(u_errorName(error)));
    icu::UnicodeString normalized = nfc->normalize(icu::UnicodeString::fromUTF8(collapsed), error);
    if (U_FAILURE(error)) return Internal("ICU NFC normalisation failed: " + std::string(u_errorName(error)));
    normalized.toUTF8String(cleaned);
  }
  if (CountCodePoints(cleaned) > max_chars) return InvalidArgument(name, too_long);
  return cleaned;
}

std::string FoldName(std::string_view utf8) { return IsAscii(utf8) ? FoldAscii(utf8) : FoldUnicode(utf8); }

std::vector<std::string> NameTokens(std::string_view utf8) {
  const std::string folded = FoldName(utf8);
  std::vector<std::string> words;
  std::vector<std::string> tokens;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    if (!IsNameParticle(word)) tokens.push_back(word);
    words.push_back(std::move(word));
    start = end + 1;
  }
  return tokens.empty() ? words : tokens;
}

bool IsNameParticle(std::string_view folded_word) {
  for (std::string_view particle : kParticles) {
    if (particle == folded_word) return true;
  }
  return false;
}

}  // namespace acogida
