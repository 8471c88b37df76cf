import QtQuick
import Hall.App
import Hall.Callstation

// A number refused (the link is down and this machine holds no leased numbers for the
// service): for --screenshot. The mock's link is restored when the shot is done.
TicketMachineScreen {
    Component.onCompleted: {
        if (Terminal.mock) Terminal.backend.simulatedOnline = false
        machine.choose("real_estate")
    }
    Component.onDestruction: if (Terminal.mock) Terminal.backend.simulatedOnline = true
}
