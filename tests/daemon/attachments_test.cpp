// A citizen's signature and scans through the real callstationd: a window pad (or a kiosk)
// hands them in for a ticket of today with its own credential; on disk they are sealed under the
// hall's attachment key (no PNG or PDF bytes, no run of the content, nothing another key opens);
// an admin reads them back byte for byte and deletes them; everything else — the wrong kind,
// bytes that are not what they claim, a ticket the engine does not hold today, a board's or an
// admin's credential, none — is refused with its code and keeps nothing. They go once the hall's
// retention period has run out, at start-up and while the controller runs. The audit log and
// the controller's log name ids, tickets, kinds and sizes, never the content.

#include "callstation/controller/data_dir.h"
#include "tests/daemon/attachment_samples.h"
#include "tests/daemon/daemon_process.h"
#include "tests/daemon/test_requests.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sodium.h>
#include <sstream>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string credentialOf(const DaemonProcess& daemon, const std::string& name,
                         const std::string& role, std::optional<int> window = {},
                         const std::string& zone = {}) {
    auto connection = daemon.connect();
    return connection.enroll(daemon.enrollmentCode(name, role, window, zone)).credential;
}

// A ticket issued and called to window 1, whose pad files its papers (a window pad may attach
// only to the visits at its own counter).
core::TicketId issueTicket(const DaemonProcess& daemon) {
    auto api = daemon.admin();
    const auto reply = api.post("/api/v1/operations/issue_ticket", R"({"service":"permits"})");
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    api.post("/api/v1/operations/sign_in", R"({"window":1,"staff":"s1"})"); // once is enough
    api.post("/api/v1/operations/finish", R"({"window":1})");               // the last visit
    const auto called = api.post("/api/v1/operations/call_next", R"({"window":1})");
    REQUIRE_MESSAGE(called.status == 200, called.body);
    const auto id = json::parse(reply.body).at("ticket").at("id").get<core::TicketId>();
    REQUIRE(json::parse(called.body).at("ticket").at("id").get<core::TicketId>() == id);
    return id;
}

netclient::HttpReply upload(const DaemonProcess& daemon, const std::string& credential,
                            const std::string& ticket, const std::string& kind,
                            const std::string& bytes, const std::string& type) {
    netclient::RestClient client("localhost", daemon.port(), daemon.caPem(), credential);
    return client.post("/api/v1/tickets/" + ticket + "/attachments?kind=" + kind, bytes, type);
}

netclient::HttpReply upload(const DaemonProcess& daemon, const std::string& credential,
                            core::TicketId ticket, const std::string& kind,
                            const std::string& bytes, const std::string& type) {
    return upload(daemon, credential, std::to_string(ticket), kind, bytes, type);
}

std::string errorOf(const netclient::HttpReply& reply) {
    const auto body = json::parse(reply.body, nullptr, false);
    if (body.is_discarded() || !body.contains("error")) return "(no error: " + reply.body + ")";
    return body["error"]["code"].get<std::string>();
}

json listed(const DaemonProcess& daemon, core::TicketId ticket) {
    const auto reply = daemon.admin().get("/api/v1/attachments?ticket=" + std::to_string(ticket));
    REQUIRE_MESSAGE(reply.status == 200, reply.body);
    return json::parse(reply.body).at("attachments");
}

std::vector<fs::path> attachmentFiles(const fs::path& dataDir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dataDir / controller::files::kAttachmentsDir))
        files.push_back(entry.path());
    return files;
}

std::array<unsigned char, 32> keyOf(const fs::path& keyFile) {
    std::string text = fileBytes(keyFile);
    REQUIRE(text.size() == 65);
    std::array<unsigned char, 32> key{};
    REQUIRE(sodium_hex2bin(key.data(), key.size(), text.data(), 64, nullptr, nullptr, nullptr) ==
            0);
    return key;
}

