import QtQuick
import QtQuick.Window
import Hall.Ui
import Hall.App
import Hall.Technician
import Hall.Windowpad

// hall-windowpad's windows: the clerk's face, the citizen's face, or both (Pad.face) — both on
// a box with two screens, the citizen's on the second. The technician menu is on the clerk's
// face (five taps in the top-right corner, then the PIN), never on the citizen's.
Item {
    id: faces

    readonly property bool clerk: Pad.face !== "citizen"
    readonly property bool citizen: Pad.face !== "clerk"

    // transientParent: null — a Window declared inside an Item is otherwise shown only once that
    // Item is in a window, and this root Item never is.
    Window {
        id: clerkWindow
        objectName: "clerkWindow"
        transientParent: null
        width: 1280
        height: 800
        visible: faces.clerk
        visibility: Window.FullScreen
        color: Theme.background
        title: qsTr("Window pad: clerk")
        ClerkScreen { anchors.fill: parent }
        TechnicianOverlay {
            anchors.fill: parent
            session: Terminal.technician
        }
    }
    Window {
        objectName: "citizenWindow"
        transientParent: null
        screen: Qt.application.screens.length > 1 && faces.clerk ? Qt.application.screens[1]
                                                                : Qt.application.screens[0]
        width: 1280
        height: 800
        visible: faces.citizen
        visibility: Window.FullScreen
        color: Theme.background
        title: qsTr("Window pad: citizen")
        CitizenScreen { anchors.fill: parent }
    }
}
