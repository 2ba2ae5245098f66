// The HTTP API over a real server on a free loopback port, with a real client (libcurl): every
// endpoint, the yente-shaped request, bad input, API keys, metrics, reload under load.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "api_service.h"
#include "clearance/lists/importer.h"
#include "clearance/match/screen_output.h"
#include "clearance/rules/transaction_json.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"
#include "http_client.h"
#include "http_server.h"
#include "test_support.h"

namespace clearance::test {
namespace {

using server::ApiService;
using server::EngineHolder;
using server::HttpServer;

constexpr size_t kBodyLimit = 64 << 10;

// A data directory with a snapshot of the fixture lists, an engine, the API and a server on a
// free port.
class HttpApiTest : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }

  void start(server::ApiOptions options) {
    server_.reset();
    SnapshotStore store(dir_.path());
    auto report = import_lists(store, {fixture("lists/csl_small.csv")}, {});
    ASSERT_TRUE(report.ok()) << report.error().message;
    engines_ = std::make_unique<EngineHolder>(dir_.path(), "current", 1);
    ASSERT_TRUE(engines_->reload().ok());
    api_ = std::make_unique<ApiService>(*engines_, std::move(options));
    server::HttpServerOptions http;
    http.port = 0;
    http.threads = 2;
    http.body_limit = kBodyLimit;
    server_ = std::make_unique<HttpServer>(
        [this](const server::HttpRequest& r) { return api_->handle(r); },
        [this](unsigned status, const std::string& m) { return api_->transport_error(status, m); },
        http);
    ASSERT_TRUE(server_->start().ok());
  }

  Reply get(const std::string& path, const std::vector<std::string>& headers = {}) {
    return http_call(server_->port(), "GET", path, "", headers);
  }
  Reply post(const std::string& path, const std::string& body,
             const std::vector<std::string>& headers = {}) {
    return http_call(server_->port(), "POST", path, body, headers);
  }
  const Entity& entity_named(const std::string& name) {
    for (const Entity& e : engines_->engine()->snapshot->entities)
      if (e.name == name) return e;
    throw std::runtime_error("no fixture entity " + name);
  }
  // A batch job polled until it is done or failed (at most 12 s).
  nlohmann::json finished_job(const std::string& id) {
    nlohmann::json job;
    for (int i = 0; i < 600; ++i) {
      job = get("/v1/jobs/" + id).json();
      if (job["state"] == "done" || job["state"] == "failed") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return job;
  }
  // Status, error code and field of an error reply.
  static std::tuple<long, std::string, std::string> error_of(const Reply& r) {
    const auto j = r.json();
    if (!j.is_object() || !j.contains("error")) return {r.status, "<not an error body>", r.body};
    return {r.status, j["error"].value("code", ""), j["error"].value("field", "")};
  }

  TempDir dir_;
  std::unique_ptr<EngineHolder> engines_;
  std::unique_ptr<ApiService> api_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpApiTest, HealthReadyAndOpenApi) {
  EXPECT_EQ(get("/healthz").status, 200);
  const Reply ready = get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json()["snapshot"], engines_->engine()->snapshot->id);
  const Reply doc = get("/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json()["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(doc.json()["paths"].contains("/v1/screen"));
}

// The OpenAPI document cannot drift from the code: its Transaction names exactly the fields a
// transaction may have, and a real determination has no key its Determination schema lacks.
TEST_F(HttpApiTest, OpenApiDescribesEveryCheckFieldAndAnswerKey) {
  const auto doc = get("/openapi.json").json();
  const auto& schemas = doc["components"]["schemas"];
  std::set<std::string> documented;
  for (const auto& [key, value] : schemas["Transaction"]["properties"].items())
    documented.insert(key);
  EXPECT_EQ(documented, rules::transaction_fields());
  const Reply check =
      post("/v1/check", R"({"chip":"H100 SXM","destination":"MY","date":"2025-06-01",
      "parties":["Example Microelectronics"]})");
  ASSERT_EQ(check.status, 200) << check.body;
  const auto answer = check.json();
  const auto& properties = schemas["Determination"]["properties"];
  for (const auto& [key, value] : answer.items()) EXPECT_TRUE(properties.contains(key)) << key;
  for (const auto& key : schemas["Determination"]["required"])
    EXPECT_TRUE(answer.contains(key.get<std::string>())) << key;
  const auto& finding = schemas["Finding"]["properties"];
  ASSERT_FALSE(answer["requirements"].empty());
  for (const auto& [key, value] : answer["requirements"][0].items())
    EXPECT_TRUE(finding.contains(key)) << key;
  const auto& party = properties["parties"]["items"]["properties"];
  ASSERT_FALSE(answer["parties"].empty());
  for (const auto& [key, value] : answer["parties"][0].items())
    EXPECT_TRUE(party.contains(key)) << key;
}

TEST_F(HttpApiTest, ReadyzIsUnavailableUntilASnapshotIsLoaded) {
  TempDir empty;
  EngineHolder engines(empty.path(), "current", 1);
  EXPECT_FALSE(engines.reload().ok());
  ApiService api(engines, {});
  EXPECT_EQ(api.handle({"GET", "/readyz", "", "", "", "", "", ""}).status, 503u);
  EXPECT_EQ(api.handle({"GET", "/healthz", "", "", "", "", "", ""}).status, 200u);
  const auto screen = api.handle({"POST", "/v1/screen", R"({"name":"x"})", "", "", "", "", ""});
  EXPECT_EQ(screen.status, 503u);
  EXPECT_NE(screen.body.find("not_ready"), std::string::npos);
}

