// Each reader on the project's own small fixtures: every field it maps, and every bad-input case.
#include <gtest/gtest.h>

#include <algorithm>

#include "clearance/lists/importer.h"
#include "clearance/lists/list_reader.h"
#include "clearance/util/file_io.h"
#include "test_support.h"

namespace clearance {
namespace {

using test::fixture;

ReadResult read_ok(const std::string& path, const std::string& format = "") {
  auto read = read_list_file(path, format);
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().message);
  return read.ok() ? std::move(read.value().second) : ReadResult{};
}

const Entity* find(const ReadResult& r, std::string_view id) {
  for (const auto& e : r.entities)
    if (e.id == id) return &e;
  return nullptr;
}

bool has_alias(const Entity& e, std::string_view name, AliasKind kind) {
  return std::any_of(e.aliases.begin(), e.aliases.end(),
                     [&](const Alias& a) { return a.name == name && a.kind == kind; });
}

bool has_issue(const ReadResult& r, size_t line, std::string_view field) {
  return std::any_of(r.issues.begin(), r.issues.end(),
                     [&](const ParseIssue& i) { return i.line == line && i.field == field; });
}

TEST(CslCsvReader, MapsEveryColumnAndReportsBadRows) {
  const ReadResult r = read_ok(fixture("lists/csl_small.csv"));
  EXPECT_EQ(r.dataset, "us_csl");
  ASSERT_EQ(r.entities.size(), 3u);
  const Entity* el = find(r, "us_csl:el:example-microelectronics-co");
  ASSERT_NE(el, nullptr);
  EXPECT_EQ(el->list, "EL");
  EXPECT_EQ(el->license_requirement, "All items subject to the EAR.");
  EXPECT_EQ(el->license_policy, "Presumption of denial.");
  EXPECT_EQ(el->federal_register_notice, "85 FR 51596");
  EXPECT_EQ(el->listed_on, "2020-08-20");
  EXPECT_TRUE(has_alias(*el, "Example Micro", AliasKind::aka));
  EXPECT_TRUE(has_alias(*el, "EM Co.", AliasKind::aka));  // "; and EM Co."
  ASSERT_EQ(el->addresses.size(), 2u);
  EXPECT_EQ(el->addresses[0].country, "CN");
  EXPECT_EQ(el->addresses[0].city, "Shenzhen");
  EXPECT_EQ(el->addresses[1].country, "HK");

  const Entity* sdn = find(r, "us_csl:sdn:12345");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ(sdn->type, EntityType::person);
  EXPECT_EQ(sdn->programs, (std::vector<std::string>{"SDGT", "IRGC"}));
  EXPECT_EQ(sdn->dates_of_birth, (std::vector<std::string>{"1970-01-02", "1971"}));
  EXPECT_EQ(sdn->nationalities, (std::vector<std::string>{"IR"}));
  ASSERT_EQ(sdn->identifiers.size(), 1u);
  EXPECT_EQ(sdn->identifiers[0].type, "Passport");
  EXPECT_EQ(sdn->identifiers[0].number, "A1234567");
  EXPECT_EQ(sdn->identifiers[0].country, "IR");
  const auto gender = std::find_if(sdn->properties.begin(), sdn->properties.end(),
                                   [](auto& p) { return p.key == "gender"; });
  ASSERT_NE(gender, sdn->properties.end());
  EXPECT_EQ(gender->value, "Male");

  const Entity* meu = find(r, "us_csl:meu:far-east-widget-company-inc");
  ASSERT_NE(meu, nullptr);
  EXPECT_EQ(meu->name, "Far East Widget Company, Inc.");
  EXPECT_TRUE(has_alias(*meu, "FEW, Inc.", AliasKind::aka));
  EXPECT_TRUE(has_alias(*meu, "Widget Works", AliasKind::aka));

  // Line 4: empty name; line 5: short row; the trailing blank row is not an issue.
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_TRUE(has_issue(r, 4, "name"));
  EXPECT_TRUE(has_issue(r, 5, ""));
  EXPECT_NE(r.issues[0].file.find("csl_small.csv"), std::string::npos);
}

TEST(CslJsonReader, SameEntitiesAsTheCsvLayout) {
  const ReadResult r = read_ok(fixture("lists/csl_small.json"));
  ASSERT_EQ(r.entities.size(), 2u);
  const Entity* el = find(r, "us_csl:el:example-microelectronics-co");
  ASSERT_NE(el, nullptr);
  EXPECT_EQ(el->addresses[0].country, "CN");
  EXPECT_EQ(el->addresses[0].state, "Guangdong");
  EXPECT_EQ(el->license_policy, "Presumption of denial.");
  const Entity* sdn = find(r, "us_csl:sdn:12345");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ(sdn->identifiers[0].number, "A1234567");
  EXPECT_TRUE(has_alias(*sdn, "DOE, Johnny", AliasKind::aka));
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].field, "results[2].name");
}

