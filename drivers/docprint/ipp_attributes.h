#pragma once
// Reading attributes out of an IPP response: the first value of a name, or all of them; a
// missing attribute gives the fallback, never an error (cupsd leaves out what it does not know).
// Used inside the docprint library, and by tests reading a job's attributes.

#include <cups/ipp.h>
#include <string>
#include <vector>

namespace hall::drivers::docprint::ipp {

std::string text(ipp_t* response, const char* name, const std::string& fallback = {});
int integer(ipp_t* response, const char* name, int fallback = 0); // integer and enum
bool boolean(ipp_t* response, const char* name, bool fallback = false);
std::vector<std::string> texts(ipp_t* response, const char* name);

// Adds requested-attributes (keywords) to a request.
void requestAttributes(ipp_t* request, const std::vector<const char*>& names);

} // namespace hall::drivers::docprint::ipp
