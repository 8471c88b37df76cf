#pragma once
// A citizen's signatures and document scans: a window pad (or a kiosk) captures them for a
// ticket and the controller hands them to the hall's case system. They are personal data, so
// the controller keeps them no longer than the hall says ([attachments] retention_days), never
// shows their bytes to anyone but an admin, and never writes them to a log or the audit log:
// those name the attachment's id, ticket, kind and size only.
//
// AttachmentSink is the hand-over to the case system; a hall whose case system takes the files
// itself gives the controller an adapter of its own. EncryptedAttachmentStore, the one shipped,
// keeps them in the data directory (attachments/), each file encrypted under the hall's
// attachment key and bound to its id, ticket and kind, so a file copied over another one, or a
// header edited to name another ticket, does not decrypt. docs/api.md ("Attachments")
// describes the files.

#include "callstation/controller/refused_change.h"
#include "shared/core/ticket.h"
#include "shared/core/time.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hall::controller {

enum class AttachmentKind { Signature, Scan };

std::string_view attachmentKindName(AttachmentKind kind); // "signature", "scan"
std::optional<AttachmentKind> attachmentKindFromName(std::string_view name);
// What each kind is taken as: a signature as image/png, a scan (one page or many) as
// application/pdf.
std::string_view attachmentContentType(AttachmentKind kind);

// A signature pad's image or a scanner's PDF, never larger than this.
inline constexpr std::size_t kMaxAttachmentBytes = 16 * 1024 * 1024;

// Why `bytes`, sent as `contentType`, are not an attachment of `kind` (the type is the kind's,
// the bytes begin as that type's files do, the size is within kMaxAttachmentBytes); nullopt
// when they are one.
std::optional<std::string> attachmentProblem(AttachmentKind kind, std::string_view contentType,
                                             std::string_view bytes);

// What is kept about an attachment beside its bytes: nothing of its content but its size and
// its SHA-256 (for the case system to check what it received).
struct AttachmentInfo {
    std::string id; // 32 lowercase hex digits, random
    core::TicketId ticket = 0;
    std::string number; // the ticket's number ("A017") when it was handed in
    AttachmentKind kind = AttachmentKind::Signature;
    std::string contentType;
    std::uint64_t size = 0;
    std::string sha256; // of the bytes as handed in, 64 lowercase hex digits
    std::string device; // the terminal that handed it in
    core::Timestamp storedAt{};
};

// Who handed an attachment in, for which ticket and when.
struct AttachmentOrigin {
    core::TicketId ticket = 0;
    std::string number;
    AttachmentKind kind = AttachmentKind::Signature;
    std::string contentType;
    std::string device;
    core::Timestamp at{};
};

bool isAttachmentId(std::string_view text); // 32 lowercase hex digits
// What the audit log and the log say of an attachment: "<id> ticket 20261123000017 A017
// signature 5120 bytes". Nothing of its content.
std::string attachmentSummary(const AttachmentInfo& info);

// The hand-over to the hall's case system. Used from one thread at a time (the attachment
// desk's). A refusal of what was handed in is a RefusedChange with code bad_attachment.
class AttachmentSink {
public:
    virtual ~AttachmentSink() = default;

    // Takes the bytes for the ticket; what was kept. `bytes` is wiped (zeroed) before this
    // returns, whether it was kept or not: no copy of the content stays in memory.
    virtual AttachmentInfo store(const AttachmentOrigin& origin, std::string& bytes) = 0;
    // A ticket's attachments, oldest first.
    virtual std::vector<AttachmentInfo> list(core::TicketId ticket) const = 0;
    virtual std::optional<AttachmentInfo> find(const std::string& id) const = 0;
    // The bytes as handed in; nullopt for an id the sink does not hold. Throws
    // AttachmentUnreadable when it holds them but cannot give them back intact.
    virtual std::optional<std::string> read(const std::string& id) const = 0;
    // What was removed; nullopt for an unknown id.
    virtual std::optional<AttachmentInfo> remove(const std::string& id) = 0;
    // Removes every attachment stored before `cutoff`: what the retention period has run out
    // for. Returns what was removed.
    virtual std::vector<AttachmentInfo> purgeStoredBefore(core::Timestamp cutoff) = 0;
};

// An attachment that is held but does not decrypt or no longer matches its hash: a damaged
// disk, a hand edit, a file moved from another attachment's name, another key.
class AttachmentUnreadable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kAttachmentKeyBytes = 32;

// The hall's attachment key: 32 random bytes, kept in a key file as 64 lowercase hex digits and
// a newline (mode 0600). Wiped from memory when it goes.
class AttachmentKey {
public:
    // Reads the key file, creating it (0600, written whole or not at all) when it is absent
    // and `mayCreate`. Throws StartupError when it is absent and may not be created (the
    // attachments it encrypted would never open again), or is not the shape above: it is never
    // overwritten.
    static AttachmentKey load(const std::filesystem::path& file, bool mayCreate);
    // A key of the caller's (tests).
    explicit AttachmentKey(const std::array<unsigned char, kAttachmentKeyBytes>& bytes);
    ~AttachmentKey();
    AttachmentKey(const AttachmentKey& other);
    AttachmentKey& operator=(const AttachmentKey& other);

    const unsigned char* data() const { return bytes_.data(); }
    // Names the key without telling anything about it (a keyed hash of a fixed text): written in
    // every file, so that files of another key are recognised before anything is decrypted.
    std::string id() const;

private:
    AttachmentKey() = default;
    std::array<unsigned char, kAttachmentKeyBytes> bytes_{};
};

// The sink the controller ships: DATA_DIR/attachments/<id>.att, one file per attachment,
//
//   "HALLATT1" | header length (4 bytes, big-endian) | header (JSON: the AttachmentInfo and
//   the key's id) | nonce (24 bytes) | ciphertext (the bytes, XChaCha20-Poly1305, 16-byte tag)
//
// with "HALLATT1", the attachment id and the header (which holds its ticket and kind) as the
// associated data. Each file is written beside its name, synced and renamed into place. The
// headers are read at open to list what is held; the content only when an admin asks for it.
class EncryptedAttachmentStore final : public AttachmentSink {
public:
    // Opens `dir` (created 0700 when absent), removing any half-written file a crash left.
    // Throws StartupError when a file is not an attachment file or was written under another key
    // (restore that key's file, or move those files away): nothing is deleted that way.
    static EncryptedAttachmentStore open(std::filesystem::path dir, AttachmentKey key);
    // Whether `dir` holds any attachment file: then its key must exist before start-up goes on.
    static bool holdsAttachments(const std::filesystem::path& dir);

    AttachmentInfo store(const AttachmentOrigin& origin, std::string& bytes) override;
    std::vector<AttachmentInfo> list(core::TicketId ticket) const override;
    std::optional<AttachmentInfo> find(const std::string& id) const override;
    std::optional<std::string> read(const std::string& id) const override;
    std::optional<AttachmentInfo> remove(const std::string& id) override;
    std::vector<AttachmentInfo> purgeStoredBefore(core::Timestamp cutoff) override;

    std::size_t size() const { return held_.size(); }

private:
    EncryptedAttachmentStore(std::filesystem::path dir, AttachmentKey key);
    std::filesystem::path fileOf(const std::string& id) const;
    void syncDirectory() const;

    std::filesystem::path dir_;
    AttachmentKey key_;
    std::map<std::string, AttachmentInfo> held_; // by id
};

} // namespace hall::controller