// Opens a file as docs/api.md ("Attachments") describes it: "HALLATT1", the header's length
// (4 bytes, big-endian), the header, a 24-byte nonce, then XChaCha20-Poly1305 with the id, a
// newline, the magic, length and header as associated data. nullopt when it does not open.
std::optional<std::string> unseal(const std::string& file, const std::string& id,
                                  const unsigned char* key) {
    REQUIRE(file.starts_with("HALLATT1"));
    std::size_t length = 0;
    for (std::size_t i = 8; i < 12; ++i)
        length = (length << 8) | static_cast<unsigned char>(file[i]);
    const std::size_t prefix = 12 + length;
    REQUIRE(file.size() > prefix + 24 + 16);
    const std::string ad = id + "\n" + file.substr(0, prefix);
    const auto* nonce = reinterpret_cast<const unsigned char*>(file.data() + prefix);
    const std::size_t sealed = file.size() - prefix - 24;
    std::string plain(sealed - 16, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), nullptr, nullptr, nonce + 24, sealed,
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce, key) != 0)
        return std::nullopt;
    return plain;
}

// Whether any `run` bytes in a row of `plain` appear in `haystack`.
bool sharesRun(const std::string& haystack, const std::string& plain, std::size_t run = 16) {
    for (std::size_t i = 0; i + run <= plain.size(); ++i)
        if (haystack.find(plain.substr(i, run)) != std::string::npos) return true;
    return false;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A demo clock at 10:00 today on the hall's clock plus `days` (fractions too), running at real
// speed: the hall "later" without waiting.
std::string daysOn(double days) {
    return "10:00@1@" + std::to_string(nowMs() - static_cast<std::int64_t>(days * 86'400'000));
}

} // namespace

