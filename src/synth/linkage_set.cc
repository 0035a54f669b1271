// Building labelled linkage sets from the person generator, Corrupt() and the hard
// negatives.
#include "synth/linkage_set.h"

#include <utility>

namespace acogida::synth {
int64_t LinkageSet::TrueMatchPairs() const {
  std::vector<int64_t> sizes(static_cast<size_t>(entity_count) + 1, 0);
  for (const LinkageRecord& record : records) ++sizes[static_cast<size_t>(record.entity_id)];
  int64_t pairs = 0;
  for (int64_t size : sizes) pairs += size * (size - 1) / 2;
  return pairs;
}

LinkageSet MakeLinkageSet(uint64_t seed, int entities, const LinkageSetOptions& options) {
  LinkageSet set;
  if (entities <= 0) return set;
  PersonGenerator generator(seed, options.person);
  Rng rng(DeriveSeed(seed, 1));  // corruption stream, apart from the generator's

  auto add_entity = [&](const Person& truth, int64_t hard_negative_of) {
    const int64_t entity_id = ++set.entity_count;
    set.records.push_back({truth, entity_id, {}, hard_negative_of});
    const size_t copies = options.copy_count_weights.empty() ? 0 : rng.PickWeightedIndex(options.copy_count_weights);
    for (size_t copy_idx = 0; copy_idx < copies; ++copy_idx) {
      CorruptedPerson copy = Corrupt(truth, rng, options.corruption);
      for (int attempt = 0; options.require_corruption && copy.applied.empty() && attempt < 10; ++attempt) {
        copy = Corrupt(truth, rng, options.corruption);
      }
      set.records.push_back({std::move(copy.person), entity_id, std::move(copy.applied), hard_negative_of});
    }
    return entity_id;
  };

  for (int entity_idx = 0; entity_idx < entities; ++entity_idx) {
    const Person truth = generator.NextPerson();
    const int64_t entity_id = add_entity(truth, 0);
    if (rng.Chance(options.sibling_share)) add_entity(MakeSibling(truth, rng), entity_id);
    if (rng.Chance(options.twin_share)) add_entity(MakeTwin(truth, rng), entity_id);
  }
  if (options.shuffle) rng.Shuffle(set.records);
  for (size_t record_idx = 0; record_idx < set.records.size(); ++record_idx) {
    set.records[record_idx].person.id = static_cast<int64_t>(record_idx) + 1;
  }
  return set;
}

}  // namespace acogida::synth
