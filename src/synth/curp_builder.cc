// CURP construction from a person's names, birth date, sex and state (RENAPO's rules as
// published in its Instructivo Normativo para la Asignación de la CURP).
#include "synth/curp_builder.h"

#include <cstdio>
#include <span>
#include <vector>

#include "core/curp.h"
#include "core/mexico.h"
#include "synth/latin_text.h"
#include "synth/name_tables.h"

namespace acogida::synth {
namespace {

constexpr std::string_view kParticles[] = {"DA", "DAS", "DE",  "DEL", "DER", "DI",  "DIE", "DD", "EL", "LA",
                                           "LAS", "LE", "LES", "LOS", "MAC", "MC", "VAN", "VON", "Y"};

// Words RENAPO will not print as the first four letters; their second letter becomes X.
constexpr std::string_view kInconvenientWords[] = {
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI", "COJA",
    "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA", "JOTO", "KACA",
    "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI", "KOJO", "KOLA", "KULO",
    "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MIAR", "MION", "MOCO",
    "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE", "PIPI", "PITO", "POPO", "PUTA", "PUTO",
    "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO", "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI",
    "VUEY", "WUEI", "WUEY",
};

bool Contains(std::span<const std::string_view> list, std::string_view word) {
  for (std::string_view entry : list) {
    if (entry == word) return true;
  }
  return false;
}

// Upper-case ASCII words of a name: accents dropped, Ñ as X, other non-letters removed.
std::vector<std::string> CurpWords(std::string_view name) {
  std::vector<std::string> words;
  std::string current;
  for (char32_t letter : DecodeUtf8(name)) {
    if (letter == U' ' || letter == U'-') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (letter == U'ñ' || letter == U'Ñ') {
      current += 'X';
      continue;
    }
    const char32_t base = ToUpperLatin(StripAccent(letter));
    if (base >= U'A' && base <= U'Z') current += static_cast<char>(base);
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// The word the CURP is taken from: the first that is not a particle, or for given names
// the second when the first is María or José and another follows.
std::string MainWord(std::string_view name, bool is_given_name) {
  std::vector<std::string> words = CurpWords(name);
  std::vector<std::string> kept;
  for (const std::string& word : words) {
    if (!Contains(kParticles, word)) kept.push_back(word);
  }
  if (kept.empty()) kept = words;  // a name made only of particles keeps them
  if (kept.empty()) return "";
  if (is_given_name && kept.size() > 1 && IsSkippedFirstGivenName(kept[0])) return kept[1];
  return kept[0];
}

bool IsAsciiVowel(char letter) {
  return letter == 'A' || letter == 'E' || letter == 'I' || letter == 'O' || letter == 'U';
}

char FirstInner(const std::string& word, bool want_vowel) {
  for (size_t idx = 1; idx < word.size(); ++idx) {
    if (IsAsciiVowel(word[idx]) == want_vowel) return word[idx];
  }
  return 'X';
}

char SexLetter(Sex sex) {
  switch (sex) {
    case Sex::kMale: return 'H';
    case Sex::kFemale: return 'M';
    case Sex::kOther: case Sex::kUnknown: return 'X';
  }
  return 'X';
}

}  // namespace

std::string CurpStem(std::string_view given_names, std::string_view paternal_surname,
                     std::string_view maternal_surname, const BirthDate& birth_date, Sex sex,
                     std::string_view state_inegi) {
  const std::string paternal = MainWord(paternal_surname, false);
  const std::string maternal = MainWord(maternal_surname, false);
  const std::string given = MainWord(given_names, true);

  std::string stem;
  stem += paternal.empty() ? 'X' : paternal[0];
  stem += FirstInner(paternal, true);
  stem += maternal.empty() ? 'X' : maternal[0];
  stem += given.empty() ? 'X' : given[0];
  if (Contains(kInconvenientWords, stem)) stem[1] = 'X';

  char date[32];
  std::snprintf(date, sizeof date, "%02d%02d%02d", birth_date.year % 100, birth_date.month, birth_date.day);
  stem += date;
  stem += SexLetter(sex);
  const MexicanState* state = StateByInegiCode(state_inegi);
  stem += state != nullptr ? std::string(state->curp_code) : std::string("NE");
  stem += FirstInner(paternal, false);
  stem += FirstInner(maternal, false);
  stem += FirstInner(given, false);
  return stem;
}

std::string MakeCurp(const Person& person, const BirthDate& birth_date, Rng& rng) {
  std::string curp = CurpStem(person.given_names, person.paternal_surname, person.maternal_surname, birth_date,
                              person.sex, person.birth_state);
  curp += birth_date.year < 2000 ? static_cast<char>('0' + rng.Uniform(0, 9))
                                 : static_cast<char>('A' + rng.Uniform(0, 25));
  curp += CurpCheckDigit(curp);
  return curp;
}

}  // namespace acogida::synth
