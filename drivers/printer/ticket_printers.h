#pragma once
// Ticket printers on each transport, as the hardware table names them:
//   printer.escpos-serial  a serial port (RS-232, or a USB-serial adapter)    SerialStream
//   printer.escpos-tcp     raw TCP, port 9100 on the printer's network card   TcpStream
//   printer.escpos-usb     the USB printer class (interface class 7) over     UsbBulkStream
//                          libusb: bulk OUT for data, bulk IN for status
// The fourth, a CUPS queue (printer.escpos-cups), is in cups_ticket_printer.h: it links libcups.
// Instance ids: "printer.escpos-serial@/dev/ttyS1", "printer.escpos-tcp@192.168.1.87:9100",
// "printer.escpos-usb@usb".

#include "drivers/printer/ticket_printer_device.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/transport/tcp_stream.h"
#include "drivers/transport/usb_bulk_stream.h"

#include <memory>

namespace hall::drivers::printer {

std::unique_ptr<TicketPrinterDevice> makeSerialTicketPrinter(const SerialSettings& port,
                                                             DeviceEventSink events, JobSink jobs,
                                                             TicketPrinterOptions options = {});

std::unique_ptr<TicketPrinterDevice> makeTcpTicketPrinter(const TcpSettings& peer,
                                                          DeviceEventSink events, JobSink jobs,
                                                          TicketPrinterOptions options = {});

// settings.ids empty: the ids of printer.escpos-usb in the hardware table. The first interface
// of the USB printer class with a bulk pair is used unless settings name one.
std::unique_ptr<TicketPrinterDevice> makeUsbTicketPrinter(UsbBulkSettings settings,
                                                          DeviceEventSink events, JobSink jobs,
                                                          TicketPrinterOptions options = {});

} // namespace hall::drivers::printer
