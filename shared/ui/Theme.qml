pragma Singleton
import QtQuick

// The look of every citizen and staff screen: one font, colours with at least 4.5:1 contrast
// (WCAG 2 AA) for text on its background, and the sizes of elder mode (适老化): main text ≥ 18 pt,
// headings ≥ 30 pt, touch targets ≥ 60 × 60 px, line spacing ≥ 1.3, no timed pop-ups.
//
// DPI assumption. Hall kiosks are ~21.5" 1920×1080 panels: ~102 physical DPI, run at device
// pixel ratio 1, where Qt converts points with its logical DPI of 96 (px = pt × 96 / 72). A point
// size therefore renders 96/102 ≈ 0.94 of its nominal physical size on that panel, so the elder
// sizes below are chosen to meet the minimums *physically*: body 20 pt → 26.7 px → 6.6 mm
// (18 pt = 6.35 mm), headings 34 pt → 45.3 px → 11.3 mm (30 pt = 10.6 mm). Touch targets are in
// pixels: 72 px ≈ 17.9 mm at 102 DPI (60 px ≈ 15 mm is the minimum). tests/ui checks all of it.
QtObject {
    // Switched by the citizen on any screen (ElderModeSwitch); staff screens keep it off.
    property bool elderMode: false

    // Latin digits must come from the same font as the Chinese text (see fonts-noto-cjk).
    readonly property string fontFamily: "Noto Sans CJK SC"

    // The panel the sizes are designed for (see above); the elder-mode test uses them.
    readonly property real targetDpi: 102
    readonly property real logicalDpi: 96

    readonly property real bodyPointSize: elderMode ? 20 : 14
    readonly property real headingPointSize: elderMode ? 34 : 22
    // Small print (hints under a field); in elder mode it never drops below the body minimum.
    readonly property real captionPointSize: elderMode ? 20 : 12
    // Proportional line height for multi-line text (Text.ProportionalHeight).
    readonly property real lineHeight: elderMode ? 1.4 : 1.2
    // Smallest width and height of anything a finger must hit.
    readonly property int touchTarget: elderMode ? 72 : 48
    readonly property int spacing: elderMode ? 20 : 12
    readonly property int radius: 8
    readonly property int borderWidth: 2

    // Palette. Every foreground / background combination a component uses is listed in
    // textPairs below and checked for ≥ 4.5:1 by tests/ui/theme.
    readonly property color background: "#f5f7fa" // the screen
    readonly property color surface: "#ffffff" // cards, keypad display, keys
    readonly property color border: "#8a94a0" // outlines of keys and cards (not text)
    readonly property color text: "#1a1a1a"
    readonly property color secondaryText: "#4d5560"
    readonly property color primary: "#0b57a4"
    readonly property color primaryPressed: "#08457f"
    readonly property color textOnPrimary: "#ffffff" // not "onPrimary": on… names are signal handlers
    readonly property color success: "#1e7b34"
    readonly property color textOnSuccess: "#ffffff"
    readonly property color warning: "#f2b01e"
    readonly property color textOnWarning: "#1a1a1a"
    readonly property color danger: "#b3261e"
    readonly property color textOnDanger: "#ffffff"
    readonly property color disabledBackground: "#dde1e6"
    readonly property color disabledText: "#4d5560"
    readonly property color busyBackground: "#e3eefa"
    readonly property color busyText: "#0a3d73"
    readonly property color errorBackground: "#fdecea"
    readonly property color errorText: "#8c1d18"
    readonly property color offlineBackground: "#5c3c00"
    readonly property color offlineText: "#ffffff"
    // Call boards: light on dark, read from across the hall on a TV.
    readonly property color boardBackground: "#0b1a2b"
    readonly property color boardPanel: "#15304d"
    readonly property color boardText: "#ffffff"
    readonly property color boardSecondaryText: "#b9c7d6"
    readonly property color boardNumber: "#ffd23f" // ticket numbers: the one thing to find
    readonly property color boardPriority: "#ff9f80" // green-channel and appointment tickets
    readonly property color boardDirection: "#7fdbff" // which way a window lies: "← 左侧"

    // [foreground, background] property names of every text colour on every background it is
    // drawn on. A component that draws text on a new combination adds the pair here.
    readonly property var textPairs: [
        ["text", "background"],
        ["text", "surface"],
        ["secondaryText", "background"],
        ["secondaryText", "surface"],
        ["primary", "surface"],
        ["primary", "background"],
        ["textOnPrimary", "primary"],
        ["textOnPrimary", "primaryPressed"],
        ["textOnSuccess", "success"],
        ["textOnWarning", "warning"],
        ["textOnDanger", "danger"],
        ["disabledText", "disabledBackground"],
        ["busyText", "busyBackground"],
        ["errorText", "errorBackground"],
        ["text", "errorBackground"],
        ["offlineText", "offlineBackground"],
        ["boardText", "boardBackground"],
        ["boardText", "boardPanel"],
        ["boardSecondaryText", "boardBackground"],
        ["boardSecondaryText", "boardPanel"],
        ["boardNumber", "boardBackground"],
        ["boardNumber", "boardPanel"],
        ["boardPriority", "boardBackground"],
        ["boardPriority", "boardPanel"],
        ["boardDirection", "boardBackground"],
        ["boardDirection", "boardPanel"],
        ["boardBackground", "boardNumber"], // the call pop-up: dark text on the flashing band
        ["boardBackground", "boardPriority"],
        ["boardBackground", "surface"]
    ]
}
