<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="+135"/>
        <source>Niet verplaatst</source>
        <translation>Not moved</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database verplaatst</source>
        <translation>Database moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De database staat nu in {path}.</source>
        <translation>The database is now in {path}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Database niet geopend</source>
        <translation>Database not opened</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>AuthorDialog</name>
    <message>
        <location filename="../../desktop/window/history_view.py" line="+514"/>
        <source>Voorkeuren</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Elke wijziging in de geschiedenis van een netwerk vermeldt deze naam, ook bij collega&apos;s die je bestand samenvoegen. Leeg: de gebruikersnaam van de computer.</source>
        <translation>Every change in a network&apos;s history carries this name, also for colleagues who merge your file. Empty: the computer&apos;s user name.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/exchange/dialogs.py" line="+927"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kies de back-up die je wilt terugzetten. De huidige toestand van de database wordt eerst als back-up bewaard, zodat je ook dit kunt terugdraaien.</source>
        <translation>Choose the backup you want to restore. The current state of the database is saved as a backup first, so this can be undone as well.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../desktop/printing/view.py" line="+135"/>
        <source>Profielen exporteren als PDF</source>
        <translation>Export profiles as PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 netwerk exporteren:</source>
        <translation>Export 1 network:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} netwerken exporteren:</source>
        <translation>Export {count} networks:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Eén PDF met titelpagina en inhoudstafel</source>
        <translation>One PDF with a title page and table of contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eén PDF per netwerk, in een map</source>
        <translation>One PDF per network, in a folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interne notities meedrukken</source>
        <translation>Include internal notes</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../desktop/form/form_widgets.py" line="+395"/>
        <source>&apos;{text}&apos; weghalen</source>
        <translation>Remove &apos;{text}&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Vooraan zetten</source>
        <translation>Move to the front</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weghalen</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>DeletedDialog</name>
    <message>
        <location filename="../../desktop/window/history_view.py" line="-62"/>
        <source>Verwijderde netwerken</source>
        <translation>Deleted networks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kies een netwerk om het terug te zetten zoals het was voor het verwijderen.</source>
        <translation>Choose a network to put it back as it was before it was deleted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Er zijn geen verwijderde netwerken in deze database.</source>
        <translation>There are no deleted networks in this database.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop/dialogs.py" line="+117"/>
        <source>Netwerken-database (*.sqlite *.db);;Alle bestanden (*)</source>
        <translation>Netwerken database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Niet-opgeslagen wijzigingen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wil je de wijzigingen aan &apos;{name}&apos; opslaan?</source>
        <translation>Do you want to save the changes to &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Als je niet opslaat, gaan je wijzigingen verloren.</source>
        <translation>If you don&apos;t save, your changes will be lost.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Niet opslaan</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <location line="+47"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Netwerk verwijderen</source>
        <translation>Delete network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Het netwerk &apos;{name}&apos; verwijderen?</source>
        <translation>Delete the network &apos;{name}&apos;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Je kunt dit ongedaan maken zolang het programma open is (Bewerken › Ongedaan maken).</source>
        <translation>You can undo this as long as the program is open (Edit › Undo).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De niet-opgeslagen wijzigingen in het formulier gaan verloren.</source>
        <translation>The unsaved changes in the form will be lost.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nieuw netwerk weggooien</source>
        <translation>Discard new network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dit nieuwe netwerk werd nog niet opgeslagen. Weggooien?</source>
        <translation>This new network has not been saved yet. Discard it?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Intussen gewijzigd</source>
        <translation>Changed in the meantime</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Herladen laat je wijzigingen vallen. Opnieuw opslaan zet het netwerk terug met je wijzigingen. Annuleren laat alles in het formulier staan.</source>
        <translation>Reload drops your changes. Save again puts the network back with your changes. Cancel leaves everything in the form.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opnieuw opslaan</source>
        <translation>Save again</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Herladen toont de andere versie en laat je wijzigingen vallen. Overschrijven vervangt de andere wijziging door de jouwe. Annuleren laat alles in het formulier staan.</source>
        <translation>Reload shows the other version and drops your changes. Overwrite replaces the other change with yours. Cancel leaves everything in the form.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overschrijven</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Herladen</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Database verplaatsen?</source>
        <translation>Move the database?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Je database staat nog in een verborgen map:
{old}

Wil je ze verplaatsen naar je Documenten, waar ze zichtbaar is en mee geback-upt wordt?
{new}</source>
        <translation>Your database is still in a hidden folder:
{old}

Do you want to move it to your Documents, where it is visible and backed up?
{new}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De back-ups gaan mee. Het oude bestand blijft als &apos;.verplaatst&apos; staan; er gaat niets verloren.</source>
        <translation>The backups go along. The old file stays as &apos;.verplaatst&apos;; nothing is lost.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verplaatsen</source>
        <translation>Move</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Laten staan, niet meer vragen</source>
        <translation>Leave it, don&apos;t ask again</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Het netwerk kan nog niet opgeslagen worden. Verbeter eerst:</source>
        <translation>The network cannot be saved yet. First correct:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… en nog {count} andere.</source>
        <translation>… and {count} more.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Database openen</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nieuwe database</source>
        <translation>New database</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Over Netwerken</source>
        <translation>About Netwerken</translation>
    </message>
