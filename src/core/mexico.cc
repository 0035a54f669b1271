// The table of Mexico's 32 federal entities: INEGI code, CURP abbreviation (RENAPO) and
// official short name. Static constant data; thread-safe.
#include "core/mexico.h"

#include <iterator>

namespace acogida {
namespace {

// Ordered by INEGI code, so that entry idx has code idx + 1. The CURP abbreviations do
// not follow the names' initials everywhere (CL Coahuila, CM Colima, CS Chiapas,
// DF Ciudad de México, MC México, MN Michoacán, MS Morelos, NT Nayarit).
constexpr MexicanState kStates[] = {
    {"01", "AS", "Aguascalientes"},
    {"02", "BC", "Baja California"},
    {"03", "BS", "Baja California Sur"},
    {"04", "CC", "Campeche"},
    {"05", "CL", "Coahuila de Zaragoza"},
    {"06", "CM", "Colima"},
    {"07", "CS", "Chiapas"},
    {"08", "CH", "Chihuahua"},
    {"09", "DF", "Ciudad de México"},
    {"10", "DG", "Durango"},
    {"11", "GT", "Guanajuato"},
    {"12", "GR", "Guerrero"},
    {"13", "HG", "Hidalgo"},
    {"14", "JC", "Jalisco"},
    {"15", "MC", "México"},
    {"16", "MN", "Michoacán de Ocampo"},
    {"17", "MS", "Morelos"},
    {"18", "NT", "Nayarit"},
    {"19", "NL", "Nuevo León"},
    {"20", "OC", "Oaxaca"},
    {"21", "PL", "Puebla"},
    {"22", "QT", "Querétaro"},
    {"23", "QR", "Quintana Roo"},
    {"24", "SP", "San Luis Potosí"},
    {"25", "SL", "Sinaloa"},
    {"26", "SR", "Sonora"},
    {"27", "TC", "Tabasco"},
    {"28", "TS", "Tamaulipas"},
    {"29", "TL", "Tlaxcala"},
    {"30", "VZ", "Veracruz de Ignacio de la Llave"},
    {"31", "YN", "Yucatán"},
    {"32", "ZS", "Zacatecas"},
};

}  // namespace

std::span<const MexicanState> MexicanStates() { return kStates; }

const MexicanState* StateByInegiCode(std::string_view inegi_code) {
  if (inegi_code.size() != 2) return nullptr;
  const char tens = inegi_code[0], units = inegi_code[1];
  if (tens < '0' || tens > '9' || units < '0' || units > '9') return nullptr;
  const int number = (tens - '0') * 10 + (units - '0');
  if (number < 1 || number > static_cast<int>(std::size(kStates))) return nullptr;
  return &kStates[number - 1];
}

const MexicanState* StateByCurpCode(std::string_view curp_code) {
  for (const MexicanState& state : kStates) {
    if (state.curp_code == curp_code) return &state;
  }
  return nullptr;
}

}  // namespace acogida
