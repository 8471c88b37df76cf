import QtQuick

// "Working on it": shown while a request is in flight (printing, waiting for the controller).
// Not a timed pop-up: it stays exactly as long as `active` is true.
Rectangle {
    id: banner

    property bool active: false
    property string text: qsTr("Please wait…")

    visible: active
    implicitWidth: row.implicitWidth + 2 * Theme.spacing
    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + Theme.spacing)
    color: Theme.busyBackground
    radius: Theme.radius
    Accessible.role: Accessible.AlertMessage
    Accessible.name: banner.text

    Row {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        spacing: Theme.spacing

        // A dot circling a ring: motion says "busy" to those who do not read the text.
        Item {
            id: spinner
            width: Theme.bodyPointSize * 2
            height: width
            anchors.verticalCenter: parent.verticalCenter
            Rectangle {
                anchors.fill: parent
                radius: width / 2
                color: "transparent"
                border.width: Theme.borderWidth
                border.color: Theme.busyText
                opacity: 0.35
            }
            Rectangle {
                width: parent.width / 3
                height: width
                radius: width / 2
                color: Theme.busyText
                x: (parent.width - width) / 2
                y: 0
            }
            RotationAnimator on rotation {
                from: 0
                to: 360
                duration: 1200
                loops: Animation.Infinite
                running: banner.visible
            }
        }
        BodyText {
            width: row.width - spinner.width - row.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: banner.text
            color: Theme.busyText
        }
    }
}
