// Linking records into parties: each kind of evidence, what must never link, the user's links
// file, ids that survive imports, and the stored form.
#include "clearance/lists/party_linker.h"

#include <gtest/gtest.h>

#include <fstream>

#include "clearance/lists/importer.h"
#include "clearance/lists/links_file.h"
#include "clearance/lists/sanctions_regimes.h"
#include "clearance/lists/snapshot_codec.h"
#include "test_support.h"

namespace clearance {
namespace {

Entity record(std::string id, std::string list, std::string name, EntityType type,
              std::string country, std::vector<std::string> programs = {},
              std::string source_id = {}) {
  Entity e;
  e.dataset = id.substr(0, id.find(':'));
  e.id = std::move(id);
  e.list = std::move(list);
  e.name = std::move(name);
  e.type = type;
  if (!country.empty()) {
    Address a;
    a.country = country;
    e.addresses.push_back(a);
  }
  e.programs = std::move(programs);
  e.source_id = std::move(source_id);
  return e;
}

Snapshot snapshot_of(std::vector<Entity> entities, std::vector<UserLink> user_links = {}) {
  Snapshot s;
  std::sort(entities.begin(), entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  s.entities = EntityTable(std::move(entities));
  s.user_links = std::move(user_links);
  return s;
}

Snapshot linked(std::vector<Entity> entities, std::vector<UserLink> user_links = {}) {
  Snapshot s = snapshot_of(std::move(entities), std::move(user_links));
  auto outcome = link_parties(s, nullptr, true);
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
  return s;
}

bool same_party(const Snapshot& s, const std::string& a, const std::string& b) {
  const Party* pa = s.find_party(a);
  const Party* pb = s.find_party(b);
  EXPECT_TRUE(pa && pb) << a << " / " << b;
  return pa && pa == pb;
}

constexpr auto org = EntityType::organization;
constexpr auto person = EntityType::person;

TEST(PartyLinker, SharedOfacNumberLinksEveryCopyOfAnEntry) {
  const Snapshot s = linked({
      record("us_csl:cmic:30947", "CMIC", "HUAWEI TECHNOLOGIES CO., LTD.", org, "CN", {}, "30947"),
      record("ofac_cons:cmic:30947", "CMIC", "HUAWEI TECHNOLOGIES CO., LTD.", org, "CN", {},
             "30947"),
      record("ofac_cons_xml:cmic:30947", "CMIC", "Huawei Technologies Co Ltd", org, "", {},
             "30947"),
      // The Entity List's own number is not an OFAC number, whatever it looks like.
      record("us_csl:el:30947", "EL", "Other Firm", org, "CN", {}, "30947"),
  });
  EXPECT_TRUE(same_party(s, "us_csl:cmic:30947", "ofac_cons:cmic:30947"));
  EXPECT_TRUE(same_party(s, "us_csl:cmic:30947", "ofac_cons_xml:cmic:30947"));
  EXPECT_FALSE(same_party(s, "us_csl:cmic:30947", "us_csl:el:30947"));
  for (const PartyLink& l : s.links) EXPECT_EQ(l.reason, LinkReason::ofac_number);
  EXPECT_EQ(s.parties.size(), 2u);
}

TEST(PartyLinker, TwoNumberedEntriesOfOneListStayTwoParties) {
  Entity a = record("ofac_sdn:sdn:1", "SDN", "ALI, Mohammed", person, "IQ", {"SDGT"}, "1");
  Entity b = record("ofac_sdn:sdn:2", "SDN", "ALI, Mohammed", person, "IQ", {"SDGT"}, "2");
  const Snapshot s = linked({a, b});
  EXPECT_FALSE(same_party(s, "ofac_sdn:sdn:1", "ofac_sdn:sdn:2"));
}

TEST(PartyLinker, EntityListRowsOfOneEntryLinkOnANoticeOrCountry) {
  Entity a =
      record("us_csl:el:huawei", "EL", "Huawei Technologies Co., Ltd.", EntityType::unknown, "CN");
  a.federal_register_notice = "84 FR 22961, 85 FR 29852";
  Entity b = record("us_csl:el:huawei~2", "EL", "Huawei Technologies Co., Ltd.",
                    EntityType::unknown, "HK");
  b.federal_register_notice = "84 FR 22963, 85 FR 29852";
  Entity c = record("us_csl:el:acme", "EL", "Acme Trading", EntityType::unknown, "AE");
  c.federal_register_notice = "88 FR 1";
  Entity d = record("us_csl:el:acme~2", "EL", "Acme Trading", EntityType::unknown, "RU");
  d.federal_register_notice = "89 FR 2";
  const Snapshot s = linked({a, b, c, d});
  EXPECT_TRUE(same_party(s, "us_csl:el:huawei", "us_csl:el:huawei~2"));
  EXPECT_FALSE(same_party(s, "us_csl:el:acme", "us_csl:el:acme~2"));  // two entries, two countries
}

TEST(PartyLinker, PeopleLinkOnNameCountryAndRegimeWhenBirthYearsAgree) {
  Entity sdn = record("ofac_sdn:sdn:9", "SDN", "KIM, Il Sung", person, "KP", {"DPRK3"}, "9");
  sdn.dates_of_birth = {"1950-01-01"};
  Entity un = record("un_sc:un:KPi.001", "UN", "KIM IL SUNG", person, "KP", {"DPRK"}, "KPi.001");
  un.dates_of_birth = {"1950"};
  Entity other_year =
      record("un_sc:un:KPi.002", "UN", "KIM IL SUNG", person, "KP", {"DPRK"}, "KPi.002");
  other_year.dates_of_birth = {"1971"};
  Entity other_country = record("us_csl:dpl:kim", "DPL", "Kim Il Sung", person, "CN");
  Entity other_regime =
      record("ofac_sdn:sdn:10", "SDN", "KIM, Il Sung", person, "KP", {"RUSSIA-EO14024"}, "10");
  other_regime.dates_of_birth = {"1950"};
  const Snapshot s = linked({sdn, un, other_year, other_country, other_regime});
  EXPECT_TRUE(same_party(s, "ofac_sdn:sdn:9", "un_sc:un:KPi.001"));
  EXPECT_FALSE(same_party(s, "ofac_sdn:sdn:9", "un_sc:un:KPi.002"));
  EXPECT_FALSE(same_party(s, "ofac_sdn:sdn:9", "us_csl:dpl:kim"));
  EXPECT_FALSE(same_party(s, "ofac_sdn:sdn:9", "ofac_sdn:sdn:10"));
}

TEST(PartyLinker, AnOrganisationsFullNameLinksAcrossListsInOneCountryOnly) {
  const Snapshot s = linked({
      record("us_csl:el:huawei", "EL", "Huawei Technologies Co., Ltd. (Huawei)",
             EntityType::unknown, "CN"),
      record("ofac_cons:cmic:30947", "CMIC", "HUAWEI TECHNOLOGIES CO., LTD.", org, "CN",
             {"CMIC-EO13959"}, "30947"),
      record("ofac_sdn:sdn:77", "SDN", "Huawei Technologies Co., Ltd.", org, "RU", {"RUSSIA"},
             "77"),
      // Two words are no registered name: "Sky Bank" in one country is not evidence enough.
      record("us_csl:el:sky-bank", "EL", "Sky Bank", EntityType::unknown, "AE"),
      record("ofac_sdn:sdn:78", "SDN", "SKY BANK", org, "AE", {"IRAN"}, "78"),
      // A person and an organisation never link on a name.
      record("un_sc:un:QDi.1", "UN", "Al Rashid Trust Company", person, "PK", {"Al-Qaida"},
             "QDi.1"),
      record("ofac_sdn:sdn:79", "SDN", "AL RASHID TRUST COMPANY", org, "PK", {"SDGT"}, "79"),
  });
  EXPECT_TRUE(same_party(s, "us_csl:el:huawei", "ofac_cons:cmic:30947"));
  EXPECT_FALSE(same_party(s, "us_csl:el:huawei", "ofac_sdn:sdn:77"));
  EXPECT_FALSE(same_party(s, "us_csl:el:sky-bank", "ofac_sdn:sdn:78"));
  EXPECT_FALSE(same_party(s, "un_sc:un:QDi.1", "ofac_sdn:sdn:79"));
  // The most consequential listing comes first and names the party.
  const Party* huawei = s.find_party("ofac_cons:cmic:30947");
  ASSERT_NE(huawei, nullptr);
  EXPECT_EQ(s.entities[huawei->members.front()].list, "EL");
}

TEST(PartyLinker, ReorderedWordsAndSharedAliasesAreNoEvidence) {
  // Found in the reviewed sample: two firms whose names are the same words in another order, and
  // a subsidiary carrying its parent's name as an alias.
  Entity a = record("us_csl:el:engineering-solutions", "EL", "Engineering Solutions Pvt. Ltd.",
                    EntityType::unknown, "PK");
  a.federal_register_notice = "81 FR 90712";
  Entity b = record("us_csl:el:solutions-engineering", "EL", "Solutions Engineering Pvt. Ltd.",
                    EntityType::unknown, "PK");
  b.federal_register_notice = "81 FR 90712";
  Entity parent =
      record("ofac_sdn:sdn:17013", "SDN", "VTB BANK PJSC", org, "RU", {"UKRAINE"}, "17013");
  Entity branch = record("us_csl:ssi:18720", "SSI", "PJSC VTB BANK (KIEV)", org, "RU",
                         {"UKRAINE-EO13662"}, "18720");
  branch.aliases.push_back({"VTB BANK PJSC", AliasKind::aka});
  const Snapshot s = linked({a, b, parent, branch});
  EXPECT_FALSE(same_party(s, "us_csl:el:engineering-solutions", "us_csl:el:solutions-engineering"));
  EXPECT_FALSE(same_party(s, "ofac_sdn:sdn:17013", "us_csl:ssi:18720"));
  EXPECT_EQ(link_name_key("PUTIN, Vladimir", true), link_name_key("Vladimir Putin", true));
  EXPECT_NE(link_name_key("Engineering Solutions", false),
            link_name_key("Solutions Engineering", false));
}

TEST(PartyLinker, UnReferenceCitedByAnotherRecordLinks) {
  Entity un = record("un_sc:un:KPe.001", "UN", "KOREA MINING DEVELOPMENT TRADING CORPORATION", org,
                     "", {"DPRK"}, "KPe.001");
  Entity other = record("eu:eu:1", "EU", "KOMID", org, "");
  other.remarks = "UN Ref KPe.001";
  const Snapshot s = linked({un, other});
  EXPECT_TRUE(same_party(s, "un_sc:un:KPe.001", "eu:eu:1"));
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].reason, LinkReason::un_reference);
}

TEST(PartyLinker, UserLinksJoinAndSplitAndAreCheckedForContradictions) {
  std::vector<Entity> records = {
      record("ofac_sdn:sdn:1", "SDN", "ALPHA", org, "RU", {}, "1"),
      record("us_csl:sdn:1", "SDN", "ALPHA", org, "RU", {}, "1"),
      record("us_csl:el:beta", "EL", "Beta Industries", EntityType::unknown, "RU"),
  };
  // "same" joins what no evidence links; "not-same" keeps an OFAC-number link from being made.
  Snapshot s = snapshot_of(records, {{"us_csl:el:beta", "ofac_sdn:sdn:1", true},
                                     {"us_csl:sdn:1", "ofac_sdn:sdn:1", false}});
  auto outcome = link_parties(s, nullptr, true);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->refused, 1u);
  EXPECT_TRUE(same_party(s, "us_csl:el:beta", "ofac_sdn:sdn:1"));
  EXPECT_FALSE(same_party(s, "us_csl:sdn:1", "ofac_sdn:sdn:1"));

