// TZif parsing and offset lookups.
#include "core/zone_rules.h"

#include <algorithm>

namespace acogida {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool Has(size_t bytes) const { return pos_ + bytes <= data_.size(); }
  void Skip(size_t bytes) { pos_ += bytes; }
  int64_t Signed(size_t bytes) {
    uint64_t value = 0;
    for (size_t idx = 0; idx < bytes; ++idx) value = (value << 8) | static_cast<uint8_t>(data_[pos_ + idx]);
    pos_ += bytes;
    if (bytes < 8 && (value >> (bytes * 8 - 1)) & 1) value |= ~uint64_t{0} << (bytes * 8);  // sign-extend
    return static_cast<int64_t>(value);
  }
  uint8_t Byte() { return static_cast<uint8_t>(data_[pos_++]); }
  std::string_view Peek(size_t bytes) const { return data_.substr(pos_, bytes); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

struct Counts {
  int64_t isut, isstd, leap, time, type, chars;
  size_t BlockSize(size_t time_bytes) const {
    return static_cast<size_t>(time * time_bytes + time + type * 6 + chars + leap * (time_bytes + 4) + isstd + isut);
  }
};

bool ReadHeader(Reader& reader, char* version, Counts* counts) {
  if (!reader.Has(44) || reader.Peek(4) != "TZif") return false;
  reader.Skip(4);
  *version = static_cast<char>(reader.Byte());
  reader.Skip(15);
  counts->isut = reader.Signed(4);
  counts->isstd = reader.Signed(4);
  counts->leap = reader.Signed(4);
  counts->time = reader.Signed(4);
  counts->type = reader.Signed(4);
  counts->chars = reader.Signed(4);
  return counts->isut >= 0 && counts->isstd >= 0 && counts->leap >= 0 && counts->time >= 0 && counts->type > 0 &&
         counts->type < 256 && counts->chars >= 0;
}

}  // namespace

StatusOr<ZoneRules> ZoneRules::Parse(std::string_view tzif) {
  const Status malformed = InvalidArgument("timezone", "time-zone data is malformed");
  Reader reader(tzif);
  char version = 0;
  Counts counts{};
  if (!ReadHeader(reader, &version, &counts)) return malformed;
  size_t time_bytes = 4;
  if (version >= '2') {  // skip the 32-bit block; use the 64-bit one that follows
    if (!reader.Has(counts.BlockSize(4))) return malformed;
    reader.Skip(counts.BlockSize(4));
    if (!ReadHeader(reader, &version, &counts)) return malformed;
    time_bytes = 8;
  }
  if (!reader.Has(counts.BlockSize(time_bytes))) return malformed;
  ZoneRules rules;
  for (int64_t idx = 0; idx < counts.time; ++idx) rules.transitions_.push_back(reader.Signed(time_bytes));
  std::vector<uint8_t> type_of_transition;
  for (int64_t idx = 0; idx < counts.time; ++idx) type_of_transition.push_back(reader.Byte());
  std::vector<int32_t> type_offsets;
  for (int64_t idx = 0; idx < counts.type; ++idx) {
    type_offsets.push_back(static_cast<int32_t>(reader.Signed(4)));
    reader.Skip(2);  // is_dst, abbreviation index
  }
  for (uint8_t type : type_of_transition) {
    if (type >= type_offsets.size()) return malformed;
    rules.offset_after_.push_back(type_offsets[type]);
  }
  if (!std::is_sorted(rules.transitions_.begin(), rules.transitions_.end())) return malformed;
  rules.initial_offset_ = type_offsets[0];
  return rules;
}

ZoneRules ZoneRules::Fixed(std::chrono::seconds offset) {
  ZoneRules rules;
  rules.initial_offset_ = static_cast<int32_t>(offset.count());
  return rules;
}

std::chrono::seconds ZoneRules::OffsetAt(UtcTime time) const {
  const int64_t seconds = time.time_since_epoch().count();
  auto after = std::upper_bound(transitions_.begin(), transitions_.end(), seconds);
  if (after == transitions_.begin()) return std::chrono::seconds(initial_offset_);
  return std::chrono::seconds(offset_after_[static_cast<size_t>(after - transitions_.begin() - 1)]);
}

UtcTime ZoneRules::LocalToUtc(std::chrono::sys_seconds local) const {
  // Two candidate offsets: the one in force a day earlier and a day later. The earlier
  // candidate that round-trips wins; in a gap (no such local time) use the earlier offset.
  const auto day = std::chrono::hours(24);
  for (std::chrono::seconds offset : {OffsetAt(local - day), OffsetAt(local + day)}) {
    UtcTime candidate = local - offset;
    if (OffsetAt(candidate) == offset) return candidate;
  }
  return local - OffsetAt(local - day);
}

std::pair<UtcTime, UtcTime> ZoneRules::DayBounds(std::chrono::sys_days date) const {
  return {LocalToUtc(std::chrono::sys_seconds(date)), LocalToUtc(std::chrono::sys_seconds(date + std::chrono::days(1)))};
}

std::chrono::sys_days ZoneRules::LocalDate(UtcTime time) const {
  return std::chrono::floor<std::chrono::days>(time + OffsetAt(time));
}

}  // namespace acogida
