// Name normalisation for Spanish (Mexican) names, with ICU. Three forms:
//  - CleanName: what we store and show; NFC, trimmed, inner whitespace collapsed, accents kept.
//  - FoldName: what we compare; accents and case removed (á→a, ñ→n, ü→u), hyphens and
//    other punctuation to single spaces, apostrophes joined ("O'Brien" → "obrien").
//    "  María-José  DE LA Peña " → "maria jose de la pena".
//  - NameTokens: what we index for search; the folded words minus the particles
//    ("de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "mc" is kept).
// Thread-safe (ICU normalizers are shared and immutable).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida {

// Returns InvalidArgument(field) if `utf8` is not valid UTF-8, contains control
// characters, contains digits, or is longer than `max_chars` characters after cleaning.
StatusOr<std::string> CleanName(std::string_view utf8, std::string_view field, size_t max_chars = 80);

// Accent- and case-insensitive comparison form. Invalid UTF-8 bytes are dropped.
std::string FoldName(std::string_view utf8);

// Folded words without particles, in order. "de la Cruz" → {"cruz"}; a name made only of
// particles keeps them ("De la" → {"de", "la"}) so nothing is lost.
std::vector<std::string> NameTokens(std::string_view utf8);

// True if `folded_word` is a particle ("de", "del", "la", ...).
bool IsNameParticle(std::string_view folded_word);

}  // namespace acogida