  Snapshot contradiction = snapshot_of(records, {{"us_csl:el:beta", "ofac_sdn:sdn:1", true},
                                                 {"us_csl:el:beta", "us_csl:sdn:1", true},
                                                 {"us_csl:sdn:1", "ofac_sdn:sdn:1", false}});
  auto bad = link_parties(contradiction, nullptr, true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("contradicts itself"), std::string::npos);

  Snapshot unknown = snapshot_of(records, {{"us_csl:el:nobody", "ofac_sdn:sdn:1", true}});
  EXPECT_FALSE(link_parties(unknown, nullptr, true).ok());
  unknown = snapshot_of(records, {{"us_csl:el:nobody", "ofac_sdn:sdn:1", true}});
  auto lenient = link_parties(unknown, nullptr, false);
  ASSERT_TRUE(lenient.ok());
  EXPECT_EQ(lenient->warnings.size(), 1u);
  EXPECT_TRUE(unknown.user_links.empty());
}

TEST(PartyLinker, PartyIdsSurviveImportsWhileARecordStays) {
  Snapshot first = linked({
      record("ofac_sdn:sdn:5", "SDN", "GAMMA", org, "IR", {}, "5"),
      record("us_csl:sdn:5", "SDN", "GAMMA", org, "IR", {}, "5"),
      record("ofac_sdn:sdn:6", "SDN", "DELTA", org, "IR", {}, "6"),
  });
  const std::string gamma = first.find_party("ofac_sdn:sdn:5")->id;
  const std::string delta = first.find_party("ofac_sdn:sdn:6")->id;
  // The record the id was derived from leaves; its party keeps the id through the other record.
  // DELTA's record gains a copy in the CSL that sorts first: its party keeps its id too.
  const PartyHistory history = party_history(first);
  Snapshot second = snapshot_of({
      record("us_csl:sdn:5", "SDN", "GAMMA", org, "IR", {}, "5"),
      record("ofac_sdn:sdn:6", "SDN", "DELTA", org, "IR", {}, "6"),
      record("ofac_a:sdn:6", "SDN", "DELTA", org, "IR", {}, "6"),
  });
  ASSERT_TRUE(link_parties(second, &history, false).ok());
  EXPECT_EQ(second.find_party("us_csl:sdn:5")->id, gamma);
  EXPECT_EQ(second.find_party("ofac_sdn:sdn:6")->id, delta);

  // Two parties merged by a user link: one keeps its id, the other's id still finds it.
  const PartyHistory again = party_history(second);
  Snapshot third = snapshot_of(second.entities.edit(), {{"us_csl:sdn:5", "ofac_sdn:sdn:6", true}});
  ASSERT_TRUE(link_parties(third, &again, true).ok());
  const Party* merged = third.find_party(gamma);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged, third.find_party(delta));
  EXPECT_EQ(merged->former_ids.size(), 1u);
}

