// X-Forwarded-For from trusted proxies: see client_address.h.
#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace acogida::http {
namespace {

constexpr size_t kMaxAddressText = 64;  // longer than any address with brackets and a port

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool IsPort(std::string_view text) {
  if (text.empty() || text.size() > 5) return false;
  return std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// A bare address only: "203.0.113.5", "2001:db8::1", "::ffff:203.0.113.5" (taken as IPv4).
std::optional<IpAddress> ParsePlain(std::string_view text) {
  if (text.empty() || text.size() > kMaxAddressText) return std::nullopt;
  const std::string nul_terminated(text);
  IpAddress address;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, nul_terminated.c_str(), &v6) == 1) {
    static constexpr uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(v6.s6_addr, kMappedPrefix, sizeof kMappedPrefix) == 0) {
      std::memcpy(address.bytes.data(), v6.s6_addr + 12, 4);
    } else {
      address.v6 = true;
      std::memcpy(address.bytes.data(), v6.s6_addr, 16);
    }
    return address;
  }
  in_addr v4{};
  if (::inet_pton(AF_INET, nul_terminated.c_str(), &v4) == 1) {
    std::memcpy(address.bytes.data(), &v4.s_addr, 4);
    return address;
  }
  return std::nullopt;
}

// True if the first `bits` bits of `a` and `b` are equal (same family).
bool SamePrefix(const IpAddress& a, const IpAddress& b, int bits) {
  if (a.v6 != b.v6) return false;
  const int full = bits / 8;
  if (std::memcmp(a.bytes.data(), b.bytes.data(), static_cast<size_t>(full)) != 0) return false;
  const int rest = bits % 8;
  if (rest == 0) return true;
  const uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (a.bytes[full] & mask) == (b.bytes[full] & mask);
}

}  // namespace

std::optional<IpAddress> IpAddress::Parse(std::string_view text) {
  text = Trim(text);
  if (text.size() > kMaxAddressText) return std::nullopt;
  if (!text.empty() && text.front() == '[') {  // "[v6]" or "[v6]:port"
    const size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view after = text.substr(close + 1);
    if (!after.empty() && !(after.front() == ':' && IsPort(after.substr(1)))) return std::nullopt;
    std::optional<IpAddress> inner = ParsePlain(text.substr(1, close - 1));
    if (!inner || !inner->v6) return std::nullopt;
    return inner;
  }
  if (std::optional<IpAddress> plain = ParsePlain(text)) return plain;
  // "a.b.c.d:port"
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos ||
      !IsPort(text.substr(colon + 1))) {
    return std::nullopt;
  }
  std::optional<IpAddress> v4 = ParsePlain(text.substr(0, colon));
  if (!v4 || v4->v6) return std::nullopt;
  return v4;
}

std::string IpAddress::ToString() const {
  char text[INET6_ADDRSTRLEN] = {};
  if (!::inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), text, sizeof text)) return {};
  return text;
}

StatusOr<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& specs) {
  TrustedProxies out;
  for (const std::string& spec : specs) {
    const std::string_view text = Trim(spec);
    const size_t slash = text.find('/');
    const std::string_view address_text = text.substr(0, slash);
    std::optional<IpAddress> base = ParsePlain(address_text);
    const Status bad = InvalidArgument("trusted-proxy", "'" + spec +
                                                            "' is not an IP address (127.0.0.1, ::1) or a CIDR "
                                                            "range (10.0.0.0/24, fd00::/8)");
    if (!base) return bad;
    const int max_bits = base->v6 ? 128 : 32;
    int bits = max_bits;
    if (slash != std::string_view::npos) {
      const std::string_view bits_text = text.substr(slash + 1);
      auto [end, error] = std::from_chars(bits_text.data(), bits_text.data() + bits_text.size(), bits);
      if (bits_text.empty() || error != std::errc() || end != bits_text.data() + bits_text.size()) return bad;
      // "::ffff:10.0.0.0/104" is the IPv4 range 10.0.0.0/8.
      const bool mapped = !base->v6 && address_text.find(':') != std::string_view::npos;
      if (mapped) bits -= 96;
      if (bits < 0 || bits > max_bits) return bad;
    }
    out.ranges_.push_back(Range{*base, bits});
  }
  return out;
}

bool TrustedProxies::Contains(const IpAddress& address) const {
  return std::any_of(ranges_.begin(), ranges_.end(),
                     [&](const Range& range) { return SamePrefix(range.base, address, range.prefix_bits); });
}

bool TrustedProxies::Contains(std::string_view address) const {
  std::optional<IpAddress> parsed = IpAddress::Parse(address);
  return parsed && Contains(*parsed);
}

std::string TrustedProxies::ClientOf(const std::string& peer, std::string_view forwarded_for) const {
  if (ranges_.empty() || Trim(forwarded_for).empty() || !Contains(peer)) return peer;
  std::optional<IpAddress> leftmost_trusted;
  size_t end = forwarded_for.size();
  while (true) {
    const size_t comma = end == 0 ? std::string_view::npos : forwarded_for.rfind(',', end - 1);
    const size_t start = comma == std::string_view::npos ? 0 : comma + 1;
    const std::string_view entry = Trim(forwarded_for.substr(start, end - start));
    if (!entry.empty()) {  // "a, , b" and a trailing comma: skip the empty entries
      std::optional<IpAddress> address = IpAddress::Parse(entry);
      if (!address) return peer;  // garbage where an address was needed: trust none of it
      if (!Contains(*address)) return address->ToString();
      leftmost_trusted = address;
    }
    if (comma == std::string_view::npos) break;
    end = comma;
  }
  // Every entry is one of our proxies: the farthest one is the best we know.
  return leftmost_trusted ? leftmost_trusted->ToString() : peer;
}

std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted) {
  std::vector<std::string> valid;
  for (const std::string& spec : trusted) {
    if (TrustedProxies::Parse({spec}).ok()) valid.push_back(spec);
  }
  StatusOr<TrustedProxies> proxies = TrustedProxies::Parse(valid);
  if (!proxies.ok()) return peer;
  return proxies->ClientOf(peer, forwarded_for);
}

}  // namespace acogida::http
