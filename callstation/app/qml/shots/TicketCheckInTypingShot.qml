import QtQuick
import Hall.Callstation

// "Check in for a booking", then a touch on the code field: the keyboard below, the card above
// it. For --screenshot.
TicketMachineScreen {
    id: screen
    Component.onCompleted: {
        machine.startCheckIn()
        screen.typeBookingCode()
    }
}
