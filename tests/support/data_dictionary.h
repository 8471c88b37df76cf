#pragma once
// The data dictionaries of the docs (docs/store.md for the hall database, docs/terminals.md for
// terminal.db) held against what the code really creates: a table or column the document does
// not name, or a documented one that no longer exists, is a difference the tests report by name.
//
// The documents' format, kept simple so that it stays stable:
//
//   ### Table `events`                 a heading whose text starts with a kind and a `name`
//   prose: what the table means, its relations
//   | column | type | meaning |        a markdown table whose first header cell is the entry
//   |---|---|---|                      word ("column" for tables, "field" for JSON payloads)
//   | `seq` | INTEGER | …  |           the first cell names one entry (backticks dropped)
//
// A section ends at the next heading of any level.

#include "shared/store/database.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::testing {

// name → its entries, for the sections of one kind ("Table", "Event").
using Dictionary = std::map<std::string, std::set<std::string>>;

namespace dictionary_detail {

inline std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

inline std::string unquote(std::string text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '`' && text.back() == '`')
        text = text.substr(1, text.size() - 2);
    return text;
}

// The cells of a markdown table row ("| a | b |" → {"a", "b"}); empty when not a row.
inline std::vector<std::string> cells(const std::string& line) {
    const std::string row = trim(line);
    if (row.size() < 2 || row.front() != '|') return {};
    std::vector<std::string> out;
    std::string cell;
    bool inCode = false; // a `|` inside backticks is text, not a cell border
    for (std::size_t i = 1; i < row.size(); ++i) {
        const char c = row[i];
        if (c == '`') inCode = !inCode;
        if (c == '|' && !inCode) {
            out.push_back(trim(cell));
            cell.clear();
        } else {
            cell += c;
        }
    }
    return out;
}

} // namespace dictionary_detail

inline std::string readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Reads the sections of `kind` ("Table", "Event") from `markdown`, each with the entries of
// its dictionary tables whose header starts with `entryWord` ("column", "field").
inline Dictionary readDictionary(const std::string& markdown, const std::string& kind,
                                 const std::string& entryWord) {
    using namespace dictionary_detail;
    Dictionary out;
    std::istringstream lines(markdown);
    std::string line;
    std::string section;  // the open section's name, empty outside one of `kind`
    bool inTable = false; // inside a dictionary table of the open section
    bool sawHeader = false;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.front() == '#') {
            section.clear();
            inTable = false;
            std::string heading = trim(line.substr(line.find_first_not_of('#')));
            if (heading.rfind(kind + " `", 0) == 0) {
                const auto open = heading.find('`');
                const auto close = heading.find('`', open + 1);
                if (close != std::string::npos) {
                    section = heading.substr(open + 1, close - open - 1);
                    out[section]; // a documented section with no entries yet still exists
                }
            }
            continue;
        }
        if (section.empty()) continue;
        const auto row = cells(line);
        if (row.empty()) {
            inTable = false;
            continue;
        }
        if (!inTable) {
            // A table starts: is it a dictionary (its first header cell is the entry word)?
            inTable = true;
            sawHeader = trim(row[0]) == entryWord;
            continue;
        }
        if (!sawHeader) continue;
        if (row[0].find_first_not_of("-: ") == std::string::npos) continue; // |---|---|
        out[section].insert(unquote(row[0]));
    }
    return out;
}

// Every table of `db` (SQLite's own sqlite_* tables aside) with its columns, as
// `pragma table_info` lists them.
inline Dictionary schemaOf(store::Database& db) {
    Dictionary out;
    auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                             "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.columnText(0);
        auto columns = db.prepare("SELECT name FROM pragma_table_info(?1)");
        columns.bind(1, table);
        auto& entries = out[table];
        while (columns.step())
            entries.insert(columns.columnText(0));
    }
    return out;
}

// The differences between what exists and what `document` describes, one sentence each, naming
// the table (or event) and the column (or field): empty when they agree.
inline std::vector<std::string> differences(const Dictionary& actual, const Dictionary& documented,
                                            const std::string& document,
                                            const std::string& what = "table",
                                            const std::string& entry = "column") {
    std::vector<std::string> out;
    for (const auto& [name, entries] : actual) {
        const auto found = documented.find(name);
        if (found == documented.end()) {
            out.push_back(what + " `" + name + "` is not described in " + document);
            continue;
        }
        for (const auto& e : entries)
            if (!found->second.count(e))
                out.push_back(entry + " `" + name + "." + e + "` is not described in " + document);
    }
    for (const auto& [name, entries] : documented) {
        const auto found = actual.find(name);
        if (found == actual.end()) {
            out.push_back(document + " describes " + what + " `" + name +
                          "`, which no longer exists");
            continue;
        }
        for (const auto& e : entries)
            if (!found->second.count(e))
                out.push_back(document + " describes " + entry + " `" + name + "." + e +
                              "`, which no longer exists");
    }
    return out;
}

} // namespace hall::testing
