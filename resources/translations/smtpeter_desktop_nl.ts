<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>SettingsPane</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language takes effect when SMTPeter Desktop starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.arguments</name>
    <message>
        <source>rewrite links to count clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>let SMTPeter move &lt;style&gt; rules into the elements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>let SMTPeter handle bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{APP_NAME}: write mail in Markdown and send it through SMTPeter. With no command, the window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applications menu (Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add the app to the applications menu, with its icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove it from the menu again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for every user (/usr/local/share; needs root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program the menu starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending scheduled mail while the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove that timer again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn a Markdown file into a complete e-mail message and save it as .eml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where to write it; - (or /dev/stdout) writes to standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who it is from, e.g. &quot;Ann Lee &lt;ann@example.com&gt;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipients; repeat the option or separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blind copies: in the envelope, never in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where replies go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message text in Markdown; - reads standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attach a file (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a message from Markdown, check it, and send it through a profile. A message that cannot go now stays in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile to send with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the REST API token from standard input, for this command only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send despite warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value for the SMTPeter template&apos;s {$KEY} (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put this signature below the text (default: the sender&apos;s default signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signature, not even the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send at this time, in your own time zone; the app holds the message until then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send after a delay: 30m, 2h, 1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an SMTPeter tag (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help_text} (default: the profile&apos;s setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave links alone whose text is itself a web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>let SMTPeter host the images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a List-Unsubscribe web address (https://...) for readers to leave the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a List-Unsubscribe address to write to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
exit codes:
  0  nothing blocks the send (warnings and notes may be listed)
  1  something blocks it (or, with --strict, something warns): see the lines marked BLOCKS
  2  bad input: the check could not run; the message says what to fix
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say everything that would stop or spoil a message, without sending it: whether the From domain is a sender domain of the account with its DNS in order, what SMTPeter will change (tracked links, the open pixel, hosted images), what mail programs drop, links that look wrong, SpamAssassin&apos;s score, and missing parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account to check on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who it is from (default: the profile&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as for send (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attach a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the findings as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask SMTPeter about the sender domain again (its answers are kept a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip SpamAssassin (it takes a second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit 1 on warnings too, not only what blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles hold how to reach SMTPeter; their passwords and tokens are kept in the system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a profile for the SMTP or the REST API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what to call it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server, e.g. mail.smtpeter.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use SMTPeter&apos;s REST API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (ports 587, 25, 2525; the default) or TLS from the start (465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SMTP login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the REST API&apos;s base URL (default: SMTPeter&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CA certificate to trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sender this profile may use (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the profiles (never a secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a profile and its stored secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename a profile; its secret stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a profile&apos;s password or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test the connection stage by stage, sending nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the SMTP password from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the REST API token from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages waiting to be sent, those that failed, and those whose outcome is unknown (the server may have taken them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the outbox (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send it now (after a failure, or once you decided to resend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete it without sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make it a draft again, to change it in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you found it arrived: move an unknown message to Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message&apos;s number in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the messages whose time has come, then exit (what the send-due timer runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep running and look again every SECONDS (for a login session without systemd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change when a waiting message goes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send it at the next chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel a scheduled send: the message becomes a draft again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts saved by the window (or left by a cancelled send). Nothing here renders the Markdown, so a draft that troubles the window can still be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the drafts (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a draft: its fields, then its Markdown (redirect it to a .md file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the draft&apos;s number in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a draft for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures are Markdown put below a &apos;-- &apos; line at the end of a message. Each sender (a profile, or one of its From addresses) may have a default one, which send and the window put in unless told otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the signatures (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a signature, or replace the one with this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its text, in Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove a signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature a profile (or one of its From addresses) starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature; &apos;none&apos; for no signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for this From address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local templates are messages kept under a name, to start new ones from (send --template NAME). With --remote --profile P: the templates of that REST account on SMTPeter (send --smtpeter-template ID --data KEY=VALUE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the templates (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a message as a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace a template of that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile it is sent with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print a template: its fields, then its Markdown (or SMTPeter&apos;s HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its name or number (--remote: SMTPeter&apos;s id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a template another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter&apos;s templates of a REST account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the REST account (--remote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one message to every row of a CSV list, each person their own mail, with placeholders such as {$firstname}, {$name|default:&quot;friend&quot;} and {if $vip}...{/if}. Every row is checked first; nothing is sent while a row has a problem. Run the same command again to resume a merge that was stopped.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message in Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the subject line, with placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list, with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who it is from (default: the profile&apos;s first sender)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column with the addresses (default: recognised from the header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name shown in To, e.g. &quot;{$first} {$last}&quot; (default: the address alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most this many messages a minute, e.g. 60/min or 600/hour (default: unlimited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send one row to ADDR only, its subject starting with [Test], and stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the row --test-to sends, numbered as in a spreadsheet (default: the first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check every row and print the table of rows and problems; send nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the rows that check and leave the rows with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel this merge where it was stopped: the rows not sent yet will not be</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a Markdown file as an e-mail message (.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send a Markdown file as an e-mail message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send one Markdown message to each person of a list, personalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check a message before sending: sender domain, links, HTML, spam score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage the accounts mail is sent with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, retry, edit or discard messages that have not gone out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list sent mail with SMTPeter&apos;s message ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch a sent message&apos;s delivery events from SMTPeter (REST profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, show or delete saved drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, add or remove signatures, and choose each sender&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, save, show, rename or delete templates; --remote: SMTPeter&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a local stand-in for SMTPeter that delivers nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after: SMTPeter stops trying to deliver after this time (REST accounts only; SMTPeter has no SMTP header for it). In your own time; sent to SMTPeter in UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RFC 8058 one-click unsubscribe with --unsubscribe-url (Gmail and Yahoo ask it of bulk senders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send every waiting message whose scheduled (or retry) time has passed. A message another SMTPeter Desktop is sending is left to it. A scheduled message found more than late_send_limit_hours (settings.toml) after its time is not sent: it is listed for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask each web link&apos;s server whether the page is there, a HEAD request per link (default: the check_links_online setting, off unless you turned it on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attach a file to every message (repeatable); per-person files go in an “attachment” column</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit codes:
  0  nothing blocks the send (warnings and notes may be listed)
  1  something blocks it (or, with --strict, something warns): see the lines marked BLOCKS
  2  bad input: the check could not run; the message says what to fix
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the SMTP password from standard input, for this command only (instead of a stored one; for scripts, or when no keyring works)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run `outbox send-due` every minute: a systemd user timer, or an autostart entry where systemd --user is not available (Linux)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send one of SMTPeter&apos;s own templates (REST accounts; see `templates --remote`) to --to, its placeholders filled from --data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start from this local template (see `templates`); the options given here (--to, --subject, --markdown, --attach...) change or add to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the list with each row&apos;s state, message id and error; feed it back in as --data to send only the rows that did not go</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.build</name>
    <message>
        <source>the Markdown file {spec} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file {spec} is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file {spec} cannot be read: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachment {path} does not exist or is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{spec} cannot be written: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{spec} is a folder: give a file name, e.g. {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be written: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {where} ({size:,} bytes, {recipients} recipient{value}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.check</name>
    <message>
        <source>Checked for {profile}: {value} blocking, {value2} warning{value3}, {value4} note{value5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>        What to do: {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compatibility {score}/100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spam score {score:.1f} (spam from {threshold:.1f})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something blocks the send: fix what is marked BLOCKS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing blocks the send.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.commands</name>
    <message>
        <source>Removed {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The send-due timer was not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The systemd user timer sends scheduled mail every minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--system and --exec go with --install-desktop-entry or --install-send-due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemd --user is not available here: an autostart entry sends scheduled mail every minute while you are logged in (from your next login).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prog}: {message} (see --help)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile {name} has no sender: give --from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no {what} on standard input</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.drafts</name>
    <message>
        <source>There are no drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message {id} is not a draft (it is {state}): see `outbox` or `sent`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft {id} is damaged and cannot be shown ({exc}): `smtpeter-desktop drafts delete {id}` removes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message {id} is not a draft (it is {state}): `outbox discard` removes a message from the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted draft {id} ({subject}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.interrupt</name>
    <message>
        <source>
Stopping the send…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.mail</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>       next try after {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>       goes after {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge {id:&gt;3} {state:&lt;8} {open:,} of {total:,} rows to go  {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--every must be 1 second or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {message_id} ({value}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} ({value}) was to go at {when} and was not sent: that is longer ago than your limit (late_send_limit_hours). Send it now with `smtpeter-desktop outbox reschedule {id} --now`, choose another time with --at, or make it a draft again with `smtpeter-desktop outbox unschedule {id}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --now, --at or --in, one of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say when: --at &apos;YYYY-MM-DD HH:MM&apos;, --in 2h, or --now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} goes at the next chance (`outbox send-due` sends it now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} goes at {local_text} (your time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} will not be sent: it is a draft again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message {id} is not in the outbox (it is {state})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded message {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} is a draft again: open SMTPeter Desktop to change and send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} is in Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id:&gt;5}  {when}  {subject} — to {recipients}{delivery}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>       server: {reply}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>       {address}: refused ({code} {text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>       {address}: put off for now ({code} {text}); it goes to them alone from the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.merge</name>
    <message>
        <source>--test-row goes with --test-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list {data} does not exist or is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{summary}. Nothing was sent (--dry-run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list {name} has no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test of row {number} to {test_to}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this merge is not waiting to go on: there is nothing to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled merge {id}: {sent:,} sent, {left:,} not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{report_text}. Not sent: add --yes to send them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{report}. Send them through {profile}? [y/N] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending… {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {id} was stopped with {count:,} rows left to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and more: {bad:,} rows have problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent: {bad:,} of {rows:,} rows have problems. Correct them, or add --skip-bad-rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {job}: {text} sent through {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results: {results}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: {text} Then run the same command again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: run the same command again to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unknown:,} rows may or may not have gone out: look in “{APP_SLUG} outbox” before sending them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{open:,} rows wait to be tried again: run the same command later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.profiles</name>
    <message>
        <source>the profile {name} takes {wanted}, not {given}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret was not stored: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it with {value} when sending, or run `smtpeter-desktop profiles set-secret {name}` once a keyring works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is stored in the keyring ({backend}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--username and --security are for SMTP profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url is for REST profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{smtp} is not HOST:PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {upper} profile takes {wanted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added the profile {name}: {describe}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret given: add one with `smtpeter-desktop profiles set-secret {name} {wanted}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the CA file {path} is a folder: give the certificate file itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet: add one with `smtpeter-desktop profiles add`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (the keyring cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
  {describe}
  from: {senders}
  secret: {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the profile {name} and its stored secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed {name} to {new_name}; its secret stays with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is the built-in sandbox: it needs no secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret was not stored: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the secret of {name} in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing {name}: {describe}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile cannot be tested: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {name} stage failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.report</name>
    <message>
        <source>Sent through {profile} ({upper}) in {seconds:.2f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {recipient}: SMTPeter message id {message_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {recipient}: accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Server reply: {reply}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Server reply: {server_reply}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those recipients wait in the outbox as message {follow_up} (the same message, to them alone); it is tried again after {when} (when the app runs), or now with `smtpeter-desktop outbox retry {follow_up}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} was not sent now: it is not due yet, or another SMTPeter Desktop is sending it. See `smtpeter-desktop outbox`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is draft {id}: `smtpeter-desktop drafts show {id}` shows it, `smtpeter-desktop drafts delete {id}` deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It waits in the outbox as message {id} and is tried again after {when} (when the app runs), or now with `smtpeter-desktop outbox retry {id}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have gone out. Message {id} is kept in the outbox: `smtpeter-desktop outbox mark-sent {id}` if it arrived, `smtpeter-desktop outbox retry {id}` to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept in the outbox as message {id}: fix the cause, then `smtpeter-desktop outbox retry {id}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>put off for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.send</name>
    <message>
        <source>Not sent: fix the errors above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: add --yes to send despite the warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source></source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard input cannot carry both the Markdown and the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data goes with --smtpeter-template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --subject and --markdown (or --template NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: --give-up-after works through the REST API only; {name} sends by SMTP, so SMTPeter&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message {id} waits in the outbox until {local_text} (your time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Sending… {percent:3d}% of {value:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It goes out then only while SMTPeter Desktop is open, unless you install the send-due timer: smtpeter-desktop --install-send-due</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.signatures</name>
    <message>
        <source>There are no signatures yet: add one with `signatures add NAME --markdown FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    default for {who}{sender}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file {path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file {path} is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Markdown file {path} cannot be read: {strerror}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the signature “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the signature “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from {sender!r} is not one e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile} (From {sender}) now starts with the signature “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile} (From {sender}) now starts with no signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile} now starts with the signature “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile} now starts with no signature.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli.templates</name>
    <message>
        <source>There are no templates yet: `templates save NAME --subject S --markdown FILE`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the template “{value}” ({id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template “{name}” is now called “{value}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the template “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachment {path} does not exist or is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--remote needs --profile NAME (a REST account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} has no templates on SMTPeter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;!-- placeholders (send --data NAME=VALUE): {shown} --&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter could not be asked: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --to: who the template goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--data {item!r} is not KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have gone out: look in SMTPeter&apos;s logs before sending again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent SMTPeter&apos;s template {smtpeter_template} through {name} (REST).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {recipient}: SMTPeter message id {message_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--smtpeter-template sends SMTPeter&apos;s own template: leave out --markdown, --subject, --attach, --at and --in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.addresses</name>
    <message>
        <source>a “&gt;” has no matching “&lt;”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a “&lt;” is not closed with “&gt;”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address itself is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.checks</name>
    <message>
        <source>Choose who the message is from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The From field holds more than one address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no recipient: add an address in To, Cc or Bcc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attached file “{filename}” is no longer at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text mentions “{group}”, but nothing is attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{visible} recipients will see each other&apos;s addresses; consider putting them in Bcc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is about {human_size}; many mail servers refuse messages over {human_size2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text shows {count} image{value} from this computer, sent inside the message: {listed}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.draft</name>
    <message>
        <source>This draft was saved by a newer SMTPeter Desktop (format {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it with that version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored draft is damaged: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored draft is damaged: {name} is not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stored draft is damaged: it is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the options are not a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tags are not a list of text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.errors</name>
    <message>
        <source>“{entry}”{where} is not a valid e-mail address: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} contains {describe}, which a mail header cannot hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it; it may be invisible, so retyping that text is the surest way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “{path}” cannot be attached: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach it again from where it is now, or remove it; your message is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.merge</name>
    <message>
        <source>No column of the list holds the addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the address column, or name it “email” in the list&apos;s header.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.mergelist</name>
    <message>
        <source>“{name}” is not a text file that a spreadsheet wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sheet as CSV (UTF-8) and choose that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is a spreadsheet file, not a list in text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sheet as CSV (File ▸ Save As ▸ CSV UTF-8) and choose that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header of “{name}” cannot be read: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the first row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{path}” cannot be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the file is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the column names (email, firstname...) in its first row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {index} of the header has no usable name (“{cell}”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give every column a name that starts with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns {value} and {index} of the header are both called “{variable}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each column its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {value} of “{name}” cannot be read: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell holds at most {value} MB; check that row in the sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” changed while it was read (row {value} is not text any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.mergeresults</name>
    <message>
        <source>The results cannot be written to {parent}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results cannot be written to {path}: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.mime</name>
    <message>
        <source>Correct or remove it under Tags; the message is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message needs exactly one From address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who the message is from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image shown in the text was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it changed while the message was being built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is no longer there (moved, renamed or deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you do not have permission to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an address in To, Cc or Bcc.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.options</name>
    <message>
        <source>The option {name!r} must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option {name!r} must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown delivery notice {value!r}: use {value2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown DSN return {dsn_ret!r}: use HDRS or FULL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The give-up time {max_deliver_time!r} is not a UTC time written as YYYY-MM-DD hh:mm:ss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option {name!r} must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsubscribe address is over {UNSUBSCRIBE_MAX} characters long; use a shorter one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsubscribe address {email!r} is not a plain e-mail address (name@example.com, ASCII letters only, no display name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsubscribe link {url!r} is not a web address: it must start with https:// (or http://) and hold no spaces, commas or angle brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option {key!r} must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-click unsubscribe needs an unsubscribe link that starts with https:// (RFC 8058): add one, or turn one-click off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.personalize</name>
    <message>
        <source>“{{{keyword}}}” is not supported here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list row has one value per column; use {if} and placeholders instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{{{keyword}}}” takes nothing after its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the extra text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{literal}” is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {/literal} where the kept text ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{/literal}” closes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it, or add {literal} before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {MAX_DEPTH} {{if}} blocks are nested here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplify the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{{{keyword}}}” is outside any {{if}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the {if} it belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{{{keyword}}}” follows {{else}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{else} must be the last branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{/if}” closes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it, or add the {if} it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {if} is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {/if} where its text ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{excerpt}” is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the closing }.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quoted text is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the closing quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” cannot stand in “{excerpt}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the placeholder&apos;s spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{}” is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it or write {ldelim}{rdelim}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{{{keyword}}}” needs a condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as {{{keyword} $column}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is unexpected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is missing at the end of the placeholder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This placeholder is nested too deeply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a modifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{modifier}” takes at most {most} argument{value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“(” is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the “)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is neither a value nor a variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables start with $: write ${text}, or quote text as &quot;{text}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.render</name>
    <message>
        <source>Your message is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compose.schedule</name>
    <message>
        <source>“{text}” is not a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it as YYYY-MM-DD HH:MM in your own time, e.g. &quot;2026-12-24 08:00&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a delay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a number and m, h or d, e.g. &quot;30m&quot;, &quot;1h&quot; or &quot;2d&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is no delay at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To send now, leave the time out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{local_text} ({text}) is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a later time, or send the message now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{local_text} is more than a year ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a time (--at) or a delay (--in), not both.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>delivery.outcomes</name>
    <message>
        <source>Cancelled by you: the message was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message was sent (the server accepted it), but SMTPeter Desktop could not record that: {rstrip}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in Sent or ask the recipient before sending it again. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it happens again, the details are in the log (Help ▸ Open Log Folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server put off these recipients for now: {listed}. Message {original} went to the others; this copy goes to these recipients alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is tried again by itself; you can also send it now with Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send it again. Free some disk space; the message then shows as “may have gone out”: mark it as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem while preparing the message; it is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter Desktop ran into an internal problem while sending; the message may or may not have gone out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.compat</name>
    <message>
        <source>The HTML uses {what}, which {list} {effect} ({count} {value}{more}). Source: {source}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.links</name>
    <message>
        <source>{links} cannot be followed as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the address: a web link starts with https:// and a server name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{links} http:// to a server that the message also links with https://; readers may see a “not secure” warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change them to https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{links} a web address as text but points elsewhere; mail programs and spam filters take that for phishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the text say where the link goes, or use words instead of an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{links} to write an e-mail name an address that is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the address after “mailto:”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{links} to a page that is not there or not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open each link in a browser and correct the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{links} could not be checked: no server answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address; if the site is only down for now, try again later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.parts</name>
    <message>
        <source>The message is {human_size} as sent; large messages are slower to deliver and some mailboxes are small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to big files rather than attaching them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML is {human_size}; Gmail cuts off HTML over 102 KB behind a “View entire message” link, and opens are then not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the message, or split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} image{value} no alternative text; readers who block images or use a screen reader see nothing there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe each image in the brackets: ![a red bicycle](bike.png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it with a text part (SMTPeter Desktop adds one from the Markdown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the message again with SMTPeter Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-click unsubscribe is on, but the message has no List-Unsubscribe-Post header, so mail programs will not offer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has HTML but no plain-text version; spam filters count that against it, and text-only readers see nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options offer an unsubscribe address, but the message has no List-Unsubscribe header.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.run</name>
    <message>
        <source>The content was not checked, as the message cannot be built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix what blocks above, then check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.smtpeter</name>
    <message>
        <source>Click tracking will send {count} through SMTPeter&apos;s tracking address, so clicks are counted; readers still end up at the same page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off click tracking to leave every link as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter will leave {count} unchanged, as their text is a web address (prevent scam warnings is on); clicks on them are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click tracking will point {count} whose text is a web address to another address, which some mail programs flag as a scam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “Prevent scam warnings” so SMTPeter leaves these links alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off open tracking to send the HTML as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter will take {count} out of the message, host them and link them; the message gets smaller, and readers see them once they allow images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message carries {count} inside it; some mobile mail apps hide embedded images, or list them as attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “Host images” to have SMTPeter host them and link them instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPeter will move the rules of {blocks} into the elements&apos; style attributes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may turn inline CSS off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inline CSS is on, but there is nothing left to inline: SMTPeter Desktop already put the styles into the elements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tracking adds an invisible image to the HTML; an open is counted only when the reader&apos;s mail program loads images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>inspection.spam</name>
    <message>
        <source>SpamAssassin scores the message {score}; from {threshold:.1f} it calls a message spam, and many receivers would file it as junk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what the rules below point at, starting with the highest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin scores the message {score} (spam from {threshold:.1f}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin is not installed, so the message got no spam score.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sizes</name>
    <message>
        <source>{count} bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.dictionary</name>
    <message>
        <source>Your dictionary {path} cannot be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check who owns the file; spell checking goes on without your words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” cannot be added to the dictionary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add one word at a time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.errors</name>
    <message>
        <source>There is no profile named {wanted!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles are: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.jobs</name>
    <message>
        <source>Row {row_number} of merge {job_id} is queued already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added: a row is queued once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {job_id} cannot be {action} now: it is {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at the merge&apos;s state first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.lease</name>
    <message>
        <source>SMTPeter Desktop cannot use its folder: {path} could not be written ({reason_of}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space on the disk, or set {HOME_VARIABLE} to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.mailbox</name>
    <message>
        <source>“{value}” cannot be a template&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 to {TEMPLATE_NAME_MAX} characters on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built message {name} could not be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the draft again; it is still a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built message {name} changed while it was being stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a template called “{name}” already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name, or replace that template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built message {message_file} could not be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.paths</name>
    <message>
        <source>The app folder {path} exists but is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move that file away, or set {HOME_VARIABLE} to another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app folder {path} cannot be created: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {HOME_VARIABLE} to a folder you can write to, or fix the permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message could not be prepared for sending in {parent}: {reason_of}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent and the message is kept as a draft; free some space (or set {HOME_VARIABLE} to a folder on a writable disk) and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be saved: the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space and try again; the previous version of the file is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be saved: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check who owns the file and its folder; the previous version is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be saved: the disk is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {HOME_VARIABLE} to a folder on a writable disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be saved: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous version of the file is intact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.profiles</name>
    <message>
        <source>{value!r} is not a usable e-mail address: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a plain address such as ann@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sender&apos;s name must be one line of at most 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text!r} is not a sender: write it as Name &lt;address&gt; or a bare address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {name} timeout must be more than 0 and at most {TIMEOUT_MAX:g} seconds, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile id {id!r} is not usable: it must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new one: id = &quot;{new_id}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile&apos;s name must be one line of at most {NAME_MAX} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The transport must be &quot;smtp&quot; or &quot;rest&quot;, not {transport!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security must be &quot;starttls&quot; or &quot;tls&quot;, not {security!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a whole number from 1 to 65535, not {port}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username must be one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file must be one line: a file&apos;s path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host!r} is not a server name: write just the name, such as mail.smtpeter.com, and the port apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SMTP profile needs the server&apos;s name (host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A REST profile needs the API&apos;s address (rest_url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rest_url!r} is not an API address: it must start with https:// (or http:// for a local server), like https://www.smtpeter.com/v1, with no ?query or #part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rest_url} is plain http:// to another computer: the API token and every message would cross the network unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile {name!r} already has this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a profile named {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile names must differ (ignoring capitals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https://, like https://www.smtpeter.com/v1 (plain http:// is only for a server on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.settings</name>
    <message>
        <source>{name} must be {words}, not {kind} ({show}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be from {low} to {high}, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be one of {value}, not {value2!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} must be one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile a new message starts from (its id); empty: the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds during which a sent message can be taken back (0: send at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the live preview of the message beside the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor&apos;s font; empty: the system&apos;s monospace font.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor&apos;s font size, in points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before every send, even when the checks find nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark, or follow the system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a keyring that keeps passwords in a plain file (only if no real keyring works).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn before sending to more visible recipients (To and Cc) than this; Bcc hides them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn before sending a message larger than this many megabytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underline misspelled words in the editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spelling dictionary, e.g. en_US or nl; empty: the language of your system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Cc and Bcc fields are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTPeter options panel is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;Add your SMTPeter account&quot; banner was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses not offered while typing a recipient (bare addresses, separated by spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: {strerror}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Using the default settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a setting of this version; it is kept but unused.{guess}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} Using the default, {show}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the file or move it away; then change the setting again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message scheduled for later that is found more than this many hours after its time (the computer was off) is not sent by itself: you are asked. 0: always send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send runs the Before-Send check first (sender domain, links, HTML, spam score) and stops on what would block the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Before-Send check asks each link&apos;s server whether the page is there: one request per link, which those servers see (a personal link may count as a click).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the window and the command line: system (your computer&apos;s), en or nl. Takes effect when the app starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings were not saved, because the file has a mistake and saving would lose what is in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>storage.signatures</name>
    <message>
        <source>“{value}” cannot be a signature&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one line of 1 to {NAME_MAX} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature name “{name}” starts or ends with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature “{name}” is {count:,} characters long; at most {MAX_CHARS:,} fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put images in as files (![logo](logo.png)), not as pasted data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature “{name}” holds a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check who owns the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not valid TOML: {exc}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the file, or move it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no signature called “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
