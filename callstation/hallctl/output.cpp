#include "callstation/hallctl/output.h"

#include "callstation/hallsim/text_width.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>

namespace hall::hallctl {

Table::Table(std::vector<std::string> headers, std::set<std::size_t> rightAligned)
    : headers_(std::move(headers)), right_(std::move(rightAligned)) {}

void Table::add(std::vector<std::string> row) {
    if (row.size() != headers_.size()) throw std::logic_error("table row with the wrong number of cells");
    rows_.push_back(std::move(row));
}

void Table::print(std::ostream& out) const {
    std::vector<int> widths;
    for (const auto& h : headers_) widths.push_back(sim::displayWidth(h));
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], sim::displayWidth(row[i]));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) text += "  ";
            text += right_.count(i) ? sim::padLeft(cells[i], widths[i]) : sim::padRight(cells[i], widths[i]);
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out << text << '\n';
    };
    line(headers_);
    for (const auto& row : rows_) line(row);
}

void printJson(const nlohmann::ordered_json& document) { std::cout << document.dump(2) << '\n'; }

std::string formatDuration(std::int64_t milliseconds) {
    const std::int64_t seconds = (milliseconds + 500) / 1000;
    if (seconds < 60) return std::to_string(seconds) + " s";
    const std::int64_t minutes = (seconds + 30) / 60;
    if (minutes < 60) return std::to_string(minutes) + " min";
    const std::int64_t rest = minutes % 60;
    return std::to_string(minutes / 60) + " h " + (rest < 10 ? "0" : "") + std::to_string(rest) + " min";
}

std::string orDash(const std::string& text) { return text.empty() ? "—" : text; }

std::string text(const nlohmann::ordered_json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string cell(const nlohmann::ordered_json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "—";
    if (it->is_string()) return orDash(it->get<std::string>());
    return it->dump();
}

} // namespace hall::hallctl
