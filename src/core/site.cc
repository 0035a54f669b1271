// Names of the Site and Section enums.
#include "core/site.h"

#include "core/enum_names.h"

namespace acogida {
namespace {

constexpr std::string_view kSiteKindNames[] = {"reception_centre", "shelter"};
constexpr std::string_view kSectionKindNames[] = {"men",   "women",  "families", "unaccompanied_minors",
                                                  "lgbtq", "medical"};

}  // namespace

std::string_view SiteKindName(SiteKind kind) { return kSiteKindNames[static_cast<int>(kind)]; }
std::optional<SiteKind> ParseSiteKind(std::string_view name) { return ParseEnumName<SiteKind>(kSiteKindNames, name); }
std::string_view SectionKindName(SectionKind kind) { return kSectionKindNames[static_cast<int>(kind)]; }
std::optional<SectionKind> ParseSectionKind(std::string_view name) {
  return ParseEnumName<SectionKind>(kSectionKindNames, name);
}

}  // namespace acogida