TEST(PartyLinker, PartiesAndLinksAreStoredWithTheSnapshot) {
  Snapshot s = linked(
      {
          record("ofac_sdn:sdn:5", "SDN", "GAMMA", org, "IR", {}, "5"),
          record("us_csl:sdn:5", "SDN", "GAMMA", org, "IR", {}, "5"),
          record("us_csl:el:x", "EL", "Xeno Labs", EntityType::unknown, "CN"),
      },
      {{"us_csl:el:x", "us_csl:sdn:5", false}});
  const std::string bytes = encode_snapshot(s);
  auto back = decode_snapshot(bytes, "test");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->parties, s.parties);
  EXPECT_EQ(back->links, s.links);
  EXPECT_EQ(back->user_links, s.user_links);
  EXPECT_EQ(back->party_of, s.party_of);

  // A damaged party section is refused, not misread.
  std::string damaged = bytes;
  damaged[damaged.size() - 3] ^= 0x5a;
  EXPECT_FALSE(decode_snapshot(damaged, "test").ok());
}

TEST(LinksFile, MalformedLinesNameFileLineAndField) {
  test::TempDir dir;
  auto write = [&](const std::string& text) {
    std::ofstream(dir / "links.csv") << text;
    return read_links_file(dir / "links.csv");
  };
  auto ok = write(
      "# reviewed 2026-12-01\nrecord_a,record_b,relation,note\na:1,b:2,same,x\n"
      "a:1,c:3,not-same,\n");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_FALSE((*ok)[1].same);

  auto bad_relation = write("record_a,record_b,relation\na:1,b:2,maybe\n");
  ASSERT_FALSE(bad_relation.ok());
  EXPECT_NE(bad_relation.error().message.find("links.csv:2: relation"), std::string::npos);
  auto contradiction = write("record_a,record_b,relation\na:1,b:2,same\nb:2,a:1,not-same\n");
  ASSERT_FALSE(contradiction.ok());
  EXPECT_NE(contradiction.error().message.find("contradicts line 2"), std::string::npos);
  EXPECT_FALSE(write("a,b\n").ok());
  EXPECT_FALSE(write("record_a,record_b,relation\n,b:2,same\n").ok());
}

