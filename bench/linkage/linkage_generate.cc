// Writes a labelled Mexican linkage set (src/synth MakeLinkageSet) as a CSV file in the
// person schema of `acogida link dedupe`, plus an entity_id column with the truth (an extra
// column, which the command ignores). For end-to-end benchmarks of the command line:
//   linkage_generate PERSONS SEED OUT.csv
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "linkage/csv.h"
#include "linkage/person_table.h"
#include "linkage/settings.h"
#include "synth/linkage_set.h"

int main(int argc, char** argv) {
  using namespace acogida;
  if (argc != 4) {
    std::fprintf(stderr, "usage: linkage_generate PERSONS SEED OUT.csv\n");
    return 2;
  }
  const int persons = std::atoi(argv[1]);
  const uint64_t seed = std::strtoull(argv[2], nullptr, 10);
  synth::LinkageSet set = synth::MakeLinkageSet(seed, persons);
  std::ofstream out(argv[3], std::ios::binary);
  std::vector<std::string> header = linkage::PersonColumns();
  header.push_back("entity_id");
  out << linkage::CsvLine(header);
  for (const synth::LinkageRecord& record : set.records) {
    std::vector<std::string> row = linkage::PersonRow(record.person, "bench");
    row.push_back(std::to_string(record.entity_id));
    out << linkage::CsvLine(row);
  }
  out.close();
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[3]);
    return 1;
  }
  std::printf("%zu records of %lld entities (%lld true pairs) in %s\n", set.records.size(),
              static_cast<long long>(set.entity_count), static_cast<long long>(set.TrueMatchPairs()), argv[3]);
  return 0;
}
