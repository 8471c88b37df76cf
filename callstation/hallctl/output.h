#pragma once
// What hallctl prints: aligned tables for people (Chinese names take two columns, so widths are
// display columns, not bytes) and, with --json, the server's answer for scripts.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace hall::hallctl {

class Table {
public:
    // Headers are printed as given (upper case by convention); `rightAligned` are column indexes
    // of numbers.
    explicit Table(std::vector<std::string> headers, std::set<std::size_t> rightAligned = {});
    void add(std::vector<std::string> row); // as many cells as headers
    bool empty() const { return rows_.empty(); }
    // Two spaces between columns, no trailing blanks.
    void print(std::ostream& out) const;

private:
    std::vector<std::string> headers_;
    std::set<std::size_t> right_;
    std::vector<std::vector<std::string>> rows_;
};

// One JSON document on stdout, indented, ending with a newline.
void printJson(const nlohmann::ordered_json& document);

// "45 s", "12 min", "1 h 05 min": waits and service times for people.
std::string formatDuration(std::int64_t milliseconds);

// "—" for an empty cell, so a table never has holes.
std::string orDash(const std::string& text);

// A JSON value as a cell: strings without quotes, numbers as numbers, absent/null as "—".
std::string cell(const nlohmann::ordered_json& object, const char* key);

// A string member, or "" when it is absent or not a string.
std::string text(const nlohmann::ordered_json& object, const char* key);

} // namespace hall::hallctl
