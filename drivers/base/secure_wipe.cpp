#include "drivers/base/secure_wipe.h"

#include <string.h>

namespace drivers {

void secureWipe(void* data, std::size_t size) noexcept {
  if (data != nullptr && size > 0) explicit_bzero(data, size);
}

}  // namespace drivers
