; Inno Setup script of Carnet's Windows installer (per-user, no administrator rights needed).
; Built by build_bundle.py on Windows when ISCC is on PATH, after PyInstaller made dist\carnet:
;   ISCC /DVersion=0.1.0 /DSourceDir=...\dist\carnet /DIconFile=...\build\icons\carnet.ico carnet.iss
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\..\dist\carnet"
#endif
#ifndef IconFile
  #define IconFile "..\..\..\build\icons\carnet.ico"
#endif

[Setup]
AppId={{6B0E3C3A-2F1D-4E55-9C1B-6E3A0B7C4D21}
AppName=Carnet
AppVersion={#Version}
AppVerName=Carnet {#Version}
AppPublisher=Réseau des tiers-lieux
AppComments=Fiches de visite des tiers-lieux, hors ligne
DefaultDirName={autopf}\Carnet
DefaultGroupName=Carnet
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=Carnet-{#Version}-installation
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Carnet.exe
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The Start-menu entry (and, if chosen, the desktop one) open the window; carnet-cli.exe is for scripts.
Name: "{group}\Carnet"; Filename: "{app}\Carnet.exe"; Comment: "Fiches de visite des tiers-lieux"
Name: "{group}\{cm:UninstallProgram,Carnet}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Carnet"; Filename: "{app}\Carnet.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Carnet.exe"; Description: "{cm:LaunchProgram,Carnet}"; Flags: nowait postinstall skipifsilent
