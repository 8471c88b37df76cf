<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="25"/>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="26"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="27"/>
        <source>Fairly satisfied</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="28"/>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="29"/>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="41"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="55"/>
        <source>Thank you, your signature is filed.</source>
        <translation>Thank you, your signature is filed.</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="56"/>
        <source>Please check and sign</source>
        <translation>Please check and sign</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>Confirm and sign</source>
        <translation>Confirm and sign</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="107"/>
        <source>Service paused: %1</source>
        <translation>Service paused: %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="107"/>
        <source>This window is closed</source>
        <translation>This window is closed</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="116"/>
        <source>Now serving %1</source>
        <translation>Now serving %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="127"/>
        <source>Identity checked: %1, %2</source>
        <translation>Identity checked: %1, %2</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="137"/>
        <source>Notice: %1</source>
        <translation>Notice: %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="154"/>
        <source>How was your visit (%1)?</source>
        <translation>How was your visit (%1)?</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="180"/>
        <source>%1 s left</source>
        <translation>%1 s left</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="195"/>
        <source>We are sorry. What went wrong? (choose at least one)</source>
        <translation>We are sorry. What went wrong? (choose at least one)</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="225"/>
        <source>Anything else you want to tell us? (optional)</source>
        <translation>Anything else you want to tell us? (optional)</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="240"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="245"/>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="261"/>
        <source>Thank you for your rating!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="269"/>
        <source>The hall&apos;s duty manager will follow this up.</source>
        <translation>The hall&apos;s duty manager will follow this up.</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="276"/>
        <source>Change my rating</source>
        <translation>Change my rating</translation>
    </message>
</context>
<context>
    <name>ClerkCallNumber</name>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="64"/>
        <source>Call %1</source>
        <translation>Call %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="64"/>
        <source>Call a given number</source>
        <translation>Call a given number</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="92"/>
        <source>Digits of the number</source>
        <translation>Digits of the number</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="93"/>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="108"/>
        <source>Reason (required in this hall)</source>
        <translation>Reason (required in this hall)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="109"/>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="115"/>
        <source>A call out of turn is recorded with its reason. Parked tickets are called back from the list.</source>
        <translation>A call out of turn is recorded with its reason. Parked tickets are called back from the list.</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="123"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClerkChoice</name>
    <message>
        <location filename="../qml/ClerkChoice.qml" line="103"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClerkScreen</name>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="35"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="35"/>
        <source>Needs documents</source>
        <translation>Needs documents</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="36"/>
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="36"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="63"/>
        <location filename="../qml/ClerkScreen.qml" line="140"/>
        <source>Window %1 · %2</source>
        <translation>Window %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="64"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="74"/>
        <source>%1 (No. %2)</source>
        <translation>%1 (No. %2)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="83"/>
        <source>Served today %1 · typical %2 min</source>
        <translation>Served today %1 · typical %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="88"/>
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n action(s) waiting to be sent</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="97"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="109"/>
        <source>Finish, no-show and pause are kept here and sent later; calling needs the server.</source>
        <translation>Finish, no-show and pause are kept here and sent later; calling needs the server.</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="129"/>
        <source>Park %1: back in</source>
        <translation>Park %1: back in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="130"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="136"/>
        <source>Transfer %1 to</source>
        <translation>Transfer %1 to</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="137"/>
        <source>Return to me after</source>
        <translation>Return to me after</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="138"/>
        <source>A note for the next window (optional)</source>
        <translation>A note for the next window (optional)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="147"/>
        <source>Finish %1 as</source>
        <translation>Finish %1 as</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="148"/>
        <source>A note on the visit (optional)</source>
        <translation>A note on the visit (optional)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="156"/>
        <source>Pause the window: why?</source>
        <translation>Pause the window: why?</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Called, waiting for the citizen</source>
        <translation>Called, waiting for the citizen</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="205"/>
        <source>Waited %1 min</source>
        <translation>Waited %1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="206"/>
        <source> · serving %1 min</source>
        <translation> · serving %1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="210"/>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="211"/>
        <source>Green channel: %1</source>
        <translation>Green channel: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="217"/>
        <source>Note from the last window: %1</source>
        <translation>Note from the last window: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="225"/>
        <source>Identified: %1, %2</source>
        <translation>Identified: %1, %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="226"/>
        <source>Citizen identified by ID card</source>
        <translation>Citizen identified by ID card</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="232"/>
        <source>✓ Signed by the citizen</source>
        <translation>✓ Signed by the citizen</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="233"/>
        <source>Waiting for the citizen&apos;s signature…</source>
        <translation>Waiting for the citizen&apos;s signature…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="243"/>
        <source>Paused: %1</source>
        <translation>Paused: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="244"/>
        <source>The citizen is rating</source>
        <translation>The citizen is rating</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="245"/>
        <location filename="../qml/ClerkScreen.qml" line="380"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="246"/>
        <source>Nobody waiting</source>
        <translation>Nobody waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="251"/>
        <source>The next citizen is called when they have rated, at the latest in %n s.</source>
        <translation>
            <numerusform>The next citizen is called when they have rated, at the latest in %n second.</numerusform>
            <numerusform>The next citizen is called when they have rated, at the latest in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="271"/>
        <source>Call next now</source>
        <translation>Call next now</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="272"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="273"/>
        <source>Citizen arrived: start</source>
        <translation>Citizen arrived: start</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="274"/>
        <source>Finish and call next</source>
        <translation>Finish and call next</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="284"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="285"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="286"/>
        <source>Undo call</source>
        <translation>Undo call</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="287"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="288"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="289"/>
        <source>Finish…</source>
        <translation>Finish…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="292"/>
        <source>Scan (%1 pages)</source>
        <translation>Scan (%1 pages)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="292"/>
        <source>Scan documents</source>
        <translation>Scan documents</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="298"/>
        <source>Ask to sign</source>
        <translation>Ask to sign</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="298"/>
        <source>Cancel signing</source>
        <translation>Cancel signing</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="303"/>
        <source>Silent call</source>
        <translation>Silent call</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="306"/>
        <source>Call number…</source>
        <translation>Call number…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="311"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="311"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="316"/>
        <source>Finish as</source>
        <translation>Finish as</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="338"/>
        <source>Parked or sent to this window</source>
        <translation>Parked or sent to this window</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="354"/>
        <source>parked, back at %1</source>
        <translation>parked, back at %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="355"/>
        <source>sent here: %1</source>
        <translation>sent here: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="356"/>
        <source>sent here</source>
        <translation>sent here</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="363"/>
        <source>Call back</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="383"/>
        <source>longest %1 min</source>
        <translation>longest %1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="410"/>
        <source>The pages go to the citizen with “Ask to sign”.</source>
        <translation>The pages go to the citizen with “Ask to sign”.</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="415"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ClerkSignIn</name>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="23"/>
        <source>%1 (No. %2): your PIN</source>
        <translation>%1 (No. %2): your PIN</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="24"/>
        <source>Sign in: tap your name</source>
        <translation>Sign in: tap your name</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="28"/>
        <source>Or place your own ID card on the reader.</source>
        <translation>Or place your own ID card on the reader.</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="61"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="62"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="73"/>
        <source>Not me</source>
        <translation>Not me</translation>
    </message>
