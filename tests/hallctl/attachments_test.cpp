// attachments list, get and delete against the real callstationd: what a window pad handed in
// for a ticket, listed without content, written back byte for byte to a new 0600 file (never
// over one that exists) or to stdout, deleted; refusals and usage errors with their exit codes.

#include "tests/daemon/attachment_samples.h"
#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

#include <fstream>
#include <sstream>

using namespace hall;
using namespace hall::testing;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

TEST_CASE("hallctl attachments: list, get to a new file or stdout, delete") {
    TempDir dir("hallctl-attachments");
    DaemonProcess daemon(dir.path());
    auto connection = daemon.connect();
    const auto pad = connection.enroll(daemon.enrollmentCode("pad-1", "window_pad", 1)).credential;
    const auto issued =
        daemon.admin().post("/api/v1/operations/issue_ticket", R"({"service":"permits"})");
    REQUIRE(issued.status == 200);
    const auto ticket = json::parse(issued.body).at("ticket").at("id").get<core::TicketId>();
    // At window 1, whose pad hands in the visit's papers.
    REQUIRE(
        daemon.admin().post("/api/v1/operations/sign_in", R"({"window":1,"staff":"s1"})").status ==
        200);
    REQUIRE(daemon.admin().post("/api/v1/operations/call_next", R"({"window":1})").status == 200);
    netclient::RestClient padApi("localhost", daemon.port(), daemon.caPem(), pad);
    const std::string target = "/api/v1/tickets/" + std::to_string(ticket) + "/attachments";
    const std::string png = signaturePng(), pdf = twoPagePdf();
    auto reply = padApi.post(target + "?kind=signature", png, "image/png");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const std::string signatureId = json::parse(reply.body).at("id");
    reply = padApi.post(target + "?kind=scan", pdf, "application/pdf");
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    const std::string scanId = json::parse(reply.body).at("id");

    auto list = hallctl(dir.path(), {"attachments", "list", std::to_string(ticket)});
    REQUIRE_MESSAGE(list.exitCode == 0, describe(list));
    CHECK(list.err.empty());
    CHECK_MESSAGE(list.out.starts_with("ID" + std::string(32, ' ') +
                                       "TICKET  KIND       TYPE             SIZE  STORED"),
                  list.out);
    const std::string pngSize = std::to_string(png.size()), pdfSize = std::to_string(pdf.size());
    const std::size_t sizeWidth = std::max({std::size_t{4}, pngSize.size(), pdfSize.size()});
    CHECK_MESSAGE(has(list.out, "\n" + signatureId + "  A001    signature  image/png        " +
                                    std::string(sizeWidth - pngSize.size(), ' ') + pngSize + "  "),
                  list.out);
    CHECK(has(list.out, scanId + "  A001    scan       application/pdf"));
    CHECK(has(list.out, "  pad-1\n"));
    CHECK_FALSE(has(list.out, kSignerText));
    // --json is the server's answer.
    const json listed =
        jsonOf(hallctl(dir.path(), {"attachments", "list", std::to_string(ticket), "--json"}));
    CHECK(listed ==
          json::parse(
              daemon.admin().get("/api/v1/attachments?ticket=" + std::to_string(ticket)).body));
    CHECK(hallctl(dir.path(), {"attachments", "list", "12345"}).out ==
          "No attachments for ticket 12345.\n");

    // get: a new file, 0600, the bytes as handed in.
    const fs::path out = dir.file("signature.png");
    auto get = hallctl(dir.path(), {"attachments", "get", signatureId, "--out", out.string()});
    REQUIRE_MESSAGE(get.exitCode == 0, describe(get));
    CHECK(get.out ==
          "Wrote " + std::to_string(png.size()) + " bytes (image/png) to " + out.string() + ".\n");
    CHECK(fileBytes(out) == png);
    CHECK((fs::status(out).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    // Never over an existing file: refused before anything is read.
    auto again = hallctl(dir.path(), {"attachments", "get", scanId, "--out", out.string()});
    CHECK_MESSAGE(again.exitCode == 2, describe(again));
    CHECK(has(again.err, "exists; hallctl does not write over it"));
    CHECK(fileBytes(out) == png);
    // To stdout, for a pipe.
    auto piped = hallctl(dir.path(), {"attachments", "get", scanId, "--out", "-"});
    REQUIRE_MESSAGE(piped.exitCode == 0, describe(piped));
    CHECK(piped.out == pdf);

    // delete; then the controller's 404 is exit 1.
    auto removed = hallctl(dir.path(), {"attachments", "delete", scanId});
    REQUIRE_MESSAGE(removed.exitCode == 0, describe(removed));
    CHECK(removed.out == "Attachment " + scanId + " deleted.\n");
    auto gone =
        hallctl(dir.path(), {"attachments", "get", scanId, "--out", dir.file("scan.pdf").string()});
    CHECK_MESSAGE(gone.exitCode == 1, describe(gone));
    CHECK(has(gone.err, "(not_found)"));
    CHECK_FALSE(fs::exists(dir.file("scan.pdf")));
    CHECK(hallctl(dir.path(), {"attachments", "delete", scanId}).exitCode == 1);

    // Usage errors: nothing is sent.
    CHECK(hallctl(dir.path(), {"attachments", "get", signatureId}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"attachments", "get", "A001", "--out", "x"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"attachments", "delete", "not-an-id"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"attachments", "list", "A001"}).exitCode == 2);
    CHECK(hallctl(dir.path(), {"attachments", "list"}).exitCode == 2);

    // The audit log: the reads and the delete under the local admin's name.
    const auto audit = hallctl(dir.path(), {"audit"});
    REQUIRE_MESSAGE(audit.exitCode == 0, describe(audit));
    CHECK(has(audit.out, "attachment_read"));
    CHECK(has(audit.out, "attachment_delete"));
    CHECK_FALSE(has(audit.out, kSignerText));
}
