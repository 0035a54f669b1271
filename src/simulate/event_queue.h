// The simulator's future-event list: typed events (a kind and the index of what it concerns,
// no callbacks, no allocation per event) in a binary min-heap over one vector that keeps
// its capacity between events. Ties in time are broken by insertion order, so a run is a
// function of its seed alone. Not thread-safe: one queue per replication.
#pragma once

#include <cstdint>
#include <vector>

namespace acogida::simulate {

enum class EventKind : uint8_t {
  kDayStart,      // target: unused. Draws the day's buses and flights; closes the previous day.
  kBatchArrival,  // target: port index; payload: people in the bus or flight
  kServiceEnd,    // target: person index (finishes their current stage)
  kCheckouts,     // target: day. Everyone whose last night was the night before leaves their bed.
  kBusDeparture,  // target: city index
};

struct Event {
  double time = 0;      // minutes from the start of day 0
  uint64_t order = 0;   // insertion order (high 56 bits) and kind (low 8 bits)
  uint32_t target = 0;
  uint32_t payload = 0;

  EventKind kind() const { return static_cast<EventKind>(order & 0xFF); }
};

class EventQueue {
 public:
  explicit EventQueue(size_t capacity = 1024) { heap_.reserve(capacity); }

  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  const Event& top() const { return heap_.front(); }

  void Push(double time, EventKind kind, uint32_t target, uint32_t payload = 0) {
    heap_.push_back(Event{time, (next_order_++ << 8) | static_cast<uint64_t>(kind), target, payload});
    SiftUp(heap_.size() - 1);
  }

  // Removes and returns the earliest event. Requires !empty().
  Event Pop() {
    Event first = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) SiftDown(last);
    return first;
  }

 private:
  static bool Before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
  }

  void SiftUp(size_t index) {
    const Event moving = heap_[index];
    while (index > 0) {
      const size_t parent = (index - 1) / 2;
      if (!Before(moving, heap_[parent])) break;
      heap_[index] = heap_[parent];
      index = parent;
    }
    heap_[index] = moving;
  }

  // Places `moving` (the former last element) from the root down, filling the hole at the top.
  void SiftDown(const Event& moving) {
    const size_t count = heap_.size();
    size_t index = 0;
    while (true) {
      size_t child = 2 * index + 1;
      if (child >= count) break;
      if (child + 1 < count && Before(heap_[child + 1], heap_[child])) ++child;
      if (!Before(heap_[child], moving)) break;
      heap_[index] = heap_[child];
      index = child;
    }
    heap_[index] = moving;
  }

  std::vector<Event> heap_;
  uint64_t next_order_ = 0;
};

}  // namespace acogida::simulate
