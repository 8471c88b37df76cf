#pragma once
// The engine's user dictionary (the words it learns from what was chosen, ranked higher next
// time) kept in anonymous memory, so that nothing one citizen types is remembered for the next.
//
// libgooglepinyin only takes a user dictionary by file name and reopens that name whenever it
// writes back. A memfd (memfd_create) is a file with no name on any file system; the engine is
// given its /proc/self/fd/<n> alias, which every open() in this process resolves to the same
// memory. Nothing reaches a disk, even if the process is killed, and closing the descriptor
// frees it. The engine must be closed before the descriptor is: once closed, the number <n> may
// be reused by an unrelated file that the engine would then write into.

#include <cstddef>
#include <string>

namespace hall::pinyin {

class PrivateUserDictionary {
public:
    // Throws EngineError (engine.h) when the kernel refuses a memfd.
    PrivateUserDictionary();
    ~PrivateUserDictionary();
    PrivateUserDictionary(const PrivateUserDictionary&) = delete;
    PrivateUserDictionary& operator=(const PrivateUserDictionary&) = delete;

    // The name to hand to the engine (valid inside this process only).
    const std::string& path() const { return path_; }
    // Bytes the engine has written so far: 0 until the engine has opened it.
    std::size_t sizeBytes() const;

private:
    int descriptor_ = -1;
    std::string path_;
};

} // namespace hall::pinyin
