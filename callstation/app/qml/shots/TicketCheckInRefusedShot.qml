import QtQuick
import Hall.Callstation

// A booking checked in a second time: refused, with the number the booking already has, large.
// For --screenshot (the mock's morning checked booking K7QW2M9XHT in).
TicketMachineScreen {
    Component.onCompleted: machine.checkInCode("K7QW2M9XHT")
}
