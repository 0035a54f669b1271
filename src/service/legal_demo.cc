// The legal-aid part of the demo data.
#include "service/legal_demo.h"

namespace acogida {
namespace {

std::string DaysFrom(const std::string& today, int days) {
  auto date = ParseDate(today, "today");
  if (!date.ok()) return today;
  return FormatUtcDate(UtcTime(*date + std::chrono::days(days)));
}

}  // namespace

StatusOr<int> AddLegalDemo(Tx& tx, const std::vector<DemoAccount>& accounts, const std::string& today) {
  int64_t lawyer_user = 0;
  for (const DemoAccount& account : accounts) {
    if (account.user.role == Role::kLawyer) lawyer_user = account.user.id;
  }
  struct Spec {
    const char* name;
    const char* organisation;
    LawyerKind kind;
    std::vector<CaseType> specialties;
    std::vector<std::string> languages;
    int capacity;
    bool linked;
  };
  const Spec specs[] = {
      {"Lic. Ana Ruiz (demo)", "Clínica Jurídica Fronteriza", LawyerKind::kNgo,
       {CaseType::kCustody, CaseType::kWagesProperty, CaseType::kVictim}, {"spa", "eng"}, 25, true},
      {"Programa de asistencia jurídica consular (demo)", "Consulado (demo)", LawyerKind::kConsulate,
       {CaseType::kConsular, CaseType::kIdentityDocuments, CaseType::kImmigration, CaseType::kCustody}, {"spa", "eng"}, 60,
       false},
      {"Lic. Tomás Hernández (demo)", "Abogados pro bono (demo)", LawyerKind::kProBono,
       {CaseType::kProtection, CaseType::kReentry, CaseType::kImmigration}, {"spa", "nah"}, 10, false},
  };
  std::vector<int64_t> lawyer_ids;
  for (const Spec& spec : specs) {
    Lawyer lawyer;
    lawyer.name = spec.name;
    lawyer.organisation = spec.organisation;
    lawyer.kind = spec.kind;
    lawyer.specialties = spec.specialties;
    lawyer.languages = spec.languages;
    lawyer.capacity = spec.capacity;
    lawyer.user_id = spec.linked ? lawyer_user : 0;
    RETURN_IF_ERROR(ValidateLawyer(lawyer));
    RETURN_IF_ERROR(tx.InsertLawyer(lawyer));
    lawyer_ids.push_back(lawyer.id);
  }

  // The first adult demo persons: a custody case (assigned, deadline in 5 days), a protection
  // case (in progress, a deadline that passed yesterday) and a wages case (new).
  ASSIGN_OR_RETURN(std::vector<LinkagePerson> persons, tx.ListPersonsAfter(0, 40));
  struct CaseSpec {
    ScreeningItem item;
    int64_t lawyer_id;
    CaseStatus status;
    int deadline_days;  // 0: none
  };
  const CaseSpec cases[] = {
      {ScreeningItem::kChildrenInUs, lawyer_ids[0], CaseStatus::kAssigned, 5},
      {ScreeningItem::kFearOfReturn, lawyer_ids[2], CaseStatus::kInProgress, -1},
      {ScreeningItem::kWagesProperty, 0, CaseStatus::kNew, 0},
  };
  int opened = 0;
  size_t person_idx = 0;
  for (const CaseSpec& spec : cases) {
    // Heads of household (the identity rows do not carry the relationship: read each person).
    const LinkagePerson* head = nullptr;
    while (head == nullptr && person_idx < persons.size()) {
      const LinkagePerson& candidate = persons[person_idx++];
      ASSIGN_OR_RETURN(Person full, tx.GetPerson(candidate.person.id));
      if (full.relationship == Relationship::kHead) head = &candidate;
    }
    if (head == nullptr) break;
    const LinkagePerson& person = *head;
    LegalScreening screening;
    screening.person_id = person.person.id;
    screening.site_id = person.site_id;
    for (ScreeningItem item : AllScreeningItems()) screening.set_answer(item, item == spec.item ? Answer::kYes : Answer::kNo);
    screening.screened_by = "demo";
    screening.version = 0;
    RETURN_IF_ERROR(tx.SaveLegalScreening(screening));
    LegalCase legal_case;
    legal_case.person_id = person.person.id;
    legal_case.site_id = person.site_id;
    legal_case.type = CaseTypeFor(spec.item);
    legal_case.screening_item = std::string(ScreeningItemName(spec.item));
    legal_case.created_by = "demo";
    RETURN_IF_ERROR(tx.InsertLegalCase(legal_case));
    if (spec.lawyer_id != 0) {
      legal_case.lawyer_id = spec.lawyer_id;
      legal_case.status = CaseStatus::kAssigned;
      RETURN_IF_ERROR(tx.UpdateLegalCase(legal_case, "demo"));
      if (spec.status != CaseStatus::kAssigned) {
        legal_case.status = spec.status;
        RETURN_IF_ERROR(tx.UpdateLegalCase(legal_case, "demo"));
      }
    }
    if (spec.deadline_days != 0) {
      LegalDeadline deadline;
      deadline.case_id = legal_case.id;
      deadline.title = spec.deadline_days < 0 ? "Presentar solicitud de protección" : "Audiencia de custodia";
      deadline.due_date = DaysFrom(today, spec.deadline_days);
      deadline.created_by = "demo";
      RETURN_IF_ERROR(tx.InsertLegalDeadline(deadline));
    }
    if (spec.lawyer_id == lawyer_ids[0]) {
      LegalNote note;
      note.case_id = legal_case.id;
      note.body = "Nota de demostración: los hijos viven con su tía en San Diego.";
      note.author = "demo";
      RETURN_IF_ERROR(tx.InsertLegalNote(note));
    }
    ++opened;
  }
  return opened;
}

}  // namespace acogida
