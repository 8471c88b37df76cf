// Reading a profile from TOML (toml++). Kept out of the codec library so that the decoders
// build with nothing but the C++ library (the fuzz targets compile them again with clang).
#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/hex.h"
#include "drivers/smartcard/sscard_profile.h"

#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

namespace hall::drivers::smartcard {

namespace {

constexpr RecordField kAllFields[] = {RecordField::CardNumber,  RecordField::HolderName,
                                      RecordField::IdNumber,    RecordField::IssuingRegion,
                                      RecordField::CardVersion, RecordField::CardType,
                                      RecordField::IssueDate,   RecordField::ExpiryDate};
constexpr RecordField kRequired[] = {RecordField::CardNumber, RecordField::HolderName,
                                     RecordField::IdNumber, RecordField::IssuingRegion,
                                     RecordField::CardVersion};

// Field paths and line numbers for every message; unknown keys are errors so that a typo
// ("encodng") does not silently fall back to a default.
class Reader {
public:
    Reader(const toml::table& table, std::string path, std::string_view source)
        : table_(table), path_(std::move(path)), source_(source) {}

    [[noreturn]] void fail(std::string_view key, const std::string& what) const {
        const toml::node* n = key.empty() ? nullptr : table_.get(key);
        const auto line = n ? n->source().begin.line : table_.source().begin.line;
        throw ProfileError("profile " + std::string(source_) + ": " + where(key) + ": " + what +
                           (line > 0 ? " (line " + std::to_string(line) + ")" : ""));
    }

    const toml::node* get(std::string_view key, bool required) {
        seen_.insert(std::string(key));
        const toml::node* n = table_.get(key);
        if (!n && required) fail("", "missing key '" + std::string(key) + "'");
        return n;
    }

    std::string string(std::string_view key, bool required) {
        const toml::node* n = get(key, required);
        if (!n) return {};
        if (!n->is_string()) fail(key, "must be a string");
        return n->as_string()->get();
    }

    std::int64_t integer(std::string_view key, bool required, std::int64_t min, std::int64_t max,
                         std::int64_t fallback = 0) {
        const toml::node* n = get(key, required);
        if (!n) return fallback;
        if (!n->is_integer()) fail(key, "must be an integer");
        const std::int64_t v = n->as_integer()->get();
        if (v < min || v > max)
            fail(key, std::to_string(v) + " is out of range " + std::to_string(min) + ".." +
                          std::to_string(max));
        return v;
    }

    std::vector<std::uint8_t> apdu(std::string_view key, const toml::node& n) {
        if (!n.is_string()) fail(key, "must be a hex string");
        std::vector<std::uint8_t> bytes;
        try {
            bytes = fromHex(n.as_string()->get());
            CommandApdu::decode(bytes);
        } catch (const std::exception& e) {
            fail(key, std::string("is not a command APDU: ") + e.what());
        }
        return bytes;
    }

    const toml::array* array(std::string_view key, bool required) {
        const toml::node* n = get(key, required);
        if (!n) return nullptr;
        if (!n->is_array()) fail(key, "must be an array");
        return n->as_array();
    }

    void rejectUnknownKeys() const {
        for (auto&& [k, v] : table_)
            if (!seen_.count(std::string(k.str()))) fail(k.str(), "unknown key");
    }

