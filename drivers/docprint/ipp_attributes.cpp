#include "drivers/docprint/ipp_attributes.h"

namespace hall::drivers::docprint::ipp {

std::string text(ipp_t* response, const char* name, const std::string& fallback) {
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO);
    if (!a) return fallback;
    const char* v = ippGetString(a, 0, nullptr);
    return v ? std::string(v) : fallback;
}

int integer(ipp_t* response, const char* name, int fallback) {
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO);
    if (!a) return fallback;
    const ipp_tag_t tag = ippGetValueTag(a);
    if (tag != IPP_TAG_INTEGER && tag != IPP_TAG_ENUM) return fallback;
    return ippGetInteger(a, 0);
}

bool boolean(ipp_t* response, const char* name, bool fallback) {
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_BOOLEAN);
    if (!a) return fallback;
    return ippGetBoolean(a, 0) != 0;
}

std::vector<std::string> texts(ipp_t* response, const char* name) {
    std::vector<std::string> out;
    ipp_attribute_t* a = ippFindAttribute(response, name, IPP_TAG_ZERO);
    if (!a) return out;
    const int n = ippGetCount(a);
    for (int i = 0; i < n; ++i)
        if (const char* v = ippGetString(a, i, nullptr)) out.emplace_back(v);
    return out;
}

void requestAttributes(ipp_t* request, const std::vector<const char*>& names) {
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  static_cast<int>(names.size()), nullptr, names.data());
}

} // namespace hall::drivers::docprint::ipp