TEST_F(HttpApiTest, ScreenAnswersWithTheCliOutputContract) {
  const Entity& listed = entity_named("Example Microelectronics Co.");
  const Reply r = post("/v1/screen", R"({"name":"Example Microelectronics","country":"CN"})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["id"], "1");
  EXPECT_EQ(j["query"]["name"], "Example Microelectronics");
  EXPECT_EQ(j["query"]["country"], "CN");
  EXPECT_EQ(j["snapshot"], engines_->engine()->snapshot->id);
  ASSERT_FALSE(j["hits"].empty());
  const auto& hit = j["hits"][0];
  EXPECT_EQ(hit["entity_id"], listed.id);
  EXPECT_EQ(hit["list"], "EL");
  EXPECT_EQ(hit["matched_name"], "Example Microelectronics Co.");
  EXPECT_EQ(hit["license_requirement"], "All items subject to the EAR.");
  EXPECT_TRUE(hit["explanation"].contains("alignment") || hit["explanation"].size() > 1);

  // Byte for byte what the library (and so `clearance screen --format json`) produces.
  const auto engine = engines_->engine();
  ScreenQuery q;
  q.name = "Example Microelectronics";
  q.country = "CN";
  ScreenSession session;
  const ScreenResult result = engine->screener->screen(q, ScreenOptions{}, session);
  EXPECT_EQ(
      r.body,
      screen_result_to_json("1", q, result, *engine->screener, engine->snapshot->id, 0.80f).dump());
}

TEST_F(HttpApiTest, ScreenHonoursThresholdLimitListsAndId) {
  Reply r = post("/v1/screen", R"({"id":"order-7","name":"Example Microelectronics",
                                   "threshold":0.99,"limit":1,"lists":["SDN"]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["id"], "order-7");
  // The threshold as asked for, not the float's binary expansion (0.9900000095367432).
  EXPECT_NE(r.body.find("\"threshold\":0.99}"), std::string::npos) << r.body;
  EXPECT_TRUE(r.json()["hits"].empty());  // the EL entry is outside the lists asked for
  r = post("/v1/screen", R"({"id":42,"name":"Example Microelectronics","lists":"EL"})");
  EXPECT_EQ(r.json()["id"], "42");
  EXPECT_EQ(r.json()["hits"].size(), 1u);
}

// A name of one 1,000-letter word once cost seconds per query (deletion variants of the whole
// word); it must be answered like any other name.
TEST_F(HttpApiTest, AVeryLongWordIsScreenedLikeAnyName) {
  nlohmann::json body = {{"queries", nlohmann::json::array()}};
  for (int i = 0; i < 20; ++i)
    body["queries"].push_back(
        {{"name", "Example " + std::string(1000, static_cast<char>('a' + i))}});
  const Reply r = post("/v1/screen/batch", body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["count"], 20);
}

TEST_F(HttpApiTest, BatchKeepsOrderAndIds) {
  const Reply r = post("/v1/screen/batch", R"({"limit":3,"queries":[
      {"id":"a","name":"Example Microelectronics"},
      {"name":"Unrelated Bakery GmbH"},
      {"id":"c","name":"DOE, John","type":"person","dob":"1970"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  ASSERT_EQ(j["count"], 3);
  ASSERT_EQ(j["results"].size(), 3u);
  EXPECT_EQ(j["results"][0]["id"], "a");
  EXPECT_FALSE(j["results"][0]["hits"].empty());
  EXPECT_EQ(j["results"][1]["id"], "2");
  EXPECT_TRUE(j["results"][1]["hits"].empty());
  EXPECT_EQ(j["results"][2]["id"], "c");
  EXPECT_EQ(j["results"][2]["hits"][0]["list"], "SDN");
}

TEST_F(HttpApiTest, BatchRejectsTooManyQueriesAndNamesTheBadOne) {
  nlohmann::json many = {{"queries", nlohmann::json::array()}};
  for (size_t i = 0; i <= server::kMaxBatchQueries; ++i) many["queries"].push_back({{"name", "x"}});
  EXPECT_EQ(error_of(post("/v1/screen/batch", many.dump())),
            std::make_tuple(413L, std::string("too_many_queries"), std::string("queries")));
  EXPECT_EQ(error_of(post("/v1/screen/batch", R"({"queries":[{"name":"a"},{"name":7}]})")),
            std::make_tuple(400L, std::string("invalid_field"), std::string("queries[1].name")));
  // The hits asked for in all are bounded too: 1,000 queries at limit 100 are refused before any
  // is screened.
  std::string heavy = R"({"limit": 100, "queries": [)";
  for (int k = 0; k < 1000; ++k) heavy += std::string(k ? "," : "") + R"({"name":"Example"})";
  heavy += "]}";
  EXPECT_EQ(error_of(post("/v1/screen/batch", heavy)),
            std::make_tuple(413L, std::string("too_much_work"), std::string("limit")));
}

// An answer larger than the response limit is not sent: a 413 says how to ask for less.
TEST_F(HttpApiTest, AnAnswerOverTheResponseLimitIsA413) {
  server::ApiOptions options;
  options.max_response_bytes = 300;
  start(std::move(options));
  EXPECT_EQ(post("/v1/screen", R"({"name":"Nonexistent Zzyzx"})").status, 200);
  const Reply big = post("/v1/screen", R"({"name":"Example Microelectronics"})");
  EXPECT_EQ(error_of(big),
            std::make_tuple(413L, std::string("response_too_large"), std::string("limit")));
  EXPECT_NE(big.body.find("300"), std::string::npos);
  EXPECT_EQ(get("/healthz").status, 200);
}

// Health, readiness and metrics are answered on the I/O thread, never queued behind screening.
TEST_F(HttpApiTest, OnlyCheapRoutesRunInline) {
  auto req = [](const std::string& method, const std::string& target) {
    server::HttpRequest r;
    r.method = method;
    r.target = target;
    return r;
  };
  EXPECT_TRUE(ApiService::runs_inline(req("GET", "/healthz")));
  EXPECT_TRUE(ApiService::runs_inline(req("HEAD", "/readyz")));
  EXPECT_TRUE(ApiService::runs_inline(req("GET", "/metrics")));
  EXPECT_TRUE(ApiService::runs_inline(req("GET", "/healthz?verbose=1")));
  EXPECT_FALSE(ApiService::runs_inline(req("POST", "/healthz")));
  EXPECT_FALSE(ApiService::runs_inline(req("POST", "/v1/screen")));
  EXPECT_FALSE(ApiService::runs_inline(req("GET", "/v1/lists")));
  EXPECT_FALSE(ApiService::runs_inline(req("POST", "/v1/admin/reload")));
  // The transport's answer when every worker is busy and the queue is full.
  const auto busy = api_->transport_error(503, "server busy");
  EXPECT_EQ(busy.status, 503u);
  EXPECT_NE(busy.body.find("\"code\":\"busy\""), std::string::npos) << busy.body;
}

TEST_F(HttpApiTest, CompareExplainsTheScore) {
  const Reply r = post("/v1/compare", R"({"a":"Hua Wei Technologies","b":"HUAWEI TECHNOLOGIES"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GT(r.json()["score"].get<double>(), 0.9);
  EXPECT_TRUE(r.json().contains("explanation"));
  EXPECT_EQ(error_of(post("/v1/compare", R"({"a":"x"})")),
            std::make_tuple(400L, std::string("invalid_field"), std::string("b")));
}

TEST_F(HttpApiTest, ListsAndEntities) {
  const auto engine = engines_->engine();
  const Reply lists = get("/v1/lists");
  ASSERT_EQ(lists.status, 200);
  EXPECT_EQ(lists.json()["id"], engine->snapshot->id);
  EXPECT_EQ(lists.json()["entity_count"], engine->snapshot->entities.size());
  EXPECT_EQ(lists.json()["sources"][0]["dataset"], "us_csl");
  EXPECT_EQ(lists.json()["sources"][0]["files"][0]["sha256"].get<std::string>().size(), 64u);

  const Entity& listed = entity_named("DOE, John");
  std::string encoded;
  for (char c : listed.id) encoded += c == ':' ? std::string("%3A") : std::string(1, c);
  const Reply e = get("/v1/entities/" + encoded);
  ASSERT_EQ(e.status, 200) << e.body;
  // Asked by a record id: the whole party, and the record itself under "record".
  EXPECT_EQ(e.json()["record"]["name"], "DOE, John");
  EXPECT_EQ(e.json()["record"]["list"], "SDN");
  EXPECT_EQ(e.json()["record"]["dates_of_birth"][0], "1970-01-02");
  const nlohmann::json party = e.json();
  const std::string party_id = party["party_id"];
  ASSERT_FALSE(party_id.empty());
  bool lists_record = false;
  for (const auto& l : party["listings"])
    lists_record = lists_record || l["record_id"] == listed.id;
  EXPECT_TRUE(lists_record) << e.body;
  // Asked by the party id: the same party, without a "record".
  const Reply by_party = get("/v1/entities/" + party_id);
  ASSERT_EQ(by_party.status, 200) << by_party.body;
  EXPECT_EQ(by_party.json()["party_id"], party_id);
  EXPECT_FALSE(by_party.json().contains("record"));
  EXPECT_EQ(error_of(get("/v1/entities/us_csl:nothing")),
            std::make_tuple(404L, std::string("not_found"), std::string("id")));
}

TEST_F(HttpApiTest, ClassifyAndCheck) {
  Reply r = post("/v1/classify", R"({"chip":"H100 SXM","date":"2025-06-01"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["eccn"], "3A090.a");
  EXPECT_NEAR(r.json()["tpp"].get<double>(), 15831.2, 0.1);
  EXPECT_EQ(error_of(post("/v1/classify", R"({"chip":"no such chip"})")),
            std::make_tuple(400L, std::string("invalid_field"), std::string("chip")));

  r = post("/v1/check", R"({"chip":"H100 SXM","date":"2025-06-01","destination":"CN",
                            "parties":["Example Microelectronics Co."]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["license_required"], "yes");
  EXPECT_EQ(r.json()["snapshot"], engines_->engine()->snapshot->id);
  EXPECT_NE(r.body.find("Example Microelectronics"), std::string::npos);
  EXPECT_EQ(std::get<0>(error_of(post("/v1/check", R"({"chip":"H100 SXM","destination":"ZZ"})"))),
            400L);
  EXPECT_EQ(std::get<2>(error_of(post("/v1/check", R"({"chip":"H100 SXM","colour":"red"})"))),
            "colour");
}

// A value the engine does not know is refused, named — never dropped: a misspelled end use turned
// "license required: yes" into "no". Long party names are refused as the screening refuses them.
TEST_F(HttpApiTest, CheckRefusesWhatItDoesNotKnow) {
  const std::string base = R"("eccn":"5A992","destination":"CN","date":"2025-06-01")";
  EXPECT_EQ(post("/v1/check", "{" + base + R"(,"end_uses":["supercomputer"]})")
                .json()["license_required"],
            "yes");
  for (const auto& [extra, field] : std::vector<std::pair<std::string, std::string>>{
           {R"("end_uses":["Supercomputer"])", "end_uses"},
           {R"("end_uses":["supercomputr"])", "end_uses"},
           {R"("us_person_activity":"facilitat")", "us_person_activity"},
           {R"("us_content":150)", "us_content"},
           {R"("prc_content":-5)", "prc_content"},
           {R"("is_informed":["nope"])", "is_informed"},
       })
    EXPECT_EQ(error_of(post("/v1/check", "{" + base + "," + extra + "}")),
              std::make_tuple(400L, std::string("invalid_field"), field))
        << extra;
  EXPECT_EQ(std::get<2>(error_of(
                post("/v1/check", R"({"eccn":"5A992","destination":"CN","date":"2025-02-30"})"))),
            "date");
  EXPECT_EQ(std::get<2>(error_of(
                post("/v1/check", R"({"eccn":"ZZZZ","destination":"CN","date":"2025-06-01"})"))),
            "eccn");
  nlohmann::json long_name = {
      {"eccn", "5A992"}, {"destination", "CN"}, {"parties", {std::string(5000, 'x')}}};
  EXPECT_EQ(std::get<2>(error_of(post("/v1/check", long_name.dump()))), "parties");
}

// "Described in" another ECCN moves a chip to that ECCN's .z paragraph: a value that is no ECCN
// ("5a992", "5A992 c") was ignored, and the chip classified as if nothing described it.
TEST_F(HttpApiTest, DescribedInMustBeAnEccn) {
  EXPECT_EQ(post("/v1/classify", R"({"chip":"H100 SXM","date":"2025-01-01","form":"computer",)"
                                 R"("described_in":"5A992.c"})")
                .json()["eccn"],
            "5A992.z.1");
  for (const char* bad : {"5a992", "5A992 c", "encryption"}) {
    nlohmann::json classify = {{"chip", "H100 SXM"}, {"date", "2025-01-01"}, {"described_in", bad}};
    EXPECT_EQ(error_of(post("/v1/classify", classify.dump())),
              std::make_tuple(400L, std::string("invalid_field"), std::string("described_in")))
        << bad;
    nlohmann::json check = {
        {"chip", "H100 SXM"}, {"destination", "CN"}, {"date", "2025-06-01"}, {"described_in", bad}};
    EXPECT_EQ(error_of(post("/v1/check", check.dump())),
              std::make_tuple(400L, std::string("invalid_field"), std::string("described_in")))
        << bad;
  }
}

// A classification is for a day: one the calendar does not have (30 February), or a year or month
// alone, is refused, as /v1/check refuses it, not read as a day of the rules.
TEST_F(HttpApiTest, ClassifyRefusesAnImpossibleDate) {
  for (const char* date : {"2025-02-30", "2025-04-31", "2023-02-29", "2025", "2025-06"})
    EXPECT_EQ(
        error_of(post("/v1/classify", nlohmann::json{{"chip", "H100 SXM"}, {"date", date}}.dump())),
        std::make_tuple(400L, std::string("invalid_field"), std::string("date")))
        << date;
  EXPECT_EQ(post("/v1/classify", R"({"chip":"H100 SXM","date":"2024-02-29"})").status, 200);
}

// /match's numbers are plain decimals in range: "nan" passed the range check and made a listed
// party "no match"; hexadecimal floats, underflows and fractional limits are no caller's meaning.
TEST_F(HttpApiTest, MatchParametersArePlainNumbersInRange) {
  for (const char* query : {"threshold=nan", "cutoff=nan", "threshold=-nan", "threshold=0x0.8",
                            "cutoff=0x1p-2", "threshold=1e-400", "limit=1.9", "limit=-1"})
    EXPECT_EQ(
        std::get<0>(error_of(post(std::string("/match/default?") + query, R"({"queries":{}})"))),
        400L)
        << query;
  EXPECT_EQ(post("/match/default?threshold=0.75&cutoff=.5&limit=3", R"({"queries":{}})").status,
            200);
}

// One subject id twice in one request is refused: the first's alerts stayed open on the second.
TEST_F(HttpApiTest, ASubjectIdTwiceInOneRequestIsRefused) {
  EXPECT_EQ(
      error_of(post("/v1/subjects",
                    R"({"subjects":[{"id":"d1","name":"Huawei"},{"id":"d1","name":"ZTE"}]})")),
      std::make_tuple(400L, std::string("invalid_field"), std::string("subjects[1].id")));
}

// A subject once screened at a stricter threshold is screened again at a lower one: its data
// unchanged, it was passed by and its alert never opened.
TEST_F(HttpApiTest, ASubjectScreenedStricterOnceIsScreenedAgainAtTheStoresThreshold) {
  Reply r =
      post("/v1/subjects",
           R"({"subjects":[{"id":"tt1","name":"Exampel Microelectronics Co."}],"threshold":1.0})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["alerts_opened"].empty()) << r.body;
  r = post("/v1/subjects", R"({"subjects":[{"id":"tt1","name":"Exampel Microelectronics Co."}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["alerts_opened"].size(), 1u) << r.body;
}

// A numeric id past the signed range comes back as written, not as another number.
TEST_F(HttpApiTest, ANumericIdComesBackAsWritten) {
  const Reply r = post("/v1/screen", R"({"name":"Nonexistent Zzyzx","id":12345678901234567890})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["id"], "12345678901234567890");
  EXPECT_EQ(std::get<0>(error_of(post("/v1/screen", R"({"name":"Nonexistent","id":1.5})"))), 400L);
}

TEST_F(HttpApiTest, YenteShapedMatch) {
  const Entity& listed = entity_named("Example Microelectronics Co.");
  const Reply r = post("/match/default?limit=3", R"({
      "queries": {
        "q1": {"schema": "Company", "properties": {"name": ["Example Microelectronics Co"],
                                                   "country": ["cn"]}},
        "q2": {"schema": "Person", "properties": {"name": "John Doe", "birthDate": ["1970-01-02"]}},
        "q3": {"schema": "Company", "properties": {"name": ["Unrelated Bakery GmbH"]}}},
      "weights": {}, "config": {}})");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["limit"], 3);
  const auto& q1 = j["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty());
  const auto& top = q1["results"][0];
  // A result is a party: its id, and its records as referents.
  EXPECT_EQ(top["id"].get<std::string>().rfind("P-", 0), 0u) << top["id"];
  EXPECT_NE(std::find(top["referents"].begin(), top["referents"].end(), listed.id),
            top["referents"].end());
  EXPECT_EQ(top["caption"], listed.name);
  EXPECT_EQ(top["match"], true);
  EXPECT_EQ(top["datasets"][0], "us_csl");
  EXPECT_EQ(top["properties"]["name"][0], listed.name);
  EXPECT_EQ(top["properties"]["topics"][0], "export.control");
  EXPECT_TRUE(top["features"].contains("name_score"));
  EXPECT_EQ(top["matched_name"], listed.name);
  EXPECT_EQ(q1["total"]["relation"], "eq");
  EXPECT_EQ(q1["query"]["schema"], "Company");
  EXPECT_EQ(j["responses"]["q2"]["results"][0]["schema"], "Person");
  EXPECT_TRUE(j["responses"]["q3"]["results"].empty() ||
              j["responses"]["q3"]["results"][0]["match"] == false);

  // A dataset that is not loaded, an unknown schema, a bad parameter.
  EXPECT_EQ(std::get<0>(error_of(post("/match/no_such_dataset", R"({"queries":{}})"))), 404L);
  EXPECT_EQ(post("/match/no_such_dataset", R"({"queries":{}})").json()["detail"].is_string(), true);
  EXPECT_EQ(
      error_of(post("/match/default",
                    R"({"queries":{"q1":{"schema":"Spaceship","properties":{"name":["x"]}}}})")),
      std::make_tuple(400L, std::string("invalid_field"), std::string("queries.q1.schema")));
  EXPECT_EQ(std::get<2>(error_of(post("/match/default?threshold=2", R"({"queries":{}})"))),
            "threshold");
  // The dataset name restricts the lists.
  const Reply sdn_only = post("/match/SDN", R"({"queries":{"q":{"schema":"Company",
                                 "properties":{"name":["Example Microelectronics Co"]}}}})");
  ASSERT_EQ(sdn_only.status, 200) << sdn_only.body;
  const auto sdn_json = sdn_only.json();
  for (const auto& res : sdn_json["responses"]["q"]["results"])
    EXPECT_EQ(res["properties"]["topics"][0], "sanction");
}

// yente's query parameters are applied or refused, never ignored; `total` counts matches;
// countries are lower case; a Person may be given by name parts.
TEST_F(HttpApiTest, YenteParametersAndShapes) {
  const Entity& listed = entity_named("Example Microelectronics Co.");
  const std::string body = R"({"queries":{"q":{"schema":"Company",
      "properties":{"name":["Example Microelectronics Co"]}}}})";
  auto results_of = [](const Reply& r) { return r.json()["responses"]["q"]["results"]; };
  auto refers_to = [](const nlohmann::json& results, const std::string& id) {
    for (const auto& res : results)
      for (const auto& ref : res["referents"])
        if (ref == id) return true;
    return false;
  };
  const Reply all = post("/match/default?limit=50", body);
  ASSERT_EQ(all.status, 200) << all.body;
  ASSERT_TRUE(refers_to(results_of(all), listed.id));
  size_t matches = 0;
  for (const auto& res : results_of(all)) matches += res["match"] == true;
  EXPECT_EQ(all.json()["responses"]["q"]["total"]["value"], matches);
  const Reply one = post("/match/default?limit=1", body);
  EXPECT_EQ(one.json()["responses"]["q"]["total"]["value"], matches);  // not cut by the limit
  for (const auto& res : results_of(all))
    for (const auto& c : res["properties"].value("country", nlohmann::json::array()))
      EXPECT_EQ(c.get<std::string>(), ascii_lower(c.get<std::string>()));

  std::string encoded;
  for (char c : listed.id) encoded += c == ':' ? std::string("%3A") : std::string(1, c);
  EXPECT_FALSE(
      refers_to(results_of(post("/match/default?exclude_entity_ids=" + encoded, body)), listed.id));
  EXPECT_TRUE(
      refers_to(results_of(post("/match/default?include_dataset=us_trade_csl", body)), listed.id));
  EXPECT_FALSE(
      refers_to(results_of(post("/match/default?exclude_dataset=us_csl", body)), listed.id));
  for (const auto& res : results_of(post("/match/default?topics=sanction", body)))
    EXPECT_NE(std::find(res["properties"]["topics"].begin(), res["properties"]["topics"].end(),
                        "sanction"),
              res["properties"]["topics"].end());
  EXPECT_EQ(error_of(post("/match/default?topics=weather", body)),
            std::make_tuple(400L, std::string("invalid_parameter"), std::string("topics")));
  EXPECT_EQ(std::get<2>(error_of(post("/match/default?include_dataset=nope", body))),
            "include_dataset");
  EXPECT_EQ(std::get<2>(error_of(post("/match/default?exclude_schema=Person", body))),
            "exclude_schema");
  // OpenSanctions' dataset name in the path.
  EXPECT_EQ(post("/match/us_trade_csl", body).status, 200);

  const Reply parts = post("/match/default", R"({"queries":{"q":{"schema":"Person",
      "properties":{"firstName":["John"],"lastName":["Doe"]}}}})");
  ASSERT_EQ(parts.status, 200) << parts.body;
  EXPECT_FALSE(results_of(parts).empty());
}

