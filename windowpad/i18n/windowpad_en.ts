<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="17"/>
        <source>Very satisfied</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="18"/>
        <source>Satisfied</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="19"/>
        <source>Fairly satisfied</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="20"/>
        <source>Dissatisfied</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="21"/>
        <source>Very dissatisfied</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="33"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="49"/>
        <source>Serving you: %1</source>
        <translation>Serving you: %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="55"/>
        <source>Staff number %1</source>
        <translation>Staff number %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="61"/>
        <source>Service paused: %1</source>
        <translation>Service paused: %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="61"/>
        <source>This window is closed</source>
        <translation>This window is closed</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="68"/>
        <source>Now serving %1</source>
        <translation>Now serving %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>How was your visit (%1)?</source>
        <translation>How was your visit (%1)?</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="109"/>
        <source>%1 s left</source>
        <translation>%1 s left</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="122"/>
        <source>We are sorry. What went wrong? (choose at least one)</source>
        <translation>We are sorry. What went wrong? (choose at least one)</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="150"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="155"/>
        <source>Submit</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="169"/>
        <source>Thank you for your rating!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="175"/>
        <source>The hall&apos;s duty manager will follow this up.</source>
        <translation>The hall&apos;s duty manager will follow this up.</translation>
    </message>
</context>
<context>
    <name>ClerkChoice</name>
    <message>
        <location filename="../qml/ClerkChoice.qml" line="77"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClerkScreen</name>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="25"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="25"/>
        <source>Needs documents</source>
        <translation>Needs documents</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="26"/>
        <source>Not accepted</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="26"/>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="49"/>
        <location filename="../qml/ClerkScreen.qml" line="112"/>
        <source>Window %1 · %2</source>
        <translation>Window %1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="50"/>
        <source>Window %1</source>
        <translation>Window %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="54"/>
        <source>%1 (No. %2)</source>
        <translation>%1 (No. %2)</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="59"/>
        <source>Served today %1 · typical %2 min</source>
        <translation>Served today %1 · typical %2 min</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="64"/>
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n action(s) waiting to be sent</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="73"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="82"/>
        <source>Finish, no-show and pause are kept here and sent later; calling needs the server.</source>
        <translation>Finish, no-show and pause are kept here and sent later; calling needs the server.</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="102"/>
        <source>Park %1: back in</source>
        <translation>Park %1: back in</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="103"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="109"/>
        <source>Transfer %1 to</source>
        <translation>Transfer %1 to</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="110"/>
        <source>Return to me after</source>
        <translation>Return to me after</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="119"/>
        <source>Pause the window: why?</source>
        <translation>Pause the window: why?</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="150"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="150"/>
        <source>Called, waiting for the citizen</source>
        <translation>Called, waiting for the citizen</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="163"/>
        <source>Waited %1 min</source>
        <translation>Waited %1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="164"/>
        <source> · serving %1 min</source>
        <translation> · serving %1 min</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="168"/>
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="169"/>
        <source>Green channel: %1</source>
        <translation>Green channel: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="175"/>
        <source>Note from the last window: %1</source>
        <translation>Note from the last window: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="182"/>
        <source>Citizen identified by ID card</source>
        <translation>Citizen identified by ID card</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Paused: %1</source>
        <translation>Paused: %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="193"/>
        <source>The citizen is rating</source>
        <translation>The citizen is rating</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="194"/>
        <location filename="../qml/ClerkScreen.qml" line="268"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="195"/>
        <source>Nobody waiting</source>
        <translation>Nobody waiting</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="200"/>
        <source>The next citizen is called when they have rated, at the latest in %n s.</source>
        <translation>
            <numerusform>The next citizen is called when they have rated, at the latest in %n second.</numerusform>
            <numerusform>The next citizen is called when they have rated, at the latest in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="219"/>
        <source>Call next now</source>
        <translation>Call next now</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="220"/>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="221"/>
        <source>Citizen arrived: start</source>
        <translation>Citizen arrived: start</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="222"/>
        <source>Finish and call next</source>
        <translation>Finish and call next</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="232"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="233"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="234"/>
        <source>Undo call</source>
        <translation>Undo call</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="235"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="236"/>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="237"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="238"/>
        <source>Silent call</source>
        <translation>Silent call</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="240"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="240"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="245"/>
        <source>Finish as</source>
        <translation>Finish as</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="271"/>
        <source>longest %1 min</source>
        <translation>longest %1 min</translation>
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
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>Window pad: clerk</source>
        <translation>Window pad: clerk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="39"/>
        <source>Window pad: citizen</source>
        <translation>Window pad: citizen</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ClerkDesk</name>
    <message>
        <location filename="../clerk_desk.cpp" line="238"/>
        <source>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</source>
        <translation>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="343"/>
        <source>One moment: the last action is still on its way.</source>
        <translation>One moment: the last action is still on its way.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="345"/>
        <source>This needs the hall&apos;s server, which cannot be reached now.</source>
        <translation>This needs the hall&apos;s server, which cannot be reached now.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="368"/>
        <source>Offline: kept on this pad and sent when the server is back.</source>
        <translation>Offline: kept on this pad and sent when the server is back.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="371"/>
        <source>This pad could not keep the action: %1</source>
        <translation>This pad could not keep the action: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="389"/>
        <source>%1 goes back to the window that sent it.</source>
        <translation>%1 goes back to the window that sent it.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="401"/>
        <source>Nobody is waiting for this window.</source>
        <translation>Nobody is waiting for this window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="402"/>
        <source>The window is paused: resume service first.</source>
        <translation>The window is paused: resume service first.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="404"/>
        <source>Finish, transfer or park the current ticket before calling the next.</source>
        <translation>Finish, transfer or park the current ticket before calling the next.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="405"/>
        <source>There is no ticket at this window.</source>
        <translation>There is no ticket at this window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="406"/>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="408"/>
        <source>Staff number or PIN not accepted. %1</source>
        <translation>Staff number or PIN not accepted. %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="409"/>
        <source>Too many wrong PINs: %1</source>
        <translation>Too many wrong PINs: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="410"/>
        <source>This clerk is signed in at another window.</source>
        <translation>This clerk is signed in at another window.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="411"/>
        <source>A call out of turn needs a reason in this hall.</source>
        <translation>A call out of turn needs a reason in this hall.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="412"/>
        <source>There is no such ticket today.</source>
        <translation>There is no such ticket today.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="413"/>
        <source>Too soon for a no-show: %1</source>
        <translation>Too soon for a no-show: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="414"/>
        <source>There is no call to undo.</source>
        <translation>There is no call to undo.</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="415"/>
        <source>Not possible now: %1</source>
        <translation>Not possible now: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="416"/>
        <source>Not allowed from this pad: %1</source>
        <translation>Not allowed from this pad: %1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="417"/>
        <source>The hall&apos;s server did not answer. Try again.</source>
        <translation>The hall&apos;s server did not answer. Try again.</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::EvaluationDesk</name>
    <message>
        <location filename="../evaluation_desk.cpp" line="113"/>
        <source>Please choose at least one reason.</source>
        <translation>Please choose at least one reason.</translation>
    </message>
    <message>
        <location filename="../evaluation_desk.cpp" line="160"/>
        <source>Your rating could not be saved. Please tell the clerk.</source>
        <translation>Your rating could not be saved. Please tell the clerk.</translation>
    </message>
</context>
</TS>
