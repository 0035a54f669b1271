// The intake check's cost at registry scale: one draft against the whole registry, as
// IdentityService::Matches asks its linkage::RecordIndex while a registrar types (issue #4
// target: ≤ 10 ms at 1 M persons). A plain driver, not Google Benchmark, because the figure
// that matters is the tail (p95, p99) of single queries, not a mean.
//   load     -- the generator's PERSONS persons (about 2.1 records each) into an index with
//               the product's settings (linkage::PersonQuerySettings), then EM training as
//               the service does at first load; wall time and peak RSS
//   query    -- QUERIES drafts, each timed alone: PersonRow of the draft, block lookups,
//               scoring, top 15 at p ≥ 0.3 with explanations (QueryOptions as Matches uses)
// Drafts, in equal shares, interleaved: a returning person as intake types them (the
// generator's corruption model, CURP left out half the time), one typo, a nickname, no
// maternal surname, and a new person not in the registry. "found" is the share of returning
// persons whose earlier record is among the first 5 proposed (p ≥ 0.3), "ranked" among the
// first 5 whatever their probability (an untimed second query): the gap is the model's
// caution, not blocking.
// The store's part of Matches (catching up, reading back and auditing the persons shown)
// does not grow with the registry and is not measured here (identity_service_test prints it).
// Run: build/bench/linkage/identity_query_bench [PERSONS [QUERIES [untrained]]] (default
// 1000000 2000; `untrained` keeps the settings' default model).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "datasets.h"
#include "linkage/person_table.h"
#include "linkage/record_index.h"
#include "linkage/settings.h"
#include "synth/corruption.h"
#include "synth/linkage_set.h"
#include "synth/person_generator.h"
#include "synth/rng.h"