TEST_CASE("attachments: a window pad's signature and scan are sealed on disk, read back by an "
          "admin, and nothing else is taken") {
    REQUIRE(sodium_init() >= 0);
    TempDir dir("daemon-attachments");
    DaemonProcess daemon(dir.path(), {}, "10:00@1");
    auto api = daemon.admin();
    const std::string pad = credentialOf(daemon, "pad-1", "window_pad", 1);
    const std::string kiosk = credentialOf(daemon, "kiosk-1", "kiosk");
    const std::string board = credentialOf(daemon, "board-north", "call_board", {}, "north");
    const auto ticket = issueTicket(daemon);
    const std::string png = signaturePng(), pdf = twoPagePdf();

    // The key: created at the first start, beside the data, 0600.
    const fs::path keyFile = dir.path() / controller::files::kAttachmentKey;
    REQUIRE(fs::exists(keyFile));
    CHECK((fs::status(keyFile).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));

    auto reply = upload(daemon, pad, ticket, "signature", png, "image/png");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const json signature = json::parse(reply.body);
    CHECK(signature.size() == 5);
    CHECK(signature.at("ticket") == ticket);
    CHECK(signature.at("kind") == "signature");
    CHECK(signature.at("type") == "image/png");
    CHECK(signature.at("size") == png.size());
    const std::string signatureId = signature.at("id");
    CHECK(signatureId.size() == 32);

    reply = upload(daemon, pad, ticket, "scan", pdf, "application/pdf");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const std::string scanId = json::parse(reply.body).at("id");
    CHECK(json::parse(reply.body).at("type") == "application/pdf");
    CHECK(scanId != signatureId);

    // On disk: one file each, neither a PNG nor a PDF, no 16 bytes of either in a row; the hall's
    // key opens them (as docs/api.md describes the format), another key does not, and neither
    // does the right key under the other file's id (a file moved to another name).
    auto files = attachmentFiles(dir.path());
    REQUIRE(files.size() == 2);
    const auto key = keyOf(keyFile);
    std::array<unsigned char, 32> otherKey{};
    randombytes_buf(otherKey.data(), otherKey.size());
    for (const auto& [id, plain] : {std::pair{signatureId, png}, std::pair{scanId, pdf}}) {
        const fs::path file = dir.path() / "attachments" / (id + ".att");
        REQUIRE(fs::exists(file));
        const std::string sealed = fileBytes(file);
        CHECK_FALSE(has(sealed, "\x89PNG"));
        CHECK_FALSE(has(sealed, "PNG\r\n"));
        CHECK_FALSE(has(sealed, "%PDF"));
        CHECK_FALSE(has(sealed, kSignerText));
        CHECK_FALSE(has(sealed, kScanPageText));
        CHECK_FALSE(sharesRun(sealed, plain));
        CHECK(unseal(sealed, id, key.data()) == plain);
        CHECK_FALSE(unseal(sealed, id, otherKey.data()));
        CHECK_FALSE(unseal(sealed, id == scanId ? signatureId : scanId, key.data()));
        CHECK((fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
              fs::perms::none);
    }

    // The admin: the ticket's list is metadata only; each reads back byte for byte, typed.
    auto list = listed(daemon, ticket);
    REQUIRE(list.size() == 2);
    CHECK(list[0].at("id") == signatureId);
    CHECK(list[0].at("number") == "A001");
    CHECK(list[0].at("device") == "pad-1");
    CHECK(list[0].at("size") == png.size());
    CHECK(list[0].at("sha256").get<std::string>().size() == 64);
    CHECK(list[1].at("id") == scanId);
    CHECK(list[1].at("kind") == "scan");
    CHECK_FALSE(has(list.dump(), kSignerText));
    auto back = api.get("/api/v1/attachments/" + signatureId);
    REQUIRE(back.status == 200);
    CHECK(back.contentType == "image/png");
    CHECK(back.body == png);
    back = api.get("/api/v1/attachments/" + scanId);
    REQUIRE(back.status == 200);
    CHECK(back.contentType == "application/pdf");
    CHECK(back.body == pdf);
    CHECK(listed(daemon, ticket + 1000).empty());

    // A kiosk may hand one in too; a scan of a few megabytes passes the 64 KiB body limit.
    const std::string bigScan = pdf + std::string(3 * 1024 * 1024, '\n');
    reply = upload(daemon, kiosk, ticket, "scan", bigScan, "application/pdf");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const std::string kioskScanId = json::parse(reply.body).at("id");
    CHECK(api.get("/api/v1/attachments/" + kioskScanId).body == bigScan);

    // Refused, each with its code, and nothing kept.
    const auto refused = [&](const netclient::HttpReply& r, int status, const std::string& code) {
        INFO(r.status, " ", r.body);
        CHECK(r.status == status);
        CHECK(errorOf(r) == code);
    };
    refused(upload(daemon, pad, ticket, "photo", png, "image/png"), 400, "bad_request");
    refused(upload(daemon, pad, ticket, "", png, "image/png"), 400, "bad_request");
    refused(upload(daemon, pad, ticket, "signature", pdf, "application/pdf"), 400,
            "bad_attachment");
    refused(upload(daemon, pad, ticket, "scan", png, "image/png"), 400, "bad_attachment");
    refused(upload(daemon, pad, ticket, "signature", "GIF89a not a png", "image/png"), 400,
            "bad_attachment");
    refused(upload(daemon, pad, ticket, "scan", "%PD not quite", "application/pdf"), 400,
            "bad_attachment");
    refused(upload(daemon, pad, ticket, "scan", "", "application/pdf"), 400, "bad_attachment");
    refused(upload(daemon, pad, ticket + 1000, "signature", png, "image/png"), 404,
            "unknown_ticket");
    refused(upload(daemon, pad, "A001", "signature", png, "image/png"), 404, "unknown_ticket");
    refused(upload(daemon, board, ticket, "signature", png, "image/png"), 403, "forbidden");
    // Another window's pad: not a visit at its counter.
    const std::string otherPad = credentialOf(daemon, "pad-2", "window_pad", 2);
    refused(upload(daemon, otherPad, ticket, "signature", png, "image/png"), 403,
            "not_served_here");
    refused(upload(daemon, daemon.adminCredential(), ticket, "signature", png, "image/png"), 403,
            "forbidden");
    refused(upload(daemon, "", ticket, "signature", png, "image/png"), 401, "unauthenticated");
    refused(upload(daemon, "not-a-credential", ticket, "signature", png, "image/png"), 401,
            "unauthenticated");
    // Over 16 MiB: 413 at the header; other bodies keep their 64 KiB.
    refused(upload(daemon, pad, ticket, "scan", pdf + std::string(16 * 1024 * 1024, ' '),
                   "application/pdf"),
            413, "too_large");
    CHECK(
        api.request(boost::beast::http::verb::put, "/api/v1/notices", std::string(100 * 1024, ' '))
            .status == 413);
    // A pad's credential is no admin's; the admin routes want a ticket or an id.
    CHECK(netclient::RestClient("localhost", daemon.port(), daemon.caPem(), pad)
              .get("/api/v1/attachments/" + signatureId)
              .status == 403);
    CHECK(api.get("/api/v1/attachments").status == 400);
    CHECK(api.get("/api/v1/attachments?ticket=abc").status == 400);
    CHECK(api.get("/api/v1/attachments/" + std::string(32, '0')).status == 404);
    CHECK(api.get("/api/v1/attachments/nope").status == 404);
    CHECK(listed(daemon, ticket).size() == 3);
    CHECK(attachmentFiles(dir.path()).size() == 3);

    // Deleted: the file goes; a second delete and a read find nothing.
    reply = api.del("/api/v1/attachments/" + kioskScanId);
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body) == json{{"removed", kioskScanId}});
    CHECK(api.del("/api/v1/attachments/" + kioskScanId).status == 404);
    CHECK(api.get("/api/v1/attachments/" + kioskScanId).status == 404);
    CHECK(attachmentFiles(dir.path()).size() == 2);

    // Audited: who stored, read and deleted which, by id, ticket, kind and size.
    const auto entries = json::parse(api.get("/api/v1/audit?limit=50").body).at("entries");
    std::vector<std::string> seen;
    for (const auto& e : entries)
        if (e.at("action").get<std::string>().starts_with("attachment_"))
            seen.push_back(e.at("actor").get<std::string>() + " " +
                           e.at("action").get<std::string>() + " " +
                           e.at("detail").get<std::string>());
    const std::string number = " ticket " + std::to_string(ticket) + " A001 ";
    const auto sawEntry = [&](const std::string& entry) {
        return std::find(seen.begin(), seen.end(), entry) != seen.end();
    };
    CHECK(sawEntry("pad-1 attachment_store " + signatureId + number + "signature " +
                   std::to_string(png.size()) + " bytes"));
    CHECK(sawEntry("pad-1 attachment_store " + scanId + number + "scan " +
                   std::to_string(pdf.size()) + " bytes"));
    CHECK(sawEntry("kiosk-1 attachment_store " + kioskScanId + number + "scan " +
                   std::to_string(bigScan.size()) + " bytes"));
    CHECK(sawEntry("hallctl-local attachment_read " + signatureId + number + "signature " +
                   std::to_string(png.size()) + " bytes"));
    CHECK(sawEntry("hallctl-local attachment_delete " + kioskScanId + number + "scan " +
                   std::to_string(bigScan.size()) + " bytes"));
    CHECK(seen.size() == 7); // 3 stored, 3 read, 1 deleted: the refusals wrote nothing

    // Restarted: the headers tell what is held; the content still opens.
    CHECK(daemon.terminate() == 0);
    daemon.start();
    CHECK(listed(daemon, ticket).size() == 2);
    CHECK(daemon.admin().get("/api/v1/attachments/" + scanId).body == pdf);

    // Neither the audit log nor the controller's log holds any of the content.
    const std::string audit = daemon.admin().get("/api/v1/audit?limit=1000").body;
    const std::string log = fileBytes(dir.path() / "callstationd.log");
    for (const auto* text : {&audit, &log}) {
        CHECK_FALSE(has(*text, "PNG"));
        CHECK_FALSE(has(*text, "%PDF"));
        CHECK_FALSE(has(*text, kSignerText));
        CHECK_FALSE(has(*text, kScanPageText));
        CHECK_FALSE(sharesRun(*text, png, 12));
        CHECK_FALSE(sharesRun(*text, pdf, 12));
    }
}