</context>
<context>
    <name>DocumentCameraPanel</name>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="25"/>
        <source>The document camera is not connected.</source>
        <translation>The document camera is not connected.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="26"/>
        <source>Another program is using the document camera.</source>
        <translation>Another program is using the document camera.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="29"/>
        <source>The document camera stopped sending pictures.</source>
        <translation>The document camera stopped sending pictures.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="30"/>
        <source>The document camera cannot be used.</source>
        <translation>The document camera cannot be used.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="39"/>
        <source>Check its USB cable, then tap Try again. If it still fails, call the technician.</source>
        <translation>Check its USB cable, then tap Try again. If it still fails, call the technician.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="40"/>
        <source>Call the technician.</source>
        <translation>Call the technician.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="54"/>
        <source>Document camera</source>
        <translation>Document camera</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/DocumentCameraPanel.qml" line="58"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="105"/>
        <source>Starting the document camera…</source>
        <translation>Starting the document camera…</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="106"/>
        <source>The document camera is off.</source>
        <translation>The document camera is off.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="107"/>
        <source>No document camera is set up at this window. The technician names it in the terminal settings.</source>
        <translation>No document camera is set up at this window. The technician names it in the terminal settings.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="112"/>
        <source>Turn on</source>
        <translation>Turn on</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="122"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="154"/>
        <source>Lay the page flat on the mat, then tap Capture.</source>
        <translation>Lay the page flat on the mat, then tap Capture.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="161"/>
        <source>No page edges found: the whole picture was kept.</source>
        <translation>No page edges found: the whole picture was kept.</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="168"/>
        <source>For the technician: %1</source>
        <translation>For the technician: %1</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="141"/>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="149"/>
        <source>Cutting out the page…</source>
        <translation>Cutting out the page…</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="207"/>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="244"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="252"/>
        <source>Captured pages appear here.</source>
        <translation>Captured pages appear here.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>Window pad: clerk</source>
        <translation>Window pad: clerk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="45"/>
        <source>Window pad: citizen</source>
        <translation>Window pad: citizen</translation>
    </message>
