// RunReplication: the event loop. People are pooled structs addressed by index; stage and
// bus queues are ring buffers of indices; events carry an index, not a callback. After the
// pools and queues have grown to the run's peak, no event allocates.
//
// A person's path: handed over at a port in a bus or flight → each stage of that port that
// applies to them, in order (FIFO queue, `staff` servers) → if they entered the centre and
// stay at least one night: a bed (their city's shelters in order, then the overflow cities),
// or none → after their last night, or at once, a bus home from the city they are in if they
// need one, or they leave.
#include <algorithm>
#include <cmath>

#include "simulate/event_queue.h"
#include "simulate/fifo.h"
#include "simulate/histogram.h"
#include "simulate/replication.h"
#include "simulate/rng.h"

namespace acogida::simulate {
namespace {

constexpr int32_t kNoSection = -1;
enum Category : uint8_t { kMan, kWoman, kMinor };

struct Person {
  double mark = 0;  // when they joined their current stage or bus queue
  int32_t section = kNoSection;
  uint16_t port = 0;
  uint16_t nights = 0;
  uint8_t stage_pos = 0;  // next stage instance to consider, relative to the port's first
  uint8_t needs = 0;      // NeedBit
  uint8_t category = kMan;
  bool lgbtq = false;
};

struct StageState {
  Fifo queue;
  int busy = 0;
  double last_change = 0;
  double queue_area = 0;  // ∫ queue length dt
  double busy_area = 0;   // ∫ busy staff dt
  double sojourn_sum = 0;
  WaitHistogram waits;
};

struct BusState {
  Fifo queue;
  WaitHistogram waits;  // minutes
};

class Replication {
 public:
  Replication(const Model& model, uint64_t seed)
      : model_(model), scenario_(*model.scenario), rng_(seed), stages_(model.stage_instances.size()),
        buses_(scenario_.cities.size()) {
    const size_t days = model.days;
    const size_t stage_count = model.stage_instances.size();
    const size_t section_count = model.sections.size();
    result_.stages.resize(stage_count);
    result_.sections.resize(section_count);
    result_.buses.resize(buses_.size());
    result_.cities.resize(buses_.size());
    result_.daily_arrivals.assign(days, 0);
    result_.daily_without_bed.assign(days, 0);
    result_.daily_occupancy.assign(days * section_count, 0);
    result_.daily_stage_arrivals.assign(days * stage_count, 0);
    result_.daily_served.assign(days * stage_count, 0);
    result_.daily_wait_seconds.assign(days * stage_count, 0);
    occupied_.assign(section_count, 0);
    free_by_kind_.assign(scenario_.cities.size() * kSectionKinds, 0);
    for (const SectionRef& section : model.sections) free_by_kind_[FreeIndex(section.city, section.kind)] += section.beds;
    nightly_sum_.assign(section_count, 0);
    persons_.reserve(4096);
    checkouts_.resize(days);
  }

  ReplicationResult Run() {
    events_.Push(0, EventKind::kDayStart, 0);
    while (!events_.empty()) {
      const Event event = events_.Pop();
      ++result_.events;
      now_ = event.time;
      if (event.kind() == EventKind::kDayStart) {
        if (event.target > 0) CloseDay(event.target - 1);
        if (static_cast<int>(event.target) == model_.days) break;
        OpenDay(event.target);
        continue;
      }
      switch (event.kind()) {
        case EventKind::kBatchArrival: ArriveBatch(event.target, event.payload); break;
        case EventKind::kServiceEnd: EndService(event.target); break;
        case EventKind::kCheckouts: Checkouts(event.target); break;
        case EventKind::kBusDeparture: DepartBus(event.target); break;
        case EventKind::kDayStart: break;
      }
    }
    Finish();
    return std::move(result_);
  }

 private:
  int Day() const { return std::min(model_.days - 1, static_cast<int>(now_ / kMinutesPerDay)); }
  static size_t FreeIndex(int city, SectionKind kind) { return city * kSectionKinds + static_cast<int>(kind); }

