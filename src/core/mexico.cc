// The table of Mexico's 32 federal entities: INEGI code, CURP abbreviation (RENAPO) and
// official short name, and where the capital is (WGS 84, two decimals). Static constant data; thread-safe.
#include "core/mexico.h"

#include <iterator>

namespace acogida {
namespace {

// Ordered by INEGI code, so that entry idx has code idx + 1. The CURP abbreviations do
// not follow the names' initials everywhere (CL Coahuila, CM Colima, CS Chiapas,
// DF Ciudad de México, MC México, MN Michoacán, MS Morelos, NT Nayarit).
constexpr MexicanState kStates[] = {
    {"01", "AS", "Aguascalientes", 21.88, -102.29},
    {"02", "BC", "Baja California", 32.62, -115.45},
    {"03", "BS", "Baja California Sur", 24.14, -110.31},
    {"04", "CC", "Campeche", 19.85, -90.53},
    {"05", "CL", "Coahuila de Zaragoza", 25.42, -101.00},
    {"06", "CM", "Colima", 19.24, -103.72},
    {"07", "CS", "Chiapas", 16.75, -93.12},
    {"08", "CH", "Chihuahua", 28.63, -106.07},
    {"09", "DF", "Ciudad de México", 19.43, -99.13},
    {"10", "DG", "Durango", 24.02, -104.66},
    {"11", "GT", "Guanajuato", 21.02, -101.26},
    {"12", "GR", "Guerrero", 17.55, -99.50},
    {"13", "HG", "Hidalgo", 20.10, -98.76},
    {"14", "JC", "Jalisco", 20.67, -103.35},
    {"15", "MC", "México", 19.29, -99.66},
    {"16", "MN", "Michoacán de Ocampo", 19.70, -101.19},
    {"17", "MS", "Morelos", 18.92, -99.23},
    {"18", "NT", "Nayarit", 21.50, -104.89},
    {"19", "NL", "Nuevo León", 25.69, -100.32},
    {"20", "OC", "Oaxaca", 17.07, -96.72},
    {"21", "PL", "Puebla", 19.04, -98.21},
    {"22", "QT", "Querétaro", 20.59, -100.39},
    {"23", "QR", "Quintana Roo", 18.50, -88.30},
    {"24", "SP", "San Luis Potosí", 22.15, -100.98},
    {"25", "SL", "Sinaloa", 24.81, -107.39},
    {"26", "SR", "Sonora", 29.07, -110.96},
    {"27", "TC", "Tabasco", 17.99, -92.93},
    {"28", "TS", "Tamaulipas", 23.74, -99.15},
    {"29", "TL", "Tlaxcala", 19.32, -98.24},
    {"30", "VZ", "Veracruz de Ignacio de la Llave", 19.54, -96.91},
    {"31", "YN", "Yucatán", 20.97, -89.62},
    {"32", "ZS", "Zacatecas", 22.77, -102.58},
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
