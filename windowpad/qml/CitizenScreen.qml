import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.App
import Hall.Windowpad

// The citizen's face (评价器), turned to the counter: who serves here, the ticket being served,
// and when the visit ends the five levels as large buttons — the two bad ones then ask for at
// least one of the hall's reasons. Many citizens are elderly: elder mode and the language
// switch are always at hand, and nothing here needs more than a touch.
Item {
    id: screen

    readonly property ClerkDesk desk: Pad.clerk
    readonly property EvaluationDesk rating: Pad.evaluation
    readonly property var levels: [
        { level: 5, zh: qsTr("Very satisfied"), kind: "success" },
        { level: 4, zh: qsTr("Satisfied"), kind: "success" },
        { level: 3, zh: qsTr("Fairly satisfied"), kind: "primary" },
        { level: 2, zh: qsTr("Dissatisfied"), kind: "danger" },
        { level: 1, zh: qsTr("Very dissatisfied"), kind: "danger" }
    ]

    Rectangle { anchors.fill: parent; color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Heading { text: desk.windowName.length > 0 ? desk.windowName : qsTr("Window %1").arg(desk.window) }
            Item { Layout.fillWidth: true }
            LanguageSwitch {}
            ElderModeSwitch {}
        }

        // --- idle and during service: who serves here -----------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Idle
            spacing: Theme.spacing
            Item { Layout.fillHeight: true }
            Heading {
                Layout.alignment: Qt.AlignHCenter
                visible: desk.signedIn
                text: qsTr("Serving you: %1").arg(desk.staffName)
                font.pointSize: Theme.headingPointSize * 1.4
            }
            BodyText {
                Layout.alignment: Qt.AlignHCenter
                visible: desk.signedIn
                text: qsTr("Staff number %1").arg(desk.staffNumber)
                color: Theme.secondaryText
            }
            Heading {
                Layout.alignment: Qt.AlignHCenter
                visible: desk.paused || !desk.signedIn
                text: desk.paused ? qsTr("Service paused: %1").arg(desk.pauseReason) : qsTr("This window is closed")
                color: Theme.danger
            }
            Text {
                objectName: "servedNumber"
                Layout.alignment: Qt.AlignHCenter
                visible: desk.hasTicket
                text: desk.hasTicket ? qsTr("Now serving %1").arg(desk.ticket.number) : ""
                font.family: Theme.fontFamily
                font.pointSize: Theme.headingPointSize * 2
                font.bold: true
                color: Theme.primary
            }
            Item { Layout.fillHeight: true }
        }

        // --- the five levels ---------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Rating
            spacing: Theme.spacing
            Heading {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("How was your visit (%1)?").arg(rating.number)
                font.pointSize: Theme.headingPointSize * 1.3
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                Repeater {
                    model: screen.levels
                    TouchButton {
                        required property var modelData
                        objectName: "level" + modelData.level
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // five equal columns, whatever the words
                        Layout.fillHeight: true
                        kind: modelData.kind
                        textScale: 1.5
                        text: modelData.zh
                        onClicked: rating.choose(modelData.level)
                    }
                }
            }
            BodyText {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("%1 s left").arg(rating.secondsLeft)
                color: Theme.secondaryText
            }
        }

        // --- a bad rating: why ---------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Reasons
            spacing: Theme.spacing
            Heading {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("We are sorry. What went wrong? (choose at least one)")
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Repeater {
                    model: rating.reasons
                    TouchButton {
                        required property string modelData
                        readonly property bool chosen: rating.chosenReasons.indexOf(modelData) >= 0
                        objectName: "reason_" + modelData
                        width: Math.round(Theme.touchTarget * 5)
                        height: Math.round(Theme.touchTarget * 1.4)
                        kind: chosen ? "primary" : "secondary"
                        text: (chosen ? "✓ " : "") + modelData
                        onClicked: rating.toggleReason(modelData)
                    }
                }
            }
            ErrorBanner {
                Layout.fillWidth: true
                shown: rating.message.length > 0
                message: rating.message
                dismissible: false
            }
            Item { Layout.fillHeight: true }
            RowLayout {
                Layout.fillWidth: true
                TouchButton { kind: "secondary"; text: qsTr("Back"); onClicked: rating.back() }
                Item { Layout.fillWidth: true }
                TouchButton {
                    objectName: "submitRating"
                    textScale: 1.2
                    text: qsTr("Submit")
                    onClicked: rating.submit()
                }
            }
        }

        // --- thanks --------------------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Thanks
            Item { Layout.fillHeight: true }
            Heading {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Thank you for your rating!")
                font.pointSize: Theme.headingPointSize * 1.6
            }
            BodyText {
                Layout.alignment: Qt.AlignHCenter
                visible: rating.level > 0 && rating.level <= 2
                text: qsTr("The hall's duty manager will follow this up.")
            }
            Item { Layout.fillHeight: true }
        }
    }
}
