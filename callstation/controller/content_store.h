#pragma once
// The controller's content for information publishing (protocol/signage.h), in a directory of
// its data directory: each file under its SHA-256 (`content/<sha256>`), and signage.json with
// the manifest, the playlist and the emergency message. Every write goes to a temporary file,
// is synced and renamed over the old one: a crash leaves the old state or the new, never half.
// Opening checks every file against its hash; one that no longer matches (a damaged disk, a
// hand edit) is left out of the manifest with a warning, so no player is ever sent it.
// Used on the engine worker's thread (it owns the data directory's writes).

#include "callstation/controller/refused_change.h"
#include "shared/protocol/signage.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hall::controller {

using ContentError = RefusedChange;

class ContentStore {
public:
    // Creates the directory when absent. Throws std::runtime_error when it cannot be read.
    static ContentStore open(std::filesystem::path dir);

    const protocol::Signage& signage() const { return signage_; }

    // Takes a file: its type is checked against its bytes (a PNG or JPEG signature; UTF-8 text
    // of at most kMaxTextSlideBytes without control characters), its size against
    // kMaxContentBytes. The same bytes again: the item already there.
    protocol::ContentItem add(std::string name, std::string type, std::string_view bytes);
    // Refused while the playlist plays it (in_use), or for an unknown id (not_found).
    void remove(const std::string& id);
    // Every entry must name a file of the manifest.
    void setPlaylist(std::vector<protocol::PlaylistEntry> playlist);
    void setEmergency(std::optional<protocol::Emergency> emergency);

    // The file's bytes; nullopt for an id the manifest does not list.
    std::optional<std::string> read(const std::string& id) const;

private:
    explicit ContentStore(std::filesystem::path dir) : dir_(std::move(dir)) {}
    void commit(protocol::Signage next); // the manifest written, then taken

    std::filesystem::path dir_;
    protocol::Signage signage_;
};

} // namespace hall::controller
