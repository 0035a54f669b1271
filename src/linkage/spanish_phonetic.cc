// The phonetic rules, one pass left to right with one letter of look-ahead.
#include "linkage/spanish_phonetic.h"

namespace acogida::linkage {
namespace {

bool IsFrontVowel(char letter) { return letter == 'e' || letter == 'i' || letter == 'y'; }
bool IsVowel(char letter) {
  return letter == 'a' || letter == 'e' || letter == 'i' || letter == 'o' || letter == 'u';
}

}  // namespace

std::string SpanishPhoneticKey(std::string_view folded) {
  // Letters only; word breaks are dropped so that "de la cruz" and "delacruz" agree.
  std::string text;
  text.reserve(folded.size());
  for (char letter : folded) {
    if (letter >= 'a' && letter <= 'z') text += letter;
  }
  std::string key;
  key.reserve(text.size());
  auto emit = [&key](char sound) {
    if (key.empty() || key.back() != sound) key += sound;
  };
  for (size_t idx = 0; idx < text.size(); ++idx) {
    const char letter = text[idx];
    const char next = idx + 1 < text.size() ? text[idx + 1] : '\0';
    const char after = idx + 2 < text.size() ? text[idx + 2] : '\0';
    switch (letter) {
      case 'h': break;  // silent ("ch" is handled at 'c')
      case 'b': case 'v': case 'w': emit('b'); break;
      case 'z': emit('s'); break;
      case 's':
        emit('s');
        if (next == 'c' && IsFrontVowel(after)) ++idx;  // "sc" before e/i sounds as one s
        break;
      case 'c':
        if (next == 'h') {
          emit('C');
          ++idx;
        } else if (IsFrontVowel(next)) {
          emit('s');
        } else {
          emit('k');
        }
        break;
      case 'k': emit('k'); break;
      case 'q':
        emit('k');
        if (next == 'u') ++idx;
        break;
      case 'g':
        if (IsFrontVowel(next)) {
          emit('j');
        } else if (next == 'u' && IsFrontVowel(after)) {
          emit('g');
          ++idx;  // the u of "gue", "gui" is silent
        } else {
          emit('g');
        }
        break;
      case 'j': case 'x': emit('j'); break;
      case 'l':
        if (next == 'l') {
          emit('y');
          ++idx;
        } else {
          emit('l');
        }
        break;
      case 'y':
        // A vowel at the end of a word or before a consonant ("Reyna", "Muñoz y"), else ll.
        emit(next != '\0' && IsVowel(next) ? 'y' : 'i');
        break;
      case 'p':
        if (next == 'h') {
          emit('f');
          ++idx;
        } else {
          emit('p');
        }
        break;
      case 'n': emit(next == 'b' || next == 'v' ? 'm' : 'n'); break;
      default: emit(letter); break;
    }
  }
  return key;
}

}  // namespace acogida::linkage
