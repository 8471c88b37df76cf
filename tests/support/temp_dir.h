#pragma once
// A fresh directory under the system's temporary directory for one test, removed with everything
// in it. mkdtemp makes the name unique even when test processes run in parallel.

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hall::testing {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "hall-test") {
        std::string pattern =
            (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create " + pattern);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

} // namespace hall::testing
