import QtQuick
import Hall.Ui
import Hall.App

// Which way a window lies from this board, "← 左侧": the arrow and the words the hall configured
// (a model's `direction` role, CallSpotlight.direction), in the screen's language; nothing at
// all when the hall gave none.
BoardText {
    property var direction: ({})

    readonly property var glyphs: ({
        left: "←", right: "→", ahead: "↑", back: "↓",
        ahead_left: "↖", ahead_right: "↗", back_left: "↙", back_right: "↘"
    })
    readonly property string words: LanguageSwitcher.language === "en" && direction.en
                                    ? direction.en : (direction.zh || "")

    visible: text.length > 0
    color: Theme.boardDirection
    text: [glyphs[direction.arrow] || "", words].filter(part => part.length > 0).join(" ")
}