// Without keys, only requests naming this server are answered: a page elsewhere cannot post to a
// local server (the browser sends its Origin), nor read it through DNS rebinding (its Host).
TEST_F(HttpApiTest, WithoutKeysOnlyThisServersHostAndOriginAreAnswered) {
  server::ApiOptions options;
  options.allowed_hosts = {"localhost", "127.0.0.1", "::1"};
  start(std::move(options));
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/healthz", {"Host: localhost:8080"}).status, 200);
  EXPECT_EQ(error_of(get("/v1/lists", {"Host: attacker.example"})),
            std::make_tuple(403L, std::string("host_not_allowed"), std::string("Host")));
  EXPECT_EQ(std::get<1>(error_of(
                post("/v1/screen", R"({"name":"x"})", {"Origin: http://attacker.example"}))),
            "origin_not_allowed");
  EXPECT_EQ(post("/v1/screen", R"({"name":"x"})", {"Origin: http://localhost:8080"}).status, 200);
  EXPECT_EQ(server::host_of("[::1]:8080"), "::1");
  EXPECT_EQ(server::host_of("http://LocalHost:80/x"), "localhost");
  EXPECT_EQ(server::host_of("10.0.0.5"), "10.0.0.5");
}

// One JSON line per request, with the key's label but never the key, the query string or the body.
TEST_F(HttpApiTest, AccessLogLinesCarryNoKeyNorQuery) {
  const std::string key = "clr_test-key-for-the-access-log";
  const std::string keys_file = dir_ / "keys";
  std::ofstream(keys_file) << server::ApiKeys::hash(key) << " billing\n";
  auto keys = server::ApiKeys::load_file(keys_file);
  ASSERT_TRUE(keys.ok());
  auto log = server::AccessLog::open(dir_ / "access.log");
  ASSERT_TRUE(log.ok());
  server::ApiOptions options;
  options.keys = std::move(keys.value());
  options.access_log = log.value().get();
  start(std::move(options));
  EXPECT_EQ(
      post("/v1/screen?secret=1", R"({"name":"Vladimir Putin"})", {"Authorization: Bearer " + key})
          .status,
      200);
  EXPECT_EQ(get("/v1/lists").status, 401);
  server_.reset();
  auto text = read_file(dir_ / "access.log");
  ASSERT_TRUE(text.ok());
  const auto lines = split_trimmed(text.value(), "\n");
  ASSERT_EQ(lines.size(), 2u) << text.value();
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["status"], 200);
  EXPECT_EQ(first["path"], "/v1/screen");
  EXPECT_EQ(first["key"], "billing");
  EXPECT_EQ(text->find(key), std::string::npos);
  EXPECT_EQ(text->find("secret"), std::string::npos);
  EXPECT_EQ(text->find("Putin"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(lines[1])["status"], 401);
}