TEST_CASE("attachments: what the retention period has run out for is deleted at start-up") {
    TempDir dir("daemon-attachments-retention");
    const std::string twoDays = "[attachments]\nretention_days = 2\n";
    core::TicketId first = 0;
    std::string oldId, newerId;
    {
        DaemonProcess daemon(dir.path(), twoDays, "10:00@1");
        const std::string pad = credentialOf(daemon, "pad-1", "window_pad", 1);
        first = issueTicket(daemon);
        const auto reply = upload(daemon, pad, first, "signature", signaturePng(), "image/png");
        REQUIRE_MESSAGE(reply.status == 201, reply.body);
        oldId = json::parse(reply.body).at("id");
        CHECK(daemon.terminate() == 0);
    }
    {
        // A day on: kept. Yesterday's ticket takes no more (it is not in today's engine state).
        DaemonProcess daemon(dir.path(), {}, daysOn(1));
        CHECK(listed(daemon, first).size() == 1);
        const std::string pad = credentialOf(daemon, "pad-2", "window_pad", 1);
        auto reply = upload(daemon, pad, first, "signature", signaturePng(), "image/png");
        CHECK(reply.status == 404);
        CHECK(errorOf(reply) == "unknown_ticket");
        const auto today = issueTicket(daemon);
        reply = upload(daemon, pad, today, "scan", twoPagePdf(), "application/pdf");
        REQUIRE_MESSAGE(reply.status == 201, reply.body);
        newerId = json::parse(reply.body).at("id");
        CHECK(daemon.terminate() == 0);
    }
    // Two and a half days after the first: it goes before the port opens, the newer one stays.
    DaemonProcess daemon(dir.path(), {}, daysOn(2.5));
    CHECK(listed(daemon, first).empty());
    CHECK(daemon.admin().get("/api/v1/attachments/" + oldId).status == 404);
    CHECK(daemon.admin().get("/api/v1/attachments/" + newerId).body == twoPagePdf());
    const auto files = attachmentFiles(dir.path());
    REQUIRE(files.size() == 1);
    CHECK(files[0].filename() == newerId + ".att");
    const auto entries =
        json::parse(daemon.admin().get("/api/v1/audit?limit=5").body).at("entries");
    bool audited = false;
    for (const auto& e : entries)
        audited =
            audited || (e.at("action") == "attachment_expired" && e.at("actor") == "callstationd" &&
                        e.at("detail").get<std::string>().starts_with(oldId + " ticket "));
    CHECK(audited);
    CHECK(has(fileBytes(dir.path() / "callstationd.log"),
              "attachments: 1 stored more than 2 day(s) ago deleted"));
}

