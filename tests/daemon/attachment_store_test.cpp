// EncryptedAttachmentStore on its own, with the hall's time given by the test: what it keeps and
// gives back, what it refuses (and wipes all the same), files that must not open (moved to
// another attachment's name, a header edited to another ticket, a flipped byte, another key),
// the retention purge by the time things were stored, what a reopen finds, and the key file.

#include "callstation/controller/attachments.h"
#include "callstation/controller/daemon.h"
#include "tests/daemon/attachment_samples.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace hall;
using namespace hall::controller;
using namespace hall::testing;

namespace {

namespace fs = std::filesystem;

// 2026-11-23T02:00:00Z: the test's hall clock.
const core::Timestamp kT0 = core::Timestamp(core::Millis(1'795'399'200'000));
constexpr auto kDay = std::chrono::hours(24);

std::string fileBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

AttachmentKey keyOf(unsigned char fill) {
    std::array<unsigned char, kAttachmentKeyBytes> bytes{};
    bytes.fill(fill);
    return AttachmentKey(bytes);
}

AttachmentOrigin origin(core::TicketId ticket, AttachmentKind kind, core::Timestamp at) {
    return AttachmentOrigin{ticket,  "A017", kind, std::string(attachmentContentType(kind)),
                            "pad-1", at};
}

AttachmentInfo keep(AttachmentSink& sink, core::TicketId ticket, AttachmentKind kind,
                    core::Timestamp at) {
    std::string bytes = kind == AttachmentKind::Signature ? signaturePng() : twoPagePdf();
    return sink.store(origin(ticket, kind, at), bytes);
}

} // namespace

TEST_CASE("attachment store: kept, listed by ticket, read back, removed; a reopen finds them") {
    TempDir dir("attachment-store");
    const fs::path at = dir.path() / "attachments";
    std::string signatureId, scanId;
    {
        auto store = EncryptedAttachmentStore::open(at, keyOf(7));
        std::string png = signaturePng();
        const auto signature =
            store.store(origin(20261123000017, AttachmentKind::Signature, kT0), png);
        CHECK(png.empty()); // wiped once taken
        CHECK(signature.size == signaturePng().size());
        CHECK(signature.contentType == "image/png");
        CHECK(signature.number == "A017");
        CHECK(signature.device == "pad-1");
        CHECK(signature.storedAt == kT0);
        CHECK(isAttachmentId(signature.id));
        signatureId = signature.id;
        scanId =
            keep(store, 20261123000017, AttachmentKind::Scan, kT0 + std::chrono::minutes(1)).id;
        keep(store, 20261123000018, AttachmentKind::Signature, kT0);

        const auto list = store.list(20261123000017);
        REQUIRE(list.size() == 2);
        CHECK(list[0].id == signatureId);
        CHECK(list[1].id == scanId);
        CHECK(list[1].kind == AttachmentKind::Scan);
        CHECK(store.read(signatureId) == signaturePng());
        CHECK(store.read(scanId) == twoPagePdf());
        CHECK_FALSE(store.read(std::string(32, 'f')));
        CHECK(store.size() == 3);
    }
    auto store = EncryptedAttachmentStore::open(at, keyOf(7));
    CHECK(store.size() == 3);
    const auto found = store.find(scanId);
    REQUIRE(found);
    CHECK(found->storedAt == kT0 + std::chrono::minutes(1));
    CHECK(found->ticket == 20261123000017);
    CHECK(found->sha256.size() == 64);
    CHECK(store.read(scanId) == twoPagePdf());
    const auto removed = store.remove(scanId);
    REQUIRE(removed);
    CHECK(removed->id == scanId);
    CHECK_FALSE(store.remove(scanId));
    CHECK_FALSE(fs::exists(at / (scanId + ".att")));
    CHECK(store.list(20261123000017).size() == 1);
}