// Every client mistake gets a 4xx with a JSON body naming the field; the server keeps serving.
TEST_F(HttpApiTest, BadInputIsA4xxNamingTheField) {
  struct Case {
    std::string method, path, body;
    long status;
    std::string code, field;
  };
  const std::vector<Case> cases = {
      {"POST", "/v1/screen", "{\"name\": ", 400, "invalid_json", ""},
      {"POST", "/v1/screen", "", 400, "invalid_json", ""},
      // A number out of a double's range, on every JSON route (each answered 500).
      {"POST", "/v1/screen", R"({"name": "x", "limit": 1e999})", 400, "invalid_json", ""},
      {"POST", "/v1/screen/batch", R"({"queries": [], "limit": 1e999})", 400, "invalid_json", ""},
      {"POST", "/v1/compare", R"({"a": "x", "b": 1e999})", 400, "invalid_json", ""},
      {"POST", "/v1/classify", R"({"spec": {"tpp": 1e999}})", 400, "invalid_json", ""},
      {"POST", "/v1/check", R"({"eccn": "EAR99", "x": 1e999})", 400, "invalid_json", ""},
      {"POST", "/match/default", R"({"queries": {}, "x": -1e999})", 400, "invalid_json", ""},
      {"POST", "/v1/screen", "[1,2]", 400, "invalid_field", ""},
      {"POST", "/v1/screen", R"({"name": 12})", 400, "invalid_field", "name"},
      {"POST", "/v1/screen", R"({"country": "CN"})", 400, "invalid_field", "name"},
      {"POST", "/v1/screen", R"({"name": "   "})", 400, "invalid_field", "name"},
      {"POST", "/v1/screen", "{\"name\": \"\xff\xfe\"}", 400, "invalid_json", ""},
      {"POST", "/v1/screen", R"({"name": "x", "nmae": "y"})", 400, "invalid_field", "nmae"},
      {"POST", "/v1/screen", R"({"name": "x", "threshold": 2})", 400, "invalid_field", "threshold"},
      {"POST", "/v1/screen", R"({"name": "x", "limit": 0})", 400, "invalid_field", "limit"},
      {"POST", "/v1/screen", R"({"name": "x", "limit": 1.5})", 400, "invalid_field", "limit"},
      {"POST", "/v1/screen", R"({"name": "x", "country": "Atlantis"})", 400, "invalid_field",
       "country"},
      {"POST", "/v1/screen", R"({"name": "x", "type": "robot"})", 400, "invalid_field", "type"},
      {"POST", "/v1/screen", R"({"name": "x", "dob": "1970-13-45"})", 400, "invalid_field", "dob"},
      {"POST", "/v1/screen", R"({"name": "x", "lists": ["EL", "XYZ"]})", 400, "invalid_field",
       "lists"},
      {"POST", "/v1/screen", R"({"name": "x", "lists": [1]})", 400, "invalid_field", "lists[0]"},
      {"POST", "/v1/screen", "{\"name\": \"" + std::string(2000, 'a') + "\"}", 400, "invalid_field",
       "name"},
      {"POST", "/v1/screen/batch", R"({"queries": {}})", 400, "invalid_field", "queries"},
      {"POST", "/v1/screen/batch", R"({})", 400, "invalid_field", "queries"},
      {"GET", "/v1/screen", "", 405, "method_not_allowed", ""},
      {"GET", "/v1/nothing", "", 404, "not_found", ""},
      {"GET", "/v1/entities/%zz", "", 400, "malformed_request", ""},
      {"POST", "/v1/screen", "{\"name\": \"" + std::string(kBodyLimit, 'a') + "\"}", 413,
       "body_too_large", ""},
  };
  for (const Case& c : cases) {
    Reply r = http_call(server_->port(), c.method, c.path, c.body);
    SCOPED_TRACE(c.method + " " + c.path + " " + c.body.substr(0, 60));
    EXPECT_EQ(r.headers["content-type"], "application/json");
    EXPECT_EQ(error_of(r), std::make_tuple(c.status, c.code, c.field)) << r.body;
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  }
  EXPECT_EQ(get("/v1/screen").headers["allow"], "POST");

  // Not HTTP at all, and a request whose declared body never ends.
  const std::string garbage = raw_exchange(server_->port(), "HELLO\r\n\r\n");
  EXPECT_NE(garbage.find("400"), std::string::npos) << garbage;
  EXPECT_NE(garbage.find("malformed_request"), std::string::npos);
  const std::string lying = raw_exchange(server_->port(),
                                         "POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                         "99999999999999999999\r\n\r\n{}");
  EXPECT_NE(lying.find("HTTP/1.1 4"), std::string::npos) << lying;
  EXPECT_EQ(get("/healthz").status, 200);  // still serving
}

TEST_F(HttpApiTest, ApiKeysAreRequiredWhenConfigured) {
  TempDir keys_dir;
  const std::string key = server::ApiKeys::generate().value();
  const std::string admin = server::ApiKeys::generate().value();
  {
    std::ofstream f(keys_dir / "keys");
    f << "# keys for the tests\n"
      << server::ApiKeys::hash(key) << " ci\n"
      << server::ApiKeys::hash(admin) << " operations +admin\n";
  }
  auto keys = server::ApiKeys::load_file(keys_dir / "keys");
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  server::ApiOptions options;
  options.keys = std::move(keys.value());
  start(std::move(options));

  const std::string body = R"({"name":"Example Microelectronics"})";
  EXPECT_EQ(error_of(post("/v1/screen", body)),
            std::make_tuple(401L, std::string("unauthorized"), std::string()));
  EXPECT_EQ(post("/v1/screen", body, {"Authorization: Bearer wrong"}).status, 401);
  EXPECT_EQ(post("/v1/screen", body, {"Authorization: Bearer " + key}).status, 200);
  EXPECT_EQ(post("/v1/screen", body, {"Authorization: ApiKey " + key}).status, 200);  // yente's
  EXPECT_EQ(post("/v1/screen", body, {"Authorization: ApiKey wrong"}).status, 401);
  EXPECT_EQ(post("/v1/screen", body, {"X-API-Key: " + key}).status, 200);
  EXPECT_EQ(get("/metrics").status, 401);
  EXPECT_EQ(get("/healthz").status, 200);  // probes need no key
  EXPECT_EQ(get("/readyz").status, 200);
  // Admin routes need a key marked +admin; a client key may screen but not reload.
  EXPECT_EQ(std::get<1>(error_of(post("/v1/admin/reload", "", {"X-API-Key: " + key}))),
            "admin_required");
  EXPECT_EQ(post("/v1/admin/reload", "", {"X-API-Key: " + admin}).status, 200);
  EXPECT_EQ(post("/v1/screen", body, {"X-API-Key: " + admin}).status, 200);

  // The keys file holds hashes only, and a malformed line is refused, not skipped.
  std::ofstream(keys_dir / "bad") << "not-a-hash\n";
  auto bad = server::ApiKeys::load_file(keys_dir / "bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad:1"), std::string::npos);
}

