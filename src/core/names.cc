// Name cleaning, folding and tokenising with ICU (see names.h for the three forms).
// ASCII input, the common case at the border desks, takes fast paths that never touch ICU.
// Thread-safe: the only ICU objects used are the immutable, shared Normalizer2 singletons.
#include "core/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <string>

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

void AppendUtf8(UChar32 c, std::string& out) {
  char buf[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buf, length, c);
  out.append(buf, static_cast<size_t>(length));
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

// ICU's normalizer singletons are immutable and safe to share between threads; nullptr
// only if ICU's data is missing, in which case folding keeps accents but still folds case.
const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const nfd = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(error);
    return U_SUCCESS(error) ? instance : nullptr;
  }();
  return nfd;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(error);
    return U_SUCCESS(error) ? instance : nullptr;
  }();
  return nfc;
}

// Case fold, then the equivalent of the transliterator "NFD; [:Nonspacing Mark:] Remove;
// NFC", done with the shared normalizers: a Transliterator is ten times slower here
// (about 7 us against 0.9 us for a four-word accented name) and would need one per thread.
std::string FoldUnicode(std::string_view utf8) {
  // Decode by hand so that invalid bytes are dropped instead of becoming U+FFFD.
  std::u16string decoded;
  decoded.reserve(utf8.size());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(utf8.data(), offset, length, c);
    if (c < 0) continue;
    if (c <= 0xFFFF) {
      decoded += static_cast<char16_t>(c);
    } else {
      decoded += static_cast<char16_t>(U16_LEAD(c));
      decoded += static_cast<char16_t>(U16_TRAIL(c));
    }
  }
  icu::UnicodeString text(decoded.data(), static_cast<int32_t>(decoded.size()));
  // Fold case first: folding can produce marks (İ → i + U+0307) that are then dropped.
  text.foldCase();
  UErrorCode error = U_ZERO_ERROR;
  if (const icu::Normalizer2* nfd = Nfd()) {
    icu::UnicodeString decomposed = nfd->normalize(text, error);
    if (U_SUCCESS(error)) text = std::move(decomposed);
  }

  // Appending to a UnicodeString one code point at a time is slow; write UTF-8 directly.
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  bool ascii = true;
  for (int32_t idx = 0; idx < text.length();) {
    const UChar32 c = text.char32At(idx);
    idx += U16_LENGTH(c);
    if (IsApostrophe(c) || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (!IsWordCodePoint(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    AppendUtf8(c, out);
    if (c >= 0x80) ascii = false;
  }
  // Recompose what is left (Hangul syllables, letters with spacing marks); Latin names
  // are plain ASCII by now and skip this.
  const icu::Normalizer2* nfc = Nfc();
  if (ascii || nfc == nullptr) return out;
  icu::UnicodeString composed = nfc->normalize(icu::UnicodeString::fromUTF8(out), error);
  if (U_FAILURE(error)) return out;
  std::string recomposed;
  composed.toUTF8String(recomposed);
  return recomposed;
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
    const icu::Normalizer2* nfc = Nfc();
    if (nfc == nullptr) return Internal("ICU's NFC normaliser is unavailable");
    UErrorCode error = U_ZERO_ERROR;
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
  std::vector<std::string_view> words;
  for (size_t start = 0; start < folded.size();) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(std::string_view(folded).substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> tokens;
  tokens.reserve(words.size());
  for (std::string_view word : words) {
    if (!IsNameParticle(word)) tokens.emplace_back(word);
  }
  // A name made only of particles keeps them all.
  if (tokens.empty()) tokens.assign(words.begin(), words.end());
  return tokens;
}

bool IsNameParticle(std::string_view folded_word) {
  for (std::string_view particle : kParticles) {
    if (particle == folded_word) return true;
  }
  return false;
}

}  // namespace acogida
