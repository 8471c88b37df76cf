import Hall.Callstation

// An LED box of the larger size in the tri-colour look (for --screenshot): window 6 of the demo
// morning, open with nobody at it, in green. The default shot, window 1 calling, is the red look.
LedBoxScreen {
    window: 6
    look: "tricolour"
}