TEST_CASE("attachments: the running controller deletes them once the retention period is over") {
    TempDir dir("daemon-attachments-purge");
    // A day of the hall's clock in 4.3 s: the purge runs every second then (an hour of the hall's
    // clock, but not more often).
    DaemonProcess daemon(dir.path(), "[attachments]\nretention_days = 1\n", "00:01@20000");
    const std::string pad = credentialOf(daemon, "pad-1", "window_pad", 1);
    const auto ticket = issueTicket(daemon);
    const auto reply = upload(daemon, pad, ticket, "signature", signaturePng(), "image/png");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    CHECK(listed(daemon, ticket).size() == 1);
    const auto started = std::chrono::steady_clock::now();
    bool gone = false;
    while (!gone && std::chrono::steady_clock::now() - started < 20s) {
        std::this_thread::sleep_for(200ms);
        gone = listed(daemon, ticket).empty();
    }
    CHECK(gone);
    // Not before the day was over on the hall's clock (4.3 s here).
    CHECK(std::chrono::steady_clock::now() - started > 3s);
    CHECK(attachmentFiles(dir.path()).empty());
}

TEST_CASE("attachments: the key may live elsewhere; without it, held attachments stop start-up") {
    TempDir dir("daemon-attachments-key");
    const fs::path data = dir.path() / "data";
    const fs::path keyFile = dir.path() / "keys" / "hall-attachments.key";

    SUBCASE("--attachment-key names the file, created 0600 there and not in the data directory") {
        fs::create_directories(keyFile.parent_path());
        ChildProcess child;
        child.start({callstationdPath().string(), "--data-dir", data.string(), "--listen",
                     "127.0.0.1", "--port", "0", "--attachment-key", keyFile.string()},
                    dir.path() / "callstationd.log");
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!fs::exists(data / controller::files::kPortFile) && child.running() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(20ms);
        REQUIRE_MESSAGE(fs::exists(data / controller::files::kPortFile),
                        fileBytes(dir.path() / "callstationd.log"));
        CHECK(child.stop() == 0);
        REQUIRE(fs::exists(keyFile));
        CHECK(fileBytes(keyFile).size() == 65);
        CHECK((fs::status(keyFile).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write));
        CHECK_FALSE(fs::exists(data / controller::files::kAttachmentKey));
        CHECK(fs::is_directory(data / controller::files::kAttachmentsDir));

        // Its directory missing (the volume not mounted): start-up stops, nothing is created.
        ChildProcess again;
        const fs::path elsewhere = dir.path() / "unmounted" / "attachment.key";
        again.start({callstationdPath().string(), "--data-dir", data.string(), "--listen",
                     "127.0.0.1", "--port", "0", "--attachment-key", elsewhere.string()},
                    dir.path() / "again.log");
        while (again.running() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(20ms);
        CHECK_FALSE(again.running());
        CHECK(again.exitDescription() == "exit status 1");
        CHECK(has(fileBytes(dir.path() / "again.log"), "cannot write the attachment key"));
        CHECK_FALSE(fs::exists(elsewhere));
    }

    SUBCASE("a missing or foreign key with attachments held stops start-up; restored, it reads") {
        const fs::path key = data / controller::files::kAttachmentKey;
        std::string id, saved;
        {
            DaemonProcess daemon(data);
            const std::string pad = credentialOf(daemon, "pad-1", "window_pad", 1);
            const auto reply =
                upload(daemon, pad, issueTicket(daemon), "scan", twoPagePdf(), "application/pdf");
            REQUIRE_MESSAGE(reply.status == 201, reply.body);
            id = json::parse(reply.body).at("id");
            CHECK(daemon.terminate() == 0);
        }
        saved = fileBytes(key);
        fs::remove(key);
        try {
            DaemonProcess refused(data);
            FAIL("callstationd started without the key of the attachments it holds");
        } catch (const ControllerStartError& e) {
            CHECK_MESSAGE(has(e.what(), "is missing, but attachments encrypted under it are held"),
                          e.what());
        }
        CHECK_FALSE(fs::exists(key)); // no new key was made
        CHECK(attachmentFiles(data).size() == 1);

        // Another hall's key (well formed, but not this one).
        std::ofstream(key) << std::string(64, 'a') << "\n";
        fs::permissions(key, fs::perms::owner_read | fs::perms::owner_write);
        try {
            DaemonProcess refused(data);
            FAIL("callstationd started with a key the attachments were not encrypted under");
        } catch (const ControllerStartError& e) {
            CHECK_MESSAGE(has(e.what(), "was encrypted under another attachment key"), e.what());
        }
        CHECK(attachmentFiles(data).size() == 1);

        std::ofstream(key, std::ios::trunc) << saved;
        DaemonProcess daemon(data);
        CHECK(daemon.admin().get("/api/v1/attachments/" + id).body == twoPagePdf());
    }
}
