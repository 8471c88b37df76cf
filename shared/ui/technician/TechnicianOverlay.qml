import QtQuick
import Hall.Ui
import Hall.Technician

// Put over an app's whole window: `TechnicianOverlay { anchors.fill: parent; session: Terminal.technician }`.
// While closed it is only the hidden gesture corner; the PIN screen and the menu cover the app
// and take every touch, each of which restarts the session's idle timeout.
Item {
    id: overlay

    property TechnicianSession session
    property int gestureSize: 96
    readonly property bool shown: session !== null && session.state !== TechnicianSession.Closed

    z: 1000

    TechnicianGesture {
        objectName: "technicianGesture"
        anchors.top: parent.top
        anchors.right: parent.right
        width: overlay.gestureSize
        height: overlay.gestureSize
        enabled: overlay.session !== null && !overlay.shown
        onTriggered: overlay.session.requestPin()
    }

    Rectangle {
        anchors.fill: parent
        visible: overlay.shown
        color: Theme.background

        // Touches on the cover must not reach the app beneath it.
        MouseArea {
            anchors.fill: parent
        }
        Keys.onPressed: if (overlay.session) overlay.session.touch()

        PinScreen {
            objectName: "pinScreen"
            anchors.centerIn: parent
            visible: overlay.session !== null && overlay.session.state === TechnicianSession.PinEntry
            session: overlay.session
        }

        TechnicianMenu {
            objectName: "technicianMenu"
            anchors.fill: parent
            visible: overlay.session !== null && overlay.session.state === TechnicianSession.Open
            session: overlay.session
        }

        // Above the pages, so it sees every press first: a PointHandler only watches (passive
        // grab, event not accepted), the button underneath still gets the press. Each touch
        // restarts the session's idle timeout.
        Item {
            anchors.fill: parent
            z: 1
            PointHandler {
                onActiveChanged: if (active && overlay.session) overlay.session.touch()
            }
        }
    }
}
