#include "bench/file_system_type.h"

#include <sys/vfs.h>

namespace hall::bench {

std::string fileSystemType(const std::filesystem::path& dir) {
    struct statfs info {};
    if (::statfs(dir.c_str(), &info) != 0) return "unknown";
    // Magic numbers from linux/magic.h.
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0xEF53UL:
        return "ext4";
    case 0x01021994UL:
        return "tmpfs";
    case 0x58465342UL:
        return "xfs";
    case 0x9123683EUL:
        return "btrfs";
    case 0x794C7630UL:
        return "overlayfs";
    case 0x2FC12FC1UL:
        return "zfs";
    case 0x6969UL:
        return "nfs";
    default:
        return "unknown";
    }
}

} // namespace hall::bench
