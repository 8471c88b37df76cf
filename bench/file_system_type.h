#pragma once
// The file system type of a directory ("ext4", "tmpfs", …), to tell a real disk from memory:
// both benchmarks measure durable writes, and an fsync on tmpfs costs nothing.

#include <filesystem>
#include <string>

namespace hall::bench {

std::string fileSystemType(const std::filesystem::path& dir);

} // namespace hall::bench
