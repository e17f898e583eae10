<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit “{name}”</source>
        <translation>“{name}” bewerken</translation>
    </message>
    <message>
        <source>Add an Account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>Connect and log in step by step with the settings above, sending nothing</source>
        <translation>Verbinden en stap voor stap inloggen met de instellingen hierboven, zonder iets te verzenden</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Afzenders</translation>
    </message>
    <message>
        <source>Who mail from this account may come from; the From picker offers these. The address&apos;s domain must be a sender domain in SMTPeter.</source>
        <translation>Van wie mail van dit account mag komen; de Van-keuze biedt deze aan. Het domein van het adres moet een afzenderdomein zijn in SMTPeter.</translation>
    </message>
    <message>
        <source>Default SMTPeter &amp;options</source>
        <translation>Standaard SMTPeter-&amp;opties</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Geavanceerd</translation>
    </message>
    <message>
        <source>reading the keyring</source>
        <translation>het lezen van de sleutelbos</translation>
    </message>
    <message>
        <source>Please correct the marked sender.</source>
        <translation>Verbeter de gemarkeerde afzender.</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>Er staat geen bestand op {path}.</translation>
    </message>
    <message>
        <source>Please correct the marked field.</source>
        <translation>Verbeter het gemarkeerde veld.</translation>
    </message>
    <message>
        <source>There is already an account named “{name}”.</source>
        <translation>Er is al een account met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Type the API token: the one stored is for the SMTP API.</source>
        <translation>Typ het API-token: het opgeslagen geheim is voor de SMTP-API.</translation>
    </message>
    <message>
        <source>Type the password: the one stored is for the REST API.</source>
        <translation>Typ het wachtwoord: het opgeslagen geheim is voor de REST-API.</translation>
    </message>
    <message>
        <source>Storing the secret in the keyring…</source>
        <translation>Het geheim wordt in de sleutelbos opgeslagen…</translation>
    </message>
    <message>
        <source>storing the secret</source>
        <translation>het opslaan van het geheim</translation>
    </message>
    <message>
        <source>Connection test: {where}</source>
        <translation>Verbindingstest: {where}</translation>
    </message>
    <message>
        <source>No API token is stored for this account: type it to test.</source>
        <translation>Voor dit account is geen API-token opgeslagen: typ het om te testen.</translation>
    </message>
    <message>
        <source>No password is stored for this account: type it to test.</source>
        <translation>Voor dit account is geen wachtwoord opgeslagen: typ het om te testen.</translation>
    </message>
    <message>
        <source>Type the API token to test the connection.</source>
        <translation>Typ het API-token om de verbinding te testen.</translation>
    </message>
    <message>
        <source>Type the password to test the connection.</source>
        <translation>Typ het wachtwoord om de verbinding te testen.</translation>
    </message>
    <message>
        <source>An internal problem stopped {doing}; the details are in the log.</source>
        <translation>Een intern probleem stopte {doing}; de details staan in het logboek.</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Werk</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Built-in test server — delivers nothing. A local test server inside the app: it keeps what you send. It needs no password.</source>
        <translation>Ingebouwde testserver — bezorgt niets. Een lokale testserver in de app: die bewaart wat je verzendt. Er is geen wachtwoord nodig.</translation>
    </message>
    <message>
        <source>S&amp;MTP API</source>
        <translation>S&amp;MTP-API</translation>
    </message>
    <message>
        <source>&amp;REST API</source>
        <translation>&amp;REST-API</translation>
    </message>
    <message>
        <source>Sends through SMTPeter&apos;s mail server, like any mail program, with your SMTP login.</source>
        <translation>Verzendt via de mailserver van SMTPeter, zoals elk mailprogramma, met je SMTP-login.</translation>
    </message>
    <message>
        <source>Sends over HTTPS with an API token, and can show what became of each message (delivered, opened, clicked).</source>
        <translation>Verzendt via HTTPS met een API-token, en kan laten zien wat er met elk bericht gebeurde (bezorgd, geopend, geklikt).</translation>
    </message>
    <message>
        <source>Sends with:</source>
        <translation>Verzendt met:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (meestal poort 587)</translation>
    </message>
    <message>
        <source>TLS from the start (port 465)</source>
        <translation>TLS vanaf het begin (poort 465)</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Beveiliging</translation>
    </message>
    <message>
        <source>STARTTLS: a plain connection made secure before logging in (port 587).
TLS: secure from the first byte (port 465).</source>
        <translation>STARTTLS: een gewone verbinding die vóór het inloggen wordt beveiligd (poort 587).
TLS: beveiligd vanaf de eerste byte (poort 465).</translation>
    </message>
    <message>
        <source>Sec&amp;urity:</source>
        <translation>Bevei&amp;liging:</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Wachtwoord:</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove the REST token for checks</source>
        <translation>Het REST-token voor controles verwijderen</translation>
    </message>
    <message>
        <source>REST token for checks (optional)</source>
        <translation>REST-token voor controles (optioneel)</translation>
    </message>
    <message>
        <source>An SMTPeter API token (from its dashboard), used only to ask whether the From domain is a sender domain with its DNS in order. Sending uses the password.</source>
        <translation>Een SMTPeter API-token (uit het dashboard), alleen gebruikt om te vragen of het Van-domein een afzenderdomein is met de DNS in orde. Verzenden gebruikt het wachtwoord.</translation>
    </message>
    <message>
        <source>REST token for c&amp;hecks:</source>
        <translation>REST-token voor co&amp;ntroles:</translation>
    </message>
    <message>
        <source>Only SMTPeter&apos;s REST API tells whether the From domain will be accepted; with a token, Check asks it before you send. Kept in the keyring.</source>
        <translation>Alleen de REST-API van SMTPeter vertelt of het Van-domein wordt geaccepteerd; met een token vraagt Controleren het vóór je verzendt. Bewaard in de sleutelbos.</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-adres</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>API-&amp;adres:</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-token</translation>
    </message>
    <message>
        <source>API to&amp;ken:</source>
        <translation>API-to&amp;ken:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>Browse for a CA certificate</source>
        <translation>Een CA-certificaat zoeken</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certificaat</translation>
    </message>
    <message>
        <source>Optional: for a private server</source>
        <translation>Optioneel: voor een eigen server</translation>
    </message>
    <message>
        <source>A certificate authority to trust besides the system&apos;s, for a server with a private certificate. Leave empty for SMTPeter.</source>
        <translation>Een certificaatautoriteit om naast die van het systeem te vertrouwen, voor een server met een eigen certificaat. Laat leeg voor SMTPeter.</translation>
    </message>
    <message>
        <source>CA &amp;certificate:</source>
        <translation>CA-&amp;certificaat:</translation>
    </message>
    <message>
        <source>Connect:</source>
        <translation>Verbinden:</translation>
    </message>
    <message>
        <source>Timeout: connect</source>
        <translation>Wachttijd: verbinden</translation>
    </message>
    <message>
        <source>How long to wait for the server to answer at all</source>
        <translation>Hoe lang er gewacht wordt tot de server überhaupt antwoordt</translation>
    </message>
    <message>
        <source>Each command:</source>
        <translation>Elke opdracht:</translation>
    </message>
    <message>
        <source>Timeout: each command</source>
        <translation>Wachttijd: elke opdracht</translation>
    </message>
    <message>
        <source>How long to wait for each answer while talking</source>
        <translation>Hoe lang er tijdens het gesprek op elk antwoord gewacht wordt</translation>
    </message>
    <message>
        <source>The whole message:</source>
        <translation>Het hele bericht:</translation>
    </message>
    <message>
        <source>Timeout: the whole message</source>
        <translation>Wachttijd: het hele bericht</translation>
    </message>
    <message>
        <source>How long to wait for the final answer after upload</source>
        <translation>Hoe lang er na het uploaden op het laatste antwoord gewacht wordt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>Kies een CA-certificaat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535, not “{port}”.</source>
        <translation>De poort moet een geheel getal van 1 tot 65535 zijn, niet “{port}”.</translation>
    </message>
    <message>
        <source>Removed from the keyring on Save</source>
        <translation>Wordt bij Opslaan uit de sleutelbos verwijderd</translation>
    </message>
</context>
<context>
    <name>AccountSecrets</name>
    <message>
        <source>Stored in the keyring — type to replace</source>
        <translation>Opgeslagen in de sleutelbos — typ om te vervangen</translation>
    </message>
    <message>
        <source>Kept for this session only — type to replace</source>
        <translation>Alleen voor deze sessie bewaard — typ om te vervangen</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>De sleutelbos wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Optional: an API token from SMTPeter&apos;s dashboard</source>
        <translation>Optioneel: een API-token uit het dashboard van SMTPeter</translation>
    </message>
</context>
<context>
    <name>AccountsPane</name>
    <message>
        <source>Built-in test server — delivers nothing</source>
        <translation>Ingebouwde testserver — bezorgt niets</translation>
    </message>
    <message>
        <source>Needs none</source>
        <translation>Niet nodig</translation>
    </message>
    <message>
        <source>Stored in the keyring</source>
        <translation>Opgeslagen in de sleutelbos</translation>
    </message>
    <message>
        <source>Kept for this session only</source>
        <translation>Alleen voor deze sessie bewaard</translation>
    </message>
    <message>
        <source>Not stored — add it with Edit…</source>
        <translation>Niet opgeslagen — voeg het toe met Bewerken…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>Unknown: the keyring cannot be read</source>
        <translation>Onbekend: de sleutelbos kan niet worden gelezen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sends through</source>
        <translation>Verzendt via</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Wachtwoord of token</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Toevoegen…</translation>
    </message>
    <message>
        <source>Add an SMTPeter account (SMTP or REST API)</source>
        <translation>Een SMTPeter-account toevoegen (SMTP- of REST-API)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Be&amp;werken…</translation>
    </message>
    <message>
        <source>Change the selected account (Enter)</source>
        <translation>Het gekozen account wijzigen (Enter)</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Account bewerken</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Remove the selected account and its password (Delete)</source>
        <translation>Het gekozen account en zijn wachtwoord verwijderen (Delete)</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Account verwijderen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>Connect and log in step by step, sending nothing</source>
        <translation>Verbinden en stap voor stap inloggen, zonder iets te verzenden</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>New messages start from the account marked (default); choose it in Settings ▸ New messages from.</source>
        <translation>Nieuwe berichten beginnen met het account met (standaard); kies het in Instellingen ▸ Nieuwe berichten van.</translation>
    </message>
    <message>
        <source>The accounts cannot be read. {reason}</source>
        <translation>De accounts kunnen niet worden gelezen. {reason}</translation>
    </message>
    <message>
        <source>  (default)</source>
        <translation>  (standaard)</translation>
    </message>
    <message>
        <source>No senders yet</source>
        <translation>Nog geen afzenders</translation>
    </message>
    <message>
        <source>The keyring cannot be read ({backend}). {reason}</source>
        <translation>De sleutelbos kan niet worden gelezen ({backend}). {reason}</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>“{name}” opgeslagen.</translation>
    </message>
    <message>
        <source>The built-in test server can be added back by removing profiles.toml.</source>
        <translation>De ingebouwde testserver komt terug als je profiles.toml verwijdert.</translation>
    </message>
    <message>
        <source>Its password or token is deleted from the keyring too. Messages in the outbox that use it cannot be sent until you choose another account for them.</source>
        <translation>Het wachtwoord of token wordt ook uit de sleutelbos verwijderd. Berichten in Postvak UIT die dit account gebruiken, kunnen pas worden verzonden als je er een ander account voor kiest.</translation>
    </message>
    <message>
        <source>Remove the account?</source>
        <translation>Het account verwijderen?</translation>
    </message>
    <message>
        <source>Remove the account “{name}”?</source>
        <translation>Het account “{name}” verwijderen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Removing “{name}”…</source>
        <translation>“{name}” wordt verwijderd…</translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation>“{name}” verwijderd.</translation>
    </message>
    <message>
        <source>“{name}” was removed, but its password or token could not be deleted from the keyring: {reason}</source>
        <translation>“{name}” is verwijderd, maar het wachtwoord of token kon niet uit de sleutelbos worden verwijderd: {reason}</translation>
    </message>
    <message>
        <source>An internal problem stopped the removal; the details are in the log.</source>
        <translation>Een intern probleem stopte het verwijderen; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>The setting is used now but was not saved: {reason}</source>
        <translation>De instelling wordt nu gebruikt maar is niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Connection test of “{name}”: {where}</source>
        <translation>Verbindingstest van “{name}”: {where}</translation>
    </message>
    <message>
        <source>No API token is stored for “{name}”. Add it with Edit…, then test again.</source>
        <translation>Voor “{name}” is geen API-token opgeslagen. Voeg het toe met Bewerken… en test opnieuw.</translation>
    </message>
    <message>
        <source>No password is stored for “{name}”. Add it with Edit…, then test again.</source>
        <translation>Voor “{name}” is geen wachtwoord opgeslagen. Voeg het toe met Bewerken… en test opnieuw.</translation>
    </message>
