// A LinkageSet is a labelled test set for identity resolution: records of synthetic
// persons where the true identity of each record is known. Each entity appears once as
// registered plus k corrupted re-registrations (k skewed towards 0 and 1, as most people
// are registered once or twice); some entities have a sibling or twin, added as separate
// entities, as the hard negatives a name-only matcher would wrongly merge.
// Deterministic in the seed. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "core/person.h"
#include "synth/corruption.h"
#include "synth/person_generator.h"

namespace acogida::synth {

struct LinkageSetOptions {
  // Weights of k, the number of corrupted copies beyond the first record: P(k) is
  // proportional to copy_count_weights[k]. Default mean ≈ 1 copy per entity.
  std::vector<double> copy_count_weights = {45, 30, 13, 7, 3, 2};
  // If true, a copy is re-drawn (up to 10 times) until at least one corruption applies,
  // so that copies are almost never exact duplicates.
  bool require_corruption = true;
  // Chance per entity of adding a sibling (different entity, same surnames and state).
  double sibling_share = 0.05;
  // Chance per entity of adding a twin (different entity, same surnames and birth date).
  double twin_share = 0.01;
  // If true, records come in random order; otherwise grouped by entity.
  bool shuffle = true;
  GeneratorOptions person;        // how the true persons are drawn
  CorruptionOptions corruption;   // how the copies are corrupted
};

struct LinkageRecord {
  Person person;            // person.id is the record id: 1, 2, 3, ... unique in the set
  int64_t entity_id = 0;    // records with the same entity_id are the same human being
  std::vector<Corruption> corruptions;  // what was done to this copy; empty for the first record
  int64_t hard_negative_of = 0;  // for a sibling's or twin's records: the entity they resemble; else 0
};

struct LinkageSet {
  std::vector<LinkageRecord> records;
  int64_t entity_count = 0;  // entities, including siblings and twins

  // The number of record pairs that truly match: the sum over entities of n·(n−1)/2.
  int64_t TrueMatchPairs() const;
};

// `entities` persons (plus their siblings and twins) and their copies. Entity ids are
// 1..entity_count. An `entities` of 0 or less gives an empty set.
LinkageSet MakeLinkageSet(uint64_t seed, int entities, const LinkageSetOptions& options = {});

}  // namespace acogida::synth
