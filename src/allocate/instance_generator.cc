// GenerateInstance (see instance_generator.h). Weights are rough shares of repatriations
// by crossing and of returnees by state of origin, enough to give realistic geography.
#include "allocate/instance_generator.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace acogida::allocate {
namespace {

struct Place {
  const char* name;
  double lat, lon;
  double weight;
};

// Ports of entry where the US returns people to Mexico.
constexpr Place kPorts[] = {
    {"Tijuana", 32.5422, -117.0297, 22},        {"Mexicali", 32.6633, -115.4678, 10},
    {"San Luis Río Colorado", 32.4561, -114.7719, 4}, {"Nogales", 31.3325, -110.9436, 12},
    {"Agua Prieta", 31.3275, -109.5489, 3},     {"Ciudad Juárez", 31.7387, -106.4870, 14},
    {"Ojinaga", 29.5650, -104.4164, 1},         {"Ciudad Acuña", 29.3236, -100.9317, 5},
    {"Piedras Negras", 28.7000, -100.5231, 6},  {"Nuevo Laredo", 27.4861, -99.5069, 9},
    {"Reynosa", 26.0922, -98.2778, 9},          {"Matamoros", 25.8797, -97.5042, 8},
};

// Shelter cities: the ports and a few cities inland.
constexpr Place kShelterCities[] = {
    {"Tijuana", 32.5149, -117.0382, 18},       {"Mexicali", 32.6245, -115.4523, 8},
    {"San Luis Río Colorado", 32.4561, -114.7719, 3}, {"Nogales", 31.3086, -110.9422, 10},
    {"Agua Prieta", 31.3275, -109.5489, 2},    {"Ciudad Juárez", 31.6904, -106.4245, 12},
    {"Ojinaga", 29.5650, -104.4164, 1},        {"Ciudad Acuña", 29.3236, -100.9317, 4},
    {"Piedras Negras", 28.7000, -100.5231, 5}, {"Nuevo Laredo", 27.4861, -99.5069, 7},
    {"Reynosa", 26.0922, -98.2778, 8},         {"Matamoros", 25.8797, -97.5042, 7},
    {"Tecate", 32.5722, -116.6263, 2},         {"Ensenada", 31.8667, -116.5964, 2},
    {"Hermosillo", 29.0729, -110.9559, 3},     {"Chihuahua", 28.6353, -106.0889, 3},
    {"Monterrey", 25.6866, -100.3161, 5},      {"Saltillo", 25.4232, -101.0053, 2},
};

// Home regions (their capitals' coordinates).
constexpr Place kHomes[] = {
    {"Michoacán", 19.7060, -101.1950, 9},   {"Guerrero", 17.5515, -99.5006, 8},
    {"Oaxaca", 17.0732, -96.7266, 8},       {"Guanajuato", 21.0190, -101.2574, 8},
    {"Jalisco", 20.6597, -103.3496, 6},     {"Puebla", 19.0414, -98.2063, 6},
    {"Veracruz", 19.5438, -96.9102, 6},     {"Chiapas", 16.7516, -93.1161, 6},
    {"Estado de México", 19.2826, -99.6557, 5}, {"Ciudad de México", 19.4326, -99.1332, 3},
    {"San Luis Potosí", 22.1565, -100.9855, 3}, {"Zacatecas", 22.7709, -102.5832, 3},
    {"Hidalgo", 20.1011, -98.7591, 3},      {"Sinaloa", 24.8091, -107.3940, 3},
    {"Sonora", 29.0729, -110.9559, 2},      {"Chihuahua", 28.6353, -106.0889, 2},
    {"Durango", 24.0277, -104.6532, 2},     {"Tamaulipas", 23.7369, -99.1411, 2},
    {"Morelos", 18.9242, -99.2216, 2},      {"Nuevo León", 25.6866, -100.3161, 1},
    {"Coahuila", 25.4232, -101.0053, 1},    {"Baja California", 32.6245, -115.4523, 1},
    {"Nayarit", 21.5042, -104.8946, 1},     {"Tabasco", 17.9892, -92.9475, 1},
    {"Querétaro", 20.5888, -100.3899, 1},   {"Aguascalientes", 21.8853, -102.2916, 1},
    {"Tlaxcala", 19.3182, -98.2375, 1},     {"Colima", 19.2452, -103.7241, 1},
    {"Yucatán", 20.9674, -89.5926, 0.5},    {"Quintana Roo", 18.5001, -88.2960, 0.5},
    {"Campeche", 19.8301, -90.5349, 0.5},   {"Baja California Sur", 24.1426, -110.3128, 0.3},
    {"Guatemala", 14.6349, -90.5069, 3},    {"Honduras", 14.0723, -87.1921, 3},
    {"El Salvador", 13.6929, -89.2182, 1.5}, {"Haití", 18.5944, -72.3074, 1},
};

// splitmix64: small, fast, the same everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double probability) { return Uniform() < probability; }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  template <size_t N>
  int Pick(const Place (&places)[N]) {
    double total = 0;
    for (const Place& place : places) total += place.weight;
    double at = Uniform() * total;
    for (size_t index = 0; index < N; ++index) {
      at -= places[index].weight;
      if (at < 0) return static_cast<int>(index);
    }
    return static_cast<int>(N - 1);
  }
  // Index drawn with probability proportional to `weights`.
  int Pick(std::initializer_list<double> weights) {
    double total = 0;
    for (double weight : weights) total += weight;
    double at = Uniform() * total;
    int index = 0;
    for (double weight : weights) {
      at -= weight;
      if (at < 0) return index;
      ++index;
    }
    return index - 1;
  }

