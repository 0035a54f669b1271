// Name search tokens and sort keys of persons.
#include "store/person_tokens.h"

#include <algorithm>

#include "core/names.h"

namespace acogida {

std::vector<std::string> PersonNameTokens(const Person& person) {
  std::vector<std::string> tokens;
  for (const std::string* part : {&person.given_names, &person.paternal_surname, &person.maternal_surname}) {
    for (std::string& token : NameTokens(*part)) tokens.push_back(std::move(token));
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

std::string PersonSortKey(const Person& person) {
  return FoldName(person.paternal_surname) + " " + FoldName(person.maternal_surname) + " " +
         FoldName(person.given_names);
}

std::string PrefixUpperBound(const std::string& prefix) {
  // U+10FFFF, the largest code point, sorts after any continuation of a UTF-8 prefix.
  return prefix + "\xF4\x8F\xBF\xBF";
}

}  // namespace acogida
