import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hall.Ui
import Hall.Keyboard
import Hall.App
import Hall.Client
import Hall.Windowpad

// The citizen's face (评价器), turned to the counter: who serves here, the ticket being served,
// and when the visit ends the five levels as large buttons — the two bad ones then ask for at
// least one of the hall's reasons. Many citizens are elderly: elder mode and the language
// switch are always at hand, and nothing here needs more than a touch. When the clerk asks, the
// citizen confirms the visit (and the pages just scanned) with their signature.
Item {
    id: screen

    readonly property ClerkDesk desk: Pad.clerk
    readonly property EvaluationDesk rating: Pad.evaluation
    readonly property ConfirmationDesk confirmation: Pad.confirmation
    readonly property bool signing: confirmation.stage !== ConfirmationDesk.Idle
    // The comment field was touched: the pinyin keyboard is up.
    property bool typing: false
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

        // --- the clerk asks to confirm and sign ------------------------------------------------
        ColumnLayout {
            objectName: "signingPanel"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.signing && rating.stage === EvaluationDesk.Idle
            spacing: Theme.spacing
            Heading {
                text: confirmation.stage === ConfirmationDesk.Signed ? qsTr("Thank you, your signature is filed.")
                                                                     : qsTr("Please check and sign")
            }
            // One line, so the signing area keeps the height of the screen (elder mode too).
            BodyText {
                Layout.fillWidth: true
                text: confirmation.summary.join("　·　")
                wrapMode: Text.Wrap
            }
            SignaturePad {
                id: signaturePad
                objectName: "signaturePad"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.touchTarget * 4
                visible: confirmation.stage !== ConfirmationDesk.Signed
                enabled: confirmation.stage === ConfirmationDesk.Signing
            }
            ErrorBanner {
                Layout.fillWidth: true
                shown: confirmation.message.length > 0
                message: confirmation.message
                dismissible: false
            }
            TouchButton {
                objectName: "confirmSignature"
                Layout.alignment: Qt.AlignRight
                visible: confirmation.stage !== ConfirmationDesk.Signed
                enabled: signaturePad.acceptable && confirmation.stage === ConfirmationDesk.Signing
                textScale: 1.2
                text: confirmation.stage === ConfirmationDesk.Sending ? qsTr("Sending…") : qsTr("Confirm and sign")
                onClicked: confirmation.sign()
            }
        }
        Binding { target: confirmation; property: "strokes"; value: signaturePad.strokes }

        // --- idle and during service: who serves here -----------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Idle && !screen.signing
            spacing: Theme.spacing
            Item { Layout.fillHeight: true }
            StaffCard {
                Layout.alignment: Qt.AlignHCenter
                visible: desk.signedIn
            }
            Heading {
                Layout.alignment: Qt.AlignHCenter
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: desk.paused || !desk.signedIn
                text: desk.paused ? qsTr("Service paused: %1").arg(desk.pauseReason) : qsTr("This window is closed")
                color: Theme.danger
            }
            Text {
                objectName: "servedNumber"
                Layout.alignment: Qt.AlignHCenter
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: desk.hasTicket
                text: desk.hasTicket ? qsTr("Now serving %1").arg(desk.ticket.number) : ""
                font.family: Theme.fontFamily
                font.pointSize: Theme.headingPointSize * 2
                font.bold: true
                color: Theme.primary
            }
            BodyText {
                Layout.alignment: Qt.AlignHCenter
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: desk.hasTicket && desk.citizen.name !== undefined
                text: qsTr("Identity checked: %1, %2").arg(desk.citizen.name || "").arg(desk.citizen.idNumber || "")
                color: Theme.secondaryText
            }
            Item { Layout.fillHeight: true }
            // The hall's notices, for the citizen waiting at the counter.
            Repeater {
                model: NoticesModel { backend: Terminal.backend }
                BodyText {
                    required property var model
                    Layout.fillWidth: true
                    text: qsTr("Notice: %1").arg(model.text)
                    wrapMode: Text.Wrap
                    color: Theme.secondaryText
                }
            }
        }

        // --- the five levels ---------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: rating.stage === EvaluationDesk.Rating
            spacing: Theme.spacing
            Heading {
                Layout.alignment: Qt.AlignHCenter
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
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
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
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
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("We are sorry. What went wrong? (choose at least one)")
            }
            // Three to a row, as wide as the screen allows: long reasons stay on one line.
            GridLayout {
                Layout.fillWidth: true
                columns: 3
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                Repeater {
                    model: rating.reasons
                    TouchButton {
                        required property string modelData
                        readonly property bool chosen: rating.chosenReasons.indexOf(modelData) >= 0
                        objectName: "reason_" + modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // equal columns
                        Layout.preferredHeight: Math.round(Theme.touchTarget * 1.4)
                        kind: chosen ? "primary" : "secondary"
                        text: (chosen ? "✓ " : "") + modelData
                        onClicked: rating.toggleReason(modelData)
                    }
                }
            }
            TextField {
                id: commentField
                objectName: "ratingComment"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                placeholderText: qsTr("Anything else you want to tell us? (optional)")
                maximumLength: 300
                text: rating.comment
                onTextEdited: rating.comment = text
                onActiveFocusChanged: if (activeFocus) screen.typing = true
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
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Thank you for your rating!")
                font.pointSize: Theme.headingPointSize * 1.6
            }
            BodyText {
                Layout.alignment: Qt.AlignHCenter
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: rating.level > 0 && rating.level <= 2
                text: qsTr("The hall's duty manager will follow this up.")
            }
            TouchButton {
                objectName: "rateAgain"
                Layout.alignment: Qt.AlignHCenter
                visible: rating.canRateAgain
                kind: "secondary"
                text: qsTr("Change my rating")
                onClicked: rating.rateAgain()
            }
            Item { Layout.fillHeight: true }
        }
    }

    // The pinyin keyboard for the comment, made only while it is typed: a new citizen gets a
    // fresh one (nothing typed or learned reaches them). Enter puts it away.
    Loader {
        active: screen.typing && rating.stage === EvaluationDesk.Reasons
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 2
        sourceComponent: PinyinKeyboard {
            target: commentField
            onEnterPressed: { screen.typing = false; commentField.focus = false }
        }
    }
    Connections {
        target: rating
        function onStageChanged() { if (rating.stage !== EvaluationDesk.Reasons) screen.typing = false }
    }
}