  // Draws the day's buses and flights at every port and schedules the day's checkouts and
  // buses home.
  void OpenDay(int day) {
    const double day_start = day * kMinutesPerDay;
    events_.Push(day_start + kMinutesPerDay, EventKind::kDayStart, day + 1);
    events_.Push(day_start + scenario_.checkout_hour * 60, EventKind::kCheckouts, day);
    for (size_t port_idx = 0; port_idx < scenario_.ports.size(); ++port_idx) {
      const Port& port = scenario_.ports[port_idx];
      const double mean_batch = (port.batch.min + port.batch.max) / 2.0;
      const int64_t batches = rng_.Poisson(model_.port_rate[port_idx][day] / mean_batch);
      for (int64_t batch = 0; batch < batches; ++batch) {
        const int people = rng_.UniformInt(port.batch.min, port.batch.max);
        events_.Push(day_start + TimeOfDay(port_idx), EventKind::kBatchArrival, port_idx, people);
      }
    }
    for (size_t city = 0; city < scenario_.cities.size(); ++city) {
      for (double hour : scenario_.cities[city].buses.departure_hours) {
        events_.Push(day_start + hour * 60, EventKind::kBusDeparture, city);
      }
    }
  }

  // Minutes after midnight of an arrival at `port_idx`, within its hour windows.
  double TimeOfDay(size_t port_idx) {
    const std::vector<double>& cumulative = model_.port_windows[port_idx];
    if (cumulative.empty()) return rng_.Uniform() * kMinutesPerDay;
    const double pick = rng_.Uniform() * cumulative.back();
    const size_t window = std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin();
    const HourWindow& hours = scenario_.ports[port_idx].hours[std::min(window, cumulative.size() - 1)];
    return (hours.from_hour + rng_.Uniform() * (hours.to_hour - hours.from_hour)) * 60;
  }

  // Beds taken at midnight at the end of `day`.
  void CloseDay(int day) {
    const size_t sections = occupied_.size();
    for (size_t section = 0; section < sections; ++section) {
      result_.daily_occupancy[day * sections + section] = occupied_[section];
      nightly_sum_[section] += occupied_[section];
      if (occupied_[section] >= model_.sections[section].beds && model_.sections[section].beds > 0) {
        ++result_.sections[section].nights_full;
      }
    }
  }

  uint32_t NewPerson() {
    if (!free_persons_.empty()) {
      const uint32_t index = free_persons_.back();
      free_persons_.pop_back();
      return index;
    }
    persons_.emplace_back();
    return persons_.size() - 1;
  }

  void ArriveBatch(uint32_t port_idx, uint32_t people) {
    const People& shares = scenario_.people;
    const int day = Day();
    for (uint32_t member = 0; member < people; ++member) {
      const uint32_t index = NewPerson();
      Person& person = persons_[index];
      person = Person{};
      person.port = port_idx;
      const double kind = rng_.Uniform();
      person.category = kind < shares.men ? kMan : kind < shares.men + shares.women ? kWoman : kMinor;
      person.lgbtq = person.category != kMinor && shares.lgbtq > 0 && rng_.Bernoulli(shares.lgbtq);
      if (rng_.Bernoulli(shares.enters_centre)) {
        ++result_.entrants;
        uint8_t needs = kEntrant;
        if (rng_.Bernoulli(shares.documents)) needs |= kDocuments;
        if (rng_.Bernoulli(shares.imss)) needs |= kImss;
        if (rng_.Bernoulli(shares.medical)) needs |= kMedical;
        if (rng_.Bernoulli(shares.psychological)) needs |= kPsychological;
        if (rng_.Bernoulli(shares.transport_home)) needs |= kTransportHome;
        if (rng_.Bernoulli(shares.legal_aid)) needs |= kLegalAid;
        person.needs = needs;
        person.nights = DrawNights(person);
      }
      ++result_.arrivals;
      ++result_.daily_arrivals[day];
      Advance(index);
    }
  }

  // The section kinds a person may sleep in, most suitable first; returns how many.
  int Preferences(const Person& person, SectionKind* kinds) const {
    int count = 0;
    if (person.needs & kMedical) kinds[count++] = SectionKind::kMedical;
    if (person.lgbtq) kinds[count++] = SectionKind::kLgbtq;
    switch (person.category) {
      case kMan: kinds[count++] = SectionKind::kMen; break;
      case kWoman:
        kinds[count++] = SectionKind::kWomen;
        kinds[count++] = SectionKind::kFamilies;
        break;
      case kMinor:
        kinds[count++] = SectionKind::kMinors;
        kinds[count++] = SectionKind::kFamilies;
        break;
    }
    return count;
  }

  uint16_t DrawNights(const Person& person) {
    SectionKind kinds[4];
    Preferences(person, kinds);
    const int first = static_cast<int>(kinds[0]);
    const Stay& stay = scenario_.stays.has_kind[first] ? scenario_.stays.by_kind[first] : scenario_.stays.default_stay;
    if (rng_.Bernoulli(stay.zero_night_share)) return 0;
    // 1 + Geometric(p) has mean 1 + (1 - p) / p = 1 / p.
    const int nights = 1 + rng_.Geometric(1 / stay.mean_nights_if_staying);
    return static_cast<uint16_t>(std::min(nights, 65000));
  }

