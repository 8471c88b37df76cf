#pragma once
// Replaces a small file so that a reader (or a reboot) sees either the old or the new content,
// never a torn one: write a temporary file beside it, fsync, rename over, fsync the directory.

#include <filesystem>
#include <string_view>
#include <sys/types.h>

namespace hall::technician {

// Throws std::system_error naming the path on any failure; the old file is then left as it was.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content,
                         mode_t mode = 0600);

} // namespace hall::technician