TEST_CASE("attachment store: refused unless the bytes are what the kind says, and wiped anyway") {
    TempDir dir("attachment-store-refused");
    auto store = EncryptedAttachmentStore::open(dir.path() / "attachments", keyOf(1));
    const auto refused = [&](AttachmentKind kind, const std::string& type, std::string bytes,
                             const std::string& why) {
        auto o = origin(5, kind, kT0);
        o.contentType = type;
        try {
            store.store(o, bytes);
            FAIL("kept: ", why);
        } catch (const RefusedChange& e) {
            CHECK(e.code() == "bad_attachment");
            CHECK_MESSAGE(std::string(e.what()).find(why) != std::string::npos, e.what());
        }
        CHECK(bytes.empty());
    };
    refused(AttachmentKind::Signature, "image/png", "GIF89a", "not a PNG file");
    refused(AttachmentKind::Scan, "application/pdf", signaturePng(), "not a PDF file");
    refused(AttachmentKind::Signature, "application/pdf", twoPagePdf(), "sent as image/png");
    refused(AttachmentKind::Scan, "application/pdf", "", "empty");
    refused(AttachmentKind::Scan, "application/pdf",
            "%PDF-" + std::string(kMaxAttachmentBytes, ' '), "larger than");
    CHECK(store.size() == 0);
    CHECK(fs::is_empty(dir.path() / "attachments"));
    // A type with parameters is the type.
    std::string png = signaturePng();
    auto o = origin(5, AttachmentKind::Signature, kT0);
    o.contentType = "image/png; charset=binary";
    CHECK(store.store(o, png).contentType == "image/png");
}

TEST_CASE(
    "attachment store: a file moved, edited or damaged does not open; nor under another key") {
    TempDir dir("attachment-store-tamper");
    const fs::path at = dir.path() / "attachments";
    auto store = EncryptedAttachmentStore::open(at, keyOf(3));
    const auto a = keep(store, 20261123000001, AttachmentKind::Signature, kT0);
    const auto b = keep(store, 20261123000002, AttachmentKind::Signature, kT0);
    const auto c = keep(store, 20261123000003, AttachmentKind::Scan, kT0);
    const fs::path fileA = at / (a.id + ".att"), fileB = at / (b.id + ".att"),
                   fileC = at / (c.id + ".att");

    // B's file replaced by A's: B cannot be read (it would be another ticket's signature).
    const std::string sealedA = fileBytes(fileA), sealedB = fileBytes(fileB);
    writeBytes(fileB, sealedA);
    CHECK_THROWS_AS(store.read(b.id), AttachmentUnreadable);
    // A's header changed to name B's ticket (same length, so it still parses): does not decrypt.
    std::string edited = sealedA;
    const auto pos = edited.find("20261123000001");
    REQUIRE(pos != std::string::npos);
    edited.replace(pos, 14, "20261123000002");
    writeBytes(fileA, edited);
    CHECK_THROWS_AS(store.read(a.id), AttachmentUnreadable);
    // A's header naming another kind.
    edited = sealedA;
    edited.replace(edited.find("\"signature\""), 11, "\"scan\"     ");
    writeBytes(fileA, edited);
    CHECK_THROWS_AS(store.read(a.id), AttachmentUnreadable);
    // One byte of A's ciphertext flipped.
    edited = sealedA;
    edited[edited.size() - 40] = static_cast<char>(edited[edited.size() - 40] ^ 1);
    writeBytes(fileA, edited);
    CHECK_THROWS_AS(store.read(a.id), AttachmentUnreadable);
    // Put back, they open again; C's file removed behind the store's back is unreadable, not
    // missing.
    writeBytes(fileA, sealedA);
    writeBytes(fileB, sealedB);
    CHECK(store.read(a.id) == signaturePng());
    CHECK(store.read(b.id) == signaturePng());
    fs::remove(fileC);
    CHECK_THROWS_AS(store.read(c.id), AttachmentUnreadable);

    // The same files under another key: the store will not open at all.
    CHECK_THROWS_AS(EncryptedAttachmentStore::open(at, keyOf(4)), StartupError);
}