TEST_F(HttpApiTest, MetricsInPrometheusFormat) {
  ASSERT_EQ(post("/v1/screen", R"({"name":"Example Microelectronics"})").status, 200);
  ASSERT_EQ(post("/v1/screen", R"({"name":1})").status, 400);
  ASSERT_EQ(get("/v1/entities/x").status, 404);
  Reply m = get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.headers["content-type"].substr(0, 10), "text/plain");
  for (const char* line :
       {"clearance_http_requests_total{route=\"/v1/screen\",code=\"200\"} 1",
        "clearance_http_requests_total{route=\"/v1/screen\",code=\"400\"} 1",
        "clearance_http_requests_total{route=\"/v1/entities/{id}\",code=\"404\"} 1",
        "clearance_http_request_duration_seconds_bucket{route=\"/v1/screen\",le=\"+Inf\"} 2",
        "clearance_http_request_duration_seconds_count{route=\"/v1/screen\"} 2",
        "# TYPE clearance_snapshot_age_seconds gauge", "clearance_snapshot_entities "})
    EXPECT_NE(m.body.find(line), std::string::npos) << line << "\n" << m.body;
}

// The engine a reload replaces is freed by free_retired() (the reload thread), once no request
// holds it, and never while one does.
TEST_F(HttpApiTest, AReplacedEngineIsFreedOnlyOnceNoRequestHoldsIt) {
  std::shared_ptr<const ScreeningEngine> held = engines_->engine();
  std::weak_ptr<const ScreeningEngine> old = held;
  SnapshotStore store(dir_.path());
  ASSERT_TRUE(import_lists(store, {fixture("lists/un_small.xml")}, {}).ok());
  ASSERT_TRUE(engines_->reload().value());
  EXPECT_NE(engines_->engine(), held);
  engines_->free_retired(std::chrono::milliseconds(20));
  EXPECT_FALSE(old.expired());  // a request still uses it
  held.reset();
  EXPECT_FALSE(old.expired());  // kept for the reload thread, not freed by the last request
  engines_->free_retired(std::chrono::milliseconds(0));
  EXPECT_TRUE(old.expired());
}

