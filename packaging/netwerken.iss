; Inno Setup script: a per-user Windows installer for the bundle in dist\Netwerken.
;
;     python packaging\build.py          (makes and tests dist\Netwerken)
;     iscc packaging\netwerken.iss       (makes dist\installer\Netwerken-setup-<version>.exe)
;
; Officers have no administrator rights: the program installs into the user's own programs
; folder (%LOCALAPPDATA%\Programs\Netwerken), gets a Start-menu entry and an uninstaller (Settings
; > Apps), and may open .sqlite files ("Netwerken-database") on a double click if the officer
; ticks that box. The database itself is never in the program folder: it lives in
; Documents\Netwerken and stays there when the program is uninstalled or updated.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Netwerken"
#define WindowProgram "Netwerken.exe"
#define ProgId "Netwerken.Database"

[Setup]
; The same id for every version: an update replaces the installed one.
AppId={{6F1C8E2A-4B7D-4E59-9A3C-2D5E8B1F7C40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Netwerken
AppComments=Fiches van lokale netwerken vrijetijdsparticipatie beheren
; Per user, no administrator rights: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=Netwerken-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#WindowProgram}
; Windows is told that file associations changed, so Explorer shows them at once.
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.AssociateTask=.sqlite-bestanden openen met Netwerken (Netwerken-database)
en.AssociateTask=Open .sqlite files with Netwerken (Netwerken database)
nl.DesktopTask=Snelkoppeling op het bureaublad
en.DesktopTask=Shortcut on the desktop
nl.FileTypeName=Netwerken-database
en.FileTypeName=Netwerken database
nl.LaunchNow=Netwerken nu starten
en.LaunchNow=Start Netwerken now

[Tasks]
Name: "associate"; Description: "{cm:AssociateTask}"; Flags: unchecked
Name: "desktopicon"; Description: "{cm:DesktopTask}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both programs and _internal\.
Source: "..\dist\Netwerken\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not keep modules of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#WindowProgram}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#WindowProgram}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Per user (HKA is HKCU for a per-user install): the file type and "open with" for .sqlite.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#WindowProgram},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#WindowProgram}"" --db ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#WindowProgram}\SupportedTypes"; ValueType: string; ValueName: ".sqlite"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate

[Run]
Filename: "{app}\{#WindowProgram}"; Description: "{cm:LaunchNow}"; WorkingDir: "{userdocs}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder; Documents\Netwerken (the database and its backups) is the officer's.
Type: filesandordirs; Name: "{app}\_internal"
