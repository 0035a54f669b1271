// The comparisons of the person schema: Mexican given names (nicknames, compound names),
// the two surnames together (missing, swapped, joined, fuzzy), and the CURP.
#include <algorithm>
#include <unordered_map>

#include "core/names.h"
#include "linkage/comparison_kinds.h"
#include "linkage/curp_compare.h"
#include "linkage/nicknames.h"
#include "linkage/person_names.h"
#include "linkage/spanish_phonetic.h"
#include "linkage/string_similarity.h"

namespace acogida::linkage::internal {
namespace {

// Two words (or names) "sound or look alike": same phonetic key, or Jaro–Winkler ≥ 0.9.
constexpr double kSimilarWords = 0.90;
// Two whole given names that share little but look alike overall.
constexpr double kSomewhatSimilar = 0.80;

bool Similar(std::string_view a, std::string_view a_phonetic, std::string_view b, std::string_view b_phonetic) {
  if (a.empty() || b.empty()) return false;
  return a == b || a_phonetic == b_phonetic || JaroWinkler(a, b) >= kSimilarWords;
}

// --- Given names -------------------------------------------------------------------------

struct GivenData {
  std::string folded;                // the name folded, as written
  std::vector<std::string> tokens;   // canonical (nicknames written out)
  std::vector<std::string> phonetic;  // per token
  std::vector<std::span<const std::string>> nickname_names;  // per token: the names a nickname stands for
  std::string canonical;             // tokens joined
  uint32_t term = 0;                 // of `canonical`
  void CountTerms(InternPool<NoData>& terms) const { terms.CountOccurrence(term); }
};

// Levels, strongest first.
enum GivenLevel { kGivenExact, kGivenSameName, kGivenWithin, kGivenSimilar, kGivenSomewhat, kGivenDifferent };

// True if every token of `part` is the same name as a distinct token of `whole` or, with
// Match::kSimilar, also sounds alike or is a typo away.
enum class Match { kSameName, kSimilar };
bool Within(const GivenData& part, const GivenData& whole, Match match) {
  if (part.tokens.empty() || part.tokens.size() > whole.tokens.size()) return false;
  uint64_t used = 0;
  for (size_t part_idx = 0; part_idx < part.tokens.size(); ++part_idx) {
    bool found = false;
    for (size_t whole_idx = 0; whole_idx < whole.tokens.size() && whole_idx < 64; ++whole_idx) {
      if ((used >> whole_idx) & 1) continue;
      if (SameGivenName(part.tokens[part_idx], part.nickname_names[part_idx], whole.tokens[whole_idx],
                        whole.nickname_names[whole_idx]) ||
          (match == Match::kSimilar && Similar(part.tokens[part_idx], part.phonetic[part_idx],
                                               whole.tokens[whole_idx], whole.phonetic[whole_idx]))) {
        used |= uint64_t{1} << whole_idx;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

class GivenNamesComparison final : public Comparison {
 public:
  explicit GivenNamesComparison(const ComparisonSettings& settings)
      : Comparison(settings, {"exact", "same_name", "one_within_other", "similar", "somewhat_similar", "different"}) {}

  std::unique_ptr<PreparedColumn> NewColumn() const override { return std::make_unique<PooledColumn<GivenData>>(); }
  void Append(PreparedColumn& column, std::span<const std::string> row, Counted counted) const override {
    auto& pooled = As<PooledColumn<GivenData>>(column);
    pooled.Append(Cell(row, 0), [&pooled](std::string_view raw) {
      GivenData data = Prepare(raw);
      data.term = pooled.TermId(data.canonical);
      return data;
    }, counted);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const auto& left = As<PooledColumn<GivenData>>(a);
    const auto& right = As<PooledColumn<GivenData>>(b);
    const GivenData& x = left.at(a_row);
    const GivenData& y = right.at(b_row);
    if (x.tokens.empty() || y.tokens.empty()) return kNullLevel;
    if (SameValue(left, a_row, right, b_row)) return kGivenExact;
    if (x.canonical == y.canonical) return kGivenSameName;
    const bool x_shorter = x.tokens.size() <= y.tokens.size();
    const GivenData& shorter = x_shorter ? x : y;
    const GivenData& longer = x_shorter ? y : x;
    if (Within(shorter, longer, Match::kSameName)) {
      return x.tokens.size() == y.tokens.size() ? kGivenSameName : kGivenWithin;
    }
    if (Within(shorter, longer, Match::kSimilar)) return kGivenSimilar;
    if (JaroWinkler(x.canonical, y.canonical) >= kSomewhatSimilar) return kGivenSomewhat;
    return kGivenDifferent;
  }
  double TfAdjustment(int level, const PreparedColumn& a, size_t a_row, const PreparedColumn& b,
                      size_t b_row) const override {
    if (!settings().term_frequency || (level != kGivenExact && level != kGivenSameName)) return 0.0;
    const auto& left = As<PooledColumn<GivenData>>(a);
    const auto& right = As<PooledColumn<GivenData>>(b);
    const GivenData& x = left.at(a_row);
    const GivenData& y = right.at(b_row);
    const double y_adjustment = right.TermTfLog2(y.term);
    if (x.canonical == y.canonical) return y_adjustment;
    // A nickname of several names (Beto against Alberto): the more common of the two counts,
    // whichever side it is on.
    const double x_adjustment = &left == &right ? right.TermTfLog2(x.term) : right.terms.TfLog2(x.canonical);
    return std::min(x_adjustment, y_adjustment);
  }

 private:
  static GivenData Prepare(std::string_view raw) {
    GivenData data;
    data.folded = FoldName(raw);
    data.tokens = CanonicalGivenNames(data.folded);
    for (const std::string& token : data.tokens) {
      data.phonetic.push_back(SpanishPhoneticKey(token));
      data.nickname_names.push_back(Nicknames().NamesFor(token));
    }
    data.canonical = JoinTokens(data.tokens);
    return data;
  }
};

// --- Surnames ----------------------------------------------------------------------------

struct SurnameData {
  std::string folded;    // "paternal|maternal", canonical
  std::string paternal;  // canonical words; a lone maternal surname is moved here
  std::string maternal;
  std::string paternal_phonetic;
  std::string maternal_phonetic;
  uint32_t paternal_term = 0;
  uint32_t maternal_term = 0;
  // Both surnames count in one table: the same names are paternal for some, maternal for others.
  void CountTerms(InternPool<NoData>& terms) const {
    if (!paternal.empty()) terms.CountOccurrence(paternal_term);
    if (!maternal.empty()) terms.CountOccurrence(maternal_term);
  }
};

enum SurnameLevel {
  kBothExact,
  kPaternalExactMaternalMissing,
  kSwapped,
  kBothSimilar,
  kPaternalSimilarMaternalMissing,
  kPaternalOnly,
  kOneInCommon,
  kSurnamesDifferent,
};

class SurnamesComparison final : public Comparison {
 public:
  explicit SurnamesComparison(const ComparisonSettings& settings)
      : Comparison(settings, settings.kind == ComparisonKind::kNamePair
                                 ? std::vector<std::string>{"both_exact", "first_exact_second_missing", "swapped",
                                                            "both_similar", "first_similar_second_missing",
                                                            "first_only", "one_in_common", "different"}
                                 : std::vector<std::string>{"both_exact", "paternal_exact_maternal_missing", "swapped",
                                                            "both_similar", "paternal_similar_maternal_missing",
                                                            "paternal_only", "one_in_common", "different"}) {}

  std::unique_ptr<PreparedColumn> NewColumn() const override {
    return std::make_unique<PooledColumn<SurnameData>>();
  }
  void Append(PreparedColumn& column, std::span<const std::string> row, Counted counted) const override {
    auto& pooled = As<PooledColumn<SurnameData>>(column);
    const std::string& paternal_raw = Cell(row, 0);
    const std::string& maternal_raw = Cell(row, 1);
    std::string raw;
    raw.reserve(paternal_raw.size() + maternal_raw.size() + 1);
    raw.append(paternal_raw).append(1, '\x1f').append(maternal_raw);
    pooled.Append(raw, [&](std::string_view) {
      SurnameData data = Prepare(CanonicalSurname(paternal_raw), CanonicalSurname(maternal_raw));
      data.paternal_term = pooled.TermId(data.paternal);
      data.maternal_term = pooled.TermId(data.maternal);
      return data;
    }, counted);
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const auto& left = As<PooledColumn<SurnameData>>(a);
    const auto& right = As<PooledColumn<SurnameData>>(b);
    const SurnameData& x = left.at(a_row);
    const SurnameData& y = right.at(b_row);
    if (x.paternal.empty() || y.paternal.empty()) return kNullLevel;
    if (SameValue(left, a_row, right, b_row)) return x.maternal.empty() ? kPaternalExactMaternalMissing : kBothExact;
    const bool x_has_maternal = !x.maternal.empty();
    const bool y_has_maternal = !y.maternal.empty();
    if (x_has_maternal && y_has_maternal) {
      if (x.paternal == y.maternal && x.maternal == y.paternal) return kSwapped;
      const bool paternal_similar = SimilarPaternal(x, y);
      const bool maternal_similar = Similar(x.maternal, x.maternal_phonetic, y.maternal, y.maternal_phonetic);
      if (paternal_similar && maternal_similar) return kBothSimilar;
      if (Similar(x.paternal, x.paternal_phonetic, y.maternal, y.maternal_phonetic) &&
          Similar(x.maternal, x.maternal_phonetic, y.paternal, y.paternal_phonetic)) {
        return kBothSimilar;
      }
      if (paternal_similar) return kPaternalOnly;
      if (maternal_similar || Similar(x.paternal, x.paternal_phonetic, y.maternal, y.maternal_phonetic) ||
          Similar(x.maternal, x.maternal_phonetic, y.paternal, y.paternal_phonetic)) {
        return kOneInCommon;
      }
      return kSurnamesDifferent;
    }
    // At least one maternal surname is missing. Both surnames typed into one field
    // ("García López" against "García" + "López") still count as both exact.
    if (!x_has_maternal && y_has_maternal && x.paternal == y.paternal + ' ' + y.maternal) return kBothExact;
    if (!y_has_maternal && x_has_maternal && y.paternal == x.paternal + ' ' + x.maternal) return kBothExact;
    if (x.paternal == y.paternal) return kPaternalExactMaternalMissing;
    if (SimilarPaternal(x, y)) return kPaternalSimilarMaternalMissing;
    if (Similar(x.paternal, x.paternal_phonetic, y.maternal, y.maternal_phonetic) ||
        Similar(x.maternal, x.maternal_phonetic, y.paternal, y.paternal_phonetic)) {
      return kOneInCommon;
    }
    return kSurnamesDifferent;
  }
  double TfAdjustment(int level, const PreparedColumn& a, size_t a_row, const PreparedColumn& b,
                      size_t b_row) const override {
    if (!settings().term_frequency) return 0.0;
    const auto& left = As<PooledColumn<SurnameData>>(a);
    const auto& right = As<PooledColumn<SurnameData>>(b);
    // Counted on the side that has both surnames apart (both typed in one field count as one
    // rare "surname" otherwise), with the frequencies of `b`.
    const SurnameData& x = left.at(a_row);
    const SurnameData& y = right.at(b_row);
    const bool use_left = y.maternal.empty() && !x.maternal.empty();
    const SurnameData& names = use_left ? x : y;
    auto tf = [&](const std::string& surname, uint32_t term) {
      return use_left && &left != &right ? right.terms.TfLog2(std::string_view(surname)) : right.TermTfLog2(term);
    };
    switch (level) {
      case kBothExact:
      case kSwapped: {
        const double both = tf(names.paternal, names.paternal_term) +
                            (names.maternal.empty() ? 0.0 : tf(names.maternal, names.maternal_term));
        return std::clamp(both, -kMaxTfLog2, kMaxTfLog2);
      }
      case kPaternalExactMaternalMissing: return tf(names.paternal, names.paternal_term);
      default: return 0.0;
    }
  }

 private:
  static bool SimilarPaternal(const SurnameData& x, const SurnameData& y) {
    return Similar(x.paternal, x.paternal_phonetic, y.paternal, y.paternal_phonetic);
  }
  static SurnameData Prepare(std::string paternal, std::string maternal) {
    if (paternal.empty()) std::swap(paternal, maternal);
    SurnameData data;
    data.folded = paternal + '|' + maternal;
    data.paternal_phonetic = SpanishPhoneticKey(paternal);
    data.maternal_phonetic = SpanishPhoneticKey(maternal);
    data.paternal = std::move(paternal);
    data.maternal = std::move(maternal);
    return data;
  }
};

// --- CURP --------------------------------------------------------------------------------

class CurpColumn final : public PreparedColumn {
 public:
  size_t size() const override { return facts.size(); }
  std::vector<CurpFacts> facts;
  // Name initials by the names as written: most records share their names with others.
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> initials_of_names;
  std::string names_buffer;
};

class CurpComparison final : public Comparison {
 public:
  explicit CurpComparison(const ComparisonSettings& settings)
      : Comparison(settings, {"exact", "one_slip", "different", "initials_agree", "initials_differ",
                              "both_valid_different"}) {}

  std::unique_ptr<PreparedColumn> NewColumn() const override { return std::make_unique<CurpColumn>(); }
  void Append(PreparedColumn& column, std::span<const std::string> row, Counted) const override {
    CurpColumn& curps = As<CurpColumn>(column);
    std::string& names = curps.names_buffer;
    names.assign(Cell(row, 1)).append(1, '\x1f').append(Cell(row, 2)).append(1, '\x1f').append(Cell(row, 3));
    auto it = curps.initials_of_names.find(std::string_view(names));
    if (it == curps.initials_of_names.end()) {
      it = curps.initials_of_names.emplace(names, NameInitials(Cell(row, 1), Cell(row, 2), Cell(row, 3))).first;
    }
    curps.facts.push_back(MakeCurpFacts(Cell(row, 0), it->second));
  }
  int Compare(const PreparedColumn& a, size_t a_row, const PreparedColumn& b, size_t b_row) const override {
    const CurpLevel level = CompareCurps(As<CurpColumn>(a).facts[a_row], As<CurpColumn>(b).facts[b_row]);
    return level == CurpLevel::kUnknown ? kNullLevel : static_cast<int>(level);
  }
};

}  // namespace

std::unique_ptr<Comparison> NewGivenNamesComparison(const ComparisonSettings& settings) {
  return std::make_unique<GivenNamesComparison>(settings);
}
std::unique_ptr<Comparison> NewSurnamesComparison(const ComparisonSettings& settings) {
  return std::make_unique<SurnamesComparison>(settings);
}
std::unique_ptr<Comparison> NewCurpComparison(const ComparisonSettings& settings) {
  return std::make_unique<CurpComparison>(settings);
}

}  // namespace acogida::linkage::internal
