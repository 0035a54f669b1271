// The client's address behind trusted reverse proxies (nginx). Pure functions, no httplib.
//
// A request's client is its TCP peer, unless the peer is one of the configured trusted proxies
// (`acogida serve --trusted-proxy ADDR`, exact addresses or CIDR ranges) and the request carries
// X-Forwarded-For: then the client is the right-most address of that header that is not itself
// a trusted proxy. Each proxy appends the address it received the request from, so the entries
// right of the first untrusted one were written by our proxies; everything left of it is what
// the client chose to send. From an untrusted peer the header is ignored entirely. A missing or
// malformed header (no parseable address where one is needed) gives the peer.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace acogida::http {

// An IPv4 or IPv6 address in binary form. IPv4-mapped IPv6 (::ffff:a.b.c.d) is taken as IPv4.
struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 uses the first 4

  // "203.0.113.5", "2001:db8::1"; also "[2001:db8::1]", "[2001:db8::1]:443", "203.0.113.5:80"
  // (some proxies add the port). Surrounding blanks are ignored. nullopt if it is not one.
  static std::optional<IpAddress> Parse(std::string_view text);
  // Canonical text: "203.0.113.5", "2001:db8::1".
  std::string ToString() const;
};

class TrustedProxies {
 public:
  TrustedProxies() = default;  // none: every client is its TCP peer

  // Each spec: an address ("127.0.0.1", "::1") or a CIDR range ("10.0.0.0/24", "fd00::/8").
  // InvalidArgument("trusted-proxy") naming the first that is neither.
  static StatusOr<TrustedProxies> Parse(const std::vector<std::string>& specs);

  bool empty() const { return ranges_.empty(); }
  bool Contains(const IpAddress& address) const;
  bool Contains(std::string_view address) const;  // false for text that is no address

  // The client address of a request from `peer` with X-Forwarded-For `forwarded_for` ("" when
  // absent; several headers joined with ","), as described at the top of this file.
  std::string ClientOf(const std::string& peer, std::string_view forwarded_for) const;

 private:
  struct Range {
    IpAddress base;
    int prefix_bits = 0;
  };
  std::vector<Range> ranges_;
};

// TrustedProxies::Parse(trusted) then ClientOf(peer, forwarded_for); entries of `trusted`
// that are not addresses or ranges are skipped.
std::string ClientAddress(const std::string& peer, const std::string& forwarded_for,
                          const std::vector<std::string>& trusted);

}  // namespace acogida::http