TEST_CASE("attachment store: the purge removes what was stored before the cutoff, and only that") {
    TempDir dir("attachment-store-purge");
    const fs::path at = dir.path() / "attachments";
    auto store = EncryptedAttachmentStore::open(at, keyOf(9));
    const auto oldest = keep(store, 1, AttachmentKind::Signature, kT0);
    const auto older = keep(store, 1, AttachmentKind::Scan, kT0 + kDay);
    const auto recent = keep(store, 2, AttachmentKind::Signature, kT0 + 3 * kDay);

    // 30 days' retention, the hall's clock at T0 + 30 days: nothing is old enough yet.
    CHECK(store.purgeStoredBefore(kT0 + 30 * kDay - 30 * kDay).empty());
    // At T0 + 31 days + 1 ms: the two stored on the first days go.
    const auto removed =
        store.purgeStoredBefore(kT0 + 31 * kDay + std::chrono::milliseconds(1) - 30 * kDay);
    REQUIRE(removed.size() == 2);
    CHECK(removed[0].id == oldest.id);
    CHECK(removed[1].id == older.id);
    CHECK_FALSE(fs::exists(at / (oldest.id + ".att")));
    CHECK_FALSE(fs::exists(at / (older.id + ".att")));
    CHECK(store.list(1).empty());
    CHECK(store.read(recent.id) == signaturePng());
    // A reopen finds only the one left.
    CHECK(EncryptedAttachmentStore::open(at, keyOf(9)).size() == 1);
}

TEST_CASE("attachment store: at open, half-written files go and damaged ones are left out") {
    TempDir dir("attachment-store-open");
    const fs::path at = dir.path() / "attachments";
    std::string id;
    {
        auto store = EncryptedAttachmentStore::open(at, keyOf(2));
        id = keep(store, 1, AttachmentKind::Signature, kT0).id;
    }
    CHECK((fs::status(at).permissions() & fs::perms::all) == fs::perms::owner_all);
    writeBytes(at / (std::string(32, 'a') + ".att.tmp"), "half a file");
    writeBytes(at / (std::string(32, 'b') + ".att"), "HALLATT1 not really");
    writeBytes(at / "README", "left alone");
    auto store = EncryptedAttachmentStore::open(at, keyOf(2));
    CHECK(store.size() == 1);
    CHECK(store.read(id) == signaturePng());
    CHECK_FALSE(fs::exists(at / (std::string(32, 'a') + ".att.tmp")));
    CHECK(fs::exists(at / (std::string(32, 'b') + ".att")));
    CHECK(fs::exists(at / "README"));
    CHECK(EncryptedAttachmentStore::holdsAttachments(at));
    CHECK_FALSE(EncryptedAttachmentStore::holdsAttachments(dir.path() / "nothing-here"));
}

TEST_CASE("attachment key: created 0600 once, read back the same, never replaced") {
    TempDir dir("attachment-key");
    const fs::path file = dir.path() / "attachment.key";
    const auto created = AttachmentKey::load(file, true);
    const std::string text = fileBytes(file);
    REQUIRE(text.size() == 65);
    CHECK(text.back() == '\n');
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    const auto again = AttachmentKey::load(file, false);
    CHECK(again.id() == created.id());
    CHECK(std::equal(again.data(), again.data() + kAttachmentKeyBytes, created.data()));
    CHECK(created.id() != keyOf(0).id());
    CHECK(created.id().find(text.substr(0, 16)) == std::string::npos); // the id is not the key

    // Missing while attachments need it: not made anew.
    CHECK_THROWS_AS(AttachmentKey::load(dir.path() / "gone.key", false), StartupError);
    CHECK_FALSE(fs::exists(dir.path() / "gone.key"));
    // Malformed: refused and left as it was.
    writeBytes(file, "0123456789abcdef\n");
    CHECK_THROWS_AS(AttachmentKey::load(file, true), StartupError);
    CHECK(fileBytes(file) == "0123456789abcdef\n");
    writeBytes(file, std::string(64, 'G') + "\n");
    CHECK_THROWS_AS(AttachmentKey::load(file, true), StartupError);
}
