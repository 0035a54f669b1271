// Legal aid across cases: the lawyer directory, the appointments calendar, the coordinators'
// overdue list and counts-only reports.
#include <algorithm>
#include <map>

#include "core/reception.h"
#include "service/audit.h"
#include "service/legal_access.h"
#include "service/legal_service.h"

namespace acogida {

using legal_access::Require;

namespace {

constexpr int kAllCases = 1000000;

Status CheckLawyerAccount(Tx& tx, const Lawyer& lawyer) {
  if (lawyer.user_id == 0) return OkStatus();
  auto user = tx.GetUser(lawyer.user_id);
  if (!user.ok() || user->role != Role::kLawyer) {
    return InvalidArgument("user_id", "must be the account of a user with the lawyer role");
  }
  return OkStatus();
}

}  // namespace

StatusOr<std::vector<LawyerLoad>> LegalService::Lawyers(const Actor& actor) {
  RETURN_IF_ERROR(Require(actor, Permission::kWorkLegalCases, "read the lawyer directory"));
  std::vector<LawyerLoad> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, tx.ListLawyers());
    return OkStatus();
  }));
  return out;
}

StatusOr<Lawyer> LegalService::CreateLawyer(const Actor& actor, Lawyer lawyer) {
  RETURN_IF_ERROR(Require(actor, Permission::kAssignLegalCases, "edit the lawyer directory"));
  RETURN_IF_ERROR(ValidateLawyer(lawyer));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckLawyerAccount(tx, lawyer));
    Status inserted = tx.InsertLawyer(lawyer);
    if (inserted.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists, "that account is another lawyer's already", "user_id");
    }
    RETURN_IF_ERROR(inserted);
    return AppendAuditRow(tx, actor, audit_action::kCreate, "lawyer", lawyer.id, {"name"});
  }));
  return lawyer;
}

StatusOr<Lawyer> LegalService::UpdateLawyer(const Actor& actor, Lawyer lawyer) {
  RETURN_IF_ERROR(Require(actor, Permission::kAssignLegalCases, "edit the lawyer directory"));
  RETURN_IF_ERROR(ValidateLawyer(lawyer));
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckLawyerAccount(tx, lawyer));
    Status updated = tx.UpdateLawyer(lawyer);
    if (updated.code() == StatusCode::kAlreadyExists) {
      return Status(StatusCode::kAlreadyExists, "that account is another lawyer's already", "user_id");
    }
    RETURN_IF_ERROR(updated);
    return AppendAuditRow(tx, actor, audit_action::kUpdate, "lawyer", lawyer.id, {});
  }));
  return lawyer;
}

StatusOr<std::vector<LegalAppointment>> LegalService::Calendar(const Actor& actor,
                                                               const LegalAppointmentFilter& requested) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalCases, "read legal appointments"));
  for (const std::string* bound : {&requested.from_utc, &requested.to_utc}) {
    if (!bound->empty()) RETURN_IF_ERROR(ParseUtc(*bound, bound == &requested.from_utc ? "from" : "to").status());
  }
  LegalAppointmentFilter filter = requested;
  filter.case_id = 0;
  std::vector<LegalAppointment> out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    if (actor.user.role == Role::kLawyer) {
      if (filter.site_id != 0) {
        return Status(StatusCode::kPermissionDenied, "lawyers see their own calendar, not a site's");
      }
      ASSIGN_OR_RETURN(int64_t own, legal_access::LawyerIdOf(tx, actor));
      if (own == 0 || (filter.lawyer_id != 0 && filter.lawyer_id != own)) return OkStatus();
      filter.lawyer_id = own;
    } else if (!WorksAtAllSites(actor.user.role)) {
      if (filter.site_id == 0) return InvalidArgument("site_id", "give one of your sites");
      if (!actor.CoversSite(filter.site_id)) {
        return Status(StatusCode::kPermissionDenied, "you do not work at site " + std::to_string(filter.site_id));
      }
    }
    ASSIGN_OR_RETURN(out, tx.ListLegalAppointments(filter));
    std::vector<std::string> fields;
    for (const LegalAppointment& appointment : out) fields.push_back("case:" + std::to_string(appointment.case_id));
    return AppendAuditRow(tx, actor, audit_action::kSearch, "legal_appointment", 0, std::move(fields));
  }));
  return out;
}

