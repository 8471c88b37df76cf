import QtQuick
import Hall.Callstation

// A service the hall gives only to an identified person, chosen: the machine asks for the ID
// card. For --screenshot.
TicketMachineScreen {
    Component.onCompleted: machine.choose("business_startup")
}
