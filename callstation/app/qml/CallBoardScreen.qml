import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.App
import Hall.Client
import Hall.Callstation

// A zone's call board (叫号显示屏), TV landscape or portrait screen: the newest call across the
// whole width for a few seconds, flashing; the last calls, each with its window; what every
// window of the zone is doing; how many wait per service; the notices; the time. Offline it
// keeps the last known state under a "connection lost since" badge. Tickets called and not
// come are listed with their window, so whoever missed the call knows where to go.
Rectangle {
    id: board

    readonly property bool portrait: height > width
    property alias spotlight: spotlight

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.boardBackground

    CallSpotlight {
        id: spotlight
        backend: Terminal.backend
    }
    RecentCallsModel {
        id: calls
        backend: Terminal.backend
        limit: board.portrait ? 10 : 8
    }
    WindowsModel {
        id: windows
        backend: Terminal.backend
    }
    ServicesModel {
        id: services
        backend: Terminal.backend
    }
    NoticesModel {
        id: notices
        backend: Terminal.backend
    }
    MissedTicketsModel {
        id: missed
        backend: Terminal.backend
        limit: 6
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- title bar: what this is, the time; the offline badge when the link is down ---
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: titleRow.implicitHeight + Theme.spacing * 2
            color: Theme.boardPanel
            RowLayout {
                id: titleRow
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 2
                anchors.rightMargin: Theme.touchTarget * 3 // the technician's corner
                spacing: Theme.spacing * 2
                Column {
                    Layout.fillWidth: true
                    BoardText {
                        width: parent.width
                        visible: text.length > 0
                        scale: 0.8
                        color: Theme.boardSecondaryText
                        text: Terminal.backend.hallName
                    }
                    BoardText {
                        width: parent.width
                        scale: 1.3
                        font.bold: true
                        text: qsTr("Now calling")
                    }
                }
                Rectangle {
                    visible: !Terminal.backend.online
                    Layout.preferredHeight: offlineText.implicitHeight + Theme.spacing
                    Layout.preferredWidth: offlineText.implicitWidth + Theme.spacing * 2
                    radius: Theme.radius
                    color: Theme.offlineBackground
                    BoardText {
                        id: offlineText
                        anchors.centerIn: parent
                        scale: 0.8
                        color: Theme.offlineText
                        text: qsTr("Connection lost since %1")
                                  .arg(Qt.formatTime(Terminal.backend.offlineSince, "HH:mm"))
                    }
                }
                HallClock {
                    ink: Theme.boardText
                    font.pointSize: Theme.headingPointSize * 1.3
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing * 2
            columns: board.portrait ? 1 : 2
            columnSpacing: Theme.spacing * 3
            rowSpacing: Theme.spacing * 2

            // --- the last calls, newest first, each with its window: whole rows only ---
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                Layout.preferredHeight: 4
                BoardText {
                    id: callsTitle
                    color: Theme.boardSecondaryText
                    text: qsTr("Latest calls")
                }
                ListView {
                    id: callList
                    readonly property real rowHeight: rowProbe.implicitHeight
                    anchors.top: callsTitle.bottom
                    anchors.topMargin: Theme.spacing / 2
                    width: parent.width
                    height: Math.floor((parent.height - callsTitle.height - Theme.spacing / 2
                                        - (missedPanel.visible ? missedPanel.height + Theme.spacing : 0))
                                       / rowHeight) * rowHeight
                    interactive: false
                    clip: true
                    model: calls
                    delegate: CallRow {
                        required property int index
                        required property string number
                        required property int window
                        required property bool recall
                        required priority // the row's own properties, from the model's roles
                        required direction
                        width: callList.width
                        height: callList.rowHeight
                        newest: index === 0
                        ticketNumber: number
                        windowNumber: window
                        isRecall: recall
                    }
                }
                CallRow { // measures a row, never shown
                    id: rowProbe
                    visible: false
                    ticketNumber: "A000"
                }
                BoardText {
                    anchors.top: callsTitle.bottom
                    visible: calls.count === 0
                    color: Theme.boardSecondaryText
                    text: qsTr("No calls yet.")
                }

                // --- who was called and did not come: where to go now ---
                Rectangle {
                    id: missedPanel
                    objectName: "missedPanel"
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: missedColumn.implicitHeight + Theme.spacing * 2
                    visible: missed.count > 0
                    radius: Theme.radius
                    color: Theme.boardPanel
                    Column {
                        id: missedColumn
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.spacing / 2
                        BoardText {
                            width: parent.width
                            scale: 0.9
                            color: Theme.boardSecondaryText
                            text: qsTr("Missed your call? Please go to the window shown")
                        }
                        Flow {
                            width: parent.width
                            spacing: Theme.spacing * 2
                            Repeater {
                                model: missed
                                delegate: BoardText {
                                    required property string number
                                    required property int window
                                    scale: 1.1
                                    text: number + " → " + qsTr("Window %1").arg(window)
                                }
                            }
                        }
                    }
                }
            }

            // --- the windows of the zone, and the queues ---
            Column {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 4
                Layout.preferredHeight: 6
                spacing: Theme.spacing
                clip: true
                BoardText {
                    color: Theme.boardSecondaryText
                    text: qsTr("Windows")
                }
                Grid {
                    id: windowGrid
                    width: parent.width
                    // Three across a portrait screen, unless elder mode's size needs the width.
                    columns: board.portrait && !Theme.elderMode ? 3 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2
                    Repeater {
                        model: windows
                        delegate: Rectangle {
                            required property int number
                            required property bool open
                            required property bool paused
                            required property string currentNumber
                            required property var direction
                            width: (windowGrid.width - windowGrid.columnSpacing * (windowGrid.columns - 1))
                                   / windowGrid.columns
                            height: windowLabel.implicitHeight + Theme.spacing
                            radius: Theme.radius
                            color: Theme.boardPanel
                            // A ticket number is never cut; a status word gives way to the
                            // window's name.
                            readonly property bool showsNumber: open && currentNumber.length > 0
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: Theme.spacing / 2
                                anchors.rightMargin: Theme.spacing / 2
                                spacing: Theme.spacing / 2
                                BoardText {
                                    id: windowLabel
                                    Layout.fillWidth: parent.parent.showsNumber
                                    scale: 0.8
                                    color: Theme.boardSecondaryText
                                    text: qsTr("Window %1").arg(number)
                                }
                                BoardText {
                                    Layout.fillWidth: !parent.parent.showsNumber
                                    scale: 0.8
                                    elide: parent.parent.showsNumber ? Text.ElideNone : Text.ElideRight
                                    horizontalAlignment: Text.AlignRight
                                    color: parent.parent.showsNumber ? Theme.boardText
                                                                     : Theme.boardSecondaryText
                                    text: paused ? qsTr("paused")
                                                 : !open ? qsTr("closed")
                                                         : currentNumber.length > 0 ? currentNumber
                                                                                    : qsTr("open")
                                }
                                DirectionHint { // the arrow alone: the cell is narrow
                                    scale: 0.8
                                    direction: parent.parent.direction.arrow
                                               ? { arrow: parent.parent.direction.arrow } : {}
                                }
                            }
                        }
                    }
                }
                BoardText { // shown only with room for a row under it
                    visible: parent.height - y - height - parent.spacing >= waitingProbe.implicitHeight
                    color: Theme.boardSecondaryText
                    text: qsTr("Waiting")
                }
                BoardText { // measures a row, never shown
                    id: waitingProbe
                    visible: false
                    scale: 0.8
                    text: "0"
                }
                ListView { // whole rows only: the last one is left out, never cut in half
                    id: waitingList
                    width: parent.width
                    height: Math.min(count, Math.max(0, Math.floor((parent.height - y) / waitingProbe.implicitHeight)))
                            * waitingProbe.implicitHeight
                    interactive: false
                    clip: true
                    model: services
                    delegate: Item {
                        required property string name
                        required property string nameEn
                        required property int waiting
                        width: ListView.view.width
                        height: waitingProbe.implicitHeight
                        BoardText {
                            id: serviceName
                            anchors.left: parent.left
                            anchors.right: count.left
                            scale: 0.8
                            text: LanguageSwitcher.language === "en" ? parent.nameEn : parent.name
                        }
                        BoardText {
                            id: count
                            anchors.right: parent.right
                            scale: 0.8
                            color: Theme.boardNumber
                            text: qsTr("%n waiting", "", parent.waiting)
                        }
                    }
                }
                // The hall's playlist, in what the queues leave of the column (they come first),
                // when that is room enough to read it.
                SignageView {
                    readonly property real room: parent.height - waitingList.y - waitingList.height - parent.spacing
                    width: parent.width
                    height: Math.max(0, Math.min(room, width * 9 / 16))
                    visible: kind.length > 0 && room >= Theme.touchTarget * 3
                    color: Theme.boardPanel
                    ink: Theme.boardText
                    kind: Terminal.signage.kind
                    source: Terminal.signage.source
                    text: Terminal.signage.text
                }
            }
        }

        // --- the notices, one after the other ---
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: ticker.implicitHeight + Theme.spacing * 2
            visible: notices.count > 0
            color: Theme.boardPanel
            ListView {
                id: ticker
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing * 2
                anchors.rightMargin: Theme.spacing * 2
                implicitHeight: Theme.headingPointSize * 2
                clip: true
                interactive: false
                model: notices
                highlightMoveDuration: 600
                delegate: BoardText {
                    required text // the notice's text role
                    width: ticker.width
                    height: ticker.height
                    scale: 0.9
                }
                Timer {
                    interval: 8000
                    running: notices.count > 1
                    repeat: true
                    onTriggered: ticker.currentIndex = (ticker.currentIndex + 1) % notices.count
                }
            }
        }
    }

    // --- the newest call, across the whole width, flashing while it is held ---
    Rectangle {
        objectName: "spotlight"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        height: spotlightRow.implicitHeight + Theme.spacing * 6
        visible: spotlight.active
        color: spotlight.priority ? Theme.boardPriority : Theme.boardNumber

        // Flashes by colour, never by transparency: the lists behind must not show through.
        SequentialAnimation on color {
            running: spotlight.active
            loops: 3
            ColorAnimation { to: Theme.surface; duration: 300 }
            ColorAnimation { to: spotlight.priority ? Theme.boardPriority : Theme.boardNumber; duration: 300 }
        }
        Column {
            id: spotlightRow
            anchors.centerIn: parent
            spacing: Theme.spacing
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                font.family: Theme.fontFamily
                font.pointSize: board.portrait ? 96 : 120
                font.bold: true
                color: Theme.boardBackground
                text: spotlight.number + "  →  " + qsTr("Window %1").arg(spotlight.window)
            }
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                font.family: Theme.fontFamily
                font.pointSize: Theme.headingPointSize * 1.3
                color: Theme.boardBackground
                text: spotlight.recall ? qsTr("Called again: please go to window %1 now").arg(spotlight.window)
                                       : qsTr("Please go to window %1").arg(spotlight.window)
            }
            DirectionHint {
                anchors.horizontalCenter: parent.horizontalCenter
                scale: 1.6
                font.bold: true
                color: Theme.boardBackground // dark on the flashing band
                direction: spotlight.direction
            }
        }
    }

    // --- above everything, the call included: the hall's emergency message ---
    EmergencyOverlay {
        active: Terminal.signage.emergency
        text: Terminal.signage.emergencyText
        textEn: Terminal.signage.emergencyTextEn
    }
}