// Clients hammer the server while a new snapshot is imported and swapped in: no request fails,
// answers come from the old snapshot and then from the new one.
TEST_F(HttpApiTest, ReloadUnderLoadDropsNothing) {
  const std::string old_id = engines_->engine()->snapshot->id;
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0}, answered{0};
  std::mutex seen_mutex;
  std::set<std::string> seen;
  std::vector<std::thread> clients;
  for (int t = 0; t < 3; ++t)
    clients.emplace_back([&] {
      while (!stop) {
        const Reply r = post("/v1/screen", R"({"name":"Example Microelectronics"})");
        if (r.status != 200) {
          ++failures;
          continue;
        }
        ++answered;
        std::lock_guard lock(seen_mutex);
        seen.insert(r.json()["snapshot"].get<std::string>());
      }
    });
  while (answered < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  SnapshotStore store(dir_.path());
  ASSERT_TRUE(import_lists(store, {fixture("lists/un_small.xml")}, {}).ok());
  const Reply reload = post("/v1/admin/reload", "");
  ASSERT_EQ(reload.status, 200) << reload.body;
  EXPECT_EQ(reload.json()["reloaded"], true);
  const std::string new_id = reload.json()["snapshot"];
  EXPECT_NE(new_id, old_id);
  const int before = answered;
  while (answered < before + 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop = true;
  for (auto& c : clients) c.join();
  EXPECT_EQ(failures, 0);
  EXPECT_TRUE(seen.count(old_id));
  EXPECT_TRUE(seen.count(new_id));
  EXPECT_EQ(get("/v1/lists").json()["id"], new_id);
  // Nothing new: a second reload keeps the engine.
  EXPECT_EQ(post("/v1/admin/reload", "").json()["reloaded"], false);
}

// With a reload thread (as `clearance serve` has), the admin route hands the reload to it and
// answers at once: loading and indexing never hold a request thread.
TEST_F(HttpApiTest, AdminReloadIsHandedToTheReloadThread) {
  std::atomic<int> requested{0};
  server::ApiOptions options;
  options.request_reload = [&requested] { ++requested; };
  start(std::move(options));
  const Reply r = post("/v1/admin/reload", "");
  EXPECT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.json()["reload"], "requested");
  EXPECT_EQ(requested, 1);
}

}  // namespace
}  // namespace clearance::test