TEST(OfacCsvReader, JoinsTheFourFilesAndReportsBadRows) {
  const ReadResult r = read_ok(fixture("lists/sdn_set/sdn.csv"));
  EXPECT_EQ(r.dataset, "ofac_sdn");
  EXPECT_EQ(r.files.size(), 4u);
  ASSERT_EQ(r.entities.size(), 4u);
  const Entity* bank = find(r, "ofac_sdn:sdn:306");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->type, EntityType::organization);  // OFAC leaves the type empty for entities
  EXPECT_TRUE(has_alias(*bank, "NATIONAL BANK OF CUBA", AliasKind::aka));
  EXPECT_TRUE(has_alias(*bank, "BNC", AliasKind::weak));  // quoted a.k.a. in remarks = weak alias
  ASSERT_EQ(bank->addresses.size(), 1u);
  EXPECT_EQ(bank->addresses[0].country, "CH");
  const Entity* person = find(r, "ofac_sdn:sdn:4106");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, EntityType::person);
  EXPECT_EQ(person->dates_of_birth, (std::vector<std::string>{"1951-08-24", "1951-07-05"}));
  EXPECT_TRUE(has_alias(*person, "HERRERA, Pacho", AliasKind::fka));
  EXPECT_TRUE(has_alias(*person, "PACHO", AliasKind::weak));
  ASSERT_EQ(person->identifiers.size(), 2u);
  EXPECT_EQ(person->identifiers[0].type, "Cedula No.");
  EXPECT_EQ(person->identifiers[0].country, "CO");
  const Entity* vessel = find(r, "ofac_sdn:sdn:9001");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->type, EntityType::vessel);
  // Remarks continue in sdn_comments.csv.
  EXPECT_NE(vessel->remarks.find("continued in comments file."), std::string::npos)
      << vessel->remarks;
  EXPECT_EQ(vessel->identifiers.at(0).type, "IMO");
  // X9 is not a number (line 4), 777 has too few fields (line 5), add.csv names an unknown entity.
  EXPECT_TRUE(has_issue(r, 4, "ent_num"));
  EXPECT_TRUE(has_issue(r, 5, ""));
  EXPECT_TRUE(std::any_of(r.issues.begin(), r.issues.end(), [](auto& i) {
    return i.file.ends_with("add.csv") && i.line == 3 && i.field == "ent_num";
  }));
}

TEST(UnXmlReader, IndividualsEntitiesAliasesAndDocuments) {
  const ReadResult r = read_ok(fixture("lists/un_small.xml"));
  EXPECT_EQ(r.dataset, "un_sc");
  EXPECT_EQ(r.published, "2026-01-15");
  ASSERT_EQ(r.entities.size(), 2u);
  const Entity* ivan = find(r, "un_sc:un:KPi.900");
  ASSERT_NE(ivan, nullptr);
  EXPECT_EQ(ivan->name, "IVAN PETROV SERGEEVICH");
  EXPECT_EQ(ivan->sub_list, "DPRK");
  EXPECT_TRUE(has_alias(*ivan, "Иван Петров", AliasKind::original_script));
  EXPECT_TRUE(has_alias(*ivan, "VANYA PETROV", AliasKind::aka));
  EXPECT_TRUE(has_alias(*ivan, "VANYA", AliasKind::weak));
  EXPECT_EQ(ivan->nationalities, (std::vector<std::string>{"RU"}));
  EXPECT_EQ(ivan->addresses.at(0).country, "KP");
  EXPECT_EQ(ivan->dates_of_birth, (std::vector<std::string>{"1960-03-04"}));
  EXPECT_EQ(ivan->identifiers.at(0).country, "RU");
  const Entity* org = find(r, "un_sc:un:KPe.900");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->type, EntityType::organization);
  EXPECT_EQ(org->addresses.at(0).country, "KP");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].field, "INDIVIDUAL[2]/FIRST_NAME");
}