</context>
<context>
    <name>AddressField</name>
    <message>
        <source>Forget “{address}”</source>
        <translation>“{address}” vergeten</translation>
    </message>
    <message>
        <source>Do not offer this address while typing again</source>
        <translation>Dit adres niet meer aanbieden tijdens het typen</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>Bestanden &amp;bijvoegen…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Bijvoegen</translation>
    </message>
    <message>
        <source>Attach files to the message (Ctrl+Shift+A)</source>
        <translation>Bestanden bij het bericht voegen (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>“{name}” is a folder; only files can be attached.</source>
        <translation>“{name}” is een map; alleen bestanden kunnen worden bijgevoegd.</translation>
    </message>
    <message>
        <source>“{name}” was not found.</source>
        <translation>“{name}” is niet gevonden.</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Bestanden bijvoegen</translation>
    </message>
</context>
<context>
    <name>BeforeSend</name>
    <message>
        <source>The sender domain cannot be checked for “{profile}”: SMTPeter tells it only over its REST API, with an API token, and this SMTP account has none.</source>
        <translation>Het afzenderdomein kan voor “{profile}” niet worden gecontroleerd: SMTPeter vertelt dat alleen via de REST-API, met een API-token, en dit SMTP-account heeft er geen.</translation>
    </message>
    <message>
        <source>To have it checked, enter a REST token for checks in the account&apos;s settings (Accounts ▸ Edit; the API token is in SMTPeter&apos;s dashboard), or from the command line: smtpeter-desktop profiles set-secret “{profile}” --check-token-stdin.</source>
        <translation type="vanished">Voer voor de controle een REST-token voor controles in bij de instellingen van het account (Accounts ▸ Bewerken; het API-token staat in het dashboard van SMTPeter), of via de opdrachtregel: smtpeter-desktop profiles set-secret “{profile}” --check-token-stdin.</translation>
    </message>
    <message>
        <source>To have it checked, enter a REST token for checks in the account&apos;s settings (Accounts ▸ Edit; the API token is in SMTPeter&apos;s dashboard), or from the command line: smtpeter-desktop profiles set-secret &apos;{profile}&apos; --check-token-stdin.</source>
        <translation>Voer voor de controle een REST-token voor controles in bij de instellingen van het account (Accounts ▸ Bewerken; het API-token staat in het dashboard van SMTPeter), of via de opdrachtregel: smtpeter-desktop profiles set-secret &apos;{profile}&apos; --check-token-stdin.</translation>
    </message>
    <message>
        <source>The sender domain was not checked: no API token is stored for “{profile}”.</source>
        <translation>Het afzenderdomein is niet gecontroleerd: voor “{profile}” is geen API-token opgeslagen.</translation>
    </message>
    <message>
        <source>Enter the API token in the account&apos;s settings, then check again.</source>
        <translation>Voer het API-token in bij de instellingen van het account en controleer opnieuw.</translation>
    </message>
    <message>
        <source>Copy the API token again from SMTPeter&apos;s dashboard into the account&apos;s “REST token for checks”, then check again.</source>
        <translation>Kopieer het API-token opnieuw uit het dashboard van SMTPeter naar het “REST-token voor controles” van het account en controleer opnieuw.</translation>
    </message>
    <message>
        <source>Check the account&apos;s API token.</source>
        <translation>Controleer het API-token van het account.</translation>
    </message>
    <message>
        <source>Check again when the connection works.</source>
        <translation>Controleer opnieuw zodra de verbinding werkt.</translation>
    </message>
    <message>
        <source>SMTPeter could not be asked about the sender domain: {reason}</source>
        <translation>SMTPeter kon niet worden gevraagd naar het afzenderdomein: {reason}</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>Before-send check</source>
        <translation>Controle vóór verzenden</translation>
    </message>
    <message>
        <source>Before Send</source>
        <translation>Vóór verzenden</translation>
    </message>
    <message>
        <source>Check A&amp;gain</source>
        <translation>Opnieuw &amp;controleren</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>Run every check again, asking SMTPeter afresh about the sender domain</source>
        <translation>Alle controles opnieuw uitvoeren en SMTPeter opnieuw naar het afzenderdomein vragen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Close the check</source>
        <translation>De controle sluiten</translation>
    </message>
    <message>
        <source>Check summary</source>
        <translation>Samenvatting van de controle</translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>Bevindingen van de controle</translation>
    </message>
    <message>
        <source>Checking… (the sender domain, links, HTML, size, then the spam score)</source>
        <translation>Bezig met controleren… (het afzenderdomein, links, HTML, grootte, daarna de spamscore)</translation>
    </message>
    <message>
        <source>Every check passed: nothing to fix.</source>
        <translation>Alle controles geslaagd: niets te verbeteren.</translation>
    </message>
</context>
<context>
    <name>CheckRunner</name>
    <message>
        <source>SpamAssassin could not check the message: {reason}</source>
        <translation>SpamAssassin kon het bericht niet controleren: {reason}</translation>
    </message>
    <message>
        <source>The check stopped with an error it did not expect ({kind}). The log folder (Help ▸ Open Log Folder) has the details.</source>
        <translation>De controle stopte met een onverwachte fout ({kind}). De logmap (Help ▸ Logmap openen) bevat de details.</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <source>Connection test</source>
        <translation>Verbindingstest</translation>
    </message>
    <message>
        <source>Connection test stages</source>
        <translation>Stappen van de verbindingstest</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Uitkomst van de verbindingstest</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Bezig met testen…</translation>
    </message>
    <message>
        <source>{milliseconds} ms</source>
        <translation>{milliseconds} ms</translation>
    </message>
    <message>
        <source>{stage}: passed</source>
        <translation>{stage}: geslaagd</translation>
    </message>
    <message>
        <source>{stage}: failed</source>
        <translation>{stage}: mislukt</translation>
    </message>
    <message>
        <source>Every step worked: this account can send.</source>
        <translation>Elke stap werkte: dit account kan verzenden.</translation>
    </message>
    <message>
        <source>The test stopped before it could finish.</source>
        <translation>De test stopte voordat hij klaar was.</translation>
    </message>
    <message>
        <source>“{stage}” failed. </source>
        <translation>“{stage}” is mislukt. </translation>
    </message>
    <message>
        <source>The server said: {reply}</source>
        <translation>De server zei: {reply}</translation>
    </message>
</context>
<context>
    <name>ComposePane</name>
    <message>
        <source>Send &amp;Later…</source>
        <translation>&amp;Later verzenden…</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Later verzenden</translation>
    </message>
    <message>
        <source>Choose when the message goes; it waits in the Outbox</source>
        <translation>Kies wanneer het bericht vertrekt; het wacht in Postvak UIT</translation>
    </message>
    <message>
        <source>Who the message is from, and the account that sends it</source>
        <translation>Van wie het bericht is, en het account dat het verzendt</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>Recipients, separated by commas</source>
        <translation>Ontvangers, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>The recipients, separated by commas</source>
        <translation>De ontvangers, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Recipients who get a copy; everyone sees them</source>
        <translation>Ontvangers die een kopie krijgen; iedereen ziet ze</translation>
    </message>
    <message>
        <source>Recipients who get a copy that the other recipients do not see</source>
        <translation>Ontvangers die een kopie krijgen die de andere ontvangers niet zien</translation>
    </message>
    <message>
        <source>Where replies go, when not to the sender</source>
        <translation>Waar antwoorden heen gaan, als dat niet de afzender is</translation>
    </message>
    <message>
        <source>Cc/Bcc</source>
        <translation>Cc/Bcc</translation>
    </message>
    <message>
        <source>Show Cc, Bcc and Reply-To</source>
        <translation>Cc, Bcc en Antwoord-aan tonen</translation>
    </message>
    <message>
        <source>Show or hide Cc, Bcc and Reply-To (Ctrl+Shift+B)</source>
        <translation>Cc, Bcc en Antwoord-aan tonen of verbergen (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Aan</translation>
    </message>
    <message>
        <source>&amp;Cc</source>
        <translation>&amp;Cc</translation>
    </message>
    <message>
        <source>&amp;Bcc</source>
        <translation>&amp;Bcc</translation>
    </message>
    <message>
        <source>&amp;Reply-To</source>
        <translation>Antwoo&amp;rd-aan</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>What the message is about</source>
        <translation>Waar het bericht over gaat</translation>
    </message>
    <message>
        <source>Sub&amp;ject</source>
        <translation>Onder&amp;werp</translation>
    </message>
    <message>
        <source>The message, in Markdown. Tab indents; Ctrl+Tab moves on to the next field.</source>
        <translation>Het bericht, in Markdown. Tab springt in; Ctrl+Tab gaat naar het volgende veld.</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Opties</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opties</translation>
    </message>
    <message>
        <source>Show the SMTPeter options of this message: tracking, tags, delivery notices (Ctrl+Shift+O)</source>
        <translation>De SMTPeter-opties van dit bericht tonen: volgen, labels, bezorgmeldingen (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Open in Bro&amp;wser</source>
        <translation>In bro&amp;wser openen</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>In browser openen</translation>
    </message>
    <message>
        <source>Open the message, exactly as it will be sent, in your web browser</source>
        <translation>Het bericht, precies zoals het verzonden wordt, in je webbrowser openen</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>Contro&amp;leren</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Check what SMTPeter and the receivers will make of the message, before sending (Ctrl+Shift+K)</source>
        <translation>Controleren wat SMTPeter en de ontvangers van het bericht zullen maken, vóór het verzenden (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Verzenden (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Print the Message</source>
        <translation>Het bericht afdrukken</translation>
    </message>
    <message>
        <source>This draft was written as “{sender}”, which none of your profiles sends as any more: choose a sender from the list.</source>
        <translation>Dit concept is geschreven als “{sender}”, waarmee geen van je profielen nog verzendt: kies een afzender uit de lijst.</translation>
    </message>
    <message>
        <source>Cc, Bcc and Reply-To stay shown while they hold addresses.</source>
        <translation>Cc, Bcc en Antwoord-aan blijven zichtbaar zolang ze adressen bevatten.</translation>
    </message>
    <message>
        <source>Drop the files to attach them</source>
        <translation>Laat de bestanden los om ze bij te voegen</translation>
    </message>
    <message>
        <source>&amp;Options •</source>
        <translation>&amp;Opties •</translation>
    </message>
    <message>
        <source>changed from the account defaults</source>
        <translation>gewijzigd ten opzichte van de standaard van het account</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>No API token is stored for this account.</source>
        <translation>Voor dit account is geen API-token opgeslagen.</translation>
    </message>
    <message>
        <source>No password is stored for this account.</source>
        <translation>Voor dit account is geen wachtwoord opgeslagen.</translation>
    </message>
    <message>
        <source>The API token could not be read from the keyring: {reason}</source>
        <translation>Het API-token kon niet uit de sleutelbos worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>The password could not be read from the keyring: {reason}</source>
        <translation>Het wachtwoord kon niet uit de sleutelbos worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>The built-in test server could not start: {reason}</source>
        <translation>De ingebouwde testserver kon niet starten: {reason}</translation>
    </message>
    <message>
        <source>The test stopped because of an internal problem; the details are in the log.</source>
        <translation>De test stopte door een intern probleem; de details staan in het logboek.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>{app}: something went wrong</source>
        <translation>{app}: er ging iets mis</translation>
    </message>
    <message>
        <source>Something went wrong inside {app}. Your drafts are saved.</source>
        <translation>Er ging iets mis in {app}. Je concepten zijn bewaard.</translation>
    </message>
    <message>
        <source>Details: {path}

You can keep working; if something behaves oddly, restart {app}. Sending the log file to the developers helps them fix it.</source>
        <translation>Details: {path}

Je kunt doorwerken; als iets vreemd doet, start {app} dan opnieuw. Als je het logbestand naar de ontwikkelaars stuurt, helpt dat hen het op te lossen.</translation>
    </message>
    <message>
        <source>Open Log Folder</source>
        <translation>Logmap openen</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <source>The message could not be opened: {reason}</source>
        <translation>Het bericht kon niet worden geopend: {reason}</translation>
    </message>
    <message>
        <source>The message could not be copied: {reason}</source>
        <translation>Het bericht kon niet worden gekopieerd: {reason}</translation>
    </message>
    <message>
        <source>The message could not be sent again</source>
        <translation>Het bericht kon niet opnieuw worden verzonden</translation>
    </message>
    <message>
        <source>The message could not be marked as sent</source>
        <translation>Het bericht kon niet als verzonden worden gemarkeerd</translation>
    </message>
    <message>
        <source>The message could not be discarded</source>
        <translation>Het bericht kon niet worden weggegooid</translation>
    </message>
    <message>
        <source>{failed} yet. {reason}</source>
        <translation>{failed}, nog niet. {reason}</translation>
    </message>
    <message>
        <source>{failed}: {reason}</source>
        <translation>{failed}: {reason}</translation>
    </message>
</context>
<context>
    <name>Disclosure</name>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>dicht</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Your draft could not be saved: {reason}</source>
        <translation>Je concept kon niet worden opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>It is still in the window; it is saved again at the next change.</source>
        <translation>Het staat nog in het venster; het wordt bij de volgende wijziging opnieuw opgeslagen.</translation>
    </message>
    <message>
        <source>The draft could not be opened: {reason}</source>
        <translation>Het concept kon niet worden geopend: {reason}</translation>
    </message>
    <message>
        <source>That message is no longer a draft.</source>
        <translation>Dat bericht is geen concept meer.</translation>
    </message>
    <message>
        <source>Look for it in the Outbox or in Sent.</source>
        <translation>Zoek het in Postvak UIT of in Verzonden.</translation>
    </message>
</context>
<context>
    <name>DraftTextDialog</name>
    <message>
        <source>Draft: {subject}</source>
        <translation>Concept: {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>The draft as plain text. Copy what you need into a new message; nothing here is rendered.</source>
        <translation>Het concept als platte tekst. Kopieer wat je nodig hebt naar een nieuw bericht; hier wordt niets opgemaakt.</translation>
    </message>
    <message>
        <source>Draft text</source>
        <translation>Concepttekst</translation>
    </message>
    <message>
        <source>&amp;Copy All</source>
        <translation>Alles &amp;kopiëren</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>No drafts. A message you start writing is kept here until sent.</source>
        <translation>Geen concepten. Een bericht waaraan je begint, wordt hier bewaard tot het verzonden is.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Concept verwijderen</translation>
    </message>
    <message>
        <source>Your drafts could not be read: {reason}</source>
        <translation>Je concepten konden niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>{time} (open now)</source>
        <translation>{time} (nu open)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>This draft is open in the compose pane</source>
        <translation>Dit concept is open in het opstelvenster</translation>
    </message>
    <message>
        <source>Delete the chosen draft</source>
        <translation>Het gekozen concept verwijderen</translation>
    </message>
    <message>
        <source>Delete the draft?</source>
        <translation>Het concept verwijderen?</translation>
    </message>
    <message>
        <source>Delete this draft? Its text cannot be brought back.</source>
        <translation>Dit concept verwijderen? De tekst kan niet worden teruggehaald.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>The draft could not be deleted: {reason}</source>
        <translation>Het concept kon niet worden verwijderd: {reason}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Find in the message</source>
        <translation>Zoeken in het bericht</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorige</translation>
    </message>
    <message>
        <source>Find the previous one (Shift+Enter)</source>
        <translation>De vorige zoeken (Shift+Enter)</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Vorige zoeken</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>Find the next one (Enter)</source>
        <translation>De volgende zoeken (Enter)</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Volgende zoeken</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Hoofdlettergevoelig</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Sluiten (Escape)</translation>
    </message>
    <message>
        <source>Close Find</source>
        <translation>Zoeken sluiten</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Zoeken:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <source>Bold</source>
        <translation>Vet</translation>
    </message>
    <message>
        <source>Bold: **text**</source>
        <translation>Vet: **tekst**</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursief</translation>
    </message>
    <message>
        <source>Italic: *text*</source>
        <translation>Cursief: *tekst*</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Code: `text`; several lines become a code block</source>
        <translation>Code: `tekst`; meerdere regels worden een codeblok</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Link: [text](https://…)</source>
        <translation>Link: [tekst](https://…)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <source>Image: ![description](picture.png), a path on this computer or a web address</source>
        <translation>Afbeelding: ![beschrijving](plaatje.png), een pad op deze computer of een webadres</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <source>List: a dash before each selected line</source>
        <translation>Lijst: een streepje voor elke gekozen regel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Opmaak</translation>
    </message>
    <message>
        <source>More formatting</source>
        <translation>Meer opmaak</translation>
    </message>
    <message>
        <source>bold text</source>
        <translation>vette tekst</translation>
    </message>
    <message>
        <source>italic text</source>
        <translation>cursieve tekst</translation>
    </message>
</context>
<context>
    <name>KeyringBox</name>
    <message>
        <source>Keyring problem</source>
        <translation>Probleem met de sleutelbos</translation>
    </message>
    <message>
        <source>Keep for This Session &amp;Only</source>
        <translation>Alleen voor deze &amp;sessie bewaren</translation>
    </message>
    <message>
        <source>Keep the password or token in memory until SMTPeter Desktop quits; it is not written anywhere</source>
        <translation>Het wachtwoord of token in het geheugen houden tot SMTPeter Desktop stopt; het wordt nergens weggeschreven</translation>
    </message>
    <message>
        <source>The account is not saved yet: the password or token could not be stored.</source>
        <translation>Het account is nog niet opgeslagen: het wachtwoord of token kon niet worden bewaard.</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be kept in the keyring now.</source>
        <translation>Wachtwoorden en tokens kunnen nu niet in de sleutelbos worden bewaard.</translation>
    </message>
    <message>
        <source>The keyring: {backend}.</source>
        <translation>De sleutelbos: {backend}.</translation>
    </message>
    <message>
        <source>“Keep for This Session Only” keeps it in memory until SMTPeter Desktop quits; you type it again next time.</source>
        <translation>“Alleen voor deze sessie bewaren” houdt het in het geheugen tot SMTPeter Desktop stopt; de volgende keer typ je het opnieuw.</translation>
    </message>
</context>
<context>
    <name>LateMessages</name>
    <message>
        <source>A scheduled message was not sent at its time: SMTPeter Desktop was not running then.</source>
        <translation>Een gepland bericht is niet op tijd verzonden: SMTPeter Desktop draaide toen niet.</translation>
    </message>
    <message>
        <source>They are not sent so late by themselves. Send them now, or open the Outbox to change the time or take them back.</source>
        <translation>Zo laat worden ze niet vanzelf verzonden. Verzend ze nu, of open Postvak UIT om de tijd te wijzigen of ze terug te nemen.</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Nu verzenden</translation>
    </message>
    <message>
        <source>Open &amp;Outbox</source>
        <translation>Postvak &amp;UIT openen</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled messages were not sent at their time: SMTPeter Desktop was not running then.</source>
        <translation>
            <numerusform>%n geplande bericht is niet op tijd verzonden: SMTPeter Desktop draaide toen niet.</numerusform>
            <numerusform>%n geplande berichten zijn niet op tijd verzonden: SMTPeter Desktop draaide toen niet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailBrowser</name>
    <message>
        <source>the link</source>
        <translation>de link</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Account in use</source>
        <translation>Gebruikt account</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>Status van het concept</translation>
    </message>
    <message>
        <source>an unexpected problem.</source>
        <translation>een onverwacht probleem.</translation>
    </message>
    <message>
        <source>The details are in the log.</source>
        <translation>De details staan in het logboek.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop cannot open its data: {reason}</source>
        <translation>SMTPeter Desktop kan zijn gegevens niet openen: {reason}</translation>
    </message>
    <message>
        <source>SMTPeter Desktop stopped while sending 1 message; it may or may not have gone out.</source>
        <translation>SMTPeter Desktop stopte tijdens het verzenden van 1 bericht; het is misschien wel, misschien niet verzonden.</translation>
    </message>
    <message>
        <source>Look in the Outbox and decide for each one.</source>
        <translation>Kijk in Postvak UIT en beslis per bericht.</translation>
    </message>
    <message>
        <source>Open &amp;Outbox</source>
        <translation>Postvak &amp;UIT openen</translation>
    </message>
    <message>
        <source>Your accounts could not be read: {reason}</source>
        <translation>Je accounts konden niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>&amp;Open the File</source>
        <translation>Het bestand &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Read It Again</source>
        <translation>Opnieuw &amp;lezen</translation>
    </message>
    <message>
        <source>You&apos;re trying SMTPeter Desktop with the built-in sandbox: messages stay on this computer, and you can see exactly what would have gone out.</source>
        <translation>Je probeert SMTPeter Desktop uit met de ingebouwde sandbox: berichten blijven op deze computer, en je ziet precies wat er verzonden zou zijn.</translation>
    </message>
    <message>
        <source>Add &amp;Your SMTPeter Account</source>
        <translation>Je SMTPeter-account &amp;toevoegen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>No account chosen</source>
        <translation>Geen account gekozen</translation>
    </message>
    <message>
        <source>No accounts</source>
        <translation>Geen accounts</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>Account: {account}</translation>
    </message>
    <message>
        <source>Nothing to save yet</source>
        <translation>Nog niets om op te slaan</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Nog niet opgeslagen</translation>
    </message>
    <message>
        <source>Draft saved {time}</source>
        <translation>Concept opgeslagen om {time}</translation>
    </message>
    <message>
        <source>A mistake in your settings file: {reason}</source>
        <translation>Een fout in je instellingenbestand: {reason}</translation>
    </message>
    <message>
        <source>The default is used instead; see Settings.</source>
        <translation>In plaats daarvan wordt de standaardwaarde gebruikt; zie Instellingen.</translation>
    </message>
    <message>
        <source>The new draft could not be kept: {reason}</source>
        <translation>Het nieuwe concept kon niet worden bewaard: {reason}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Over {app}</translation>
    </message>
    <message>
        <source>{summary}.

Python {python}, Qt {qt}.
Your data: {home}</source>
        <translation>{summary}.

Python {python}, Qt {qt}.
Je gegevens: {home}</translation>
    </message>
    <message>
        <source>Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit now: the message stays a draft.</source>
        <translation>Wacht, dan sluit SMTPeter Desktop zodra het verzonden is. Of stop met verzenden en sluit nu af: het bericht blijft een concept.</translation>
    </message>
    <message>
        <source>Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit now: the message stays in the Outbox, and nothing is lost.</source>
        <translation>Wacht, dan sluit SMTPeter Desktop zodra het verzonden is. Of stop met verzenden en sluit nu af: het bericht blijft in Postvak UIT en er gaat niets verloren.</translation>
    </message>
    <message>
        <source>A message is being sent</source>
        <translation>Er wordt een bericht verzonden</translation>
    </message>
    <message>
        <source>A message is being sent.</source>
        <translation>Er wordt een bericht verzonden.</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wachten</translation>
    </message>
    <message>
        <source>Stop Sending and Quit</source>
        <translation>Stoppen met verzenden en afsluiten</translation>
    </message>
    <message>
        <source>SMTPeter Desktop closes when the message has been sent.</source>
        <translation>SMTPeter Desktop sluit wanneer het bericht verzonden is.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop stayed open because the message was not sent.</source>
        <translation>SMTPeter Desktop bleef open omdat het bericht niet verzonden is.</translation>
    </message>
    <message>
        <source>Signat&amp;ures</source>
        <translation type="vanished">&amp;Handtekeningen</translation>
    </message>
    <message numerus="yes">
        <source>SMTPeter Desktop stopped while sending %n messages; they may or may not have gone out.</source>
        <translation>
            <numerusform>SMTPeter Desktop stopte tijdens het verzenden van %n bericht; het is misschien wel, misschien niet verzonden.</numerusform>
            <numerusform>SMTPeter Desktop stopte tijdens het verzenden van %n berichten; ze zijn misschien wel, misschien niet verzonden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Handtekeningen</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Body</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Write your message in Markdown…</source>
        <translation>Schrijf je bericht in Markdown…</translation>
    </message>
</context>
<context>
    <name>MarkdownHelp</name>
    <message>
        <source>
&lt;h3&gt;Markdown in a minute&lt;/h3&gt;
&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;You type&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;You get&lt;/th&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;# Heading&lt;/code&gt;, &lt;code&gt;## Smaller&lt;/code&gt;&lt;/td&gt;&lt;td&gt;headings&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;**bold**&lt;/code&gt;, &lt;code&gt;*italic*&lt;/code&gt;, &lt;code&gt;~~struck~~&lt;/code&gt;&lt;/td&gt;
&lt;td&gt;&lt;b&gt;bold&lt;/b&gt;, &lt;i&gt;italic&lt;/i&gt;, &lt;s&gt;struck&lt;/s&gt;&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;`code`&lt;/code&gt;&lt;/td&gt;&lt;td&gt;&lt;code&gt;code&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;[SMTPeter](https://www.smtpeter.com)&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a link&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;![logo](logo.png)&lt;/code&gt;&lt;/td&gt;
&lt;td&gt;an image: a file of this computer goes inside the message; a relative path is read
from the draft&apos;s folder&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;- item&lt;/code&gt; (two spaces more to nest)&lt;/td&gt;&lt;td&gt;a list&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;1. first&lt;/code&gt; or &lt;code&gt;1) first&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a numbered list&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;- [ ] to do&lt;/code&gt;, &lt;code&gt;- [x] done&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a task list&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;&amp;gt; quoted&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a quote&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;```&lt;/code&gt; lines &lt;code&gt;```&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a code block&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;| a | b |&lt;/code&gt; then &lt;code&gt;|---|---|&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a table&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;text[^1]&lt;/code&gt; and &lt;code&gt;[^1]: note&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a footnote&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;---&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a line across&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Keys: Ctrl+B bold, Ctrl+I italic, Ctrl+E code, Ctrl+K link, Ctrl+F find,
Ctrl+P print, Ctrl+Return send.&lt;/p&gt;
</source>
        <translation>
&lt;h3&gt;Markdown in een minuut&lt;/h3&gt;
&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;4&quot;&gt;
&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;Je typt&lt;/th&gt;&lt;th align=&quot;left&quot;&gt;Je krijgt&lt;/th&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;# Kop&lt;/code&gt;, &lt;code&gt;## Kleiner&lt;/code&gt;&lt;/td&gt;&lt;td&gt;koppen&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;**vet**&lt;/code&gt;, &lt;code&gt;*cursief*&lt;/code&gt;, &lt;code&gt;~~doorgehaald~~&lt;/code&gt;&lt;/td&gt;
&lt;td&gt;&lt;b&gt;vet&lt;/b&gt;, &lt;i&gt;cursief&lt;/i&gt;, &lt;s&gt;doorgehaald&lt;/s&gt;&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;`code`&lt;/code&gt;&lt;/td&gt;&lt;td&gt;&lt;code&gt;code&lt;/code&gt;&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;[SMTPeter](https://www.smtpeter.com)&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een link&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;![logo](logo.png)&lt;/code&gt;&lt;/td&gt;
&lt;td&gt;een afbeelding: een bestand op deze computer gaat in het bericht mee; een relatief pad wordt gelezen
vanuit de map van het concept&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;- punt&lt;/code&gt; (twee spaties extra om in te springen)&lt;/td&gt;&lt;td&gt;een lijst&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;1. eerste&lt;/code&gt; of &lt;code&gt;1) eerste&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een genummerde lijst&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;- [ ] te doen&lt;/code&gt;, &lt;code&gt;- [x] klaar&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een takenlijst&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;&amp;gt; geciteerd&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een citaat&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;```&lt;/code&gt; regels &lt;code&gt;```&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een codeblok&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;| a | b |&lt;/code&gt; dan &lt;code&gt;|---|---|&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een tabel&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;tekst[^1]&lt;/code&gt; en &lt;code&gt;[^1]: noot&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een voetnoot&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;code&gt;---&lt;/code&gt;&lt;/td&gt;&lt;td&gt;een horizontale lijn&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;Toetsen: Ctrl+B vet, Ctrl+I cursief, Ctrl+E code, Ctrl+K link, Ctrl+F zoeken,
Ctrl+P afdrukken, Ctrl+Return verzenden.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Markdown Cheat Sheet</source>
        <translation>Markdown-spiekbriefje</translation>
    </message>
    <message>
        <source>Markdown cheat sheet</source>
        <translation>Markdown-spiekbriefje</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Mail &amp;Merge…</source>
        <translation type="vanished">&amp;Samenvoegen (mail merge)…</translation>
    </message>
    <message>
        <source>Send the message to each person on a list, each their own</source>
        <translation type="vanished">Het bericht naar iedereen op een lijst sturen, ieder een eigen exemplaar</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation type="vanished">Nieuw vanuit &amp;sjabloon…</translation>
    </message>
    <message>
        <source>Start a message from a template; rename or delete templates</source>
        <translation type="vanished">Een bericht beginnen vanuit een sjabloon; sjablonen hernoemen of verwijderen</translation>
    </message>
    <message>
        <source>Save as Templat&amp;e…</source>
        <translation type="vanished">Opslaan als sjabloo&amp;n…</translation>
    </message>
    <message>
        <source>Keep this message as a template to start others from</source>
        <translation type="vanished">Dit bericht bewaren als sjabloon om andere mee te beginnen</translation>
    </message>
    <message>
        <source>SMTPeter Temp&amp;lates…</source>
        <translation type="vanished">SMTPeter-sjab&amp;lonen…</translation>
    </message>
    <message>
        <source>Send one of your SMTPeter account&apos;s own templates (REST API)</source>
        <translation type="vanished">Een van de eigen sjablonen van je SMTPeter-account verzenden (REST-API)</translation>
    </message>
</context>
<context>
    <name>MergeGroups</name>
    <message>
        <source>Merge: {counts}</source>
        <translation>Samenvoegen: {counts}</translation>
    </message>
    <message>
        <source>Mail merge {job}: {counts}</source>
        <translation>Samenvoeging {job}: {counts}</translation>
    </message>
    <message>
        <source>Row {row}: {to}</source>
        <translation>Rij {row}: {to}</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n mislukt</numerusform>
            <numerusform>%n mislukt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n persoon</numerusform>
            <numerusform>%n personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent</source>
        <translation>
            <numerusform>%n verzonden</numerusform>
            <numerusform>%n verzonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown</source>
        <translation>
            <numerusform>%n onbekend</numerusform>
            <numerusform>%n onbekend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wachtend</numerusform>
            <numerusform>%n wachtend</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeHooks</name>
    <message>
        <source>Merge {job} cannot be resumed: its settings are damaged.</source>
        <translation>Samenvoeging {job} kan niet worden hervat: de instellingen ervan zijn beschadigd.</translation>
    </message>
    <message>
        <source>Its rows wait in the Outbox; send or discard them there.</source>
        <translation>De rijen wachten in Postvak UIT; verzend of verwijder ze daar.</translation>
    </message>
    <message>
        <source>No row is sent twice: it goes on where it stopped.</source>
        <translation>Geen enkele rij wordt twee keer verzonden: het gaat verder waar het stopte.</translation>
    </message>
    <message>
        <source>&amp;Resume the Merge</source>
        <translation>Samenvoeging &amp;hervatten</translation>
    </message>
    <message numerus="yes">
        <source>The mail merge “{name}” stopped with %n messages not sent yet.</source>
        <translation>
            <numerusform>De samenvoeging “{name}” stopte met %n bericht dat nog niet verzonden is.</numerusform>
            <numerusform>De samenvoeging “{name}” stopte met %n berichten die nog niet verzonden zijn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeModel</name>
    <message>
        <source>Ready</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Sent before</source>
        <translation>Eerder verzonden</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met verzenden…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Unknown — may have been sent</source>
        <translation>Onbekend — is misschien verzonden</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} van {total}</translation>
    </message>
    <message>
        <source>, {n} failed</source>
        <translation>, {n} mislukt</translation>
    </message>
    <message>
        <source>, {n} unknown</source>
        <translation>, {n} onbekend</translation>
    </message>
    <message>
        <source>Mail merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Reading the merge&apos;s state…</source>
        <translation>De status van de samenvoeging wordt gelezen…</translation>
    </message>
    <message>
        <source>No list chosen yet.</source>
        <translation>Nog geen lijst gekozen.</translation>
    </message>
    <message>
        <source>&amp;Choose List…</source>
        <translation>Lijst &amp;kiezen…</translation>
    </message>
    <message>
        <source>A CSV or tab-separated file with a header row</source>
        <translation>Een CSV-bestand of bestand met tabs, met een kopregel</translation>
    </message>
    <message>
        <source>Address column</source>
        <translation>Adreskolom</translation>
    </message>
    <message>
        <source>The column with each person&apos;s e-mail address</source>
        <translation>De kolom met het e-mailadres van elke persoon</translation>
    </message>
    <message>
        <source>To name</source>
        <translation>Naam in Aan</translation>
    </message>
    <message>
        <source>{$first} {$last}</source>
        <translation>{$first} {$last}</translation>
    </message>
    <message>
        <source>The name beside each address in To, with the list&apos;s placeholders</source>
        <translation>De naam naast elk adres in Aan, met de plaatshouders van de lijst</translation>
    </message>
    <message>
        <source>S&amp;kip rows with problems</source>
        <translation>Rijen met problemen &amp;overslaan</translation>
    </message>
    <message>
        <source>Send the rows that check and leave the others, instead of nothing</source>
        <translation>De rijen die in orde zijn verzenden en de andere laten staan, in plaats van niets</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Opnieuw &amp;controleren</translation>
    </message>
    <message>
        <source>Read the list and the compose message again</source>
        <translation>De lijst en het opgestelde bericht opnieuw lezen</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Lijst:</translation>
    </message>
    <message>
        <source>To name:</source>
        <translation>Naam in Aan:</translation>
    </message>
    <message>
        <source>Address column:</source>
        <translation>Adreskolom:</translation>
    </message>
    <message>
        <source>What the check found</source>
        <translation>Wat de controle vond</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Rows of the list</source>
        <translation>Rijen van de lijst</translation>
    </message>
    <message>
        <source>The row&apos;s message</source>
        <translation>Het bericht van de rij</translation>
    </message>
    <message>
        <source>Click a row to see its message.</source>
        <translation>Klik op een rij om het bericht te zien.</translation>
    </message>
    <message>
        <source>The row&apos;s message, as it will be sent, appears here.</source>
        <translation>Het bericht van de rij verschijnt hier, zoals het verzonden wordt.</translation>
    </message>
    <message>
        <source>The row&apos;s text part</source>
        <translation>Het tekstdeel van de rij</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Test address</source>
        <translation>Testadres</translation>
    </message>
    <message>
        <source>Send a &amp;Test to Me</source>
        <translation>Een &amp;test naar mij sturen</translation>
    </message>
    <message>
        <source>Send the selected row&apos;s message to this address alone, its subject marked [Test]</source>
        <translation>Het bericht van de gekozen rij alleen naar dit adres sturen, met [Test] in het onderwerp</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>geen limiet</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Messages a minute; receivers slow down or refuse senders that send in bursts</source>
        <translation>Berichten per minuut; ontvangers vertragen of weigeren afzenders die in golven verzenden</translation>
    </message>
    <message>
        <source>&amp;Send All…</source>
        <translation>Alles &amp;verzenden…</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>messages a minute</source>
        <translation>berichten per minuut</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Voortgang van het verzenden</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pauzeren</translation>
    </message>
    <message>
        <source>Stop after the message being sent; resume later, even after a restart</source>
        <translation>Stoppen na het bericht dat nu verzonden wordt; later hervatten, ook na een herstart</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Hervatten</translation>
    </message>
    <message>
        <source>Ca&amp;ncel Merge…</source>
        <translation>Samenvoeging &amp;annuleren…</translation>
    </message>
    <message>
        <source>Save R&amp;esults…</source>
        <translation>R&amp;esultaten opslaan…</translation>
    </message>
    <message>
        <source>The list with each row&apos;s state, SMTPeter message id and error; choose it as the list again to send only the rows that did not go</source>
        <translation>De lijst met de status van elke rij, het SMTPeter-bericht-id en de fout; kies hem opnieuw als lijst om alleen de rijen te verzenden die niet verstuurd zijn</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>Mail merge: “{subject}”</source>
        <translation>Samenvoegen: “{subject}”</translation>
    </message>
    <message>
        <source>Mail Merge — {subject}</source>
        <translation>Samenvoegen — {subject}</translation>
    </message>
    <message>
        <source>Choose the List</source>
        <translation>Kies de lijst</translation>
    </message>
    <message>
        <source>Lists (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Lijsten (*.csv *.tsv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Elke rij wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>The list cannot be used as it is.</source>
        <translation>De lijst kan zo niet worden gebruikt.</translation>
    </message>
    <message>
        <source>. Nothing is sent until every row checks: correct the list or the message, or choose to skip the rows with problems.</source>
        <translation>. Er wordt niets verzonden tot elke rij in orde is: verbeter de lijst of het bericht, of kies ervoor de rijen met problemen over te slaan.</translation>
    </message>
    <message>
        <source>. The rows with problems are skipped.</source>
        <translation>. De rijen met problemen worden overgeslagen.</translation>
    </message>
    <message>
        <source>Row {row}</source>
        <translation>Rij {row}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Onderwerp: {subject}</translation>
    </message>
    <message>
        <source>To: {to}</source>
        <translation>Aan: {to}</translation>
    </message>
    <message>
        <source>Type the address the test goes to, then send it again.</source>
        <translation>Typ het adres waar de test heen gaat en verzend hem opnieuw.</translation>
    </message>
    <message>
        <source>Sending a test of row {row} to {to}…</source>
        <translation>Test van rij {row} wordt naar {to} verzonden…</translation>
    </message>
    <message>
        <source>as fast as the server takes them</source>
        <translation>zo snel als de server ze aanneemt</translation>
    </message>
    <message>
        <source>Each person on the list gets their own message, {how}.</source>
        <translation>Iedereen op de lijst krijgt een eigen bericht, {how}.</translation>
    </message>
    <message>
        <source>Send the merge?</source>
        <translation>De samenvoeging verzenden?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Queueing the messages…</source>
        <translation>De berichten worden in de wachtrij gezet…</translation>
    </message>
    <message>
        <source>Sending… {words}</source>
        <translation>Bezig met verzenden… {words}</translation>
    </message>
    <message>
        <source>Merge finished: {words}.</source>
        <translation>Samenvoeging klaar: {words}.</translation>
    </message>
    <message>
        <source>Paused: {words}. Resume to send the rest.</source>
        <translation>Gepauzeerd: {words}. Hervat om de rest te verzenden.</translation>
    </message>
    <message>
        <source>Cancelled: {words}; the rest will not be sent.</source>
        <translation>Geannuleerd: {words}; de rest wordt niet verzonden.</translation>
    </message>
    <message>
        <source>Stopped: {words}. Rows that may or may not have gone out wait in the Outbox for you to decide.</source>
        <translation>Gestopt: {words}. Rijen die misschien wel, misschien niet verzonden zijn, wachten in Postvak UIT op je beslissing.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Niet verzonden.</translation>
    </message>
    <message>
        <source>Pausing after the message being sent…</source>
        <translation>Pauzeren na het bericht dat nu verzonden wordt…</translation>
    </message>
    <message>
        <source>Cancel the merge?</source>
        <translation>De samenvoeging annuleren?</translation>
    </message>
    <message>
        <source>The rows not sent yet will not be sent. The message being sent now finishes. Save the results to send the rest later.</source>
        <translation>De rijen die nog niet verzonden zijn, worden niet verzonden. Het bericht dat nu verzonden wordt, gaat nog. Sla de resultaten op om de rest later te verzenden.</translation>
    </message>
    <message>
        <source>Cancel the Merge</source>
        <translation>Samenvoeging annuleren</translation>
    </message>
    <message>
        <source>Keep Sending</source>
        <translation>Doorgaan met verzenden</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <source>Save the Results</source>
        <translation>Resultaten opslaan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Results saved in {path}.</source>
        <translation>Resultaten opgeslagen in {path}.</translation>
    </message>
    <message>
        <source>Send a test of row {row} to:</source>
        <translation>Een test van rij {row} sturen naar:</translation>
    </message>
    <message>
        <source>Send a test to:</source>
        <translation>Een test sturen naar:</translation>
    </message>
    <message numerus="yes">
        <source>%n rows with problems are skipped.</source>
        <translation>
            <numerusform>%n rij met problemen wordt overgeslagen.</numerusform>
            <numerusform>%n rijen met problemen worden overgeslagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows: </source>
        <translation>
            <numerusform>%n rij: </numerusform>
            <numerusform>%n rijen: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent before</source>
        <translation>
            <numerusform>%n eerder verzonden</numerusform>
            <numerusform>%n eerder verzonden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to send</source>
        <translation>
            <numerusform>%n te verzenden</numerusform>
            <numerusform>%n te verzenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with problems</source>
        <translation>
            <numerusform>%n met problemen</numerusform>
            <numerusform>%n met problemen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n Messages</source>
        <translation>
            <numerusform>%n bericht verzenden</numerusform>
            <numerusform>%n berichten verzenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %n messages through {account}?</source>
        <translation>
            <numerusform>%n bericht verzenden via {account}?</numerusform>
            <numerusform>%n berichten verzenden via {account}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n a minute</source>
        <translation>
            <numerusform>hoogstens %n per minuut</numerusform>
            <numerusform>hoogstens %n per minuut</numerusform>
        </translation>
    </message>
    <message>
        <source>Cc: {cc}</source>
        <translation>Cc: {cc}</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Labels: {tags}</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Bijlagen: {names}</translation>
    </message>
    <message>
        <source>Cc, tags and attachments</source>
        <translation>Cc, labels en bijlagen</translation>
    </message>
    <message>
        <source>Send &amp;Failed Rows Again…</source>
        <translation>&amp;Mislukte rijen opnieuw verzenden…</translation>
    </message>
    <message>
        <source>Save the results, then check them as the list of a new merge: only the rows that did not go are sent, each once</source>
        <translation>De resultaten opslaan en ze daarna controleren als lijst van een nieuwe samenvoeging: alleen de rijen die niet vertrokken, worden verzonden, elk één keer</translation>
    </message>
    <message>
        <source>A merge&apos;s results file: the rows it marks sent are left out, the others are sent again.</source>
        <translation>Het resultatenbestand van een samenvoeging: de rijen die het als verzonden markeert, worden overgeslagen, de andere worden opnieuw verzonden.</translation>
    </message>
    <message>
        <source>Save the Results to Send the Failed Rows Again</source>
        <translation>Sla de resultaten op om de mislukte rijen opnieuw te verzenden</translation>
    </message>
    <message>
        <source>Results saved in {path}. The rows that did not go are checked again; Send All sends them.</source>
        <translation>Resultaten opgeslagen in {path}. De rijen die niet vertrokken, worden opnieuw gecontroleerd; Alles verzenden verzendt ze.</translation>
    </message>
</context>
<context>
    <name>MergeWork</name>
    <message>
        <source>The list is not text SMTPeter Desktop can read.</source>
        <translation>De lijst is geen tekst die SMTPeter Desktop kan lezen.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem; the details are in the log.</source>
        <translation>SMTPeter Desktop liep tegen een intern probleem aan; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>Send a test to</source>
        <translation>Een test sturen naar</translation>
    </message>
    <message>
        <source>A test of row {row} was sent to {to}.</source>
        <translation>Een test van rij {row} is naar {to} verzonden.</translation>
    </message>
    <message>
        <source>The test of row {row} was not sent: {why}</source>
        <translation>De test van rij {row} is niet verzonden: {why}</translation>
    </message>
    <message>
        <source>Merge {job} stopped before all its rows were queued, and its list or message has changed since.</source>
        <translation>Samenvoeging {job} stopte voordat alle rijen in de wachtrij stonden, en de lijst of het bericht is sindsdien gewijzigd.</translation>
    </message>
    <message>
        <source>Cancel it, then start the merge again from the list.</source>
        <translation>Annuleer hem en begin de samenvoeging opnieuw vanuit de lijst.</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <source>Messages</source>
        <translation>Meldingen</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Deze melding sluiten</translation>
    </message>
</context>
<context>
    <name>MessageViewer</name>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST-API</translation>
    </message>
    <message>
        <source>Captured message — {subject}</source>
        <translation>Opgevangen bericht — {subject}</translation>
    </message>
    <message>
        <source>Captured message</source>
        <translation>Opgevangen bericht</translation>
    </message>
    <message>
        <source>Exactly as the built-in test server received it ({way}, {size}). It was not delivered to anyone.</source>
        <translation>Precies zoals de ingebouwde testserver het ontving ({way}, {size}). Het is aan niemand bezorgd.</translation>
    </message>
    <message>
        <source>Sent message — {subject}</source>
        <translation>Verzonden bericht — {subject}</translation>
    </message>
    <message>
        <source>Sent message</source>
        <translation>Verzonden bericht</translation>
    </message>
    <message>
        <source>Exactly as it was sent ({way}, {size}): these are the bytes that went out.</source>
        <translation>Precies zoals het verzonden is ({way}, {size}): dit zijn de bytes die vertrokken.</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>(from the envelope: Bcc recipients are not in the header, so no other recipient sees them)</source>
        <translation>(uit de envelop: Bcc-ontvangers staan niet in de kop, dus geen andere ontvanger ziet ze)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>SMTPeter options</source>
        <translation>SMTPeter-opties</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Delivery notices</source>
        <translation>Bezorgmeldingen</translation>
    </message>
    <message>
        <source>the server&apos;s default</source>
        <translation>de standaard van de server</translation>
    </message>
    <message>
        <source>The message as HTML</source>
        <translation>Het bericht als HTML</translation>
    </message>
    <message>
        <source>This message has no HTML part.</source>
        <translation>Dit bericht heeft geen HTML-deel.</translation>
    </message>
    <message>
        <source>This message has no text part.</source>
        <translation>Dit bericht heeft geen tekstdeel.</translation>
    </message>
    <message>
        <source>The message as text</source>
        <translation>Het bericht als tekst</translation>
    </message>
    <message>
        <source>[… the first {count} characters of {size}; open it in the mail app to see all of it]</source>
        <translation>[… de eerste {count} tekens van {size}; open het in het mailprogramma om alles te zien]</translation>
    </message>
    <message>
        <source>The message&apos;s source</source>
        <translation>De bron van het bericht</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Bericht</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Tekst</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>&amp;Bron</translation>
    </message>
    <message>
        <source>&amp;Save As…</source>
        <translation>Op&amp;slaan als…</translation>
    </message>
    <message>
        <source>Save the exact message as an .eml file</source>
        <translation>Het bericht precies zo als .eml-bestand opslaan</translation>
    </message>
    <message>
        <source>&amp;Open in Mail App</source>
        <translation>In &amp;mailprogramma openen</translation>
    </message>
    <message>
        <source>Open the stored message file with your mail program
{path}</source>
        <translation>Het opgeslagen berichtbestand met je mailprogramma openen
{path}</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>message</source>
        <translation>bericht</translation>
    </message>
    <message>
        <source>Save the Message</source>
        <translation>Het bericht opslaan</translation>
    </message>
    <message>
        <source>Mail files (*.eml)</source>
        <translation>Mailbestanden (*.eml)</translation>
    </message>
    <message>
        <source>The message could not be saved to {path}: {reason}.</source>
        <translation>Het bericht kon niet worden opgeslagen in {path}: {reason}.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Opgeslagen in {path}.</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>het bericht</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Track clicks</source>
        <translation>Klikken volgen</translation>
    </message>
    <message>
        <source>SMTPeter rewrites the links in the message so that it can count who clicks them.</source>
        <translation>SMTPeter herschrijft de links in het bericht zodat het kan tellen wie erop klikt.</translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation>Openen volgen</translation>
    </message>
    <message>
        <source>SMTPeter adds a tiny invisible image that tells when the message is opened.</source>
        <translation>SMTPeter voegt een klein onzichtbaar plaatje toe dat laat weten wanneer het bericht geopend wordt.</translation>
    </message>
    <message>
        <source>Track bounces</source>
        <translation>Bounces volgen</translation>
    </message>
    <message>
        <source>SMTPeter receives the messages that bounce, logs them and forwards them to you.</source>
        <translation>SMTPeter ontvangt de berichten die bouncen, legt ze vast en stuurt ze naar je door.</translation>
    </message>
    <message>
        <source>Inline CSS</source>
        <translation>Inline CSS</translation>
    </message>
    <message>
        <source>SMTPeter moves style rules into each element, for mail readers that ignore style sheets. The app already does this for its own stylesheet.</source>
        <translation>SMTPeter zet stijlregels in elk element, voor mailprogramma&apos;s die stylesheets negeren. De app doet dit al voor zijn eigen stylesheet.</translation>
    </message>
    <message>
        <source>Prevent scam</source>
        <translation>Scam voorkomen</translation>
    </message>
    <message>
        <source>Links whose text is itself a web address are left alone, so the address people see is the address they visit (click tracking does not rewrite them).</source>
        <translation>Links waarvan de tekst zelf een webadres is, blijven ongemoeid, zodat het adres dat mensen zien het adres is dat ze bezoeken (het volgen van klikken herschrijft ze niet).</translation>
    </message>
    <message>
        <source>Hosted images</source>
        <translation>Gehoste afbeeldingen</translation>
    </message>
    <message>
        <source>SMTPeter keeps the message&apos;s embedded images on its servers and links to them, which makes the message smaller.</source>
        <translation>SMTPeter bewaart de ingesloten afbeeldingen van het bericht op zijn servers en linkt ernaar, wat het bericht kleiner maakt.</translation>
    </message>
    <message>
        <source>If it fails</source>
        <translation>Als het mislukt</translation>
    </message>
    <message>
        <source>A notice when the message cannot be delivered.</source>
        <translation>Een melding als het bericht niet bezorgd kan worden.</translation>
    </message>
    <message>
        <source>If it is delayed</source>
        <translation>Als het vertraagd is</translation>
    </message>
    <message>
        <source>A notice when delivery is taking longer than usual.</source>
        <translation>Een melding als de bezorging langer duurt dan gewoonlijk.</translation>
    </message>
    <message>
        <source>When delivered</source>
        <translation>Bij bezorging</translation>
    </message>
    <message>
        <source>A notice when the receiving server has delivered it.</source>
        <translation>Een melding als de ontvangende server het bezorgd heeft.</translation>
    </message>
    <message>
        <source>Headers only</source>
        <translation>Alleen de koppen</translation>
    </message>
    <message>
        <source>Full message</source>
        <translation>Volledig bericht</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opties</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Volgen</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>newsletter, march</source>
        <translation>nieuwsbrief, maart</translation>
    </message>
    <message>
        <source>Labels for SMTPeter&apos;s events and statistics, separated by commas or spaces. A tag is up to 64 characters.</source>
        <translation>Labels voor de gebeurtenissen en statistieken van SMTPeter, gescheiden door komma&apos;s of spaties. Een label is hoogstens 64 tekens.</translation>
    </message>
    <message>
        <source>Delivery notices</source>
        <translation>Bezorgmeldingen</translation>
    </message>
    <message>
        <source>Ask the receiving mail servers to send you a delivery status notice (DSN) to the envelope sender.</source>
        <translation>De ontvangende mailservers vragen je een bezorgstatusmelding (DSN) te sturen, aan de envelopafzender.</translation>
    </message>
    <message>
        <source>Delivery notice: {text}</source>
        <translation>Bezorgmelding: {text}</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>No delivery notices at all.</source>
        <translation>Helemaal geen bezorgmeldingen.</translation>
    </message>
    <message>
        <source>Delivery notice: never</source>
        <translation>Bezorgmelding: nooit</translation>
    </message>
    <message>
        <source>A not&amp;ice returns:</source>
        <translation>Een &amp;melding bevat:</translation>
    </message>
    <message>
        <source>A notice returns</source>
        <translation>Een melding bevat</translation>
    </message>
    <message>
        <source>How much of your message comes back with a notice: its headers, or all of it.</source>
        <translation>Hoeveel van je bericht met een melding terugkomt: de koppen, of alles.</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Unsubscribe address</source>
        <translation>Afmeldadres</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Afmeldlink</translation>
    </message>
    <message>
        <source>A web page that unsubscribes whoever opens it.</source>
        <translation>Een webpagina die iedereen afmeldt die haar opent.</translation>
    </message>
    <message>
        <source>One-click unsubscribe</source>
        <translation>Afmelden met één klik</translation>
    </message>
    <message>
        <source>Use Account Defaults</source>
        <translation>Standaard van het account gebruiken</translation>
    </message>
    <message>
        <source>Set every option back to the sending account&apos;s defaults</source>
        <translation>Elke optie terugzetten naar de standaard van het verzendende account</translation>
    </message>
    <message>
        <source>Use account defaults</source>
        <translation>Standaard van het account gebruiken</translation>
    </message>
    <message>
        <source>Give up</source>
        <translation>Opgeven</translation>
    </message>
    <message>
        <source>SMTPeter stops trying to deliver the message after this time, in your own time zone (REST accounts only; SMTPeter has no SMTP header for it).</source>
        <translation>SMTPeter stopt na dit tijdstip met proberen het bericht te bezorgen, in je eigen tijdzone (alleen REST-accounts; SMTPeter heeft er geen SMTP-kop voor).</translation>
    </message>
    <message>
        <source>Give up after</source>
        <translation>Opgeven na</translation>
    </message>
    <message>
        <source>Give up time</source>
        <translation>Opgeeftijd</translation>
    </message>
    <message>
        <source>Only REST accounts can pass this on to SMTPeter.</source>
        <translation>Alleen REST-accounts kunnen dit aan SMTPeter doorgeven.</translation>
    </message>
    <message>
        <source>The give-up time (Options) has passed, so SMTPeter would not deliver the message. Choose a later time, or untick Give up after.</source>
        <translation>De opgeeftijd (Opties) is verstreken, dus SMTPeter zou het bericht niet bezorgen. Kies een later tijdstip, of vink Opgeven na uit.</translation>
    </message>
    <message>
        <source>An address people can mail to unsubscribe; mail programs show an Unsubscribe button for it (the List-Unsubscribe header).</source>
        <translation>Een adres waarnaar mensen kunnen mailen om zich af te melden; mailprogramma&apos;s tonen er een knop Afmelden voor (de kop List-Unsubscribe).</translation>
    </message>
    <message>
        <source>Mail programs may unsubscribe with one click, by posting to the link (RFC 8058); Gmail and Yahoo ask it of bulk senders. Needs an https:// link.</source>
        <translation>Mailprogramma&apos;s mogen met één klik afmelden, door naar de link te posten (RFC 8058); Gmail en Yahoo vragen het van bulkverzenders. Vereist een https://-link.</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <source>Nothing waiting. Messages that can&apos;t go out right away wait here.</source>
        <translation>Niets in de wachtrij. Berichten die niet meteen weg kunnen, wachten hier.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met verzenden…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Unknown — may have been sent</source>
        <translation>Onbekend — is misschien verzonden</translation>
    </message>
    <message>
        <source>Will retry at {time}</source>
        <translation>Nieuwe poging om {time}</translation>
    </message>
    <message>
        <source>Late — waiting for you</source>
        <translation>Te laat — wacht op jou</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Nu aan de beurt</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachtend</translation>
    </message>
    <message>
        <source>It is being sent right now.</source>
        <translation>Het wordt op dit moment verzonden.</translation>
    </message>
    <message>
        <source>You stopped sending it: it was not sent, and waits here until you choose.</source>
        <translation>Je stopte het verzenden: het is niet verzonden en wacht hier tot je kiest.</translation>
    </message>
    <message>
        <source>It was not sent, and it will not be tried again by itself.</source>
        <translation>Het is niet verzonden en wordt niet vanzelf opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>The connection broke off after the whole message had gone out, so the server may have accepted it — or not. It is not sent again by itself, so that nobody gets it twice. Ask a recipient, or look in SMTPeter&apos;s logs, then choose below.</source>
        <translation>De verbinding verbrak nadat het hele bericht was verstuurd, dus de server heeft het misschien geaccepteerd — of niet. Het wordt niet vanzelf opnieuw verzonden, zodat niemand het twee keer krijgt. Vraag het een ontvanger, of kijk in de logboeken van SMTPeter, en kies dan hieronder.</translation>
    </message>
    <message>
        <source>The last try met a problem that usually passes, so it waits and is tried again at {time} while SMTPeter Desktop is open.</source>
        <translation>De laatste poging stuitte op een probleem dat meestal overgaat, dus het wacht en wordt om {time} opnieuw geprobeerd zolang SMTPeter Desktop open is.</translation>
    </message>
    <message>
        <source>It was to go at {time}, when SMTPeter Desktop was not running. So late, it is not sent by itself: send it now, change the time, or take it back to the drafts.</source>
        <translation>Het zou om {time} vertrekken, toen SMTPeter Desktop niet draaide. Zo laat wordt het niet vanzelf verzonden: verzend het nu, wijzig de tijd, of zet het terug bij de concepten.</translation>
    </message>
    <message>
        <source>It goes out at {time}.</source>
        <translation>Het vertrekt om {time}.</translation>
    </message>
    <message>
        <source>It is waiting to be sent.</source>
        <translation>Het wacht om verzonden te worden.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postvak UIT</translation>
    </message>
    <message>
        <source>The mailbox could not be opened.</source>
        <translation>De mailbox kon niet worden geopend.</translation>
    </message>
    <message>
        <source>Outbox messages</source>
        <translation>Berichten in Postvak UIT</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Goes at</source>
        <translation>Vertrekt om</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Message details</source>
        <translation>Berichtdetails</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>Waarom het niet verzonden is</translation>
    </message>
    <message>
        <source>The server&apos;s reply</source>
        <translation>Het antwoord van de server</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Send A&amp;gain</source>
        <translation>Opnieuw &amp;verzenden</translation>
    </message>
    <message>
        <source>You found out that it was delivered: keep it in Sent and do not send it again</source>
        <translation>Je hebt ontdekt dat het bezorgd is: het in Verzonden bewaren en niet opnieuw verzenden</translation>
    </message>
    <message>
        <source>It arrived: mark as sent</source>
        <translation>Het is aangekomen: als verzonden markeren</translation>
    </message>
    <message>
        <source>Change &amp;Time…</source>
        <translation>&amp;Tijd wijzigen…</translation>
    </message>
    <message>
        <source>Choose another time for it to go</source>
        <translation>Een ander tijdstip kiezen om het te verzenden</translation>
    </message>
    <message>
        <source>Change time</source>
        <translation>Tijd wijzigen</translation>
    </message>
    <message>
        <source>Back to D&amp;rafts</source>
        <translation>Terug naar co&amp;ncepten</translation>
    </message>
    <message>
        <source>Do not send it: it becomes a draft again, in Drafts</source>
        <translation>Niet verzenden: het wordt weer een concept, in Concepten</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Terug naar concepten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bewerken</translation>
    </message>
    <message>
        <source>Make it a draft again, to change it and send it</source>
        <translation>Het weer een concept maken, om het te wijzigen en te verzenden</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Weggooien…</translation>
    </message>
    <message>
        <source>Delete it without sending (Delete)</source>
        <translation>Het verwijderen zonder te verzenden (Delete)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>Select a message to see why it waits and what you can do.</source>
        <translation>Kies een bericht om te zien waarom het wacht en wat je kunt doen.</translation>
    </message>
    <message>
        <source>an account that was removed</source>
        <translation>een account dat verwijderd is</translation>
    </message>
    <message>
        <source>To {recipients}</source>
        <translation>Aan {recipients}</translation>
    </message>
    <message>
        <source>No recipients</source>
        <translation>Geen ontvangers</translation>
    </message>
    <message>
        <source>from {account}</source>
        <translation>van {account}</translation>
    </message>
    <message>
        <source>queued {time}</source>
        <translation>in de wachtrij gezet om {time}</translation>
    </message>
    <message>
        <source>1 try</source>
        <translation>1 poging</translation>
    </message>
    <message>
        <source>The last try: </source>
        <translation>De laatste poging: </translation>
    </message>
    <message>
        <source>The server said: {reply}</source>
        <translation>De server zei: {reply}</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
    <message>
        <source>Send it once more; if the first one arrived, it arrives twice</source>
        <translation>Het nog eens verzenden; als het eerste aankwam, komt het twee keer aan</translation>
    </message>
    <message>
        <source>Try to send it now, as it is</source>
        <translation>Probeer het nu te verzenden, zoals het is</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Nu verzenden</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Nu verzenden</translation>
    </message>
    <message>
        <source>Send it now instead of waiting</source>
        <translation>Het nu verzenden in plaats van te wachten</translation>
    </message>
    <message>
        <source>Send it again?</source>
        <translation>Opnieuw verzenden?</translation>
    </message>
    <message>
        <source>Send this message again?</source>
        <translation>Dit bericht opnieuw verzenden?</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
    <message>
        <source>If the first one arrived, the recipients get it twice.</source>
        <translation>Als het eerste aankwam, krijgen de ontvangers het twee keer.</translation>
    </message>
    <message>
        <source>Discard the message?</source>
        <translation>Het bericht weggooien?</translation>
    </message>
    <message>
        <source>Discard “{subject}”?</source>
        <translation>“{subject}” weggooien?</translation>
    </message>
    <message>
        <source>It is deleted without being sent. This cannot be undone.</source>
        <translation>Het wordt verwijderd zonder te worden verzonden. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Change When It Goes</source>
        <translation>Wijzigen wanneer het vertrekt</translation>
    </message>
    <message>
        <source>It now goes at {time}.</source>
        <translation>Het vertrekt nu om {time}.</translation>
    </message>
    <message>
        <source>“{subject}” is not sent: it is a draft again.</source>
        <translation>“{subject}” wordt niet verzonden: het is weer een concept.</translation>
    </message>
    <message>
        <source>Find it in Drafts.</source>
        <translation>Je vindt het in Concepten.</translation>
    </message>
    <message>
        <source>The outbox is closed.</source>
        <translation>Postvak UIT is gesloten.</translation>
    </message>
    <message numerus="yes">
        <source>%n tries</source>
        <translation>
            <numerusform>%n poging</numerusform>
            <numerusform>%n pogingen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeTeller</name>
    <message>
        <source>Show in &amp;Sent</source>
        <translation>Tonen in &amp;Verzonden</translation>
    </message>
    <message>
        <source>Check those addresses, then send them the message in a new one.</source>
        <translation>Controleer die adressen en stuur ze het bericht daarna in een nieuw bericht.</translation>
    </message>
    <message>
        <source>&amp;Write to Them</source>
        <translation>Hun &amp;schrijven</translation>
    </message>
    <message>
        <source>Open &amp;Outbox</source>
        <translation>Postvak &amp;UIT openen</translation>
    </message>
    <message>
        <source>&amp;Edit and Resend</source>
        <translation>&amp;Bewerken en opnieuw verzenden</translation>
    </message>
    <message>
        <source>Ask a recipient (or look in SMTPeter&apos;s dashboard), then choose.</source>
        <translation>Vraag het een ontvanger (of kijk in het dashboard van SMTPeter) en kies dan.</translation>
    </message>
    <message>
        <source>It waits in the Outbox and is tried again at {when}.</source>
        <translation>Het wacht in Postvak UIT en wordt om {when} opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>It is back in your drafts (File ▸ Open Draft…).</source>
        <translation>Het staat weer bij je concepten (Bestand ▸ Concept openen…).</translation>
    </message>
    <message>
        <source>&amp;Open It</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>It waits in the Outbox.</source>
        <translation>Het wacht in Postvak UIT.</translation>
    </message>
    <message>
        <source>Open &amp;Accounts</source>
        <translation>&amp;Accounts openen</translation>
    </message>
    <message>
        <source>It is safe in the Outbox.</source>
        <translation>Het staat veilig in Postvak UIT.</translation>
    </message>
</context>
<context>
    <name>PreparingBar</name>
    <message>
        <source>Preparing {what} ({size})…</source>
        <translation>{what} wordt voorbereid ({size})…</translation>
    </message>
    <message>
        <source>Preparing the message</source>
        <translation>Het bericht wordt voorbereid</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Verzenden annuleren</translation>
    </message>
    <message>
        <source>Stop: the message is not sent and stays a draft</source>
        <translation>Stoppen: het bericht wordt niet verzonden en blijft een concept</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Bezig met stoppen…</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>The message, as it will be sent, appears here.</source>
        <translation>Het bericht verschijnt hier, zoals het verzonden wordt.</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>In browser openen</translation>
    </message>
    <message>
        <source>Open the message, exactly as it will be sent, in your web browser</source>
        <translation>Het bericht, precies zoals het verzonden wordt, in je webbrowser openen</translation>
    </message>
    <message>
        <source>The preview could not be made: {reason}</source>
        <translation>Het voorbeeld kon niet worden gemaakt: {reason}</translation>
    </message>
    <message>
        <source>the preview</source>
        <translation>het voorbeeld</translation>
    </message>
    <message>
        <source>the link</source>
        <translation>de link</translation>
    </message>
</context>
<context>
    <name>ProfilesCommand</name>
    <message>
        <source>--check-token-stdin is for SMTP profiles: a REST profile checks with its own token (--token-stdin)</source>
        <translation>--check-token-stdin is voor SMTP-profielen: een REST-profiel controleert met zijn eigen token (--token-stdin)</translation>
    </message>
    <message>
        <source>REST token for checks</source>
        <translation>REST-token voor controles</translation>
    </message>
    <message>
        <source>The REST token for checks was not stored: {reason}</source>
        <translation>Het REST-token voor controles is niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>The REST token for checks is stored in the keyring: the check before sending can now ask SMTPeter about the sender domain.</source>
        <translation>Het REST-token voor controles is opgeslagen in de sleutelbos: de controle vóór verzenden kan SMTPeter nu naar het afzenderdomein vragen.</translation>
    </message>
    <message>
        <source>--url is for REST profiles, and for an SMTP profile&apos;s --check-token-stdin</source>
        <translation>--url is voor REST-profielen, en voor --check-token-stdin van een SMTP-profiel</translation>
    </message>
    <message>
        <source>  REST token for checks: {state}</source>
        <translation>  REST-token voor controles: {state}</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>opgeslagen</translation>
    </message>
    <message>
        <source>unknown (the keyring cannot be read)</source>
        <translation>onbekend (de sleutelbos kan niet worden gelezen)</translation>
    </message>
    <message>
        <source>none (the sender domain is not checked)</source>
        <translation>geen (het afzenderdomein wordt niet gecontroleerd)</translation>
    </message>
    <message>
        <source>give --password-stdin, --token-stdin, --check-token-stdin or --forget-check-token</source>
        <translation>geef --password-stdin, --token-stdin, --check-token-stdin of --forget-check-token</translation>
    </message>
    <message>
        <source>{profile} is a REST profile: it has no token for checks</source>
        <translation>{profile} is een REST-profiel: het heeft geen token voor controles</translation>
    </message>
    <message>
        <source>Stored the REST token for checks of {profile} in the keyring.</source>
        <translation>Het REST-token voor controles van {profile} is in de sleutelbos opgeslagen.</translation>
    </message>
    <message>
        <source>the secret was not stored: {reason}</source>
        <translation>het geheim is niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>the REST token for checks was not removed: {reason}</source>
        <translation>het REST-token voor controles is niet verwijderd: {reason}</translation>
    </message>
    <message>
        <source>Removed the REST token for checks of {profile}: its sender domain is no longer checked before sending.</source>
        <translation>Het REST-token voor controles van {profile} is verwijderd: het afzenderdomein wordt niet meer vóór verzenden gecontroleerd.</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <source>Sending {what}…</source>
        <translation>{what} wordt verzonden…</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Voortgang van het verzenden</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Verzenden annuleren</translation>
    </message>
    <message>
        <source>Stop sending; the message stays in the Outbox</source>
        <translation>Stoppen met verzenden; het bericht blijft in Postvak UIT</translation>
    </message>
    <message>
        <source>Sent {what}; waiting for the server&apos;s answer…</source>
        <translation>{what} is verzonden; wachten op het antwoord van de server…</translation>
    </message>
    <message>
        <source>Sending {what}… {percent}% ({done} of {total})</source>
        <translation>{what} wordt verzonden… {percent}% ({done} van {total})</translation>
    </message>
</context>
<context>
    <name>RecipientView</name>
    <message>
        <source>As the recipient will get it</source>
        <translation>Zoals de ontvanger het krijgt</translation>
    </message>
    <message>
        <source>Show the message as SMTPeter will deliver it: links rewritten for click tracking, the open-tracking pixel, style inlined (as the options say)</source>
        <translation>Het bericht tonen zoals SMTPeter het bezorgt: links herschreven om klikken te volgen, de pixel om openen te volgen, stijlen ingevoegd (zoals de opties zeggen)</translation>
    </message>
    <message>
        <source>Preview as the recipient will get it</source>
        <translation>Voorbeeld zoals de ontvanger het krijgt</translation>
    </message>
    <message>
        <source>The message cannot be shown yet: {reason}</source>
        <translation>Het bericht kan nog niet worden getoond: {reason}</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <source>The message was not sent. {reason}</source>
        <translation>Het bericht is niet verzonden. {reason}</translation>
    </message>
    <message>
        <source>It is kept as a draft.</source>
        <translation>Het wordt bewaard als concept.</translation>
    </message>
    <message>
        <source>Not sent: {what} stays a draft.</source>
        <translation>Niet verzonden: {what} blijft een concept.</translation>
    </message>
    <message>
        <source>You stopped it before it went out.</source>
        <translation>Je stopte het voordat het vertrok.</translation>
    </message>
    <message>
        <source>The send could not be undone: {reason}</source>
        <translation>Het verzenden kon niet ongedaan worden gemaakt: {reason}</translation>
    </message>
    <message>
        <source>Not sent: {what} is back in the compose pane.</source>
        <translation>Niet verzonden: {what} staat weer in het opstelvenster.</translation>
    </message>
    <message>
        <source>The message could not be sent: {reason}</source>
        <translation>Het bericht kon niet worden verzonden: {reason}</translation>
    </message>
</context>
<context>
    <name>SendLaterDialog</name>
    <message>
        <source>In 1 &amp;Hour</source>
        <translation>Over 1 &amp;uur</translation>
    </message>
    <message>
        <source>&amp;Tomorrow 08:00</source>
        <translation>&amp;Morgen 08:00</translation>
    </message>
    <message>
        <source>&amp;Monday 08:00</source>
        <translation>&amp;Maandag 08:00</translation>
    </message>
    <message>
        <source>{moment} has already passed. Choose a later time, or send the message now.</source>
        <translation>{moment} is al voorbij. Kies een later tijdstip, of verzend het bericht nu.</translation>
    </message>
    <message>
        <source>{moment} is more than a year ahead. Check the year.</source>
        <translation>{moment} is meer dan een jaar vooruit. Controleer het jaar.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>Scheduled: “{subject}” goes {moment}.</source>
        <translation>Gepland: “{subject}” vertrekt {moment}.</translation>
    </message>
    <message>
        <source>It waits in the Outbox until then.</source>
        <translation>Het wacht tot dan in Postvak UIT.</translation>
    </message>
    <message>
        <source>Open &amp;Outbox</source>
        <translation>Postvak &amp;UIT openen</translation>
    </message>
    <message>
        <source>Send Later</source>
        <translation>Later verzenden</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Later verzenden</translation>
    </message>
    <message>
        <source>When should the message go? In your own time zone.</source>
        <translation>Wanneer moet het bericht vertrekken? In je eigen tijdzone.</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>When it goes</source>
        <translation>Wanneer het vertrekt</translation>
    </message>
    <message>
        <source>It waits in the Outbox until then, where you can change the time or take it back. It goes while SMTPeter Desktop is open, or by the send-due timer (Settings) when it is closed.</source>
        <translation>Het wacht tot dan in Postvak UIT, waar je de tijd kunt wijzigen of het kunt terugnemen. Het vertrekt zolang SMTPeter Desktop open is, of via de verzendtimer (Instellingen) als het gesloten is.</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;Plannen</translation>
    </message>
    <message>
        <source>It goes on {moment}.</source>
        <translation>Het vertrekt op {moment}.</translation>
    </message>
</context>
<context>
    <name>SendLaterRows</name>
    <message>
        <source>Every minute a systemd user timer (or, without systemd, an entry that starts at login) runs “smtpeter-desktop outbox send-due”, which sends what is due and exits. Messages found later than the limit below wait for you.</source>
        <translation>Elke minuut voert een systemd-gebruikerstimer (of, zonder systemd, een item dat bij het inloggen start) “smtpeter-desktop outbox send-due” uit, dat verzendt wat aan de beurt is en stopt. Berichten die later dan de limiet hieronder gevonden worden, wachten op jou.</translation>
    </message>
    <message>
        <source>On macOS this is a launchd agent in ~/Library/LaunchAgents that runs “smtpeter-desktop outbox send-due” every minute. SMTPeter Desktop does not install it yet: the README shows how.</source>
        <translation>Op macOS is dit een launchd-agent in ~/Library/LaunchAgents die elke minuut “smtpeter-desktop outbox send-due” uitvoert. SMTPeter Desktop installeert die nog niet: de README laat zien hoe.</translation>
    </message>
    <message>
        <source>On Windows this is a Task Scheduler task that runs “smtpeter-desktop outbox send-due” every minute. SMTPeter Desktop does not install it yet: the README shows how.</source>
        <translation>Op Windows is dit een taak in Taakplanner die elke minuut “smtpeter-desktop outbox send-due” uitvoert. SMTPeter Desktop installeert die nog niet: de README laat zien hoe.</translation>
    </message>
    <message>
        <source>There is no send-due timer for this system.</source>
        <translation>Er is geen verzendtimer voor dit systeem.</translation>
    </message>
    <message>
        <source>Send scheduled mail even when the window is closed</source>
        <translation>Geplande mail ook verzenden als het venster gesloten is</translation>
    </message>
    <message>
        <source>Send-due timer status</source>
        <translation>Status van de verzendtimer</translation>
    </message>
    <message>
        <source> hours late</source>
        <translation> uur te laat</translation>
    </message>
    <message>
        <source>Never: always send</source>
        <translation>Nooit: altijd verzenden</translation>
    </message>
    <message>
        <source>Ask about scheduled messages found this late</source>
        <translation>Vragen naar geplande berichten die zo laat gevonden worden</translation>
    </message>
    <message>
        <source>A scheduled message found more than this many hours after its time (the computer was off) is not sent by itself: you are asked. 0: always send it.</source>
        <translation>Een gepland bericht dat meer dan dit aantal uren na zijn tijd gevonden wordt (de computer stond uit), wordt niet vanzelf verzonden: je wordt het gevraagd. 0: altijd verzenden.</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Later verzenden</translation>
    </message>
    <message>
        <source>As&amp;k when more than:</source>
        <translation>V&amp;ragen bij meer dan:</translation>
    </message>
    <message>
        <source>Installing the timer…</source>
        <translation>De timer wordt geïnstalleerd…</translation>
    </message>
    <message>
        <source>Removing the timer…</source>
        <translation>De timer wordt verwijderd…</translation>
    </message>
    <message>
        <source>Installed: a systemd user timer sends scheduled mail every minute while you are logged in, window or not.</source>
        <translation>Geïnstalleerd: een systemd-gebruikerstimer verzendt geplande mail elke minuut zolang je ingelogd bent, met of zonder venster.</translation>
    </message>
    <message>
        <source>Installed: from your next login, scheduled mail is sent every minute, window or not (no systemd user manager here, so an autostart entry does it).</source>
        <translation>Geïnstalleerd: vanaf je volgende login wordt geplande mail elke minuut verzonden, met of zonder venster (hier is geen systemd-gebruikersbeheer, dus een autostart-item doet het).</translation>
    </message>
    <message>
        <source>Removed: scheduled mail goes only while SMTPeter Desktop is open.</source>
        <translation>Verwijderd: geplande mail vertrekt alleen zolang SMTPeter Desktop open is.</translation>
    </message>
    <message>
        <source>The details are in the log.</source>
        <translation>De details staan in het logboek.</translation>
    </message>
    <message>
        <source>The timer was not changed. {reason}</source>
        <translation>De timer is niet gewijzigd. {reason}</translation>
    </message>
</context>
<context>
    <name>SendQuestions</name>
    <message>
        <source>The message cannot be sent yet</source>
        <translation>Het bericht kan nog niet worden verzonden</translation>
    </message>
    <message>
        <source>This message cannot be sent yet.</source>
        <translation>Dit bericht kan nog niet worden verzonden.</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Send this message?</source>
        <translation>Dit bericht verzenden?</translation>
    </message>
    <message>
        <source>Send this message anyway?</source>
        <translation>Dit bericht toch verzenden?</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>Toch verzenden</translation>
    </message>
    <message>
        <source>Send {what} to {recipients}?</source>
        <translation>{what} verzenden naar {recipients}?</translation>
    </message>
    <message>
        <source>You asked to be asked before every send (Settings).</source>
        <translation>Je wilde vóór elke verzending een vraag krijgen (Instellingen).</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>Send it again?</source>
        <translation>Opnieuw verzenden?</translation>
    </message>
    <message>
        <source>Send this message again?</source>
        <translation>Dit bericht opnieuw verzenden?</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
    <message>
        <source>If the first one arrived, the recipients get it twice.</source>
        <translation>Als het eerste aankwam, krijgen de ontvangers het twee keer.</translation>
    </message>
</context>
<context>
    <name>SendWorker</name>
    <message>
        <source>SMTPeter Desktop ran into an internal problem; the details are in the log.</source>
        <translation type="vanished">SMTPeter Desktop liep tegen een intern probleem aan; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>The send was stopped; the message was not sent.</source>
        <translation>Het verzenden is gestopt; het bericht is niet verzonden.</translation>
    </message>
</context>
<context>
    <name>SenderBox</name>
    <message>
        <source>{name} (local test server — delivers nothing)</source>
        <translation>{name} (lokale testserver — bezorgt niets)</translation>
    </message>
    <message>
        <source>{name} (SMTPeter REST API)</source>
        <translation>{name} (SMTPeter REST-API)</translation>
    </message>
    <message>
        <source>{name} (SMTPeter SMTP)</source>
        <translation>{name} (SMTPeter SMTP)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>The sender this draft was written with; no profile offers it now</source>
        <translation>De afzender waarmee dit concept geschreven is; geen profiel biedt hem nu aan</translation>
    </message>
    <message>
        <source>Profile {profile}</source>
        <translation>Profiel {profile}</translation>
    </message>
</context>
<context>
    <name>SendersTable</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Reply-To (optional)</source>
        <translation>Antwoord-aan (optioneel)</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Afzenders</translation>
    </message>
    <message>
        <source>Add S&amp;ender</source>
        <translation>Afz&amp;ender toevoegen</translation>
    </message>
    <message>
        <source>Remove Sen&amp;der</source>
        <translation>Afzen&amp;der verwijderen</translation>
    </message>
    <message>
        <source>A sender needs an address.</source>
        <translation>Een afzender heeft een adres nodig.</translation>
    </message>
    <message>
        <source>Add at least one sender: the address your mail comes from.</source>
        <translation>Voeg minstens één afzender toe: het adres waar je mail vandaan komt.</translation>
    </message>
    <message>
        <source>Sender {number}: </source>
        <translation>Afzender {number}: </translation>
    </message>
</context>
<context>
    <name>SentPane</name>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>The mailbox could not be opened.</source>
        <translation>De mailbox kon niet worden geopend.</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>Verzonden berichten</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Bezorging</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Search subject or recipient</source>
        <translation>Zoek op onderwerp of ontvanger</translation>
    </message>
    <message>
        <source>Search sent mail</source>
        <translation>Verzonden mail doorzoeken</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ontvangstbewijs</translation>
    </message>
    <message>
        <source>Receipt and delivery events</source>
        <translation>Ontvangstbewijs en bezorggebeurtenissen</translation>
    </message>
    <message>
        <source>&amp;Refresh Delivery Status</source>
        <translation>Bezorgstatus &amp;vernieuwen</translation>
    </message>
    <message>
        <source>Ask SMTPeter what became of this message (F5)</source>
        <translation>SMTPeter vragen wat er met dit bericht gebeurde (F5)</translation>
    </message>
    <message>
        <source>&amp;Open the Captured Message</source>
        <translation>Het opgevangen bericht &amp;openen</translation>
    </message>
    <message>
        <source>See exactly what the built-in test server received: headers, HTML, text, source</source>
        <translation>Precies zien wat de ingebouwde testserver ontving: koppen, HTML, tekst, bron</translation>
    </message>
    <message>
        <source>Open &amp;Message</source>
        <translation>&amp;Bericht openen</translation>
    </message>
    <message>
        <source>See the message exactly as it was sent: the HTML, the text and the source; save it as an .eml file</source>
        <translation>Het bericht precies zien zoals het verzonden is: de HTML, de tekst en de bron; opslaan als .eml-bestand</translation>
    </message>
    <message>
        <source>Edit as Ne&amp;w</source>
        <translation>Bewerken als nie&amp;uw</translation>
    </message>
    <message>
        <source>A new draft with the same text, recipients and attachments</source>
        <translation>Een nieuw concept met dezelfde tekst, ontvangers en bijlagen</translation>
    </message>
    <message>
        <source>Forw&amp;ard</source>
        <translation>Door&amp;sturen</translation>
    </message>
    <message>
        <source>A new draft quoting this message, with its attachments</source>
        <translation>Een nieuw concept dat dit bericht citeert, met de bijlagen</translation>
    </message>
    <message>
        <source>Re&amp;send…</source>
        <translation>Opnieuw ve&amp;rzenden…</translation>
    </message>
    <message>
        <source>Send the same message again (asks first): SMTPeter resends its copy for the REST API; for SMTP the exact bytes go to the outbox again</source>
        <translation>Hetzelfde bericht opnieuw verzenden (vraagt eerst): SMTPeter verzendt zijn kopie opnieuw voor de REST-API; voor SMTP gaan precies dezelfde bytes weer naar Postvak UIT</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Delete this message from Sent (asks first)</source>
        <translation>Dit bericht uit Verzonden verwijderen (vraagt eerst)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>Gedeeltelijk bezorgd</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>an account that was removed</source>
        <translation>een account dat verwijderd is</translation>
    </message>
    <message>
        <source>To {recipients}</source>
        <translation>Aan {recipients}</translation>
    </message>
    <message>
        <source>from {account}</source>
        <translation>van {account}</translation>
    </message>
    <message>
        <source>sent {time}</source>
        <translation>verzonden {time}</translation>
    </message>
    <message>
        <source>Asking SMTPeter…</source>
        <translation>SMTPeter wordt gevraagd…</translation>
    </message>
    <message>
        <source>You marked this message as sent after its outcome was unknown, so there is no receipt from the server.</source>
        <translation>Je hebt dit bericht als verzonden gemarkeerd toen de uitkomst onbekend was, dus er is geen ontvangstbewijs van de server.</translation>
    </message>
    <message>
        <source>Sent to the built-in test server: it kept the message and delivered nothing.</source>
        <translation>Verzonden naar de ingebouwde testserver: die bewaarde het bericht en bezorgde niets.</translation>
    </message>
    <message>
        <source>Accepted by the REST API in {seconds} s.</source>
        <translation>In {seconds} s geaccepteerd door de REST-API.</translation>
    </message>
    <message>
        <source>Accepted by SMTP in {seconds} s.</source>
        <translation>In {seconds} s geaccepteerd via SMTP.</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>nog niet gevraagd</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>The server took it for: {recipients}.</source>
        <translation>De server nam het aan voor: {recipients}.</translation>
    </message>
    <message>
        <source>The server&apos;s final reply:</source>
        <translation>Het laatste antwoord van de server:</translation>
    </message>
    <message>
        <source>Refused recipients</source>
        <translation>Geweigerde ontvangers</translation>
    </message>
    <message>
        <source>They did not get the message; the others did.</source>
        <translation>Zij kregen het bericht niet; de anderen wel.</translation>
    </message>
    <message>
        <source>Time taken:</source>
        <translation>Duur:</translation>
    </message>
    <message>
        <source>Not asked yet: “Refresh Delivery Status” asks SMTPeter what became of the message.</source>
        <translation>Nog niet gevraagd: “Bezorgstatus vernieuwen” vraagt SMTPeter wat er met het bericht gebeurde.</translation>
    </message>
    <message>
        <source>Delivery events</source>
        <translation>Bezorggebeurtenissen</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Nog niets</translation>
    </message>
    <message>
        <source>Last asked {time}.</source>
        <translation>Laatst gevraagd om {time}.</translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {reason}</source>
        <translation>SMTPeter kon niet worden gevraagd: {reason}</translation>
    </message>
    <message>
        <source>Opening the captured message…</source>
        <translation>Het opgevangen bericht wordt geopend…</translation>
    </message>
    <message>
        <source>The test server no longer has this message: its data folder was emptied.</source>
        <translation>De testserver heeft dit bericht niet meer: de gegevensmap is leeggemaakt.</translation>
    </message>
    <message>
        <source>The captured message could not be read: {reason}.</source>
        <translation>Het opgevangen bericht kon niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <source>The captured message could not be opened because of an internal problem; the details are in the log.</source>
        <translation>Het opgevangen bericht kon door een intern probleem niet worden geopend; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>Open Message</source>
        <translation>Bericht openen</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Edit as New</source>
        <translation>Bewerken als nieuw</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Doorsturen</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>Opnieuw verzenden…</translation>
    </message>
    <message>
        <source>Open the Captured Message</source>
        <translation>Het opgevangen bericht openen</translation>
    </message>
    <message>
        <source>Refresh Delivery Status</source>
        <translation>Bezorgstatus vernieuwen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Opening the message…</source>
        <translation>Het bericht wordt geopend…</translation>
    </message>
    <message>
        <source>The message could not be read: {reason}</source>
        <translation>Het bericht kon niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>The message could not be opened because of an internal problem; the details are in the log.</source>
        <translation>Het bericht kon door een intern probleem niet worden geopend; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>This message&apos;s draft cannot be read.</source>
        <translation>Het concept van dit bericht kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The attachments could not be kept for forwarding: {reason}.</source>
        <translation>De bijlagen konden niet worden bewaard om door te sturen: {reason}.</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
    <message>
        <source>Send “{subject}” again to {recipients}?</source>
        <translation>“{subject}” opnieuw verzenden naar {recipients}?</translation>
    </message>
    <message>
        <source>Every recipient gets it a second time.</source>
        <translation>Elke ontvanger krijgt het een tweede keer.</translation>
    </message>
    <message>
        <source>Sending it again…</source>
        <translation>Het wordt opnieuw verzonden…</translation>
    </message>
    <message>
        <source>Queued again: it goes out now (see the Outbox).</source>
        <translation>Opnieuw in de wachtrij: het vertrekt nu (zie Postvak UIT).</translation>
    </message>
    <message>
        <source>SMTPeter sent it again (1 new message id).</source>
        <translation>SMTPeter heeft het opnieuw verzonden (1 nieuw bericht-id).</translation>
    </message>
    <message>
        <source>SMTPeter sent it again ({count} new message ids).</source>
        <translation>SMTPeter heeft het opnieuw verzonden ({count} nieuwe bericht-id&apos;s).</translation>
    </message>
    <message>
        <source>It was not sent again: {reason} Look at the recipients&apos; mail before trying again: it may have gone.</source>
        <translation>Het is niet opnieuw verzonden: {reason} Kijk naar de mail van de ontvangers voordat je het opnieuw probeert: het is misschien toch vertrokken.</translation>
    </message>
    <message>
        <source>It could not be sent again because of an internal problem; the details are in the log.</source>
        <translation>Het kon door een intern probleem niet opnieuw worden verzonden; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>Delete from Sent</source>
        <translation>Verwijderen uit Verzonden</translation>
    </message>
    <message>
        <source>Delete “{subject}” from Sent?</source>
        <translation>“{subject}” verwijderen uit Verzonden?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Its receipt and the exact message go too. Recipients keep theirs.</source>
        <translation>Het ontvangstbewijs en het exacte bericht gaan ook weg. Ontvangers houden het hunne.</translation>
    </message>
    <message>
        <source>The message could not be deleted: {reason}</source>
        <translation>Het bericht kon niet worden verwijderd: {reason}</translation>
    </message>
    <message>
        <source>Sent mail is closed.</source>
        <translation>Verzonden mail is gesloten.</translation>
    </message>
    <message>
        <source>SMTPeter message id</source>
        <translation>SMTPeter-bericht-id</translation>
    </message>
</context>
<context>
    <name>SettingsPane</name>
    <message>
        <source>Follow the system</source>
        <translation>Systeem volgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>Passwords and tokens would be kept unencrypted in a file that anyone with access to your account can read. Use this only when no real keyring works on this computer. It takes effect the next time SMTPeter Desktop starts.</source>
        <translation>Wachtwoorden en tokens zouden onversleuteld worden bewaard in een bestand dat iedereen met toegang tot je account kan lezen. Gebruik dit alleen als geen echte sleutelbos werkt op deze computer. Het gaat in wanneer SMTPeter Desktop opnieuw start.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Nederlands</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schrijven</translation>
    </message>
    <message>
        <source>Warnings before sending</source>
        <translation>Waarschuwingen vóór verzenden</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Wachtwoorden</translation>
    </message>
    <message>
        <source>Default account</source>
        <translation>Standaardaccount</translation>
    </message>
    <message>
        <source>Off (send at once)</source>
        <translation>Uit (meteen verzenden)</translation>
    </message>
    <message>
        <source>Undo send delay</source>
        <translation>Tijd om verzenden ongedaan te maken</translation>
    </message>
    <message>
        <source>Ask before every send</source>
        <translation>Vóór elke verzending vragen</translation>
    </message>
    <message>
        <source>Check before sending</source>
        <translation>Controleren vóór verzenden</translation>
    </message>
    <message>
        <source>Check links online</source>
        <translation>Links online controleren</translation>
    </message>
    <message>
        <source>Show the live preview beside the editor</source>
        <translation>Het live voorbeeld naast de editor tonen</translation>
    </message>
    <message>
        <source>Use the system&apos;s monospace font</source>
        <translation>Het vaste-breedtelettertype van het systeem gebruiken</translation>
    </message>
    <message>
        <source>Editor font</source>
        <translation>Lettertype van de editor</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Editor font size</source>
        <translation>Lettergrootte van de editor</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language takes effect when SMTPeter Desktop starts again.</source>
        <translation>De taal gaat in wanneer SMTPeter Desktop opnieuw start.</translation>
    </message>
    <message>
        <source> visible recipients</source>
        <translation> zichtbare ontvangers</translation>
    </message>
    <message>
        <source>Warn above this many visible recipients</source>
        <translation>Waarschuwen boven dit aantal zichtbare ontvangers</translation>
    </message>
    <message>
        <source>Warn above this message size</source>
        <translation>Waarschuwen boven deze berichtgrootte</translation>
    </message>
    <message>
        <source>Allow a keyring that keeps passwords in a plain file</source>
        <translation>Een sleutelbos toestaan die wachtwoorden in een gewoon bestand bewaart</translation>
    </message>
    <message>
        <source>&amp;Restore Defaults</source>
        <translation>&amp;Standaardwaarden herstellen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standaardwaarden herstellen</translation>
    </message>
    <message>
        <source>Put every setting on this page back to how it came</source>
        <translation>Elke instelling op deze pagina terugzetten zoals hij was</translation>
    </message>
    <message>
        <source>New &amp;messages from:</source>
        <translation>Nieuwe berichten &amp;van:</translation>
    </message>
    <message>
        <source>Un&amp;do send for:</source>
        <translation>&amp;Ongedaan maken binnen:</translation>
    </message>
    <message>
        <source>Editor f&amp;ont:</source>
        <translation>Lettertype &amp;editor:</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>&amp;Uiterlijk:</translation>
    </message>
    <message>
        <source>Displa&amp;y language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Lang&amp;uage:</source>
        <translation type="vanished">&amp;Taal:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="vanished">&amp;Taal:</translation>
    </message>
    <message>
        <source>Warn when more &amp;than:</source>
        <translation>Waarschuwen bij &amp;meer dan:</translation>
    </message>
    <message>
        <source>Warn when &amp;larger than:</source>
        <translation>Waarschuwen bij groter d&amp;an:</translation>
    </message>
    <message>
        <source>Changes apply at once and are saved in settings.toml in the app folder.</source>
        <translation>Wijzigingen gaan meteen in en worden opgeslagen in settings.toml in de app-map.</translation>
    </message>
    <message>
        <source>The first account</source>
        <translation>Het eerste account</translation>
    </message>
    <message>
        <source>An account that no longer exists</source>
        <translation>Een account dat niet meer bestaat</translation>
    </message>
    <message>
        <source>The setting was not saved: {message}</source>
        <translation type="vanished">De instelling is niet opgeslagen: {message}</translation>
    </message>
    <message>
        <source>It applies until SMTPeter Desktop is closed.</source>
        <translation>Hij geldt tot SMTPeter Desktop gesloten wordt.</translation>
    </message>
    <message>
        <source>Put every setting on this page back to how it came?</source>
        <translation>Elke instelling op deze pagina terugzetten zoals hij was?</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standaardwaarden herstellen</translation>
    </message>
    <message>
        <source>The settings were not saved: {message}</source>
        <translation type="vanished">De instellingen zijn niet opgeslagen: {message}</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="vanished">&amp;Algemeen</translation>
    </message>
    <message>
        <source>Ge&amp;neral</source>
        <translation type="vanished">Algemee&amp;n</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>The setting was not saved: {reason}</source>
        <translation>De instelling is niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>The settings were not saved: {reason}</source>
        <translation>De instellingen zijn niet opgeslagen: {reason}</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>{pane} (Ctrl+{number})</source>
        <translation>{pane} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>{pane}, {count} waiting</source>
        <translation>{pane}, {count} wachtend</translation>
    </message>
</context>
<context>
    <name>SignatureButton</name>
    <message>
        <source>Signature</source>
        <translation>Handtekening</translation>
    </message>
    <message>
        <source>The signature of this message: the sender&apos;s, another, or none</source>
        <translation>De handtekening van dit bericht: die van de afzender, een andere, of geen</translation>
    </message>
    <message>
        <source>The signature you edited was kept; choose one under Signature to replace it.</source>
        <translation>De handtekening die je bewerkte, is bewaard; kies er een onder Handtekening om hem te vervangen.</translation>
    </message>
    <message>
        <source>Your signatures could not be read: {reason}</source>
        <translation>Je handtekeningen konden niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>{name} (default for this sender)</source>
        <translation>{name} (standaard voor deze afzender)</translation>
    </message>
    <message>
        <source>&amp;No Signature</source>
        <translation>&amp;Geen handtekening</translation>
    </message>
    <message>
        <source>&amp;Edit Signatures…</source>
        <translation>Handtekeningen &amp;bewerken…</translation>
    </message>
    <message>
        <source>No Signature</source>
        <translation>Geen handtekening</translation>
    </message>
    <message>
        <source>Signature: {name}</source>
        <translation>Handtekening: {name}</translation>
    </message>
    <message>
        <source>No Signat&amp;ure</source>
        <translation type="vanished">Geen hand&amp;tekening</translation>
    </message>
    <message>
        <source>Signat&amp;ure: {name}</source>
        <translation type="vanished">Hand&amp;tekening: {name}</translation>
    </message>
    <message>
        <source>No Si&amp;gnature</source>
        <translation type="vanished">Geen han&amp;dtekening</translation>
    </message>
    <message>
        <source>Si&amp;gnature: {name}</source>
        <translation type="vanished">Han&amp;dtekening: {name}</translation>
    </message>
</context>
<context>
    <name>SignaturesPage</name>
    <message>
        <source>Signatures</source>
        <translation>Handtekeningen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Toevoegen…</translation>
    </message>
    <message>
        <source>Make a new signature</source>
        <translation>Een nieuwe handtekening maken</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="vanished">&amp;Hernoemen…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>Ver&amp;wijderen…</translation>
    </message>
    <message>
        <source>Signature in Markdown</source>
        <translation>Handtekening in Markdown</translation>
    </message>
    <message>
        <source>Ann Lee
Sales, Example B.V.
+31 20 123 4567 · [example.com](https://example.com)</source>
        <translation>Ann Lee
Verkoop, Voorbeeld B.V.
+31 20 123 4567 · [example.com](https://example.com)</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>Afbeelding &amp;invoegen…</translation>
    </message>
    <message>
        <source>Put a picture (PNG, JPEG, GIF or WebP, at most 10 MB) in the signature; it is referenced by its path, as in a message</source>
        <translation>Een afbeelding (PNG, JPEG, GIF of WebP, hoogstens 10 MB) in de handtekening zetten; er wordt naar verwezen met het pad, zoals in een bericht</translation>
    </message>
    <message>
        <source>The signature, as it will look in a message.</source>
        <translation>De handtekening, zoals hij in een bericht zal staan.</translation>
    </message>
    <message>
        <source>Default signature</source>
        <translation>Standaardhandtekening</translation>
    </message>
    <message>
        <source>A signature is put below a “-- ” line in a new message, and replaced when you choose another sender. Saved in signatures.toml in the app folder.</source>
        <translation>Een handtekening komt onder een regel “-- ” in een nieuw bericht, en wordt vervangen als je een andere afzender kiest. Opgeslagen in signatures.toml in de app-map.</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>Voeg eerst een account toe.</translation>
    </message>
    <message>
        <source>{account}, every address</source>
        <translation>{account}, elk adres</translation>
    </message>
    <message>
        <source>As the account</source>
        <translation type="vanished">Zoals het account</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Herno&amp;emen…</translation>
    </message>
    <message>
        <source>Same as the account</source>
        <translation>Zoals het account</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Geen handtekening</translation>
    </message>
    <message>
        <source>Default signature of {sender}</source>
        <translation>Standaardhandtekening van {sender}</translation>
    </message>
    <message>
        <source>New Signature</source>
        <translation>Nieuwe handtekening</translation>
    </message>
    <message>
        <source>There is a signature called “{name}” already.</source>
        <translation>Er is al een handtekening met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Kies een andere naam.</translation>
    </message>
    <message>
        <source>Rename Signature</source>
        <translation>Handtekening hernoemen</translation>
    </message>
    <message>
        <source>Delete signature</source>
        <translation>Handtekening verwijderen</translation>
    </message>
    <message>
        <source>Delete the signature “{name}”?</source>
        <translation>De handtekening “{name}” verwijderen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Messages already written keep it; senders that used it start without one.</source>
        <translation>Berichten die al geschreven zijn, houden hem; afzenders die hem gebruikten, beginnen zonder.</translation>
    </message>
    <message>
        <source>Choose an Image</source>
        <translation>Kies een afbeelding</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>This text could not be saved yet; correct it to keep it.</source>
        <translation>Deze tekst kon nog niet worden opgeslagen; verbeter hem om hem te bewaren.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Niet opgeslagen: {reason}</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot create the lock file {path}: check that the app&apos;s folder exists and that you may write to it.</source>
        <translation>Het vergrendelbestand {path} kan niet worden gemaakt: controleer of de map van de app bestaat en of je erin mag schrijven.</translation>
    </message>
    <message>
        <source>Cannot listen for later starts of the app ({reason}).</source>
        <translation>Kan niet luisteren naar latere starts van de app ({reason}).</translation>
    </message>
    <message>
        <source>SMTPeter Desktop is already running on this mailbox but does not answer. Close it (or end its process) and start the app again.</source>
        <translation>SMTPeter Desktop draait al op deze mailbox maar reageert niet. Sluit het (of beëindig het proces) en start de app opnieuw.</translation>
    </message>
</context>
<context>
    <name>SmtpeterTemplates</name>
    <message>
        <source>An unexpected problem; the details are in the log.</source>
        <translation>Een onverwacht probleem; de details staan in het logboek.</translation>
    </message>
    <message>
        <source>SMTPeter Templates</source>
        <translation>SMTPeter-sjablonen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Ask SMTPeter for the account&apos;s templates again</source>
        <translation>SMTPeter opnieuw om de sjablonen van het account vragen</translation>
    </message>
    <message>
        <source>Templates on SMTPeter</source>
        <translation>Sjablonen op SMTPeter</translation>
    </message>
    <message>
        <source>Template preview</source>
        <translation>Voorbeeld van het sjabloon</translation>
    </message>
    <message>
        <source>The chosen template, as SMTPeter shows it.</source>
        <translation>Het gekozen sjabloon, zoals SMTPeter het toont.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Recipients, separated by commas</source>
        <translation>Ontvangers, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Send it</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Aan:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message>
        <source>None of your accounts uses SMTPeter&apos;s REST API, through which its templates are reached. Add one under Accounts, with an API token.</source>
        <translation>Geen van je accounts gebruikt de REST-API van SMTPeter, waarmee de sjablonen bereikt worden. Voeg er een toe onder Accounts, met een API-token.</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Asking SMTPeter for the templates…</source>
        <translation>SMTPeter wordt om de sjablonen gevraagd…</translation>
    </message>
    <message>
        <source>This account has no templates on SMTPeter yet; make one in SMTPeter&apos;s dashboard.</source>
        <translation>Dit account heeft nog geen sjablonen op SMTPeter; maak er een in het dashboard van SMTPeter.</translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {reason}</source>
        <translation>SMTPeter kon niet worden gevraagd: {reason}</translation>
    </message>
    <message>
        <source>Loading the template…</source>
        <translation>Het sjabloon wordt geladen…</translation>
    </message>
    <message>
        <source>Left empty: SMTPeter&apos;s default for {name}</source>
        <translation>Leeg gelaten: de standaard van SMTPeter voor {name}</translation>
    </message>
    <message>
        <source>Fill in the template&apos;s placeholders; each recipient gets the same values.</source>
        <translation>Vul de plaatshouders van het sjabloon in; elke ontvanger krijgt dezelfde waarden.</translation>
    </message>
    <message>
        <source>This template has no placeholders to fill in.</source>
        <translation>Dit sjabloon heeft geen plaatshouders om in te vullen.</translation>
    </message>
    <message>
        <source>Who is it for? Fill in To.</source>
        <translation>Voor wie is het? Vul Aan in.</translation>
    </message>
    <message>
        <source>Send it again?</source>
        <translation>Opnieuw verzenden?</translation>
    </message>
    <message>
        <source>The last send of this template may have gone out.</source>
        <translation>De laatste verzending van dit sjabloon is misschien vertrokken.</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
    <message>
        <source>Look in SMTPeter&apos;s logs first: sending again may deliver it twice.</source>
        <translation>Kijk eerst in de logboeken van SMTPeter: opnieuw verzenden kan het twee keer bezorgen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Bezig met verzenden…</translation>
    </message>
    <message>
        <source>Sent. SMTPeter&apos;s message ids: {ids}</source>
        <translation>Verzonden. Bericht-id&apos;s van SMTPeter: {ids}</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Verzonden.</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Niet verzonden: {reason}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
</context>
<context>
    <name>SpellRows</name>
    <message>
        <source>Underline misspelled words</source>
        <translation>Spelfouten onderstrepen</translation>
    </message>
    <message>
        <source>Spell check in the message editor</source>
        <translation>Spellingcontrole in de berichteditor</translation>
    </message>
    <message>
        <source>Default spelling language</source>
        <translation>Standaardtaal voor spelling</translation>
    </message>
    <message>
        <source>The language a new message is checked in; each message can choose its own above the editor</source>
        <translation>De taal waarin een nieuw bericht wordt gecontroleerd; elk bericht kan boven de editor zijn eigen taal kiezen</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <source>New messages &amp;in:</source>
        <translation>Nieuwe berichten &amp;in:</translation>
    </message>
    <message>
        <source>Default la&amp;nguage:</source>
        <translation type="vanished">Standaardtaa&amp;l:</translation>
    </message>
    <message>
        <source>The system&apos;s: {language}</source>
        <translation>Die van het systeem: {language}</translation>
    </message>
    <message>
        <source>Default lang&amp;uage:</source>
        <translation type="vanished">Standaardt&amp;aal:</translation>
    </message>
</context>
<context>
    <name>Speller</name>
    <message>
        <source>No suggestions</source>
        <translation>Geen suggesties</translation>
    </message>
    <message>
        <source>Add “{word}” to Dictionary</source>
        <translation>“{word}” aan woordenboek toevoegen</translation>
    </message>
    <message>
        <source>Ignore “{word}”</source>
        <translation>“{word}” negeren</translation>
    </message>
    <message>
        <source>Not underlined again until the app closes</source>
        <translation>Niet meer onderstreept tot de app sluit</translation>
    </message>
    <message>
        <source>“{word}” was not added to your dictionary.</source>
        <translation>“{word}” is niet aan je woordenboek toegevoegd.</translation>
    </message>
</context>
<context>
    <name>SpellingControls</name>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Duits</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Frans</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>Spellingtaal</translation>
    </message>
    <message>
        <source>The language this message&apos;s spelling is checked in (Settings turns spell check off)</source>
        <translation>De taal waarin de spelling van dit bericht wordt gecontroleerd (in Instellingen zet je de spellingcontrole uit)</translation>
    </message>
    <message>
        <source>Spelling:</source>
        <translation>Spelling:</translation>
    </message>
    <message>
        <source>Spelling notice</source>
        <translation>Melding over spelling</translation>
    </message>
    <message>
        <source>No spelling dictionary for {language} is installed, so spelling is not checked.</source>
        <translation>Er is geen spellingwoordenboek voor {language} geïnstalleerd, dus de spelling wordt niet gecontroleerd.</translation>
    </message>
</context>
<context>
    <name>TemplateDialogs</name>
    <message>
        <source>Template name:</source>
        <translation>Naam van het sjabloon:</translation>
    </message>
    <message>
        <source>There is nothing to keep as a template yet.</source>
        <translation>Er is nog niets om als sjabloon te bewaren.</translation>
    </message>
    <message>
        <source>Write a subject or some text first.</source>
        <translation>Schrijf eerst een onderwerp of wat tekst.</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>Opslaan als sjabloon</translation>
    </message>
    <message>
        <source>Replace template</source>
        <translation>Sjabloon vervangen</translation>
    </message>
    <message>
        <source>There is a template called “{name}” already.</source>
        <translation>Er is al een sjabloon met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Replace it with this message, or cancel and choose another name.</source>
        <translation>Vervang het door dit bericht, of annuleer en kies een andere naam.</translation>
    </message>
    <message>
        <source>The template was not saved: {reason}</source>
        <translation>Het sjabloon is niet opgeslagen: {reason}</translation>
    </message>
    <message>
        <source>Saved as the template “{name}”.</source>
        <translation>Opgeslagen als het sjabloon “{name}”.</translation>
    </message>
    <message>
        <source>Start a message from it with File ▸ New from Template…</source>
        <translation>Begin er een bericht mee via Bestand ▸ Nieuw vanuit sjabloon…</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Sjablonen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>No templates yet. Write a message and choose File ▸ Save as Template… to keep it as one.</source>
        <translation>Nog geen sjablonen. Schrijf een bericht en kies Bestand ▸ Opslaan als sjabloon… om het als sjabloon te bewaren.</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Nieuw bericht</translation>
    </message>
    <message>
        <source>Start a new message from the template</source>
        <translation>Een nieuw bericht beginnen vanuit het sjabloon</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="vanished">&amp;Hernoemen…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Herno&amp;emen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Start a new message from a template; the template stays as it is. Its attachments are taken from where they are now.</source>
        <translation>Een nieuw bericht beginnen vanuit een sjabloon; het sjabloon blijft zoals het is. De bijlagen worden genomen van waar ze nu staan.</translation>
    </message>
    <message>
        <source>No message could be made from it: {reason}</source>
        <translation>Er kon geen bericht van worden gemaakt: {reason}</translation>
    </message>
    <message>
        <source>Rename Template</source>
        <translation>Sjabloon hernoemen</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Sjabloon verwijderen</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>Het sjabloon “{name}” verwijderen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Messages made from it stay as they are.</source>
        <translation>Berichten die ermee gemaakt zijn, blijven zoals ze zijn.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Take the message back into the compose pane; nothing is sent</source>
        <translation>Het bericht terugnemen in het opstelvenster; er wordt niets verzonden</translation>
    </message>
    <message>
        <source>Send it without waiting</source>
        <translation>Het verzenden zonder te wachten</translation>
    </message>
    <message>
        <source>Sending {what} in {seconds} s…</source>
        <translation>{what} wordt over {seconds} s verzonden…</translation>
    </message>
</context>
<context>
    <name>_Chip</name>
    <message>
        <source>Attachment {name}</source>
        <translation>Bijlage {name}</translation>
    </message>
    <message>
        <source>Show in message</source>
        <translation>In bericht tonen</translation>
    </message>
    <message>
        <source>Show the picture inside the message rather than as a separate file</source>
        <translation>De afbeelding in het bericht tonen in plaats van als apart bestand</translation>
    </message>
    <message>
        <source>Show {name} in message</source>
        <translation>{name} in bericht tonen</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} verwijderen</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>niet gevonden</translation>
    </message>
    <message>
        <source>{name} is no longer at {path}. Put it back, or remove it.</source>
        <translation>{name} staat niet meer op {path}. Zet het terug, of verwijder het.</translation>
    </message>
</context>
<context>
    <name>_InlineChip</name>
    <message>
        <source>Image in the text {name}</source>
        <translation>Afbeelding in de tekst {name}</translation>
    </message>
    <message>
        <source>{path}
Shown in the text, so it goes inside the message. Remove the reference from the text to leave it out.</source>
        <translation>{path}
Getoond in de tekst, dus het gaat in het bericht mee. Haal de verwijzing uit de tekst om het weg te laten.</translation>
    </message>
    <message>
        <source>{size} · in the text</source>
        <translation>{size} · in de tekst</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open {name} with its usual program</source>
        <translation>{name} met het gebruikelijke programma openen</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>{name} openen</translation>
    </message>
    <message>
        <source>the image</source>
        <translation>de afbeelding</translation>
    </message>
    <message>
        <source>no program opens it</source>
        <translation>geen programma opent het</translation>
    </message>
</context>
<context>
    <name>address_field</name>
    <message>
        <source>“{entry}” is not a valid address: {reason}</source>
        <translation>“{entry}” is geen geldig adres: {reason}</translation>
    </message>
    <message>
        <source>{count} addresses.</source>
        <translation>{count} adressen.</translation>
    </message>
    <message>
        <source> (+ {count} more)</source>
        <translation> (+ nog {count})</translation>
    </message>
    <message>
        <source> · {count} addresses</source>
        <translation> · {count} adressen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Antwoord-aan</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{app} needs a graphical desktop, and none was found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run `make run`, which starts a virtual screen, or `xvfb-run {slug}`.</source>
        <translation>{app} heeft een grafisch bureaublad nodig, en er is er geen gevonden (DISPLAY noch WAYLAND_DISPLAY is ingesteld). Voer `make run` uit, dat een virtueel scherm start, of `xvfb-run {slug}`.</translation>
    </message>
    <message>
        <source>cannot write the log in {folder}: {reason}</source>
        <translation>kan het logboek niet schrijven in {folder}: {reason}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>gebruik: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>positionele argumenten</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opties</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>deze hulptekst tonen en stoppen</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>onbekende argumenten: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>niet toegestaan samen met argument %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>de volgende argumenten zijn verplicht: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>een van de argumenten %s is verplicht</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>verwacht één argument</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>verwacht hoogstens één argument</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>verwacht minstens één argument</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>dubbelzinnige optie: %(option)s kan passen bij %(matches)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ongeldige %(type)s-waarde: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ongeldige keuze: %(value)r (kies uit %(choices)s)</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>expliciet argument %r genegeerd</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>kan &apos;%(filename)s&apos; niet openen: %(error)s</translation>
    </message>
</context>
<context>
    <name>check_panel</name>
    <message>
        <source>The message</source>
        <translation>Het bericht</translation>
    </message>
    <message>
        <source>Sender domain</source>
        <translation>Afzenderdomein</translation>
    </message>
    <message>
        <source>What SMTPeter will change</source>
        <translation>Wat SMTPeter zal wijzigen</translation>
    </message>
    <message>
        <source>HTML in mail programs</source>
        <translation>HTML in mailprogramma&apos;s</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Spam score</source>
        <translation>Spamscore</translation>
    </message>
    <message>
        <source>Size and parts</source>
        <translation>Grootte en delen</translation>
    </message>
    <message>
        <source>SpamAssassin is not installed: apt install spamassassin</source>
        <translation>SpamAssassin is niet geïnstalleerd: apt install spamassassin</translation>
    </message>
    <message>
        <source>Choose the From address first: the check needs its account.</source>
        <translation>Kies eerst het Van-adres: de controle heeft het account nodig.</translation>
    </message>
    <message>
        <source>1 problem blocks sending</source>
        <translation>1 probleem blokkeert het verzenden</translation>
    </message>
    <message>
        <source>{count} problems block sending</source>
        <translation>{count} problemen blokkeren het verzenden</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 waarschuwing</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} waarschuwingen</translation>
    </message>
    <message>
        <source>Nothing blocks sending</source>
        <translation>Niets blokkeert het verzenden</translation>
    </message>
    <message>
        <source>HTML compatibility {score}/100</source>
        <translation>HTML-compatibiliteit {score}/100</translation>
    </message>
    <message>
        <source>spam score: checking…</source>
        <translation>spamscore: bezig met controleren…</translation>
    </message>
    <message>
        <source>spam score {score} (spam from {threshold})</source>
        <translation>spamscore {score} (spam vanaf {threshold})</translation>
    </message>
    <message>
        <source>spam score {score}</source>
        <translation>spamscore {score}</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Wat te doen:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… en nog {count}</translation>
    </message>
</context>
<context>
    <name>check_view</name>
    <message>
        <source>Find the server</source>
        <translation>De server vinden</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Secure connection (TLS)</source>
        <translation>Beveiligde verbinding (TLS)</translation>
    </message>
    <message>
        <source>Server greeting</source>
        <translation>Begroeting van de server</translation>
    </message>
    <message>
        <source>Introduce ourselves</source>
        <translation>Onszelf voorstellen</translation>
    </message>
    <message>
        <source>Secure connection (STARTTLS)</source>
        <translation>Beveiligde verbinding (STARTTLS)</translation>
    </message>
    <message>
        <source>Introduce ourselves again</source>
        <translation>Onszelf opnieuw voorstellen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Say goodbye</source>
        <translation>Afscheid nemen</translation>
    </message>
    <message>
        <source>Reach the API</source>
        <translation>De API bereiken</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-token</translation>
    </message>
    <message>
        <source>Sender domains</source>
        <translation>Afzenderdomeinen</translation>
    </message>
</context>
<context>
    <name>cli.arguments</name>
    <message>
        <source>rewrite links to count clicks</source>
        <translation>links herschrijven om klikken te tellen</translation>
    </message>
    <message>
        <source>count opens</source>
        <translation>openen tellen</translation>
    </message>
    <message>
        <source>let SMTPeter move &lt;style&gt; rules into the elements</source>
        <translation>SMTPeter &lt;style&gt;-regels in de elementen laten zetten</translation>
    </message>
    <message>
        <source>let SMTPeter handle bounces</source>
        <translation>SMTPeter bounces laten afhandelen</translation>
    </message>
    <message>
        <source>{APP_NAME}: write mail in Markdown and send it through SMTPeter. With no command, the window opens.</source>
        <translation>{APP_NAME}: schrijf mail in Markdown en verzend die via SMTPeter. Zonder opdracht opent het venster.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>de versie tonen en stoppen</translation>
    </message>
    <message>
        <source>applications menu (Linux)</source>
        <translation>toepassingenmenu (Linux)</translation>
    </message>
    <message>
        <source>add the app to the applications menu, with its icon</source>
        <translation>de app aan het toepassingenmenu toevoegen, met zijn pictogram</translation>
    </message>
    <message>
        <source>remove it from the menu again</source>
        <translation>hem weer uit het menu verwijderen</translation>
    </message>
    <message>
        <source>for every user (/usr/local/share; needs root)</source>
        <translation>voor elke gebruiker (/usr/local/share; vereist root)</translation>
    </message>
    <message>
        <source>the program the menu starts</source>
        <translation>het programma dat het menu start</translation>
    </message>
    <message>
        <source>with --install-desktop-entry: also install the send-due timer (below), so scheduled mail goes while the window is closed; with --uninstall-desktop-entry: remove it too</source>
        <translation>met --install-desktop-entry: installeer ook de send-due-timer (hieronder), zodat geplande mail verstuurd wordt terwijl het venster dicht is; met --uninstall-desktop-entry: verwijder die ook</translation>
    </message>
    <message>
        <source>sending scheduled mail while the window is closed</source>
        <translation>geplande mail verzenden terwijl het venster gesloten is</translation>
    </message>
    <message>
        <source>remove that timer again</source>
        <translation>die timer weer verwijderen</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>opdrachten</translation>
    </message>
    <message>
        <source>Turn a Markdown file into a complete e-mail message and save it as .eml.</source>
        <translation>Een Markdown-bestand omzetten in een volledig e-mailbericht en opslaan als .eml.</translation>
    </message>
    <message>
        <source>where to write it; - (or /dev/stdout) writes to standard output</source>
        <translation>waar het heen geschreven wordt; - (of /dev/stdout) schrijft naar standaarduitvoer</translation>
    </message>
    <message>
        <source>who it is from, e.g. &quot;Ann Lee &lt;ann@example.com&gt;&quot;</source>
        <translation>van wie het is, bijv. &quot;Ann Lee &lt;ann@example.com&gt;&quot;</translation>
    </message>
    <message>
        <source>recipients; repeat the option or separate with commas</source>
        <translation>ontvangers; herhaal de optie of scheid met komma&apos;s</translation>
    </message>
    <message>
        <source>visible copies</source>
        <translation>zichtbare kopieën</translation>
    </message>
    <message>
        <source>blind copies: in the envelope, never in the header</source>
        <translation>blinde kopieën: in de envelop, nooit in de kop</translation>
    </message>
    <message>
        <source>where replies go</source>
        <translation>waar antwoorden heen gaan</translation>
    </message>
    <message>
        <source>the subject line</source>
        <translation>de onderwerpregel</translation>
    </message>
    <message>
        <source>the message text in Markdown; - reads standard input</source>
        <translation>de berichttekst in Markdown; - leest standaardinvoer</translation>
    </message>
    <message>
        <source>attach a file (repeatable)</source>
        <translation>een bestand bijvoegen (herhaalbaar)</translation>
    </message>
    <message>
        <source>Build a message from Markdown, check it, and send it through a profile. A message that cannot go now stays in the outbox.</source>
        <translation>Een bericht uit Markdown maken, controleren en via een profiel verzenden. Een bericht dat nu niet weg kan, blijft in Postvak UIT.</translation>
    </message>
    <message>
        <source>the profile to send with</source>
        <translation>het profiel om mee te verzenden</translation>
    </message>
    <message>
        <source>read the REST API token from standard input, for this command only</source>
        <translation>het REST API-token van standaardinvoer lezen, alleen voor deze opdracht</translation>
    </message>
    <message>
        <source>send despite warnings</source>
        <translation>verzenden ondanks waarschuwingen</translation>
    </message>
    <message>
        <source>a value for the SMTPeter template&apos;s {$KEY} (repeatable)</source>
        <translation>een waarde voor {$KEY} van het SMTPeter-sjabloon (herhaalbaar)</translation>
    </message>
    <message>
        <source>put this signature below the text (default: the sender&apos;s default signature)</source>
        <translation>deze handtekening onder de tekst zetten (standaard: de standaardhandtekening van de afzender)</translation>
    </message>
    <message>
        <source>no signature, not even the default</source>
        <translation>geen handtekening, ook niet de standaard</translation>
    </message>
    <message>
        <source>send at this time, in your own time zone; the app holds the message until then</source>
        <translation>op dit tijdstip verzenden, in je eigen tijdzone; de app houdt het bericht tot dan vast</translation>
    </message>
    <message>
        <source>send after a delay: 30m, 2h, 1d</source>
        <translation>na een wachttijd verzenden: 30m, 2h, 1d</translation>
    </message>
    <message>
        <source>an SMTPeter tag (repeatable)</source>
        <translation>een SMTPeter-label (herhaalbaar)</translation>
    </message>
    <message>
        <source>{help_text} (default: the profile&apos;s setting)</source>
        <translation>{help_text} (standaard: de instelling van het profiel)</translation>
    </message>
    <message>
        <source>leave links alone whose text is itself a web address</source>
        <translation>links met een webadres als tekst ongemoeid laten</translation>
    </message>
    <message>
        <source>let SMTPeter host the images</source>
        <translation>SMTPeter de afbeeldingen laten hosten</translation>
    </message>
    <message>
        <source>a List-Unsubscribe web address (https://...) for readers to leave the list</source>
        <translation>een List-Unsubscribe-webadres (https://...) waarmee lezers zich afmelden</translation>
    </message>
    <message>
        <source>a List-Unsubscribe address to write to</source>
        <translation>een List-Unsubscribe-adres om naar te schrijven</translation>
    </message>
    <message>
        <source>
exit codes:
  0  nothing blocks the send (warnings and notes may be listed)
  1  something blocks it (or, with --strict, something warns): see the lines marked BLOCKS
  2  bad input: the check could not run; the message says what to fix
</source>
        <translation type="vanished">afsluitcodes:
  0  niets blokkeert het verzenden (waarschuwingen en opmerkingen kunnen getoond worden)
  1  iets blokkeert het (of, met --strict, iets waarschuwt): zie de regels met BLOCKS
  2  foute invoer: de controle kon niet draaien; de melding zegt wat te verbeteren
</translation>
    </message>
    <message>
        <source>Say everything that would stop or spoil a message, without sending it: whether the From domain is a sender domain of the account with its DNS in order, what SMTPeter will change (tracked links, the open pixel, hosted images), what mail programs drop, links that look wrong, SpamAssassin&apos;s score, and missing parts.</source>
        <translation>Alles noemen wat een bericht zou tegenhouden of bederven, zonder het te verzenden: of het Van-domein een afzenderdomein van het account is met de DNS in orde, wat SMTPeter zal wijzigen (gevolgde links, de openpixel, gehoste afbeeldingen), wat mailprogramma&apos;s weglaten, links die er verkeerd uitzien, de score van SpamAssassin, en ontbrekende delen.</translation>
    </message>
    <message>
        <source>the account to check on</source>
        <translation>het account om op te controleren</translation>
    </message>
    <message>
        <source>who it is from (default: the profile&apos;s)</source>
        <translation>van wie het is (standaard: die van het profiel)</translation>
    </message>
    <message>
        <source>as for send (repeatable)</source>
        <translation>zoals bij send (herhaalbaar)</translation>
    </message>
    <message>
        <source>attach a file</source>
        <translation>een bestand bijvoegen</translation>
    </message>
    <message>
        <source>print the findings as JSON</source>
        <translation>de bevindingen als JSON tonen</translation>
    </message>
    <message>
        <source>ask SMTPeter about the sender domain again (its answers are kept a day)</source>
        <translation>SMTPeter opnieuw naar het afzenderdomein vragen (de antwoorden worden een dag bewaard)</translation>
    </message>
    <message>
        <source>skip SpamAssassin (it takes a second)</source>
        <translation>SpamAssassin overslaan (dat duurt een seconde)</translation>
    </message>
    <message>
        <source>exit 1 on warnings too, not only what blocks</source>
        <translation>ook bij waarschuwingen met 1 stoppen, niet alleen bij wat blokkeert</translation>
    </message>
    <message>
        <source>Profiles hold how to reach SMTPeter; their passwords and tokens are kept in the system keyring, never in a file.</source>
        <translation>Profielen bevatten hoe SMTPeter bereikt wordt; hun wachtwoorden en tokens worden in de sleutelbos van het systeem bewaard, nooit in een bestand.</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>acties</translation>
    </message>
    <message>
        <source>add a profile for the SMTP or the REST API</source>
        <translation>een profiel toevoegen voor de SMTP- of de REST-API</translation>
    </message>
    <message>
        <source>what to call it</source>
        <translation>hoe het heet</translation>
    </message>
    <message>
        <source>SMTP server, e.g. mail.smtpeter.com</source>
        <translation>SMTP-server, bijv. mail.smtpeter.com</translation>
    </message>
    <message>
        <source>use SMTPeter&apos;s REST API</source>
        <translation>de REST-API van SMTPeter gebruiken</translation>
    </message>
    <message>
        <source>STARTTLS (ports 587, 25, 2525; the default) or TLS from the start (465)</source>
        <translation>STARTTLS (poorten 587, 25, 2525; de standaard) of TLS vanaf het begin (465)</translation>
    </message>
    <message>
        <source>the SMTP login</source>
        <translation>de SMTP-login</translation>
    </message>
    <message>
        <source>the REST API&apos;s base URL (default: SMTPeter&apos;s)</source>
        <translation type="vanished">de basis-URL van de REST-API (standaard: die van SMTPeter)</translation>
    </message>
    <message>
        <source>a CA certificate to trust</source>
        <translation>een CA-certificaat om te vertrouwen</translation>
    </message>
    <message>
        <source>a sender this profile may use (repeatable)</source>
        <translation>een afzender die dit profiel mag gebruiken (herhaalbaar)</translation>
    </message>
    <message>
        <source>list the profiles (never a secret)</source>
        <translation>de profielen tonen (nooit een geheim)</translation>
    </message>
    <message>
        <source>remove a profile and its stored secret</source>
        <translation>een profiel en zijn opgeslagen geheim verwijderen</translation>
    </message>
    <message>
        <source>rename a profile; its secret stays</source>
        <translation>een profiel hernoemen; het geheim blijft</translation>
    </message>
    <message>
        <source>store a profile&apos;s password or token</source>
        <translation type="vanished">het wachtwoord of token van een profiel opslaan</translation>
    </message>
    <message>
        <source>the REST API&apos;s base URL (default: SMTPeter&apos;s); for an SMTP profile, where its checks ask (with --check-token-stdin)</source>
        <translation>de basis-URL van de REST-API (standaard: die van SMTPeter); voor een SMTP-profiel: waar de controles het vragen (met --check-token-stdin)</translation>
    </message>
    <message>
        <source>store a profile&apos;s password or token, or its REST token for checks</source>
        <translation>het wachtwoord of token van een profiel opslaan, of zijn REST-token voor controles</translation>
    </message>
    <message>
        <source>test the connection stage by stage, sending nothing</source>
        <translation>de verbinding stap voor stap testen, zonder iets te verzenden</translation>
    </message>
    <message>
        <source>SMTP profiles: remove the stored REST token for checks</source>
        <translation>SMTP-profielen: het opgeslagen REST-token voor controles verwijderen</translation>
    </message>
    <message>
        <source>read the SMTP password from standard input</source>
        <translation>het SMTP-wachtwoord van standaardinvoer lezen</translation>
    </message>
    <message>
        <source>read the REST API token from standard input</source>
        <translation>het REST API-token van standaardinvoer lezen</translation>
    </message>
    <message>
        <source>Messages waiting to be sent, those that failed, and those whose outcome is unknown (the server may have taken them).</source>
        <translation>Berichten die wachten om verzonden te worden, die mislukten, en die met een onbekende uitkomst (de server heeft ze misschien aangenomen).</translation>
    </message>
    <message>
        <source>list the outbox (the default)</source>
        <translation>Postvak UIT tonen (de standaard)</translation>
    </message>
    <message>
        <source>send it now (after a failure, or once you decided to resend)</source>
        <translation>het nu verzenden (na een mislukking, of als je besloten hebt het opnieuw te verzenden)</translation>
    </message>
    <message>
        <source>delete it without sending</source>
        <translation>het verwijderen zonder te verzenden</translation>
    </message>
    <message>
        <source>make it a draft again, to change it in the window</source>
        <translation>het weer een concept maken, om het in het venster te wijzigen</translation>
    </message>
    <message>
        <source>you found it arrived: move an unknown message to Sent</source>
        <translation>je ontdekte dat het aankwam: een bericht met onbekende uitkomst naar Verzonden verplaatsen</translation>
    </message>
    <message>
        <source>the message&apos;s number in the list</source>
        <translation>het nummer van het bericht in de lijst</translation>
    </message>
    <message>
        <source>send the messages whose time has come, then exit (what the send-due timer runs)</source>
        <translation>de berichten verzenden waarvan de tijd gekomen is en stoppen (wat de verzendtimer uitvoert)</translation>
    </message>
    <message>
        <source>keep running and look again every SECONDS (for a login session without systemd)</source>
        <translation>blijven draaien en elke SECONDS seconden opnieuw kijken (voor een sessie zonder systemd)</translation>
    </message>
    <message>
        <source>change when a waiting message goes</source>
        <translation>wijzigen wanneer een wachtend bericht vertrekt</translation>
    </message>
    <message>
        <source>send it at the next chance</source>
        <translation>het bij de eerstvolgende kans verzenden</translation>
    </message>
    <message>
        <source>cancel a scheduled send: the message becomes a draft again</source>
        <translation>een geplande verzending annuleren: het bericht wordt weer een concept</translation>
    </message>
    <message>
        <source>Drafts saved by the window (or left by a cancelled send). Nothing here renders the Markdown, so a draft that troubles the window can still be removed.</source>
        <translation>Concepten die het venster bewaarde (of die een geannuleerde verzending achterliet). Hier wordt de Markdown niet opgemaakt, dus een concept waar het venster last van heeft, kan toch verwijderd worden.</translation>
    </message>
    <message>
        <source>list the drafts (the default)</source>
        <translation>de concepten tonen (de standaard)</translation>
    </message>
    <message>
        <source>print a draft: its fields, then its Markdown (redirect it to a .md file)</source>
        <translation>een concept tonen: de velden, daarna de Markdown (stuur het naar een .md-bestand)</translation>
    </message>
    <message>
        <source>the draft&apos;s number in the list</source>
        <translation>het nummer van het concept in de lijst</translation>
    </message>
    <message>
        <source>delete a draft for good</source>
        <translation>een concept definitief verwijderen</translation>
    </message>
    <message>
        <source>Signatures are Markdown put below a &apos;-- &apos; line at the end of a message. Each sender (a profile, or one of its From addresses) may have a default one, which send and the window put in unless told otherwise.</source>
        <translation>Handtekeningen zijn Markdown onder een regel &apos;-- &apos; aan het eind van een bericht. Elke afzender (een profiel, of een van zijn Van-adressen) kan een standaardhandtekening hebben, die send en het venster invoegen tenzij anders gezegd.</translation>
    </message>
    <message>
        <source>list the signatures (the default)</source>
        <translation>de handtekeningen tonen (de standaard)</translation>
    </message>
    <message>
        <source>add a signature, or replace the one with this name</source>
        <translation>een handtekening toevoegen, of die met deze naam vervangen</translation>
    </message>
    <message>
        <source>its text, in Markdown</source>
        <translation>de tekst, in Markdown</translation>
    </message>
    <message>
        <source>remove a signature</source>
        <translation>een handtekening verwijderen</translation>
    </message>
    <message>
        <source>the signature a profile (or one of its From addresses) starts with</source>
        <translation>de handtekening waarmee een profiel (of een van zijn Van-adressen) begint</translation>
    </message>
    <message>
        <source>the signature; &apos;none&apos; for no signature</source>
        <translation>de handtekening; &apos;none&apos; voor geen handtekening</translation>
    </message>
    <message>
        <source>only for this From address</source>
        <translation>alleen voor dit Van-adres</translation>
    </message>
    <message>
        <source>Local templates are messages kept under a name, to start new ones from (send --template NAME). With --remote --profile P: the templates of that REST account on SMTPeter (send --smtpeter-template ID --data KEY=VALUE).</source>
        <translation>Lokale sjablonen zijn berichten die onder een naam bewaard worden, om nieuwe mee te beginnen (send --template NAME). Met --remote --profile P: de sjablonen van dat REST-account op SMTPeter (send --smtpeter-template ID --data KEY=VALUE).</translation>
    </message>
    <message>
        <source>list the templates (the default)</source>
        <translation>de sjablonen tonen (de standaard)</translation>
    </message>
    <message>
        <source>save a message as a template</source>
        <translation>een bericht als sjabloon opslaan</translation>
    </message>
    <message>
        <source>replace a template of that name</source>
        <translation>een sjabloon met die naam vervangen</translation>
    </message>
    <message>
        <source>the profile it is sent with</source>
        <translation>het profiel waarmee het verzonden wordt</translation>
    </message>
    <message>
        <source>print a template: its fields, then its Markdown (or SMTPeter&apos;s HTML)</source>
        <translation>een sjabloon tonen: de velden, daarna de Markdown (of de HTML van SMTPeter)</translation>
    </message>
    <message>
        <source>its name or number (--remote: SMTPeter&apos;s id)</source>
        <translation>de naam of het nummer (--remote: het id van SMTPeter)</translation>
    </message>
    <message>
        <source>give a template another name</source>
        <translation>een sjabloon een andere naam geven</translation>
    </message>
    <message>
        <source>delete a template</source>
        <translation>een sjabloon verwijderen</translation>
    </message>
    <message>
        <source>SMTPeter&apos;s templates of a REST account</source>
        <translation>de sjablonen van SMTPeter voor een REST-account</translation>
    </message>
    <message>
        <source>the REST account (--remote)</source>
        <translation>het REST-account (--remote)</translation>
    </message>
    <message>
        <source>Send one message to every row of a CSV list, each person their own mail, with placeholders such as {$firstname}, {$name|default:&quot;friend&quot;} and {if $vip}...{/if}. Every row is checked first; nothing is sent while a row has a problem. Run the same command again to resume a merge that was stopped.</source>
        <translation>Eén bericht naar elke rij van een CSV-lijst sturen, iedereen een eigen mail, met plaatshouders zoals {$firstname}, {$name|default:&quot;vriend&quot;} en {if $vip}...{/if}. Elke rij wordt eerst gecontroleerd; er wordt niets verzonden zolang een rij een probleem heeft. Voer dezelfde opdracht opnieuw uit om een gestopte samenvoeging te hervatten.</translation>
    </message>
    <message>
        <source>
exit codes:
  0  done (every row sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: some rows failed (the results file says which and why)
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
</source>
        <translation type="vanished">afsluitcodes:
  0  klaar (elke rij verzonden)
  2  foute invoer: de melding zegt wat te verbeteren
  3  authenticatie of TLS: het wachtwoord, token of certificaat is geweigerd
  4  geweigerd: sommige rijen zijn mislukt (het resultatenbestand zegt welke en waarom)
  5  tijdelijke fout: probeer het later (het bericht, of de ontvangers die voorlopig
     zijn uitgesteld, wacht in Postvak UIT)
  6  uitkomst onbekend: het bericht is misschien verzonden; kijk voordat je opnieuw verzendt
130  onderbroken (Ctrl+C): er is niets meer verzonden; het bericht is bewaard, vastgehouden
</translation>
    </message>
    <message>
        <source>the message in Markdown</source>
        <translation>het bericht in Markdown</translation>
    </message>
    <message>
        <source>the subject line, with placeholders</source>
        <translation>de onderwerpregel, met plaatshouders</translation>
    </message>
    <message>
        <source>the list, with a header row</source>
        <translation>de lijst, met een kopregel</translation>
    </message>
    <message>
        <source>who it is from (default: the profile&apos;s first sender)</source>
        <translation>van wie het is (standaard: de eerste afzender van het profiel)</translation>
    </message>
    <message>
        <source>the column with the addresses (default: recognised from the header)</source>
        <translation>de kolom met de adressen (standaard: herkend uit de kopregel)</translation>
    </message>
    <message>
        <source>the name shown in To, e.g. &quot;{$first} {$last}&quot; (default: the address alone)</source>
        <translation>de naam in Aan, bijv. &quot;{$first} {$last}&quot; (standaard: alleen het adres)</translation>
    </message>
    <message>
        <source>at most this many messages a minute, e.g. 60/min or 600/hour (default: unlimited)</source>
        <translation>hoogstens zoveel berichten per minuut, bijv. 60/min of 600/hour (standaard: onbeperkt)</translation>
    </message>
    <message>
        <source>send one row to ADDR only, its subject starting with [Test], and stop</source>
        <translation>één rij alleen naar ADDR sturen, met een onderwerp dat begint met [Test], en stoppen</translation>
    </message>
    <message>
        <source>the row --test-to sends, numbered as in a spreadsheet (default: the first)</source>
        <translation>de rij die --test-to verzendt, genummerd zoals in een spreadsheet (standaard: de eerste)</translation>
    </message>
    <message>
        <source>check every row and print the table of rows and problems; send nothing</source>
        <translation>elke rij controleren en de tabel van rijen en problemen tonen; niets verzenden</translation>
    </message>
    <message>
        <source>send the rows that check and leave the rows with problems</source>
        <translation>de rijen verzenden die in orde zijn en de rijen met problemen laten staan</translation>
    </message>
    <message>
        <source>cancel this merge where it was stopped: the rows not sent yet will not be</source>
        <translation>deze samenvoeging annuleren waar hij gestopt is: de rijen die nog niet verzonden zijn, worden dat niet meer</translation>
    </message>
    <message>
        <source>send without asking</source>
        <translation>verzenden zonder te vragen</translation>
    </message>
    <message>
        <source>write a Markdown file as an e-mail message (.eml)</source>
        <translation>een Markdown-bestand als e-mailbericht (.eml) schrijven</translation>
    </message>
    <message>
        <source>send a Markdown file as an e-mail message</source>
        <translation>een Markdown-bestand als e-mailbericht verzenden</translation>
    </message>
    <message>
        <source>send one Markdown message to each person of a list, personalised</source>
        <translation>één Markdown-bericht naar iedereen op een lijst sturen, persoonlijk gemaakt</translation>
    </message>
    <message>
        <source>check a message before sending: sender domain, links, HTML, spam score</source>
        <translation>een bericht vóór verzenden controleren: afzenderdomein, links, HTML, spamscore</translation>
    </message>
    <message>
        <source>manage the accounts mail is sent with</source>
        <translation>de accounts beheren waarmee mail verzonden wordt</translation>
    </message>
    <message>
        <source>list, retry, edit or discard messages that have not gone out</source>
        <translation>berichten die nog niet vertrokken zijn tonen, opnieuw proberen, bewerken of weggooien</translation>
    </message>
    <message>
        <source>list sent mail with SMTPeter&apos;s message ids</source>
        <translation>verzonden mail tonen met de bericht-id&apos;s van SMTPeter</translation>
    </message>
    <message>
        <source>fetch a sent message&apos;s delivery events from SMTPeter (REST profiles)</source>
        <translation>de bezorggebeurtenissen van een verzonden bericht ophalen bij SMTPeter (REST-profielen)</translation>
    </message>
    <message>
        <source>list, show or delete saved drafts</source>
        <translation>opgeslagen concepten tonen, weergeven of verwijderen</translation>
    </message>
    <message>
        <source>list, add or remove signatures, and choose each sender&apos;s default</source>
        <translation>handtekeningen tonen, toevoegen of verwijderen, en de standaard van elke afzender kiezen</translation>
    </message>
    <message>
        <source>list, save, show, rename or delete templates; --remote: SMTPeter&apos;s own</source>
        <translation>sjablonen tonen, opslaan, weergeven, hernoemen of verwijderen; --remote: die van SMTPeter zelf</translation>
    </message>
    <message>
        <source>run a local stand-in for SMTPeter that delivers nothing</source>
        <translation>een lokale vervanger van SMTPeter draaien die niets bezorgt</translation>
    </message>
    <message>
        <source>Give up after: SMTPeter stops trying to deliver after this time (REST accounts only; SMTPeter has no SMTP header for it). In your own time; sent to SMTPeter in UTC.</source>
        <translation>Opgeven na: SMTPeter stopt na dit tijdstip met proberen te bezorgen (alleen REST-accounts; SMTPeter heeft er geen SMTP-kop voor). In je eigen tijd; in UTC naar SMTPeter gestuurd.</translation>
    </message>
    <message>
        <source>RFC 8058 one-click unsubscribe with --unsubscribe-url (Gmail and Yahoo ask it of bulk senders)</source>
        <translation>RFC 8058 afmelden met één klik bij --unsubscribe-url (Gmail en Yahoo vragen het van bulkverzenders)</translation>
    </message>
    <message>
        <source>Send every waiting message whose scheduled (or retry) time has passed. A message another SMTPeter Desktop is sending is left to it. A scheduled message found more than late_send_limit_hours (settings.toml) after its time is not sent: it is listed for you to decide.</source>
        <translation>Elk wachtend bericht verzenden waarvan de geplande tijd (of de tijd voor een nieuwe poging) voorbij is. Een bericht dat een andere SMTPeter Desktop aan het verzenden is, wordt daaraan overgelaten. Een gepland bericht dat meer dan late_send_limit_hours (settings.toml) na zijn tijd gevonden wordt, wordt niet verzonden: het wordt getoond zodat jij beslist.</translation>
    </message>
    <message>
        <source>ask each web link&apos;s server whether the page is there, a HEAD request per link (default: the check_links_online setting, off unless you turned it on)</source>
        <translation>de server van elke weblink vragen of de pagina er is, één HEAD-verzoek per link (standaard: de instelling check_links_online, uit tenzij je hem aanzette)</translation>
    </message>
    <message>
        <source>attach a file to every message (repeatable); per-person files go in an “attachment” column</source>
        <translation>een bestand bij elk bericht voegen (herhaalbaar); bestanden per persoon gaan in een kolom “attachment”</translation>
    </message>
    <message>
        <source>exit codes:
  0  done (every row sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: some rows failed (the results file says which and why)
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
</source>
        <translation>afsluitcodes:
  0  klaar (elke rij verzonden)
  2  foute invoer: de melding zegt wat te verbeteren
  3  authenticatie of TLS: het wachtwoord, token of certificaat is geweigerd
  4  geweigerd: sommige rijen zijn mislukt (het resultatenbestand zegt welke en waarom)
  5  tijdelijke fout: probeer het later (het bericht, of de ontvangers die voorlopig
     zijn uitgesteld, wacht in Postvak UIT)
  6  uitkomst onbekend: het bericht is misschien verzonden; kijk voordat je opnieuw verzendt
130  onderbroken (Ctrl+C): er is niets meer verzonden; het bericht is bewaard, vastgehouden
</translation>
    </message>
    <message>
        <source>exit codes:
  0  nothing blocks the send (warnings and notes may be listed)
  1  something blocks it (or, with --strict, something warns): see the lines marked BLOCKS
  2  bad input: the check could not run; the message says what to fix
</source>
        <translation>afsluitcodes:
  0  niets blokkeert het verzenden (waarschuwingen en opmerkingen kunnen getoond worden)
  1  iets blokkeert het (of, met --strict, iets waarschuwt): zie de regels met BLOCKS
  2  foute invoer: de controle kon niet draaien; de melding zegt wat te verbeteren
</translation>
    </message>
    <message>
        <source>read the SMTP password from standard input, for this command only (instead of a stored one; for scripts, or when no keyring works)</source>
        <translation>het SMTP-wachtwoord van standaardinvoer lezen, alleen voor deze opdracht (in plaats van een opgeslagen wachtwoord; voor scripts, of als geen sleutelbos werkt)</translation>
    </message>
    <message>
        <source>run `outbox send-due` every minute: a systemd user timer, or an autostart entry where systemd --user is not available (Linux)</source>
        <translation>`outbox send-due` elke minuut uitvoeren: een systemd-gebruikerstimer, of een autostart-item waar systemd --user niet beschikbaar is (Linux)</translation>
    </message>
    <message>
        <source>send one of SMTPeter&apos;s own templates (REST accounts; see `templates --remote`) to --to, its placeholders filled from --data</source>
        <translation>een van de eigen sjablonen van SMTPeter (REST-accounts; zie `templates --remote`) naar --to sturen, met de plaatshouders ingevuld uit --data</translation>
    </message>
    <message>
        <source>start from this local template (see `templates`); the options given here (--to, --subject, --markdown, --attach...) change or add to it</source>
        <translation>beginnen vanuit dit lokale sjabloon (zie `templates`); de opties die je hier geeft (--to, --subject, --markdown, --attach...) wijzigen het of vullen het aan</translation>
    </message>
    <message>
        <source>write the list with each row&apos;s state, message id and error; feed it back in as --data to send only the rows that did not go</source>
        <translation>de lijst schrijven met de status, het bericht-id en de fout van elke rij; geef hem terug als --data om alleen de rijen te verzenden die niet vertrokken</translation>
    </message>
    <message>
        <source>SMTP profiles: read a REST API token from standard input, used only to check the sender domain before sending (after the password&apos;s line when both are given)</source>
        <translation>SMTP-profielen: een REST API-token van standaardinvoer lezen, alleen gebruikt om vóór het verzenden het afzenderdomein te controleren (na de regel met het wachtwoord als beide gegeven worden)</translation>
    </message>
</context>
<context>
    <name>cli.build</name>
    <message>
        <source>the Markdown file {spec} does not exist</source>
        <translation>het Markdown-bestand {spec} bestaat niet</translation>
    </message>
    <message>
        <source>the Markdown file {spec} is not UTF-8 text</source>
        <translation>het Markdown-bestand {spec} is geen UTF-8-tekst</translation>
    </message>
    <message>
        <source>the Markdown file {spec} cannot be read: {strerror}</source>
        <translation>het Markdown-bestand {spec} kan niet worden gelezen: {strerror}</translation>
    </message>
    <message>
        <source>the attachment {path} does not exist or is not a file</source>
        <translation>de bijlage {path} bestaat niet of is geen bestand</translation>
    </message>
    <message>
        <source>{spec} cannot be written: {strerror}</source>
        <translation>{spec} kan niet worden geschreven: {strerror}</translation>
    </message>
    <message>
        <source>{spec} is a folder: give a file name, e.g. {value}</source>
        <translation>{spec} is een map: geef een bestandsnaam, bijv. {value}</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>de map {folder} bestaat niet</translation>
    </message>
    <message>
        <source>{path} cannot be written: {strerror}</source>
        <translation>{path} kan niet worden geschreven: {strerror}</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>standaarduitvoer</translation>
    </message>
    <message>
        <source>Wrote {where} ({size:,} bytes, 1 recipient).</source>
        <translation>{where} geschreven ({size:,} bytes, 1 ontvanger).</translation>
    </message>
    <message>
        <source>Wrote {where} ({size:,} bytes, {recipients} recipients).</source>
        <translation>{where} geschreven ({size:,} bytes, {recipients} ontvangers).</translation>
    </message>
</context>
<context>
    <name>cli.check</name>
    <message>
        <source>1 warning</source>
        <translation>1 waarschuwing</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} waarschuwingen</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 opmerking</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>{count} opmerkingen</translation>
    </message>
    <message>
        <source>Checked for {profile}: {blocks} blocking, {warns}, {notes}.</source>
        <translation>Gecontroleerd voor {profile}: {blocks} blokkerend, {warns}, {notes}.</translation>
    </message>
    <message>
        <source>        What to do: {advice}</source>
        <translation>        Wat te doen: {advice}</translation>
    </message>
    <message>
        <source>size {size}</source>
        <translation>grootte {size}</translation>
    </message>
    <message>
        <source>compatibility {score}/100</source>
        <translation>compatibiliteit {score}/100</translation>
    </message>
    <message>
        <source>spam score {score:.1f} (spam from {threshold:.1f})</source>
        <translation>spamscore {score:.1f} (spam vanaf {threshold:.1f})</translation>
    </message>
    <message>
        <source>Something blocks the send: fix what is marked BLOCKS.</source>
        <translation>Iets blokkeert het verzenden: verbeter wat met BLOCKS gemarkeerd is.</translation>
    </message>
    <message>
        <source>Nothing blocks the send.</source>
        <translation>Niets blokkeert het verzenden.</translation>
    </message>
</context>
<context>
    <name>cli.commands</name>
    <message>
        <source>Removed {path}</source>
        <translation>{path} verwijderd</translation>
    </message>
    <message>
        <source>The send-due timer was not installed.</source>
        <translation>De verzendtimer is niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} geschreven</translation>
    </message>
    <message>
        <source>Scheduled mail goes out while the window is open. To send it while the window is closed too, add --with-send-due (or run smtpeter-desktop --install-send-due).</source>
        <translation>Geplande mail gaat de deur uit zolang het venster open is. Wil je dat die ook vertrekt als het venster dicht is, voeg dan --with-send-due toe (of voer smtpeter-desktop --install-send-due uit).</translation>
    </message>
    <message>
        <source>The systemd user timer sends scheduled mail every minute.</source>
        <translation>De systemd-gebruikerstimer verzendt geplande mail elke minuut.</translation>
    </message>
    <message>
        <source>--with-send-due goes with --install-desktop-entry (or use --install-send-due)</source>
        <translation>--with-send-due hoort bij --install-desktop-entry (of gebruik --install-send-due)</translation>
    </message>
    <message>
        <source>the send-due timer is each user&apos;s own: leave out --system, or install it for yourself with --install-send-due</source>
        <translation>de send-due-timer is van elke gebruiker zelf: laat --system weg, of installeer hem voor jezelf met --install-send-due</translation>
    </message>
    <message>
        <source>--system and --exec go with --install-desktop-entry or --install-send-due</source>
        <translation>--system en --exec horen bij --install-desktop-entry of --install-send-due</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>onderbroken</translation>
    </message>
    <message>
        <source>systemd --user is not available here: an autostart entry sends scheduled mail every minute while you are logged in (from your next login).</source>
        <translation>systemd --user is hier niet beschikbaar: een autostart-item verzendt geplande mail elke minuut zolang je ingelogd bent (vanaf je volgende login).</translation>
    </message>
</context>
<context>
    <name>cli.common</name>
    <message>
        <source>
exit codes:
  0  done (sent; a warning on stderr if it could not be recorded as sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: the server refused the message or a recipient for good
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
</source>
        <translation type="vanished">afsluitcodes:
  0  klaar (verzonden; een waarschuwing op stderr als het niet als verzonden kon worden vastgelegd)
  2  foute invoer: de melding zegt wat te verbeteren
  3  authenticatie of TLS: het wachtwoord, token of certificaat is geweigerd
  4  geweigerd: de server weigerde het bericht of een ontvanger definitief
  5  tijdelijke fout: probeer het later (het bericht, of de ontvangers die voorlopig
     zijn uitgesteld, wacht in Postvak UIT)
  6  uitkomst onbekend: het bericht is misschien verzonden; kijk voordat je opnieuw verzendt
130  onderbroken (Ctrl+C): er is niets meer verzonden; het bericht is bewaard, vastgehouden
</translation>
    </message>
    <message>
        <source>{prog}: {message} (see --help)
</source>
        <translation>{prog}: {message} (zie --help)
</translation>
    </message>
    <message>
        <source>the profile {name} has no sender: give --from</source>
        <translation>het profiel {name} heeft geen afzender: geef --from</translation>
    </message>
    <message>
        <source>no {what} on standard input</source>
        <translation>geen {what} op standaardinvoer</translation>
    </message>
    <message>
        <source>exit codes:
  0  done (sent; a warning on stderr if it could not be recorded as sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: the server refused the message or a recipient for good
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
</source>
        <translation>afsluitcodes:
  0  klaar (verzonden; een waarschuwing op stderr als het niet als verzonden kon worden vastgelegd)
  2  foute invoer: de melding zegt wat te verbeteren
  3  authenticatie of TLS: het wachtwoord, token of certificaat is geweigerd
  4  geweigerd: de server weigerde het bericht of een ontvanger definitief
  5  tijdelijke fout: probeer het later (het bericht, of de ontvangers die voorlopig
     zijn uitgesteld, wacht in Postvak UIT)
  6  uitkomst onbekend: het bericht is misschien verzonden; kijk voordat je opnieuw verzendt
130  onderbroken (Ctrl+C): er is niets meer verzonden; het bericht is bewaard, vastgehouden
</translation>
    </message>
</context>
<context>
    <name>cli.drafts</name>
    <message>
        <source>There are no drafts.</source>
        <translation>Er zijn geen concepten.</translation>
    </message>
    <message>
        <source>message {id} is not a draft (it is {state}): see `outbox` or `sent`</source>
        <translation>bericht {id} is geen concept (het is {state}): zie `outbox` of `sent`</translation>
    </message>
    <message>
        <source>draft {id} is damaged and cannot be shown ({exc}): `smtpeter-desktop drafts delete {id}` removes it</source>
        <translation>concept {id} is beschadigd en kan niet worden getoond ({exc}): `smtpeter-desktop drafts delete {id}` verwijdert het</translation>
    </message>
    <message>
        <source>message {id} is not a draft (it is {state}): `outbox discard` removes a message from the outbox</source>
        <translation>bericht {id} is geen concept (het is {state}): `outbox discard` verwijdert een bericht uit Postvak UIT</translation>
    </message>
    <message>
        <source>Deleted draft {id} ({subject}).</source>
        <translation>Concept {id} ({subject}) verwijderd.</translation>
    </message>
</context>
<context>
    <name>cli.interrupt</name>
    <message>
        <source>
Stopping the send…</source>
        <translation>
Het verzenden wordt gestopt…</translation>
    </message>
</context>
<context>
    <name>cli.mail</name>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation>Postvak UIT is leeg.</translation>
    </message>
    <message>
        <source>       next try after {when}</source>
        <translation>       volgende poging na {when}</translation>
    </message>
    <message>
        <source>       goes after {when}</source>
        <translation>       vertrekt na {when}</translation>
    </message>
    <message>
        <source>merge {id:&gt;3} {state:&lt;8} {open:,} of {total:,} rows to go  {name}</source>
        <translation>samenvoeging {id:&gt;3} {state:&lt;8} {open:,} van {total:,} rijen te gaan  {name}</translation>
    </message>
    <message>
        <source>its profile</source>
        <translation>zijn profiel</translation>
    </message>
    <message>
        <source>--every must be 1 second or more</source>
        <translation>--every moet 1 seconde of meer zijn</translation>
    </message>
    <message>
        <source>Message {message_id} ({value}):</source>
        <translation>Bericht {message_id} ({value}):</translation>
    </message>
    <message>
        <source>Message {id} ({value}) was to go at {when} and was not sent: that is longer ago than your limit (late_send_limit_hours). Send it now with `smtpeter-desktop outbox reschedule {id} --now`, choose another time with --at, or make it a draft again with `smtpeter-desktop outbox unschedule {id}`.</source>
        <translation>Bericht {id} ({value}) zou om {when} vertrekken en is niet verzonden: dat is langer geleden dan je limiet (late_send_limit_hours). Verzend het nu met `smtpeter-desktop outbox reschedule {id} --now`, kies een andere tijd met --at, of maak het weer een concept met `smtpeter-desktop outbox unschedule {id}`.</translation>
    </message>
    <message>
        <source>give --now, --at or --in, one of them</source>
        <translation>geef --now, --at of --in, één ervan</translation>
    </message>
    <message>
        <source>say when: --at &apos;YYYY-MM-DD HH:MM&apos;, --in 2h, or --now</source>
        <translation>zeg wanneer: --at &apos;YYYY-MM-DD HH:MM&apos;, --in 2h, of --now</translation>
    </message>
    <message>
        <source>Message {id} goes at the next chance (`outbox send-due` sends it now).</source>
        <translation>Bericht {id} vertrekt bij de eerstvolgende kans (`outbox send-due` verzendt het nu).</translation>
    </message>
    <message>
        <source>Message {id} goes at {local_text} (your time).</source>
        <translation>Bericht {id} vertrekt om {local_text} (jouw tijd).</translation>
    </message>
    <message>
        <source>Message {id} will not be sent: it is a draft again.</source>
        <translation>Bericht {id} wordt niet verzonden: het is weer een concept.</translation>
    </message>
    <message>
        <source>message {id} is not in the outbox (it is {state})</source>
        <translation>bericht {id} staat niet in Postvak UIT (het is {state})</translation>
    </message>
    <message>
        <source>Discarded message {id}.</source>
        <translation>Bericht {id} weggegooid.</translation>
    </message>
    <message>
        <source>Message {id} is a draft again: open SMTPeter Desktop to change and send it.</source>
        <translation>Bericht {id} is weer een concept: open SMTPeter Desktop om het te wijzigen en te verzenden.</translation>
    </message>
    <message>
        <source>Message {id} is in Sent.</source>
        <translation>Bericht {id} staat in Verzonden.</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Nog niets verzonden.</translation>
    </message>
    <message>
        <source>{id:&gt;5}  {state:&lt;8} {when}  {subject} — to {recipients}</source>
        <translation>{id:&gt;5}  {state:&lt;8} {when}  {subject} — aan {recipients}</translation>
    </message>
    <message>
        <source>{id:&gt;5}  {when}  {subject} — to {recipients}{delivery}</source>
        <translation>{id:&gt;5}  {when}  {subject} — aan {recipients}{delivery}</translation>
    </message>
    <message>
        <source>       server: {reply}</source>
        <translation>       server: {reply}</translation>
    </message>
    <message>
        <source>       {address}: refused ({code} {text})</source>
        <translation>       {address}: geweigerd ({code} {text})</translation>
    </message>
    <message>
        <source>       {address}: put off for now ({code} {text}); it goes to them alone from the outbox</source>
        <translation>       {address}: voorlopig uitgesteld ({code} {text}); het gaat vanuit Postvak UIT alleen naar hen</translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {exc}</source>
        <translation>SMTPeter kon niet worden gevraagd: {exc}</translation>
    </message>
    <message>
        <source>Message {id}: {summary}</source>
        <translation>Bericht {id}: {summary}</translation>
    </message>
</context>
<context>
    <name>cli.merge</name>
    <message>
        <source>--test-row goes with --test-to</source>
        <translation>--test-row hoort bij --test-to</translation>
    </message>
    <message>
        <source>the list {data} does not exist or is not a file</source>
        <translation>de lijst {data} bestaat niet of is geen bestand</translation>
    </message>
    <message>
        <source>sent before</source>
        <translation>eerder verzonden</translation>
    </message>
    <message>
        <source>{summary}. Nothing was sent (--dry-run).</source>
        <translation>{summary}. Er is niets verzonden (--dry-run).</translation>
    </message>
    <message>
        <source>the list {name} has no rows</source>
        <translation>de lijst {name} heeft geen rijen</translation>
    </message>
    <message>
        <source>Test of row {number} to {test_to}:</source>
        <translation>Test van rij {number} naar {test_to}:</translation>
    </message>
    <message>
        <source>this merge is not waiting to go on: there is nothing to cancel</source>
        <translation>deze samenvoeging wacht niet om verder te gaan: er is niets te annuleren</translation>
    </message>
    <message>
        <source>Cancelled merge {id}: {sent:,} sent, {left:,} not sent.</source>
        <translation>Samenvoeging {id} geannuleerd: {sent:,} verzonden, {left:,} niet verzonden.</translation>
    </message>
    <message>
        <source>{report_text}. Not sent: add --yes to send them.</source>
        <translation>{report_text}. Niet verzonden: voeg --yes toe om ze te verzenden.</translation>
    </message>
    <message>
        <source>{report}. Send them through {profile}? [y/N] </source>
        <translation>{report}. Ze verzenden via {profile}? [j/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>j</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Sending… {text}</source>
        <translation>Bezig met verzenden… {text}</translation>
    </message>
    <message>
        <source>Merge {id} was stopped with {count:,} rows left to send</source>
        <translation>Samenvoeging {id} is gestopt met nog {count:,} rijen te verzenden</translation>
    </message>
    <message>
        <source>…and more: {bad:,} rows have problems.</source>
        <translation>…en meer: {bad:,} rijen hebben problemen.</translation>
    </message>
    <message>
        <source>Nothing was sent: {bad:,} of {rows:,} rows have problems. Correct them, or add --skip-bad-rows.</source>
        <translation>Er is niets verzonden: {bad:,} van de {rows:,} rijen hebben problemen. Verbeter ze, of voeg --skip-bad-rows toe.</translation>
    </message>
    <message>
        <source>Merge {job}: {text} sent through {name}.</source>
        <translation>Samenvoeging {job}: {text} verzonden via {name}.</translation>
    </message>
    <message>
        <source>Results: {results}</source>
        <translation>Resultaten: {results}</translation>
    </message>
    <message>
        <source>Paused: {text} Then run the same command again to go on.</source>
        <translation>Gepauzeerd: {text} Voer daarna dezelfde opdracht opnieuw uit om verder te gaan.</translation>
    </message>
    <message>
        <source>Paused: run the same command again to go on.</source>
        <translation>Gepauzeerd: voer dezelfde opdracht opnieuw uit om verder te gaan.</translation>
    </message>
    <message>
        <source>{unknown:,} rows may or may not have gone out: look in “{APP_SLUG} outbox” before sending them again.</source>
        <translation>{unknown:,} rijen zijn misschien wel, misschien niet vertrokken: kijk in “{APP_SLUG} outbox” voordat je ze opnieuw verzendt.</translation>
    </message>
    <message>
        <source>{open:,} rows wait to be tried again: run the same command later.</source>
        <translation>{open:,} rijen wachten op een nieuwe poging: voer dezelfde opdracht later uit.</translation>
    </message>
</context>
<context>
    <name>cli.profiles</name>
    <message>
        <source>the profile {name} takes {wanted}, not {given}</source>
        <translation>het profiel {name} neemt {wanted}, niet {given}</translation>
    </message>
    <message>
        <source>The secret was not stored: {exc}</source>
        <translation>Het geheim is niet opgeslagen: {exc}</translation>
    </message>
    <message>
        <source>Give it with {value} when sending, or run `smtpeter-desktop profiles set-secret {name}` once a keyring works.</source>
        <translation>Geef het met {value} bij het verzenden, of voer `smtpeter-desktop profiles set-secret {name}` uit zodra een sleutelbos werkt.</translation>
    </message>
    <message>
        <source>The secret is stored in the keyring ({backend}).</source>
        <translation>Het geheim is opgeslagen in de sleutelbos ({backend}).</translation>
    </message>
    <message>
        <source>--username and --security are for SMTP profiles</source>
        <translation>--username en --security zijn voor SMTP-profielen</translation>
    </message>
    <message>
        <source>--url is for REST profiles</source>
        <translation type="vanished">--url is voor REST-profielen</translation>
    </message>
    <message>
        <source>{smtp} is not HOST:PORT</source>
        <translation>{smtp} is geen HOST:POORT</translation>
    </message>
    <message>
        <source>a {upper} profile takes {wanted}</source>
        <translation>een {upper}-profiel neemt {wanted}</translation>
    </message>
    <message>
        <source>Added the profile {name}: {describe}.</source>
        <translation>Profiel {name} toegevoegd: {describe}.</translation>
    </message>
    <message>
        <source>No secret given: add one with `smtpeter-desktop profiles set-secret {name} {wanted}`.</source>
        <translation>Geen geheim gegeven: voeg er een toe met `smtpeter-desktop profiles set-secret {name} {wanted}`.</translation>
    </message>
    <message>
        <source>the CA file {path} is a folder: give the certificate file itself</source>
        <translation>het CA-bestand {path} is een map: geef het certificaatbestand zelf</translation>
    </message>
    <message>
        <source>No profiles yet: add one with `smtpeter-desktop profiles add`.</source>
        <translation>Nog geen profielen: voeg er een toe met `smtpeter-desktop profiles add`.</translation>
    </message>
    <message>
        <source>needs none</source>
        <translation>niet nodig</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>opgeslagen</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>niet opgeslagen</translation>
    </message>
    <message>
        <source>unknown (the keyring cannot be read)</source>
        <translation>onbekend (de sleutelbos kan niet worden gelezen)</translation>
    </message>
    <message>
        <source>no senders</source>
        <translation>geen afzenders</translation>
    </message>
    <message>
        <source>{name}
  {describe}
  from: {senders}
  secret: {kept}</source>
        <translation>{name}
  {describe}
  van: {senders}
  geheim: {kept}</translation>
    </message>
    <message>
        <source>Removed the profile {name} and its stored secret.</source>
        <translation>Profiel {name} en zijn opgeslagen geheim verwijderd.</translation>
    </message>
    <message>
        <source>Renamed {name} to {new_name}; its secret stays with it.</source>
        <translation>{name} hernoemd naar {new_name}; het geheim blijft erbij.</translation>
    </message>
    <message>
        <source>{name} is the built-in sandbox: it needs no secret</source>
        <translation>{name} is de ingebouwde sandbox: die heeft geen geheim nodig</translation>
    </message>
    <message>
        <source>the secret was not stored: {exc}</source>
        <translation type="vanished">het geheim is niet opgeslagen: {exc}</translation>
    </message>
    <message>
        <source>Stored the secret of {name} in the keyring.</source>
        <translation>Het geheim van {name} is in de sleutelbos opgeslagen.</translation>
    </message>
    <message>
        <source>Testing {name}: {describe}</source>
        <translation>{name} wordt getest: {describe}</translation>
    </message>
    <message>
        <source>The profile cannot be tested: {exc}</source>
        <translation>Het profiel kan niet worden getest: {exc}</translation>
    </message>
    <message>
        <source>All stages passed.</source>
        <translation>Alle stappen geslaagd.</translation>
    </message>
    <message>
        <source>The {name} stage failed.</source>
        <translation>De stap {name} is mislukt.</translation>
    </message>
</context>
<context>
    <name>cli.report</name>
    <message>
        <source>Sent through {profile} ({upper}) in {seconds:.2f} s.</source>
        <translation>Verzonden via {profile} ({upper}) in {seconds:.2f} s.</translation>
    </message>
    <message>
        <source>  {recipient}: SMTPeter message id {message_id}</source>
        <translation>  {recipient}: SMTPeter-bericht-id {message_id}</translation>
    </message>
    <message>
        <source>  {recipient}: accepted</source>
        <translation>  {recipient}: aangenomen</translation>
    </message>
    <message>
        <source>  Server reply: {reply}</source>
        <translation>  Antwoord van de server: {reply}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Waarschuwing: {text}</translation>
    </message>
    <message>
        <source>  Server reply: {server_reply}</source>
        <translation>  Antwoord van de server: {server_reply}</translation>
    </message>
    <message>
        <source>Those recipients wait in the outbox as message {follow_up} (the same message, to them alone); it is tried again after {when} (when the app runs), or now with `smtpeter-desktop outbox retry {follow_up}`.</source>
        <translation>Die ontvangers wachten in Postvak UIT als bericht {follow_up} (hetzelfde bericht, alleen aan hen); het wordt opnieuw geprobeerd na {when} (als de app draait), of nu met `smtpeter-desktop outbox retry {follow_up}`.</translation>
    </message>
    <message>
        <source>Message {id} was not sent now: it is not due yet, or another SMTPeter Desktop is sending it. See `smtpeter-desktop outbox`.</source>
        <translation>Bericht {id} is nu niet verzonden: het is nog niet aan de beurt, of een andere SMTPeter Desktop verzendt het. Zie `smtpeter-desktop outbox`.</translation>
    </message>
    <message>
        <source>Not sent: {text}</source>
        <translation type="vanished">Niet verzonden: {text}</translation>
    </message>
    <message>
        <source>It is draft {id}: `smtpeter-desktop drafts show {id}` shows it, `smtpeter-desktop drafts delete {id}` deletes it.</source>
        <translation>Het is concept {id}: `smtpeter-desktop drafts show {id}` toont het, `smtpeter-desktop drafts delete {id}` verwijdert het.</translation>
    </message>
    <message>
        <source>It waits in the outbox as message {id} and is tried again after {when} (when the app runs), or now with `smtpeter-desktop outbox retry {id}`.</source>
        <translation>Het wacht in Postvak UIT als bericht {id} en wordt opnieuw geprobeerd na {when} (als de app draait), of nu met `smtpeter-desktop outbox retry {id}`.</translation>
    </message>
    <message>
        <source>It may have gone out. Message {id} is kept in the outbox: `smtpeter-desktop outbox mark-sent {id}` if it arrived, `smtpeter-desktop outbox retry {id}` to send it again.</source>
        <translation>Het is misschien vertrokken. Bericht {id} blijft in Postvak UIT: `smtpeter-desktop outbox mark-sent {id}` als het aankwam, `smtpeter-desktop outbox retry {id}` om het opnieuw te verzenden.</translation>
    </message>
    <message>
        <source>It is kept in the outbox as message {id}: fix the cause, then `smtpeter-desktop outbox retry {id}`.</source>
        <translation>Het blijft in Postvak UIT als bericht {id}: verhelp de oorzaak, daarna `smtpeter-desktop outbox retry {id}`.</translation>
    </message>
    <message>
        <source>put off for now</source>
        <translation>voorlopig uitgesteld</translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="vanished">geweigerd</translation>
    </message>
</context>
<context>
    <name>cli.send</name>
    <message>
        <source>Not sent: fix the errors above.</source>
        <translation>Niet verzonden: verbeter de fouten hierboven.</translation>
    </message>
    <message>
        <source>Not sent: add --yes to send despite the warnings.</source>
        <translation>Niet verzonden: voeg --yes toe om ondanks de waarschuwingen te verzenden.</translation>
    </message>
    <message>
        <source>Sending… {percent:3d}% of {size}</source>
        <translation>Bezig met verzenden… {percent:3d}% van {size}</translation>
    </message>
    <message>
        <source>standard input cannot carry both the Markdown and the secret</source>
        <translation>standaardinvoer kan niet zowel de Markdown als het geheim bevatten</translation>
    </message>
    <message>
        <source>--data goes with --smtpeter-template</source>
        <translation>--data hoort bij --smtpeter-template</translation>
    </message>
    <message>
        <source>give --subject and --markdown (or --template NAME)</source>
        <translation>geef --subject en --markdown (of --template NAME)</translation>
    </message>
    <message>
        <source>warning: --give-up-after works through the REST API only; {name} sends by SMTP, so SMTPeter&apos;s default applies.</source>
        <translation>waarschuwing: --give-up-after werkt alleen via de REST-API; {name} verzendt via SMTP, dus de standaard van SMTPeter geldt.</translation>
    </message>
    <message>
        <source>Message {id} waits in the outbox until {local_text} (your time).</source>
        <translation>Bericht {id} wacht in Postvak UIT tot {local_text} (jouw tijd).</translation>
    </message>
    <message>
        <source>It goes out then only while SMTPeter Desktop is open, unless you install the send-due timer: smtpeter-desktop --install-send-due</source>
        <translation>Het vertrekt dan alleen als SMTPeter Desktop open is, tenzij je de verzendtimer installeert: smtpeter-desktop --install-send-due</translation>
    </message>
</context>
<context>
    <name>cli.signatures</name>
    <message>
        <source>There are no signatures yet: add one with `signatures add NAME --markdown FILE`.</source>
        <translation>Er zijn nog geen handtekeningen: voeg er een toe met `signatures add NAME --markdown FILE`.</translation>
    </message>
    <message>
        <source>    default for {who}{sender}</source>
        <translation>    standaard voor {who}{sender}</translation>
    </message>
    <message>
        <source>the Markdown file {path} does not exist</source>
        <translation>het Markdown-bestand {path} bestaat niet</translation>
    </message>
    <message>
        <source>the Markdown file {path} is not UTF-8 text</source>
        <translation>het Markdown-bestand {path} is geen UTF-8-tekst</translation>
    </message>
    <message>
        <source>the Markdown file {path} cannot be read: {strerror}</source>
        <translation>het Markdown-bestand {path} kan niet worden gelezen: {strerror}</translation>
    </message>
    <message>
        <source>Saved the signature “{name}”.</source>
        <translation>Handtekening “{name}” opgeslagen.</translation>
    </message>
    <message>
        <source>Removed the signature “{name}”.</source>
        <translation>Handtekening “{name}” verwijderd.</translation>
    </message>
    <message>
        <source>--from {sender!r} is not one e-mail address</source>
        <translation>--from {sender!r} is niet één e-mailadres</translation>
    </message>
    <message>
        <source>{profile} (From {sender}) now starts with the signature “{name}”.</source>
        <translation>{profile} (Van {sender}) begint nu met de handtekening “{name}”.</translation>
    </message>
    <message>
        <source>{profile} (From {sender}) now starts with no signature.</source>
        <translation>{profile} (Van {sender}) begint nu zonder handtekening.</translation>
    </message>
    <message>
        <source>{profile} now starts with the signature “{name}”.</source>
        <translation>{profile} begint nu met de handtekening “{name}”.</translation>
    </message>
    <message>
        <source>{profile} now starts with no signature.</source>
        <translation>{profile} begint nu zonder handtekening.</translation>
    </message>
</context>
<context>
    <name>cli.templates</name>
    <message>
        <source>There are no templates yet: `templates save NAME --subject S --markdown FILE`.</source>
        <translation>Er zijn nog geen sjablonen: `templates save NAME --subject S --markdown FILE`.</translation>
    </message>
    <message>
        <source>Saved the template “{value}” ({id}).</source>
        <translation>Sjabloon “{value}” ({id}) opgeslagen.</translation>
    </message>
    <message>
        <source>The template “{name}” is now called “{value}”.</source>
        <translation>Het sjabloon “{name}” heet nu “{value}”.</translation>
    </message>
    <message>
        <source>Deleted the template “{name}”.</source>
        <translation>Sjabloon “{name}” verwijderd.</translation>
    </message>
    <message>
        <source>the attachment {path} does not exist or is not a file</source>
        <translation>de bijlage {path} bestaat niet of is geen bestand</translation>
    </message>
    <message>
        <source>--remote needs --profile NAME (a REST account)</source>
        <translation>--remote heeft --profile NAME nodig (een REST-account)</translation>
    </message>
    <message>
        <source>The account {name} has no templates on SMTPeter.</source>
        <translation>Het account {name} heeft geen sjablonen op SMTPeter.</translation>
    </message>
    <message>
        <source>&lt;!-- placeholders (send --data NAME=VALUE): {shown} --&gt;</source>
        <translation>&lt;!-- plaatshouders (send --data NAAM=WAARDE): {shown} --&gt;</translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {exc}</source>
        <translation>SMTPeter kon niet worden gevraagd: {exc}</translation>
    </message>
    <message>
        <source>give --to: who the template goes to</source>
        <translation>geef --to: naar wie het sjabloon gaat</translation>
    </message>
    <message>
        <source>--data {item!r} is not KEY=VALUE</source>
        <translation>--data {item!r} is geen KEY=VALUE</translation>
    </message>
    <message>
        <source>Not sent: {text}</source>
        <translation>Niet verzonden: {text}</translation>
    </message>
    <message>
        <source>It may have gone out: look in SMTPeter&apos;s logs before sending again.</source>
        <translation>Het is misschien vertrokken: kijk in de logboeken van SMTPeter voordat je opnieuw verzendt.</translation>
    </message>
    <message>
        <source>Sent SMTPeter&apos;s template {smtpeter_template} through {name} (REST).</source>
        <translation>Sjabloon {smtpeter_template} van SMTPeter verzonden via {name} (REST).</translation>
    </message>
    <message>
        <source>  {recipient}: SMTPeter message id {message_id}</source>
        <translation>  {recipient}: SMTPeter-bericht-id {message_id}</translation>
    </message>
    <message>
        <source>--smtpeter-template sends SMTPeter&apos;s own template: leave out --markdown, --subject, --attach, --at and --in</source>
        <translation>--smtpeter-template verzendt het eigen sjabloon van SMTPeter: laat --markdown, --subject, --attach, --at en --in weg</translation>
    </message>
</context>
<context>
    <name>compose.addresses</name>
    <message>
        <source>a “&gt;” has no matching “&lt;”.</source>
        <translation>bij een “&gt;” hoort geen “&lt;”.</translation>
    </message>
    <message>
        <source>a “&lt;” is not closed with “&gt;”.</source>
        <translation>een “&lt;” wordt niet afgesloten met “&gt;”.</translation>
    </message>
    <message>
        <source>the address itself is missing.</source>
        <translation>het adres zelf ontbreekt.</translation>
    </message>
</context>
<context>
    <name>compose.checks</name>
    <message>
        <source>Choose who the message is from.</source>
        <translation>Kies van wie het bericht is.</translation>
    </message>
    <message>
        <source>The From field holds more than one address.</source>
        <translation>Het Van-veld bevat meer dan één adres.</translation>
    </message>
    <message>
        <source>The message has no recipient: add an address in To, Cc or Bcc.</source>
        <translation>Het bericht heeft geen ontvanger: voeg een adres toe in Aan, Cc of Bcc.</translation>
    </message>
    <message>
        <source>The message has no subject.</source>
        <translation>Het bericht heeft geen onderwerp.</translation>
    </message>
    <message>
        <source>The attached file “{filename}” is no longer at {path}.</source>
        <translation>Het bijgevoegde bestand “{filename}” staat niet meer op {path}.</translation>
    </message>
    <message>
        <source>The text mentions “{group}”, but nothing is attached.</source>
        <translation>De tekst noemt “{group}”, maar er is niets bijgevoegd.</translation>
    </message>
    <message>
        <source>{visible} recipients will see each other&apos;s addresses; consider putting them in Bcc.</source>
        <translation>{visible} ontvangers zien elkaars adressen; overweeg ze in Bcc te zetten.</translation>
    </message>
    <message>
        <source>The message is about {human_size}; many mail servers refuse messages over {human_size2}.</source>
        <translation>Het bericht is ongeveer {human_size}; veel mailservers weigeren berichten boven {human_size2}.</translation>
    </message>
    <message>
        <source>The text shows 1 image from this computer, sent inside the message: {listed}.</source>
        <translation>De tekst toont 1 afbeelding van deze computer, die in het bericht meegaat: {listed}.</translation>
    </message>
    <message>
        <source>The text shows {count} images from this computer, sent inside the message: {listed}.</source>
        <translation>De tekst toont {count} afbeeldingen van deze computer, die in het bericht meegaan: {listed}.</translation>
    </message>
</context>
<context>
    <name>compose.draft</name>
    <message>
        <source>This draft was saved by a newer SMTPeter Desktop (format {version}).</source>
        <translation>Dit concept is opgeslagen door een nieuwere SMTPeter Desktop (formaat {version}).</translation>
    </message>
    <message>
        <source>Open it with that version.</source>
        <translation>Open het met die versie.</translation>
    </message>
    <message>
        <source>A stored draft is damaged: {exc}</source>
        <translation>Een opgeslagen concept is beschadigd: {exc}</translation>
    </message>
    <message>
        <source>A stored draft is damaged: {name} is not text.</source>
        <translation>Een opgeslagen concept is beschadigd: {name} is geen tekst.</translation>
    </message>
    <message>
        <source>A stored draft is damaged: it is not an object.</source>
        <translation>Een opgeslagen concept is beschadigd: het is geen object.</translation>
    </message>
    <message>
        <source>the options are not a table.</source>
        <translation>de opties zijn geen tabel.</translation>
    </message>
    <message>
        <source>the tags are not a list of text.</source>
        <translation>de labels zijn geen lijst met tekst.</translation>
    </message>
</context>
<context>
    <name>compose.errors</name>
    <message>
        <source>“{entry}”{where} is not a valid e-mail address: {reason}</source>
        <translation>“{entry}”{where} is geen geldig e-mailadres: {reason}</translation>
    </message>
    <message>
        <source>Correct or remove it.</source>
        <translation>Verbeter of verwijder het.</translation>
    </message>
    <message>
        <source>The {what} contains {describe}, which a mail header cannot hold.</source>
        <translation>Het veld {what} bevat {describe}, wat een mailkop niet kan bevatten.</translation>
    </message>
    <message>
        <source>Remove it; it may be invisible, so retyping that text is the surest way.</source>
        <translation>Verwijder het; het is misschien onzichtbaar, dus die tekst opnieuw typen is het zekerst.</translation>
    </message>
    <message>
        <source>The file “{path}” cannot be attached: {reason}.</source>
        <translation>Het bestand “{path}” kan niet worden bijgevoegd: {reason}.</translation>
    </message>
    <message>
        <source>Attach it again from where it is now, or remove it; your message is kept as a draft.</source>
        <translation>Voeg het opnieuw bij vanaf waar het nu staat, of verwijder het; je bericht blijft een concept.</translation>
    </message>
</context>
<context>
    <name>compose.merge</name>
    <message>
        <source>No column of the list holds the addresses.</source>
        <translation>Geen kolom van de lijst bevat de adressen.</translation>
    </message>
    <message>
        <source>Choose the address column, or name it “email” in the list&apos;s header.</source>
        <translation>Kies de adreskolom, of noem hem “email” in de kopregel van de lijst.</translation>
    </message>
</context>
<context>
    <name>compose.mergelist</name>
    <message>
        <source>“{name}” is not a text file that a spreadsheet wrote.</source>
        <translation>“{name}” is geen tekstbestand dat een spreadsheet schreef.</translation>
    </message>
    <message>
        <source>Save the sheet as CSV (UTF-8) and choose that file.</source>
        <translation>Sla het blad op als CSV (UTF-8) en kies dat bestand.</translation>
    </message>
    <message>
        <source>“{name}” is a spreadsheet file, not a list in text.</source>
        <translation>“{name}” is een spreadsheetbestand, geen lijst in tekst.</translation>
    </message>
    <message>
        <source>Save the sheet as CSV (File ▸ Save As ▸ CSV UTF-8) and choose that file.</source>
        <translation>Sla het blad op als CSV (Bestand ▸ Opslaan als ▸ CSV UTF-8) en kies dat bestand.</translation>
    </message>
    <message>
        <source>The header of “{name}” cannot be read: {exc}.</source>
        <translation>De kopregel van “{name}” kan niet worden gelezen: {exc}.</translation>
    </message>
    <message>
        <source>Check the first row.</source>
        <translation>Controleer de eerste rij.</translation>
    </message>
    <message>
        <source>“{path}” cannot be read: {value}.</source>
        <translation>“{path}” kan niet worden gelezen: {value}.</translation>
    </message>
    <message>
        <source>Check that the file is there.</source>
        <translation>Controleer of het bestand er is.</translation>
    </message>
    <message>
        <source>“{name}” has no header row.</source>
        <translation>“{name}” heeft geen kopregel.</translation>
    </message>
    <message>
        <source>Put the column names (email, firstname...) in its first row.</source>
        <translation>Zet de kolomnamen (email, firstname...) in de eerste rij.</translation>
    </message>
    <message>
        <source>Column {index} of the header has no usable name (“{cell}”).</source>
        <translation>Kolom {index} van de kopregel heeft geen bruikbare naam (“{cell}”).</translation>
    </message>
    <message>
        <source>Give every column a name that starts with a letter.</source>
        <translation>Geef elke kolom een naam die met een letter begint.</translation>
    </message>
    <message>
        <source>Columns {value} and {index} of the header are both called “{variable}”.</source>
        <translation>Kolommen {value} en {index} van de kopregel heten allebei “{variable}”.</translation>
    </message>
    <message>
        <source>Give each column its own name.</source>
        <translation>Geef elke kolom een eigen naam.</translation>
    </message>
    <message>
        <source>Row {row}, column {column} (“{header}”), of “{name}” holds a cell larger than {value} MB.</source>
        <translation>Rij {row}, kolom {column} (“{header}”), van “{name}” bevat een cel groter dan {value} MB.</translation>
    </message>
    <message>
        <source>Row {row}, column {column}, of “{name}” holds a cell larger than {value} MB.</source>
        <translation>Rij {row}, kolom {column}, van “{name}” bevat een cel groter dan {value} MB.</translation>
    </message>
    <message>
        <source>A cell holds at most {value} MB; shorten that cell in the sheet, or leave the row out.</source>
        <translation>Een cel bevat hoogstens {value} MB; maak die cel in het blad korter, of laat de rij weg.</translation>
    </message>
    <message>
        <source>Row {value} of “{name}” cannot be read: {exc}.</source>
        <translation>Rij {value} van “{name}” kan niet worden gelezen: {exc}.</translation>
    </message>
    <message>
        <source>A cell holds at most {value} MB; check that row in the sheet.</source>
        <translation>Een cel bevat hoogstens {value} MB; controleer die rij in het blad.</translation>
    </message>
    <message>
        <source>“{name}” changed while it was read (row {value} is not text any more).</source>
        <translation>“{name}” veranderde tijdens het lezen (rij {value} is geen tekst meer).</translation>
    </message>
    <message>
        <source>Choose the file again.</source>
        <translation>Kies het bestand opnieuw.</translation>
    </message>
</context>
<context>
    <name>compose.mergeresults</name>
    <message>
        <source>The results cannot be written to {parent}: {value}.</source>
        <translation>De resultaten kunnen niet worden geschreven in {parent}: {value}.</translation>
    </message>
    <message>
        <source>Choose a folder you may write to.</source>
        <translation>Kies een map waarin je mag schrijven.</translation>
    </message>
    <message>
        <source>The results cannot be written to {path}: {value}.</source>
        <translation>De resultaten kunnen niet worden geschreven naar {path}: {value}.</translation>
    </message>
    <message>
        <source>Choose a file you may write to.</source>
        <translation>Kies een bestand waarin je mag schrijven.</translation>
    </message>
</context>
<context>
    <name>compose.mime</name>
    <message>
        <source>Correct or remove it under Tags; the message is kept.</source>
        <translation>Verbeter of verwijder het onder Labels; het bericht blijft bewaard.</translation>
    </message>
    <message>
        <source>The message needs exactly one From address.</source>
        <translation>Het bericht heeft precies één Van-adres nodig.</translation>
    </message>
    <message>
        <source>Choose who the message is from.</source>
        <translation>Kies van wie het bericht is.</translation>
    </message>
    <message>
        <source>the image shown in the text was not found</source>
        <translation>de afbeelding in de tekst is niet gevonden</translation>
    </message>
    <message>
        <source>it changed while the message was being built</source>
        <translation>het veranderde terwijl het bericht werd gemaakt</translation>
    </message>
    <message>
        <source>it is no longer there (moved, renamed or deleted)</source>
        <translation>het is er niet meer (verplaatst, hernoemd of verwijderd)</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>het is een map, geen bestand</translation>
    </message>
    <message>
        <source>you do not have permission to read it</source>
        <translation>je hebt geen toestemming om het te lezen</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Het bericht heeft geen ontvanger.</translation>
    </message>
    <message>
        <source>Add an address in To, Cc or Bcc.</source>
        <translation>Voeg een adres toe in Aan, Cc of Bcc.</translation>
    </message>
</context>
<context>
    <name>compose.options</name>
    <message>
        <source>The option {name!r} must be true or false.</source>
        <translation>De optie {name!r} moet true of false zijn.</translation>
    </message>
    <message>
        <source>The option {name!r} must be a list.</source>
        <translation>De optie {name!r} moet een lijst zijn.</translation>
    </message>
    <message>
        <source>Unknown delivery notice {value!r}: use {value2}.</source>
        <translation>Onbekende bezorgmelding {value!r}: gebruik {value2}.</translation>
    </message>
    <message>
        <source>Unknown DSN return {dsn_ret!r}: use HDRS or FULL.</source>
        <translation>Onbekende DSN-return {dsn_ret!r}: gebruik HDRS of FULL.</translation>
    </message>
    <message>
        <source>The give-up time {max_deliver_time!r} is not a UTC time written as YYYY-MM-DD hh:mm:ss.</source>
        <translation>De opgeeftijd {max_deliver_time!r} is geen UTC-tijd geschreven als YYYY-MM-DD hh:mm:ss.</translation>
    </message>
    <message>
        <source>The option {name!r} must be text.</source>
        <translation>De optie {name!r} moet tekst zijn.</translation>
    </message>
    <message>
        <source>The unsubscribe address is over {UNSUBSCRIBE_MAX} characters long; use a shorter one.</source>
        <translation>Het afmeldadres is langer dan {UNSUBSCRIBE_MAX} tekens; gebruik een korter adres.</translation>
    </message>
    <message>
        <source>The unsubscribe address {email!r} is not a plain e-mail address (name@example.com, ASCII letters only, no display name).</source>
        <translation>Het afmeldadres {email!r} is geen gewoon e-mailadres (naam@example.com, alleen ASCII-letters, geen weergavenaam).</translation>
    </message>
    <message>
        <source>The unsubscribe link {url!r} is not a web address: it must start with https:// (or http://) and hold no spaces, commas or angle brackets.</source>
        <translation>De afmeldlink {url!r} is geen webadres: hij moet beginnen met https:// (of http://) en mag geen spaties, komma&apos;s of punthaken bevatten.</translation>
    </message>
    <message>
        <source>Unknown option {value!r}.</source>
        <translation>Onbekende optie {value!r}.</translation>
    </message>
    <message>
        <source>The option {key!r} must be a list.</source>
        <translation>De optie {key!r} moet een lijst zijn.</translation>
    </message>
    <message>
        <source>One-click unsubscribe needs an unsubscribe link that starts with https:// (RFC 8058): add one, or turn one-click off.</source>
        <translation>Afmelden met één klik heeft een afmeldlink nodig die begint met https:// (RFC 8058): voeg er een toe, of zet één klik uit.</translation>
    </message>
</context>
<context>
    <name>compose.personalize</name>
    <message>
        <source>“{{{keyword}}}” is not supported here.</source>
        <translation>“{{{keyword}}}” wordt hier niet ondersteund.</translation>
    </message>
    <message>
        <source>A list row has one value per column; use {if} and placeholders instead.</source>
        <translation>Een rij van de lijst heeft één waarde per kolom; gebruik in plaats daarvan {if} en plaatshouders.</translation>
    </message>
    <message>
        <source>“{{{keyword}}}” takes nothing after its name.</source>
        <translation>Na de naam van “{{{keyword}}}” mag niets volgen.</translation>
    </message>
    <message>
        <source>Remove the extra text.</source>
        <translation>Haal de extra tekst weg.</translation>
    </message>
    <message>
        <source>“{literal}” is never closed.</source>
        <translation>“{literal}” wordt nooit afgesloten.</translation>
    </message>
    <message>
        <source>Add {/literal} where the kept text ends.</source>
        <translation>Voeg {/literal} toe waar de letterlijke tekst eindigt.</translation>
    </message>
    <message>
        <source>“{/literal}” closes nothing.</source>
        <translation>“{/literal}” sluit niets af.</translation>
    </message>
    <message>
        <source>Remove it, or add {literal} before it.</source>
        <translation>Verwijder het, of zet {literal} ervoor.</translation>
    </message>
    <message>
        <source>More than {MAX_DEPTH} {{if}} blocks are nested here.</source>
        <translation>Hier zijn meer dan {MAX_DEPTH} {{if}}-blokken in elkaar genest.</translation>
    </message>
    <message>
        <source>Simplify the template.</source>
        <translation>Vereenvoudig het sjabloon.</translation>
    </message>
    <message>
        <source>“{{{keyword}}}” is outside any {{if}}.</source>
        <translation>“{{{keyword}}}” staat buiten elke {{if}}.</translation>
    </message>
    <message>
        <source>Add the {if} it belongs to.</source>
        <translation>Voeg de {if} toe waar het bij hoort.</translation>
    </message>
    <message>
        <source>“{{{keyword}}}” follows {{else}}.</source>
        <translation>“{{{keyword}}}” volgt op {{else}}.</translation>
    </message>
    <message>
        <source>{else} must be the last branch.</source>
        <translation>{else} moet de laatste tak zijn.</translation>
    </message>
    <message>
        <source>“{/if}” closes nothing.</source>
        <translation>“{/if}” sluit niets af.</translation>
    </message>
    <message>
        <source>Remove it, or add the {if} it closes.</source>
        <translation>Verwijder het, of voeg de {if} toe die het afsluit.</translation>
    </message>
    <message>
        <source>This {if} is never closed.</source>
        <translation>Deze {if} wordt nooit afgesloten.</translation>
    </message>
    <message>
        <source>Add {/if} where its text ends.</source>
        <translation>Voeg {/if} toe waar de tekst ervan eindigt.</translation>
    </message>
    <message>
        <source>“{excerpt}” is never closed.</source>
        <translation>“{excerpt}” wordt nooit afgesloten.</translation>
    </message>
    <message>
        <source>Add the closing }.</source>
        <translation>Voeg de sluitende } toe.</translation>
    </message>
    <message>
        <source>This quoted text is never closed.</source>
        <translation>Deze tekst tussen aanhalingstekens wordt nooit afgesloten.</translation>
    </message>
    <message>
        <source>Add the closing quote.</source>
        <translation>Voeg het sluitende aanhalingsteken toe.</translation>
    </message>
    <message>
        <source>“{value}” cannot stand in “{excerpt}”.</source>
        <translation>“{value}” kan niet in “{excerpt}” staan.</translation>
    </message>
    <message>
        <source>Check the placeholder&apos;s spelling.</source>
        <translation>Controleer de spelling van de plaatshouder.</translation>
    </message>
    <message>
        <source>“{}” is empty.</source>
        <translation>“{}” is leeg.</translation>
    </message>
    <message>
        <source>Remove it or write {ldelim}{rdelim}.</source>
        <translation>Verwijder het of schrijf {ldelim}{rdelim}.</translation>
    </message>
    <message>
        <source>“{{{keyword}}}” needs a condition.</source>
        <translation>“{{{keyword}}}” heeft een voorwaarde nodig.</translation>
    </message>
    <message>
        <source>Write it as {{{keyword} $column}}.</source>
        <translation>Schrijf het als {{{keyword} $kolom}}.</translation>
    </message>
    <message>
        <source>“{text}” is unexpected here.</source>
        <translation>“{text}” is hier onverwacht.</translation>
    </message>
    <message>
        <source>{what} is missing at the end of the placeholder.</source>
        <translation>{what} ontbreekt aan het eind van de plaatshouder.</translation>
    </message>
    <message>
        <source>Complete it.</source>
        <translation>Maak het af.</translation>
    </message>
    <message>
        <source>This placeholder is nested too deeply.</source>
        <translation>Deze plaatshouder is te diep genest.</translation>
    </message>
    <message>
        <source>Simplify it.</source>
        <translation>Vereenvoudig hem.</translation>
    </message>
    <message>
        <source>“{text}” is not a modifier.</source>
        <translation>“{text}” is geen modifier.</translation>
    </message>
    <message>
        <source>Use one of: {known}.</source>
        <translation>Gebruik een van: {known}.</translation>
    </message>
    <message>
        <source>“{modifier}” takes at most 1 argument.</source>
        <translation>“{modifier}” neemt hoogstens 1 argument.</translation>
    </message>
    <message>
        <source>“{modifier}” takes at most {most} arguments.</source>
        <translation>“{modifier}” neemt hoogstens {most} argumenten.</translation>
    </message>
    <message>
        <source>Remove the rest.</source>
        <translation>Haal de rest weg.</translation>
    </message>
    <message>
        <source>“(” is never closed.</source>
        <translation>“(” wordt nooit afgesloten.</translation>
    </message>
    <message>
        <source>Add the “)”.</source>
        <translation>Voeg de “)” toe.</translation>
    </message>
    <message>
        <source>“{text}” is neither a value nor a variable.</source>
        <translation>“{text}” is geen waarde en geen variabele.</translation>
    </message>
    <message>
        <source>Variables start with $: write ${text}, or quote text as &quot;{text}&quot;.</source>
        <translation>Variabelen beginnen met $: schrijf ${text}, of zet tekst tussen aanhalingstekens als &quot;{text}&quot;.</translation>
    </message>
</context>
<context>
    <name>compose.render</name>
    <message>
        <source>Your message is kept as a draft.</source>
        <translation>Je bericht blijft bewaard als concept.</translation>
    </message>
</context>
<context>
    <name>compose.schedule</name>
    <message>
        <source>“{text}” is not a date and time.</source>
        <translation>“{text}” is geen datum en tijd.</translation>
    </message>
    <message>
        <source>Write it as YYYY-MM-DD HH:MM in your own time, e.g. &quot;2026-12-24 08:00&quot;.</source>
        <translation>Schrijf het als YYYY-MM-DD HH:MM in je eigen tijd, bijv. &quot;2026-12-24 08:00&quot;.</translation>
    </message>
    <message>
        <source>“{text}” is not a delay.</source>
        <translation>“{text}” is geen wachttijd.</translation>
    </message>
    <message>
        <source>Write a number and m, h or d, e.g. &quot;30m&quot;, &quot;1h&quot; or &quot;2d&quot;.</source>
        <translation>Schrijf een getal en m, h of d, bijv. &quot;30m&quot;, &quot;1h&quot; of &quot;2d&quot;.</translation>
    </message>
    <message>
        <source>“{text}” is no delay at all.</source>
        <translation>“{text}” is helemaal geen wachttijd.</translation>
    </message>
    <message>
        <source>To send now, leave the time out.</source>
        <translation>Laat de tijd weg om nu te verzenden.</translation>
    </message>
    <message>
        <source>{local_text} ({text}) is in the past.</source>
        <translation>{local_text} ({text}) ligt in het verleden.</translation>
    </message>
    <message>
        <source>Choose a later time, or send the message now.</source>
        <translation>Kies een later tijdstip, of verzend het bericht nu.</translation>
    </message>
    <message>
        <source>{local_text} is more than a year ahead.</source>
        <translation>{local_text} is meer dan een jaar vooruit.</translation>
    </message>
    <message>
        <source>Check the year.</source>
        <translation>Controleer het jaar.</translation>
    </message>
    <message>
        <source>Give a time (--at) or a delay (--in), not both.</source>
        <translation>Geef een tijd (--at) of een wachttijd (--in), niet allebei.</translation>
    </message>
</context>
<context>
    <name>delivery.outcomes</name>
    <message>
        <source>Cancelled by you: the message was not sent.</source>
        <translation>Geannuleerd door jou: het bericht is niet verzonden.</translation>
    </message>
    <message>
        <source>The message was sent (the server accepted it), but SMTPeter Desktop could not record that: {rstrip}.</source>
        <translation>Het bericht is verzonden (de server heeft het aangenomen), maar SMTPeter Desktop kon dat niet vastleggen: {rstrip}.</translation>
    </message>
    <message>
        <source>Look in Sent or ask the recipient before sending it again. The details are in the log.</source>
        <translation>Kijk in Verzonden of vraag het de ontvanger voordat je het opnieuw verzendt. De details staan in het logboek.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem while preparing the message.</source>
        <translation>SMTPeter Desktop liep tegen een intern probleem aan bij het voorbereiden van het bericht.</translation>
    </message>
    <message>
        <source>Try again; if it happens again, the details are in the log (Help ▸ Open Log Folder).</source>
        <translation>Probeer het opnieuw; als het weer gebeurt, staan de details in het logboek (Help ▸ Logmap openen).</translation>
    </message>
    <message>
        <source>The server put off these recipients for now: {listed}. Message {original} went to the others; this copy goes to these recipients alone.</source>
        <translation>De server heeft deze ontvangers voorlopig uitgesteld: {listed}. Bericht {original} ging naar de anderen; deze kopie gaat alleen naar deze ontvangers.</translation>
    </message>
    <message>
        <source>It is tried again by itself; you can also send it now with Retry.</source>
        <translation>Het wordt vanzelf opnieuw geprobeerd; je kunt het ook nu verzenden met Opnieuw proberen.</translation>
    </message>
    <message>
        <source>Do not send it again. Free some disk space; the message then shows as “may have gone out”: mark it as sent.</source>
        <translation>Verzend het niet opnieuw. Maak wat schijfruimte vrij; het bericht verschijnt dan als “misschien vertrokken”: markeer het als verzonden.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem while preparing the message; it is kept as a draft.</source>
        <translation type="vanished">SMTPeter Desktop liep tegen een intern probleem aan bij het voorbereiden van het bericht; het blijft bewaard als concept.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem while sending; the message may or may not have gone out.</source>
        <translation>SMTPeter Desktop liep tegen een intern probleem aan bij het verzenden; het bericht is misschien wel, misschien niet vertrokken.</translation>
    </message>
</context>
<context>
    <name>draft_recovery</name>
    <message>
        <source>SMTPeter Desktop closed unexpectedly last time while showing the draft “{subject}”. It is kept, but not opened, so that it cannot close the app again.</source>
        <translation>SMTPeter Desktop sloot de vorige keer onverwacht af terwijl het concept “{subject}” getoond werd. Het is bewaard, maar niet geopend, zodat het de app niet opnieuw kan laten afsluiten.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop closed unexpectedly last time while showing a draft without a subject. It is kept, but not opened, so that it cannot close the app again.</source>
        <translation>SMTPeter Desktop sloot de vorige keer onverwacht af terwijl een concept zonder onderwerp getoond werd. Het is bewaard, maar niet geopend, zodat het de app niet opnieuw kan laten afsluiten.</translation>
    </message>
    <message>
        <source>Read its text as plain text, or delete it.</source>
        <translation>Lees de tekst als platte tekst, of verwijder het.</translation>
    </message>
    <message>
        <source>Show as Plain &amp;Text</source>
        <translation>Als platte &amp;tekst tonen</translation>
    </message>
    <message>
        <source>&amp;Delete Draft…</source>
        <translation>Concept &amp;verwijderen…</translation>
    </message>
    <message>
        <source>The draft could not be read: {reason}</source>
        <translation>Het concept kon niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>The draft could not be deleted: {reason}</source>
        <translation>Het concept kon niet worden verwijderd: {reason}</translation>
    </message>
    <message>
        <source>The draft was deleted.</source>
        <translation>Het concept is verwijderd.</translation>
    </message>
    <message>
        <source>Delete the draft?</source>
        <translation>Het concept verwijderen?</translation>
    </message>
    <message>
        <source>Delete this draft? Its text cannot be brought back.</source>
        <translation>Dit concept verwijderen? De tekst kan niet worden teruggehaald.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>inspection.compat</name>
    <message>
        <source>scripts (&lt;script&gt;)</source>
        <translation>scripts (&lt;script&gt;)</translation>
    </message>
    <message>
        <source>every other mail program</source>
        <translation>elk ander mailprogramma</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>verwijderen</translation>
    </message>
    <message>
        <source>Leave scripts out: no mail program runs them.</source>
        <translation>Laat scripts weg: geen enkel mailprogramma voert ze uit.</translation>
    </message>
    <message>
        <source>embedded pages and objects (&lt;iframe&gt;, &lt;object&gt;, &lt;embed&gt;)</source>
        <translation>ingesloten pagina&apos;s en objecten (&lt;iframe&gt;, &lt;object&gt;, &lt;embed&gt;)</translation>
    </message>
    <message>
        <source>Link to the page instead, perhaps with a picture of it.</source>
        <translation>Link in plaats daarvan naar de pagina, eventueel met een afbeelding ervan.</translation>
    </message>
    <message>
        <source>video and audio (&lt;video&gt;, &lt;audio&gt;)</source>
        <translation>video en audio (&lt;video&gt;, &lt;audio&gt;)</translation>
    </message>
    <message>
        <source>do not play</source>
        <translation>niet afspelen</translation>
    </message>
    <message>
        <source>Show a still image that links to the video on the web.</source>
        <translation>Toon een stilstaand beeld dat naar de video op het web linkt.</translation>
    </message>
    <message>
        <source>inline SVG (&lt;svg&gt;)</source>
        <translation>inline SVG (&lt;svg&gt;)</translation>
    </message>
    <message>
        <source>do not show</source>
        <translation>niet tonen</translation>
    </message>
    <message>
        <source>Use a PNG or JPEG image instead.</source>
        <translation>Gebruik in plaats daarvan een PNG- of JPEG-afbeelding.</translation>
    </message>
    <message>
        <source>forms (&lt;form&gt;, &lt;input&gt;, &lt;select&gt;, &lt;textarea&gt;)</source>
        <translation>formulieren (&lt;form&gt;, &lt;input&gt;, &lt;select&gt;, &lt;textarea&gt;)</translation>
    </message>
    <message>
        <source>drop or do not let submit</source>
        <translation>weglaten of niet laten verzenden</translation>
    </message>
    <message>
        <source>Link to a form on the web instead.</source>
        <translation>Link in plaats daarvan naar een formulier op het web.</translation>
    </message>
    <message>
        <source>external style sheets (&lt;link rel=stylesheet&gt;, @import)</source>
        <translation>externe stylesheets (&lt;link rel=stylesheet&gt;, @import)</translation>
    </message>
    <message>
        <source>never load</source>
        <translation>nooit laden</translation>
    </message>
    <message>
        <source>Put the styles in the message (SMTPeter Desktop inlines its own).</source>
        <translation>Zet de stijlen in het bericht (SMTPeter Desktop voegt zijn eigen stijlen in).</translation>
    </message>
    <message>
        <source>a &lt;style&gt; block</source>
        <translation>een &lt;style&gt;-blok</translation>
    </message>
    <message>
        <source>ignore</source>
        <translation>negeren</translation>
    </message>
    <message>
        <source>Turn on “Inline CSS”, so SMTPeter moves the rules into the elements.</source>
        <translation>Zet “Inline CSS” aan, zodat SMTPeter de regels in de elementen zet.</translation>
    </message>
    <message>
        <source>CSS position</source>
        <translation>CSS position</translation>
    </message>
    <message>
        <source>ignore, so elements land elsewhere</source>
        <translation>negeren, zodat elementen ergens anders terechtkomen</translation>
    </message>
    <message>
        <source>Lay the message out with tables or plain blocks.</source>
        <translation>Maak de opmaak van het bericht met tabellen of gewone blokken.</translation>
    </message>
    <message>
        <source>CSS flexbox (display: flex)</source>
        <translation>CSS-flexbox (display: flex)</translation>
    </message>
    <message>
        <source>ignore, so the boxes stack</source>
        <translation>negeren, zodat de vakken onder elkaar komen</translation>
    </message>
    <message>
        <source>Use a table for columns.</source>
        <translation>Gebruik een tabel voor kolommen.</translation>
    </message>
    <message>
        <source>CSS grid (display: grid)</source>
        <translation>CSS-grid (display: grid)</translation>
    </message>
    <message>
        <source>CSS custom properties (var(--…))</source>
        <translation>CSS-custom properties (var(--…))</translation>
    </message>
    <message>
        <source>ignore, so the styles using them are lost</source>
        <translation>negeren, zodat de stijlen die ze gebruiken verloren gaan</translation>
    </message>
    <message>
        <source>Write the values out.</source>
        <translation>Schrijf de waarden uit.</translation>
    </message>
    <message>
        <source>CSS background images</source>
        <translation>CSS-achtergrondafbeeldingen</translation>
    </message>
    <message>
        <source>Use an &lt;img&gt;, or a background colour that reads well alone.</source>
        <translation>Gebruik een &lt;img&gt;, of een achtergrondkleur die op zichzelf goed leesbaar is.</translation>
    </message>
    <message>
        <source>calc() in CSS</source>
        <translation>calc() in CSS</translation>
    </message>
    <message>
        <source>Write the computed value.</source>
        <translation>Schrijf de berekende waarde.</translation>
    </message>
    <message>
        <source>CSS object-fit</source>
        <translation>CSS object-fit</translation>
    </message>
    <message>
        <source>ignore, so images stretch</source>
        <translation>negeren, zodat afbeeldingen uitrekken</translation>
    </message>
    <message>
        <source>Crop the image to the size it is shown at.</source>
        <translation>Snijd de afbeelding bij tot het formaat waarop ze getoond wordt.</translation>
    </message>
    <message>
        <source>web fonts (@font-face)</source>
        <translation>weblettertypen (@font-face)</translation>
    </message>
    <message>
        <source>do not load (Outlook may fall back to Times New Roman)</source>
        <translation>niet laden (Outlook valt misschien terug op Times New Roman)</translation>
    </message>
    <message>
        <source>Use common system fonts, with a fallback list.</source>
        <translation>Gebruik gangbare systeemlettertypen, met een lijst met alternatieven.</translation>
    </message>
    <message>
        <source>@media queries</source>
        <translation>@media-query&apos;s</translation>
    </message>
    <message>
        <source>Make the layout work without them; they can only refine it.</source>
        <translation>Zorg dat de opmaak zonder ze werkt; ze kunnen haar alleen verfijnen.</translation>
    </message>
    <message>
        <source>images written into the HTML as data: addresses</source>
        <translation>afbeeldingen die als data:-adressen in de HTML staan</translation>
    </message>
    <message>
        <source>Use the image as a file: SMTPeter Desktop embeds it, or SMTPeter hosts it.</source>
        <translation>Gebruik de afbeelding als bestand: SMTPeter Desktop sluit haar in, of SMTPeter host haar.</translation>
    </message>
    <message>
        <source>SVG images</source>
        <translation>SVG-afbeeldingen</translation>
    </message>
    <message>
        <source>WebP images</source>
        <translation>WebP-afbeeldingen</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} en {last}</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (en nog {count})</translation>
    </message>
    <message>
        <source>The HTML uses {what}, which {list} {effect} ({count} {value}{more}). Source: {source}.</source>
        <translation>De HTML gebruikt {what}, wat {list} {effect} ({count} {value}{more}). Bron: {source}.</translation>
    </message>
    <message>
        <source>place</source>
        <translation>plek</translation>
    </message>
    <message>
        <source>places</source>
        <translation>plekken</translation>
    </message>
</context>
<context>
    <name>inspection.links</name>
    <message>
        <source>{links} cannot be followed as written.</source>
        <translation>Niet te volgen zoals geschreven: {links}.</translation>
    </message>
    <message>
        <source>Correct the address: a web link starts with https:// and a server name.</source>
        <translation>Verbeter het adres: een weblink begint met https:// en een servernaam.</translation>
    </message>
    <message>
        <source>{links} http:// to a server that the message also links with https://; readers may see a “not secure” warning.</source>
        <translation>{links} http:// naar een server waar het bericht ook met https:// naar linkt; lezers kunnen een waarschuwing “niet veilig” zien.</translation>
    </message>
    <message>
        <source>Change them to https://.</source>
        <translation>Verander ze in https://.</translation>
    </message>
    <message>
        <source>{links} a web address as text but points elsewhere; mail programs and spam filters take that for phishing.</source>
        <translation>{links} een webadres als tekst maar wijst ergens anders heen; mailprogramma&apos;s en spamfilters zien dat als phishing.</translation>
    </message>
    <message>
        <source>Make the text say where the link goes, or use words instead of an address.</source>
        <translation>Laat de tekst zeggen waar de link heen gaat, of gebruik woorden in plaats van een adres.</translation>
    </message>
    <message>
        <source>{links} to write an e-mail name an address that is not valid.</source>
        <translation>Een ongeldig adres in links om een e-mail te schrijven: {links}.</translation>
    </message>
    <message>
        <source>Correct the address after “mailto:”.</source>
        <translation>Verbeter het adres na “mailto:”.</translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>1 link</translation>
    </message>
    <message>
        <source>{count} links</source>
        <translation>{count} links</translation>
    </message>
    <message>
        <source>uses</source>
        <translation>gebruikt</translation>
    </message>
    <message>
        <source>use</source>
        <translation>gebruiken</translation>
    </message>
    <message>
        <source>shows</source>
        <translation>toont</translation>
    </message>
    <message>
        <source>show</source>
        <translation>tonen</translation>
    </message>
    <message>
        <source>asks</source>
        <translation>vraagt</translation>
    </message>
    <message>
        <source>ask</source>
        <translation>vragen</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>leidt</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>leiden</translation>
    </message>
    <message>
        <source>points</source>
        <translation>wijst</translation>
    </message>
    <message>
        <source>point</source>
        <translation>wijzen</translation>
    </message>
    <message>
        <source>{links} to a page that is not there or not allowed.</source>
        <translation>{links} naar een pagina die er niet is of niet toegankelijk is.</translation>
    </message>
    <message>
        <source>Open each link in a browser and correct the address.</source>
        <translation>Open elke link in een browser en verbeter het adres.</translation>
    </message>
    <message>
        <source>{links} could not be checked: no server answered.</source>
        <translation>Niet te controleren, want geen server antwoordde: {links}.</translation>
    </message>
    <message>
        <source>Check the address; if the site is only down for now, try again later.</source>
        <translation>Controleer het adres; als de site alleen even uit de lucht is, probeer het later opnieuw.</translation>
    </message>
</context>
<context>
    <name>inspection.parts</name>
    <message>
        <source>The message is {human_size} as sent; large messages are slower to deliver and some mailboxes are small.</source>
        <translation>Het bericht is zoals verzonden {human_size}; grote berichten worden trager bezorgd en sommige mailboxen zijn klein.</translation>
    </message>
    <message>
        <source>Link to big files rather than attaching them.</source>
        <translation>Link naar grote bestanden in plaats van ze bij te voegen.</translation>
    </message>
    <message>
        <source>The HTML is {human_size}; Gmail cuts off HTML over 102 KB behind a “View entire message” link, and opens are then not counted.</source>
        <translation>De HTML is {human_size}; Gmail kapt HTML boven 102 KB af achter een link “Volledig bericht weergeven”, en openen wordt dan niet geteld.</translation>
    </message>
    <message>
        <source>Shorten the message, or split it.</source>
        <translation>Maak het bericht korter, of splits het.</translation>
    </message>
    <message>
        <source>1 image has no alternative text; readers who block images or use a screen reader see nothing there.</source>
        <translation>1 afbeelding heeft geen alternatieve tekst; lezers die afbeeldingen blokkeren of een schermlezer gebruiken, zien daar niets.</translation>
    </message>
    <message>
        <source>{count} images have no alternative text; readers who block images or use a screen reader see nothing there.</source>
        <translation>{count} afbeeldingen hebben geen alternatieve tekst; lezers die afbeeldingen blokkeren of een schermlezer gebruiken, zien daar niets.</translation>
    </message>
    <message>
        <source>Describe each image in the brackets: ![a red bicycle](bike.png).</source>
        <translation>Beschrijf elke afbeelding tussen de haken: ![een rode fiets](fiets.png).</translation>
    </message>
    <message>
        <source>Send it with a text part (SMTPeter Desktop adds one from the Markdown).</source>
        <translation>Verzend het met een tekstdeel (SMTPeter Desktop maakt er een uit de Markdown).</translation>
    </message>
    <message>
        <source>Build the message again with SMTPeter Desktop.</source>
        <translation>Maak het bericht opnieuw met SMTPeter Desktop.</translation>
    </message>
    <message>
        <source>One-click unsubscribe is on, but the message has no List-Unsubscribe-Post header, so mail programs will not offer it.</source>
        <translation>Afmelden met één klik staat aan, maar het bericht heeft geen kop List-Unsubscribe-Post, dus mailprogramma&apos;s zullen het niet aanbieden.</translation>
    </message>
    <message>
        <source>The message has HTML but no plain-text version; spam filters count that against it, and text-only readers see nothing.</source>
        <translation>Het bericht heeft HTML maar geen versie in platte tekst; spamfilters rekenen dat aan, en lezers die alleen tekst tonen, zien niets.</translation>
    </message>
    <message>
        <source>The options offer an unsubscribe address, but the message has no List-Unsubscribe header.</source>
        <translation>De opties bieden een afmeldadres, maar het bericht heeft geen kop List-Unsubscribe.</translation>
    </message>
</context>
<context>
    <name>inspection.run</name>
    <message>
        <source>The content was not checked, as the message cannot be built yet.</source>
        <translation>De inhoud is niet gecontroleerd, omdat het bericht nog niet gemaakt kan worden.</translation>
    </message>
    <message>
        <source>Fix what blocks above, then check again.</source>
        <translation>Verhelp wat hierboven blokkeert en controleer opnieuw.</translation>
    </message>
</context>
<context>
    <name>inspection.smtpeter</name>
    <message>
        <source>Click tracking will send {count} through SMTPeter&apos;s tracking address, so clicks are counted; readers still end up at the same page.</source>
        <translation>Het volgen van klikken stuurt {count} via het volgadres van SMTPeter, zodat klikken geteld worden; lezers komen nog steeds op dezelfde pagina.</translation>
    </message>
    <message>
        <source>Turn off click tracking to leave every link as written.</source>
        <translation>Zet het volgen van klikken uit om elke link te laten zoals hij geschreven is.</translation>
    </message>
    <message>
        <source>SMTPeter will leave {count} unchanged, as their text is a web address (prevent scam warnings is on); clicks on them are not counted.</source>
        <translation>SMTPeter laat {count} ongewijzigd, omdat de tekst een webadres is (scamwaarschuwingen voorkomen staat aan); klikken daarop worden niet geteld.</translation>
    </message>
    <message>
        <source>Click tracking will point {count} whose text is a web address to another address, which some mail programs flag as a scam.</source>
        <translation>Het volgen van klikken laat {count} met een webadres als tekst naar een ander adres wijzen, wat sommige mailprogramma&apos;s als oplichting markeren.</translation>
    </message>
    <message>
        <source>Turn on “Prevent scam warnings” so SMTPeter leaves these links alone.</source>
        <translation>Zet “Scamwaarschuwingen voorkomen” aan zodat SMTPeter deze links met rust laat.</translation>
    </message>
    <message>
        <source>Turn off open tracking to send the HTML as written.</source>
        <translation>Zet het volgen van openen uit om de HTML te verzenden zoals hij geschreven is.</translation>
    </message>
    <message>
        <source>SMTPeter will take {count} out of the message, host them and link them; the message gets smaller, and readers see them once they allow images.</source>
        <translation>SMTPeter haalt {count} uit het bericht, host ze en linkt ernaar; het bericht wordt kleiner, en lezers zien ze zodra ze afbeeldingen toestaan.</translation>
    </message>
    <message>
        <source>The message carries {count} inside it; some mobile mail apps hide embedded images, or list them as attachments.</source>
        <translation>Het bericht bevat {count}; sommige mobiele mailapps verbergen ingesloten afbeeldingen, of tonen ze als bijlagen.</translation>
    </message>
    <message>
        <source>Turn on “Host images” to have SMTPeter host them and link them instead.</source>
        <translation>Zet “Afbeeldingen hosten” aan om SMTPeter ze te laten hosten en er in plaats daarvan naar te laten linken.</translation>
    </message>
    <message>
        <source>SMTPeter will move the rules of {blocks} into the elements&apos; style attributes.</source>
        <translation>SMTPeter zet de regels van {blocks} in de style-attributen van de elementen.</translation>
    </message>
    <message>
        <source>You may turn inline CSS off.</source>
        <translation>Je kunt inline CSS uitzetten.</translation>
    </message>
    <message>
        <source>Inline CSS is on, but there is nothing left to inline: SMTPeter Desktop already put the styles into the elements.</source>
        <translation>Inline CSS staat aan, maar er valt niets meer in te voegen: SMTPeter Desktop heeft de stijlen al in de elementen gezet.</translation>
    </message>
    <message>
        <source>Open tracking adds an invisible image to the HTML; an open is counted only when the reader&apos;s mail program loads images.</source>
        <translation>Het volgen van openen voegt een onzichtbare afbeelding aan de HTML toe; openen wordt alleen geteld als het mailprogramma van de lezer afbeeldingen laadt.</translation>
    </message>
</context>
<context>
    <name>inspection.spam</name>
    <message>
        <source>SpamAssassin scores the message {score}; from {threshold:.1f} it calls a message spam, and many receivers would file it as junk.</source>
        <translation>SpamAssassin geeft het bericht een score van {score}; vanaf {threshold:.1f} noemt het een bericht spam, en veel ontvangers zouden het als ongewenst opbergen.</translation>
    </message>
    <message>
        <source>Change what the rules below point at, starting with the highest.</source>
        <translation>Verander waar de regels hieronder op wijzen, te beginnen met de hoogste.</translation>
    </message>
    <message>
        <source>SpamAssassin scores the message {score} (spam from {threshold:.1f}).</source>
        <translation>SpamAssassin geeft het bericht een score van {score} (spam vanaf {threshold:.1f}).</translation>
    </message>
    <message>
        <source>SpamAssassin is not installed, so the message got no spam score.</source>
        <translation>SpamAssassin is niet geïnstalleerd, dus het bericht kreeg geen spamscore.</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>Yesterday {time}</source>
        <translation>Gisteren {time}</translation>
    </message>
    <message>
        <source>It &amp;Arrived — Mark as Sent</source>
        <translation>Het is &amp;aangekomen — als verzonden markeren</translation>
    </message>
    <message>
        <source>Send A&amp;gain</source>
        <translation>Opnieuw &amp;verzenden</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Nu verzenden</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Nieuw bericht</translation>
    </message>
    <message>
        <source>&amp;Open Draft…</source>
        <translation>Concept &amp;openen…</translation>
    </message>
    <message>
        <source>Every unsent draft</source>
        <translation>Elk onverzonden concept</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message>
        <source>Chec&amp;k Message</source>
        <translation>Bericht contro&amp;leren</translation>
    </message>
    <message>
        <source>What SMTPeter and the receivers will make of the message, before sending</source>
        <translation>Wat SMTPeter en de ontvangers van het bericht zullen maken, vóór het verzenden</translation>
    </message>
    <message>
        <source>Sa&amp;ve Draft</source>
        <translation>Concept op&amp;slaan</translation>
    </message>
    <message>
        <source>Mail &amp;Merge…</source>
        <translation>&amp;Samenvoegen (mail merge)…</translation>
    </message>
    <message>
        <source>Send the message to each person on a list, each their own</source>
        <translation>Het bericht naar iedereen op een lijst sturen, ieder een eigen exemplaar</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Print the message as the preview shows it</source>
        <translation>Het bericht afdrukken zoals het voorbeeld het toont</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Venster &amp;sluiten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Knippen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>K&amp;opiëren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Plakken</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles selecteren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>Find words in the message text</source>
        <translation>Woorden zoeken in de berichttekst</translation>
    </message>
    <message>
        <source>Undo Sen&amp;d</source>
        <translation>Verzenden ongedaan &amp;maken</translation>
    </message>
    <message>
        <source>Take back the message counting down</source>
        <translation>Het bericht terugnemen dat aftelt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>Show &amp;Preview</source>
        <translation>&amp;Voorbeeld tonen</translation>
    </message>
    <message>
        <source>&amp;Cc, Bcc and Reply-To</source>
        <translation>&amp;Cc, Bcc en Antwoord-aan</translation>
    </message>
    <message>
        <source>SMTPeter &amp;Options</source>
        <translation>SMTPeter-&amp;opties</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Markdown Cheat Sheet</source>
        <translation>&amp;Markdown-spiekbriefje</translation>
    </message>
    <message>
        <source>What to type for bold, lists, links and the rest</source>
        <translation>Wat je typt voor vet, lijsten, links en de rest</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Over {app}</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Logmap openen</translation>
    </message>
    <message>
        <source>The folder with the app&apos;s log files, for reporting a problem</source>
        <translation>De map met de logbestanden van de app, om een probleem te melden</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>Nieuw vanuit &amp;sjabloon…</translation>
    </message>
    <message>
        <source>Start a message from a template; rename or delete templates</source>
        <translation>Een bericht beginnen vanuit een sjabloon; sjablonen hernoemen of verwijderen</translation>
    </message>
    <message>
        <source>Save as Templat&amp;e…</source>
        <translation>Opslaan als sjabloo&amp;n…</translation>
    </message>
    <message>
        <source>Keep this message as a template to start others from</source>
        <translation>Dit bericht bewaren als sjabloon om andere mee te beginnen</translation>
    </message>
    <message>
        <source>SMTPeter Temp&amp;lates…</source>
        <translation>SMTPeter-sjab&amp;lonen…</translation>
    </message>
    <message>
        <source>Send one of your SMTPeter account&apos;s own templates (REST API)</source>
        <translation>Een van de eigen sjablonen van je SMTPeter-account verzenden (REST-API)</translation>
    </message>
    <message>
        <source>Send L&amp;ater…</source>
        <translation>&amp;Later verzenden…</translation>
    </message>
    <message>
        <source>Choose when the message goes; it waits in the Outbox</source>
        <translation>Kies wanneer het bericht vertrekt; het wacht in Postvak UIT</translation>
    </message>
</context>
<context>
    <name>message_viewer</name>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Antwoord-aan</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Track clicks</source>
        <translation>Klikken volgen</translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation>Openen volgen</translation>
    </message>
    <message>
        <source>Track bounces</source>
        <translation>Bounces volgen</translation>
    </message>
    <message>
        <source>Inline CSS</source>
        <translation>Inline CSS</translation>
    </message>
    <message>
        <source>Prevent scam</source>
        <translation>Scam voorkomen</translation>
    </message>
    <message>
        <source>Hosted images</source>
        <translation>Gehoste afbeeldingen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>when delivered</source>
        <translation>bij bezorging</translation>
    </message>
    <message>
        <source>if it fails</source>
        <translation>als het mislukt</translation>
    </message>
    <message>
        <source>if delayed</source>
        <translation>bij vertraging</translation>
    </message>
    <message>
        <source>on</source>
        <translation>aan</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>returning the full message</source>
        <translation>met het volledige bericht terug</translation>
    </message>
    <message>
        <source>returning the headers</source>
        <translation>met de koppen terug</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(geen naam)</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Nothing on this computer opened {what}.</source>
        <translation>Niets op deze computer opende {what}.</translation>
    </message>
    <message>
        <source>Open {where} yourself, or choose a default app for it in your system&apos;s settings.</source>
        <translation>Open {where} zelf, of kies er een standaardapp voor in de instellingen van je systeem.</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>The message nests lists, quotes or tags too deeply to be shown. Remove some of the nesting.</source>
        <translation>Het bericht nest lijsten, citaten of tags te diep om getoond te worden. Haal wat nesting weg.</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Attachment: {path}</source>
        <translation>Bijlage: {path}</translation>
    </message>
</context>
<context>
    <name>sent_pane</name>
    <message>
        <source>Nothing sent yet. Messages you send are kept here with the server&apos;s receipt.</source>
        <translation>Nog niets verzonden. Berichten die je verzendt, worden hier bewaard met het ontvangstbewijs van de server.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Bezorgd</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Geklikt</translation>
    </message>
    <message>
        <source>On its way</source>
        <translation>Onderweg</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Niet bezorgd</translation>
    </message>
    <message>
        <source>Handed to SMTPeter</source>
        <translation>Aan SMTPeter overgedragen</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Bezorging mislukt</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Gebounced</translation>
    </message>
    <message>
        <source>Link clicked</source>
        <translation>Link aangeklikt</translation>
    </message>
    <message>
        <source>Reply received</source>
        <translation>Antwoord ontvangen</translation>
    </message>
    <message>
        <source>look-up</source>
        <translation>opzoeken</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>verbinden</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>begroeting</translation>
    </message>
    <message>
        <source>hello</source>
        <translation>hallo</translation>
    </message>
    <message>
        <source>log-in</source>
        <translation>inloggen</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>afzender</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>ontvangers</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>uploaden</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>antwoord</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>{milliseconds} ms</source>
        <translation>{milliseconds} ms</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>---------- Forwarded message ----------</source>
        <translation>---------- Doorgestuurd bericht ----------</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
</context>
<context>
    <name>sidebar</name>
    <message>
        <source>Compose</source>
        <translation>Opstellen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postvak UIT</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
</context>
<context>
    <name>sizes</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} bytes</translation>
    </message>
</context>
<context>
    <name>storage.dictionary</name>
    <message>
        <source>Your dictionary {path} cannot be read: {value}.</source>
        <translation>Je woordenboek {path} kan niet worden gelezen: {value}.</translation>
    </message>
    <message>
        <source>Check who owns the file; spell checking goes on without your words.</source>
        <translation>Controleer wie eigenaar is van het bestand; de spellingcontrole gaat door zonder jouw woorden.</translation>
    </message>
    <message>
        <source>“{value}” cannot be added to the dictionary.</source>
        <translation>“{value}” kan niet aan het woordenboek worden toegevoegd.</translation>
    </message>
    <message>
        <source>Add one word at a time.</source>
        <translation>Voeg één woord tegelijk toe.</translation>
    </message>
</context>
<context>
    <name>storage.errors</name>
    <message>
        <source>There is no profile named {wanted!r}.</source>
        <translation>Er is geen profiel met de naam {wanted!r}.</translation>
    </message>
    <message>
        <source>The profiles are: {known}.</source>
        <translation>De profielen zijn: {known}.</translation>
    </message>
</context>
<context>
    <name>storage.jobs</name>
    <message>
        <source>Row {row_number} of merge {job_id} is queued already.</source>
        <translation>Rij {row_number} van samenvoeging {job_id} staat al in de wachtrij.</translation>
    </message>
    <message>
        <source>Nothing was added: a row is queued once.</source>
        <translation>Er is niets toegevoegd: een rij gaat één keer in de wachtrij.</translation>
    </message>
    <message>
        <source>Merge {job_id} cannot be {action} now: it is {value}.</source>
        <translation>Samenvoeging {job_id} kan nu niet {action}: hij is {value}.</translation>
    </message>
    <message>
        <source>Look at the merge&apos;s state first.</source>
        <translation>Kijk eerst naar de status van de samenvoeging.</translation>
    </message>
</context>
<context>
    <name>storage.lease</name>
    <message>
        <source>SMTPeter Desktop cannot use its folder: {path} could not be written ({reason_of}).</source>
        <translation>SMTPeter Desktop kan zijn map niet gebruiken: {path} kon niet worden geschreven ({reason_of}).</translation>
    </message>
    <message>
        <source>Free some space on the disk, or set {HOME_VARIABLE} to a folder you can write to.</source>
        <translation>Maak wat ruimte vrij op de schijf, of stel {HOME_VARIABLE} in op een map waarin je kunt schrijven.</translation>
    </message>
</context>
<context>
    <name>storage.mailbox</name>
    <message>
        <source>“{value}” cannot be a template&apos;s name.</source>
        <translation>“{value}” kan geen naam van een sjabloon zijn.</translation>
    </message>
    <message>
        <source>Use 1 to {TEMPLATE_NAME_MAX} characters on one line.</source>
        <translation>Gebruik 1 tot {TEMPLATE_NAME_MAX} tekens op één regel.</translation>
    </message>
    <message>
        <source>The built message {name} could not be read: {value}.</source>
        <translation>Het gemaakte bericht {name} kon niet worden gelezen: {value}.</translation>
    </message>
    <message>
        <source>Send the draft again; it is still a draft.</source>
        <translation>Verzend het concept opnieuw; het is nog steeds een concept.</translation>
    </message>
    <message>
        <source>The built message {name} changed while it was being stored.</source>
        <translation>Het gemaakte bericht {name} veranderde terwijl het werd opgeslagen.</translation>
    </message>
    <message>
        <source>There is a template called “{name}” already.</source>
        <translation>Er is al een sjabloon met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Choose another name, or replace that template.</source>
        <translation>Kies een andere naam, of vervang dat sjabloon.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Kies een andere naam.</translation>
    </message>
    <message>
        <source>The built message {message_file} could not be read: {value}.</source>
        <translation>Het gemaakte bericht {message_file} kon niet worden gelezen: {value}.</translation>
    </message>
</context>
<context>
    <name>storage.paths</name>
    <message>
        <source>The app folder {path} exists but is not a folder.</source>
        <translation>De app-map {path} bestaat, maar is geen map.</translation>
    </message>
    <message>
        <source>Move that file away, or set {HOME_VARIABLE} to another folder.</source>
        <translation>Verplaats dat bestand, of stel {HOME_VARIABLE} in op een andere map.</translation>
    </message>
    <message>
        <source>The app folder {path} cannot be created: {value}.</source>
        <translation>De app-map {path} kan niet worden gemaakt: {value}.</translation>
    </message>
    <message>
        <source>Set {HOME_VARIABLE} to a folder you can write to, or fix the permissions.</source>
        <translation>Stel {HOME_VARIABLE} in op een map waarin je kunt schrijven, of herstel de rechten.</translation>
    </message>
    <message>
        <source>The message could not be prepared for sending in {parent}: {reason_of}.</source>
        <translation>Het bericht kon niet worden voorbereid voor verzending in {parent}: {reason_of}.</translation>
    </message>
    <message>
        <source>Nothing was sent and the message is kept as a draft; free some space (or set {HOME_VARIABLE} to a folder on a writable disk) and send it again.</source>
        <translation>Er is niets verzonden en het bericht blijft een concept; maak wat ruimte vrij (of stel {HOME_VARIABLE} in op een map op een beschrijfbare schijf) en verzend het opnieuw.</translation>
    </message>
    <message>
        <source>{path} could not be saved: the disk is full.</source>
        <translation>{path} kon niet worden opgeslagen: de schijf is vol.</translation>
    </message>
    <message>
        <source>Free some space and try again; the previous version of the file is intact.</source>
        <translation>Maak wat ruimte vrij en probeer het opnieuw; de vorige versie van het bestand is intact.</translation>
    </message>
    <message>
        <source>{path} could not be saved: permission denied.</source>
        <translation>{path} kon niet worden opgeslagen: toegang geweigerd.</translation>
    </message>
    <message>
        <source>Check who owns the file and its folder; the previous version is intact.</source>
        <translation>Controleer wie eigenaar is van het bestand en de map; de vorige versie is intact.</translation>
    </message>
    <message>
        <source>{path} could not be saved: the disk is read-only.</source>
        <translation>{path} kon niet worden opgeslagen: de schijf is alleen-lezen.</translation>
    </message>
    <message>
        <source>Set {HOME_VARIABLE} to a folder on a writable disk.</source>
        <translation>Stel {HOME_VARIABLE} in op een map op een beschrijfbare schijf.</translation>
    </message>
    <message>
        <source>{path} could not be saved: {value}.</source>
        <translation>{path} kon niet worden opgeslagen: {value}.</translation>
    </message>
    <message>
        <source>The previous version of the file is intact.</source>
        <translation>De vorige versie van het bestand is intact.</translation>
    </message>
</context>
<context>
    <name>storage.profiles</name>
    <message>
        <source>{value!r} is not a usable e-mail address: {exc}</source>
        <translation>{value!r} is geen bruikbaar e-mailadres: {exc}</translation>
    </message>
    <message>
        <source>Write a plain address such as ann@example.com.</source>
        <translation>Schrijf een gewoon adres zoals ann@example.com.</translation>
    </message>
    <message>
        <source>A sender&apos;s name must be one line of at most 200 characters.</source>
        <translation>De naam van een afzender moet één regel van hoogstens 200 tekens zijn.</translation>
    </message>
    <message>
        <source>{text!r} is not a sender: write it as Name &lt;address&gt; or a bare address.</source>
        <translation>{text!r} is geen afzender: schrijf het als Naam &lt;adres&gt; of als kaal adres.</translation>
    </message>
    <message>
        <source>The {name} timeout must be more than 0 and at most {TIMEOUT_MAX:g} seconds, not {value!r}.</source>
        <translation>De wachttijd {name} moet meer dan 0 en hoogstens {TIMEOUT_MAX:g} seconden zijn, niet {value!r}.</translation>
    </message>
    <message>
        <source>The profile id {id!r} is not usable: it must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Het profiel-id {id!r} is niet bruikbaar: het moet 1 tot 64 letters, cijfers, &apos;-&apos; of &apos;_&apos; zijn.</translation>
    </message>
    <message>
        <source>A new one: id = &quot;{new_id}&quot;.</source>
        <translation>Een nieuw: id = &quot;{new_id}&quot;.</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Een profiel heeft een naam nodig.</translation>
    </message>
    <message>
        <source>A profile&apos;s name must be one line of at most {NAME_MAX} characters.</source>
        <translation>De naam van een profiel moet één regel van hoogstens {NAME_MAX} tekens zijn.</translation>
    </message>
    <message>
        <source>The transport must be &quot;smtp&quot; or &quot;rest&quot;, not {transport!r}.</source>
        <translation>Het transport moet &quot;smtp&quot; of &quot;rest&quot; zijn, niet {transport!r}.</translation>
    </message>
    <message>
        <source>The security must be &quot;starttls&quot; or &quot;tls&quot;, not {security!r}.</source>
        <translation>De beveiliging moet &quot;starttls&quot; of &quot;tls&quot; zijn, niet {security!r}.</translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535, not {port}.</source>
        <translation>De poort moet een geheel getal van 1 tot 65535 zijn, niet {port}.</translation>
    </message>
    <message>
        <source>The username must be one line.</source>
        <translation>De gebruikersnaam moet één regel zijn.</translation>
    </message>
    <message>
        <source>The CA file must be one line: a file&apos;s path.</source>
        <translation>Het CA-bestand moet één regel zijn: het pad van een bestand.</translation>
    </message>
    <message>
        <source>{host!r} is not a server name: write just the name, such as mail.smtpeter.com, and the port apart.</source>
        <translation>{host!r} is geen servernaam: schrijf alleen de naam, zoals mail.smtpeter.com, en de poort apart.</translation>
    </message>
    <message>
        <source>An SMTP profile needs the server&apos;s name (host).</source>
        <translation>Een SMTP-profiel heeft de naam van de server nodig (host).</translation>
    </message>
    <message>
        <source>A REST profile needs the API&apos;s address (rest_url).</source>
        <translation>Een REST-profiel heeft het adres van de API nodig (rest_url).</translation>
    </message>
    <message>
        <source>{rest_url!r} is not an API address: it must start with https:// (or http:// for a local server), like https://www.smtpeter.com/v1, with no ?query or #part.</source>
        <translation>{rest_url!r} is geen API-adres: het moet beginnen met https:// (of http:// voor een lokale server), zoals https://www.smtpeter.com/v1, zonder ?query of #deel.</translation>
    </message>
    <message>
        <source>{rest_url} is plain http:// to another computer: the API token and every message would cross the network unencrypted.</source>
        <translation>{rest_url} is gewone http:// naar een andere computer: het API-token en elk bericht zouden onversleuteld over het netwerk gaan.</translation>
    </message>
    <message>
        <source>the file cannot be read: {value}.</source>
        <translation>het bestand kan niet worden gelezen: {value}.</translation>
    </message>
    <message>
        <source>The profile {name!r} already has this id.</source>
        <translation>Het profiel {name!r} heeft dit id al.</translation>
    </message>
    <message>
        <source>There is already a profile named {name!r}.</source>
        <translation>Er is al een profiel met de naam {name!r}.</translation>
    </message>
    <message>
        <source>Profile names must differ (ignoring capitals).</source>
        <translation>Profielnamen moeten verschillen (hoofdletters tellen niet).</translation>
    </message>
    <message>
        <source>Use https://, like https://www.smtpeter.com/v1 (plain http:// is only for a server on this computer).</source>
        <translation>Gebruik https://, zoals https://www.smtpeter.com/v1 (gewone http:// is alleen voor een server op deze computer).</translation>
    </message>
</context>
<context>
    <name>storage.settings</name>
    <message>
        <source>{name} must be {words}, not {kind} ({show}).</source>
        <translation>{name} moet {words} zijn, niet {kind} ({show}).</translation>
    </message>
    <message>
        <source>{name} must be from {low} to {high}, not {value}.</source>
        <translation>{name} moet van {low} tot {high} zijn, niet {value}.</translation>
    </message>
    <message>
        <source>{name} must be one of {value}, not {value2!r}.</source>
        <translation>{name} moet een van {value} zijn, niet {value2!r}.</translation>
    </message>
    <message>
        <source>{name} must be one line.</source>
        <translation>{name} moet één regel zijn.</translation>
    </message>
    <message>
        <source>The profile a new message starts from (its id); empty: the first.</source>
        <translation>Het profiel waarmee een nieuw bericht begint (het id); leeg: het eerste.</translation>
    </message>
    <message>
        <source>Seconds during which a sent message can be taken back (0: send at once).</source>
        <translation>Seconden waarin een verzonden bericht kan worden teruggenomen (0: meteen verzenden).</translation>
    </message>
    <message>
        <source>Show the live preview of the message beside the editor.</source>
        <translation>Het live voorbeeld van het bericht naast de editor tonen.</translation>
    </message>
    <message>
        <source>The editor&apos;s font; empty: the system&apos;s monospace font.</source>
        <translation>Het lettertype van de editor; leeg: het vaste-breedtelettertype van het systeem.</translation>
    </message>
    <message>
        <source>The editor&apos;s font size, in points.</source>
        <translation>De lettergrootte van de editor, in punten.</translation>
    </message>
    <message>
        <source>Ask before every send, even when the checks find nothing.</source>
        <translation>Vóór elke verzending vragen, ook als de controles niets vinden.</translation>
    </message>
    <message>
        <source>Light or dark, or follow the system.</source>
        <translation>Licht of donker, of het systeem volgen.</translation>
    </message>
    <message>
        <source>Accept a keyring that keeps passwords in a plain file (only if no real keyring works).</source>
        <translation>Een sleutelbos accepteren die wachtwoorden in een gewoon bestand bewaart (alleen als geen echte sleutelbos werkt).</translation>
    </message>
    <message>
        <source>Warn before sending to more visible recipients (To and Cc) than this; Bcc hides them.</source>
        <translation>Waarschuwen vóór het verzenden aan meer zichtbare ontvangers (Aan en Cc) dan dit; Bcc verbergt ze.</translation>
    </message>
    <message>
        <source>Warn before sending a message larger than this many megabytes.</source>
        <translation>Waarschuwen vóór het verzenden van een bericht dat groter is dan dit aantal megabytes.</translation>
    </message>
    <message>
        <source>Underline misspelled words in the editor.</source>
        <translation>Spelfouten in de editor onderstrepen.</translation>
    </message>
    <message>
        <source>The spelling dictionary, e.g. en_US or nl; empty: the language of your system.</source>
        <translation>Het spellingwoordenboek, bijv. en_US of nl; leeg: de taal van je systeem.</translation>
    </message>
    <message>
        <source>The Cc and Bcc fields are shown.</source>
        <translation>De velden Cc en Bcc worden getoond.</translation>
    </message>
    <message>
        <source>The SMTPeter options panel is open.</source>
        <translation>Het paneel met SMTPeter-opties is open.</translation>
    </message>
    <message>
        <source>The &quot;Add your SMTPeter account&quot; banner was closed.</source>
        <translation>De balk &quot;Je SMTPeter-account toevoegen&quot; is gesloten.</translation>
    </message>
    <message>
        <source>Addresses not offered while typing a recipient (bare addresses, separated by spaces).</source>
        <translation>Adressen die niet worden aangeboden tijdens het typen van een ontvanger (kale adressen, gescheiden door spaties).</translation>
    </message>
    <message>
        <source>cannot be read: {strerror}.</source>
        <translation>kan niet worden gelezen: {strerror}.</translation>
    </message>
    <message>
        <source>{reason} Using the default settings.</source>
        <translation>{reason} De standaardinstellingen worden gebruikt.</translation>
    </message>
    <message>
        <source>{name} is not a setting of this version; it is kept but unused.{guess}</source>
        <translation>{name} is geen instelling van deze versie; hij wordt bewaard maar niet gebruikt.{guess}</translation>
    </message>
    <message>
        <source>{message} Using the default, {show}.</source>
        <translation>{message} De standaardwaarde, {show}, wordt gebruikt.</translation>
    </message>
    <message>
        <source>Fix the file or move it away; then change the setting again.</source>
        <translation>Verbeter het bestand of verplaats het; wijzig daarna de instelling opnieuw.</translation>
    </message>
    <message>
        <source>A message scheduled for later that is found more than this many hours after its time (the computer was off) is not sent by itself: you are asked. 0: always send it.</source>
        <translation>Een bericht dat voor later gepland is en meer dan dit aantal uren na zijn tijd gevonden wordt (de computer stond uit), wordt niet vanzelf verzonden: je wordt het gevraagd. 0: altijd verzenden.</translation>
    </message>
    <message>
        <source>Send runs the Before-Send check first (sender domain, links, HTML, spam score) and stops on what would block the message.</source>
        <translation>Verzenden voert eerst de controle vóór verzenden uit (afzenderdomein, links, HTML, spamscore) en stopt bij wat het bericht zou blokkeren.</translation>
    </message>
    <message>
        <source>The Before-Send check asks each link&apos;s server whether the page is there: one request per link, which those servers see (a personal link may count as a click).</source>
        <translation>De controle vóór verzenden vraagt de server van elke link of de pagina er is: één verzoek per link, dat die servers zien (een persoonlijke link kan als klik tellen).</translation>
    </message>
    <message>
        <source>The language of the window and the command line: system (your computer&apos;s), en or nl. Takes effect when the app starts again.</source>
        <translation>De taal van het venster en de opdrachtregel: system (die van je computer), en of nl. Gaat in wanneer de app opnieuw start.</translation>
    </message>
    <message>
        <source>settings were not saved, because the file has a mistake and saving would lose what is in it.</source>
        <translation>instellingen zijn niet opgeslagen, omdat het bestand een fout bevat en opslaan zou verliezen wat erin staat.</translation>
    </message>
</context>
<context>
    <name>storage.signatures</name>
    <message>
        <source>“{value}” cannot be a signature&apos;s name.</source>
        <translation>“{value}” kan geen naam van een handtekening zijn.</translation>
    </message>
    <message>
        <source>Use one line of 1 to {NAME_MAX} characters.</source>
        <translation>Gebruik één regel van 1 tot {NAME_MAX} tekens.</translation>
    </message>
    <message>
        <source>The signature name “{name}” starts or ends with a space.</source>
        <translation>De handtekeningnaam “{name}” begint of eindigt met een spatie.</translation>
    </message>
    <message>
        <source>Remove it.</source>
        <translation>Haal hem weg.</translation>
    </message>
    <message>
        <source>The signature “{name}” is {count:,} characters long; at most {MAX_CHARS:,} fit.</source>
        <translation>De handtekening “{name}” is {count:,} tekens lang; er passen er hoogstens {MAX_CHARS:,}.</translation>
    </message>
    <message>
        <source>Put images in as files (![logo](logo.png)), not as pasted data.</source>
        <translation>Zet afbeeldingen erin als bestanden (![logo](logo.png)), niet als geplakte gegevens.</translation>
    </message>
    <message>
        <source>The signature “{name}” holds a NUL character.</source>
        <translation>De handtekening “{name}” bevat een NUL-teken.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {value}.</source>
        <translation>{path} kan niet worden gelezen: {value}.</translation>
    </message>
    <message>
        <source>Check who owns the file.</source>
        <translation>Controleer wie eigenaar is van het bestand.</translation>
    </message>
    <message>
        <source>{path} is not valid TOML: {exc}.</source>
        <translation>{path} is geen geldige TOML: {exc}.</translation>
    </message>
    <message>
        <source>Correct the file, or move it aside.</source>
        <translation>Verbeter het bestand, of zet het opzij.</translation>
    </message>
    <message>
        <source>There is no signature called “{name}”.</source>
        <translation>Er is geen handtekening met de naam “{name}”.</translation>
    </message>
    <message>
        <source>Signatures: {names}.</source>
        <translation>Handtekeningen: {names}.</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>1 recipient</source>
        <translation>1 ontvanger</translation>
    </message>
    <message>
        <source>“{subject}”</source>
        <translation>“{subject}”</translation>
    </message>
    <message>
        <source>The message without a subject</source>
        <translation>Het bericht zonder onderwerp</translation>
    </message>
    <message>
        <source>the message without a subject</source>
        <translation>het bericht zonder onderwerp</translation>
    </message>
    <message>
        <source>{message} The server said: {reply}</source>
        <translation type="vanished">{message} De server zei: {reply}</translation>
    </message>
    <message>
        <source>The server said: {reply}</source>
        <translation>De server zei: {reply}</translation>
    </message>
    <message>
        <source>{ids} and {count} more</source>
        <translation>{ids} en nog {count}</translation>
    </message>
    <message>
        <source>SMTPeter message id: {ids}.</source>
        <translation>SMTPeter-bericht-id: {ids}.</translation>
    </message>
    <message>
        <source>SMTPeter message ids: {ids}.</source>
        <translation>SMTPeter-bericht-id&apos;s: {ids}.</translation>
    </message>
    <message>
        <source>The server answered: {reply}</source>
        <translation>De server antwoordde: {reply}</translation>
    </message>
    <message>
        <source>Sent {what} to {recipients}.</source>
        <translation>{what} verzonden aan {recipients}.</translation>
    </message>
    <message>
        <source>The built-in sandbox kept it; nothing was delivered.</source>
        <translation>De ingebouwde sandbox heeft het bewaard; er is niets bezorgd.</translation>
    </message>
    <message>
        <source>Some recipients were refused and did not get it: {list}.</source>
        <translation>Sommige ontvangers werden geweigerd en kregen het niet: {list}.</translation>
    </message>
    <message>
        <source>It is not known whether {what} went out. {reason}</source>
        <translation>Het is niet bekend of {what} vertrokken is. {reason}</translation>
    </message>
    <message>
        <source>{what} was not sent yet. {reason}</source>
        <translation>{what} is nog niet verzonden. {reason}</translation>
    </message>
    <message>
        <source>{what} was not sent. {reason}</source>
        <translation>{what} is niet verzonden. {reason}</translation>
    </message>
    <message>
        <source>Sending {what} was stopped; it was not sent.</source>
        <translation>Het verzenden van {what} is gestopt; het is niet verzonden.</translation>
    </message>
    <message numerus="yes">
        <source>%n recipients</source>
        <translation>
            <numerusform>%n ontvanger</numerusform>
            <numerusform>%n ontvangers</numerusform>
        </translation>
    </message>
    <message>
        <source>The message nests lists, quotes or tags too deeply to be shown. Remove some of the nesting.</source>
        <translation>Het bericht nest lijsten, citaten of tags te diep om getoond te worden. Haal wat nesting weg.</translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem; the details are in the log.</source>
        <translation>SMTPeter Desktop liep tegen een intern probleem aan; de details staan in het logboek.</translation>
    </message>
</context>
</TS>
