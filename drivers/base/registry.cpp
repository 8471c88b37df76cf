#include "drivers/base/registry.h"

#include "drivers/base/device_kinds.h"
#include "drivers/base/hardware_table.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace hall::drivers {

namespace {
struct TransportNames {
    Transport transport;
    std::string_view key;  // in settings files
    std::string_view name; // for people
};
constexpr TransportNames kTransports[] = {
    {Transport::Serial, "serial", "serial"},
    {Transport::Usb, "usb", "USB (libusb)"},
    {Transport::PcSc, "pcsc", "PC/SC"},
    {Transport::Evdev, "evdev", "USB HID (evdev)"},
    {Transport::Tcp, "tcp", "TCP"},
    {Transport::Cups, "cups", "CUPS queue"},
    {Transport::Audio, "audio", "audio output"},
};
const TransportNames* namesOf(Transport transport) {
    for (const auto& t : kTransports)
        if (t.transport == transport) return &t;
    return nullptr;
}
} // namespace

std::string_view transportName(Transport transport) {
    const auto* t = namesOf(transport);
    return t ? t->name : "unknown";
}

std::string_view transportKey(Transport transport) {
    const auto* t = namesOf(transport);
    return t ? t->key : "unknown";
}

std::optional<Transport> transportFromKey(std::string_view key) {
    for (const auto& t : kTransports)
        if (t.key == key) return t.transport;
    return std::nullopt;
}

std::span<const DeviceDescriptor> allDescriptors() {
    return hardwareTable();
}

const DeviceDescriptor* findDescriptor(std::string_view id) {
    for (const auto& d : hardwareTable())
        if (d.id == id) return &d;
    return nullptr;
}

const DeviceDescriptor& requireDescriptor(std::string_view id) {
    if (const auto* d = findDescriptor(id)) return *d;
    throw std::logic_error("the hardware table has no row '" + std::string(id) + "'");
}

const DeviceDescriptor* findByUsbId(std::uint16_t vendor, std::uint16_t product) {
    for (const auto& d : hardwareTable())
        for (const auto& u : d.usbIds)
            if (u.vendor == vendor && u.product == product) return &d;
    return nullptr;
}

namespace {
std::string hex4(std::uint16_t v) {
    char buf[5];
    std::snprintf(buf, sizeof buf, "%04x", v);
    return buf;
}
std::string capabilityList(std::uint32_t caps) {
    static constexpr std::pair<Capability, const char*> kNames[] = {
        {kReadsResidentIdCard, "居民身份证"},
        {kReadsForeignerCard, "外国人永久居留身份证"},
        {kReadsHkMacaoTaiwanPermit, "港澳台居民居住证"},
        {kReadsPhoto, "证件照 (WLT)"},
        {kReadsSocialSecurityCard, "社保卡"},
        {kScansQrCode, "二维码"},
        {kScansBarcode, "条码"},
        {kHotPlug, "热插拔"},
        {kPrintsChinese, "中文打印"},
        {kPrintsQrCode, "二维码打印"},
        {kCutsPaper, "切纸"},
        {kReportsPaperStatus, "纸张状态"},
        {kPrintsPdf, "PDF"},
        {kPrintsDuplex, "双面"},
        {kPrintsColour, "彩色"},
        {kShowsChinese, "中文显示"},
        {kHasKeys, "按键"},
        {kSpeaks, "语音播报"},
    };
    std::string out;
    for (const auto& [cap, name] : kNames)
        if (caps & cap) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

} // namespace

std::string udevRules(std::string_view group) {
    std::string out =
        "# Generated from drivers/base/hardware_table.cpp: access for the hall terminal's service\n"
        "# group to every supported USB device. Do not edit; change the table.\n";
    for (const auto& d : hardwareTable()) {
        for (const auto& u : d.usbIds) {
            out += "# " + std::string(d.id) + ": " + std::string(u.model) + "\n";
            out += "SUBSYSTEM==\"usb\", ATTRS{idVendor}==\"" + hex4(u.vendor) +
                   "\", ATTRS{idProduct}==\"" + hex4(u.product) + "\", MODE=\"0660\", GROUP=\"" +
                   std::string(group) + "\"";
            // Serial readers must not be probed by ModemManager: its AT probes corrupt SAM frames.
            if (std::find(d.transports.begin(), d.transports.end(), Transport::Serial) !=
                d.transports.end())
                out += ", ENV{ID_MM_DEVICE_IGNORE}=\"1\"";
            out += "\n";
            // Keyboard-mode scanners: the event node too, so the driver can grab it.
            if (std::find(d.transports.begin(), d.transports.end(), Transport::Evdev) !=
                d.transports.end())
                out += "SUBSYSTEM==\"input\", ATTRS{idVendor}==\"" + hex4(u.vendor) +
                       "\", ATTRS{idProduct}==\"" + hex4(u.product) +
                       "\", MODE=\"0660\", GROUP=\"" + std::string(group) + "\"\n";
        }
    }
    return out;
}

std::string hardwareListMarkdown() {
    std::string out = "# Supported hardware\n\nGenerated from `drivers/base/hardware_table.cpp`.\n";
    for (const auto& row : deviceKinds()) {
        const auto kind = row.kind;
        const auto table = hardwareTable();
        if (std::none_of(table.begin(), table.end(),
                         [kind](const DeviceDescriptor& d) { return d.kind == kind; }))
            continue; // a kind whose drivers are still to come
        out += "\n## " + std::string(row.name) +
               "\n\n| driver id | name | transports | capabilities | USB ids "
               "|\n|---|---|---|---|---|\n";
        for (const auto& d : hardwareTable()) {
            if (d.kind != kind) continue;
            std::string transports, ids;
            for (auto t : d.transports)
                transports += (transports.empty() ? "" : ", ") + std::string(transportName(t));
            for (const auto& u : d.usbIds)
                ids += (ids.empty() ? "" : "<br>") + hex4(u.vendor) + ":" + hex4(u.product) + " " +
                       std::string(u.model);
            if (ids.empty())
                ids = d.transports.size() == 1 && d.transports[0] == Transport::PcSc
                          ? "any reader pcscd supports (CCID)"
                          : "any, by port";
            out += "| `" + std::string(d.id) + "` | " + std::string(d.displayName) + " | " +
                   transports + " | " + capabilityList(d.capabilities) + " | " + ids + " |\n";
        }
    }
    return out;
}

} // namespace hall::drivers
