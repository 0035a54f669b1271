// String similarity for comparing names and codes: Jaro–Winkler (the name comparison of
// Splink and fastLink) and a bounded Levenshtein distance. Byte-wise: call them on folded
// names (core/names.h FoldName), which are ASCII for Spanish names. Pure; thread-safe.
#pragma once

#include <string_view>

namespace acogida::linkage {

// Jaro–Winkler similarity in [0, 1]: 1 for equal strings, 0 when either is empty and
// they differ. Prefix bonus 0.1 per common leading character, up to 4.
double JaroWinkler(std::string_view a, std::string_view b);

// The Levenshtein (insert, delete, substitute) distance, or `limit + 1` when it is
// greater than `limit`.
int BoundedLevenshtein(std::string_view a, std::string_view b, int limit);

// True if `a` and `b` have the same length and differ in exactly one position, or differ by
// one transposition of adjacent characters.
bool OneSlipApart(std::string_view a, std::string_view b);

}  // namespace acogida::linkage
