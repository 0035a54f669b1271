// The bed board (issue #5):
//   GET    /api/v1/sites/{id}/board           a shelter's live board: sections, stays, holds
//   GET    /api/v1/capacity                   free beds per section of every site (counts only)
//   POST   /api/v1/stays                      check a person in (optionally from a hold)
//   PUT    /api/v1/stays/{id}                 change the expected check-out (with version)
//   POST   /api/v1/stays/{id}/checkout        check out
//   POST   /api/v1/holds                      hold beds for a group in transit
//   DELETE /api/v1/holds/{id}                 release a hold
//   POST   /api/v1/placements                 propose beds for an arriving batch (writes nothing)
//   POST   /api/v1/placements/confirm         hold the proposed beds, all or none
//   GET    /public/v1/service_capacity        HSDS service_capacity of sites that publish it
#include "http/api.h"
#include "http/bed_json.h"

namespace acogida::http {
namespace {

StatusOr<BedService*> Beds(BedService* beds) {
  if (beds == nullptr) return Unavailable("the bed board is not running on this server");
  return beds;
}

}  // namespace

void AddBedRoutes(Router& router, const Services& services) {
  BedService* beds = services.beds;

  router.Add(Method::kGet, "/api/v1/sites/{id}/board", Needs::Role(Permission::kManageBeds, SiteScope::kActAtSite),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(int64_t site_id, PathId(call, 1));
    ASSIGN_OR_RETURN(BedBoard board, service->Board(call.actor(), site_id));
    return Reply{200, BoardToJson(board)};
  });

  router.Add(Method::kGet, "/api/v1/capacity", Needs::AnySession(), [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(std::vector<SiteCapacity> network, service->Network(call.actor()));
    return Reply{200, NetworkToJson(network)};
  });

  router.Add(Method::kPost, "/api/v1/stays", Needs::Role(Permission::kManageBeds, SiteScope::kActAtSite),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(CheckInRequest request, CheckInFromJson(body));
    ASSIGN_OR_RETURN(Stay stay, service->CheckIn(call.actor(), request));
    return Reply{201, StayToJson(stay)};
  });

  router.Add(Method::kPut, "/api/v1/stays/{id}", Needs::Role(Permission::kManageBeds, SiteScope::kPersonRecord),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(int64_t stay_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(std::string expected,
                     ReadString(body, "expected_checkout", "expected_checkout", Presence::kRequired));
    ASSIGN_OR_RETURN(int64_t version, ReadInt(body, "version", "version", Presence::kRequired));
    ASSIGN_OR_RETURN(Stay stay, service->ExtendStay(call.actor(), stay_id, expected, version));
    return Reply{200, StayToJson(stay)};
  });

  router.Add(Method::kPost, "/api/v1/stays/{id}/checkout",
             Needs::Role(Permission::kManageBeds, SiteScope::kPersonRecord), [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(int64_t stay_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Stay stay, service->CheckOut(call.actor(), stay_id));
    return Reply{200, StayToJson(stay)};
  });

  router.Add(Method::kPost, "/api/v1/holds", Needs::Role(Permission::kManageBeds, SiteScope::kActAtSite),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(HoldRequest request, HoldFromJson(body));
    ASSIGN_OR_RETURN(BedHold hold, service->Hold(call.actor(), request));
    return Reply{201, HoldToJson(hold)};
  });

  router.Add(Method::kDelete, "/api/v1/holds/{id}", Needs::Role(Permission::kManageBeds, SiteScope::kActAtSite),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(int64_t hold_id, PathId(call, 1));
    ASSIGN_OR_RETURN(BedHold hold, service->ReleaseHold(call.actor(), hold_id));
    return Reply{200, HoldToJson(hold)};
  });

  router.Add(Method::kPost, "/api/v1/placements", Needs::Role(Permission::kPlaceGroups),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(PlacementRequest request, PlacementRequestFromJson(body));
    ASSIGN_OR_RETURN(PlacementProposal proposal, service->Propose(call.actor(), request));
    return Reply{200, ProposalToJson(proposal)};
  });

  router.Add(Method::kPost, "/api/v1/placements/confirm", Needs::Role(Permission::kPlaceGroups),
             [beds](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    ASSIGN_OR_RETURN(PlacementConfirmation confirmation, ConfirmationFromJson(body));
    ASSIGN_OR_RETURN(std::vector<BedHold> holds, service->Confirm(call.actor(), confirmation));
    Json items = Json::array();
    for (const BedHold& hold : holds) items.push_back(HoldToJson(hold));
    return Reply{201, Json{{"holds", std::move(items)}}};
  });

  router.Add(Method::kGet, "/public/v1/service_capacity", Needs::Public(), [beds](const Call&) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(BedService * service, Beds(beds));
    ASSIGN_OR_RETURN(std::vector<PublicCapacity> capacity, service->PublishedCapacity());
    return Reply{200, PublicCapacityToJson(capacity), {{"Cache-Control", "public, max-age=60"}}};
  });
}

}  // namespace acogida::http
