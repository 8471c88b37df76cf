import QtQuick
import Hall.Callstation

// The green channel while the staff number is typed: the keyboard below, the card above it.
// For --screenshot.
TicketMachineScreen {
    id: screen
    Component.onCompleted: {
        machine.startGreenChannel()
        screen.greenChannel.category = "elderly"
        screen.greenChannel.serviceId = "social_security"
        screen.greenChannel.typeStaffNumber()
    }
}
