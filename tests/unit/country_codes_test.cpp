#include "clearance/model/country_codes.h"

#include <gtest/gtest.h>

namespace clearance {
namespace {

TEST(CountryResolver, CodesNamesAndListSpellings) {
  CountryResolver r;
  EXPECT_EQ(r.resolve("CN"), "CN");
  EXPECT_EQ(r.resolve("cn"), "CN");
  EXPECT_EQ(r.resolve("China"), "CN");
  EXPECT_EQ(r.resolve("Russian Federation"), "RU");
  EXPECT_EQ(r.resolve("Russia"), "RU");
  EXPECT_EQ(r.resolve("Korea, North"), "KP");
  EXPECT_EQ(r.resolve("Democratic People's Republic of Korea"), "KP");
  EXPECT_EQ(r.resolve("Iran (Islamic Republic of)"), "IR");
  EXPECT_EQ(r.resolve("Burma"), "MM");
  EXPECT_EQ(r.resolve("Democratic Republic of the Congo"), "CD");
  EXPECT_EQ(r.resolve("Côte d'Ivoire"), "CI");
  EXPECT_EQ(r.resolve("Hong Kong"), "HK");
  EXPECT_EQ(r.resolve("Macau"), "MO");
  EXPECT_EQ(r.resolve("United Kingdom"), "GB");
  EXPECT_EQ(r.resolve("Kosovo"), "XK");
}

TEST(CountryResolver, UnknownTextResolvesToNothing) {
  CountryResolver r;
  EXPECT_EQ(r.resolve("Atlantis"), "");
  EXPECT_EQ(r.resolve("ZZ"), "");
  EXPECT_EQ(r.resolve(""), "");
  EXPECT_EQ(r.resolve("Shenzhen"), "");
}

}  // namespace
}  // namespace clearance
