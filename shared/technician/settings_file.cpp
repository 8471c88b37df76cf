#include "shared/technician/settings_file.h"

#include "shared/technician/atomic_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace hall::technician {

namespace {

std::string where(const toml::node& node, const std::string& source) {
    const auto& region = node.source();
    return source + ":" + std::to_string(region.begin.line);
}

void onlyKeys(const toml::table& table, std::initializer_list<std::string_view> keys,
              const std::string& context, const std::string& source) {
    for (const auto& [key, value] : table) {
        if (std::find(keys.begin(), keys.end(), key.str()) == keys.end())
            throw SettingsError(where(value, source) + ": unknown key " + context +
                                std::string(key.str()));
    }
}

std::string requiredString(const toml::table& table, std::string_view key,
                           const std::string& context, const std::string& source) {
    const auto* node = table.get(key);
    if (!node) throw SettingsError(source + ": " + context + std::string(key) + " is missing");
    const auto value = node->value_exact<std::string>();
    if (!value)
        throw SettingsError(where(*node, source) + ": " + context + std::string(key) +
                            " must be a string");
    return *value;
}

DeviceSetting parseDevice(drivers::DeviceKind kind, const toml::table& table,
                          const std::string& context, const std::string& source) {
    onlyKeys(table, {"driver", "transport", "address", "baud"}, context, source);
    DeviceSetting d;
    d.kind = kind;
    d.driver = requiredString(table, "driver", context, source);
    const auto transport = requiredString(table, "transport", context, source);
    const auto parsed = transportFromKey(transport);
    if (!parsed)
        throw SettingsError(where(*table.get("transport"), source) + ": " + context +
                            "transport \"" + transport + "\" is not a transport");
    d.transport = *parsed;
    d.address = requiredString(table, "address", context, source);
    if (const auto* baud = table.get("baud")) {
        const auto value = baud->value_exact<std::int64_t>();
        if (!value || *value < 0 || *value > 10'000'000)
            throw SettingsError(where(*baud, source) + ": " + context + "baud must be a number");
        d.baud = static_cast<int>(*value);
    }
    return d;
}

// The devices in the order of the kinds' table (drivers/base/device_kinds.h).
void inTableOrder(TerminalSettings& settings) {
    std::vector<DeviceSetting> ordered;
    for (const auto& row : drivers::deviceKinds())
        if (const auto* d = settings.device(row.kind)) ordered.push_back(*d);
    settings.devices = std::move(ordered);
}

} // namespace

TerminalSettings parseSettings(std::string_view text, const std::string& sourceName) {
    toml::table root;
    try {
        root = toml::parse(text, sourceName);
    } catch (const toml::parse_error& e) {
        throw SettingsError(sourceName + ":" + std::to_string(e.source().begin.line) + ": " +
                            std::string(e.description()));
    }
    onlyKeys(root, {"controller", "devices"}, "", sourceName);

    TerminalSettings settings;
    if (const auto* node = root.get("controller")) {
        const auto* controller = node->as_table();
        if (!controller)
            throw SettingsError(where(*node, sourceName) + ": controller must be a table");
        onlyKeys(*controller, {"address"}, "controller.", sourceName);
        if (controller->contains("address"))
            settings.controllerAddress =
                requiredString(*controller, "address", "controller.", sourceName);
    }
    if (const auto* node = root.get("devices")) {
        const auto* devices = node->as_table();
        if (!devices) throw SettingsError(where(*node, sourceName) + ": devices must be a table");
        for (const auto& [key, value] : *devices) {
            const auto* kind = drivers::findKind(key.str());
            if (!kind)
                throw SettingsError(where(value, sourceName) + ": devices." +
                                    std::string(key.str()) + " is not a device kind");
            const auto* table = value.as_table();
            if (!table)
                throw SettingsError(where(value, sourceName) + ": devices." +
                                    std::string(key.str()) + " must be a table");
            settings.devices.push_back(parseDevice(
                kind->kind, *table, "devices." + std::string(key.str()) + ".", sourceName));
        }
    }
    // Table order, whatever order the file lists them in.
    inTableOrder(settings);

    if (auto why = validateSettings(settings)) throw SettingsError(sourceName + ": " + *why);
    return settings;
}

TerminalSettings readSettingsFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return {};
        throw SettingsError("cannot read " + path.string() + ": " + std::strerror(errno));
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseSettings(text.str(), path.string());
}

std::string renderSettings(const TerminalSettings& settings) {
    toml::table root;
    if (!settings.controllerAddress.empty())
        root.insert("controller", toml::table{{"address", settings.controllerAddress}});
    toml::table devices;
    for (const auto& d : settings.devices) {
        toml::table t{{"driver", d.driver},
                      {"transport", std::string(transportKey(d.transport))},
                      {"address", d.address}};
        if (d.baud) t.insert("baud", static_cast<std::int64_t>(*d.baud));
        devices.insert(std::string(kindKey(d.kind)), std::move(t));
    }
    if (!devices.empty()) root.insert("devices", std::move(devices));
    std::ostringstream out;
    out << "# Terminal settings, changed from the technician menu. Drivers and transports:\n"
        << "# see the supported-hardware list (hall-hardware-list).\n"
        << root << "\n";
    return out.str();
}

void writeSettingsFile(const std::filesystem::path& path, const TerminalSettings& settings) {
    if (auto why = validateSettings(settings)) throw SettingsError(*why);
    writeFileAtomically(path, renderSettings(settings), 0644);
}

SettingsStore::SettingsStore(std::filesystem::path path) : path_(std::move(path)) {}

std::string SettingsStore::setDevice(const DeviceSetting& device) {
    if (auto why = validateDevice(device))
        throw SettingsError(std::string(kindKey(device.kind)) + ": " + *why);
    auto settings = current();
    std::string before = "(none)";
    bool replaced = false;
    for (auto& d : settings.devices) {
        if (d.kind != device.kind) continue;
        before = describeDevice(d);
        d = device;
        replaced = true;
    }
    if (!replaced) {
        settings.devices.push_back(device);
        inTableOrder(settings);
    }
    writeSettingsFile(path_, settings);
    return std::string(kindKey(device.kind)) + ": " + before + " → " + describeDevice(device);
}

std::string SettingsStore::removeDevice(drivers::DeviceKind kind) {
    auto settings = current();
    const auto* existing = settings.device(kind);
    if (!existing) throw SettingsError(std::string(kindKey(kind)) + " is not configured");
    const std::string before = describeDevice(*existing);
    std::erase_if(settings.devices, [kind](const DeviceSetting& d) { return d.kind == kind; });
    writeSettingsFile(path_, settings);
    return std::string(kindKey(kind)) + ": " + before + " → (none)";
}

std::string SettingsStore::setControllerAddress(const std::string& address) {
    if (auto why = validateControllerAddress(address)) throw SettingsError(*why);
    auto settings = current();
    const std::string before =
        settings.controllerAddress.empty() ? "(none)" : settings.controllerAddress;
    settings.controllerAddress = address;
    writeSettingsFile(path_, settings);
    return "controller.address: " + before + " → " + address;
}

} // namespace hall::technician
