// JSON codec of the bed board; see bed_json.h.
#include "http/bed_json.h"

namespace acogida::http {
namespace {

constexpr size_t kMaxItems = 500;

std::string Indexed(const char* list, size_t idx) { return std::string(list) + "[" + std::to_string(idx) + "]"; }

StatusOr<int> ReadCount(const Json& object, const char* key, const std::string& path, int max) {
  ASSIGN_OR_RETURN(int64_t value, ReadInt(object, key, path, Presence::kOptional));
  if (value < 0 || value > max) return InvalidArgument(path, "must be 0 to " + std::to_string(max));
  return static_cast<int>(value);
}

StatusOr<const Json*> ReadList(const Json& body, const char* key) {
  auto found = body.find(key);
  if (found == body.end() || !found->is_array()) return InvalidArgument(key, "must be a list");
  if (found->size() > kMaxItems) return InvalidArgument(key, "must have at most 500 entries");
  return &*found;
}

}  // namespace

Json StayToJson(const Stay& stay) {
  return Json{{"id", stay.id},
              {"person_id", stay.person_id},
              {"site_id", stay.site_id},
              {"section_id", stay.section_id},
              {"checked_in_at", stay.checked_in_at},
              {"checked_in_by", stay.checked_in_by},
              {"expected_checkout", stay.expected_checkout},
              {"checked_out_at", stay.checked_out_at},
              {"closed_reason", StayCloseName(stay.closed)},
              {"version", stay.version}};
}

Json HoldToJson(const BedHold& hold) {
  return Json{{"id", hold.id},
              {"site_id", hold.site_id},
              {"section_id", hold.section_id},
              {"beds", hold.beds},
              {"label", hold.label},
              {"created_at", hold.created_at},
              {"created_by", hold.created_by},
              {"expires_at", hold.expires_at},
              {"released_at", hold.released_at},
              {"released_reason", HoldReleaseName(hold.released)}};
}

Json OccupancyToJson(const Occupancy& occupancy, const std::string& updated_at) {
  return Json{{"beds", occupancy.beds},
              {"occupied", occupancy.occupied},
              {"held", occupancy.held},
              {"free", std::max(0, occupancy.free())},
              {"updated_at", updated_at}};
}

Json BoardToJson(const BedBoard& board) {
  Json sections = Json::array();
  for (const SectionBoard& section : board.sections) {
    Json out = OccupancyToJson(section.occupancy, section.updated_at);
    out["id"] = section.section.id;
    out["name"] = section.section.name;
    out["kind"] = SectionKindName(section.section.kind);
    out["accessible"] = section.section.accessible;
    out["stays"] = Json::array();
    for (const StayOnBoard& stay : section.stays) {
      Json one = StayToJson(stay.stay);
      one["full_name"] = stay.full_name;
      one["overdue"] = stay.overdue;
      out["stays"].push_back(std::move(one));
    }
    out["holds"] = Json::array();
    for (const BedHold& hold : section.holds) out["holds"].push_back(HoldToJson(hold));
    sections.push_back(std::move(out));
  }
  return Json{{"site_id", board.site.id}, {"site_name", board.site.name}, {"city", board.site.city},
              {"today", board.today}, {"sections", std::move(sections)}};
}

Json NetworkToJson(const std::vector<SiteCapacity>& network) {
  Json items = Json::array();
  for (const SiteCapacity& site : network) {
    Json sections = Json::array();
    Occupancy total;
    std::string updated;
    for (const SectionCapacity& section : site.sections) {
      Json out = OccupancyToJson(section.occupancy, section.updated_at);
      out["id"] = section.section.id;
      out["name"] = section.section.name;
      out["kind"] = SectionKindName(section.section.kind);
      sections.push_back(std::move(out));
      total.beds += section.occupancy.beds;
      total.occupied += section.occupancy.occupied;
      total.held += section.occupancy.held;
      updated = std::max(updated, section.updated_at);
    }
    Json out = OccupancyToJson(total, updated);
    out["site_id"] = site.site.id;
    out["site_name"] = site.site.name;
    out["kind"] = SiteKindName(site.site.kind);
    out["city"] = site.site.city;
    out["sections"] = std::move(sections);
    items.push_back(std::move(out));
  }
  return Json{{"items", std::move(items)}};
}

Json ProposalToJson(const PlacementProposal& proposal) {
  Json groups = Json::array();
  for (const ProposedGroup& group : proposal.groups) {
    groups.push_back(Json{{"group_id", group.group_id},
                          {"label", group.label},
                          {"people", group.people},
                          {"site_id", group.site_id},
                          {"site_name", group.site_name},
                          {"section_id", group.section_id},
                          {"section_name", group.section_name},
                          {"travel_km", group.travel_km},
                          {"outcome", group.outcome},
                          {"reason", group.reason}});
  }
  return Json{{"method", proposal.method},
              {"groups", std::move(groups)},
              {"placed_people", proposal.placed_people},
              {"unplaced_people", proposal.unplaced_people},
              {"cost", proposal.cost},
              {"lower_bound", proposal.lower_bound}};
}

Json PublicCapacityToJson(const std::vector<PublicCapacity>& capacity) {
  Json items = Json::array();
  for (const PublicCapacity& one : capacity) {
    items.push_back(Json{
        {"id", "acogida-section-" + std::to_string(one.section.id)},
        {"service_id", "acogida-site-" + std::to_string(one.site.id)},
        {"unit", Json{{"id", "bed"}, {"name", "bed"}, {"scheme", "acogida"}, {"identifier", "bed"}}},
        {"available", one.available},
        {"maximum", one.maximum},
        {"description", one.site.name + ", " + one.site.city + ": " + one.section.name + " (" +
                            std::string(SectionKindName(one.section.kind)) + ")"},
        {"updated", one.updated}});
  }
  return Json{{"service_capacity", std::move(items)}};
}

StatusOr<CheckInRequest> CheckInFromJson(const Json& body) {
  CheckInRequest request;
  ASSIGN_OR_RETURN(request.person_id, ReadInt(body, "person_id", "person_id", Presence::kRequired));
  ASSIGN_OR_RETURN(request.section_id, ReadInt(body, "section_id", "section_id", Presence::kRequired));
  ASSIGN_OR_RETURN(request.expected_checkout,
                   ReadString(body, "expected_checkout", "expected_checkout", Presence::kRequired));
  ASSIGN_OR_RETURN(request.hold_id, ReadInt(body, "hold_id", "hold_id", Presence::kOptional));
  return request;
}

StatusOr<HoldRequest> HoldFromJson(const Json& body) {
  HoldRequest request;
  ASSIGN_OR_RETURN(request.section_id, ReadInt(body, "section_id", "section_id", Presence::kRequired));
  ASSIGN_OR_RETURN(request.beds, ReadCount(body, "beds", "beds", kMaxHoldBeds));
  ASSIGN_OR_RETURN(request.label, ReadString(body, "label", "label", Presence::kRequired));
  ASSIGN_OR_RETURN(request.hours, ReadCount(body, "hours", "hours", kMaxHoldHours));
  if (!body.contains("hours")) request.hours = kDefaultHoldHours;
  return request;
}

StatusOr<PlacementRequest> PlacementRequestFromJson(const Json& body) {
  PlacementRequest request;
  ASSIGN_OR_RETURN(request.arrival_site_id,
                   ReadInt(body, "arrival_site_id", "arrival_site_id", Presence::kRequired));
  ASSIGN_OR_RETURN(const Json* groups, ReadList(body, "groups"));
  for (size_t idx = 0; idx < groups->size(); ++idx) {
    const Json& item = (*groups)[idx];
    const std::string path = Indexed("groups", idx);
    if (!item.is_object()) return InvalidArgument(path, "must be an object");
    PlacementGroup group;
    ASSIGN_OR_RETURN(group.id, ReadString(item, "id", JoinPath(path, "id"), Presence::kOptional));
    if (group.id.empty()) group.id = std::to_string(idx + 1);
    ASSIGN_OR_RETURN(group.label, ReadString(item, "label", JoinPath(path, "label"), Presence::kOptional));
    if (group.label.size() > 120) return InvalidArgument(JoinPath(path, "label"), "must be at most 120 characters");
    allocate::Composition& who = group.composition;
    ASSIGN_OR_RETURN(who.adult_men, ReadCount(item, "adult_men", JoinPath(path, "adult_men"), 30));
    ASSIGN_OR_RETURN(who.adult_women, ReadCount(item, "adult_women", JoinPath(path, "adult_women"), 30));
    ASSIGN_OR_RETURN(who.children, ReadCount(item, "children", JoinPath(path, "children"), 30));
    ASSIGN_OR_RETURN(who.unaccompanied_minors,
                     ReadCount(item, "unaccompanied_minors", JoinPath(path, "unaccompanied_minors"), 30));
    ASSIGN_OR_RETURN(std::vector<std::string> needs, ReadStrings(item, "needs", JoinPath(path, "needs"),
                                                                 Presence::kOptional));
    for (const std::string& need : needs) {
      if (need == "wheelchair") group.needs.wheelchair = true;
      else if (need == "medical") group.needs.medical = true;
      else if (need == "pregnancy") group.needs.pregnancy = true;
      else if (need == "lgbtq_safety") group.needs.lgbtq_safety = true;
      else return InvalidArgument(JoinPath(path, "needs"), "must list only wheelchair, medical, pregnancy or lgbtq_safety");
    }
    ASSIGN_OR_RETURN(group.needs.language, ReadString(item, "language", JoinPath(path, "language"), Presence::kOptional));
    ASSIGN_OR_RETURN(group.home_state, ReadString(item, "home_state", JoinPath(path, "home_state"), Presence::kOptional));
    request.groups.push_back(std::move(group));
  }
  return request;
}

StatusOr<PlacementConfirmation> ConfirmationFromJson(const Json& body) {
  PlacementConfirmation confirmation;
  ASSIGN_OR_RETURN(confirmation.hours, ReadCount(body, "hours", "hours", kMaxHoldHours));
  if (!body.contains("hours")) confirmation.hours = kDefaultHoldHours;
  ASSIGN_OR_RETURN(const Json* items, ReadList(body, "items"));
  for (size_t idx = 0; idx < items->size(); ++idx) {
    const Json& item = (*items)[idx];
    const std::string path = Indexed("items", idx);
    if (!item.is_object()) return InvalidArgument(path, "must be an object");
    ConfirmItem one;
    ASSIGN_OR_RETURN(one.label, ReadString(item, "label", JoinPath(path, "label"), Presence::kRequired));
    ASSIGN_OR_RETURN(one.section_id, ReadInt(item, "section_id", JoinPath(path, "section_id"), Presence::kRequired));
    ASSIGN_OR_RETURN(one.beds, ReadCount(item, "beds", JoinPath(path, "beds"), kMaxHoldBeds));
    confirmation.items.push_back(std::move(one));
  }
  return confirmation;
}

}  // namespace acogida::http