StatusOr<OverdueList> LegalService::Overdue(const Actor& actor) {
  RETURN_IF_ERROR(Require(actor, Permission::kAssignLegalCases, "see the overdue list"));
  const UtcTime now = clock_();
  // Every zone's local date is within a day of UTC's: a week and two days covers "due soon".
  const std::string horizon = FormatUtcDate(now + std::chrono::days(9));
  OverdueList out;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    out = {};
    ASSIGN_OR_RETURN(std::vector<LegalDeadline> deadlines, tx.ListLegalDeadlines({0, true, horizon}));
    legal_access::Names names(tx);
    std::vector<std::string> shown;
    for (LegalDeadline& deadline : deadlines) {
      ASSIGN_OR_RETURN(LegalCase legal_case, tx.GetLegalCase(deadline.case_id));
      if (legal_case.status == CaseStatus::kClosed) continue;
      ASSIGN_OR_RETURN(Site site, names.SiteOf(legal_case.site_id));
      DeadlineView view;
      view.reminder = DeadlineReminder(deadline, now, *legal_access::ZoneOf(site));
      if (view.reminder == Reminder::kNone) continue;
      view.deadline = std::move(deadline);
      view.case_id = legal_case.id;
      view.case_type = legal_case.type;
      view.person_id = legal_case.person_id;
      ASSIGN_OR_RETURN(view.full_name, names.Person(legal_case.person_id));
      ASSIGN_OR_RETURN(view.lawyer_name, names.Lawyer(legal_case.lawyer_id));
      view.site_name = site.name;
      view.timezone = site.timezone;
      shown.push_back("person:" + std::to_string(legal_case.person_id));
      (view.reminder == Reminder::kOverdue ? out.overdue : out.due_soon).push_back(std::move(view));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "legal_deadline", 0, std::move(shown));
  }));
  return out;
}

StatusOr<LegalReport> LegalService::Report(const Actor& actor) {
  RETURN_IF_ERROR(Require(actor, Permission::kReadLegalReports, "read legal-aid reports"));
  const UtcTime now = clock_();
  LegalReport report;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    report = {};
    ASSIGN_OR_RETURN(std::vector<LawyerLoad> lawyers, tx.ListLawyers());
    LegalCaseFilter all;
    all.limit = kAllCases;
    ASSIGN_OR_RETURN(std::vector<LegalCase> cases, tx.ListLegalCases(all));
    std::map<int64_t, LegalReport::Caseload> caseload;
    for (const LawyerLoad& load : lawyers) {
      caseload[load.lawyer.id] = {load.lawyer.id, load.lawyer.name, load.lawyer.organisation, 0, 0,
                                  load.lawyer.capacity};
    }
    std::map<std::pair<CaseType, std::string>, int> by_type;
    std::map<int64_t, const LegalCase*> case_of;
    for (const LegalCase& legal_case : cases) {
      case_of[legal_case.id] = &legal_case;
      const bool closed = legal_case.status == CaseStatus::kClosed;
      by_type[{legal_case.type, closed ? std::string(CaseOutcomeName(legal_case.outcome)) : "open"}] += 1;
      auto lawyer = caseload.find(legal_case.lawyer_id);
      if (lawyer != caseload.end()) (closed ? lawyer->second.closed_cases : lawyer->second.open_cases) += 1;
    }
    for (auto& [id, load] : caseload) report.caseload.push_back(load);
    for (auto& [key, count] : by_type) report.by_type_and_outcome.push_back({key.first, key.second, count});
    ASSIGN_OR_RETURN(std::vector<LegalDeadline> deadlines, tx.ListLegalDeadlines({}));
    legal_access::Names names(tx);
    for (const LegalDeadline& deadline : deadlines) {
      auto legal_case = case_of.find(deadline.case_id);
      if (legal_case == case_of.end()) continue;
      ASSIGN_OR_RETURN(Site site, names.SiteOf(legal_case->second->site_id));
      auto zone = legal_access::ZoneOf(site);
      if (!deadline.met_at.empty()) {
        (MetOnTime(deadline, *zone) ? report.deadlines_met_on_time : report.deadlines_met_late) += 1;
      } else if (DeadlineReminder(deadline, now, *zone) == Reminder::kOverdue) {
        report.deadlines_missed += 1;
      } else {
        report.deadlines_pending += 1;
      }
    }
    return OkStatus();
  }));
  // Analysts (who do not read persons) get small cells hidden, as on the dashboard.
  if (!actor.Can(Permission::kReadPersons)) {
    auto hide = [](int& count) {
      if (IsSuppressed(count)) count = static_cast<int>(kSuppressed);
    };
    for (LegalReport::Caseload& load : report.caseload) {
      hide(load.open_cases);
      hide(load.closed_cases);
    }
    for (LegalReport::TypeOutcome& row : report.by_type_and_outcome) hide(row.cases);
    hide(report.deadlines_met_on_time);
    hide(report.deadlines_met_late);
    hide(report.deadlines_missed);
    hide(report.deadlines_pending);
  }
  return report;
}

}  // namespace acogida
