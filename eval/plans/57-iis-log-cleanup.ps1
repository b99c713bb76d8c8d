Get-ChildItem -Path C:\inetpub\logs -Recurse | Measure-Object -Property Length -Sum
Remove-Item -Path C:\inetpub\logs\LogFiles\* -Recurse -Force
Restart-Service -Name W3SVC