</context>
<context>
    <name>EuroField</name>
    <message>
        <location filename="../../desktop/form/form_widgets.py" line="-126"/>
        <source>bv. € 6.613</source>
        <translation>e.g. € 6.613</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>= {amount}</source>
        <translation>= {amount}</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../desktop/exchange/dialogs.py" line="-817"/>
        <source>Even geduld</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>(verwijderd)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Het netwerk</source>
        <translation>The network</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Veld</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gemeenschappelijke versie</source>
        <translation>Common version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mijn versie ({when})</source>
        <translation>My version ({when})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hun versie ({when})</source>
        <translation>Their version ({when})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>mijn versie (automatisch)</source>
        <translation>my version (automatic)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hun versie (automatisch)</source>
        <translation>their version (automatic)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beide samen (automatisch)</source>
        <translation>both combined (automatic)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+110"/>
        <source>Blijft</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hier verwijderd, daar gewijzigd.</source>
        <translation>Deleted here, changed there.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hier gewijzigd, daar verwijderd.</source>
        <translation>Changed here, deleted there.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gekoppeld via de hoofdgemeente: de twee versies hebben een verschillende id. Kies je hun versie, dan krijgt jouw netwerk hun inhoud en houdt het zijn eigen id.</source>
        <translation>Matched by the lead municipality: the two versions have different ids. If you choose their version, your network gets their content and keeps its own id.</translation>
    </message>
    <message>
        <location line="-122"/>
        <location line="+141"/>
        <source>nog kiezen</source>
        <translation>to choose</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+138"/>
        <source>mijn versie</source>
        <translation>my version</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+138"/>
        <source>hun versie</source>
        <translation>their version</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>zelf aangepast:</source>
        <translation>edited by hand:</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>per veld</source>
        <translation>per field</translation>
    </message>
    <message>
        <location line="+412"/>
        <source>Dagelijkse back-up</source>
        <translation>Daily backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voor het vervangen bij een import</source>
        <translation>Before replacing during an import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voor het samenvoegen bij een import</source>
        <translation>Before merging during an import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voor het bijwerken naar een nieuwe versie</source>
        <translation>Before upgrading to a new version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voor het terugzetten van een back-up</source>
        <translation>Before restoring a backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handmatig</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Gemaakt op</source>
        <translation>Made on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netwerken</source>
        <translation>Networks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waarom</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>onleesbaar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Database of uitwisselbestand importeren</source>
        <translation>Import database or exchange file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Netwerken-database of JSON-uitwisselbestand (*.sqlite *.db *.json);;Alle bestanden (*)</source>
        <translation>Netwerken database or JSON exchange file (*.sqlite *.db *.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Database exporteren</source>
        <translation>Export database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Netwerken-database (*.sqlite)</source>
        <translation>Netwerken database (*.sqlite)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV voor Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON-uitwisselbestand, volledig (*.json)</source>
        <translation>JSON exchange file, complete (*.json)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporteren als JSON, CSV of Excel</source>
        <translation>Export as JSON, CSV or Excel</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <location line="+53"/>
        <source>{count} netwerk(en) zonder persoonsgegevens geëxporteerd naar {path}</source>
        <translation>{count} network(s) exported without personal data to {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 netwerk geëxporteerd naar {path}</source>
        <translation>1 network exported to {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} netwerken geëxporteerd naar {path}</source>
        <translation>{count} networks exported to {path}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>De database wordt geëxporteerd…</source>
        <translation>Exporting the database…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <location line="+5"/>
        <source>Export mislukt</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Bezig met exporteren…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} kon niet geschreven worden: {reason}</source>
        <translation>{name} could not be written: {reason}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Het bestand wordt gecontroleerd…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import gestopt; je database is ongewijzigd.</source>
        <translation>Import stopped; your database is unchanged.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import mislukt</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+86"/>
        <source>{reason}

Er werd niets gewijzigd.</source>
        <translation>{reason}

Nothing was changed.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Er werd niets ingelezen; je eigen database is ongewijzigd.</source>
        <translation>Nothing was read in; your own database is unchanged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niet geïmporteerd</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>De gegevens worden vervangen…</source>
        <translation>Replacing the data…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import klaar</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>De versies worden vergeleken…</source>
        <translation>Comparing the versions…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>De gegevens worden samengevoegd…</source>
        <translation>Merging the data…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Back-up van de toestand ervoor: {name}</source>
        <translation>Backup of the state before: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samenvoegen klaar</source>
        <translation>Merge finished</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Back-up terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Er zijn nog geen back-ups van deze database.</source>
        <translation>There are no backups of this database yet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>De back-up wordt teruggezet…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Terugzetten mislukt</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Back-up teruggezet</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teruggezet: de back-up van {when}.</source>
        <translation>Restored: the backup of {when}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>De dagelijkse back-up is niet gelukt: {reason}</source>
        <translation>The daily backup failed: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dagelijkse back-up gemaakt: {name}</source>
        <translation>Daily backup made: {name}</translation>
    </message>
</context>
<context>
    <name>FieldEditDialog</name>
    <message>
        <location filename="../../desktop/exchange/field_editor.py" line="+50"/>
        <source>Zelf aanpassen: {field}</source>
        <translation>Edit it yourself: {field}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Schrijf wat blijft, één item per regel.</source>
        <translation>Write what stays, one item per line.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schrijf wat blijft.</source>
        <translation>Write what stays.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Overnemen</source>
        <translation>Use this</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../desktop/window/search_bar.py" line="+232"/>
        <source>Alle provincies</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Elk jaar</source>
        <translation>Any year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alleen netwerken met een afsprakennota die dit jaar loopt</source>
        <translation>Only networks with an agreement period running in this year</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Min. €</source>
        <translation>Min. €</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max. €</source>
        <translation>Max. €</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+85"/>
        <source>Trekkingsrecht in euro, bv. 6.613 of 6613,50</source>
        <translation>Drawing right in euro, e.g. 6.613 or 6613,50</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met een partner waarin deze woorden voorkomen</source>
        <translation>With a partner whose name or description contains these words</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Te controleren</source>
        <translation>To check</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alleen netwerken met waarschuwingen van het inlezen die nog niet gecontroleerd zijn</source>
        <translation>Only networks with import warnings not yet checked</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filters:</source>
        <translation>Filters:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trekkingsrecht</source>
        <translation>Drawing right</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Geen bedrag: gebruik cijfers, bv. 6.613 of 6613,50</source>
        <translation>Not an amount: use digits, e.g. 6.613 or 6613,50</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{label} ({count}) ✕</source>
        <translation>{label} ({count}) ✕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alleen deze netwerken uit het overzicht. Klik om die keuze te wissen.</source>
        <translation>Only these networks from the overview. Click to drop this choice.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../desktop/window/help_menu.py" line="+76"/>
        <location line="+60"/>
        <source>Zoeken: zo werkt het</source>
        <translation>Searching: how it works</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+99"/>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+105"/>
        <location line="+4"/>
        <location line="+22"/>
        <source>Waar staan mijn gegevens?</source>
        <translation>Where is my data?</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>netwerken met beide woorden, in welk veld ook (hoofdletters en accenten tellen niet)</source>
        <translation>networks with both words, in any field (capitals and accents do not matter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ook het begin van een woord: welzijn, welzijnsschakel</source>
        <translation>the start of a word too: welzijn, welzijnsschakel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>de woorden samen, in deze volgorde</source>
        <translation>the words together, in this order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>het ene of het andere (ook: OR)</source>
        <translation>one or the other (also: OR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met vorming, maar zonder sport (ook: NIET sport)</source>
        <translation>with vorming but without sport (also: NOT sport)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Typ in het zoekveld (Ctrl+F). De lijst toont wat je zoekt terwijl je typt; de kolom Gevonden in zegt waar het woord staat.</source>
        <translation>Type in the search field (Ctrl+F). The list shows what you look for while you type; the Found in column says where the word is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filters (knop Filters) beperken op provincie, gemeente, jaar, trekkingsrecht, partner en instrument. Esc wist de zoekopdracht, nog eens Esc de filters. Pijl omlaag gaat naar de lijst.</source>
        <translation>Filters (the Filters button) narrow by province, municipality, year, drawing right, partner and instrument. Esc clears the search, Esc again the filters. Arrow down goes to the list.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>naar het volgende of vorige veld; in een tabel naar de volgende of vorige cel</source>
        <translation>to the next or previous field; in a table to the next or previous cell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in Gemeenten of Instrumenten: de getypte naam toevoegen</source>
        <translation>in Municipalities or Instruments: add the name typed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pijl omlaag, Enter</source>
        <translation>Arrow down, Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>een voorgestelde gemeente kiezen</source>
        <translation>choose a suggested municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>de gekozen cel of doelstelling bewerken</source>
        <translation>edit the chosen cell or goal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>een cel verlaten zonder te bewaren; in het zoekveld: wissen</source>
        <translation>leave a cell without keeping it; in the search field: clear it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt + onderstreepte letter</source>
        <translation>Alt + underlined letter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>een menu openen</source>
        <translation>open a menu</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deze database is geen bestand op deze computer.</source>
        <translation>This database is not a file on this computer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>De database</source>
        <translation>The database</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alle fiches staan in dit ene bestand. Kopieer het (met het programma dicht) om ze mee te nemen, of gebruik Bestand › Exporteren.</source>
        <translation>All profiles are in this one file. Copy it (with the program closed) to take them along, or use File › Export.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De back-ups</source>
        <translation>The backups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Netwerken maakt elke dag bij de start een back-up, en ook voor het inlezen van een database of uitwisselbestand, voor het terugzetten van een back-up en voor het omzetten naar een nieuwe versie. De oudste worden opgeruimd. Terugzetten: Bestand › Back-up terugzetten…</source>
        <translation>Netwerken makes a backup every day when it starts, and also before reading in a database or exchange file, before restoring a backup and before converting to a new version. The oldest are cleaned up. To restore: File › Restore backup…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De instellingen</source>
        <translation>The settings</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Map van de database openen</source>
        <translation>Open the database folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map van de back-ups openen</source>
        <translation>Open the backups folder</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../desktop/window/history_view.py" line="-384"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+340"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-339"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Velden</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> (onleesbaar)</source>
        <translation> (unreadable)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Geen inhoudelijke wijziging.</source>
        <translation>No change to the content.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Voordien</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nu</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+286"/>
        <source>Netwerk</source>
        <translation>Network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verwijderd op</source>
        <translation>Deleted on</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location line="-238"/>
        <source>Deze versie terugzetten</source>
        <translation>Restore this version</translation>
    </message>
</context>
<context>
    <name>ImportModeDialog</name>
    <message>
        <location filename="../../desktop/exchange/dialogs.py" line="-879"/>
        <location line="+70"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; bevat 1 netwerk.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; holds 1 network.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; bevat {count} netwerken.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; holds {count} networks.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Geëxporteerd met Netwerken {version} op {when}.</source>
        <translation>Exported with Netwerken {version} on {when}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Het bestand komt van een oudere versie van het programma; een kopie ervan werd bijgewerkt (het bestand zelf blijft ongewijzigd).</source>
        <translation>The file comes from an older version of the program; a copy of it was upgraded (the file itself stays unchanged).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Je eigen database bevat nu 1 netwerk.</source>
        <translation>Your own database now holds 1 network.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Je eigen database bevat nu {count} netwerken.</source>
        <translation>Your own database now holds {count} networks.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Let op:&lt;/b&gt; vervangen door dit bestand maakt je database leeg.</source>
        <translation>&lt;b&gt;Note:&lt;/b&gt; replacing with this file empties your database.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Samenvoegen met mijn gegevens</source>
        <translation>Merge with my data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nieuwe netwerken worden toegevoegd. Waar beide versies verschillen, kies je per netwerk welke blijft; niets wordt ongevraagd overschreven.</source>
        <translation>New networks are added. Where the two versions differ, you choose per network which one to keep; nothing is overwritten without asking.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mijn gegevens vervangen door dit bestand</source>
        <translation>Replace my data with this file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Je huidige database wordt eerst als back-up bewaard; je kunt ze terugzetten met Bestand › Back-up terugzetten…</source>
        <translation>Your current database is saved as a backup first; you can bring it back with File › Restore backup…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportWarningsBox</name>
    <message>
        <location filename="../../desktop/form/import_warnings.py" line="+42"/>
        <source>Gecontroleerd</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ik heb dit nagekeken: het netwerk is niet langer &apos;te controleren&apos;</source>
        <translation>I have looked into this: the network is no longer &apos;to check&apos;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Te controleren: bij het inlezen van {file} is dit gemeld</source>
        <translation>To check: reading {file} reported this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>de tekst</source>
        <translation>the text</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/window/main_window.py" line="+121"/>
        <source>Fiche bewerken</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Kies een netwerk in de lijst, of maak een nieuw netwerk (Ctrl+N).</source>
        <translation>Choose a network in the list, or create a new network (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>komt in een volgende versie</source>
        <translation>coming in a later version</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nieuwe database…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database openen…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database importeren…</source>
        <translation>Import database…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiches importeren…</source>
        <translation>Import profiles…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database exporteren…</source>
        <translation>Export database…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporteren als JSON, CSV of Excel…</source>
        <translation>Export as JSON, CSV or Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back-up terugzetten…</source>
        <translation>Restore backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zonder persoonsgegevens</source>
        <translation>Without personal data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporteren zonder namen, e-mailadressen en telefoonnummers van contactpersonen (rol en organisatie blijven), ook niet in de brontekst of de geschiedenis</source>
        <translation>Export without the names, e-mail addresses and phone numbers of contact persons (role and organisation stay), also not in source texts or history</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Afdrukvoorbeeld…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporteren als PDF…</source>
        <translation>Export as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nieuw netwerk</source>
        <translation>New network</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Een nieuw netwerk toevoegen (Ctrl+N)</source>
        <translation>Add a new network (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Het netwerk opslaan (Ctrl+S)</source>
        <translation>Save the network (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wijzigingen ongedaan maken</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terug naar de opgeslagen versie</source>
        <translation>Go back to the saved version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Het gekozen netwerk verwijderen</source>
        <translation>Delete the selected network</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Standaardindeling herstellen</source>
        <translation>Restore default layout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Over Netwerken</source>
        <translation>About Netwerken</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recente databases</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bee&amp;ld</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+409"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Opgeslagen: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Niet geopend</source>
        <translation>Not opened</translation>
    </message>
    <message>
        <location line="-332"/>
        <source>Fiche laden…</source>
        <translation>Loading the profile…</translation>
    </message>
    <message>
        <location line="+450"/>
        <source>Niet verwijderd</source>
        <translation>Not deleted</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&apos;{name}&apos; verwijderd. Ongedaan maken (Ctrl+Z) zet het terug.</source>
        <translation>&apos;{name}&apos; deleted. Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Netwerk teruggezet.</source>
        <translation>Network restored.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Database niet geopend</source>
        <translation>Database not opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}

De huidige database blijft open.</source>
        <translation>{reason}

The current database stays open.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Database niet gemaakt</source>
        <translation>Database not created</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(nog geen)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lijst wissen</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database niet gevonden</source>
        <translation>Database not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} bestaat niet meer; het wordt uit de lijst gehaald.</source>
        <translation>{path} no longer exists; it is removed from the list.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Geopend: {path}</source>
        <translation>Opened: {path}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Netwerken gebruikt de gekozen taal vanaf de volgende start.</source>
        <translation>Netwerken uses the chosen language from the next start.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;h3&gt;Netwerken {version}&lt;/h3&gt;&lt;p&gt;Fiches van lokale netwerken vrijetijdsparticipatie beheren, volledig offline.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;br&gt;Netwerken: {count}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Netwerken {version}&lt;/h3&gt;&lt;p&gt;Manage the profiles of local networks for leisure participation, fully offline.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;br&gt;Networks: {count}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{count} netwerken</source>
        <translation>{count} networks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 netwerk</source>
        <translation>1 network</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} van {total} netwerken</source>
        <translation>{shown} of {total} networks</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(geen bestand)</source>
        <translation>(no file)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/exchange/dialogs.py" line="+110"/>
        <source>Voor dit netwerk:</source>
        <translation>For this network:</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+44"/>
        <source>Mijn versie</source>
        <translation>My version</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Samenvoegen: conflicten kiezen</source>
        <translation>Merge: choose in conflicts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 netwerk werd aan beide kanten anders gewijzigd ({name}).</source>
        <translation>1 network was changed differently on both sides ({name}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{conflicts} netwerken werden aan beide kanten anders gewijzigd ({name}).</source>
        <translation>{conflicts} networks were changed differently on both sides ({name}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kies per veld welke versie blijft; de andere velden worden vanzelf samengevoegd. Daarnaast: {new} nieuw, {automatic} vanzelf overgenomen of gecombineerd, {same} gelijk of alleen bij jou gewijzigd.</source>
        <translation>Choose per field which version stays; the other fields are merged by themselves. Besides: {new} new, {automatic} taken or combined by themselves, {same} equal or changed only by you.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Voor dit veld:</source>
        <translation>For this field:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+44"/>
        <source>Hun versie</source>
        <translation>Their version</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Zelf aanpassen…</source>
        <translation>Edit yourself…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overal mijn versie</source>
        <translation>My version everywhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overal hun versie</source>
        <translation>Their version everywhere</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Voor alle conflicten:</source>
        <translation>For all conflicts:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Samenvoegen</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Nog 1 netwerk te kiezen</source>
        <translation>1 network still to choose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nog {count} netwerken te kiezen</source>
        <translation>{count} networks still to choose</translation>
    </message>
</context>
<context>
    <name>NetworkForm</name>
    <message>
        <location filename="../../desktop/form/network_form.py" line="+217"/>
        <source>Wijzigingen ongedaan maken: terug naar de opgeslagen versie</source>
        <translation>Revert changes: go back to the saved version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Het netwerk opslaan (Ctrl+S)</source>
        <translation>Save the network (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <location line="+32"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>bv. Lokaal netwerk Gent</source>
        <translation>e.g. Lokaal netwerk Gent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eigen naam</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>de naam die het netwerk zelf gebruikt</source>
        <translation>the name the network uses for itself</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gemeenten</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>typ een gemeente en druk op Enter</source>
        <translation>type a municipality and press Enter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Provincie</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>— geen —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bv. Meetjesland</source>
        <translation>e.g. Meetjesland</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Afsprakennota&apos;s</source>
        <translation>Agreement periods</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Trekkingsrecht</source>
        <translation>Drawing right</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beginjaar</source>
        <translation>Start year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eindjaar</source>
        <translation>End year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Afsprakennota toevoegen</source>
        <translation>Add agreement period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visie en doelgroep</source>
        <translation>Vision and target group</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Visie</source>
        <translation>Vision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Focus doelgroep</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Instrumenten</source>
        <translation>Instruments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>typ een instrument en druk op Enter</source>
        <translation>type an instrument and press Enter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partner toevoegen</source>
        <translation>Add partner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Doelstellingen en acties</source>
        <translation>Goals and actions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doelstellingen</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ Doelstelling</source>
        <translation>+ Goal</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>+ Actie</source>
        <translation>+ Action</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>+ Deelactie</source>
        <translation>+ Sub-action</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Doelstellingen, acties en deelacties</source>
        <translation>Goals, actions and sub-actions</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Acties zonder doelstelling</source>
        <translation>Actions without a goal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overleg en contact</source>
        <translation>Meetings and contact</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlegmomenten</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Functie</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contactpersoon toevoegen</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contactpersonen</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Andere rubrieken</source>
        <translation>Other sections</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Rubrieken</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bijschrift</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bijschrift toevoegen</source>
        <translation>Add caption</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bijschriften</source>
        <translation>Captions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interne notities</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alleen voor intern gebruik: komt niet op de afgedrukte fiche.</source>
        <translation>For internal use only: not printed on the profile.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gegevens</source>
        <translation>Record details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aangemaakt:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laatst gewijzigd:</source>
        <translation>Last changed:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Oorspronkelijke tekst tonen…</source>
        <translation>Show original text…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bron:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Beeldrechten:</source>
        <translation>Image credits:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nieuw netwerk</source>
        <translation>New network</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>{field} wijzigen</source>
        <translation>change to {field}</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>nog niet opgeslagen</source>
        <translation>not saved yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>laatst gewijzigd {moment}</source>
        <translation>last changed {moment}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>niet-opgeslagen wijzigingen</source>
        <translation>unsaved changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>valt buiten de zoekopdracht</source>
        <translation>not in the search result</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{moment} (versie {version})</source>
        <translation>{moment} (version {version})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(zonder bestandsnaam)</source>
        <translation>(no file name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ingelezen {moment}</source>
        <translation>read in {moment}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>met de hand ingevoerd</source>
        <translation>entered by hand</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Oorspronkelijke tekst van {name}</source>
        <translation>Original text of {name}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Nog niet in orde: {problem}</source>
        <translation>Not ready yet: {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nog {count} dingen in orde brengen: {problem} …</source>
        <translation>{count} things to put right: {problem} …</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+19"/>
        <location line="+6"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Verwijderd</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; werd intussen verwijderd.</source>
        <translation>&apos;{name}&apos; was deleted in the meantime.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>wijzigingen ongedaan maken</source>
        <translation>revert changes</translation>
    </message>
</context>
<context>
    <name>NetworkListModel</name>
    <message>
        <location filename="../../desktop/window/network_list.py" line="+186"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemeenten</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provincie</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trekkingsrecht</source>
        <translation>Drawing right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Afsprakennota</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gewijzigd</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gevonden in</source>
        <translation>Found in</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Laatst gewijzigd: {moment}</source>
        <translation>Last changed: {moment}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name}
Te controleren: het inlezen van de tekst gaf waarschuwingen.</source>
        <translation>{name}
To check: reading the text gave warnings.</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <location filename="../../desktop/overview/view.py" line="+288"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Overzicht van de netwerken</source>
        <translation>Overview of the networks</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Overzicht berekenen…</source>
        <translation>Computing the overview…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Alle {count} netwerken van de database.</source>
        <translation>All {count} networks of the database.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De {shown} van {total} netwerken in de lijst</source>
        <translation>The {shown} of {total} networks in the list</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>zoekopdracht ‘{text}’</source>
        <translation>search ‘{text}’</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filters</source>
        <translation>filters</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Niet gelukt</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label}: {count} netwerken in de lijst</source>
        <translation>{label}: {count} networks in the list</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Niet afgedrukt</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overzicht als PDF</source>
        <translation>Overview as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+22"/>
        <source>Niet bewaard</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+26"/>
        <source>Bewaard: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Overzicht als Excel-bestand</source>
        <translation>Overview as an Excel file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-bestanden (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} kon niet geschreven worden ({reason}).</source>
        <translation>{name} could not be written ({reason}).</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location line="-391"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Overzicht berekenen…</source>
        <translation>Computing the overview…</translation>
    </message>
</context>
<context>
    <name>PersonListModel</name>
    <message>
        <location filename="../../desktop/privacy/persons_view.py" line="+99"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Netwerken</source>
        <translation>Networks</translation>
    </message>
</context>
<context>
    <name>PersonalDataHelp</name>
    <message>
        <location filename="../../desktop/privacy/help.py" line="+28"/>
        <source>Persoonsgegevens in Netwerken</source>
        <translation>Personal data in Netwerken</translation>
    </message>
</context>
<context>
    <name>PersonsView</name>
    <message>
        <location filename="../../desktop/privacy/persons_view.py" line="-42"/>
        <source>Inzage exporteren</source>
        <translation>Export access report</translation>
    </message>
    <message>
        <location line="+67"/>
        <location line="+115"/>
        <location line="+57"/>
        <source>Personen</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Zoek op naam, e-mailadres of telefoonnummer</source>
        <translation>Search by name, e-mail address or phone number</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Inzage exporteren…</source>
        <translation>Export access report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waar komt deze persoon voor?</source>
        <translation>Where does this person occur?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wissen…</source>
        <translation>Erase…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Definitief wissen</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+230"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Back-ups wissen</source>
        <translation>Delete backups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back-ups herschrijven zonder de persoon</source>
        <translation>Rewrite backups without the person</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Geen contactpersoon gekozen.</source>
        <translation>No contact person chosen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Zoeken waar de persoon voorkomt…</source>
        <translation>Searching where the person occurs…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Contactpersoon van:</source>
        <translation>Contact person of:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Komt voor in:</source>
        <translation>Occurs in:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>inzage</source>
        <translation>access-report</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+5"/>
        <source>Inzage exporteren mislukt</source>
        <translation>Exporting the access report failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} kon niet geschreven worden: {reason}</source>
        <translation>{name} could not be written: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inzage geschreven naar {path}</source>
        <translation>Access report written to {path}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nagaan wat het wissen verandert…</source>
        <translation>Checking what erasing changes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wissen</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{name} wissen?&lt;/b&gt; Dit verandert het volgende en kan niet ongedaan gemaakt worden:</source>
        <translation>&lt;b&gt;Erase {name}?&lt;/b&gt; This changes the following and cannot be undone:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Bezig met wissen…</source>
        <translation>Erasing…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wissen mislukt</source>
        <translation>Erasing failed</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deze back-ups van vóór het wissen bevatten de persoon nog:</source>
        <translation>These backups from before the erasure still hold the person:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Gewist.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Erased.&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back-ups laten staan</source>
        <translation>Keep backups</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Back-ups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} back-up(s) herschreven zonder de persoon.</source>
        <translation>{count} backup(s) rewritten without the person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} back-up(s) gewist.</source>
        <translation>{count} backup(s) deleted.</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../desktop/printing/view.py" line="+50"/>
        <source>Interne notities meedrukken</source>
        <translation>Include internal notes</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Afdrukvoorbeeld</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Afdrukken mislukt</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+32"/>
        <location line="+17"/>
        <source>Profielen lokale netwerken</source>
        <translation>Profiles of local networks</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Afdrukken (de fiche wordt in het Nederlands afgedrukt)</source>
        <translation>Print (the profile prints in Dutch)</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+17"/>
        <location line="+41"/>
        <source>Exporteren mislukt</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Profielen opmaken…</source>
        <translation>Laying out the profiles…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF maken</source>
        <translation>Making PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bezig met {name}…</source>
        <translation>Working on {name}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exporteren als PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Map voor de PDF-bestanden</source>
        <translation>Folder for the PDF files</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> en nog {count} andere</source>
        <translation> and {count} more</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bestanden overschrijven?</source>
        <translation>Overwrite files?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dit bestand bestaat al in deze map: {names}. Overschrijven?</source>
        <translation>This file already exists in this folder: {names}. Overwrite it?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} bestanden in deze map bestaan al: {names}. Overschrijven?</source>
        <translation>{count} files already exist in this folder: {names}. Overwrite them?</translation>
    </message>
</context>
<context>
    <name>ProfilePreview</name>
    <message>
        <location line="-389"/>
        <source>Kies een netwerk in de lijst om zijn profiel te zien.</source>
        <translation>Choose a network in the list to see its profile.</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../desktop/window/search_bar.py" line="+133"/>
        <location line="+12"/>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters tonen of verbergen</source>
        <translation>Show or hide the filters</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>1 netwerk gevonden</source>
        <translation>1 network found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} netwerken gevonden</source>
        <translation>{count} networks found</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Geen netwerken gevonden</source>
        <translation>No networks found</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Geen netwerken gevonden voor ‘{text}’.</source>
        <translation>No networks found for ‘{text}’.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geen netwerken gevonden met deze filters.</source>
        <translation>No networks found with these filters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tip: wis een of meer filters, of typ minder of kortere woorden.</source>
        <translation>Tip: clear one or more filters, or type fewer or shorter words.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tip: typ minder of kortere woorden, of controleer de spelling. Esc wist de zoekopdracht.</source>
        <translation>Tip: type fewer or shorter words, or check the spelling. Esc clears the search.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location line="-508"/>
        <source>Zoeken… (Ctrl+F)</source>
        <translation>Search… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoek in alle velden. Alle woorden moeten voorkomen (ook als begin van een woord); &quot;…&quot; zoekt een woordgroep, OF geeft alternatieven, -woord sluit uit.</source>
        <translation>Search all fields. Every word must occur (also as the start of a word); &quot;…&quot; searches for a phrase, OR gives alternatives, -word excludes.</translation>
    </message>
</context>
<context>
    <name>SectionsField</name>
    <message>
        <location filename="../../desktop/form/list_editors.py" line="+526"/>
        <source>Titel van de rubriek</source>
        <translation>Title of the section</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nog geen andere rubrieken.</source>
        <translation>No other sections yet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rubriek toevoegen</source>
        <translation>Add section</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Een nieuwe rubriek toevoegen</source>
        <translation>Add a new section</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De gekozen rubriek verwijderen</source>
        <translation>Delete the selected section</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoger zetten</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lager zetten</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>(zonder titel)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>TableField</name>
    <message>
        <location line="-282"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De gekozen rij verwijderen</source>
        <translation>Delete the selected row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoger zetten</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lager zetten</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>TextImport</name>
    <message>
        <location filename="../../desktop/exchange/text_import.py" line="+42"/>
        <location line="+137"/>
        <source>Fiches importeren</source>
        <translation>Import profiles</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Fiches (*.txt);;Alle bestanden (*)</source>
        <translation>Profiles (*.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Netwerk bestaat al</source>
        <translation>Network already exists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voor {municipality} staat al een netwerk in de database: {stored}.</source>
        <translation>The database already holds a network for {municipality}: {stored}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bijwerken vervangt de inhoud door de fiche ({file}) en houdt je interne notities. Overslaan laat het bestaande netwerk zoals het is. Beide houden maakt een tweede netwerk.</source>
        <translation>Update replaces the content with the profile ({file}) and keeps your internal notes. Skip leaves the existing network as it is. Keep both makes a second network.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overslaan</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beide houden</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import stoppen</source>
        <translation>Stop import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hetzelfde doen voor alle volgende</source>
        <translation>Do the same for all that follow</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Import gestopt: er is niets opgeslagen.</source>
        <translation>Import stopped: nothing was saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import mislukt</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Er is niets opgeslagen.</source>
        <translation>Nothing was saved.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fiches geïmporteerd</source>
        <translation>Profiles imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geen fiches geïmporteerd</source>
        <translation>No profiles imported</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fiches lezen…</source>
        <translation>Reading profiles…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import geannuleerd: er is niets opgeslagen.</source>
        <translation>Import cancelled: nothing was saved.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>geïmporteerd</source>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bijgewerkt</source>
        <translation>updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overgeslagen</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mislukt</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>TreeField</name>
    <message>
        <location filename="../../desktop/form/goal_tree.py" line="+201"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Het gekozen item en alles eronder verwijderen</source>
        <translation>Delete the selected item and everything under it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hoger zetten</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lager zetten</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../desktop/form/undo.py" line="+87"/>
        <source>verwijderen van &apos;{name}&apos;</source>
        <translation>deletion of &apos;{name}&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/window/history_view.py" line="+25"/>
        <source>terugzetten van een versie van &apos;{name}&apos;</source>
        <translation>restoring a version of &apos;{name}&apos;</translation>
    </message>
</context>
<context>
    <name>WindowHistory</name>
    <message>
        <location line="+29"/>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verwijderde netwerken…</source>
        <translation>Deleted networks…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verwijderde netwerken terugvinden en terugzetten</source>
        <translation>Find and restore deleted networks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voorkeuren…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{count} versies van &apos;{name}&apos;</source>
        <translation>{count} versions of &apos;{name}&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kies een netwerk om zijn geschiedenis te zien.</source>
        <translation>Choose a network to see its history.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Het netwerk werd verwijderd.</source>
        <translation>The network was deleted.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Oudere versie teruggezet. Ongedaan maken (Ctrl+Z) zet de vorige terug.</source>
        <translation>Older version restored. Undo (Ctrl+Z) puts back the previous one.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+25"/>
        <source>Niet teruggezet</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Niet gelukt</source>
        <translation>Did not work</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&apos;{name}&apos; teruggezet.</source>
        <translation>&apos;{name}&apos; restored.</translation>
    </message>
</context>
<context>
    <name>WindowPrinting</name>
    <message>
        <location filename="../../desktop/printing/view.py" line="+420"/>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Netwerken in de lijst als PDF…</source>
        <translation>Networks in the list as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alle netwerken in de lijst (ook een zoekresultaat) als PDF</source>
        <translation>All networks in the list (a search result too) as PDF</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Let op: niet-opgeslagen wijzigingen staan niet op de afdruk.</source>
        <translation>Note: unsaved changes are not on the printout.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Zoekresultaat: {shown} van {total} netwerken</source>
        <translation>Search result: {shown} of {total} networks</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF gemaakt: {where}</source>
        <translation>PDF made: {where}</translation>
    </message>
</context>
<context>
    <name>WindowPrivacy</name>
    <message>
        <location filename="../../desktop/privacy/__init__.py" line="+25"/>
        <source>Personen…</source>
        <translation>Persons…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alle contactpersonen: inzage geven of iemand wissen</source>
        <translation>All contact persons: give access or erase someone</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Persoonsgegevens in Netwerken</source>
        <translation>Personal data in Netwerken</translation>
    </message>
</context>
</TS>
