// Name, nickname, state and language tables. Weights are rough relative frequencies in
// Mexico (surnames per thousand people, given names per thousand of one sex), skewed to
// adults born 1960–2005; they are for synthetic data, not statistics.
#include "synth/name_tables.h"

#include "synth/latin_text.h"

namespace acogida::synth {
namespace {

constexpr WeightedName kSurnames[] = {
    {"Hernández", 44},  {"García", 32},     {"Martínez", 29},  {"López", 27},      {"González", 26},
    {"Pérez", 20},      {"Rodríguez", 19},  {"Sánchez", 18},   {"Ramírez", 16},    {"Cruz", 11},
    {"Flores", 10},     {"Gómez", 10},      {"Morales", 8},    {"Vázquez", 8},     {"Reyes", 7.5},
    {"Jiménez", 7},     {"Torres", 7},      {"Díaz", 6.5},     {"Gutiérrez", 6.5}, {"Ruiz", 6},
    {"Mendoza", 6},     {"Aguilar", 6},     {"Ortiz", 5.5},    {"Moreno", 5.5},    {"Castillo", 5.5},
    {"Romero", 5},      {"Álvarez", 5},     {"Méndez", 5},     {"Chávez", 5},      {"Rivera", 4.5},
    {"Juárez", 4.5},    {"Ramos", 4.5},     {"Domínguez", 4.5}, {"Herrera", 4.5},  {"Medina", 4.5},
    {"Castro", 4},      {"Vargas", 4},      {"Guzmán", 4},     {"Velázquez", 4},   {"Muñoz", 3.5},
    {"Rojas", 3.5},     {"de la Cruz", 3.5}, {"Contreras", 3.5}, {"Salazar", 3.5}, {"Luna", 3.5},
    {"Ortega", 3.5},    {"Santiago", 3.5},  {"Guerrero", 3.5}, {"Estrada", 3},     {"Bautista", 3},
    {"Cortés", 3},      {"Soto", 3},        {"Alvarado", 3},   {"Espinoza", 3},    {"Lara", 3},
    {"Ávila", 3},       {"Ríos", 3},        {"Cervantes", 2.5}, {"Silva", 2.5},    {"Delgado", 2.5},
    {"Vega", 2.5},      {"Márquez", 2.5},   {"Sandoval", 2.5}, {"Fernández", 2.5}, {"León", 2.5},
    {"Carrillo", 2.5},  {"Mejía", 2.5},     {"Solís", 2.5},    {"Núñez", 2.5},     {"Rosas", 2.5},
    {"Valdez", 2.5},    {"Ibarra", 2.2},    {"Campos", 2.2},   {"Santos", 2.2},    {"Camacho", 2.2},
    {"Navarro", 2.2},   {"Peña", 2.2},      {"Maldonado", 2.2}, {"Rosales", 2.2},  {"Acosta", 2},
    {"Miranda", 2},     {"Trejo", 2},       {"Cabrera", 2},    {"Valencia", 2},    {"Nava", 2},
    {"Castañeda", 2},   {"Pacheco", 2},     {"Robles", 2},     {"Molina", 2},      {"Rangel", 2},
    {"Huerta", 2},      {"Velasco", 2},     {"Zúñiga", 1.5},   {"Ochoa", 1.5},     {"Villanueva", 1.5},
    {"Cisneros", 1.5},  {"Padilla", 1.5},   {"Ayala", 1.5},    {"Salinas", 1.5},   {"Aguirre", 1.5},
    {"Orozco", 1.5},    {"Hidalgo", 1.2},   {"Zavala", 1.2},   {"Beltrán", 1.2},   {"Yáñez", 1},
    {"Villalobos", 1},  {"Bravo", 1},       {"Del Ángel", 1},  {"Cázares", 0.8},   {"Llamas", 0.5},
    {"Xolalpa", 0.3},   {"Argüello", 0.3},  {"Güereca", 0.3},
};

constexpr WeightedName kMaleGivenNames[] = {
    {"José", 30},        {"Juan", 26},          {"José Luis", 22},    {"Jesús", 18},       {"Miguel Ángel", 16},
    {"Francisco", 16},   {"Antonio", 14},       {"Juan Carlos", 13},  {"Alejandro", 13},   {"Luis", 12},
    {"Jorge", 12},       {"Pedro", 11},         {"Manuel", 11},       {"Ricardo", 10},     {"Roberto", 10},
    {"Eduardo", 10},     {"Fernando", 10},      {"Javier", 10},       {"Sergio", 9},       {"Carlos", 9},
    {"Daniel", 9},       {"Martín", 9},         {"Rafael", 8},        {"Raúl", 8},         {"Arturo", 8},
    {"Enrique", 8},      {"Alberto", 8},        {"Ignacio", 6},       {"Guillermo", 6},    {"José María", 5},
    {"José Antonio", 7}, {"Juan Manuel", 6},    {"Mario", 7},         {"Héctor", 7},       {"Víctor", 7},
    {"Óscar", 6},        {"Rubén", 6},          {"Gerardo", 6},       {"Salvador", 5},     {"Ramón", 5},
    {"Andrés", 5},       {"Marco Antonio", 5},  {"Jaime", 4},         {"Hugo", 4},         {"Gustavo", 4},
    {"Alfredo", 4},      {"Armando", 4},        {"Joel", 3},          {"Ángel", 4},        {"Omar", 4},
    {"Iván", 3},         {"Cristian", 3},       {"Édgar", 3},         {"Efraín", 2},       {"Gilberto", 2},
    {"Alfonso", 3},      {"Gonzalo", 2},        {"Vicente", 2},       {"Gregorio", 2},     {"Ernesto", 3},
    {"Lorenzo", 2},      {"Xavier", 1},         {"Brayan", 2},        {"Kevin", 2},        {"Santiago", 2},
    {"Diego", 3},        {"Emiliano", 1},       {"Guadalupe", 1},     {"Refugio", 1},      {"Nicolás", 1},
};

constexpr WeightedName kFemaleGivenNames[] = {
    {"María Guadalupe", 22}, {"Guadalupe", 14},      {"María", 14},         {"Juana", 10},       {"Margarita", 9},
    {"Verónica", 9},         {"María de Jesús", 7},  {"Ma. del Carmen", 6}, {"María del Carmen", 6},
    {"Rosa María", 7},       {"Leticia", 8},         {"Patricia", 9},       {"Alejandra", 8},    {"Elizabeth", 8},
    {"Gabriela", 8},         {"Adriana", 7},         {"Silvia", 7},         {"Martha", 6},       {"Yolanda", 5},
    {"Araceli", 5},          {"Claudia", 6},         {"Mercedes", 3},       {"Concepción", 3},   {"Rosario", 3},
    {"Lorenza", 1},          {"Ximena", 2},          {"Jimena", 2},         {"Yesenia", 3},      {"Esmeralda", 3},
    {"Brenda", 3},           {"Karla", 3},           {"Daniela", 4},        {"Fernanda", 3},     {"Valeria", 3},
    {"Mariana", 3},          {"Sofía", 3},           {"Lucía", 3},          {"Ana María", 5},    {"Ana", 4},
    {"Laura", 5},            {"Teresa", 5},          {"Alicia", 4},         {"Beatriz", 4},      {"Isabel", 3},
    {"Dolores", 2},          {"Socorro", 2},         {"Francisca", 2},      {"Josefa", 1},       {"Consuelo", 2},
    {"Refugio", 1},          {"Verónica Yazmín", 1}, {"Xóchitl", 1},        {"Yazmín", 2},       {"Carolina", 3},
    {"Lourdes", 3},          {"Norma", 4},           {"Rocío", 3},          {"Maribel", 3},      {"Luz María", 3},
};

// Common Mexican hipocorísticos. Keep `name` spelled exactly as in the given-name tables.
constexpr Nickname kNicknames[] = {
    {"Pepe", "José"},          {"Chepe", "José"},          {"Lupe", "Guadalupe"},    {"Lupita", "Guadalupe"},
    {"Chuy", "Jesús"},         {"Chucho", "Jesús"},        {"Pancho", "Francisco"},  {"Paco", "Francisco"},
    {"Pancha", "Francisca"},   {"Nacho", "Ignacio"},       {"Memo", "Guillermo"},    {"Beto", "Alberto"},
    {"Beto", "Roberto"},       {"Beto", "Gilberto"},       {"Lalo", "Eduardo"},      {"Chema", "José María"},
    {"Toño", "Antonio"},       {"Kike", "Enrique"},        {"Quique", "Enrique"},    {"Rafa", "Rafael"},
    {"Lencha", "Lorenza"},     {"Lencho", "Lorenzo"},      {"Concha", "Concepción"}, {"Conchita", "Concepción"},
    {"Meche", "Mercedes"},     {"Chayo", "Rosario"},       {"Paty", "Patricia"},     {"Lety", "Leticia"},
    {"Chelo", "Consuelo"},     {"Lola", "Dolores"},        {"Loli", "Dolores"},      {"Chabela", "Isabel"},
    {"Tere", "Teresa"},        {"Licha", "Alicia"},        {"Coco", "Socorro"},      {"Pepa", "Josefa"},
    {"Goyo", "Gregorio"},      {"Chente", "Vicente"},      {"Chalo", "Gonzalo"},     {"Cuco", "Refugio"},
    {"Cuca", "Refugio"},       {"Poncho", "Alfonso"},      {"Nando", "Fernando"},    {"Chava", "Salvador"},
    {"Tavo", "Gustavo"},       {"Neto", "Ernesto"},        {"Checo", "Sergio"},      {"Manolo", "Manuel"},
    {"Alex", "Alejandro"},     {"Ale", "Alejandra"},       {"Gaby", "Gabriela"},     {"Vero", "Verónica"},
    {"Caro", "Carolina"},      {"Yola", "Yolanda"},        {"Magos", "Margarita"},   {"Mago", "Margarita"},
    {"Lulú", "Lourdes"},       {"Mari", "María"},          {"Juancho", "Juan"},      {"Güicho", "Luis"},
    {"Chela", "Graciela"},     {"Nico", "Nicolás"},        {"Moncho", "Ramón"},      {"Javi", "Javier"},
};

constexpr WeightedState kBirthStates[] = {
    {"01", 0.7, 11},  {"02", 1.5, 7},   {"03", 0.2, 5},   {"04", 0.3, 13},  {"05", 1.0, 38},  {"06", 0.5, 10},
    {"07", 5.0, 124}, {"08", 2.0, 67},  {"09", 2.0, 16},  {"10", 1.5, 39},  {"11", 8.0, 46},  {"12", 9.0, 85},
    {"13", 3.0, 84},  {"14", 6.0, 125}, {"15", 5.0, 125}, {"16", 11.0, 113}, {"17", 2.0, 36}, {"18", 1.5, 20},
    {"19", 1.0, 51},  {"20", 8.0, 570}, {"21", 6.0, 217}, {"22", 1.5, 18},  {"23", 0.3, 11},  {"24", 3.0, 58},
    {"25", 2.0, 20},  {"26", 2.0, 72},  {"27", 1.0, 17},  {"28", 2.0, 43},  {"29", 1.0, 60},  {"30", 5.0, 212},
    {"31", 0.5, 106}, {"32", 2.5, 58},
};

constexpr IndigenousLanguage kIndigenousLanguages[] = {
    {"nah", "náhuatl", 30, "12 13 21 30 24 15"},
    {"mix", "mixteco", 20, "20 12 21"},
    {"zap", "zapoteco", 18, "20"},
    {"tzo", "tsotsil", 10, "07"},
    {"tzh", "tseltal", 10, "07"},
    {"yua", "maya", 8, "31 23 04"},
    {"oto", "otomí", 6, "13 15 22"},
    {"tsz", "purépecha", 6, "16"},
};

// Compared after upper-casing, removing accents and dropping dots ("Ma." → "MA").
constexpr std::string_view kSkippedFirstGivenNames[] = {"MARIA", "MA", "M", "JOSE", "J"};

}  // namespace

std::span<const WeightedName> Surnames() { return kSurnames; }

std::span<const WeightedName> GivenNames(Sex sex) {
  if (sex == Sex::kFemale) return kFemaleGivenNames;
  return kMaleGivenNames;
}

std::span<const Nickname> Nicknames() { return kNicknames; }

std::vector<Nickname> NicknamesOf(std::string_view name) {
  std::vector<Nickname> found;
  for (const Nickname& row : kNicknames) {
    if (row.name == name) found.push_back(row);
  }
  return found;
}

std::vector<Nickname> NamesForNickname(std::string_view nickname) {
  std::vector<Nickname> found;
  for (const Nickname& row : kNicknames) {
    if (row.nickname == nickname) found.push_back(row);
  }
  return found;
}

std::span<const WeightedState> BirthStates() { return kBirthStates; }

const WeightedState* BirthStateByCode(std::string_view inegi_code) {
  for (const WeightedState& state : kBirthStates) {
    if (state.inegi_code == inegi_code) return &state;
  }
  return nullptr;
}

std::span<const IndigenousLanguage> IndigenousLanguages() { return kIndigenousLanguages; }

bool IsSkippedFirstGivenName(std::string_view word) {
  std::string folded;
  for (char letter : ToUpperText(StripAccents(word))) {
    if (letter != '.') folded += letter;
  }
  for (std::string_view skipped : kSkippedFirstGivenNames) {
    if (folded == skipped) return true;
  }
  return false;
}

}  // namespace acogida::synth
