// Nickname, first-given-name, typo and phonetic edits on names, working on code points so
// that accented letters count as one letter.
#include "synth/name_edits.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "synth/latin_text.h"
#include "synth/name_tables.h"

namespace acogida::synth {
namespace {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

bool IsParticle(std::string_view word) {
  const std::string folded = ToUpperText(StripAccents(word));
  return folded == "DE" || folded == "DEL" || folded == "LA" || folded == "LAS" || folded == "LOS" || folded == "Y";
}

bool IsFrontVowel(char32_t letter) {
  const char32_t base = ToLowerLatin(StripAccent(letter));
  return base == U'e' || base == U'i';
}

char32_t RandomLowerLetter(Rng& rng) { return static_cast<char32_t>(U'a' + rng.Uniform(0, 25)); }

enum class Sound { kVToB, kBToV, kZToS, kSToZ, kCToS, kSToC, kLlToY, kYToLl, kDropH, kXToJ, kJToX };

struct SoundSite {
  size_t field_idx;
  size_t pos;
  Sound sound;
};

void CollectSoundSites(const std::u32string& letters, size_t field_idx, std::vector<SoundSite>& sites) {
  for (size_t pos = 0; pos < letters.size(); ++pos) {
    const char32_t letter = ToLowerLatin(letters[pos]);
    const char32_t next = pos + 1 < letters.size() ? letters[pos + 1] : U'\0';
    const char32_t prev = pos > 0 ? ToLowerLatin(letters[pos - 1]) : U' ';
    auto add = [&](Sound sound) { sites.push_back({field_idx, pos, sound}); };
    if (letter == U'v') add(Sound::kVToB);
    if (letter == U'b') add(Sound::kBToV);
    if (letter == U'z') add(Sound::kZToS);
    if (letter == U's') add(Sound::kSToZ);
    if (letter == U's' && IsFrontVowel(next)) add(Sound::kSToC);
    if (letter == U'c' && IsFrontVowel(next)) add(Sound::kCToS);
    if (letter == U'l' && ToLowerLatin(next) == U'l') add(Sound::kLlToY);
    if (letter == U'y' && IsVowel(next)) add(Sound::kYToLl);
    if (letter == U'h' && prev != U'c' && IsLatinLetter(next)) add(Sound::kDropH);
    if (letter == U'x' && IsVowel(next)) add(Sound::kXToJ);
    if (letter == U'j' && IsFrontVowel(next)) add(Sound::kJToX);
  }
}

void ApplySound(std::u32string& letters, size_t pos, Sound sound) {
  const bool upper = IsUpperLatin(letters[pos]);
  const bool next_upper = pos + 1 < letters.size() && IsUpperLatin(letters[pos + 1]);
  auto cased = [upper](char32_t letter) { return upper ? ToUpperLatin(letter) : letter; };
  switch (sound) {
    case Sound::kVToB: letters[pos] = cased(U'b'); break;
    case Sound::kBToV: letters[pos] = cased(U'v'); break;
    case Sound::kZToS: case Sound::kCToS: letters[pos] = cased(U's'); break;
    case Sound::kSToZ: letters[pos] = cased(U'z'); break;
    case Sound::kSToC: letters[pos] = cased(U'c'); break;
    case Sound::kXToJ: letters[pos] = cased(U'j'); break;
    case Sound::kJToX: letters[pos] = cased(U'x'); break;
    case Sound::kLlToY: letters.replace(pos, 2, 1, cased(U'y')); break;
    case Sound::kYToLl:
      letters.replace(pos, 1, upper ? (next_upper ? U"LL" : U"Ll") : U"ll");
      break;
    case Sound::kDropH:
      letters.erase(pos, 1);
      // "Hernández" becomes "Ernández", not "ernández".
      if (upper && (pos == 0 || letters[pos - 1] == U' ')) letters[pos] = ToUpperLatin(letters[pos]);
      break;
  }
}

}  // namespace

bool ApplyNickname(std::string& given_names, Rng& rng) {
  const std::vector<std::string> words = SplitWords(given_names);
  struct Site {
    Nickname row;
    size_t start;
    size_t length;
  };
  std::vector<Site> sites;
  for (const Nickname& row : Nicknames()) {
    const std::vector<std::string> name_words = SplitWords(row.name);
    for (size_t start = 0; start + name_words.size() <= words.size(); ++start) {
      if (std::equal(name_words.begin(), name_words.end(), words.begin() + start)) {
        sites.push_back({row, start, name_words.size()});
      }
    }
  }
  if (sites.empty()) return false;
  const Site& site = rng.Pick(sites);
  bool prefix_droppable = true;
  for (size_t word_idx = 0; word_idx < site.start; ++word_idx) {
    if (!IsSkippedFirstGivenName(words[word_idx]) && !IsParticle(words[word_idx])) prefix_droppable = false;
  }
  std::vector<std::string> out;
  if (!prefix_droppable) out.assign(words.begin(), words.begin() + site.start);
  out.emplace_back(site.row.nickname);
  out.insert(out.end(), words.begin() + site.start + site.length, words.end());
  given_names = JoinWords(out);
  return true;
}

bool ApplyFirstGivenNameOnly(std::string& given_names) {
  const std::vector<std::string> words = SplitWords(given_names);
  if (words.size() < 2) return false;
  std::string first = words[0];
  if (first.back() == '.') first = first[0] == 'M' ? "María" : first[0] == 'J' ? "José" : first;
  given_names = first;
  return true;
}

bool ApplyTypo(Person& person, Rng& rng) {
  std::array<std::string*, 3> fields = {&person.given_names, &person.paternal_surname, &person.maternal_surname};
  constexpr double kFieldWeights[] = {0.5, 0.3, 0.2};
  double weights[3];
  bool any = false;
  for (size_t field_idx = 0; field_idx < 3; ++field_idx) {
    size_t letter_count = 0;
    for (char32_t letter : DecodeUtf8(*fields[field_idx])) letter_count += IsLatinLetter(letter) ? 1 : 0;
    weights[field_idx] = letter_count >= 3 ? kFieldWeights[field_idx] : 0;
    any = any || weights[field_idx] > 0;
  }
  if (!any) return false;
  std::string& field = *fields[rng.PickWeightedIndex(weights)];
  std::u32string letters = DecodeUtf8(field);

  std::vector<size_t> positions;  // letters other than the first
  std::vector<size_t> swappable;  // letter pairs that differ
  bool all_upper = true;
  for (size_t pos = 0; pos < letters.size(); ++pos) {
    if (!IsLatinLetter(letters[pos])) continue;
    all_upper = all_upper && IsUpperLatin(letters[pos]);
    if (pos == 0) continue;
    positions.push_back(pos);
    if (pos + 1 < letters.size() && IsLatinLetter(letters[pos + 1]) && letters[pos] != letters[pos + 1])
      swappable.push_back(pos);
  }
  int operation = rng.Uniform(0, 3);
  if (operation == 3 && swappable.empty()) operation = 2;
  switch (operation) {
    case 0: {  // insert
      const char32_t letter = RandomLowerLetter(rng);
      letters.insert(letters.begin() + rng.Uniform<size_t>(1, letters.size()), all_upper ? ToUpperLatin(letter) : letter);
      break;
    }
    case 1:  // delete
      letters.erase(rng.Pick(positions), 1);
      break;
    case 2: {  // substitute
      const size_t pos = rng.Pick(positions);
      const char32_t original = ToLowerLatin(StripAccent(letters[pos]));
      char32_t letter = RandomLowerLetter(rng);
      while (letter == original) letter = RandomLowerLetter(rng);
      letters[pos] = IsUpperLatin(letters[pos]) ? ToUpperLatin(letter) : letter;
      break;
    }
    default: {  // transpose
      const size_t pos = rng.Pick(swappable);
      std::swap(letters[pos], letters[pos + 1]);
      break;
    }
  }
  field = EncodeUtf8(letters);
  return true;
}

bool ApplyPhoneticSpelling(Person& person, Rng& rng) {
  std::array<std::string*, 3> fields = {&person.given_names, &person.paternal_surname, &person.maternal_surname};
  std::array<std::u32string, 3> decoded;
  std::vector<SoundSite> sites;
  for (size_t field_idx = 0; field_idx < 3; ++field_idx) {
    decoded[field_idx] = DecodeUtf8(*fields[field_idx]);
    CollectSoundSites(decoded[field_idx], field_idx, sites);
  }
  if (sites.empty()) return false;
  const SoundSite& site = rng.Pick(sites);
  ApplySound(decoded[site.field_idx], site.pos, site.sound);
  *fields[site.field_idx] = EncodeUtf8(decoded[site.field_idx]);
  return true;
}

}  // namespace acogida::synth