 private:
  uint64_t state_;
};

Composition DrawComposition(Random& random) {
  Composition people;
  switch (random.Pick({0.52, 0.10, 0.33, 0.05})) {
    case 0: people.adult_men = 1 + random.Pick({0.90, 0.08, 0.02}); break;
    case 1: people.adult_women = 1 + random.Pick({0.85, 0.15}); break;
    case 2: {
      const int size = 2 + random.Pick({0.28, 0.28, 0.22, 0.12, 0.06, 0.03, 0.01});
      const bool two_adults = size == 2 ? random.Chance(0.5) : random.Chance(0.6);
      if (two_adults) {
        people.adult_men = 1;
        people.adult_women = 1;
      } else if (random.Chance(0.75)) {
        people.adult_women = 1;
      } else {
        people.adult_men = 1;
      }
      people.children = size - people.adult_men - people.adult_women;
      break;
    }
    default: people.unaccompanied_minors = 1 + random.Pick({0.70, 0.22, 0.08}); break;
  }
  return people;
}

std::string Language(Random& random, const std::string& home) {
  if (home == "Haití") return "ht";
  if (home == "Guatemala" && random.Chance(0.35)) return random.Chance(0.5) ? "quc" : "mam";
  if (home == "Oaxaca" && random.Chance(0.20)) return random.Chance(0.5) ? "zap" : "mix";
  if (home == "Chiapas" && random.Chance(0.20)) return random.Chance(0.5) ? "tzo" : "tze";
  if (home == "Guerrero" && random.Chance(0.15)) return random.Chance(0.5) ? "nah" : "mix";
  return "es";
}

std::string Numbered(const char* prefix, int number) {
  char text[32];
  std::snprintf(text, sizeof text, "%s-%05d", prefix, number);
  return text;
}

}  // namespace

