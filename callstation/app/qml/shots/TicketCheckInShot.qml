import QtQuick
import Hall.Callstation

// "Check in for a booking" touched: the machine asks for the booking's QR or the ID card. For
// --screenshot.
TicketMachineScreen {
    Component.onCompleted: machine.startCheckIn()
}
