#include "callstation/controller/attachments.h"

#include "callstation/controller/daemon.h"
#include "callstation/controller/log.h"
#include "shared/store/durable_file.h"

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <unistd.h>

namespace hall::controller {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kMagic = "HALLATT1";
constexpr std::string_view kSuffix = ".att";
constexpr std::size_t kIdBytes = 16;
// A header is a few hundred bytes; anything much longer is not one of ours.
constexpr std::uint32_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kPrefixBytes = kMagic.size() + 4;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kAttachmentKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

void startSodium() {
    // Idempotent and thread-safe; -1 means there is no usable random source.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hex(const unsigned char* bytes, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

bool isLowerHex(std::string_view s, std::size_t digits) {
    return s.size() == digits && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// Zeroes a buffer of plaintext when it goes out of scope, whichever way that happens.
class Wipe {
public:
    explicit Wipe(std::string& bytes) : bytes_(bytes) {}
    ~Wipe() {
        sodium_memzero(bytes_.data(), bytes_.size());
        bytes_.clear();
    }
    Wipe(const Wipe&) = delete;
    Wipe& operator=(const Wipe&) = delete;

private:
    std::string& bytes_;
};

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(digest, sizeof digest);
}

// The media type without parameters ("image/png; x=y" → "image/png").
std::string_view mediaType(std::string_view contentType) {
    contentType = contentType.substr(0, contentType.find(';'));
    while (!contentType.empty() && contentType.back() == ' ')
        contentType.remove_suffix(1);
    return contentType;
}

// The header: everything known about an attachment but its content, and the key's id.
std::string headerOf(const AttachmentInfo& info, const std::string& keyId) {
    return json{{"id", info.id},
                {"ticket", info.ticket},
                {"number", info.number},
                {"kind", attachmentKindName(info.kind)},
                {"type", info.contentType},
                {"size", info.size},
                {"sha256", info.sha256},
                {"device", info.device},
                {"stored_at", info.storedAt.time_since_epoch().count()},
                {"key", keyId}}
        .dump();
}

struct Header {
    AttachmentInfo info;
    std::string keyId;
};

std::optional<Header> parseHeader(std::string_view text) {
    const auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
    try {
        Header h;
        h.info.id = parsed.at("id").get<std::string>();
        h.info.ticket = parsed.at("ticket").get<core::TicketId>();
        h.info.number = parsed.at("number").get<std::string>();
        const auto kind = attachmentKindFromName(parsed.at("kind").get<std::string>());
        if (!kind) return std::nullopt;
        h.info.kind = *kind;
        h.info.contentType = parsed.at("type").get<std::string>();
        h.info.size = parsed.at("size").get<std::uint64_t>();
        h.info.sha256 = parsed.at("sha256").get<std::string>();
        h.info.device = parsed.at("device").get<std::string>();
        h.info.storedAt = core::Timestamp(core::Millis(parsed.at("stored_at").get<std::int64_t>()));
        h.keyId = parsed.at("key").get<std::string>();
        if (!isAttachmentId(h.info.id) || !isLowerHex(h.info.sha256, 64)) return std::nullopt;
        return h;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

std::string prefixOf(const std::string& header) {
    const auto n = static_cast<std::uint32_t>(header.size());
    std::string prefix(kMagic);
    for (int shift = 24; shift >= 0; shift -= 8)
        prefix += static_cast<char>((n >> shift) & 0xff);
    return prefix + header;
}

// The header's length from the four bytes after the magic; nullopt when the magic is not there
// or the length is not plausible.
std::optional<std::uint32_t> headerLength(std::string_view prefix) {
    if (prefix.size() < kPrefixBytes || !prefix.starts_with(kMagic)) return std::nullopt;
    std::uint32_t n = 0;
    for (std::size_t i = kMagic.size(); i < kPrefixBytes; ++i)
        n = (n << 8) | static_cast<unsigned char>(prefix[i]);
    if (n == 0 || n > kMaxHeaderBytes) return std::nullopt;
    return n;
}

// The associated data: the id the file is stored (and asked for) under, then the magic and the
// header, which names the ticket and the kind. A file renamed to another attachment's id, or
// whose header was changed to another ticket or kind, fails to decrypt.
std::string associatedData(const std::string& id, std::string_view prefixAndHeader) {
    std::string ad = id;
    ad += '\n';
    ad += prefixAndHeader;
    return ad;
}

// Reads only as far as the header: listing what is held never touches the content.
std::optional<Header> readHeader(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string prefix(kPrefixBytes, '\0');
    if (!in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()))) return std::nullopt;
    const auto length = headerLength(prefix);
    if (!length) return std::nullopt;
    std::string header(*length, '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(header.size()))) return std::nullopt;
    return parseHeader(header);
}

std::optional<std::string> idOfFileName(const std::string& name) {
    if (!name.ends_with(kSuffix)) return std::nullopt;
    std::string id = name.substr(0, name.size() - kSuffix.size());
    if (!isAttachmentId(id)) return std::nullopt;
    return id;
}

} // namespace

std::string_view attachmentKindName(AttachmentKind kind) {
    return kind == AttachmentKind::Signature ? "signature" : "scan";
}

std::optional<AttachmentKind> attachmentKindFromName(std::string_view name) {
    if (name == "signature") return AttachmentKind::Signature;
    if (name == "scan") return AttachmentKind::Scan;
    return std::nullopt;
}

std::string_view attachmentContentType(AttachmentKind kind) {
    return kind == AttachmentKind::Signature ? "image/png" : "application/pdf";
}

std::optional<std::string> attachmentProblem(AttachmentKind kind, std::string_view contentType,
                                             std::string_view bytes) {
    const auto expected = attachmentContentType(kind);
    const std::string what = kind == AttachmentKind::Signature ? "a signature" : "a scan";
    if (mediaType(contentType) != expected)
        return what + " is sent as " + std::string(expected) + ", not '" +
               std::string(contentType) + "'";
    if (bytes.empty()) return "the body is empty";
    if (bytes.size() > kMaxAttachmentBytes)
        return "the body is larger than " + std::to_string(kMaxAttachmentBytes) + " bytes";
    // Checked by the bytes, not the header alone: the case system must be able to open it.
    if (kind == AttachmentKind::Signature && !bytes.starts_with("\x89PNG\r\n\x1a\n"))
        return "the body is not a PNG file";
    if (kind == AttachmentKind::Scan && !bytes.starts_with("%PDF-"))
        return "the body is not a PDF file";
    return std::nullopt;
}

bool isAttachmentId(std::string_view text) {
    return isLowerHex(text, 2 * kIdBytes);
}

std::string attachmentSummary(const AttachmentInfo& info) {
    return info.id + " ticket " + std::to_string(info.ticket) + " " + info.number + " " +
           std::string(attachmentKindName(info.kind)) + " " + std::to_string(info.size) + " bytes";
}

// --- the key ----------------------------------------------------------------------------------

AttachmentKey::AttachmentKey(const std::array<unsigned char, kAttachmentKeyBytes>& bytes)
    : bytes_(bytes) {}

AttachmentKey::~AttachmentKey() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

AttachmentKey::AttachmentKey(const AttachmentKey& other) : bytes_(other.bytes_) {}

AttachmentKey& AttachmentKey::operator=(const AttachmentKey& other) {
    bytes_ = other.bytes_;
    return *this;
}

std::string AttachmentKey::id() const {
    static constexpr std::string_view kText = "callstationd attachment key";
    unsigned char out[16];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(kText.data()),
                       kText.size(), bytes_.data(), bytes_.size());
    return hex(out, sizeof out);
}

AttachmentKey AttachmentKey::load(const fs::path& file, bool mayCreate) {
    startSodium();
    AttachmentKey key;
    if (!fs::exists(file)) {
        if (!mayCreate)
            throw StartupError(
                "the attachment key " + file.string() +
                " is missing, but attachments encrypted under it are held: they could never be "
                "read again under a new key. Restore the key file (or mount the volume it is on, "
                "or pass --attachment-key with its path); only if those attachments are to be "
                "given up, move them out of the attachments directory.");
        randombytes_buf(key.bytes_.data(), key.bytes_.size());
        std::string text = hex(key.bytes_.data(), key.bytes_.size()) + "\n";
        const bool written = store::writeFileDurably(file, text);
        sodium_memzero(text.data(), text.size());
        if (!written)
            throw StartupError("cannot write the attachment key " + file.string() +
                               " (does its directory exist?)");
        logInfo("created the attachment key " + file.string());
        return key;
    }
    std::string text = store::readWholeFile(file).value_or(std::string());
    Wipe wipe(text);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    std::size_t decoded = 0;
    if (!isLowerHex(text, 2 * kAttachmentKeyBytes) ||
        sodium_hex2bin(key.bytes_.data(), key.bytes_.size(), text.data(), text.size(), nullptr,
                       &decoded, nullptr) != 0 ||
        decoded != kAttachmentKeyBytes)
        throw StartupError(file.string() +
                           " is not an attachment key (64 lowercase hex digits). It is not "
                           "replaced: the attachments encrypted under it would be lost. Restore "
                           "it from a backup.");
    std::error_code ec;
    const auto perms = fs::status(file, ec).permissions();
    if (!ec && (perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
        logWarning("the attachment key " + file.string() +
                   " can be read by others than its owner: chmod 600 it");
    return key;
}

// --- the store --------------------------------------------------------------------------------

EncryptedAttachmentStore::EncryptedAttachmentStore(fs::path dir, AttachmentKey key)
    : dir_(std::move(dir)), key_(std::move(key)) {}

bool EncryptedAttachmentStore::holdsAttachments(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (idOfFileName(entry.path().filename().string())) return true;
    return false;
}

EncryptedAttachmentStore EncryptedAttachmentStore::open(fs::path dir, AttachmentKey key) {
    startSodium();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw StartupError("cannot create " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, ec);
    EncryptedAttachmentStore store(std::move(dir), std::move(key));
    const std::string keyId = store.key_.id();
    for (const auto& entry : fs::directory_iterator(store.dir_)) {
        const std::string name = entry.path().filename().string();
        // A write a crash interrupted: never renamed into place, so never acknowledged.
        if (name.ends_with(".tmp")) {
            fs::remove(entry.path(), ec);
            continue;
        }
        const auto id = idOfFileName(name);
        if (!id) continue;
        const auto header = readHeader(entry.path());
        if (!header || header->info.id != *id) {
            // Left where it is for a technician to look at; it is not offered to anyone.
            logWarning("attachment file " + entry.path().string() +
                       " is damaged or misnamed: left out");
            continue;
        }
        if (header->keyId != keyId)
            throw StartupError("attachment file " + entry.path().string() +
                               " was encrypted under another attachment key than " +
                               "the one given: restore that key's file (or pass "
                               "--attachment-key with its path), or move the files it "
                               "encrypted out of " +
                               store.dir_.string());
        store.held_.emplace(*id, header->info);
    }
    return store;
}

fs::path EncryptedAttachmentStore::fileOf(const std::string& id) const {
    return dir_ / (id + std::string(kSuffix));
}

void EncryptedAttachmentStore::syncDirectory() const {
    // A removal is durable only once the directory is.
    if (const int fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

AttachmentInfo EncryptedAttachmentStore::store(const AttachmentOrigin& origin, std::string& bytes) {
    Wipe wipe(bytes);
    if (auto problem = attachmentProblem(origin.kind, origin.contentType, bytes))
        throw RefusedChange("bad_attachment", *problem);

    AttachmentInfo info;
    do {
        unsigned char id[kIdBytes];
        randombytes_buf(id, sizeof id);
        info.id = hex(id, sizeof id);
    } while (held_.count(info.id) != 0 || fs::exists(fileOf(info.id)));
    info.ticket = origin.ticket;
    info.number = origin.number;
    info.kind = origin.kind;
    info.contentType = std::string(mediaType(origin.contentType));
    info.size = bytes.size();
    info.sha256 = sha256Hex(bytes);
    info.device = origin.device;
    info.storedAt = origin.at;

    const std::string prefix = prefixOf(headerOf(info, key_.id()));
    const std::string ad = associatedData(info.id, prefix);
    std::string file(prefix.size() + kNonceBytes + bytes.size() + kTagBytes, '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(file.data() + prefix.size());
    std::copy(prefix.begin(), prefix.end(), file.begin());
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long sealed = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &sealed, reinterpret_cast<const unsigned char*>(bytes.data()),
        bytes.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce,
        key_.data());
    if (!store::writeFileDurably(fileOf(info.id), file))
        throw std::runtime_error("cannot write " + fileOf(info.id).string());
    held_.emplace(info.id, info);
    return info;
}

std::vector<AttachmentInfo> EncryptedAttachmentStore::list(core::TicketId ticket) const {
    std::vector<AttachmentInfo> out;
    for (const auto& [id, info] : held_)
        if (info.ticket == ticket) out.push_back(info);
    std::stable_sort(out.begin(), out.end(), [](const AttachmentInfo& a, const AttachmentInfo& b) {
        return a.storedAt < b.storedAt;
    });
    return out;
}

std::optional<AttachmentInfo> EncryptedAttachmentStore::find(const std::string& id) const {
    const auto it = held_.find(id);
    if (it == held_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> EncryptedAttachmentStore::read(const std::string& id) const {
    const auto it = held_.find(id);
    if (it == held_.end()) return std::nullopt;
    const auto unreadable = [&](const std::string& why) {
        return AttachmentUnreadable("attachment " + id + " cannot be read: " + why);
    };
    const auto file = store::readWholeFile(fileOf(id));
    if (!file) throw unreadable("its file is gone or cannot be opened");
    const auto length = headerLength(*file);
    if (!length || file->size() < kPrefixBytes + *length + kNonceBytes + kTagBytes)
        throw unreadable("its file is damaged");
    const std::string_view prefix = std::string_view(*file).substr(0, kPrefixBytes + *length);
    const auto header = parseHeader(prefix.substr(kPrefixBytes));
    if (!header || header->info.id != id) throw unreadable("its file is another attachment's");
    const std::string ad = associatedData(id, prefix);
    const auto* nonce = reinterpret_cast<const unsigned char*>(file->data() + prefix.size());
    const auto* sealed = nonce + kNonceBytes;
    const std::size_t sealedSize = file->size() - prefix.size() - kNonceBytes;
    std::string bytes(sealedSize - kTagBytes, '\0');
    unsigned long long opened = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(bytes.data()), &opened, nullptr, sealed, sealedSize,
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce, key_.data()) != 0)
        throw unreadable("it does not decrypt (damaged, moved from another attachment's name, or "
                         "encrypted under another key)");
    if (bytes.size() != header->info.size || sha256Hex(bytes) != header->info.sha256) {
        sodium_memzero(bytes.data(), bytes.size());
        throw unreadable("its content does not match its hash");
    }
    return bytes;
}

std::optional<AttachmentInfo> EncryptedAttachmentStore::remove(const std::string& id) {
    const auto it = held_.find(id);
    if (it == held_.end()) return std::nullopt;
    std::error_code ec;
    fs::remove(fileOf(id), ec);
    if (ec) throw std::runtime_error("cannot remove " + fileOf(id).string() + ": " + ec.message());
    syncDirectory();
    AttachmentInfo removed = std::move(it->second);
    held_.erase(it);
    return removed;
}

std::vector<AttachmentInfo> EncryptedAttachmentStore::purgeStoredBefore(core::Timestamp cutoff) {
    std::vector<AttachmentInfo> removed;
    for (auto it = held_.begin(); it != held_.end();) {
        if (it->second.storedAt >= cutoff) {
            ++it;
            continue;
        }
        std::error_code ec;
        fs::remove(fileOf(it->first), ec);
        if (ec) {
            // Tried again at the next purge; the rest go now.
            logWarning("cannot remove " + fileOf(it->first).string() + ": " + ec.message());
            ++it;
            continue;
        }
        removed.push_back(std::move(it->second));
        it = held_.erase(it);
    }
    if (!removed.empty()) syncDirectory();
    std::sort(removed.begin(), removed.end(), [](const AttachmentInfo& a, const AttachmentInfo& b) {
        return a.storedAt < b.storedAt;
    });
    return removed;
}

} // namespace hall::controller