namespace clearance::test {
namespace {

// Subjects are listed a page at a time (as alerts are): a store of a few hundred thousand made one
// answer of 41 MB, and past the response limit the list could never be read again.
TEST_F(HttpApiTest, SubjectsAreListedAPageAtATime) {
  nlohmann::json body = {{"subjects", nlohmann::json::array()}};
  for (int i = 0; i < 5; ++i)
    body["subjects"].push_back({{"id", "P-" + std::to_string(i)}, {"name", "Plain Bakery"}});
  ASSERT_EQ(post("/v1/subjects", body.dump()).status, 200);
  auto page = get("/v1/subjects?limit=2").json();
  ASSERT_EQ(page["subjects"].size(), 2u);
  EXPECT_EQ(page["subjects"][0]["id"], "P-0");
  EXPECT_EQ(page["next"], "P-1");
  page = get("/v1/subjects?limit=2&after=P-3").json();
  ASSERT_EQ(page["subjects"].size(), 1u);
  EXPECT_EQ(page["subjects"][0]["id"], "P-4");
  EXPECT_TRUE(page["next"].is_null());
  EXPECT_EQ(std::get<2>(error_of(get("/v1/subjects?limit=0"))), "limit");
}

TEST_F(HttpApiTest, TheCaseStoreOverHttp) {
  // A subject that matches: screened at once, an alert opened.
  auto added =
      post("/v1/subjects", R"({"subjects":[{"id":"C-1","name":"Example Microelectronics Company",)"
                           R"("country":"CN","attributes":{"owner":"east"}},)"
                           R"({"id":"C-2","name":"Plain Bakery"}]})");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json()["changed"], 2);
  ASSERT_EQ(added.json()["alerts_opened"].size(), 1u) << added.body;
  const int64_t id = added.json()["alerts_opened"][0];
  EXPECT_EQ(get("/v1/subjects").json()["subjects"].size(), 2u);
  const auto open = get("/v1/alerts?status=open").json();
  ASSERT_EQ(open["alerts"].size(), 1u);
  EXPECT_EQ(open["alerts"][0]["subject"], "C-1");
  // Bad input: a field, a status, a subject without a name.
  EXPECT_EQ(std::get<1>(error_of(get("/v1/alerts?status=maybe"))), "invalid_request");
  EXPECT_EQ(std::get<2>(error_of(post("/v1/subjects", R"({"subjects":[{"id":"x"}]})"))),
            "subjects[0].name");
  EXPECT_EQ(post("/v1/subjects", R"({"subjects":[]})").status, 400);
  // Decisions: the reviewer and the reason are required; a closed alert is a conflict.
  const std::string decide = "/v1/alerts/" + std::to_string(id) + "/decision";
  EXPECT_EQ(std::get<2>(error_of(post(decide, R"({"decision":"false_positive","reason":"x"})"))),
            "reviewer");
  EXPECT_EQ(post(decide, R"({"decision":"false_positive","reviewer":"ann","reason":" "})").status,
            400);
  EXPECT_EQ(
      post(decide, R"({"decision":"false_positive","reviewer":"ann","reason":"Ohio"})").status,
      200);
  EXPECT_EQ(std::get<1>(error_of(
                post(decide, R"({"decision":"true_match","reviewer":"ann","reason":"x"})"))),
            "alert_closed");
  EXPECT_EQ(
      post("/v1/alerts/999/decision", R"({"decision":"escalate","reviewer":"a","reason":"x"})")
          .status,
      404);
  EXPECT_EQ(post("/v1/alerts/" + std::to_string(id), "{}").status, 404);
  const auto shown = get("/v1/alerts/" + std::to_string(id)).json();
  EXPECT_EQ(shown["status"], "closed");
  EXPECT_EQ(shown["decisions"][0]["reviewer"], "ann");
  EXPECT_EQ(shown["decisions"][0]["reason"], "Ohio");
  // The same subject again: the false positive holds.
  added =
      post("/v1/subjects", R"({"subjects":[{"id":"C-1","name":"Example Microelectronics Company",)"
                           R"("country":"CN","attributes":{"owner":"east"}}]})");
  EXPECT_EQ(added.json()["changed"], 0);
  EXPECT_EQ(get("/v1/audit/verify").json()["intact"], true);
  EXPECT_GT(get("/v1/audit?object=alert:" + std::to_string(id)).json()["entries"].size(), 1u);
  EXPECT_EQ(http_call(server_->port(), "DELETE", "/v1/subjects/C-2").status, 200);
  EXPECT_EQ(http_call(server_->port(), "DELETE", "/v1/subjects/C-2").status, 404);
}

TEST_F(HttpApiTest, AScreeningAskedToBeRecordedIsKeptInTheCaseStore) {
  auto one = post("/v1/screen", R"({"name":"Example Microelectronics","record":true})");
  ASSERT_EQ(one.status, 200) << one.body;
  ASSERT_TRUE(one.json().contains("screening")) << one.body;
  const int64_t id = one.json()["screening"];
  auto entries = get("/v1/audit?object=screening:" + std::to_string(id)).json()["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["action"], "screening.recorded");
  EXPECT_EQ(entries[0]["actor"], "api");
  EXPECT_EQ(entries[0]["detail"]["hits"], 1);
  // Not asked: nothing kept. A batch keeps those it is asked to, all or one by one.
  EXPECT_FALSE(
      post("/v1/screen", R"({"name":"Example Microelectronics"})").json().contains("screening"));
  auto batch =
      post("/v1/screen/batch",
           R"({"queries":[{"name":"Example Microelectronics","record":true},{"name":"Nobody"}]})");
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_TRUE(batch.json()["results"][0].contains("screening"));
  EXPECT_FALSE(batch.json()["results"][1].contains("screening"));
  batch = post("/v1/screen/batch", R"({"record":true,"queries":[{"name":"A"},{"name":"B"}]})");
  EXPECT_GT(batch.json()["results"][1]["screening"], batch.json()["results"][0]["screening"]);
  EXPECT_EQ(std::get<2>(error_of(post("/v1/screen", R"({"name":"A","record":"yes"})"))), "record");
  EXPECT_EQ(get("/v1/audit/verify").json()["intact"], true);
}

TEST_F(HttpApiTest, TheOutboxIsReadByPolling) {
  auto added = post("/v1/subjects",
                    R"({"subjects":[{"id":"C-1","name":"Example Microelectronics Company"}]})");
  ASSERT_EQ(added.status, 200) << added.body;
  auto feed = get("/v1/notifications").json()["notifications"];
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0]["event"], "alert.opened");
  EXPECT_EQ(feed[0]["payload"]["detail"]["subject"], "C-1");
  const int64_t first = feed[0]["id"];
  EXPECT_TRUE(
      get("/v1/notifications?after=" + std::to_string(first)).json()["notifications"].empty());
  EXPECT_EQ(get("/v1/notifications?pending=true").json()["notifications"].size(), 1u);
  EXPECT_EQ(std::get<2>(error_of(get("/v1/notifications?pending=maybe"))), "pending");
  EXPECT_EQ(std::get<2>(error_of(get("/v1/notifications?limit=0"))), "limit");
}

TEST_F(HttpApiTest, OnlyAReviewerKeyDecidesAndItsLabelIsTheReviewer) {
  TempDir keys_dir;
  const std::string client = server::ApiKeys::generate().value();
  const std::string reviewer = server::ApiKeys::generate().value();
  std::ofstream(keys_dir / "keys") << server::ApiKeys::hash(client) << " billing\n"
                                   << server::ApiKeys::hash(reviewer) << " Ann Lee +reviewer\n";
  auto keys = server::ApiKeys::load_file(keys_dir / "keys");
  ASSERT_TRUE(keys.ok());
  server::ApiOptions options;
  options.keys = std::move(keys.value());
  start(std::move(options));
  auto added = post("/v1/subjects",
                    R"({"subjects":[{"id":"C-1","name":"Example Microelectronics Company"}]})",
                    {"X-API-Key: " + client});
  ASSERT_EQ(added.status, 200) << added.body;
  const int64_t id = added.json()["alerts_opened"][0];
  const std::string decide = "/v1/alerts/" + std::to_string(id) + "/decision";
  const std::string body = R"({"decision":"true_match","reason":"same address"})";
  EXPECT_EQ(std::get<1>(error_of(post(decide, body, {"X-API-Key: " + client}))),
            "reviewer_required");
  ASSERT_EQ(post(decide, body, {"X-API-Key: " + reviewer}).status, 200);
  const auto shown = get("/v1/alerts/" + std::to_string(id), {"X-API-Key: " + client}).json();
  EXPECT_EQ(shown["decisions"][0]["reviewer"], "Ann Lee");
  // The subject was added by the client key: its label is the actor in the trail.
  const auto trail = get("/v1/audit?object=subject:C-1", {"X-API-Key: " + client}).json();
  EXPECT_EQ(trail["entries"][0]["actor"], "billing");
}