Problem GenerateInstance(const InstanceSpec& spec) {
  Random random(spec.seed * 0x2545F4914F6CDD1DULL + 17);
  Problem problem;

  // Demand per kind of section it needs, in people.
  enum Pool { kMenPool, kWomenPool, kFamilyPool, kMinorsPool, kLgbtqPool, kMedicalPool, kPools };
  std::array<double, kPools> demand{};
  for (int group_idx = 0; group_idx < spec.groups; ++group_idx) {
    Group group;
    group.id = Numbered("g", group_idx + 1);
    group.composition = DrawComposition(random);
    const Place& port = kPorts[random.Pick(kPorts)];
    group.arrival_port = port.name;
    group.arrival = {port.lat, port.lon};
    const Place& home = kHomes[random.Pick(kHomes)];
    group.home_region = home.name;
    group.home = {home.lat, home.lon};
    const Composition& people = group.composition;
    const bool adults = people.unaccompanied_minors == 0;
    group.needs.wheelchair = random.Chance(0.015);
    group.needs.medical = random.Chance(0.04);
    group.needs.pregnancy = people.adult_women > 0 && random.Chance(0.06);
    group.needs.lgbtq_safety = adults && people.children == 0 && random.Chance(0.03);
    group.needs.language = Language(random, home.name);
    const int size = people.size();
    if (group.needs.medical || group.needs.pregnancy) {
      demand[kMedicalPool] += size;
    } else if (group.needs.lgbtq_safety) {
      demand[kLgbtqPool] += size;
    } else if (!adults) {
      demand[kMinorsPool] += size;
    } else if (people.children > 0 || (people.adult_men > 0 && people.adult_women > 0)) {
      demand[kFamilyPool] += size;
    } else if (people.adult_women > 0) {
      demand[kWomenPool] += size;
    } else {
      demand[kMenPool] += size;
    }
    problem.groups.push_back(std::move(group));
  }

  // Shelters and their sections; beds come after, once every kind has its sections.
  constexpr SectionKind kKinds[kPools] = {SectionKind::kMen,    SectionKind::kWomen, SectionKind::kFamilies,
                                          SectionKind::kMinors, SectionKind::kLgbtq, SectionKind::kMedical};
  constexpr double kHasKind[kPools] = {0.85, 0.55, 0.65, 0.18, 0.10, 0.25};
  std::array<std::vector<std::pair<int, int>>, kPools> sections_of_kind;  // (shelter, section)
  for (int shelter_idx = 0; shelter_idx < spec.shelters; ++shelter_idx) {
    Shelter shelter;
    const Place& city = kShelterCities[random.Pick(kShelterCities)];
    shelter.id = Numbered("s", shelter_idx + 1);
    shelter.city = city.name;
    shelter.location = {city.lat + (random.Uniform() - 0.5) * 0.08, city.lon + (random.Uniform() - 0.5) * 0.08};
    shelter.languages = {"es"};
    if (random.Chance(0.5)) shelter.languages.push_back("en");
    if (random.Chance(0.15)) shelter.languages.push_back("ht");
    if (random.Chance(0.08)) {
      constexpr const char* kIndigenous[] = {"mix", "zap", "nah", "tzo", "tze", "quc", "mam"};
      shelter.languages.push_back(kIndigenous[random.Below(7)]);
    }
    problem.shelters.push_back(std::move(shelter));
  }
  auto add_section = [&](int shelter_idx, int pool) {
    Shelter& shelter = problem.shelters[shelter_idx];
    Section section;
    section.kind = kKinds[pool];
    section.id = SectionKindName(section.kind);
    section.minors_authorised = pool == kMinorsPool || (pool == kFamilyPool && random.Chance(0.2)) ||
                                (pool == kMedicalPool && random.Chance(0.3));
    section.medical = pool == kMedicalPool || random.Chance(0.10);
    section.accessible = pool == kMedicalPool || random.Chance(0.35);
    section.lgbtq_safe = pool == kLgbtqPool || random.Chance(0.08);
    sections_of_kind[pool].push_back({shelter_idx, static_cast<int>(shelter.sections.size())});
    shelter.sections.push_back(section);
  };
  for (int shelter_idx = 0; shelter_idx < spec.shelters; ++shelter_idx) {
    for (int pool = 0; pool < kPools; ++pool) {
      if (random.Chance(kHasKind[pool])) add_section(shelter_idx, pool);
    }
    if (problem.shelters[shelter_idx].sections.empty()) add_section(shelter_idx, kMenPool);
  }
  for (int pool = 0; pool < kPools; ++pool) {
    if (sections_of_kind[pool].empty() && spec.shelters > 0) add_section(random.Below(spec.shelters), pool);
  }

  // Beds: each kind's demand over the load, shared among its sections with uneven weights.
  for (int pool = 0; pool < kPools; ++pool) {
    std::vector<double> weights;
    double total = 0;
    for (size_t index = 0; index < sections_of_kind[pool].size(); ++index) {
      weights.push_back(0.4 + 1.2 * random.Uniform());
      total += weights.back();
    }
    const double beds = demand[pool] / spec.load;
    for (size_t index = 0; index < sections_of_kind[pool].size(); ++index) {
      const auto [shelter_idx, section_idx] = sections_of_kind[pool][index];
      problem.shelters[shelter_idx].sections[section_idx].free_beds =
          static_cast<int>(std::lround(beds * weights[index] / total));
    }
  }
  return problem;
}

}  // namespace acogida::allocate
