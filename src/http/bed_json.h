// JSON codec of the bed board: boards, network capacity, stays, holds, placement requests
// and proposals, and the Open Referral HSDS service_capacity records published to the public.
#pragma once

#include "http/json_fields.h"
#include "service/bed_service.h"

namespace acogida::http {

Json StayToJson(const Stay& stay);
Json HoldToJson(const BedHold& hold);
Json OccupancyToJson(const Occupancy& occupancy, const std::string& updated_at);
Json BoardToJson(const BedBoard& board);
Json NetworkToJson(const std::vector<SiteCapacity>& network);
Json ProposalToJson(const PlacementProposal& proposal);
Json PublicCapacityToJson(const std::vector<PublicCapacity>& capacity);

StatusOr<CheckInRequest> CheckInFromJson(const Json& body);
StatusOr<HoldRequest> HoldFromJson(const Json& body);
StatusOr<PlacementRequest> PlacementRequestFromJson(const Json& body);
StatusOr<PlacementConfirmation> ConfirmationFromJson(const Json& body);

}  // namespace acogida::http
