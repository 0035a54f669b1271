// Fifo: a queue of person indices (a stage's or a bus stop's line) in a power-of-two ring
// that doubles when full and never shrinks, so once a run has reached its longest line,
// pushing and popping allocate nothing. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace acogida::simulate {

class Fifo {
 public:
  Fifo() : ring_(16) {}
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void Push(uint32_t person) {
    if (size_ == ring_.size()) Grow();
    ring_[(head_ + size_) & (ring_.size() - 1)] = person;
    ++size_;
  }
  uint32_t Pop() {
    const uint32_t person = ring_[head_];
    head_ = (head_ + 1) & (ring_.size() - 1);
    --size_;
    return person;
  }

 private:
  void Grow() {
    std::vector<uint32_t> bigger(ring_.size() * 2);
    for (size_t index = 0; index < size_; ++index) bigger[index] = ring_[(head_ + index) & (ring_.size() - 1)];
    ring_.swap(bigger);
    head_ = 0;
  }
  std::vector<uint32_t> ring_;
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace acogida::simulate
