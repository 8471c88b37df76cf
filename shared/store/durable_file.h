#pragma once
// Whole files written so that a crash or a power cut leaves the old content or the new, never
// half: a temporary file beside it, synced, renamed over it, and the directory synced. For the
// small files that live beside the databases (the controller's signage files and manifest, the
// terminal's cached copies).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hall::store {

// False, with the old file (if any) left as it was, when any step fails.
bool writeFileDurably(const std::filesystem::path& file, std::string_view bytes);
// The whole file; nullopt when it cannot be read.
std::optional<std::string> readWholeFile(const std::filesystem::path& file);

} // namespace hall::store
