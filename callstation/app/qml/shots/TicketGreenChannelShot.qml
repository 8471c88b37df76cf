import QtQuick
import Hall.Callstation

// "Staff": the green channel with a category and a service chosen, waiting for the staff card
// or the staff number and PIN. For --screenshot.
TicketMachineScreen {
    id: screen
    Component.onCompleted: {
        machine.startGreenChannel()
        screen.greenChannel.category = "elderly"
        screen.greenChannel.serviceId = "social_security"
    }
}