  // Sends a person to their next applicable stage, or on past the stages.
  void Advance(uint32_t index) {
    Person& person = persons_[index];
    const int first = model_.port_first_stage[person.port];
    const int end = model_.port_first_stage[person.port + 1];
    for (int instance = first + person.stage_pos; instance < end; ++instance) {
      const uint8_t mask = model_.stage_instances[instance].need_mask;
      if (mask != 0 && !(person.needs & mask)) continue;
      person.stage_pos = instance - first;
      EnterStage(instance, index);
      return;
    }
    AfterStages(index);
  }

  void Account(StageState& state) {
    state.queue_area += state.queue.size() * (now_ - state.last_change);
    state.busy_area += state.busy * (now_ - state.last_change);
    state.last_change = now_;
  }

  void EnterStage(int instance, uint32_t index) {
    StageState& state = stages_[instance];
    Account(state);
    ++result_.stages[instance].arrivals;
    ++result_.daily_stage_arrivals[Day() * model_.stage_instances.size() + instance];
    persons_[index].mark = now_;
    if (state.busy < model_.stage_instances[instance].staff) {
      ++state.busy;
      StartService(instance, index);
    } else {
      state.queue.Push(index);
      result_.stages[instance].max_queue =
          std::max<int64_t>(result_.stages[instance].max_queue, state.queue.size());
    }
  }

  void StartService(int instance, uint32_t index) {
    const double wait = now_ - persons_[index].mark;
    stages_[instance].waits.Add(wait);
    const size_t cell = Day() * model_.stage_instances.size() + instance;
    ++result_.daily_served[cell];
    result_.daily_wait_seconds[cell] += std::llround(wait * 60);
    events_.Push(now_ + ServiceTime(model_.stage_instances[instance]), EventKind::kServiceEnd, index);
  }

  double ServiceTime(const StageInstance& instance) {
    const Distribution& d = instance.service;
    switch (d.kind) {
      case DistributionKind::kExponential: return rng_.Exponential(d.mean);
      case DistributionKind::kConstant: return d.mean;
      case DistributionKind::kUniform: return d.min + rng_.Uniform() * (d.max - d.min);
      case DistributionKind::kLognormal: return std::exp(instance.log_mean + instance.log_sigma * rng_.Normal());
    }
    return d.mean;
  }

  void EndService(uint32_t index) {
    Person& person = persons_[index];
    const int instance = model_.port_first_stage[person.port] + person.stage_pos;
    StageState& state = stages_[instance];
    Account(state);
    ++result_.stages[instance].completed;
    state.sojourn_sum += now_ - person.mark;
    if (!state.queue.empty()) {
      StartService(instance, state.queue.Pop());  // the server moves to the next person
    } else {
      --state.busy;
    }
    ++person.stage_pos;
    Advance(index);
  }

  void AfterStages(uint32_t index) {
    Person& person = persons_[index];
    const int port_city = model_.port_city[person.port];
    if ((person.needs & kEntrant) && person.nights > 0) {
      ++result_.needed_bed;
      CityStats& city_stats = result_.cities[port_city];
      ++city_stats.needed_bed;
      const int32_t section = FindBed(person, port_city);
      if (section != kNoSection) {
        TakeBed(index, section);
        if (model_.sections[section].city == port_city) {
          ++city_stats.placed_in_city;
        } else {
          ++city_stats.placed_elsewhere;
        }
        return;
      }
      ++result_.without_bed;
      ++city_stats.without_bed;
      ++result_.daily_without_bed[Day()];
    }
    HeadHome(index, port_city);
  }

  // The first free bed: the port's city's shelters in order (each in the person's order of
  // section kinds), then the overflow cities'. kNoSection when none is free.
  int32_t FindBed(const Person& person, int port_city) const {
    SectionKind kinds[4];
    const int kind_count = Preferences(person, kinds);
    for (int city : model_.bed_cities[port_city]) {
      int free = 0;
      for (int kind = 0; kind < kind_count; ++kind) free += free_by_kind_[FreeIndex(city, kinds[kind])];
      if (free == 0) continue;
      for (const ShelterRange& shelter : model_.city_shelters[city]) {
        for (int kind = 0; kind < kind_count; ++kind) {
          for (int section = shelter.first; section < shelter.first + shelter.count; ++section) {
            if (model_.sections[section].kind == kinds[kind] && occupied_[section] < model_.sections[section].beds) {
              return section;
            }
          }
        }
      }
    }
    return kNoSection;
  }

