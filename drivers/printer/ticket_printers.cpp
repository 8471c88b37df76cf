#include "drivers/printer/ticket_printers.h"

#include "drivers/base/registry.h"

namespace hall::drivers::printer {

std::unique_ptr<TicketPrinterDevice> makeSerialTicketPrinter(const SerialSettings& port,
                                                             DeviceEventSink events, JobSink jobs,
                                                             TicketPrinterOptions options) {
    return std::make_unique<TicketPrinterDevice>(
        requireDescriptor("printer.escpos-serial"), port.path,
        [port](std::stop_token) { return std::make_unique<SerialStream>(port); }, std::move(events),
        std::move(jobs), options);
}

std::unique_ptr<TicketPrinterDevice> makeTcpTicketPrinter(const TcpSettings& peer,
                                                          DeviceEventSink events, JobSink jobs,
                                                          TicketPrinterOptions options) {
    return std::make_unique<TicketPrinterDevice>(
        requireDescriptor("printer.escpos-tcp"), peer.host + ":" + std::to_string(peer.port),
        [peer](std::stop_token stop) { return std::make_unique<TcpStream>(peer, stop); },
        std::move(events), std::move(jobs), options);
}

std::unique_ptr<TicketPrinterDevice> makeUsbTicketPrinter(UsbBulkSettings settings,
                                                          DeviceEventSink events, JobSink jobs,
                                                          TicketPrinterOptions options) {
    const auto& descriptor = requireDescriptor("printer.escpos-usb");
    if (settings.ids.empty() && !settings.at)
        settings.ids.assign(descriptor.usbIds.begin(), descriptor.usbIds.end());
    if (!settings.interfaceNumber && !settings.interfaceClass)
        settings.interfaceClass = 7; // the USB printer class
    return std::make_unique<TicketPrinterDevice>(
        descriptor, "usb",
        [settings](std::stop_token) { return std::make_unique<UsbBulkStream>(settings); },
        std::move(events), std::move(jobs), options);
}

} // namespace hall::drivers::printer
