// Allocation quality and cost on generated instances (issue #5), one run per invocation:
//   allocate_compare GROUPS SHELTERS LOAD [SEED] [--mip FILE.lp]
// prints one line per method: the objective (km·person), its gap above the relaxation's
// lower bound, people without a bed, wall time of the solve, and the process's peak RSS.
// Methods: `flow` (AllocateBeds: min-cost-flow relaxation, rounding, local search) and
// `greedy` (the coordinators' first fit by proximity in arrival order).
// With --mip, also writes the exact whole-household problem as a MIP in CPLEX LP format
// (one general-integer variable per class, household size and suitable section: how many
// such households go there; identical households are interchangeable, so this is exact)
// for run_allocate_bench.sh to solve with CBC.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "allocate/allocate.h"
#include "allocate/instance_generator.h"
#include "allocate/prepared.h"

namespace acogida::allocate {
namespace {

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void Print(const char* method, const Placement& placement, int64_t bound, double seconds) {
  const double gap = bound > 0 ? 100.0 * (placement.cost - bound) / bound : 0;
  std::printf("%-6s objective %.1f km·person, %+.3f %% vs bound, %d people without a bed, %.3f s, peak RSS %.0f MiB\n",
              method, placement.cost / 10.0, gap, placement.unplaced_people, seconds, PeakRssMiB());
}

// Writes the exact MIP (see the header comment). Objective in the engine's integer unit.
void WriteMip(const Problem& problem, const std::string& path) {
  const AllocationOptions options;
  const Prepared prepared = Prepare(problem, options);
  std::ofstream out(path);
  // Households per (class, size).
  std::map<std::pair<int, int>, int> households;
  for (size_t group = 0; group < problem.groups.size(); ++group) {
    ++households[{prepared.class_of[group], prepared.size[group]}];
  }
  struct Term {
    std::string var;
    int64_t coefficient;
  };
  std::vector<std::vector<Term>> capacity(prepared.sections.size());
  std::vector<std::string> objective, demand, integers;
  int var_count = 0;
  for (const auto& [key, count] : households) {
    const auto [class_idx, size] = key;
    std::string row = " d" + std::to_string(demand.size()) + ":";
    auto add = [&](int64_t cost, int section) {
      std::string var = "x";
      var += std::to_string(var_count++);
      std::string term = std::to_string(cost * size);
      term += ' ';
      term += var;
      objective.push_back(std::move(term));
      row += " + ";
      row += var;
      integers.push_back(var);
      if (section >= 0) capacity[section].push_back({var, size});
      if (row.size() > 200) {
        demand.push_back(row);
        row.assign(1, ' ');
      }
    };
    for (const Candidate& candidate : prepared.classes[class_idx].candidates) {
      if (prepared.free_beds[candidate.section] >= size) add(candidate.cost, candidate.section);
    }
    add(prepared.overflow_cost, -1);
    demand.push_back(row + " = " + std::to_string(count));
  }
  out << "Minimize\n obj:";
  for (size_t index = 0; index < objective.size(); ++index) {
    out << " + " << objective[index] << ((index % 8 == 7) ? "\n" : "");
  }
  out << "\nSubject To\n";
  for (const std::string& line : demand) out << line << "\n";
  for (size_t section = 0; section < capacity.size(); ++section) {
    if (capacity[section].empty()) continue;
    out << " c" << section << ":";
    for (size_t index = 0; index < capacity[section].size(); ++index) {
      out << " + " << capacity[section][index].coefficient << " " << capacity[section][index].var
          << ((index % 8 == 7) ? "\n" : "");
    }
    out << " <= " << prepared.free_beds[section] << "\n";
  }
  out << "General\n";
  for (size_t index = 0; index < integers.size(); ++index) out << " " << integers[index] << ((index % 10 == 9) ? "\n" : "");
  out << "\nEnd\n";
}

int Main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: allocate_compare GROUPS SHELTERS LOAD [SEED] [--mip FILE.lp]\n");
    return 2;
  }
  InstanceSpec spec;
  spec.groups = std::atoi(argv[1]);
  spec.shelters = std::atoi(argv[2]);
  spec.load = std::atof(argv[3]);
  std::string mip_path;
  for (int arg = 4; arg < argc; ++arg) {
    if (std::string(argv[arg]) == "--mip" && arg + 1 < argc) {
      mip_path = argv[++arg];
    } else {
      spec.seed = std::strtoull(argv[arg], nullptr, 10);
    }
  }
  const Problem problem = GenerateInstance(spec);
  int people = 0, beds = 0, sections = 0;
  for (const Group& group : problem.groups) people += group.composition.size();
  for (const Shelter& shelter : problem.shelters) {
    for (const Section& section : shelter.sections) beds += section.free_beds, ++sections;
  }
  std::printf("instance %d groups (%d people) x %d shelters (%d sections, %d beds), load %.2f, seed %llu\n",
              spec.groups, people, spec.shelters, sections, beds, spec.load,
              static_cast<unsigned long long>(spec.seed));

  auto start = std::chrono::steady_clock::now();
  StatusOr<Placement> flow = AllocateBeds(problem);
  const double flow_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!flow.ok()) {
    std::fprintf(stderr, "%s\n", flow.status().ToString().c_str());
    return 1;
  }
  const AllocationStats& stats = flow->stats;
  std::printf("bound  %.1f km·person (relaxation leaves %.0f people without a bed); %zu classes, %zu arcs\n",
              flow->lower_bound / 10.0, flow->relaxation_unplaced_people, stats.classes, stats.arcs);
  std::printf("phases prepare %.3f s, flow %.3f s, rounding %.3f s (%d whole, %d repaired), search %.3f s "
              "(%d rounds, %d moves, %d swaps, %d ejections)\n",
              stats.prepare_seconds, stats.flow_seconds, stats.rounding_seconds, stats.rounded_whole, stats.repaired,
              stats.search_seconds, stats.search_rounds, stats.moves, stats.swaps, stats.ejections);
  Print("flow", *flow, flow->lower_bound, flow_seconds);

  start = std::chrono::steady_clock::now();
  StatusOr<Placement> greedy = AllocateGreedy(problem);
  const double greedy_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Print("greedy", *greedy, flow->lower_bound, greedy_seconds);

  if (!mip_path.empty()) {
    WriteMip(problem, mip_path);
    std::printf("mip    written to %s (objective unit: 0.1 km·person; flow found %lld)\n", mip_path.c_str(),
                static_cast<long long>(flow->cost));
  }
  return 0;
}

}  // namespace
}  // namespace acogida::allocate

int main(int argc, char** argv) { return acogida::allocate::Main(argc, argv); }