TEST(OfacEnhancedXmlReader, NamesScriptsLowQualityAndDocuments) {
  const ReadResult r = read_ok(fixture("lists/enhanced_small.xml"));
  EXPECT_EQ(r.dataset, "ofac_cons_xml");
  EXPECT_EQ(r.published, "2025-01-10");
  ASSERT_EQ(r.entities.size(), 1u);
  const Entity& e = r.entities[0];
  EXPECT_EQ(e.id, "ofac_cons_xml:cmic:100");
  EXPECT_EQ(e.name, "EXAMPLE SEMICONDUCTOR CORPORATION");
  EXPECT_EQ(e.type, EntityType::organization);
  EXPECT_EQ(e.list, "CMIC");
  EXPECT_EQ(e.sub_list, "Non-SDN CMIC List");
  EXPECT_EQ(e.listed_on, "2021-12-16");
  EXPECT_TRUE(has_alias(e, "示例半导体公司", AliasKind::original_script));
  EXPECT_TRUE(has_alias(e, "OLD EXAMPLE CORP", AliasKind::fka));
  EXPECT_TRUE(has_alias(e, "ESC", AliasKind::weak));
  EXPECT_EQ(e.addresses.at(0).country, "CN");
  EXPECT_EQ(e.addresses.at(0).city, "Shanghai");
  ASSERT_EQ(e.identifiers.size(), 2u);
  EXPECT_EQ(e.identifiers[1].type, "Registration ID");
  EXPECT_EQ(e.identifiers[1].country, "CN");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].field, "entity[2]/names");
}

TEST(CustomListReader, CsvLayout) {
  const ReadResult r = read_ok(fixture("lists/cn_custom.csv"));
  EXPECT_EQ(r.dataset, "cn_mofcom");
  ASSERT_EQ(r.entities.size(), 3u);
  const Entity* uel = find(r, "cn_mofcom:uel:UEL-2023-2");
  ASSERT_NE(uel, nullptr);
  EXPECT_EQ(uel->listed_on, "2023-02-16");
  EXPECT_TRUE(has_alias(*uel, "雷神导弹与防务公司", AliasKind::original_script));
  EXPECT_TRUE(has_alias(*uel, "RMD", AliasKind::aka));
  const Entity* ec = find(r, "cn_mofcom:ec:EC-2025-1");
  ASSERT_NE(ec, nullptr);
  EXPECT_EQ(ec->type, EntityType::organization);
  EXPECT_EQ(ec->addresses.at(0).country, "US");
  EXPECT_EQ(ec->aliases.size(), 3u);
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_TRUE(has_issue(r, 5, "name"));
  EXPECT_TRUE(has_issue(r, 6, "countries"));
  EXPECT_TRUE(has_issue(r, 7, "type"));
}

TEST(CustomListReader, JsonLinesLayout) {
  const ReadResult r = read_ok(fixture("lists/cn_custom.jsonl"));
  EXPECT_EQ(r.dataset, "cn_mofcom");
  ASSERT_EQ(r.entities.size(), 2u);
  const Entity* ec = find(r, "cn_mofcom:ec:EC-2025-1");
  ASSERT_NE(ec, nullptr);
  ASSERT_EQ(ec->identifiers.size(), 1u);
  EXPECT_EQ(ec->identifiers[0].type, "Registration ID");
  EXPECT_EQ(ec->identifiers[0].number, "12345");
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_TRUE(has_issue(r, 3, ""));
  EXPECT_TRUE(has_issue(r, 4, "name"));
}