namespace acogida::linkage::bench {
namespace {

constexpr uint64_t kSeed = 42;
constexpr size_t kShown = 5;  // IdentityOptions::max_matches

enum DraftKind { kAsTyped, kTypo, kNickname, kNoMaternal, kNewPerson, kDraftKinds };
const char* const kKindNames[kDraftKinds] = {"returning, as typed", "returning, one typo", "returning, nickname",
                                             "returning, no maternal surname", "new person"};

struct Draft {
  DraftKind kind;
  Person person;
  int64_t entity_id = 0;  // of the registered record it copies; 0 for a new person
};

struct Timing {
  std::vector<double> micros;
  std::vector<size_t> scored;
  size_t returning = 0, found = 0, ranked = 0;
};

double Percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t idx = std::min(values.size() - 1, static_cast<size_t>(share * static_cast<double>(values.size())));
  return values[idx];
}

void Report(const char* label, const Timing& timing) {
  double scored = 0;
  for (size_t count : timing.scored) scored += static_cast<double>(count);
  std::printf("%-32s n=%5zu  median %7.1f us  p95 %7.1f us  p99 %7.1f us  max %7.1f us  scored %6.0f",
              label, timing.micros.size(), Percentile(timing.micros, 0.5), Percentile(timing.micros, 0.95),
              Percentile(timing.micros, 0.99), Percentile(timing.micros, 1.0),
              scored / static_cast<double>(std::max<size_t>(timing.scored.size(), 1)));
  if (timing.returning > 0) {
    std::printf("  found %.3f ranked %.3f", static_cast<double>(timing.found) / static_cast<double>(timing.returning),
                static_cast<double>(timing.ranked) / static_cast<double>(timing.returning));
  }
  std::printf("\n");
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Run(int persons, int queries, bool train) {
  auto start = std::chrono::steady_clock::now();
  synth::LinkageSet set = synth::MakeLinkageSet(kSeed, persons);
  std::vector<Person> registry;
  registry.reserve(set.records.size());
  for (const synth::LinkageRecord& record : set.records) registry.push_back(record.person);
  const Table table = PersonTable(registry);
  std::printf("generated %d persons, %zu records in %.1f s\n", persons, registry.size(), Seconds(start));

  start = std::chrono::steady_clock::now();
  auto made = RecordIndex::Make(PersonQuerySettings(), PersonColumns());
  if (!made.ok()) {
    std::fprintf(stderr, "%s\n", made.status().ToString().c_str());
    return 1;
  }
  std::unique_ptr<RecordIndex> index = std::move(made).value();
  index->AddTable(table, 2);
  const double add_seconds = Seconds(start);
  start = std::chrono::steady_clock::now();
  // As IdentityService: EM on the pairs of the batch keys only.
  const Status trained = train ? index->Train(2, DefaultPersonSettings().blocking.size()) : FailedPrecondition("not trained");
  std::printf("index: %zu records added in %.1f s, trained in %.1f s (%s), peak RSS %.0f MiB\n", index->size(),
              add_seconds, Seconds(start), trained.ok() ? "ok" : trained.ToString().c_str(), PeakRssMiB());

  synth::Rng rng(kSeed + 1);
  synth::PersonGenerator newcomers(kSeed + 2);
  const synth::CorruptionOptions kind_options[] = {
      synth::CorruptionOptions{}, synth::CorruptionOptions::Only(synth::Corruption::kTypo),
      synth::CorruptionOptions::Only(synth::Corruption::kNickname),
      synth::CorruptionOptions::Only(synth::Corruption::kMissingMaternalSurname)};
  std::vector<Draft> drafts;
  for (int query_idx = 0; query_idx < queries; ++query_idx) {
    const auto kind = static_cast<DraftKind>(query_idx % kDraftKinds);
    if (kind == kNewPerson) {
      drafts.push_back({kind, newcomers.NextPerson(), 0});
      continue;
    }
    const synth::LinkageRecord& record = set.records[rng.Uniform<size_t>(0, set.records.size() - 1)];
    Person person = synth::Corrupt(record.person, rng, kind_options[kind]).person;
    if (kind == kAsTyped && rng.Chance(0.5)) person.curp.clear();
    drafts.push_back({kind, std::move(person), record.entity_id});
  }

  QueryOptions options;  // as IdentityService::Matches
  options.max_results = kShown + 10;
  options.min_probability = 0.3;
  QueryOptions ranking = options;
  ranking.min_probability = 0;
  Timing all;
  Timing by_kind[kDraftKinds];
  for (const Draft& draft : drafts) {
    QueryStatistics stats;
    const auto began = std::chrono::steady_clock::now();
    const std::vector<Candidate> found = index->Query(PersonRow(draft.person), options, &stats);
    const double micros = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - began).count();
    auto among_first = [&](const std::vector<Candidate>& candidates) {
      for (size_t idx = 0; idx < std::min(kShown, candidates.size()); ++idx) {
        if (set.records[candidates[idx].record].entity_id == draft.entity_id) return true;
      }
      return false;
    };
    const bool is_found = draft.entity_id != 0 && among_first(found);
    const bool is_ranked = draft.entity_id != 0 && among_first(index->Query(PersonRow(draft.person), ranking));
    for (Timing* timing : {&all, &by_kind[draft.kind]}) {
      timing->micros.push_back(micros);
      timing->scored.push_back(stats.candidates_scored);
      if (draft.entity_id == 0) continue;
      ++timing->returning;
      timing->found += is_found;
      timing->ranked += is_ranked;
    }
  }
  std::printf("queries against %zu records (%d persons):\n", index->size(), persons);
  Report("all drafts", all);
  for (int kind = 0; kind < kDraftKinds; ++kind) Report(kKindNames[kind], by_kind[kind]);
  std::printf("peak RSS %.0f MiB\n", PeakRssMiB());
  return 0;
}

}  // namespace
}  // namespace acogida::linkage::bench

int main(int argc, char** argv) {
  const int persons = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const int queries = argc > 2 ? std::atoi(argv[2]) : 2000;
  if (persons <= 0 || queries <= 0) {
    std::fprintf(stderr, "usage: identity_query_bench [PERSONS [QUERIES]]\n");
    return 2;
  }
  const bool train = !(argc > 3 && std::string(argv[3]) == "untrained");
  return acogida::linkage::bench::Run(persons, queries, train);
}
