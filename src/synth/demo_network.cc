// DemoCities() and DemoNetwork(): the border reception network for demo data.
#include "synth/demo_network.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <utility>

#include "synth/rng.h"

namespace acogida::synth {
namespace {

// PRODUCT.md gives the top three port shares (2025); the split of the remaining land
// share among the other eight points is our assumption.
constexpr DemoCity kCities[] = {
    {"Tijuana", "02", "America/Tijuana", 32.5149, -117.0382, 2600, 8.0, true},
    {"Mexicali", "02", "America/Tijuana", 32.6245, -115.4523, 0, 4.0, true},
    {"San Luis Río Colorado", "26", "America/Hermosillo", 32.4561, -114.7719, 0, 2.0, false},
    {"Nogales", "26", "America/Hermosillo", 31.3086, -110.9422, 0, 12.9, false},
    {"Ciudad Juárez", "08", "America/Ciudad_Juarez", 31.6904, -106.4245, 2500, 13.4, true},
    {"Ojinaga", "08", "America/Ojinaga", 29.5644, -104.4164, 0, 2.0, false},
    {"Ciudad Acuña", "05", "America/Matamoros", 29.3232, -100.9522, 0, 2.6, false},
    {"Piedras Negras", "05", "America/Matamoros", 28.7000, -100.5236, 0, 4.0, false},
    {"Nuevo Laredo", "28", "America/Matamoros", 27.4763, -99.5164, 0, 5.0, true},
    {"Reynosa", "28", "America/Matamoros", 26.0508, -98.2979, 0, 5.5, true},
    {"Matamoros", "28", "America/Matamoros", 25.8690, -97.5027, 0, 20.6, true},
};

// What a shelter mainly serves, which decides its sections.
enum class Focus { kGeneral, kWomenAndFamilies, kMinors };

struct ShelterName {
  std::string_view name;
  Focus focus;
};

struct CityShelters {
  std::string_view city;
  std::array<ShelterName, 4> shelters;
};

constexpr Focus kG = Focus::kGeneral;
constexpr Focus kW = Focus::kWomenAndFamilies;
constexpr Focus kM = Focus::kMinors;

constexpr CityShelters kShelters[] = {
    {"Tijuana", {{{"Casa del Migrante en Tijuana", kG}, {"Albergue Juventud 2000", kG},
                  {"Casa Madre Assunta", kW}, {"Casa YMCA para Menores Migrantes", kM}}}},
    {"Mexicali", {{{"Albergue del Desierto", kG}, {"Hotel del Migrante", kG}, {"Centro Pastoral Mana", kG},
                   {"Casa Betania para Mujeres", kW}}}},
    {"San Luis Río Colorado", {{{"Albergue San Judas Tadeo", kG}, {"Casa del Peregrino", kG},
                                {"Albergue Nuevo Amanecer", kW}, {"Casa de Apoyo al Migrante", kG}}}},
    {"Nogales", {{{"Casa Nazareth", kW}, {"Albergue San Juan Bosco", kG}, {"Casa de la Misericordia", kG},
                  {"Albergue Camino de Esperanza", kG}}}},
    {"Ciudad Juárez", {{{"Casa del Migrante en Ciudad Juárez", kG}, {"Albergue Buen Samaritano", kG},
                        {"Albergue Pan de Vida", kW}, {"Casa Kolbe", kG}}}},
    {"Ojinaga", {{{"Albergue Santa María de Guadalupe", kG}, {"Casa Nueva Vida", kW},
                  {"Albergue Frontera Norte", kG}, {"Casa del Caminante", kG}}}},
    {"Ciudad Acuña", {{{"Casa del Migrante Emaús", kG}, {"Albergue La Posada", kG},
                       {"Casa de Apoyo San José", kW}, {"Albergue Puerta de Esperanza", kG}}}},
    {"Piedras Negras", {{{"Casa del Migrante Frontera Digna", kG}, {"Albergue Manos Unidas", kG},
                         {"Casa de Refugio Santa Ana", kW}, {"Albergue Río Bravo", kG}}}},
    {"Nuevo Laredo", {{{"Casa del Migrante Nazareth", kG}, {"Albergue Amar", kW}, {"Casa Senda Nueva", kG},
                       {"Albergue Bethel", kG}}}},
    {"Reynosa", {{{"Albergue Senda de Vida", kG}, {"Casa del Migrante Guadalupe", kG},
                  {"Casa Hogar El Buen Pastor", kM}, {"Albergue Rayo de Luz", kW}}}},
    {"Matamoros", {{{"Casa del Migrante San Juan Diego", kG}, {"Albergue Ministerios Ebenezer", kG},
                    {"Casa de Refugio La Esperanza", kW}, {"Albergue Puerta del Norte", kG}}}},
};
static_assert(std::size(kShelters) == std::size(kCities), "one row of shelter names per city, in city order");

struct SectionShare {
  SectionKind kind;
  std::string_view name;
  double weight;        // share of beds when present
  double chance;        // chance the site has this section
};

// Reception centres hold everyone for a short stay; most are men.
constexpr SectionShare kCentreSections[] = {
    {SectionKind::kMen, "Hombres", 60, 1},     {SectionKind::kWomen, "Mujeres", 12, 1},
    {SectionKind::kFamilies, "Familias", 18, 1}, {SectionKind::kUnaccompaniedMinors, "Menores no acompañados", 3, 1},
    {SectionKind::kLgbtq, "LGBTQ+", 3, 1},     {SectionKind::kMedical, "Enfermería", 4, 1},
};
constexpr SectionShare kGeneralSections[] = {
    {SectionKind::kMen, "Hombres", 58, 1},       {SectionKind::kWomen, "Mujeres", 15, 1},
    {SectionKind::kFamilies, "Familias", 20, 1},  {SectionKind::kLgbtq, "LGBTQ+", 5, 0.3},
    {SectionKind::kMedical, "Enfermería", 4, 0.4},
};
constexpr SectionShare kWomenSections[] = {
    {SectionKind::kWomen, "Mujeres", 50, 1}, {SectionKind::kFamilies, "Familias", 45, 1},
    {SectionKind::kLgbtq, "LGBTQ+", 5, 0.3},
};
constexpr SectionShare kMinorsSections[] = {
    {SectionKind::kUnaccompaniedMinors, "Menores no acompañados", 100, 1},
};

// Sections for `capacity` beds: the chosen kinds share them by jittered weight, each
// gets at least 2, and the rounding remainder goes to the first (largest) section.
std::vector<Section> MakeSections(std::span<const SectionShare> shares, int capacity, Rng& rng) {
  std::vector<Section> sections;
  std::vector<double> weights;
  for (const SectionShare& share : shares) {
    if (!rng.Chance(share.chance)) continue;
    Section section;
    section.kind = share.kind;
    section.name = std::string(share.name);
    sections.push_back(section);
    weights.push_back(share.weight * rng.Uniform(0.8, 1.2));
  }
  const double total_weight = std::accumulate(weights.begin(), weights.end(), 0.0);
  int assigned = 0;
  for (size_t section_idx = 1; section_idx < sections.size(); ++section_idx) {
    sections[section_idx].beds = std::max(2, static_cast<int>(capacity * weights[section_idx] / total_weight));
    assigned += sections[section_idx].beds;
  }
  sections[0].beds = capacity - assigned;
  return sections;
}

Site MakeSite(const DemoCity& city, std::string name, SiteKind kind, std::string operator_name, Rng& rng) {
  Site site;
  site.name = std::move(name);
  site.kind = kind;
  site.operator_name = std::move(operator_name);
  site.city = std::string(city.name);
  site.state = std::string(city.state);
  site.timezone = std::string(city.timezone);
  // Somewhere in town, within about 3 km of the centre point.
  site.latitude = city.latitude + rng.Uniform(-0.03, 0.03);
  site.longitude = city.longitude + rng.Uniform(-0.03, 0.03);
  site.demo = true;
  return site;
}

}  // namespace

std::span<const DemoCity> DemoCities() { return kCities; }

int DemoSite::Beds() const {
  int beds = 0;
  for (const Section& section : sections) beds += section.beds;
  return beds;
}

std::vector<DemoSite> DemoNetwork(uint64_t seed) {
  Rng rng(seed);
  std::vector<DemoSite> network;
  for (size_t city_idx = 0; city_idx < std::size(kCities); ++city_idx) {
    const DemoCity& city = kCities[city_idx];
    const int places = city.centre_places > 0 ? city.centre_places : 50 * rng.Uniform(30, 40);
    DemoSite centre;
    centre.site = MakeSite(city, "Centro de Atención México te abraza — " + std::string(city.name),
                           SiteKind::kReceptionCentre, "Gobierno de México", rng);
    centre.sections = MakeSections(kCentreSections, places, rng);
    network.push_back(std::move(centre));

    std::array<ShelterName, 4> names = kShelters[city_idx].shelters;
    rng.Shuffle(names);
    const int shelter_count = rng.Uniform(1, 4);
    for (int shelter_idx = 0; shelter_idx < shelter_count; ++shelter_idx) {
      const ShelterName& shelter = names[static_cast<size_t>(shelter_idx)];
      // Minors' homes are small; general shelters span the PRODUCT.md range of 80–500.
      const int capacity = shelter.focus == Focus::kMinors ? 10 * rng.Uniform(8, 15) : 10 * rng.Uniform(8, 50);
      DemoSite demo;
      demo.site = MakeSite(city, std::string(shelter.name), SiteKind::kShelter, "Sociedad civil", rng);
      switch (shelter.focus) {
        case Focus::kGeneral: demo.sections = MakeSections(kGeneralSections, capacity, rng); break;
        case Focus::kWomenAndFamilies: demo.sections = MakeSections(kWomenSections, capacity, rng); break;
        case Focus::kMinors: demo.sections = MakeSections(kMinorsSections, capacity, rng); break;
      }
      network.push_back(std::move(demo));
    }
  }
  return network;
}

}  // namespace acogida::synth