</context>
<context>
    <name>StaffCard</name>
    <message>
        <location filename="../qml/StaffCard.qml" line="37"/>
        <source>Serving you: %1</source>
        <translation>Serving you: %1</translation>
    </message>
    <message>
        <location filename="../qml/StaffCard.qml" line="41"/>
        <source>Staff number %1</source>
        <translation>Staff number %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/StaffCard.qml" line="71"/>
        <source>%1 · %n rating(s) in 30 days</source>
        <translation>
            <numerusform>%1 · %n rating in 30 days</numerusform>
            <numerusform>%1 · %n ratings in 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ClerkDesk</name>
    <message>
        <location filename="../clerk_desk.cpp" line="69"/>
        <source>This card cannot be used here: it carries no ID number.</source>
        <translation>This card cannot be used here: it carries no ID number.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="70"/>
        <source>Cards can be read once the hall&apos;s server has been reached.</source>
        <translation>Cards can be read once the hall&apos;s server has been reached.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="72"/>
        <source>There is no visit at the window to attach the card to.</source>
        <translation>There is no visit at the window to attach the card to.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="345"/>
        <source>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</source>
        <translation>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="450"/>
        <source>One moment: the last action is still on its way.</source>
        <translation>One moment: the last action is still on its way.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="452"/>
        <source>This needs the hall&apos;s server, which cannot be reached now.</source>
        <translation>This needs the hall&apos;s server, which cannot be reached now.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="473"/>
        <source>Offline: kept on this pad and sent when the server is back.</source>
        <translation>Offline: kept on this pad and sent when the server is back.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="476"/>
        <source>This pad could not keep the action: %1</source>
        <translation>This pad could not keep the action: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="494"/>
        <source>%1 goes back to the window that sent it.</source>
        <translation>%1 goes back to the window that sent it.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="506"/>
        <source>Nobody is waiting for this window.</source>
        <translation>Nobody is waiting for this window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="507"/>
        <source>The window is paused: resume service first.</source>
        <translation>The window is paused: resume service first.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="509"/>
        <source>Finish, transfer or park the current ticket before calling the next.</source>
        <translation>Finish, transfer or park the current ticket before calling the next.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="510"/>
        <source>There is no ticket at this window.</source>
        <translation>There is no ticket at this window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="511"/>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="513"/>
        <source>Staff number or PIN not accepted. %1</source>
        <translation>Staff number or PIN not accepted. %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="514"/>
        <source>Too many wrong PINs: %1</source>
        <translation>Too many wrong PINs: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="515"/>
        <source>This clerk is signed in at another window.</source>
        <translation>This clerk is signed in at another window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="516"/>
        <source>A call out of turn needs a reason in this hall.</source>
        <translation>A call out of turn needs a reason in this hall.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="517"/>
        <source>There is no such ticket today.</source>
        <translation>There is no such ticket today.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="519"/>
        <source>This citizen already holds %1 for this service today.</source>
        <translation>This citizen already holds %1 for this service today.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="521"/>
        <source>Too soon for a no-show: %1</source>
        <translation>Too soon for a no-show: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="522"/>
        <source>There is no call to undo.</source>
        <translation>There is no call to undo.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="523"/>
        <source>Not possible now: %1</source>
        <translation>Not possible now: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="524"/>
        <source>Not allowed from this pad: %1</source>
        <translation>Not allowed from this pad: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="525"/>
        <source>The hall&apos;s server did not answer. Try again.</source>
        <translation>The hall&apos;s server did not answer. Try again.</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ConfirmationDesk</name>
    <message>
        <location filename="../confirmation_desk.cpp" line="52"/>
        <source>There is no visit at the window to confirm.</source>
        <translation>There is no visit at the window to confirm.</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="63"/>
        <source>Matter: %1</source>
        <translation>Matter: %1</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="63"/>
        <source>Ticket: %1</source>
        <translation>Ticket: %1</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="64"/>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../confirmation_desk.cpp" line="65"/>
        <source>Documents scanned: %n page(s)</source>
        <translation>
            <numerusform>Documents scanned: %n page</numerusform>
            <numerusform>Documents scanned: %n pages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="74"/>
        <location filename="../confirmation_desk.cpp" line="112"/>
        <source>The hall&apos;s server cannot be reached: please sign again in a moment.</source>
        <translation>The hall&apos;s server cannot be reached: please sign again in a moment.</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="113"/>
        <source>The signature was not accepted (%1). Please tell the clerk.</source>
        <translation>The signature was not accepted (%1). Please tell the clerk.</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::EvaluationDesk</name>
    <message>
        <location filename="../evaluation_desk.cpp" line="116"/>
        <source>Please choose at least one reason.</source>
        <translation>Please choose at least one reason.</translation>
    </message>
    <message>
        <location filename="../evaluation_desk.cpp" line="176"/>
        <source>Your rating could not be saved. Please tell the clerk.</source>
        <translation>Your rating could not be saved. Please tell the clerk.</translation>
    </message>
</context>
</TS>