    std::string where(std::string_view key) const {
        if (key.empty()) return path_.empty() ? "top level" : path_;
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }
    const std::string& path() const { return path_; }

private:
    const toml::table& table_;
    std::string path_;
    std::string_view source_;
    std::set<std::string> seen_;
};

RecordField parseTarget(Reader& r, const std::string& name) {
    for (auto f : kAllFields)
        if (fieldName(f) == name) return f;
    std::string known;
    for (auto f : kAllFields)
        known += (known.empty() ? "" : ", ") + std::string(fieldName(f));
    r.fail("target", "unknown target '" + name + "' (one of: " + known + ")");
}

FieldEncoding parseEncoding(Reader& r, const std::string& name) {
    if (name == "ascii") return FieldEncoding::Ascii;
    if (name == "gbk") return FieldEncoding::Gbk;
    if (name == "bcd") return FieldEncoding::Bcd;
    r.fail("encoding", "unknown encoding '" + name + "' (ascii, gbk or bcd)");
}

FieldSpec parseField(const toml::table& t, const std::string& path, std::string_view source) {
    Reader r(t, path, source);
    FieldSpec f;
    f.target = parseTarget(r, r.string("target", true));
    f.record = static_cast<std::uint8_t>(r.integer("record", true, 1, 254));
    f.tag = static_cast<std::uint8_t>(r.integer("tag", false, 0, 255, f.record));
    // 253: tag + length + value must fit a short Le (255 at most with "exact").
    f.length = static_cast<std::size_t>(r.integer("length", true, 1, 253));
    f.encoding = parseEncoding(r, r.string("encoding", true));
    if (r.get("digits", false)) {
        if (f.encoding != FieldEncoding::Bcd)
            r.fail("digits", "only a bcd field can keep leading digits");
        const auto d = r.integer("digits", true, 1, static_cast<std::int64_t>(f.length * 2));
        f.digits = static_cast<std::size_t>(d);
    }
    r.rejectUnknownKeys();
    return f;
}

FileSpec parseFile(const toml::table& t, const std::string& path, std::string_view source) {
    Reader r(t, path, source);
    FileSpec file;
    file.id = r.string("id", true);
    if (file.id.empty()) r.fail("id", "must not be empty");
    if (const toml::node* n = r.get("select", false)) file.select = r.apdu("select", *n);
    file.readRecordP2 = static_cast<std::uint8_t>(r.integer("read_record_p2", false, 0, 255, 0));
    const toml::array* fields = r.array("fields", true);
    if (fields->empty()) r.fail("fields", "lists no field");
    for (std::size_t i = 0; i < fields->size(); ++i) {
        const toml::node& n = *fields->get(i);
        const std::string fieldPath = path + ".fields[" + std::to_string(i) + "]";
        if (!n.is_table())
            r.fail("fields",
                   "entry " + std::to_string(i) + " must be a table { target = ..., ... }");
        file.fields.push_back(parseField(*n.as_table(), fieldPath, source));
    }
    r.rejectUnknownKeys();
    return file;
}

} // namespace

SsCardProfile parseSsCardProfile(std::string_view tomlText, std::string_view sourceName) {
    toml::table root;
    try {
        root = toml::parse(tomlText, sourceName);
    } catch (const toml::parse_error& e) {
        throw ProfileError("profile " + std::string(sourceName) + ": " +
                           std::string(e.description()) + " (line " +
                           std::to_string(e.source().begin.line) + ")");
    }
    Reader r(root, "", sourceName);
    SsCardProfile p;
    p.name = r.string("name", true);
    p.description = r.string("description", false);
    const std::string le = r.string("le", false);
    if (le.empty() || le == "exact")
        p.le = LeMode::Exact;
    else if (le == "zero")
        p.le = LeMode::Zero;
    else
        r.fail("le", "must be \"exact\" or \"zero\", not \"" + le + "\"");

    const toml::array* selects = r.array("application_select", true);
    for (std::size_t i = 0; i < selects->size(); ++i)
        p.applicationSelect.push_back(
            r.apdu("application_select[" + std::to_string(i) + "]", *selects->get(i)));

    const toml::array* files = r.array("file", true);
    if (files->empty()) r.fail("file", "lists no file");
    for (std::size_t i = 0; i < files->size(); ++i) {
        const toml::node& n = *files->get(i);
        if (!n.is_table())
            r.fail("file", "entry " + std::to_string(i) + " must be a table ([[file]])");
        p.files.push_back(parseFile(*n.as_table(), "file[" + std::to_string(i) + "]", sourceName));
    }
    r.rejectUnknownKeys();

    // Each record field exactly once; the five the record promises must be there.
    for (auto target : kAllFields) {
        int count = 0;
        for (const auto& f : p.files)
            for (const auto& field : f.fields)
                count += field.target == target ? 1 : 0;
        if (count > 1)
            r.fail("file",
                   "target '" + std::string(fieldName(target)) + "' is read more than once");
        bool required = false;
        for (auto req : kRequired)
            required = required || req == target;
        if (required && count == 0)
            r.fail("file", "no field reads '" + std::string(fieldName(target)) +
                               "', which every record needs");
    }
    return p;
}

SsCardProfile loadSsCardProfile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ProfileError("profile " + path.string() + ": cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ProfileError("profile " + path.string() + ": read error");
    return parseSsCardProfile(text.str(), path.string());
}

const SsCardProfile& defaultSsCardProfile() {
    static const SsCardProfile profile =
        parseSsCardProfile(defaultSsCardProfileText(), "mohrss.toml (built in)");
    return profile;
}

} // namespace hall::drivers::smartcard
