#pragma once
// The signage files a terminal plays, on its own disk (DATA_DIR/content): each under its id,
// kept only when its SHA-256 is that id, so a file damaged on the way is refused and the copy
// already cached (if any) stays. Beside them the last signage the controller sent
// (signage.json), so a player that starts while the link is down still plays. Writes are
// atomic (temporary file, sync, rename).

#include "shared/protocol/signage.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::terminal {

class ContentCache {
public:
    explicit ContentCache(std::filesystem::path dir); // created when absent

    bool has(const std::string& id) const;
    std::filesystem::path pathOf(const std::string& id) const { return dir_ / id; }
    std::optional<std::string> read(const std::string& id) const;
    // False, and nothing changed, when the bytes' SHA-256 is not `id` or the write fails.
    bool store(const std::string& id, std::string_view bytes);
    // Drops the files of ids not listed (content the hall removed).
    void keepOnly(const std::vector<std::string>& ids);

    void saveSignage(const protocol::Signage& signage);
    std::optional<protocol::Signage> loadSignage() const;

private:
    std::filesystem::path dir_;
};

} // namespace hall::terminal
