// Local search over whole households (see LocalSearch in prepared.h). Three neighbourhoods,
// each applied only when it lowers the objective, so the search never undoes the rounding's
// work: move (one group to a cheaper section with room), swap (two groups exchange
// sections, "without a bed" included), ejection (a group takes a cheaper section by pushing
// some of its occupants to other sections with room). Deterministic: fixed scan orders.
#include <algorithm>

#include "allocate/prepared.h"

namespace acogida::allocate {
namespace {

class Search {
 public:
  Search(const Prepared& prepared, const AllocationOptions& options, Assignment* assignment, AllocationStats* stats)
      : prepared_(prepared),
        neighbourhood_(std::max(1, options.neighbourhood)),
        section_of_(assignment->section_of),
        free_(assignment->free_beds),
        stats_(stats),
        members_(prepared.sections.size()),
        position_(prepared.size.size(), -1) {
    for (size_t group = 0; group < section_of_.size(); ++group) {
      if (section_of_[group] >= 0) Add(static_cast<int>(group), section_of_[group]);
    }
  }

  void Run(int rounds) {
    for (int round = 0; round < rounds; ++round) {
      ++stats_->search_rounds;
      bool improved = MovePass();
      improved |= SwapPass();
      improved |= EjectionPass();
      if (!improved) break;
    }
    MovePass();  // leaves nobody without a bed while a suitable section has room
  }

 private:
  int64_t CostAt(int group, int section) const {
    return section < 0 ? prepared_.overflow_cost : prepared_.Cost(group, section);
  }
  const std::vector<Candidate>& Candidates(int group) const {
    return prepared_.classes[prepared_.class_of[group]].candidates;
  }

  void Add(int group, int section) {
    position_[group] = static_cast<int>(members_[section].size());
    members_[section].push_back(group);
  }
  void Remove(int group, int section) {
    std::vector<int>& list = members_[section];
    const int at = position_[group];
    list[at] = list.back();
    position_[list[at]] = at;
    list.pop_back();
  }
  // Moves `group` to `section` (-1: without a bed), keeping free beds and member lists.
  void Place(int group, int section) {
    const int from = section_of_[group];
    const int size = prepared_.size[group];
    if (from >= 0) {
      Remove(group, from);
      free_[from] += size;
    }
    if (section >= 0) {
      Add(group, section);
      free_[section] -= size;
    }
    section_of_[group] = section;
  }

  bool MovePass() {
    bool improved = false;
    for (int group = 0; group < static_cast<int>(section_of_.size()); ++group) {
      const int64_t current = CostAt(group, section_of_[group]);
      for (const Candidate& candidate : Candidates(group)) {
        if (candidate.cost >= current) break;
        if (free_[candidate.section] >= prepared_.size[group]) {
          Place(group, candidate.section);
          ++stats_->moves;
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  bool SwapPass() {
    bool improved = false;
    for (int group = 0; group < static_cast<int>(section_of_.size()); ++group) {
      const int from = section_of_[group];
      const int size = prepared_.size[group];
      const int64_t current = CostAt(group, from);
      int scanned = 0;
      for (const Candidate& candidate : Candidates(group)) {
        if (candidate.cost >= current || (from >= 0 && ++scanned > neighbourhood_)) break;
        const int to = candidate.section;
        if (to == from) continue;
        int partner = -1;
        for (int other : members_[to]) {
          const int other_size = prepared_.size[other];
          if (free_[to] + other_size < size) continue;
          if (from >= 0 && free_[from] + size < other_size) continue;
          const int64_t other_there = CostAt(other, from);
          if (other_there < 0) continue;
          const int64_t delta = size * (candidate.cost - current) + other_size * (other_there - CostAt(other, to));
          if (delta < 0) {
            partner = other;
            break;
          }
        }
        if (partner >= 0) {
          Place(partner, from);
          Place(group, to);
          ++stats_->swaps;
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  // Ejection: `group` takes section `to`, which lacks room, once enough of its occupants
  // move to other sections with room (several if one is not enough), when the whole
  // exchange costs less than the group saves.
  bool EjectionPass() {
    bool improved = false;
    std::vector<std::pair<int, int>> plan;  // (occupant, refuge)
    std::vector<std::pair<int, int>> taken;  // (refuge, beds the plan takes there)
    // For a group without a bed, whose saving is large, every section with room is worth
    // trying as a refuge for the occupants it displaces, however far: `roomy` holds them
    // per class, cheapest first (short at a surge, when few sections have room), and
    // occupants whose class has no room anywhere (`most_room`) are skipped. Both are as of
    // the start of the pass. Placed groups try the nearest `neighbourhood` refuges only.
    std::vector<int> most_room(prepared_.classes.size(), 0);
    std::vector<std::vector<Candidate>> roomy(prepared_.classes.size());
    for (size_t class_idx = 0; class_idx < prepared_.classes.size(); ++class_idx) {
      for (const Candidate& candidate : prepared_.classes[class_idx].candidates) {
        const int room = free_[candidate.section];
        most_room[class_idx] = std::max(most_room[class_idx], room);
        if (room > 0) roomy[class_idx].push_back(candidate);
      }
    }
    for (int group = 0; group < static_cast<int>(section_of_.size()); ++group) {
      const int from = section_of_[group];
      const int size = prepared_.size[group];
      const int64_t current = CostAt(group, from);
      int scanned = 0;
      for (const Candidate& candidate : Candidates(group)) {
        if (candidate.cost >= current || (from >= 0 && ++scanned > neighbourhood_)) break;
        const int to = candidate.section;
        if (to == from || free_[to] >= size) continue;  // a plain move, tried already
        const int64_t budget = size * (current - candidate.cost);  // what the group saves
        int freed = free_[to];
        int64_t spent = 0;
        plan.clear();
        taken.clear();
        for (int other : members_[to]) {
          const int other_size = prepared_.size[other];
          if (from < 0 && most_room[prepared_.class_of[other]] < other_size) continue;
          const int64_t other_cost = CostAt(other, to);
          int tried = 0;
          const bool anywhere = from < 0;
          for (const Candidate& refuge : anywhere ? roomy[prepared_.class_of[other]] : Candidates(other)) {
            const int64_t extra = other_size * (refuge.cost - other_cost);
            if (spent + extra >= budget || (!anywhere && ++tried > neighbourhood_)) break;
            if (refuge.section == to) continue;
            int room = free_[refuge.section] + (refuge.section == from ? size : 0);
            for (const auto& [section, beds] : taken) room -= section == refuge.section ? beds : 0;
            if (room >= other_size) {
              plan.push_back({other, refuge.section});
              taken.push_back({refuge.section, other_size});
              freed += other_size;
              spent += extra;
              break;
            }
          }
          if (freed >= size) break;
        }
        if (freed >= size) {
          Place(group, -1);
          for (const auto& [other, refuge] : plan) Place(other, refuge);
          Place(group, to);
          ++stats_->ejections;
          improved = true;
          break;
        }
      }
    }
    return improved;
  }

  const Prepared& prepared_;
  const int neighbourhood_;
  std::vector<int>& section_of_;
  std::vector<int>& free_;
  AllocationStats* stats_;
  std::vector<std::vector<int>> members_;
  std::vector<int> position_;
};

}  // namespace

void LocalSearch(const Prepared& prepared, const AllocationOptions& options, Assignment* assignment,
                 AllocationStats* stats) {
  Search(prepared, options, assignment, stats).Run(options.local_search_rounds);
}

}  // namespace acogida::allocate