// The analyst's page: served at / and /ui/… without a key, revalidated by ETag, locked down by
// its Content-Security-Policy; what is not an asset is a 404, never the index.
TEST_F(HttpApiTest, ServesThePageAndItsAssets) {
  const Reply index = get("/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("/ui/js/main.js"), std::string::npos);
  EXPECT_NE(index.headers.at("content-security-policy").find("default-src 'self'"),
            std::string::npos);
  const Reply script = get("/ui/js/main.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.headers.at("content-type"), "text/javascript; charset=utf-8");
  const std::string etag = script.headers.at("etag");
  EXPECT_EQ(get("/ui/js/main.js", {"If-None-Match: " + etag}).status, 304);
  EXPECT_EQ(get("/ui/js/main.js", {"If-None-Match: \"other\""}).status, 200);
  EXPECT_EQ(get("/ui/app.css").headers.at("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(get("/ui/nothing.js").status, 404);
  EXPECT_EQ(get("/ui/index.html").status, 404);
  EXPECT_EQ(get("/ui/../CMakeLists.txt").status, 404);
  EXPECT_EQ(get("/anything-else").status, 404);
  EXPECT_EQ(post("/", "{}").status, 405);
}

TEST_F(HttpApiTest, InfoTellsThePageTheLimitsAndChipsListsTheCatalogue) {
  const auto info = get("/v1/info").json();
  EXPECT_EQ(info["service"], "clearance");
  EXPECT_EQ(info["api_key_required"], false);
  EXPECT_EQ(info["ready"], true);
  const auto chips = get("/v1/chips").json();
  ASSERT_TRUE(chips["chips"].is_array());
  bool h100 = false;
  for (const auto& c : chips["chips"]) h100 |= c["id"] == "nvidia-h100-sxm";
  EXPECT_TRUE(h100);
}

// The page's batch upload: the same runner, output and rejected rows as `screen --input`.
TEST_F(HttpApiTest, BatchJobScreensAnUploadedFileAndKeepsItsRejectedRows) {
  const std::string csv =
      "id,name,country\nr1,Example Microelectronics,CN\nr2,Nobody In Particular Ltd,FR\nr3,,CN\n";
  const Reply submitted = post("/v1/jobs?name=customers.csv&threshold=0.8", csv);
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = submitted.json()["id"];
  EXPECT_EQ(submitted.headers.at("location"), "/v1/jobs/" + id);
  const nlohmann::json job = finished_job(id);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["rows"], 3);
  EXPECT_EQ(job["rows_with_hits"], 1);
  EXPECT_EQ(job["rejected"], 1);
  EXPECT_EQ(job["format"], "csv");
  const Reply results = get("/v1/jobs/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_EQ(results.headers.at("content-disposition"),
            "attachment; filename=\"customers.hits.jsonl\"");
  std::vector<nlohmann::json> rows;
  for (const std::string& line : split_trimmed(results.body, "\n"))
    rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 2u);  // the rejected row is in the other file
  EXPECT_EQ(rows[0]["id"], "r1");
  EXPECT_EQ(rows[0]["hits"][0]["entity_id"], entity_named("Example Microelectronics Co.").id);
  const Reply rejected = get("/v1/jobs/" + id + "/rejected");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_NE(rejected.body.find("4"), std::string::npos) << rejected.body;  // its line
  EXPECT_NE(rejected.body.find("name"), std::string::npos) << rejected.body;
}

TEST_F(HttpApiTest, BatchJobRefusalsNameTheField) {
  EXPECT_EQ(error_of(post("/v1/jobs", "")), std::make_tuple(400L, "invalid_request", "body"));
  EXPECT_EQ(error_of(post("/v1/jobs?threshold=2", "name\nx\n")),
            std::make_tuple(400L, "invalid_request", "threshold"));
  EXPECT_EQ(error_of(post("/v1/jobs?format=xml", "name\nx\n")),
            std::make_tuple(400L, "invalid_request", "format"));
  EXPECT_EQ(error_of(post("/v1/jobs?lists=nosuchlist", "name\nx\n")),
            std::make_tuple(400L, "invalid_request", "lists"));
  EXPECT_EQ(std::get<0>(error_of(get("/v1/jobs/0123456789abcdef"))), 404);
  // A file over the transport's body limit is refused with the limit named.
  const Reply big = post("/v1/jobs", std::string(kBodyLimit + 1, 'a'));
  EXPECT_EQ(big.status, 413);
  EXPECT_NE(big.body.find(std::to_string(kBodyLimit)), std::string::npos) << big.body;
}

// A file that is not a batch file at all (a JSON Lines upload with a broken line) finishes with
// its rows' errors, never a crash or a lost job.
TEST_F(HttpApiTest, BatchJobOfBadJsonLinesReportsEachRow) {
  const Reply submitted =
      post("/v1/jobs?format=jsonl", "{\"name\": \"Example Microelectronics\"}\n{broken\n\"x\"\n");
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = submitted.json()["id"];
  const nlohmann::json job = finished_job(id);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["rows"], 3);
  EXPECT_EQ(job["rejected"], 2);
}

// With API keys, a job is visible only to the key that submitted it.
TEST_F(HttpApiTest, BatchJobsBelongToTheirKey) {
  TempDir keys_dir;
  const std::string a = server::ApiKeys::generate().value();
  const std::string b = server::ApiKeys::generate().value();
  server::ApiOptions options;
  std::ofstream(keys_dir / "keys") << server::ApiKeys::hash(a) << " alice\n"
                                   << server::ApiKeys::hash(b) << " bob\n";
  auto keys = server::ApiKeys::load_file(keys_dir / "keys");
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  options.keys = std::move(keys.value());
  start(std::move(options));
  const Reply submitted = post("/v1/jobs", "name\nExample Microelectronics\n", {"X-API-Key: " + a});
  ASSERT_EQ(submitted.status, 202) << submitted.body;
  const std::string id = submitted.json()["id"];
  EXPECT_EQ(get("/v1/jobs/" + id, {"X-API-Key: " + a}).status, 200);
  EXPECT_EQ(get("/v1/jobs/" + id, {"X-API-Key: " + b}).status, 404);
  EXPECT_EQ(get("/v1/jobs/" + id).status, 401);
  EXPECT_EQ(get("/v1/info").json()["api_key_required"], true);
  EXPECT_EQ(get("/").status, 200);  // the page itself needs no key: it asks for one
}

// What the last import changed, for the page's Lists view.
TEST_F(HttpApiTest, ListsDiffComparesWithThePreviousSnapshot) {
  const auto first = get("/v1/lists/diff").json();
  EXPECT_TRUE(first["old"].is_null());
  SnapshotStore store(dir_.path());
  auto report = import_lists(store, {fixture("lists/un_small.xml")}, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_TRUE(engines_->reload().ok());
  const auto diff = get("/v1/lists/diff?limit=2").json();
  ASSERT_FALSE(diff["old"].is_null()) << diff.dump();
  EXPECT_GT(diff["counts"]["added"].get<int>(), 0);
  EXPECT_EQ(diff["counts"]["removed"], 0);
  EXPECT_TRUE(diff["by_dataset"].contains("un_sc")) << diff.dump();
  EXPECT_LE(diff["added"].size(), 2u);
  EXPECT_EQ(std::get<2>(error_of(get("/v1/lists/diff?limit=0"))), "limit");
}

// The review queue by list: alerts whose party has a listing on it in the snapshot in use.
TEST_F(HttpApiTest, AlertsFilterByTheListOfTheirParty) {
  auto added =
      post("/v1/subjects",
           R"({"reviewer":"t","subjects":[{"id":"C-1","name":"Example Microelectronics Co.",)"
           R"("country":"CN"},{"id":"C-3","name":"John Doe","type":"person"}]})");
  ASSERT_EQ(added.status, 200) << added.body;
  ASSERT_EQ(added.json()["alerts_opened"].size(), 2u) << added.body;
  auto subjects_of = [&](const std::string& query) {
    std::set<std::string> out;
    const auto page = get("/v1/alerts?" + query).json();
    for (const auto& a : page["alerts"]) out.insert(a["subject"].get<std::string>());
    return out;
  };
  EXPECT_EQ(subjects_of("list=EL"), std::set<std::string>{"C-1"});
  EXPECT_EQ(subjects_of("list=sdn"), std::set<std::string>{"C-3"});
  EXPECT_EQ(subjects_of("list=EL&limit=1"), std::set<std::string>{"C-1"});
  EXPECT_EQ(subjects_of("list=SDN&subject=C-1"), std::set<std::string>{});
  EXPECT_EQ(error_of(get("/v1/alerts?list=nosuchlist")),
            std::make_tuple(400L, "invalid_request", "list"));
  // A blank reason is refused against the reason field (the page shows it there).
  const int64_t id = added.json()["alerts_opened"][0];
  EXPECT_EQ(std::get<2>(error_of(post("/v1/alerts/" + std::to_string(id) + "/decision",
                                      R"({"decision":"escalate","reviewer":"a","reason":" "})"))),
            "reason");
}

}  // namespace
}  // namespace clearance::test