// A date that reads as one but is none (month 13, 30 February): the row is skipped and named,
// as a malformed one is — not kept with the date dropped or cut to its year.
TEST(CustomListReader, AnImpossibleDateSkipsItsRow) {
  test::TempDir dir;
  const std::string path = dir / "dates.csv";
  ASSERT_TRUE(write_file_atomic(path,
                                "id,name,list,dataset,dates_of_birth,listed_on\n"
                                "A1,Good Trader,X,dates,1970-02-28,2020-01-31\n"
                                "A2,Month Trader,X,dates,2026-13-45,\n"
                                "A3,February Trader,X,dates,31.02.1970,\n"
                                "A4,Listed Trader,X,dates,,2026-99-99\n"
                                "A5,Leap Trader,X,dates,29.02.2000,\n")
                  .ok());
  const ReadResult r = read_ok(path, "custom");
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_NE(find(r, "dates:x:A1"), nullptr);
  EXPECT_NE(find(r, "dates:x:A5"), nullptr);  // 2000 was a leap year
  EXPECT_TRUE(has_issue(r, 3, "dates_of_birth"));
  EXPECT_TRUE(has_issue(r, 4, "dates_of_birth"));
  EXPECT_TRUE(has_issue(r, 5, "listed_on"));
}

// ---- files that are not what they claim, or are cut short ----

TEST(BadFiles, WrongFormatIsRefusedWithAClearMessage) {
  auto r = read_list_file(fixture("lists/un_small.xml"), "csl-csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::format);
  EXPECT_NE(r.error().message.find("is not a csl-csv file"), std::string::npos)
      << r.error().message;
  auto unknown = read_list_file(fixture("lists/sdn_set/add.csv"), "");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("not a list format"), std::string::npos)
      << unknown.error().message;
}

class TruncatedFiles : public ::testing::Test {
 protected:
  std::string truncated_copy(const std::string& source, const std::string& name, double fraction) {
    auto bytes = read_file_raw(source);
    EXPECT_TRUE(bytes.ok());
    const std::string path = dir_ / name;
    EXPECT_TRUE(
        write_file_atomic(path, bytes->substr(0, static_cast<size_t>(bytes->size() * fraction)))
            .ok());
    return path;
  }
  test::TempDir dir_;
};

TEST_F(TruncatedFiles, XmlCutShortIsAnIntegrityError) {
  auto r = read_list_file(truncated_copy(fixture("lists/un_small.xml"), "un.xml", 0.6), "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::integrity) << r.error().message;
  EXPECT_NE(r.error().message.find("truncated"), std::string::npos);
}

TEST_F(TruncatedFiles, CsvCutInsideAQuotedFieldIsAnIntegrityError) {
  // Cut inside the quoted address of the first data row.
  auto bytes = read_file_raw(fixture("lists/csl_small.csv"));
  ASSERT_TRUE(bytes.ok());
  const size_t cut = bytes->find("1 Road") + 3;
  const std::string path = dir_ / "csl.csv";
  ASSERT_TRUE(write_file_atomic(path, bytes->substr(0, cut)).ok());
  auto r = read_list_file(path, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::integrity) << r.error().message;
}

TEST_F(TruncatedFiles, GzipCutShortIsAnIntegrityError) {
  REQUIRE_SHARED_FILE(test::shared("lists/us_csl/consolidated_2022-05.csv.gz"));
  auto r = read_list_file(
      truncated_copy(test::shared("lists/us_csl/consolidated_2022-05.csv.gz"), "c.csv.gz", 0.5),
      "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::integrity);
  EXPECT_NE(r.error().message.find("truncated gzip"), std::string::npos) << r.error().message;
}

TEST_F(TruncatedFiles, ZipCutShortIsAnIntegrityError) {
  REQUIRE_SHARED_FILE(test::shared("lists/ofac/CONS_ENHANCED_2025-01-14.ZIP"));
  auto r = read_list_file(truncated_copy(test::shared("lists/ofac/CONS_ENHANCED_2025-01-14.ZIP"),
                                         "CONS_ENHANCED.ZIP", 0.7),
                          "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::integrity) << r.error().message;
}

TEST_F(TruncatedFiles, JsonCutShortIsRefused) {
  auto r = read_list_file(truncated_copy(fixture("lists/csl_small.json"), "consolidated.json", 0.5),
                          "csl-json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("truncated"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace clearance
