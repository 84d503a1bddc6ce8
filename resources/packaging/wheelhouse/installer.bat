@echo off
rem Installe Carnet sans reseau, depuis ce dossier (copie dune cle USB).
rem Il faut la version de Python ecrite dans PYTHON_VERSION (python.org).
set /p VERSION=<"%~dp0PYTHON_VERSION"
set TARGET=%LOCALAPPDATA%\Programs\Carnet-python
py -%VERSION% -m venv "%TARGET%" || goto :nopython
"%TARGET%\Scripts\pip.exe" install --no-index --find-links "%~dp0wheels" --require-hashes -r "%~dp0requirements.txt" || goto :failed
echo Carnet est installe : "%TARGET%\Scripts\carnet.exe"
exit /b 0
:nopython
echo Python %VERSION% est introuvable : installez-le depuis python.org, puis relancez.
exit /b 1
:failed
echo Linstallation a echoue : voir les messages de pip ci-dessus.
exit /b 1
