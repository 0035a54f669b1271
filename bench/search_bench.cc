// Benchmarks of name search on a real SQLite file filled with synthetic persons:
//   BM_SearchOneToken   -- one prefix ("hern"): a common surname, many matches, first page
//   BM_SearchTwoTokens  -- two prefixes ("hern guad"): intersecting token ranges
//   BM_SearchRareToken  -- one full rare given name: few matches
//   BM_InsertHousehold  -- one generated household per durable write transaction
// Argument: persons in the database. Run: build/search_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>

#include "store/store.h"
#include "synth/person_generator.h"

namespace acogida {
namespace {

struct Fixture {
  std::string path;
  std::unique_ptr<Store> store;
  int64_t site_id = 0;
};

// One database per size, built once and shared by the benchmarks.
Fixture& DatabaseWith(int persons) {
  static std::map<int, Fixture> fixtures;
  Fixture& fixture = fixtures[persons];
  if (fixture.store) return fixture;
  fixture.path = (std::filesystem::temp_directory_path() / ("acogida-bench-" + std::to_string(persons) + ".db"))
                     .string();
  std::filesystem::remove(fixture.path);
  fixture.store = std::move(OpenSqliteStore(fixture.path)).value();
  synth::PersonGenerator generator(42);
  Status status = fixture.store->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    Site site;
    site.name = "Bench";
    site.city = "Tijuana";
    site.state = "02";
    site.timezone = "America/Tijuana";
    RETURN_IF_ERROR(tx.InsertSite(site));
    fixture.site_id = site.id;
    int written = 0;
    while (written < persons) {
      Household household = generator.NextHousehold();
      household.site_id = site.id;
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      for (Person& member : household.members) {
        member.household_id = household.id;
        RETURN_IF_ERROR(tx.InsertPerson(member));
        ++written;
      }
    }
    return OkStatus();
  });
  if (!status.ok()) std::abort();
  return fixture;
}

void RunSearch(benchmark::State& state, std::vector<std::string> tokens) {
  Fixture& fixture = DatabaseWith(static_cast<int>(state.range(0)));
  PersonSearch search{tokens, 20, 0};
  int64_t matches = 0;
  for (auto _ : state) {
    Status status = fixture.store->InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(PersonPage page, tx.SearchPersons(search));
      matches = page.total;
      benchmark::DoNotOptimize(page.items.data());
      return OkStatus();
    });
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
  state.counters["matches"] = static_cast<double>(matches);
}

void BM_SearchOneToken(benchmark::State& state) { RunSearch(state, {"hern"}); }
void BM_SearchTwoTokens(benchmark::State& state) { RunSearch(state, {"hern", "guad"}); }
void BM_SearchRareToken(benchmark::State& state) { RunSearch(state, {"eustolia"}); }

void BM_InsertHousehold(benchmark::State& state) {
  Fixture& fixture = DatabaseWith(static_cast<int>(state.range(0)));
  synth::PersonGenerator generator(7);
  for (auto _ : state) {
    Household household = generator.NextHousehold();
    household.site_id = fixture.site_id;
    Status status = fixture.store->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
      RETURN_IF_ERROR(tx.InsertHousehold(household));
      for (Person& member : household.members) {
        member.household_id = household.id;
        RETURN_IF_ERROR(tx.InsertPerson(member));
      }
      return OkStatus();
    });
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  }
}

BENCHMARK(BM_SearchOneToken)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchTwoTokens)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchRareToken)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_InsertHousehold)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace acogida

BENCHMARK_MAIN();
