// The client address behind trusted proxies (http/client_address.h): X-Forwarded-For is
// believed only from a trusted peer, and only up to the right-most address that is not one
// of our proxies.
#include "http/client_address.h"

#include <gtest/gtest.h>

namespace acogida::http {
namespace {

const std::vector<std::string> kNginx = {"127.0.0.1"};

TEST(ClientAddressTest, WithoutTrustedProxiesTheHeaderIsIgnored) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5", {}), "127.0.0.1");
}

TEST(ClientAddressTest, AnUntrustedPeerCannotSpoofItsAddress) {
  EXPECT_EQ(ClientAddress("198.51.100.7", "203.0.113.5", kNginx), "198.51.100.7");
  EXPECT_EQ(ClientAddress("198.51.100.7", "127.0.0.1", kNginx), "198.51.100.7");
  EXPECT_EQ(ClientAddress("198.51.100.7", "", kNginx), "198.51.100.7");
}

TEST(ClientAddressTest, ATrustedPeerGivesTheForwardedAddress) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5", kNginx), "203.0.113.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "  203.0.113.5\t", kNginx), "203.0.113.5");
}

TEST(ClientAddressTest, TheRightMostUntrustedAddressWinsNotTheLeftMost) {
  // The client sent "X-Forwarded-For: 10.9.9.9, 192.0.2.1"; nginx appended the real peer.
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.9.9.9, 192.0.2.1, 203.0.113.5", kNginx), "203.0.113.5");
  // A client pretending to be our proxy gains nothing: nginx appended its real address.
  EXPECT_EQ(ClientAddress("127.0.0.1", "127.0.0.1, 203.0.113.5", kNginx), "203.0.113.5");
}

TEST(ClientAddressTest, AChainOfTrustedProxiesIsSkipped) {
  // client → edge proxy 10.0.0.5 → nginx 10.0.0.2 → server
  const std::vector<std::string> proxies = {"10.0.0.2", "10.0.0.5"};
  EXPECT_EQ(ClientAddress("10.0.0.2", "198.51.100.1, 203.0.113.5, 10.0.0.5", proxies), "203.0.113.5");
  EXPECT_EQ(ClientAddress("10.0.0.2", "203.0.113.5,10.0.0.5", proxies), "203.0.113.5");
  // The same as a CIDR range.
  EXPECT_EQ(ClientAddress("10.0.0.2", "198.51.100.1, 203.0.113.5, 10.0.0.5", {"10.0.0.0/24"}), "203.0.113.5");
  EXPECT_EQ(ClientAddress("10.0.1.2", "203.0.113.5", {"10.0.0.0/24"}), "10.0.1.2");
  // Only proxies in the header: the farthest one.
  EXPECT_EQ(ClientAddress("10.0.0.2", "10.0.0.5", proxies), "10.0.0.5");
}

TEST(ClientAddressTest, SeveralHeadersJoinedWithCommasAreOneList) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "192.0.2.1,203.0.113.5", kNginx), "203.0.113.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5, ,", kNginx), "203.0.113.5");
}

TEST(ClientAddressTest, AMissingOrMalformedHeaderGivesThePeer) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "  ", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", ",", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "unknown", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5; DROP TABLE", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.256", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5, garbage", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", std::string(5000, '1'), kNginx), "127.0.0.1");
  // Garbage left of the right-most untrusted address is never looked at.
  EXPECT_EQ(ClientAddress("127.0.0.1", "garbage, 203.0.113.5", kNginx), "203.0.113.5");
}

TEST(ClientAddressTest, IPv6) {
  const std::vector<std::string> loopback6 = {"::1"};
  EXPECT_EQ(ClientAddress("::1", "2001:db8::7", loopback6), "2001:db8::7");
  EXPECT_EQ(ClientAddress("::1", "2001:DB8:0:0::7", loopback6), "2001:db8::7");  // canonical form
  EXPECT_EQ(ClientAddress("::1", "203.0.113.5, 2001:db8::7", loopback6), "2001:db8::7");
  EXPECT_EQ(ClientAddress("::1", "[2001:db8::7]:51234", loopback6), "2001:db8::7");
  EXPECT_EQ(ClientAddress("2001:db8::9", "203.0.113.5", loopback6), "2001:db8::9");
  EXPECT_EQ(ClientAddress("fd00::2", "2001:db8::7, fd00::5", {"fd00::/8"}), "2001:db8::7");
  // An IPv4-mapped peer is its IPv4 address.
  EXPECT_EQ(ClientAddress("::ffff:127.0.0.1", "203.0.113.5", kNginx), "203.0.113.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "::ffff:203.0.113.5", kNginx), "203.0.113.5");
}

TEST(ClientAddressTest, PortsSomeProxiesAddAreDropped) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5:4711", kNginx), "203.0.113.5");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5:", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5:999999", kNginx), "127.0.0.1");
}

TEST(TrustedProxiesTest, ParsesAddressesAndRangesAndRefusesTheRest) {
  auto proxies = TrustedProxies::Parse({"127.0.0.1", "::1", "10.0.0.0/8", "fd00::/8", "192.0.2.1/32", "0.0.0.0/0"});
  ASSERT_TRUE(proxies.ok()) << proxies.status().ToString();
  EXPECT_TRUE(proxies->Contains("10.200.3.4"));
  EXPECT_TRUE(proxies->Contains("::1"));
  EXPECT_TRUE(proxies->Contains("fdab::1"));
  EXPECT_FALSE(proxies->Contains("fe80::1"));
  EXPECT_TRUE(proxies->Contains("198.51.100.1"));  // 0.0.0.0/0: every IPv4 address
  EXPECT_FALSE(proxies->Contains("not an address"));
  EXPECT_TRUE(TrustedProxies::Parse({}).ok());
  EXPECT_TRUE(TrustedProxies::Parse({}).value().empty());
  for (const char* bad : {"", "localhost", "127.0.0.1/33", "10.0.0.0/", "10.0.0.0/x", "fd00::/129", "10.0.0.0/-1",
                          "[::1]", "127.0.0.1:80", "1.2.3"}) {
    auto parsed = TrustedProxies::Parse({bad});
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.status().field(), "trusted-proxy");
    }
  }
  // The list form of ClientAddress skips the entries it cannot parse.
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.5", {"nope", "127.0.0.1"}), "203.0.113.5");
}

}  // namespace
}  // namespace acogida::http
