@echo off
rem Installe Carnet sans reseau, depuis ce dossier (copie dune cle USB).
rem Il faut Python 3.11 ou plus recent (python.org, case « Add python.exe to PATH »).
set TARGET=%LOCALAPPDATA%\Carnet\python
py -3 -m venv "%TARGET%" || python -m venv "%TARGET%" || goto :nopython
"%TARGET%\Scripts\pip.exe" install --no-index --find-links "%~dp0wheels" --require-hashes -r "%~dp0requirements.txt" || goto :failed
echo Carnet est installe : "%TARGET%\Scripts\carnet.exe"
exit /b 0
:nopython
echo Python 3.11 est introuvable : installez-le depuis python.org, puis relancez.
exit /b 1
:failed
echo Linstallation a echoue : voir les messages de pip ci-dessus.
exit /b 1