TEST(LinksFile, ABadLinksFileImportsNothing) {
  test::TempDir dir;
  SnapshotStore store(dir / "data");
  ASSERT_TRUE(import_lists(store, {test::fixture("lists/csl_small.csv")}, {}).ok());
  const auto before = store.current_id().value();
  std::ofstream(dir / "links.csv") << "record_a,record_b,relation\nus_csl:nobody,us_csl:x,same\n";
  ImportOptions options;
  options.links_file = dir / "links.csv";
  auto report = import_lists(store, {test::fixture("lists/un_small.xml")}, options);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("us_csl:nobody"), std::string::npos);
  EXPECT_EQ(store.current_id().value(), before);
}

}  // namespace
}  // namespace clearance

namespace clearance {
namespace {

TEST(SanctionsRegimes, OnePublishersProgrammeMeetsAnothers) {
  auto has = [](std::string_view programme, bool un, const char* regime) {
    return regimes_of_programme(programme, un).count(regime) > 0;
  };
  EXPECT_TRUE(has("RUSSIA-EO14024", false, "RUSSIA"));
  EXPECT_TRUE(has("UKRAINE-EO13662", false, "RUSSIA"));
  EXPECT_TRUE(has("EU-RUS", false, "RUSSIA"));
  EXPECT_TRUE(has("Russia", false, "RUSSIA"));
  EXPECT_TRUE(has("DPRK3", false, "DPRK"));
  EXPECT_TRUE(has("DPRK", true, "WMD"));  // the UN's DPRK list is a non-proliferation regime
  EXPECT_FALSE(has("DPRK3", false, "WMD"));
  EXPECT_TRUE(has("SDGT", false, "TERRORISM"));
  EXPECT_TRUE(has("Al-Qaida", true, "TERRORISM"));
  EXPECT_TRUE(has("EU-TAQA-EUAQ", false, "TERRORISM"));
  EXPECT_TRUE(has("ISIL (Da'esh) and Al-Qaida", false, "TERRORISM"));
  EXPECT_TRUE(has("CYBER2", false, "CYBER"));
  EXPECT_TRUE(has("Some New Programme", false, "SOMENEWPROGRAMME"));
  EXPECT_FALSE(has("SDGT", false, "RUSSIA"));
}

}  // namespace
}  // namespace clearance