  void TakeBed(uint32_t index, int32_t section) {
    const SectionRef& ref = model_.sections[section];
    ++occupied_[section];
    --free_by_kind_[FreeIndex(ref.city, ref.kind)];
    result_.sections[section].peak = std::max(result_.sections[section].peak, occupied_[section]);
    Person& person = persons_[index];
    person.section = section;
    // They leave at the checkout hour after their last night; beyond the horizon, never.
    const int64_t day = static_cast<int64_t>(now_ / kMinutesPerDay) + person.nights;
    if (day < model_.days) checkouts_[day].push_back(index);
  }

  // Everyone leaving a bed this morning, in the order they took it.
  void Checkouts(uint32_t day) {
    std::vector<uint32_t> leaving;
    leaving.swap(checkouts_[day]);
    for (uint32_t index : leaving) {
      Person& person = persons_[index];
      const SectionRef& ref = model_.sections[person.section];
      --occupied_[person.section];
      ++free_by_kind_[FreeIndex(ref.city, ref.kind)];
      person.section = kNoSection;
      HeadHome(index, ref.city);
    }
  }

  // A bus home from `city` if they need one and it has buses; otherwise they leave.
  void HeadHome(uint32_t index, int city) {
    Person& person = persons_[index];
    if ((person.needs & kTransportHome) && !scenario_.cities[city].buses.departure_hours.empty()) {
      person.mark = now_;
      buses_[city].queue.Push(index);
      return;
    }
    Leave(index);
  }

  void DepartBus(uint32_t city) {
    BusState& bus = buses_[city];
    for (int seat = 0; seat < scenario_.cities[city].buses.seats && !bus.queue.empty(); ++seat) {
      const uint32_t index = bus.queue.Pop();
      bus.waits.Add(now_ - persons_[index].mark);
      ++result_.buses[city].riders;
      Leave(index);
    }
  }

  void Leave(uint32_t index) {
    ++result_.departed;
    free_persons_.push_back(index);
  }

  void Finish() {
    now_ = model_.horizon_minutes;
    const double horizon = model_.horizon_minutes;
    for (size_t instance = 0; instance < stages_.size(); ++instance) {
      StageState& state = stages_[instance];
      Account(state);
      StageStats& stats = result_.stages[instance];
      stats.served = state.waits.count();
      stats.mean_wait = state.waits.Mean();
      stats.p95_wait = state.waits.Quantile(0.95);
      stats.mean_sojourn = stats.completed ? state.sojourn_sum / stats.completed : 0;
      stats.mean_queue = state.queue_area / horizon;
      stats.mean_in_system = (state.queue_area + state.busy_area) / horizon;
      stats.utilisation = state.busy_area / (horizon * model_.stage_instances[instance].staff);
      stats.waiting_at_end = state.queue.size();
      result_.in_stages_at_end += state.queue.size() + state.busy;
    }
    for (size_t section = 0; section < occupied_.size(); ++section) {
      result_.sections[section].mean_nightly = nightly_sum_[section] / static_cast<double>(model_.days);
      result_.in_beds_at_end += occupied_[section];
    }
    for (size_t city = 0; city < buses_.size(); ++city) {
      BusStats& stats = result_.buses[city];
      stats.mean_wait = buses_[city].waits.Mean() / 60;
      stats.p95_wait = buses_[city].waits.Quantile(0.95) / 60;
      stats.waiting_at_end = buses_[city].queue.size();
      result_.waiting_bus_at_end += buses_[city].queue.size();
    }
    result_.in_system_at_end = result_.in_stages_at_end + result_.in_beds_at_end + result_.waiting_bus_at_end;
  }

  const Model& model_;
  const Scenario& scenario_;
  Rng rng_;
  EventQueue events_;
  double now_ = 0;
  std::vector<Person> persons_;
  std::vector<uint32_t> free_persons_;
  std::vector<StageState> stages_;
  std::vector<BusState> buses_;
  std::vector<int> occupied_;       // per section
  std::vector<int> free_by_kind_;   // [city × kind]: free beds
  std::vector<double> nightly_sum_; // per section
  // [day]: who leaves their bed that morning. A calendar rather than one event each: stays
  // are whole nights, so checkouts fall at one time a day, and the heap stays small.
  std::vector<std::vector<uint32_t>> checkouts_;
  ReplicationResult result_;
};

}  // namespace

ReplicationResult RunReplication(const Model& model, uint64_t seed) { return Replication(model, seed).Run(); }

}  // namespace acogida::simulate
